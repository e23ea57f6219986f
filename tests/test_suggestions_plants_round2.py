"""
New plants in wordings the first rules missed, each family on sentences written for it in both
languages: a plant named by the work begun on it ("poured the first concrete at its X site",
"a coulé les fondations de son usine de X"), by the production started there ("has started series
production at X", "a lancé la production en série à X"), a plant whose sentence says "already"
of something else after its place, a plot named before its town ("on the former steelworks site
of Y, in X": the town is X), and places that are no towns (a currency's letter, a region).
"""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.suggestions import suggest

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2026, 5, 4)


@pytest.fixture(autouse=True)
def known(_module_plant_wording_records, db):
    """Acme Cells (with its Vierzon plant), Norda Energy and Moravia Auto, saved once per module
    (tests.factories.make_plant_wording_records)."""


def proposals(body, language, kind):
    article = SimpleNamespace(
        pk=None, body=body, language=language, published_on=PUBLISHED, published_precision="day"
    )
    return [p["fields"] for p in suggest(article)["proposals"] if p["kind"] == kind]


def new_plants(body, language):
    return [
        (f["operator"], f["status"], f["city"], f["country"])
        for f in proposals(body, language, "plant")
    ]


def milestones(body, language):
    return sorted(
        (f["plant"]["name"] if isinstance(f["plant"], dict) else f["plant"], f["kind"], f["year"])
        for f in proposals(body, language, "plant_milestone")
    )


# -- A plant named by the work begun on it -------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city", "country"),
    [
        ("Norda Energy poured the first concrete at its Ostrava site in March.", "en", "Ostrava",
         "CZ"),
        ("Norda Energy has poured the foundations of its Pardubice plant.", "en", "Pardubice",
         "CZ"),
        ("Norda Energy a coulé les premières fondations de son usine de Dunkerque en mars.", "fr",
         "Dunkerque", "FR"),
        ("Norda Energy a coulé le premier béton de son site de Douai.", "fr", "Douai", "FR"),
    ],
)  # fmt: skip
def test_a_plant_whose_first_concrete_is_poured_is_under_construction(
    body, language, city, country
):
    assert new_plants(body, language) == [("norda-energy", "under_construction", city, country)]


def test_the_first_concrete_is_a_construction_start():
    body = "Norda Energy poured the first concrete at its Ostrava site in 2026."
    assert milestones(body, "en") == [("Norda Energy Ostrava", "construction_start", 2026)]


# -- A plant named by the production started there -----------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city", "country"),
    [
        ("Norda Energy has started series production of cells at Kolin, in the Czech Republic.",
         "en", "Kolin", "CZ"),
        ("Norda Energy began commercial production in Pardubice last year.", "en", "Pardubice",
         "CZ"),
        ("Norda Energy a lancé la production en série de ses cellules à Douai.", "fr", "Douai",
         "FR"),
        ("Norda Energy a démarré sa production à Dunkerque en janvier.", "fr", "Dunkerque", "FR"),
    ],
)  # fmt: skip
def test_production_started_at_a_place_is_an_operating_plant(body, language, city, country):
    assert new_plants(body, language) == [("norda-energy", "operating", city, country)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a market, not a place of production
        ("Norda Energy has started series production for customers in Kolin.", "en"),
        # where the company is based
        ("Norda Energy, based in Kolin, started production last year.", "en"),
        # a hypothetical
        ("Norda Energy could start production in Pardubice one day, analysts said.", "en"),
    ],
)  # fmt: skip
def test_no_plant_from_production_elsewhere_or_hypothetical(body, language):
    assert new_plants(body, language) == []


# -- "Already" said of something else after the plant's place -------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city"),
    [
        ("Norda Energy exploite une ligne pilote à Douai, où elle a déjà produit des "
         "échantillons.", "fr", "Douai"),
        ("Norda Energy operates a pilot line in Kolin, where it has already made samples for "
         "two carmakers.", "en", "Kolin"),
    ],
)  # fmt: skip
def test_already_after_the_place_keeps_the_plant(body, language, city):
    assert [row[2] for row in new_plants(body, language)] == [city]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Norda Energy already operates a plant in Kolin.", "en"),
        ("Norda Energy exploite déjà une usine à Douai.", "fr"),
    ],
)  # fmt: skip
def test_already_before_the_place_still_gives_no_new_plant(body, language):
    assert new_plants(body, language) == []


# -- A plot named before its town --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city"),
    [
        ("Norda Energy will build its plant on the former steelworks site of Rokyta, in Ostrava.",
         "en", "Ostrava"),
        ("Norda Energy construira son usine sur l'ancien site chimique de Belleroche, à Douai.",
         "fr", "Douai"),
        ("Norda Energy construira son usine sur le terrain des Acacias, près de Dunkerque.",
         "fr", "Dunkerque"),
    ],
)  # fmt: skip
def test_the_town_after_a_plots_name_is_the_plants(body, language, city):
    assert [row[2] for row in new_plants(body, language)] == [city]


