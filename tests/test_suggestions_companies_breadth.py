"""
New companies, their kind, country and aliases, and the company a description stands for, on
sentences written for the purpose, in English and French: kind and country only where the text
states them, aliases from legal forms and acronyms, descriptions resolved to the company they fit,
a subsidiary named after its parent as a company of its own.
"""

from types import SimpleNamespace

import pytest

from sourcing.suggestions import suggest

from .test_suggestions_deals_wording import PUBLISHED, known, proposals  # noqa: F401

pytestmark = pytest.mark.django_db


def companies(body, language):
    return {f["name"]: (f["kind"], f["country"]) for f in proposals(body, language, "company")}


def aliases(body, language):
    return {(f["company"], f["name"]) for f in proposals(body, language, "alias")}


def mentions(body, language, kind):
    article = SimpleNamespace(
        pk=None, body=body, language=language, published_on=PUBLISHED, published_precision="day"
    )
    return [m for m in suggest(article)["mentions"] if m["kind"] == kind]


def stakes(body, language):
    found = proposals(body, language, "stake")
    return [
        (f["holder"], f["target"], f["share_exact"] or f["share_min"] or f["share_max"])
        for f in found
    ]


# -- A new company's kind, from the activity the text states -----------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name", "kind"),
    [
        ("Pellucell bought 12% of Ostvik Materials, which makes cathode powders.", "en",
         "Ostvik Materials", "industrial"),
        ("Pellucell a pris 12 % de Rivel Anodes, qui produit du graphite synthétique.", "fr",
         "Rivel Anodes", "industrial"),
        ("Moravia Auto took 9% of Tarnow Cells, a developer of sodium-ion cells.", "en",
         "Tarnow Cells", "cell_maker"),
        ("Halden Fonds sold 6% of Pellucell to Ranmoor Holding, an industrial group from Leeds.",
         "en", "Ranmoor Holding", "industrial"),
        ("La société a cédé 5 % de son capital à Fonderies du Cher, son sous-traitant de "
         "carters basé à Bourges.", "fr", "Fonderies du Cher", "industrial"),
        ("Pellucell sold 4% of its capital to Brakken Kapital, a Norwegian fund.", "en",
         "Brakken Kapital", "investor"),
        ("Pellucell cède 4 % de son capital à Ardoise Énergie, un électricien breton.", "fr",
         "Ardoise Énergie", "energy"),
        ("Pellucell will buy packs from Lisca Power Systems, which assembles battery packs.",
         "en", "Lisca Power Systems", "industrial"),
    ],
)  # fmt: skip
def test_a_new_companys_kind_is_the_activity_the_text_states(body, language, name, kind):
    assert companies(body, language)[name][0] == kind


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        # a name ending in "Systems" or "Solutions" says no activity
        ("Pellucell signed a contract with Nordvik Systems last week.", "en", "Nordvik Systems"),
        ("Pellucell a signé un contrat avec Sarthe Solutions la semaine dernière.", "fr",
         "Sarthe Solutions"),
        # the activity of another company of the sentence is not this one's
        ("Pellucell, which makes cells, signed with Holmen Trading AB.", "en", "Holmen Trading"),
    ],
)  # fmt: skip
def test_no_kind_when_none_is_stated(body, language, name):
    assert companies(body, language)[name][0] == "not_stated"


