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

from sourcing.models import Company
from sourcing.suggestions import suggest

from .factories import make_company, make_plant

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2026, 5, 4)


@pytest.fixture(autouse=True)
def known():
    acme = make_company("Acme Cells", kind=Company.Kind.CELL_MAKER, country="FR")
    make_company("Norda Energy", kind=Company.Kind.CELL_MAKER, country="SE")
    make_company("Moravia Auto", kind=Company.Kind.CARMAKER, country="CZ")
    make_plant(name="Acme Cells Vierzon", operator=acme, city="Vierzon", country="FR")


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
