"""
Plants, milestones, plant figures and new companies from wordings the engine generalises to, each
on sentences written for it in English and French: where a plant stands and whether it runs,
the verbs and nouns of its milestones, and what an article states of a company it introduces.
"""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.models import Company
from sourcing.suggestions import suggest
from sourcing.suggestions.candidates import short_form

from .factories import make_company, make_plant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def known():
    pellucell = make_company("Pellucell", kind=Company.Kind.CELL_MAKER, country="FR")
    make_company("Moravia Auto", kind=Company.Kind.CARMAKER, country="CZ")
    return make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")


def suggested(body, language):
    return suggest(SimpleNamespace(pk=None, body=body, language=language))


def proposals(body, language, kind):
    return [p["fields"] for p in suggested(body, language)["proposals"] if p["kind"] == kind]


def mentioned(body, language, kind):
    return [m["text"] for m in suggested(body, language)["mentions"] if m["kind"] == kind]


# -- New plants: where they stand and whether they run ------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city", "status"),
    [
        ("Pellucell exploite à Vichy, dans l'Allier, une usine qui traite 8 000 tonnes de "
         "batteries usagées par an.", "fr", "Vichy", "operating"),
        ("Pellucell operates a cathode plant in Novara that employs 300 people.", "en", "Novara",
         "operating"),
        ("The Linköping plant currently assembles modules for three carmakers, Pellucell said.",
         "en", "Linköping", "operating"),
        ("Pellucell construira sa première usine sur un ancien site papetier de Saint-Dizier.",
         "fr", "Saint-Dizier", "announced"),
        ("Pellucell will build the plant on a former steelworks site in Terni.", "en", "Terni",
         "announced"),
        ("La ligne pilote de Pellucell, inaugurée l'an dernier à Grenoble, produit ses premières "
         "cellules.", "fr", "Grenoble", "operating"),
        ("Pellucell will close its module workshop in Biella at the end of 2026.", "en", "Biella",
         "operating"),
    ],
)  # fmt: skip
def test_a_new_plant_by_its_place_and_whether_it_runs(body, language, city, status):
    (plant,) = proposals(body, language, "plant")
    assert (plant["city"], plant["status"], plant["operator"]) == (city, status, "pellucell")


def test_a_plant_to_be_inaugurated_does_not_run_yet():
    body = "Pellucell's cell plant in Novara will be inaugurated in 2027."
    (plant,) = proposals(body, "en", "plant")
    assert plant["status"] == "announced"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell a lancé lundi le chantier de son usine de cellules de Saint-Dizier.", "fr"),
        ("Pellucell broke ground on its Novara cell plant in March.", "en"),
        ("Pellucell pose la première pierre de son usine de Saint-Dizier.", "fr"),
    ],
)
def test_a_new_plant_whose_construction_began_is_under_construction(body, language):
    (plant,) = proposals(body, language, "plant")
    assert plant["status"] == "under_construction"


def test_a_plant_close_to_a_place_is_not_one_to_be_closed():
    body = "Pellucell will build a cell plant in Novara, close to the Alps."
    (plant,) = proposals(body, "en", "plant")
    assert plant["status"] == "announced"


def test_news_of_today_is_no_plant_running_today():
    body = "Pellucell today announced it will build a cell plant in Novara."
    (plant,) = proposals(body, "en", "plant")
    assert plant["status"] == "announced"