# -- A new company's country: a nationality, a region, a city it is based in, its legal form ----


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Halden Fonds sold 5% of Pellucell to Groupe Vandamme, the Antwerp family holding that "
         "owns a port operator.", "en", "Groupe Vandamme", "BE"),
        ("Pellucell a cédé 6 % au fonds clermontois Dômes Capital.", "fr", "Dômes Capital", "FR"),
        ("Pellucell a cédé 6 % au fonds stéphanois Forez Capital.", "fr", "Forez Capital", "FR"),
        ("Pellucell bought 20% of Saimaa Lithium Oy last year.", "en", "Saimaa Lithium", "FI"),
        ("Pellucell took 15% of Tisza Cathode Kft. in March.", "en", "Tisza Cathode", "HU"),
        ("Pellucell a acheté 30 % de Vättern Graphite AB en mars.", "fr", "Vättern Graphite",
         "SE"),
        ("Pellucell holds 10% of Lofoten Separators ASA.", "en", "Lofoten Separators", "NO"),
        ("Pellucell signe avec Picardie Modules SAS un contrat de fourniture.", "fr",
         "Picardie Modules", "FR"),
        ("Pellucell took 8% of Odense Electrolytes A/S.", "en", "Odense Electrolytes", "DK"),
        ("Pellucell took 8% of Ebro Cathodes S.L. in May.", "en", "Ebro Cathodes", "ES"),
        ("Moravia Auto bought 12% of Selva Anodes, a Lombard graphite refiner.", "en",
         "Selva Anodes", "IT"),
        ("Moravia Auto a pris 12 % de Kerlan Batteries, une start-up basée à Lorient.", "fr",
         "Kerlan Batteries", "FR"),
        ("Moravia Auto took 12% of Harwick Cells, which is headquartered in Sheffield.", "en",
         "Harwick Cells", "GB"),
    ],
)  # fmt: skip
def test_a_new_companys_country_is_the_one_the_text_states(body, language, name, country):
    assert companies(body, language)[name][1] == country


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        # a plant abroad says nothing of where its owner is from
        ("Pellucell took 12% of Brenna Cells, which will build a plant in Poland.", "en",
         "Brenna Cells"),
        # a legal form several countries share says nothing
        ("Pellucell took 12% of Stellan Cells GmbH.", "en", "Stellan Cells"),
        ("Pellucell détient 12 % de Quercy Cellules depuis 2022.", "fr", "Quercy Cellules"),
    ],
)  # fmt: skip
def test_no_country_when_none_is_stated(body, language, name):
    assert companies(body, language)[name][1] is None


def test_a_speakers_description_after_a_name_is_not_the_names():
    body = (
        "Pellucell has secured cathode supply from Fjellvik Cathodes AS, the French cell maker "
        "told reporters."
    )
    assert companies(body, "en")["Fjellvik Cathodes"] == ("not_stated", "NO")


def test_a_description_fronted_before_the_subject_is_the_subjects():
    body = (
        "Pellucell a signé avec Brocéliande Stockage (BRS). Société rennaise spécialisée dans le "
        "recyclage, BRS recrute."
    )
    assert companies(body, "fr")["Brocéliande Stockage"] == ("industrial", "FR")


# -- Aliases: legal forms, acronyms in parentheses, "known as", "dite", "ci-après" -------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell SA signed a lease in Lyon.", "en", ("pellucell", "Pellucell SA")),
        ("Moravia Auto a.s. will build packs.", "en", ("moravia-auto", "Moravia Auto a.s.")),
        ("Pellucell bought 10% of Vestra Anode Materials (VAM). VAM makes graphite.", "en",
         ("Vestra Anode Materials", "VAM")),
        ("Pellucell a pris 10 % de Cellules de l'Adour (CDA). CDA recrute.", "fr",
         ("Cellules de l'Adour", "CDA")),
        ("Pellucell bought 10% of Motlawa Pack Systems, known as MPS. MPS assembles packs.", "en",
         ("Motlawa Pack Systems", "MPS")),
        ("Pellucell a pris 10 % de Batteries du Léman, dite BDL. BDL recrute.", "fr",
         ("Batteries du Léman", "BDL")),
        ("Pellucell a pris 10 % de Recyclage de l'Escaut, ci-après REC. REC recrute.", "fr",
         ("Recyclage de l'Escaut", "REC")),
        ("Pellucell bought 10% of Harrow Anode Works, hereinafter HAW. HAW makes graphite.", "en",
         ("Harrow Anode Works", "HAW")),
    ],
)  # fmt: skip
def test_an_alias_of_a_company(body, language, expected):
    assert expected in aliases(body, language)


def test_a_short_form_is_no_alias_worth_recording():
    body = "Pellucell bought 10% of Tarvik Batteries. Tarvik will hire 300 people."
    assert aliases(body, "en") == set()


def test_a_parenthesis_that_is_no_acronym_is_no_alias():
    body = "Pellucell bought 10% of Tarvik Batteries (Sweden) last year."
    assert aliases(body, "en") == set()


