"""
Plants' capacities, milestones, investment and jobs, and new plants, from families of wording in
English and French, each on sentences written for it: how a capacity is stated (per year, a first
phase then more, today's against a target, bounds), which plant it belongs to (a known plant by
its city, a possessive, "the site", a new plant named earlier), the verbs and nouns of building,
opening and closing with their years (relative and delayed ones too), the money and jobs a plant
takes, and sentences that must give nothing.
"""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.suggestions import suggest

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2025, 6, 18)
VIERZON = "Acme Cells Vierzon"


@pytest.fixture(autouse=True)
def known(_module_plant_wording_records, db):
    """Acme Cells (with its Vierzon plant), Norda Energy and Moravia Auto, saved once per module
    (tests.factories.make_plant_wording_records)."""


def proposals(body, language, kind):
    article = SimpleNamespace(
        pk=None,
        body=body,
        language=language,
        published_on=PUBLISHED,
        published_precision="day",
    )
    return [p["fields"] for p in suggest(article)["proposals"] if p["kind"] == kind]


def plant_name(fields):
    plant = fields.get("plant")
    return plant.get("name") if isinstance(plant, dict) else plant


def capacities(body, language):
    return sorted(
        (plant_name(f), f["gwh_per_year"], f["qualifier"], f["basis"], f["year"])
        for f in proposals(body, language, "plant_capacity")
    )


def milestones(body, language):
    return sorted(
        (plant_name(f), f["kind"], f["year"]) for f in proposals(body, language, "plant_milestone")
    )


def figures(body, language):
    return sorted(
        (plant_name(f), f["kind"], f["value"], f["unit"], f["qualifier"], f["year"])
        for f in proposals(body, language, "plant_figure")
    )


def new_plants(body, language):
    return [
        (f["operator"], f["kind"], f["status"], f["city"], f["country"])
        for f in proposals(body, language, "plant")
    ]


# -- Capacities of a known plant ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Acme Cells said its Vierzon plant will have a capacity of 20 GWh a year by 2028.",
         "en", [(VIERZON, 20, "exact", "target", 2028)]),
        ("Selon Acme Cells, l'usine de Vierzon aura une capacité de 16 GWh/an en 2027.", "fr",
         [(VIERZON, 16, "exact", "target", 2027)]),
        ("The Vierzon site is able to produce 8 GWh of cells a year today.", "en",
         [(VIERZON, 8, "exact", "current", None)]),
        ("Acme Cells' Vierzon gigafactory will start with 4 GWh and rise to 12 GWh in 2029.",
         "en", [(VIERZON, 4, "exact", "initial", None), (VIERZON, 12, "exact", "target", 2029)]),
        ("La capacité initiale du site de Vierzon sera de 6 GWh.", "fr",
         [(VIERZON, 6, "exact", "initial", None)]),
        ("At Vierzon, capacity stands at 5 GWh today and should reach 15 GWh by 2030.", "en",
         [(VIERZON, 5, "exact", "current", None), (VIERZON, 15, "exact", "target", 2030)]),
        ("Le site de Vierzon produit aujourd'hui 3 GWh par an et atteindra 10 GWh "
         "d'ici 2028.", "fr",
         [(VIERZON, 3, "exact", "current", None), (VIERZON, 10, "exact", "target", 2028)]),
        ("The capacity of the Vierzon plant could reach at least 40 GWh.", "en",
         [(VIERZON, 40, "at_least", "target", None)]),
        ("L'usine de Vierzon pourra produire jusqu'à 25 GWh par an à partir de 2031.", "fr",
         [(VIERZON, 25, "up_to", "target", 2031)]),
    ],
)  # fmt: skip
def test_a_known_plants_capacity_in_its_wordings(body, language, expected):
    assert capacities(body, language) == expected


def test_a_capacity_said_of_the_site_after_the_plant_is_named_is_its():
    body = (
        "Acme Cells is expanding its plant in Vierzon. The site will be able to produce "
        "18 GWh a year from 2027."
    )
    assert capacities(body, "en") == [(VIERZON, 18, "exact", "target", 2027)]


def test_a_first_phase_then_more_gives_an_initial_and_a_target_capacity():
    body = (
        "Norda Energy will build a gigafactory in Kolin with a first phase of 8 GWh, then 24 GWh."
    )
    found = capacities(body, "en")
    assert [row[1:4] for row in found] == [(8, "exact", "initial"), (24, "exact", "target")]
    assert {row[0] for row in found} == {"Norda Energy Kolin"}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Europe will need some 900 GWh of cell capacity by 2030, analysts say.", "en"),
        ("Acme Cells delivered 2 GWh of cells to Moravia Auto last year under its contract.",
         "en"),
        ("La filière française pourrait produire 120 GWh en 2030, selon le ministère.", "fr"),
    ],
)  # fmt: skip
def test_no_capacity_from_a_market_or_a_supply(body, language):
    assert capacities(body, language) == []