# -- Candidate companies: not places, bodies, publications or people ---------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell s'approvisionne en Norvège, Moravia Auto et Lorvane Métaux en Finlande.",
         "fr", ["Lorvane Métaux"]),
        ("Lorvane Métaux signe avec Pellucell, selon le ministère de l'Industrie.", "fr",
         ["Lorvane Métaux"]),
        ("Pellucell signed a deal with Ostrava Cathode Works, the Ministry of Economy said.",
         "en", ["Ostrava Cathode Works"]),
        ("Bergamo et Le Creusot, le 3 mars 2026 – Pellucell et Lorvane Métaux signent un accord.",
         "fr", ["Lorvane Métaux"]),
        ("Analysts quoted by the trade weekly Cathode Review say Pellucell will sign with "
         "Lorvane Metals.", "en", ["Lorvane Metals"]),
        ("« Nous signons avec Lorvane Métaux », assure le président fondateur, Jean Marlier, "
         "qui rejoint Pellucell.", "fr", ["Lorvane Métaux"]),
    ],
)  # fmt: skip
def test_candidate_companies_are_no_places_bodies_publications_or_people(body, language, expected):
    assert sorted(set(mentioned(body, language, "candidate_company"))) == expected


@pytest.mark.parametrize(
    ("body", "language", "full", "short"),
    [
        ("Pellucell et Électrocellules du Rhône (ECR) signent un accord. ECR produira des "
         "cellules.", "fr", "Électrocellules du Rhône", "ECR"),
        ("Pellucell signed with Société Lorraine de Métaux (SLM) last week.", "en",
         "Société Lorraine de Métaux", "SLM"),
    ],
)  # fmt: skip
def test_an_acronym_of_letters_within_the_words_abbreviates_the_name_before_it(
    body, language, full, short
):
    found = proposals(body, language, "company")
    assert [c["name"] for c in found] == [full]
    assert [(a["company"], a["name"]) for a in proposals(body, language, "alias")] == [
        (full, short)
    ]


# -- New companies: what the article states of them, wherever it states it ---------------------


@pytest.mark.parametrize(
    ("body", "language", "name", "kind", "country"),
    [
        ("Pellucell a acquis 60 % de Lorvane Électrolytes, fabricant d'électrolytes pour "
         "batteries basé au Pont-de-Claix (Isère).", "fr", "Lorvane Électrolytes", "industrial",
         "FR"),
        ("Pellucell s'approvisionne auprès de Kuusi Materials. Kuusi Materials, un producteur "
         "finlandais d'hydroxyde de lithium, livrera 5 000 tonnes par an.", "fr",
         "Kuusi Materials", "industrial", "FI"),
        ("Pellucell signed with Cinca Ingeniería, an Aragonese engineering group that builds "
         "process equipment.", "en", "Cinca Ingeniería", "industrial", "ES"),
        ("Pellucell said on Monday that its new shareholder, Lorvane Capital, a Polish "
         "investment firm, will hold 3% of the company.", "en", "Lorvane Capital", "investor",
         "PL"),
        ("Pellucell a cédé 10 % au fonds régional Grand Est Participations.", "fr",
         "Grand Est Participations", "investor", "FR"),
    ],
)  # fmt: skip
def test_a_new_companys_kind_and_country_as_the_article_states_them(
    body, language, name, kind, country
):
    found = {c["name"]: c for c in proposals(body, language, "company")}
    assert (found[name]["kind"], found[name]["country"]) == (kind, country)


def test_a_company_named_as_a_modifier_gives_no_country():
    body = "Pellucell signed with Lorvane Metals, a Toyota supplier."
    (company,) = proposals(body, "en", "company")
    assert company["country"] is None