def test_a_question_then_its_answer_places_the_plant():
    body = (
        "Norda Energy will build its first gigafactory. Where will the factory stand?\n"
        "On the former steelworks site of Rokyta, in Ostrava. Works will start in the autumn."
    )
    assert [row[2] for row in new_plants(body, "en")] == ["Ostrava"]


# -- Places that are no towns ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Norda Energy said the plant in Kolin is budgeted at C$400 million.", "en"),
        ("Norda Energy signed a memorandum for a plant in Western Australia.", "en"),
        ("Norda Energy étudie une usine en Nouvelle-Aquitaine, à A$ 300 millions.", "fr"),
    ],
)  # fmt: skip
def test_no_town_from_a_currency_letter_or_a_region(body, language):
    assert [row[2] for row in new_plants(body, language)] in ([], ["Kolin"])


# -- A plant's cost said as a budget or an estimate, its staff as who will work there -------------


def figures(body, language):
    return sorted(
        (
            f["plant"]["name"] if isinstance(f["plant"], dict) else f["plant"],
            f["kind"],
            f["value"],
            f["unit"],
        )
        for f in proposals(body, language, "plant_figure")
    )


@pytest.mark.parametrize(
    ("second", "language", "value"),
    [
        ("The plant is budgeted at €700 million.", "en", 7e8),
        ("Its first phase is put at about €450 million.", "en", 4.5e8),
        ("The factory is priced at $900 million.", "en", 9e8),
        ("Le projet est chiffré à 380 millions d'euros.", "fr", 3.8e8),
        ("L'usine coûtera 520 millions d'euros.", "fr", 5.2e8),
        ("La facture se monte à 300 millions d'euros.", "fr", 3e8),
    ],
)  # fmt: skip
def test_a_new_plants_cost_in_words_of_budget_and_estimate(second, language, value):
    first = (
        "Norda Energy will build a cell plant in Ostrava. "
        if language == "en"
        else "Norda Energy construira une usine de cellules à Dunkerque. "
    )
    plant = "Norda Energy Ostrava" if language == "en" else "Norda Energy Dunkerque"
    unit = "USD" if "$" in second else "EUR"
    assert figures(first + second, language) == [(plant, "investment", value, unit)]


@pytest.mark.parametrize(
    ("second", "language", "value"),
    [
        ("Some 400 people will work there.", "en", 400),
        ("About 250 staff will work at the site by 2029.", "en", 250),
        ("Environ 300 personnes y travailleront.", "fr", 300),
        ("Le site fera travailler 150 personnes.", "fr", 150),
    ],
)  # fmt: skip
def test_a_new_plants_jobs_as_the_people_who_will_work_there(second, language, value):
    first = (
        "Norda Energy will build a cell plant in Ostrava. "
        if language == "en"
        else "Norda Energy construira une usine de cellules à Dunkerque. "
    )
    plant = "Norda Energy Ostrava" if language == "en" else "Norda Energy Dunkerque"
    assert figures(first + second, language) == [(plant, "jobs", value, "jobs")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a company's value, not a plant's cost
        ("Norda Energy will build a cell plant in Ostrava. Analysts put the company at "
         "€900 million.", "en"),
        ("Norda Energy construira une usine à Dunkerque. La société est valorisée à "
         "600 millions d'euros.", "fr"),
        # its people elsewhere
        ("Norda Energy will build a cell plant in Ostrava. Today 120 people work at its "
         "headquarters in Prague.", "en"),
    ],
)  # fmt: skip
def test_no_plant_figure_from_a_company_value_or_headquarters_staff(body, language):
    assert figures(body, language) == []


@pytest.mark.parametrize(
    ("second", "language"),
    [
        ("The plant is budgeted at C$700 million.", "en"),
        ("Its first phase is put at A$450 million.", "en"),
        ("Le projet est chiffré à 380 millions de dollars canadiens.", "fr"),
    ],
)  # fmt: skip
def test_no_investment_in_another_countrys_dollars(second, language):
    first = (
        "Norda Energy will build a cell plant in Ostrava. "
        if language == "en"
        else "Norda Energy construira une usine de cellules à Dunkerque. "
    )
    assert figures(first + second, language) == []


def test_the_euro_sum_beside_another_currency_is_the_investment():
    body = (
        "Norda Energy will build a cell plant in Ostrava. The plant is budgeted at C$700 million "
        "(roughly €480 million)."
    )
    assert figures(body, "en") == [("Norda Energy Ostrava", "investment", 4.8e8, "EUR")]


