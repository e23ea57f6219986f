"""
Proposals from wordings the engine generalises to, each on sentences written for it (English and
French): reflexive verbs of buying, buyers named with a description, where a company is based
versus where it builds, dates that are not places.
"""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.models import Company, PlantAlias
from sourcing.suggestions import suggest

from .factories import make_company, make_plant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def known():
    make_company("Moravia Auto", kind=Company.Kind.CARMAKER, country="CZ")
    pellucell = make_company("Pellucell", kind=Company.Kind.CELL_MAKER, country="FR")
    make_company("Fjord Kapital", kind=Company.Kind.INVESTOR, country="NO")
    make_company("Halden Fonds", kind=Company.Kind.INVESTOR, country="FR")
    plant = make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")
    PlantAlias.objects.create(plant=plant, name="Vierzon plant")
    return plant


def proposals(body, language, kind):
    article = SimpleNamespace(pk=None, body=body, language=language)
    return [p["fields"] for p in suggest(article)["proposals"] if p["kind"] == kind]


def roles(fields):
    return {(p["company"], p["role"]) for p in fields["parties"]}


@pytest.mark.parametrize(
    "body",
    [
        "Moravia Auto s'approvisionnera en cellules auprès de Pellucell à partir de 2028.",
        "Moravia Auto s’approvisionne déjà auprès de Pellucell pour ses modèles compacts.",
    ],
)
def test_the_reflexive_french_verb_of_supplying_buys(body):
    (fields,) = proposals(body, "fr", "agreement")
    assert roles(fields) == {("moravia-auto", "buyer"), ("pellucell", "supplier")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Halden Fonds a cédé ses 6 % dans Pellucell au fonds norvégien Fjord Kapital.", "fr"),
        ("Halden Fonds sold its 6% stake in Pellucell to the Norwegian investor Fjord Kapital.",
         "en"),
    ],
)  # fmt: skip
def test_a_stake_sold_to_a_buyer_named_with_a_description_is_held_by_the_buyer(body, language):
    found = {f["holder"]: f for f in proposals(body, language, "stake")}
    assert found["halden-fonds"]["status"] == "divested"
    bought = found["fjord-kapital"]
    assert (bought["target"], bought["share_exact"], bought["status"]) == (
        "pellucell",
        6,
        "completed",
    )


def test_a_stake_sold_in_one_clause_is_not_bought_by_a_company_far_after_it():
    body = (
        "Halden Fonds sold its 6% stake in Pellucell last year, and its managers said they would "
        "talk to Fjord Kapital."
    )
    assert [f["holder"] for f in proposals(body, "en", "stake")] == ["halden-fonds"]


@pytest.mark.parametrize(
    ("body", "language", "city", "country"),
    [
        ("La société Ardoisel Recyclage, basée à Nantes, traitera 15 000 tonnes de batteries par "
         "an dans sa future usine de Montoir-de-Bretagne.", "fr", "Montoir-de-Bretagne", "FR"),
        ("Quarnet Cells, headquartered in Turin, will build a cell factory near Novara.", "en",
         "Novara", "IT"),
    ],
)  # fmt: skip
def test_a_new_plant_is_where_it_is_built_not_where_its_operator_is_based(
    body, language, city, country
):
    (plant,) = proposals(body, language, "plant")
    assert plant["city"] == city
    (company,) = proposals(body, language, "company")
    assert company["country"] == country


def test_a_month_is_no_city_of_a_new_plant(known):
    body = "Production at the Vierzon plant started in March 2024, Pellucell said."
    assert proposals(body, "en", "plant") == []
    (milestone,) = proposals(body, "en", "plant_milestone")
    assert (milestone["plant"]["id"], milestone["year"]) == (known.pk, 2024)