# -- Milestones: the verbs and nouns of each, in both languages ---------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # construction start
        ("Pellucell will begin construction of the Vierzon plant in 2026.", "en",
         [("construction_start", 2026)]),
        ("Pellucell began construction at the Vierzon site in 2024.", "en",
         [("construction_start", 2024)]),
        ("Construction of the Vierzon plant got under way in 2025.", "en",
         [("construction_start", 2025)]),
        ("Construction work on the Vierzon plant kicked off in 2023.", "en",
         [("construction_start", 2023)]),
        ("Ground was broken at the Vierzon site in 2022.", "en", [("construction_start", 2022)]),
        ("The foundation stone of the Vierzon plant was laid in 2024.", "en",
         [("construction_start", 2024)]),
        ("La construction de l'usine de Vierzon débutera en 2026.", "fr",
         [("construction_start", 2026)]),
        ("Le début de la construction de l'usine de Vierzon est prévu en 2026.", "fr",
         [("construction_start", 2026)]),
        ("Le démarrage des travaux de l'usine de Vierzon est attendu en 2025.", "fr",
         [("construction_start", 2025)]),
        ("Les travaux de l'usine de Vierzon ont été lancés en 2024.", "fr",
         [("construction_start", 2024)]),
        ("La première pierre de l'usine de Vierzon a été posée en 2023.", "fr",
         [("construction_start", 2023)]),
        ("Les terrassements du site de Vierzon commenceront en 2026.", "fr",
         [("construction_start", 2026)]),
        ("Earthworks at the Vierzon site are planned for 2026.", "en",
         [("construction_start", 2026)]),
        # operation start
        ("Start of production at the Vierzon plant is planned for 2027.", "en",
         [("operation_start", 2027)]),
        ("The Vierzon plant is due to come online in 2027.", "en", [("operation_start", 2027)]),
        ("The Vierzon plant should be up and running by 2028.", "en",
         [("operation_start", 2028)]),
        ("The Vierzon plant went into production in 2023.", "en", [("operation_start", 2023)]),
        ("The Vierzon plant delivered its first cells in 2024.", "en",
         [("operation_start", 2024)]),
        ("The first tonnes of material should leave the Vierzon site by the end of 2027.", "en",
         [("operation_start", 2027)]),
        ("L'usine de Vierzon a ouvert ses portes en 2023.", "fr", [("operation_start", 2023)]),
        ("L'usine de Vierzon démarrera sa production en 2027.", "fr",
         [("operation_start", 2027)]),
        ("Le lancement de la production à l'usine de Vierzon est prévu en 2027.", "fr",
         [("operation_start", 2027)]),
        ("L'usine de Vierzon doit entrer en service en 2027.", "fr",
         [("operation_start", 2027)]),
        ("Les premières tonnes de l'usine de Vierzon sont attendues en 2027.", "fr",
         [("operation_start", 2027)]),
        ("L'usine de Vierzon produira ses premières batteries en 2026.", "fr",
         [("operation_start", 2026)]),
        # pilot
        ("A pilot line at the Vierzon site started up in 2024.", "en", [("pilot_start", 2024)]),
        ("La ligne pilote de l'usine de Vierzon a été inaugurée en 2025.", "fr",
         [("pilot_start", 2025)]),
        # closure
        ("Pellucell will shut the Vierzon plant in 2027.", "en", [("closure", 2027)]),
        ("The Vierzon plant closed in 2024.", "en", [("closure", 2024)]),
        ("Pellucell will cease production at the Vierzon plant in 2026.", "en",
         [("closure", 2026)]),
        ("L'usine de Vierzon a fermé ses portes en 2024.", "fr", [("closure", 2024)]),
        ("L'usine de Vierzon sera fermée en 2026.", "fr", [("closure", 2026)]),
        ("Pellucell arrêtera la production à Vierzon en 2026, et l'usine de Vierzon fermera.",
         "fr", [("closure", 2026)]),
    ],
)  # fmt: skip
def test_milestones_in_more_wordings(known, body, language, expected):
    found = proposals(body, language, "plant_milestone")
    assert [(m["kind"], m["year"]) for m in found] == expected
    assert {m["plant"]["id"] for m in found} == {known.pk}