# -- A description resolved to the company it fits ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # the German company, not the Czech carmaker named last
        ("Lumeo Chemicals and Moravia Auto met in Prague. The German group took 5% of Pellucell.",
         "en", ("lumeo-chemicals", "pellucell", 5)),
        ("Fjord Kapital et Moravia Auto ont discuté. Le fonds norvégien prend 7 % de Pellucell.",
         "fr", ("fjord-kapital", "pellucell", 7)),
        ("Moravia Auto and Halden Fonds spoke. The carmaker took 3% of Pellucell.", "en",
         ("moravia-auto", "pellucell", 3)),
    ],
)  # fmt: skip
def test_a_description_stands_for_the_company_it_fits(body, language, expected):
    assert expected in stakes(body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # no company of that nationality was named
        ("Moravia Auto and Pellucell met in Prague. The Japanese carmaker took 5% of Lumeo "
         "Chemicals.", "en"),
        ("Fjord Kapital et Pellucell ont discuté. Le constructeur coréen prend 7 % de Lumeo "
         "Chemicals.", "fr"),
    ],
)  # fmt: skip
def test_a_description_fitting_no_company_stands_for_none(body, language):
    assert all(holder is None for holder, _, _ in stakes(body, language))


def test_a_resolved_description_tells_the_new_companys_kind_and_country():
    body = (
        "Moravia Auto bought the 40% of Skarvik Graphite it did not own from Fjord Kapital, "
        "taking the Swedish graphite producer to 100%."
    )
    assert companies(body, "en")["Skarvik Graphite"] == ("industrial", "SE")


# -- A subsidiary named after its parent ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Pellucell va céder 30 % de Pellucell Atlantique, sa filiale basée à Nantes, à un fonds.",
         "fr", "Pellucell Atlantique"),
        ("Moravia Auto sold 20% of Moravia Auto Battery Systems, its pack subsidiary, to a fund.",
         "en", "Moravia Auto Battery Systems"),
    ],
)  # fmt: skip
def test_a_subsidiary_named_after_its_parent_is_its_own_company(body, language, name):
    assert name in companies(body, language)


def test_a_parent_named_with_a_place_after_it_is_still_the_parent():
    body = "Pellucell will build a plant in Nantes next year."
    assert companies(body, "en") == {}


# -- Fractions in words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "value"),
    [
        ("Moravia Auto rachète la participation d'un tiers de Halden Fonds dans Pellucell.", "fr",
         pytest.approx(33.33, abs=0.01)),
        ("Moravia Auto détient les deux tiers de Pellucell.", "fr", pytest.approx(66.67, abs=0.01)),
        ("Moravia Auto holds a quarter of Pellucell.", "en", 25),
        # a fraction a percentage is brought to
        ("Moravia Auto raised its holding in Pellucell SAS from 20% to one third.", "en",
         [20, pytest.approx(33.33, abs=0.01)]),
    ],
)  # fmt: skip
def test_a_fraction_in_words_is_a_percentage(body, language, value):
    # and a count of parts is none: "two of the three shareholders"
    values = [m["value"] for m in mentions(body, language, "quantity") if m["unit"] == "%"]
    assert values == (value if isinstance(value, list) else [value])


# -- Legal forms of other continents, name endings that state nothing, wider vocabulary --------


@pytest.mark.parametrize(
    ("body", "language", "name", "form"),
    [
        ("Pellucell will buy anode from Ridgeway Carbon Inc. from 2027.", "en",
         "Ridgeway Carbon", "Ridgeway Carbon Inc."),
        ("Pellucell signed with Kaveri Cells Pvt. Ltd. in Chennai.", "en", "Kaveri Cells",
         "Kaveri Cells Pvt. Ltd."),
        ("Pellucell a signé avec Song Hong Materials JSC un contrat.", "fr", "Song Hong Materials",
         "Song Hong Materials JSC"),
    ],
)  # fmt: skip
def test_a_legal_form_is_an_alias_not_part_of_the_name(body, language, name, form):
    assert name in companies(body, language)
    assert (name, form) in aliases(body, language)


