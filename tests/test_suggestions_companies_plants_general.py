"""
New companies and plants from families of wording rather than single sentences: names with the
lowercase links of other languages, family groups named "Groupe X", legal forms of central
European, Nordic and Iberian companies, each on sentences written for it, in English and French.
"""

import pytest

from sourcing.suggestions import suggest

from .test_suggestions_deals_wording import PUBLISHED, known, proposals  # noqa: F401

pytestmark = pytest.mark.django_db


def candidates(body, language):
    from types import SimpleNamespace

    article = SimpleNamespace(
        pk=None, body=body, language=language, published_on=PUBLISHED, published_precision="day"
    )
    return [m["text"] for m in suggest(article)["mentions"] if m["kind"] == "candidate_company"]


# -- Names with a lowercase link: "Minas do Norte", "Baterías del Sur" -------------------------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Pellucell took a 15% stake in Salinas do Atacama, a lithium developer.", "en",
         "Salinas do Atacama"),
        ("Moravia Auto signed a supply contract with Baterías del Ebro last week.", "en",
         "Baterías del Ebro"),
        ("Fjord Kapital détient 20 % de Litio da Serra depuis 2023.", "fr", "Litio da Serra"),
        ("Pellucell a signé un accord avec Batterie di Ferro pour ses séparateurs.", "fr",
         "Batterie di Ferro"),
        ("Halden Fonds sold its stake in Minérios dos Lagos to a Brazilian fund.", "en",
         "Minérios dos Lagos"),
    ],
)  # fmt: skip
def test_a_name_keeps_its_lowercase_link_words(body, language, name):
    assert name in candidates(body, language)


# -- "Groupe X", "Grupo X": a family group's name ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("In the same week, Groupe Lemarchal, a family holding from Lille, sold 4% of Pellucell.",
         "en", "Groupe Lemarchal"),
        ("Pellucell, dont Groupe Fabre-Maury est l'actionnaire de référence, recrute.", "fr",
         "Groupe Fabre-Maury"),
        ("Grupo Alcaraz owns 30% of Pellucell, the company said.", "en", "Grupo Alcaraz"),
    ],
)  # fmt: skip
def test_a_capitalised_groupe_before_a_name_is_part_of_it(body, language, name):
    assert name in candidates(body, language)


def test_a_lowercase_groupe_before_a_name_describes_it():
    found = candidates("Le groupe Lemarchal détient 4 % de Pellucell.", "fr")
    assert "Groupe Lemarchal" not in found and "groupe Lemarchal" not in found


# -- Legal forms of other countries: "Kft.", "s.r.o.", "AS", "S.L." ------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name", "short"),
    [
        ("Pellucell and Moravia Auto set up Tisza Anode Kft., a plant builder. Tisza Anode will "
         "hire 200 people.", "en", "Tisza Anode Kft.", "Tisza Anode"),
        ("Moravia Auto owns 51% of Brno Pack Systems s.r.o. since 2022. Brno Pack Systems "
         "assembles packs.", "en", "Brno Pack Systems s.r.o.", "Brno Pack Systems"),
        ("Pellucell buys cathode from Fjell Cathodes AS. Fjell Cathodes is based in Bergen.",
         "en", "Fjell Cathodes AS", "Fjell Cathodes"),
        ("Pellucell achète ses modules à Aragón Módulos S.L. depuis 2024 ; Aragón Módulos "
         "emploie 90 personnes.", "fr", "Aragón Módulos S.L.", "Aragón Módulos"),
    ],
)  # fmt: skip
def test_a_name_with_a_foreign_legal_form_is_a_company_and_its_base_too(
    body, language, name, short
):
    found = candidates(body, language)
    assert name in found and short in found


# -- A new company's country, from what a description of it states -----------------------------


def company_countries(body, language):
    return {f["name"]: f["country"] for f in proposals(body, language, "company")}


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Pellucell sold 5% to Lone Star Transition Partners, a Texas investor.", "en",
         "Lone Star Transition Partners", "US"),
        ("Pellucell a cédé 5 % au fonds québécois Érable Capital.", "fr", "Érable Capital", "CA"),
        ("Moravia Auto is 4%-owned by the Hong Kong investor Harbourline Capital.", "en",
         "Harbourline Capital", "HK"),
        ("Baltyk Holding, an investment company from Gdansk, bought 12% of Pellucell.", "en",
         "Baltyk Holding", "PL"),
        ("Pellucell a vendu 8 % à Armorique Participations, une société d'investissement "
         "originaire de Rennes.", "fr", "Armorique Participations", "FR"),
    ],
)  # fmt: skip
def test_a_new_companys_country_is_the_one_its_description_states(body, language, name, country):
    assert company_countries(body, language).get(name) == country


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        # a supplier named after a company is no place
        ("Pellucell sold 5% to Vireo Systems, a Tesla supplier.", "en", "Vireo Systems"),
        # a city the company sells to is not where it is from
        ("Pellucell sold 5% to Vireo Capital, which ships cells to Gdansk.", "en", "Vireo Capital"),
    ],
)  # fmt: skip
def test_no_country_when_none_is_stated(body, language, name):
    assert company_countries(body, language).get(name) is None