def dated(body, language, published):
    article = SimpleNamespace(pk=None, body=body, language=language, published_on=published)
    return [
        (p["fields"]["kind"], p["fields"]["year"])
        for p in suggest(article)["proposals"]
        if p["kind"] == "plant_milestone"
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Earthworks at the Vierzon site are planned for early next year.", "en",
         [("construction_start", 2026)]),
        ("La ligne pilote de l'usine de Vierzon a été inaugurée l'an dernier.", "fr",
         [("pilot_start", 2024)]),
        ("Construction of the Vierzon plant, which had been due to start this year, has been "
         "put back to 2027.", "en", [("construction_start", 2027)]),
        ("La construction de l'usine de Vierzon, prévue cette année, a été repoussée à 2028.",
         "fr", [("construction_start", 2028)]),
        ("The first cells of the Vierzon plant will go to Moravia Auto, which signed a contract "
         "with Pellucell in 2024.", "en", []),
        ("Fondée en 2019, Pellucell a inauguré l'usine de Vierzon.", "fr", []),
        ("Pellucell lève 200 millions d'euros pour l'usine de Vierzon, une augmentation de "
         "capital qui sera close fin 2025.", "fr", []),
        ("Moravia Auto a signé un contrat pour l'usine de Vierzon, avec des premières livraisons "
         "en 2027.", "fr", []),
    ],
)  # fmt: skip
def test_the_year_of_a_milestone_is_its_own(body, language, expected):
    assert dated(body, language, datetime.date(2025, 6, 1)) == expected


# -- Quantities: qualifiers, years, currencies said once, counts that are no amounts ------------


def quantities(body, language):
    return [
        (m["text"], m["value"], m["unit"], m["qualifier"], m["year"])
        for m in suggested(body, language)["mentions"]
        if m["kind"] == "quantity"
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Nordvik holds close to 12% of the company.", "en",
         [("close to 12%", 12, "%", "about", None)]),
        ("The plant will cost just under €300 million.", "en",
         [("just under €300 million", 300_000_000, "EUR", "under", None)]),
        ("Le site emploie un peu plus de 400 salariés.", "fr",
         [("un peu plus de 400 salariés", 400, "jobs", "over", None)]),
        ("Pellucell a été cédée pour un montant estimé à 95 millions d'euros.", "fr",
         [("estimé à 95 millions d'euros", 95_000_000, "EUR", "about", None)]),
        ("Output will reach 40,000 tonnes a year in the second half of 2026.", "en",
         [("40,000", 40_000, None, "exact", 2026)]),
        ("La capacité atteindra 8 GWh au premier semestre 2027.", "fr",
         [("8 GWh", 8, "GWh", "exact", 2027)]),
        ("Pellucell y consacrera 850 millions d'euros, dont 120 millions d'aides publiques.",
         "fr", [("850 millions d'euros", 850_000_000, "EUR", "exact", None),
                ("120 millions", 120_000_000, "EUR", "exact", None)]),
        ("The agency has offered grants of up to PLN 400 million.", "en",
         [("up to PLN 400 million", 400_000_000, None, "up_to", None)]),
        ("Les 40 salariés de l'atelier se verront proposer un poste à Vierzon.", "fr",
         [("40 salariés", 40, "jobs", "exact", None)]),
        ("Moravia Auto signed a contract with Pellucell in 2024 for 5 GWh a year.", "en",
         [("5 GWh a year", 5, "GWh/yr", "exact", None)]),
        ("Cell prices have fallen by roughly half in two years.", "en",
         [("roughly half", 50, "%", "about", None)]),
        ("The venture is owned in equal thirds by its founders.", "en",
         [("equal thirds", 33.33, "%", "exact", None)]),
    ],
)  # fmt: skip
def test_quantities_as_sources_write_them(body, language, expected):
    assert quantities(body, language) == expected


@pytest.mark.parametrize(
    ("body", "kind", "expected"),
    [
        ("Moravia Auto signed with Lorvane Graphite, the Valencia-based producer of anode "
         "material, the Spanish company said.", "company", "ES"),
        ("Valencia, 3 March 2026 – Lorvane Graphite will build a plant in Sagunto, the Spanish "
         "company said.", "plant", "ES"),
        ("Moravia Auto signed with Lorvane Graphite, the Valencia-based producer of anode "
         "material.", "company", "VE"),
    ],
)  # fmt: skip
def test_a_city_several_countries_share_is_in_the_country_the_article_speaks_of(
    body, kind, expected
):
    (found,) = proposals(body, "en", kind)
    assert found["country"] == expected