@pytest.mark.parametrize(
    ("body", "language", "kind", "year"),
    [
        ("Cell production at the Vierzon plant began in 2023.", "en", "operation_start", 2023),
        ("The Vierzon plant started producing cells in 2022.", "en", "operation_start", 2022),
        ("Construction of the Vierzon plant started in 2021.", "en", "construction_start", 2021),
        ("Les travaux de l'usine de Vierzon débuteront en 2026.", "fr", "construction_start",
         2026),
        ("À Vierzon, la production a commencé en 2024 dans l'usine de Pellucell.", "fr",
         "operation_start", 2024),
    ],
)  # fmt: skip
def test_milestones_in_past_and_future_tenses(known, body, language, kind, year):
    (milestone,) = proposals(body, language, "plant_milestone")
    assert (milestone["plant"]["id"], milestone["kind"], milestone["year"]) == (
        known.pk,
        kind,
        year,
    )


def test_a_known_plant_is_designated_by_its_only_operator(known):
    body = "Pellucell's plant will reach 12 GWh in 2027."
    (capacity,) = proposals(body, "en", "plant_capacity")
    assert capacity["plant"]["id"] == known.pk


def test_an_operators_new_plant_is_not_its_known_one():
    body = "Pellucell's new plant will reach 12 GWh in 2027."
    assert [c["plant"] for c in proposals(body, "en", "plant_capacity")] == [None]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The Vierzon plant will start with 8 GWh in 2027 and could be expanded to 24 GWh by "
         "2031.", "en", [(8, "initial", 2027), (24, "target", 2031)]),
        ("L'usine de Vierzon aura une capacité initiale de 6 GWh, portée à 15 GWh en 2030.", "fr",
         [(6, "initial", None), (15, "target", 2030)]),
        ("The first phase of the Vierzon plant, due in 2026, will have 4 GWh of capacity.", "en",
         [(4, "initial", 2026)]),
        ("The Vierzon plant has an annual capacity of 10 GWh.", "en", [(10, "current", None)]),
        ("Le site de Vierzon produira 30 GWh d'ici 2030, contre 8 GWh à son ouverture.", "fr",
         [(30, "target", 2030), (8, "initial", None)]),
        ("L'usine de Vierzon atteindra 18 GWh en 2027 puis 25 GWh à terme.", "fr",
         [(18, "target", 2027), (25, "target", None)]),
    ],
)  # fmt: skip
def test_a_capacitys_basis_and_year_are_those_of_its_own_phase(known, body, language, expected):
    found = proposals(body, language, "plant_capacity")
    assert [(c["gwh_per_year"], c["basis"], c["year"]) for c in found] == expected
    assert {c["plant"]["id"] for c in found} == {known.pk}


def stakes_of(body, language):
    return [
        (f["holder"], f["target"], f["share_exact"], f["status"])
        for f in proposals(body, language, "stake")
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital is taking a 40% interest in Pellucell.", "en",
         [("fjord-kapital", "pellucell", 40, "announced")]),
        ("Fjord Kapital doubled its stake in Pellucell to 10%.", "en",
         [("fjord-kapital", "pellucell", 10, "completed")]),
        ("Fjord Kapital détient désormais 60 % de Pellucell, contre 25 % auparavant.", "fr",
         [("fjord-kapital", "pellucell", 60, "completed")]),
        ("Fjord Kapital holds 7.5% of Pellucell, up from 5% a year earlier.", "en",
         [("fjord-kapital", "pellucell", 7.5, "completed")]),
        ("Halden Fonds, qui possédait 12 % de Pellucell, a soldé sa participation.", "fr",
         [("halden-fonds", "pellucell", 12, "divested")]),
        ("Pellucell's shareholders will be Moravia Auto (30%) and Fjord Kapital (15%).", "en",
         [("moravia-auto", "pellucell", 30, "announced"),
          ("fjord-kapital", "pellucell", 15, "announced")]),
    ],
)  # fmt: skip
def test_stakes_from_more_wordings_of_holding(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto and Pellucell formed a 50-50 joint venture named Bohemcell in 2022.", "en",
         [("Moravia Auto–Pellucell joint venture (Bohemcell)", "active", 2022, None)]),
        ("Moravia Auto and Pellucell created a joint venture, Bohemcell, last year.", "en",
         [("Moravia Auto–Pellucell joint venture (Bohemcell)", "active", 2024, None)]),
        ("Moravia Auto et Pellucell ont signé un protocole d'accord en vue de créer une "
         "coentreprise.", "fr",
         [("Moravia Auto–Pellucell joint venture", "letter_of_intent", None, "2025-06-18")]),
    ],
)  # fmt: skip
def test_a_joint_venture_founded_in_the_past_is_in_force_since_its_year(body, language, expected):
    article = SimpleNamespace(
        pk=None,
        body=body,
        language=language,
        published_on=datetime.date(2025, 6, 18),
        published_precision="day",
    )
    found = [p["fields"] for p in suggest(article)["proposals"] if p["kind"] == "agreement"]
    assert [(f["title"], f["status"], f["start_year"], f["announced"]) for f in found] == expected