# -- Elided links and the company a share is of -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Moravia Auto cède 10 % de Fonderies de l'Ariège à un fonds.", "fr",
         "Fonderies de l'Ariège"),
        ("Pellucell a acheté 25 % d'Électrodes d'Aquitaine l'an dernier.", "fr",
         "Électrodes d'Aquitaine"),
        ("Fjord Kapital bought 20% of Lumen Anodes last year.", "en", "Lumen Anodes"),
    ],
)  # fmt: skip
def test_the_company_a_share_is_of_is_a_candidate(body, language, name):
    assert name in candidates(body, language)


@pytest.mark.parametrize(
    ("body", "language", "place"),
    [
        ("Pellucell cède 15 % de Lumen Anodes, basée à Montluçon, au fonds Halden Fonds.", "fr",
         "Montluçon"),
        ("Fjord Kapital owns 20% of Europe's cathode output.", "en", "Europe"),
    ],
)  # fmt: skip
def test_a_place_is_no_candidate(body, language, place):
    assert place not in candidates(body, language)


# -- New plants: where a plant stands ("in the port of X", "on the edge of X"), a plant a company
# makes its goods in, and its status from production started or going on since a date ----------


def new_plants(body, language):
    return [(f["city"], f["status"]) for f in proposals(body, language, "plant")]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell will build a cathode plant in the port of Gdynia.", "en",
         [("Gdynia", "announced")]),
        ("Pellucell started producing cells at its works on the edge of Brno in 2024.", "en",
         [("Brno", "operating")]),
        ("Pellucell fabrique ses séparateurs à Tampere depuis 2022.", "fr",
         [("Tampere", "operating")]),
        ("Pellucell makes its electrolyte in Ghent since 2021.", "en",
         [("Ghent", "operating")]),
        ("Pellucell construira en bordure de Valenciennes une usine de modules.", "fr",
         [("Valenciennes", "announced")]),
    ],
)  # fmt: skip
def test_a_new_plant_where_it_stands_and_its_status(body, language, expected):
    assert new_plants(body, language) == expected


def test_goods_made_for_a_place_name_no_plant():
    body = "Pellucell makes cells for buyers in Ghent and Lille."
    assert new_plants(body, "en") == []


# -- A subsidiary named after its known parent, with a legal form --------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Pellucell a cédé 10 % de sa filiale Pellucell Iberia S.L. à un fonds.", "fr",
         "Pellucell Iberia S.L."),
        ("Moravia Auto Slovakia s.r.o. will assemble the packs.", "en",
         "Moravia Auto Slovakia s.r.o."),
        # a city after the name is a site of the parent's
        ("Lumeo Chemicals Leverkusen will hire 80 people.", "en", None),
    ],
)  # fmt: skip
def test_a_subsidiary_named_after_its_parent_is_a_new_company(body, language, name):
    found = candidates(body, language)
    if name is None:  # the known parent's name, as written
        assert found == []
    else:
        assert name in found
        companies = {f["name"] for f in proposals(body, language, "company")}
        assert without_form(name) in companies


def test_a_region_of_the_world_after_a_known_name_names_a_subsidiary():
    # even without a legal form: "X Polska", "X Europe"
    body = "Lumeo Chemicals Polska will hire 80 people."
    assert candidates(body, "en") == ["Lumeo Chemicals Polska"]


def without_form(name):
    return name.rsplit(" ", 1)[0]


def test_a_known_name_with_its_own_legal_form_is_an_alias_not_a_subsidiary():
    found = proposals("Pellucell SAS signed the lease.", "en", "alias")
    assert [(f["company"], f["name"]) for f in found] == [("pellucell", "Pellucell SAS")]


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Installée à Valenciennes, près de l'usine de Moravia Auto, Lumen Modules SAS assemble "
         "des packs.", "fr", "Lumen Modules", "FR"),
        ("Based in Tampere, next to the university, Kalla Materials Oy makes cathode.", "en",
         "Kalla Materials", "FI"),
    ],
)  # fmt: skip
def test_a_seat_fronted_before_the_company_gives_its_country(body, language, name, country):
    assert company_countries(body, language).get(name) == country


def test_a_fronted_seat_of_another_clause_gives_no_country():
    # (a legal form several countries share: "Oy" would state Finland)
    body = "Based in Tampere, Pellucell signed with Kalla Materials GmbH, a cathode maker."
    assert company_countries(body, "en").get("Kalla Materials") is None