# -- Plant figures: investment and jobs in more wordings -----------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("L'usine de Vierzon produira 8 GWh. Pellucell y consacrera 600 millions d'euros, dont "
         "90 millions d'aides publiques, et prévoit 500 emplois.", "fr",
         [("investment", 600_000_000, "EUR"), ("jobs", 500, "jobs")]),
        ("The Vierzon plant assembles modules. Its 640 employees will stay, and Pellucell plans "
         "to spend €75 million on automation.", "en",
         [("jobs", 640, "jobs"), ("investment", 75_000_000, "EUR")]),
        ("The Vierzon plant would cost €2.6 billion, about €200 million more than estimated.",
         "en", [("investment", 2_600_000_000, "EUR")]),
    ],
)  # fmt: skip
def test_plant_figures_in_more_wordings(known, body, language, expected):
    found = proposals(body, language, "plant_figure")
    assert sorted((f["kind"], f["value"], f["unit"]) for f in found) == sorted(expected)
    assert {f["plant"]["id"] for f in found} == {known.pk}


@pytest.mark.parametrize(
    ("body", "language", "full", "short"),
    [
        ("Pellucell has hired Motława Automation Systems, a Gdańsk-based maker of equipment "
         "known as MAS, to fit out the site.", "en", "Motława Automation Systems", "MAS"),
        ("Pellucell a signé avec Câbleries Rhodaniennes de Lyon, dite CRL, un contrat "
         "d'équipement.", "fr", "Câbleries Rhodaniennes de Lyon", "CRL"),
    ],
)  # fmt: skip
def test_an_abbreviation_a_phrase_of_naming_introduces(body, language, full, short):
    assert [c["name"] for c in proposals(body, language, "company")] == [full]
    assert [(a["company"], a["name"]) for a in proposals(body, language, "alias")] == [
        (full, short)
    ]


def test_a_company_short_form_is_its_first_word_when_the_rest_says_its_kind():
    body = (
        "Pellucell signed a supply deal with Trevola Anode Materials. Trevola will ship graphite "
        "from 2027, Moravia Auto said."
    )
    assert mentioned(body, "en", "candidate_company") == ["Trevola Anode Materials", "Trevola"]
    assert [c["name"] for c in proposals(body, "en", "company")] == ["Trevola Anode Materials"]


@pytest.mark.parametrize(
    "name", ["Grand Lithium Materials", "Nord Batteries", "French Cells", "Banque Saint-Aubin"]
)
def test_no_short_form_of_a_common_first_word_or_of_a_name_without_a_kind(name):
    assert short_form(name) is None


def test_a_person_said_to_speak_is_no_company_named():
    body = "« Nous signerons avec Moravia Auto », a dit Marc Durand, qui dirige Pellucell."
    assert mentioned(body, "fr", "candidate_company") == []