@pytest.mark.parametrize(
    "second",
    ["The two shareholders own the company in equal parts.", "They each own 50% of it."],
)
def test_a_distributive_sentence_gives_the_named_venture_to_its_founders(second):
    body = f"Moravia Auto and Pellucell created a joint venture, Bohemcell, in 2021. {second}"
    assert sorted(stakes_of(body, "en")) == [
        ("moravia-auto", "Bohemcell", 50, "completed"),
        ("pellucell", "Bohemcell", 50, "completed"),
    ]


@pytest.mark.parametrize(
    ("body", "language", "kind", "status", "roles"),
    [
        ("Pellucell won an order from Moravia Auto for its compact vans.", "en", "supply",
         "signed", {("pellucell", "supplier"), ("moravia-auto", "buyer")}),
        ("Pellucell a été choisi par Moravia Auto pour équiper ses futurs utilitaires.", "fr",
         "supply", "signed", {("pellucell", "supplier"), ("moravia-auto", "buyer")}),
        ("Moravia Auto has selected Pellucell to equip its vans with cells.", "en", "supply",
         "signed", {("pellucell", "supplier"), ("moravia-auto", "buyer")}),
        ("Pellucell a signé un protocole d'accord avec Moravia Auto, qui prévoit la fourniture de "
         "ses cellules.", "fr", "supply", "letter_of_intent",
         {("pellucell", "supplier"), ("moravia-auto", "buyer")}),
        ("Moravia Auto s'est associé à Pellucell pour développer une chimie sans cobalt.", "fr",
         "partnership", "announced", {("pellucell", "partner"), ("moravia-auto", "partner")}),
        ("Pellucell et Moravia Auto signent un protocole d'accord pour recycler les rebuts.", "fr",
         "partnership", "letter_of_intent",
         {("pellucell", "partner"), ("moravia-auto", "partner")}),
    ],
)  # fmt: skip
def test_agreements_from_more_wordings_of_dealing(body, language, kind, status, roles):
    (fields,) = proposals(body, language, "agreement")
    assert (fields["kind"], fields["status"]) == (kind, status)
    assert {(p["company"], p["role"]) for p in fields["parties"]} == roles


def test_an_agreement_in_force_started_when_it_was_signed():
    body = "Moravia Auto already buys its cells from Pellucell under a contract signed in 2019."
    (fields,) = proposals(body, "en", "agreement")
    assert (fields["status"], fields["start_year"], fields["announced"]) == ("active", 2019, None)


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Work on the Vierzon plant is due to begin in 2026.", "en",
         [("construction_start", 2026)]),
        ("Le chantier de l'usine de Vierzon a démarré en avril 2024.", "fr",
         [("construction_start", 2024)]),
        ("Commissioning of the Vierzon plant is planned for 2026.", "en",
         [("operation_start", 2026)]),
        ("Pellucell broke ground on its Vierzon plant in 2021, and the plant began operating in "
         "2023.", "en", [("construction_start", 2021), ("operation_start", 2023)]),
        ("Les premiers coups de pelle de l'usine de Vierzon sont attendus en 2026, pour une mise "
         "en route fin 2027.", "fr", [("construction_start", 2026), ("operation_start", 2027)]),
    ],
)  # fmt: skip
def test_more_wordings_of_milestones(known, body, language, expected):
    found = proposals(body, language, "plant_milestone")
    assert [(m["kind"], m["year"]) for m in found] == expected
    assert {m["plant"]["id"] for m in found} == {known.pk}