# -- Milestones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Construction of Acme Cells' Vierzon plant will begin in 2026.", "en",
         [(VIERZON, "construction_start", 2026)]),
        ("Les travaux de l'usine de Vierzon démarreront en 2026.", "fr",
         [(VIERZON, "construction_start", 2026)]),
        ("The Vierzon plant is due to enter production in 2027.", "en",
         [(VIERZON, "operation_start", 2027)]),
        ("L'usine de Vierzon entrera en production en 2028, a précisé Acme Cells.", "fr",
         [(VIERZON, "operation_start", 2028)]),
        ("La mise en service de l'usine de Vierzon est prévue pour 2027.", "fr",
         [(VIERZON, "operation_start", 2027)]),
        ("Acme Cells inaugurated its Vierzon plant in 2024.", "en",
         [(VIERZON, "operation_start", 2024)]),
        ("The first cells came off the line at the Vierzon plant in March 2025.", "en",
         [(VIERZON, "operation_start", 2025)]),
        ("The start of production at the Vierzon plant has been pushed back to 2028.", "en",
         [(VIERZON, "operation_start", 2028)]),
        ("Le démarrage de l'usine de Vierzon, prévu en 2026, est repoussé à 2029.", "fr",
         [(VIERZON, "operation_start", 2029)]),
        ("Acme Cells will close its Vierzon plant in 2026.", "en",
         [(VIERZON, "closure", 2026)]),
        ("Production at the Vierzon site will begin next year, Acme Cells said.", "en",
         [(VIERZON, "operation_start", 2026)]),
        ("Acme Cells fermera l'usine de Vierzon l'an prochain.", "fr",
         [(VIERZON, "closure", 2026)]),
    ],
)  # fmt: skip
def test_a_known_plants_milestones_in_their_wordings(body, language, expected):
    assert milestones(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Acme Cells was founded in 2019 and employs 400 people in Lyon.", "en"),
        ("Moravia Auto will start production of its new electric van in 2027.", "en"),
        ("Acme Cells signed a supply agreement with Moravia Auto in 2024.", "en"),
    ],
)  # fmt: skip
def test_no_milestone_without_a_plant(body, language):
    assert milestones(body, language) == []


# -- Investment and jobs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Acme Cells will invest €1.2 billion in its Vierzon plant.", "en",
         [(VIERZON, "investment", 1.2e9, "EUR", "exact", None)]),
        ("L'investissement de 800 millions d'euros dans l'usine de Vierzon sera achevé en 2027.",
         "fr", [(VIERZON, "investment", 8e8, "EUR", "exact", 2027)]),
        ("Le coût du site de Vierzon est estimé à 500 millions d'euros.", "fr",
         [(VIERZON, "investment", 5e8, "EUR", "about", None)]),
        ("The Vierzon plant will employ 1,500 people by 2028.", "en",
         [(VIERZON, "jobs", 1500, "jobs", "exact", 2028)]),
        ("L'usine de Vierzon doit créer 1 200 emplois.", "fr",
         [(VIERZON, "jobs", 1200, "jobs", "exact", None)]),
        ("The Vierzon site will create up to 900 jobs.", "en",
         [(VIERZON, "jobs", 900, "jobs", "up_to", None)]),
    ],
)  # fmt: skip
def test_a_known_plants_investment_and_jobs(body, language, expected):
    assert figures(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Acme Cells raised €300 million from investors to fund its growth.", "en"),
        ("Acme Cells emploie 4 000 personnes dans le monde.", "fr"),
        ("Moravia Auto paid €90 million for a 10% stake in Acme Cells.", "en"),
    ],
)  # fmt: skip
def test_no_plant_figure_from_a_companys_money_or_staff(body, language):
    assert figures(body, language) == []


# -- New plants ---------------------------------------------------------------------------------


def test_a_new_cell_plant_with_its_operator_city_and_country():
    found = new_plants("Norda Energy will build a cell gigafactory in Kolin, Czech Republic.", "en")
    assert found == [("norda-energy", "cell_gigafactory", "announced", "Kolin", "CZ")]