# -- Capacities: the basis a figure is given on --------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The Vierzon plant will have 4 GWh in its first phase and 12 GWh at full capacity.",
         "en", [(4, "initial"), (12, "target")]),
        ("La première tranche de l'usine de Vierzon apportera 4 GWh, puis 12 GWh à terme.", "fr",
         [(4, "initial"), (12, "target")]),
        ("The Vierzon plant already produces 6 GWh a year and will reach 10 GWh in 2028.", "en",
         [(6, "current"), (10, "target")]),
        ("L'usine de Vierzon, qui produit à ce jour 6 GWh par an, atteindra 10 GWh en 2028.",
         "fr", [(6, "current"), (10, "target")]),
        ("The Vierzon plant has an existing capacity of 6 GWh, to rise to 10 GWh.", "en",
         [(6, "current"), (10, "target")]),
    ],
)  # fmt: skip
def test_a_capacitys_basis_from_more_words_of_phase_and_of_today(body, language, expected):
    found = proposals(body, language, "plant_capacity")
    assert [(c["gwh_per_year"], c["basis"]) for c in found] == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Lorvane Graphite supplies the Vierzon plant of Pellucell and is adding a second line "
         "at its factory in Sagunto.", "en"),
        ("Le groupe Lorvane Graphite, qui livre l'usine de Vierzon de Pellucell, agrandira sa "
         "propre usine de Sagunto.", "fr"),
    ],
)  # fmt: skip
def test_a_possessive_gives_the_new_plant_to_the_sentences_subject(body, language):
    (plant,) = proposals(body, language, "plant")
    assert (plant["city"], plant["operator"]) == ("Sagunto", "Lorvane Graphite")


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell signed a 10-year contract for 8 GWh a year.", "en",
         [("8 GWh a year", 8, "GWh/yr", "exact", None)]),
        ("The site has 2 production lines and its 3 shareholders will add 120,000 modules.", "en",
         [("120,000", 120_000, None, "exact", None)]),
        ("Pellucell exploite 3 usines et 4 lignes sur un terrain de 40 hectares.", "fr",
         [("40", 40, None, "exact", None)]),
    ],
)  # fmt: skip
def test_counts_of_things_and_durations_are_no_quantities(body, language, expected):
    assert quantities(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "city"),
    [
        ("Pellucell raises €40 million from Lorvane Capital.\n\nThe money will pay for a first "
         "cathode plant in Terni.", "en", "Terni"),
        ("Pellucell lève 40 millions d'euros auprès du fonds Lorvane Capital.\n\nCet argent "
         "financera une première usine à Terni.", "fr", "Terni"),
        ("Pellucell opens a cell line.\n\nPellucell sells cells to Moravia Auto. At the same "
         "time, the company will close its module workshop in Biella.", "en", "Biella"),
    ],
)  # fmt: skip
def test_a_plant_in_a_sentence_naming_no_company_is_the_articles_companys(body, language, city):
    (plant,) = proposals(body, language, "plant")
    assert (plant["city"], plant["operator"]) == (city, "pellucell")


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Pellucell sold 4% to Lorvane Holdings, a Zurich family office.", "en",
         "Lorvane Holdings", "CH"),
        ("Pellucell buys separators from Kestrevo Materials, the Antwerp chemicals maker.", "en",
         "Kestrevo Materials", "BE"),
        ("Pellucell a signé avec Lorvane Recyclage, une entreprise liégeoise de recyclage.", "fr",
         "Lorvane Recyclage", "BE"),
        ("Pellucell a cédé 5 % à Lorvane Invest, un fonds genevois.", "fr", "Lorvane Invest",
         "CH"),
        ("Pellucell works with Lorvane Cells, a Milanese start-up.", "en", "Lorvane Cells", "IT"),
    ],
)  # fmt: skip
def test_a_new_companys_country_from_a_city_or_its_adjective_before_the_head(
    body, language, name, country
):
    found = {c["name"]: c for c in proposals(body, language, "company")}
    assert found[name]["country"] == country


@pytest.mark.parametrize(
    "body",
    [
        "Pellucell signed with Lorvane Metals, a Toyota supplier.",
        "Pellucell signed with Lorvane Metals, a Mercedes partner.",
    ],
)
def test_a_company_named_before_a_head_of_relation_gives_no_country(body):
    (company,) = proposals(body, "en", "company")
    assert company["country"] is None


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Lorvane Anode", "Lorvane"),
        ("Kestrevo Cathode", "Kestrevo"),
        ("Lorvane Precursor", "Lorvane"),
        ("Duvelle Refining", "Duvelle"),
        ("Kestrevo Recyclage", "Kestrevo"),
    ],
)
def test_a_short_form_when_the_last_word_says_what_the_company_makes(name, short):
    assert short_form(name) == short