# -- A milestone dated by a season of this year, the next or the last ---------------------------

OSTRAVA_FIRST = "Norda Energy will build a cell plant in Ostrava. "
DUNKERQUE_FIRST = "Norda Energy construira une usine de cellules à Dunkerque. "


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (OSTRAVA_FIRST + "Construction starts this summer.", "en",
         [("Norda Energy Ostrava", "construction_start", 2026)]),
        (OSTRAVA_FIRST + "Works will begin next spring.", "en",
         [("Norda Energy Ostrava", "construction_start", 2027)]),
        (OSTRAVA_FIRST + "Works are due to begin in the second quarter of 2027.", "en",
         [("Norda Energy Ostrava", "construction_start", 2027)]),
        (DUNKERQUE_FIRST + "Les travaux commenceront à l'automne.", "fr",
         [("Norda Energy Dunkerque", "construction_start", 2026)]),
        (DUNKERQUE_FIRST + "Le chantier démarrera au printemps prochain.", "fr",
         [("Norda Energy Dunkerque", "construction_start", 2027)]),
        ("Acme Cells a inauguré l'été dernier son usine de Vierzon.", "fr",
         [("Acme Cells Vierzon", "operation_start", 2025)]),
    ],
)  # fmt: skip
def test_a_milestone_dated_by_a_season(body, language, expected):
    assert milestones(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a season of no plant's work
        ("Norda Energy will present its results this summer.", "en"),
        ("Les élus se réuniront à l'automne pour en discuter.", "fr"),
        # the plan works: no construction noun
        (OSTRAVA_FIRST + "The plan works, and it will begin to pay next spring.", "en"),
    ],
)  # fmt: skip
def test_no_milestone_from_a_season_alone(body, language):
    assert milestones(body, language) == []


# -- "In the city": the town the company is said to be based in -------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city", "country"),
    [
        ("The Ostrava-based company will build a cell plant in the city.", "en", "Ostrava", "CZ"),
        ("Norda Energy, headquartered in Pardubice, began building a refinery on a former mill "
         "site in the town in 2025.", "en", "Pardubice", "CZ"),
        ("Basée à Douai, Norda Energy construira une usine de cathodes dans la ville.", "fr",
         "Douai", "FR"),
        ("Norda Energy, installée à Dunkerque, bâtira sa gigafactory dans la même commune.", "fr",
         "Dunkerque", "FR"),
    ],
)  # fmt: skip
def test_a_plant_in_the_city_a_company_is_based_in(body, language, city, country):
    assert [row[2:] for row in new_plants(body, language)] == [(city, country)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # no town named
        ("Norda Energy will build a cell plant in the city.", "en"),
        # the city is the buyers'
        ("The Ostrava-based company sells its cells in the city.", "en"),
        ("Norda Energy, basée à Douai, ouvrira un bureau dans la ville.", "fr"),
    ],
)  # fmt: skip
def test_no_plant_in_the_city_without_a_base_or_a_plant(body, language):
    assert new_plants(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "city"),
    [
        ("Norda Energy began building a cell plant in Ostrava last year.", "en", "Ostrava"),
        ("Norda Energy has started construction of a cathode plant in Pardubice.", "en",
         "Pardubice"),
        ("Norda Energy a commencé à construire son usine à Douai.", "fr", "Douai"),
    ],
)  # fmt: skip
def test_a_plant_whose_building_began_is_under_construction(body, language, city):
    assert [row[1:3] for row in new_plants(body, language)] == [("under_construction", city)]


@pytest.mark.parametrize(
    ("second", "language", "year"),
    [
        ("It expects first product in the second half of 2028.", "en", 2028),
        ("The first saleable product is due in 2029.", "en", 2029),
        ("Le premier produit sortira des lignes en 2028.", "fr", 2028),
    ],
)  # fmt: skip
def test_a_new_plants_first_product_is_its_start(second, language, year):
    first = OSTRAVA_FIRST if language == "en" else DUNKERQUE_FIRST
    plant = "Norda Energy Ostrava" if language == "en" else "Norda Energy Dunkerque"
    assert milestones(first + second, language) == [(plant, "operation_start", year)]


def test_no_start_from_a_first_product_of_a_market():
    body = "Analysts expect the first product of the kind on the market in 2028."
    assert milestones(body, "en") == []


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Western Australia", True),
        ("North-eastern Spain", True),
        ("le nord de la France", True),
        ("Hongrie orientale", True),
        # a compass word glued to a country is one word, a name: no region
        ("Westfrance", False),
        ("Upperchina", False),
    ],
)
def test_a_compass_part_of_a_country_is_written_apart(name, region):
    from sourcing.suggestions import places

    assert places.is_country_or_region(name) is region