def test_a_new_french_cathode_plant():
    found = new_plants("Norda Energy construira une usine de cathodes à Dunkerque.", "fr")
    assert found == [("norda-energy", "other", "announced", "Dunkerque", "FR")]


def test_a_new_plant_whose_construction_began_is_under_construction():
    found = new_plants("Norda Energy a lancé le chantier de sa gigafactory de Douai.", "fr")
    assert found == [("norda-energy", "cell_gigafactory", "under_construction", "Douai", "FR")]


def test_a_new_ventures_plant_belongs_to_the_venture():
    body = (
        "Norda Energy and Moravia Auto have set up a joint venture, Kolinvolt, which will build "
        "a battery plant in Kolin."
    )
    assert [row[0] for row in new_plants(body, "en")] == ["Kolinvolt"]


def test_a_new_ventures_plant_belongs_to_the_venture_in_french():
    body = (
        "Norda Energy et Moravia Auto créent une coentreprise, Voltaria, qui construira une "
        "usine de cellules à Mulhouse."
    )
    assert [row[0] for row in new_plants(body, "fr")] == ["Voltaria"]


def test_a_new_plants_figures_name_it():
    body = (
        "Norda Energy will build a €2bn gigafactory in Kolin. The plant will employ 2,000 people "
        "and start production in 2028."
    )
    assert figures(body, "en") == [
        ("Norda Energy Kolin", "investment", 2e9, "EUR", "exact", None),
        ("Norda Energy Kolin", "jobs", 2000, "jobs", "exact", None),
    ]
    assert milestones(body, "en") == [("Norda Energy Kolin", "operation_start", 2028)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Norda Energy, based in Stockholm, supplies cells to Moravia Auto.", "en"),
        ("Norda Energy could one day build a plant, its chief executive said.", "en"),
        ("Acme Cells runs its Vierzon plant at full speed.", "en"),
    ],
)  # fmt: skip
def test_no_new_plant_without_a_new_place(body, language):
    assert new_plants(body, language) == []


# -- Wordings of output, extensions and closures met later ---------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # a plant's output with no buyer named is its capacity, whatever the verb
        ("Acme Cells is expanding its Vierzon plant. Its first phase will deliver material for "
         "12 GWh of cells a year.", "en", [(VIERZON, 12, "exact", "initial", None)]),
        ("L'usine de Vierzon fournira de quoi équiper 7 GWh de batteries par an.", "fr",
         [(VIERZON, 7, "exact", "target", None)]),
        # "ce volume": the output spoken of, not a contract's
        ("L'usine de Vierzon suffit aujourd'hui à équiper 8 GWh de véhicules par an ; un "
         "agrandissement portera ce volume à 20 GWh en 2029.", "fr",
         [(VIERZON, 8, "exact", "current", None), (VIERZON, 20, "exact", "target", 2029)]),
        # "takes it to": growth, not a purchase
        ("The Vierzon site makes 4 GWh a year today; a new hall takes it to 9 GWh by 2028.", "en",
         [(VIERZON, 4, "exact", "current", None), (VIERZON, 9, "exact", "target", 2028)]),
    ],
)  # fmt: skip
def test_output_said_with_verbs_of_supply_or_growth_is_capacity(body, language, expected):
    assert capacities(body, language) == expected


def test_a_supply_to_a_named_buyer_stays_a_volume():
    body = "The Vierzon plant will supply 3 GWh of cells a year to Moravia Auto from 2027."
    assert capacities(body, "en") == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Acme Cells fabrique des cellules à Vierzon depuis 2021.", "fr",
         [(VIERZON, "operation_start", 2021)]),
        ("Acme Cells fermera en revanche fin 2026 son petit atelier de Vierzon.", "fr",
         [(VIERZON, "closure", 2026)]),
        ("Acme Cells will shut its pilot line in Vierzon at the end of 2027.", "en",
         [(VIERZON, "closure", 2027)]),
        ("Le chantier de l'usine de Vierzon s'ouvrira en 2026 et la production démarrera en "
         "2028.", "fr",
         [(VIERZON, "construction_start", 2026), (VIERZON, "operation_start", 2028)]),
        ("At the Vierzon plant the first cathode is due in 2029.", "en",
         [(VIERZON, "operation_start", 2029)]),
    ],
)  # fmt: skip
def test_more_milestone_wordings(body, language, expected):
    assert milestones(body, language) == expected


def test_an_extensions_works_are_no_plants_construction_start():
    body = (
        "L'usine de Vierzon tourne à plein. Une extension de 50 millions d'euros, dont les "
        "travaux débuteront en 2027, doublera sa production."
    )
    assert milestones(body, "fr") == []