@pytest.mark.parametrize(
    ("body", "language", "city"),
    [
        ("Pellucell buys graphite.\n\nPellucell signed with Lorvane Anode. Lorvane's Kiruna "
         "plant currently produces anodes for 5 GWh of cells.", "en", "Kiruna"),
        ("Pellucell buys graphite.\n\nPellucell signed with Lorvane Anode. Lorvane Anode's "
         "plant on the Kokkola waterfront began production in 2023.", "en", "Kokkola"),
        ("Pellucell buys graphite.\n\nPellucell signed with Lorvane Anode. Lorvane Anode runs "
         "a factory in the Oulu industrial park.", "en", "Oulu"),
        ("Pellucell buys graphite.\n\nPellucell signed with Lorvane Anode. Lorvane Anode "
         "operates a plant on the outskirts of Tampere.", "en", "Tampere"),
    ],
)  # fmt: skip
def test_a_new_plant_by_a_names_possessive_and_by_the_place_it_stands_in(body, language, city):
    (plant,) = proposals(body, language, "plant")
    assert (plant["city"], plant["operator"]) == (city, "Lorvane Anode")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell's Vierzon plant produces 8 GWh a year. According to analysts, Europe will "
         "need more than 900 GWh a year of cells by 2030.", "en"),
        ("L'usine de Vierzon de Pellucell produit 8 GWh par an. Selon le ministère, la France "
         "pourrait produire 120 GWh en 2030.", "fr"),
        ("Pellucell's Vierzon plant produces 8 GWh a year. The region could host 200 GWh of "
         "production by 2030.", "en"),
    ],
)  # fmt: skip
def test_a_territorys_output_is_no_plants_capacity_nor_milestone(body, language):
    capacities = proposals(body, language, "plant_capacity")
    assert [c["gwh_per_year"] for c in capacities] == [8]
    assert proposals(body, language, "plant_milestone") == []