@pytest.mark.parametrize(
    ("body", "language", "name", "expected"),
    [
        ("Pellucell signed with Tarven Energy, a new venture which will make sodium-ion cells.",
         "en", "Tarven Energy", ("cell_maker", None)),
        ("Pellucell a signé avec Dranse Holding SA, une holding vaudoise.", "fr",
         "Dranse Holding", ("not_stated", "CH")),
        ("Atlas Horizon Capital, un fonds casablancais, a pris 7 % de Pellucell.", "fr",
         "Atlas Horizon Capital", ("investor", "MA")),
        ("Pellucell buys powder from Song Hong Cathode, a Vietnamese producer of cathode.", "en",
         "Song Hong Cathode", ("industrial", "VN")),
        ("La jeune pousse limougeaude Vézère Sodium, qui développe des cellules, recrute.", "fr",
         "Vézère Sodium", ("cell_maker", "FR")),
        ("Créée en 2018 et installée à Lausanne, Ormont Modules SA conçoit des packs.", "fr",
         "Ormont Modules", ("industrial", "CH")),
        ("Pellucell hired Durwin Process Systems, a Leeds-based supplier of electrode coating "
         "lines.", "en", "Durwin Process Systems", ("industrial", "GB")),
    ],
)  # fmt: skip
def test_what_the_text_states_of_a_new_company(body, language, name, expected):
    assert companies(body, language)[name] == expected


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Pellucell a signé avec Tarven Energy la semaine dernière.", "fr", "Tarven Energy"),
        ("Pellucell signed with Corrib Power Technologies on Monday.", "en",
         "Corrib Power Technologies"),
    ],
)  # fmt: skip
def test_an_energy_or_technologies_ending_states_no_kind(body, language, name):
    assert companies(body, language)[name][0] == "not_stated"


def test_a_region_of_the_world_after_a_known_name_is_a_subsidiary():
    body = "Pellucell Europe will build a plant. Pellucell Europe hires 200 people."
    assert "Pellucell Europe" in companies(body, "en")
    assert not [m for m in mentions(body, "en", "company") if m["text"] == "Pellucell"]


# -- A new company's short form: its first word, written alone once it is named -----------------


@pytest.mark.parametrize(
    ("body", "language", "short"),
    [
        ("Pellucell buys from Ardenne Hydroxide. Ardenne ships 5,000 tonnes a year.", "en",
         "Ardenne"),
        ("Pellucell achète à Moselvik Cell SAS. Moselvik a livré ses cellules.", "fr",
         "Moselvik"),
        ("Pellucell signed with Tornava Sulfates. Tornava will double output.", "en", "Tornava"),
    ],
)  # fmt: skip
def test_a_short_form_is_a_mention_of_the_new_company(body, language, short):
    found = [m["text"] for m in mentions(body, language, "candidate_company")]
    assert found.count(short) == 1


def test_a_towns_name_alone_is_no_short_form():
    body = "Pellucell buys from Tampere Hydroxide. Tampere has a port."
    found = [m["text"] for m in mentions(body, "en", "candidate_company")]
    assert "Tampere" not in found


def test_a_description_governed_by_a_verb_is_not_its_subject():
    body = (
        "Pellucell will buy powder from Nordvik Cathode JSC: Oravan Cells agreed terms with the "
        "Hanoi-based firm in May."
    )
    found = companies(body, "en")
    assert found["Nordvik Cathode"][1] == "VN"
    assert found["Oravan Cells"][1] is None


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("« Le Maroc a du soufre et des ports », dit le ministre. Pellucell acquiesce.", "fr",
         "Maroc"),
        ("Industry sources say Pellucell is eyeing land in Oulu.", "en", "Industry"),
    ],
)  # fmt: skip
def test_a_country_or_a_common_word_is_no_candidate(body, language, word):
    assert word not in [m["text"] for m in mentions(body, language, "candidate_company")]


def test_a_name_with_central_european_capitals_is_read_whole():
    body = "Pellucell bought the land from Łódź Inżynieria, a company based in Łódź."
    assert "Łódź Inżynieria" in companies(body, "en")


def test_a_count_after_a_percentage_is_no_fraction():
    body = "Moravia Auto sold 20% to three investors last year."
    values = [m["value"] for m in mentions(body, "en", "quantity") if m["unit"] == "%"]
    assert values == [20]