def test_the_work_a_company_does_is_no_construction_start():
    body = "Pellucell works with its suppliers to start recycling at the Vierzon plant in 2027."
    assert "construction_start" not in [m["kind"] for m in proposals(body, "en", "plant_milestone")]


def test_a_new_plant_named_by_its_city_before_the_plant_word():
    body = "Pellucell will start building its Poitiers gigafactory in 2026."
    (plant,) = proposals(body, "en", "plant")
    assert (plant["city"], plant["country"], plant["operator"]) == ("Poitiers", "FR", "pellucell")
    (milestone,) = proposals(body, "en", "plant_milestone")
    assert (milestone["kind"], milestone["plant"]["name"]) == (
        "construction_start",
        "Pellucell Poitiers",
    )


def test_a_nationality_before_a_known_name_is_no_company():
    body = "Moravia Auto agreed to buy a 20% stake in French cell maker Pellucell."
    assert stakes_of(body, "en") == [("moravia-auto", "pellucell", 20, "announced")]
    assert proposals(body, "en", "company") == []


def test_the_construction_of_an_extension_is_no_milestone_of_the_plant(known):
    body = "The Vierzon plant opened in 2023; construction of the extension will begin next spring."
    found = proposals(body, "en", "plant_milestone")
    assert [(m["kind"], m["year"]) for m in found] == [("operation_start", 2023)]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto et Pellucell vont créer une coentreprise détenue à 60 % par Moravia Auto et "
         "à 40 % par Pellucell.", "fr",
         [("moravia-auto", None, 60, "announced"), ("pellucell", None, 40, "announced")]),
        ("Moravia Auto and Pellucell will each hold 50% of the new company.", "en",
         [("moravia-auto", None, 50, "announced"), ("pellucell", None, 50, "announced")]),
        ("Moravia Auto détiendra au moins 25 % de la nouvelle société, Pellucell conservant le "
         "reste.", "fr", [("moravia-auto", None, None, "announced")]),
    ],
)  # fmt: skip
def test_a_share_of_an_unnamed_venture_is_its_holders_not_its_founders(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell raised capital in order to build a line with Moravia Auto.", "en"),
        ("Le fondateur reste aux commandes de Pellucell, qui travaille avec Moravia Auto.", "fr"),
    ],
)
def test_in_order_to_and_at_the_helm_are_no_orders(body, language):
    assert proposals(body, language, "agreement") == []


def test_the_body_places_a_plant_the_headline_named_in_passing():
    body = (
        "Moravia Auto s'allie à Pellucell pour une usine à Dunkerque\n\n"
        "Moravia Auto et Pellucell vont créer une coentreprise, qui construira une usine de "
        "cellules à Dunkerque."
    )
    (plant,) = proposals(body, "fr", "plant")
    # The venture builds it and is not named: no founder is its operator.
    assert (plant["city"], plant["country"], plant["operator"]) == ("Dunkerque", "FR", None)
    assert plant["kind"] == "cell_gigafactory"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Pellucell agrandit son usine de Vierzon, dont la capacité doit passer de 16 GWh "
         "actuellement à plus de 40 GWh en 2028.", [(16, "current", None), (40, "target", 2028)]),
        ("Pellucell achètera du lithium à partir de 2026 pour son usine de Vierzon, dont la "
         "capacité doit être portée de 8 GWh à 12 GWh d'ici 2027.",
         [(8, "current", None), (12, "target", 2027)]),
    ],
)  # fmt: skip
def test_whose_capacity_goes_from_one_figure_to_another(known, body, expected):
    found = proposals(body, "fr", "plant_capacity")
    assert [(c["gwh_per_year"], c["basis"], c["year"]) for c in found] == expected
    assert {c["plant"]["id"] for c in found} == {known.pk}