@pytest.mark.parametrize(
    ("body", "language", "name", "kind"),
    [
        ("Pellucell buys cells.\n\nPellucell signed with Lorvane Cells, which makes lithium iron "
         "phosphate cells for carmakers.", "en", "Lorvane Cells", "cell_maker"),
        ("Pellucell buys cells.\n\nPellucell signed with Lorvane Works, which produces battery "
         "materials for the German carmaker.", "en", "Lorvane Works", "industrial"),
        ("Pellucell achète des cellules.\n\nPellucell a signé avec Lorvane Industrie, qui "
         "fabrique des cellules lithium-fer-phosphate pour les constructeurs.", "fr",
         "Lorvane Industrie", "cell_maker"),
        ("Pellucell achète des cellules.\n\nPellucell a signé avec Lorvane Industrie, qui "
         "produit de l'hydroxyde de lithium pour les fabricants de batteries.", "fr",
         "Lorvane Industrie", "industrial"),
    ],
)  # fmt: skip
def test_a_new_companys_kind_from_what_it_makes_not_whom_for(body, language, name, kind):
    found = {c["name"]: c for c in proposals(body, language, "company")}
    assert found[name]["kind"] == kind


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("Pellucell buys cells.\n\nLorvane Fund is the investment fund of the Galicia and "
         "Asturias regional government and holds 5% of Pellucell.", "Galicia"),
        ("Pellucell buys cells.\n\nPellucell signed a contract with the Kestrevo City Council "
         "for a site.", "Kestrevo City"),
        ("Pellucell buys cells.\n\nPellucell signed a land deal with the Lorvane Valley state "
         "government.", "Lorvane Valley"),
    ],
)  # fmt: skip
def test_a_place_before_the_body_governing_it_is_no_company(body, absent):
    assert all(absent not in name for name in mentioned(body, "en", "candidate_company"))


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Pellucell buys cells.\n\nPellucell sold 5% to Lorvane Inversiones, the investment fund "
         "of the Castile and León regional government.", "en", "Lorvane Inversiones", "ES"),
        ("Pellucell achète des cellules.\n\nPellucell a cédé 5 % à Lorvane Capitale, le fonds "
         "régional de Lombardie.", "fr", "Lorvane Capitale", "IT"),
    ],
)  # fmt: skip
def test_a_new_companys_country_from_a_region_its_apposition_names(body, language, name, country):
    found = {c["name"]: c for c in proposals(body, language, "company")}
    assert found[name]["country"] == country


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The Vierzon plant starts out with 6 GWh of capacity and is designed to reach 18 GWh.",
         "en", [(6, "initial"), (18, "target")]),
        ("At Vierzon, production is due to begin in 2028 at 4 GWh a year; the site can grow to "
         "12 GWh.", "en", [(4, "initial"), (12, "target")]),
        ("The Vierzon plant will open with 5 GWh a year and rise to 15 GWh later.", "en",
         [(5, "initial"), (15, "target")]),
        ("L'usine de Vierzon démarrera à 4 GWh par an avant d'atteindre 12 GWh.", "fr",
         [(4, "initial"), (12, "target")]),
        ("L'usine de Vierzon produira d'abord 3 GWh par an, puis 9 GWh.", "fr",
         [(3, "initial"), (9, "target")]),
    ],
)  # fmt: skip
def test_a_first_phase_said_by_how_production_starts(body, language, expected):
    found = proposals(body, language, "plant_capacity")
    assert [(c["gwh_per_year"], c["basis"]) for c in found] == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The Vierzon plant started production in 2023 and currently turns out 4 GWh a year.",
         "en", [("4 GWh a year", 4, "GWh/yr", "exact", None)]),
        ("L'usine de Vierzon, ouverte en 2022, produit aujourd'hui 5 GWh par an.", "fr",
         [("5 GWh par an", 5, "GWh/yr", "exact", None)]),
        ("Pellucell began operations in 2021 and now employs 300 people.", "en",
         [("300 people", 300, "jobs", "exact", None)]),
    ],
)  # fmt: skip
def test_a_figure_of_today_takes_no_year_of_an_earlier_event(body, language, expected):
    assert quantities(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell inaugurated its Vierzon plant on Thursday.", "en",
         [("operation_start", 2025)]),
        ("Pellucell a inauguré jeudi son usine de Vierzon.", "fr", [("operation_start", 2025)]),
        ("The Vierzon plant of Pellucell opened yesterday.", "en", [("operation_start", 2025)]),
        ("The Vierzon plant will open soon, Pellucell said on Monday.", "en", []),
        ("L'usine de Vierzon ouvrira bientôt, a annoncé lundi Pellucell.", "fr", []),
    ],
)  # fmt: skip
def test_a_milestone_on_a_day_of_the_news_is_of_the_year_published(body, language, expected):
    assert dated(body, language, datetime.date(2025, 6, 1)) == expected


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Pellucell buys cells.\n\nPellucell signed with the Bilbao-based Lorvane Steelworks for "
         "casings.", "en", "Lorvane Steelworks", "ES"),
        ("Pellucell buys cells.\n\nPellucell signed with Kestrevo Anode Company (KAC). The "
         "Tampere-based KAC makes graphite.", "en", "Kestrevo Anode Company", "FI"),
        ("Pellucell buys cells.\n\nThe Munich-headquartered engineering firm Lorvane Systeme will "
         "equip the line.", "en", "Lorvane Systeme", "DE"),
    ],
)  # fmt: skip
def test_a_new_companys_country_from_where_it_is_based_before_its_name(
    body, language, name, country
):
    found = {c["name"]: c for c in proposals(body, language, "company")}
    assert found[name]["country"] == country