@pytest.mark.parametrize(
    ("body", "language", "city", "country"),
    [
        ("Norda Energy has run a cathode works in Viana do Castelo since 2022.", "en",
         "Viana do Castelo", "PT"),
        ("Norda Energy exploite une usine de séparateurs à Frankfurt am Main.", "fr",
         "Frankfurt am Main", "DE"),
    ],
)  # fmt: skip
def test_a_new_plants_city_with_a_lowercase_link(body, language, city, country):
    assert [(row[3], row[4]) for row in new_plants(body, language)] == [(city, country)]


def test_a_plant_opening_on_its_is_the_previous_subjects():
    body = (
        "Norda Energy is owned by Moravia Auto and a Swedish fund. Its plant in Pori started "
        "production in 2024."
    )
    assert new_plants(body, "en") == [("norda-energy", "other", "operating", "Pori", "FI")]
    assert milestones(body, "en") == [("Norda Energy Pori", "operation_start", 2024)]


def test_a_running_plant_named_by_its_operator_and_city():
    body = "Norda Energy's Pori plant produces cells for carmakers in the Nordics."
    assert [(row[0], row[2], row[3]) for row in new_plants(body, "en")] == [
        ("norda-energy", "operating", "Pori")
    ]


def test_a_company_set_up_to_produce_at_a_place_runs_a_new_plant():
    body = (
        "Norda Energy and Moravia Auto agreed to set up Kolvina Materials s.r.o., a company that "
        "will produce cathode material in Kolín, Czech Republic."
    )
    assert [(row[0], row[3], row[4]) for row in new_plants(body, "en")] == [
        ("Kolvina Materials", "Kolín", "CZ")
    ]


# -- Places, sources, demand, schedules ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city", "country"),
    [
        ("Norda Energy will build a module plant in Stratford-upon-Avon.", "en",
         "Stratford-upon-Avon", "GB"),
        ("Norda Energy construira une usine de modules à Bourg-lès-Valence.", "fr",
         "Bourg-lès-Valence", "FR"),
        ("Norda Energy said construction of a cell plant in Kolín's industrial zone would "
         "begin in 2026.", "en", "Kolín", "CZ"),
        ("Norda Energy produit ses séparateurs à Tampere, dans une usine inaugurée en 2022.",
         "fr", "Tampere", "FI"),
    ],
)  # fmt: skip
def test_a_new_plants_city_in_more_wordings(body, language, city, country):
    assert [(row[3], row[4]) for row in new_plants(body, language)] == [(city, country)]


def test_a_venture_that_will_manufacture_at_a_place_runs_the_plant():
    body = (
        "Norda Energy and Moravia Auto signed an agreement to set up Kolvina Materials s.r.o., a "
        "joint venture that will manufacture cells in Kolín."
    )
    assert [(row[0], row[3]) for row in new_plants(body, "en")] == [("Kolvina Materials", "Kolín")]


def test_a_pilot_line_of_a_place_closes():
    body = "Norda Energy fermera en 2027 sa ligne pilote de Tampere."
    assert [(row[1], row[3]) for row in new_plants(body, "fr")] == [("research_pilot", "Tampere")]
    assert milestones(body, "fr") == [("Norda Energy Tampere", "closure", 2027)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Acme Cells runs the Vierzon plant. Norway's battery demand could reach 50 GWh a year "
         "by 2035.", "en"),
        ("L'usine de Vierzon tourne. Le royaume ambitionne d'accueillir 100 GWh de capacités "
         "d'ici 2035.", "fr"),
        ("Acme Cells runs the Vierzon plant. Britain will need around 90 GWh of cell capacity "
         "by 2030.", "en"),
    ],
)  # fmt: skip
def test_a_demand_or_a_countrys_ambition_is_no_plants_capacity(body, language):
    assert capacities(body, language) == []


def test_a_plant_things_come_from_does_not_take_over_the_article():
    body = (
        "Norda Energy will assemble packs in Kolín. Acme Cells will supply the cells from its "
        "Vierzon plant. The factory will have an initial capacity of 2 GWh a year."
    )
    assert capacities(body, "en") == [("Norda Energy Kolín", 2, "exact", "initial", None)]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Le chantier de l'usine de Vierzon est prévu pour la mi-2027.", "fr",
         [(VIERZON, "construction_start", 2027)]),
        ("Production at the Vierzon plant is not expected before 2030.", "en",
         [(VIERZON, "operation_start", 2030)]),
        ("Acme Cells fermera en juin 2027 son atelier de Vierzon.", "fr",
         [(VIERZON, "closure", 2027)]),
    ],
)  # fmt: skip
def test_schedules_and_closures_with_a_date_between(body, language, expected):
    assert milestones(body, language) == expected


def test_jobs_beside_a_plants_investment_are_its():
    body = (
        "Acme Cells agrandira son usine de Vierzon. Le coût est estimé à 300 millions d'euros, "
        "pour 250 emplois directs."
    )
    assert figures(body, "fr") == [
        (VIERZON, "investment", 3e8, "EUR", "about", None),
        (VIERZON, "jobs", 250, "jobs", "exact", None),
    ]


def test_a_demand_after_the_figure_is_a_condition_not_the_subject():
    body = (
        "Acme Cells is expanding its Vierzon plant. It will start with 6 GWh of annual capacity "
        "and could grow to 18 GWh if demand for small cars picks up."
    )
    assert [row[1] for row in capacities(body, "en")] == [6, 18]


def test_a_pilot_line_opened_in_an_apposition_and_closed_later():
    body = (
        "Norda Energy opened a recycling plant in Tampere. Norda Energy will shut down its pilot "
        "line in Pori, opened in 2022, at the end of this year."
    )
    assert sorted(milestones(body, "en")) == [
        ("Norda Energy Pori", "closure", 2025),
        ("Norda Energy Pori", "pilot_start", 2022),
    ]


def test_two_new_plants_in_one_sentence():
    body = (
        "Norda Energy will close its pilot line in Pori at the end of 2026 and move to a "
        "full-scale plant at Tampere. The new site will employ about 300 people."
    )
    assert sorted(row[3] for row in new_plants(body, "en")) == ["Pori", "Tampere"]
    assert figures(body, "en") == [("Norda Energy Tampere", "jobs", 300, "jobs", "about", None)]


def test_a_known_plant_supplied_does_not_take_over_a_new_plants_article():
    body = (
        "Norda Energy will build a cathode plant in Kolín. Its material will supply Acme Cells' "
        "Vierzon plant from 2028. Construction is planned to start in 2026."
    )
    assert ("Norda Energy Kolín", "construction_start", 2026) in milestones(body, "en")


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Acme Cells a racheté une usine à Vierzon dont la construction avait démarré en 2022.",
         "fr", [(VIERZON, "construction_start", 2022)]),
        ("Lancée en 2024, la construction de l'usine de Vierzon s'achève.", "fr",
         [(VIERZON, "construction_start", 2024)]),
        # first deliveries with no buyer named: the plant's first output
        ("L'usine de Vierzon tourne déjà. Les premières livraisons sont attendues en 2027.", "fr",
         [(VIERZON, "operation_start", 2027)]),
    ],
)  # fmt: skip
def test_construction_begun_before_and_first_deliveries(body, language, expected):
    assert milestones(body, language) == expected


def test_first_deliveries_to_a_named_buyer_are_no_plants_start():
    body = "Acme Cells runs the Vierzon plant. First deliveries to Moravia Auto are due in 2027."
    assert milestones(body, "en") == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Acme Cells runs the Vierzon plant. Deliveries will start in 2027 at about 2 GWh a year "
         "and rise to 5 GWh a year in 2029.", "en"),
        ("Acme Cells runs the Vierzon plant. The first order covers 3 GWh a year from 2027.",
         "en"),
    ],
)  # fmt: skip
def test_deliveries_and_orders_are_no_capacity(body, language):
    assert capacities(body, language) == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Press reports say Norda Energy is weighing a cell plant near Tampere.", "en"),
        ("Industry sources say Norda Energy has looked at a site near Pori for a second plant.",
         "en"),
        ("Des informations de presse évoquent une gigafactory que Norda Energy bâtirait à "
         "Dunkerque.", "fr"),
        ("Norda Energy denied that it would build a plant in Tampere.", "en"),
    ],
)  # fmt: skip
def test_a_rumoured_plant_is_no_new_plant(body, language):
    assert new_plants(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Acme Cells agrandit l'usine de Vierzon : une extension de 90 millions d'euros.", "fr",
         [(VIERZON, "investment", 9e7, "EUR", "exact", None)]),
        ("Acme Cells puts the total bill for the Vierzon plant at €1.5 billion.", "en",
         [(VIERZON, "investment", 1.5e9, "EUR", "exact", None)]),
    ],
)  # fmt: skip
def test_an_extensions_sum_and_a_bill_are_investment(body, language, expected):
    assert figures(body, language) == expected
