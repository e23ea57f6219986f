"""
Agreements, second round: months written without a year that lie ahead of the article's ("from
January" in a November article), two deals in one sentence, the founders of a venture named
after it, a party named by a pronoun or a description; each on sentences written for it, with
sentences that must give nothing.
"""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.suggestions import suggest

from .test_suggestions_deals_wording import known, roles  # noqa: F401

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2026, 11, 20)
MARCH = datetime.date(2026, 3, 10)


def suggested(body, language, published=NOVEMBER):
    article = SimpleNamespace(
        pk=None, body=body, language=language, published_on=published, published_precision="day"
    )
    return suggest(article)


def dates(body, language, published=NOVEMBER):
    found = suggested(body, language, published)["mentions"]
    return [(body[m["start"] : m["end"]], m["date"]) for m in found if m["kind"] == "date"]


def deals(body, language, published=NOVEMBER):
    found = suggested(body, language, published)["proposals"]
    return [
        (f["kind"], f["status"], roles(f), f["start_year"], f["announced"])
        for f in (p["fields"] for p in found if p["kind"] == "agreement")
    ]


# -- Months without a year ahead of the article's ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "published", "expected"),
    [
        ("Deliveries will begin starting in February.", "en", NOVEMBER, [("February", "2027-02")]),
        ("The line restarts from 4 January, the group said.", "en", NOVEMBER,
         [("4 January", "2027-01-04")]),
        ("Les livraisons commenceront à partir de janvier.", "fr", NOVEMBER,
         [("janvier", "2027-01")]),
        ("L'usine fermera en mars prochain.", "fr", NOVEMBER, [("mars prochain", "2027-03")]),
        ("The plant will close next April.", "en", NOVEMBER, [("April", "2027-04")]),
        # a month later in the article's own year stays in it
        ("Deliveries will begin starting in June.", "en", MARCH, [("June", "2026-06")]),
        ("L'usine fermera en juin prochain.", "fr", MARCH, [("juin prochain", "2026-06")]),
        # a month of the past, or a span of the past, stays in the article's year
        ("Sales fell in February, the group said.", "en", NOVEMBER, [("February", "2026-02")]),
        ("Output rose from January to June.", "en", NOVEMBER, [("January", "2026-01")]),
        ("Depuis janvier, la ligne tourne à plein.", "fr", NOVEMBER, [("janvier", "2026-01")]),
    ],
)  # fmt: skip
def test_a_month_ahead_of_the_article_is_next_years(body, language, published, expected):
    assert [d for d in dates(body, language, published) if d[1]] == expected


def test_a_programme_starting_in_a_month_ahead_starts_next_year():
    body = (
        "Pellucell and Lumeo Chemicals have agreed to work together on electrolyte additives "
        "under a research programme starting in February."
    )
    assert deals(body, "en") == [
        ("research", "signed", {("pellucell", "partner"), ("lumeo-chemicals", "partner")}, 2027,
         "2026-11-20")
    ]  # fmt: skip


# -- A deal whose sentence names one side: the other is the company spoken of -------------------

OPENS = "Pellucell has opened its new cell factory in Dijon, which will employ 900 people.\n\n"
OUVRE = (
    "Pellucell a inauguré sa nouvelle usine de cellules à Dijon, qui emploiera 900 salariés.\n\n"
)
CELLS = {("pellucell", "supplier"), ("moravia-auto", "buyer")}
MATERIALS = {("lumeo-chemicals", "supplier"), ("pellucell", "buyer")}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (OPENS + "Moravia Auto has signed a seven-year contract to buy the cells made there.", "en",
         [("supply", "signed", CELLS, None, "2026-11-20")]),
        (OPENS + "Moravia Auto signed in October to take a third of the initial output.", "en",
         [("supply", "signed", CELLS, None, "2026-10")]),
        (OUVRE + "Moravia Auto a signé une lettre d'intention portant sur des cellules à partir "
         "de 2029.", "fr", [("supply", "letter_of_intent", CELLS, 2029, "2026-11-20")]),
        (OUVRE + "Lumeo Chemicals livrera l'électrolyte du site dans le cadre d'un contrat de "
         "dix ans signé le mois dernier.", "fr",
         [("supply", "signed", MATERIALS, None, "2026-10")]),
        (OPENS + "Lumeo Chemicals, which won the electrolyte contract this summer, will deliver "
         "it by rail.", "en", [("supply", "signed", MATERIALS, None, "2026")]),
    ],
)  # fmt: skip
def test_the_side_a_deal_leaves_unnamed_is_the_company_spoken_of(body, language, expected):
    assert deals(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # no deal made: a wish, a search, a hypothesis
        (OPENS + "Moravia Auto is looking to buy more cells in Europe.", "en"),
        (OPENS + "Moravia Auto pourrait acheter des cellules si les prix baissent.", "fr"),
        # the other side is there but not named
        (OPENS + "Moravia Auto has signed a contract to buy cells from a Korean supplier.", "en"),
        (OUVRE + "Moravia Auto a signé un contrat avec un fournisseur chinois.", "fr"),
        # a deal of the company spoken of itself, with no one else
        (OPENS + "Pellucell has signed a contract to buy more land nearby.", "en"),
    ],
)
def test_a_deal_with_no_named_other_side_gives_nothing(body, language):
    assert deals(body, language) == []


def test_a_sentence_on_another_matter_adds_nothing_to_the_deal_before():
    body = (
        "Moravia Auto has signed a contract to buy cells from Pellucell. Meanwhile, the group's "
        "older plant, which supplies 12 GWh of cells a year, will be expanded to 20 GWh by 2029."
    )
    assert [(k, s, r) for k, s, r, _, _ in deals(body, "en")] == [("supply", "signed", CELLS)]
    found = suggested(body, "en")["proposals"]
    assert [p["fields"]["volumes"] for p in found if p["kind"] == "agreement"] == [[]]


# -- A venture whose creation is announced today; a yearly volume and the year it starts ------


@pytest.mark.parametrize(
    ("body", "language", "status"),
    [
        ("Pellucell et Lumeo Chemicals annoncent aujourd'hui la création de Norda Cells, une "
         "coentreprise qui fabriquera des cellules.", "fr", "signed"),
        ("Pellucell and Lumeo Chemicals today announce the creation of Norda Cells, a joint "
         "venture that will make cells.", "en", "announced"),  # the word order of a plan
        ("Pellucell and Lumeo Chemicals announce today the formation of Norda Cells, a joint "
         "venture that will make cells.", "en", "signed"),
        # without "today", a creation announced is a plan
        ("Pellucell et Lumeo Chemicals annoncent la création de Norda Cells, une coentreprise "
         "qui fabriquera des cellules.", "fr", "announced"),
    ],
)  # fmt: skip
def test_a_venture_whose_creation_is_announced_today_is_formed(body, language, status):
    assert deals(body, language) == [
        ("joint_venture", status, {("pellucell", "partner"), ("lumeo-chemicals", "partner")},
         None, "2026-11-20")
    ]  # fmt: skip


def volumes(body, language):
    found = suggested(body, language)["proposals"]
    return [
        [(v["gwh_per_year"], v["year"]) for v in p["fields"]["volumes"]]
        for p in found
        if p["kind"] == "agreement"
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell a reçu de Moravia Auto une commande de cellules, à hauteur de 3 GWh par an "
         "à partir de 2028.", "fr", [[(3, 2028)]]),
        ("Pellucell will ship Moravia Auto 4 GWh a year of cells from 2029 under a contract "
         "signed on Monday.", "en", [[(4, 2029)]]),
        # "from" a place is no start
        ("Pellucell will ship Moravia Auto 4 GWh a year from its Lyon plant under a contract "
         "signed on Monday.", "en", [[(4, None)]]),
    ],
)  # fmt: skip
def test_a_yearly_volume_takes_the_year_it_starts_from(body, language, expected):
    assert volumes(body, language) == expected


def test_a_carmaker_signing_for_goods_with_the_company_spoken_of_buys_them():
    body = (
        "La start-up Norda Cells SAS a inauguré sa ligne pilote à Limoges, qui produira des "
        "cellules sodium-ion.\n\nMoravia Auto a par ailleurs signé une lettre d'intention "
        "portant sur 1 GWh de cellules par an à partir de 2030."
    )
    assert deals(body, "fr") == [
        ("supply", "letter_of_intent", {("Norda Cells", "supplier"), ("moravia-auto", "buyer")},
         2030, "2026-11-20")
    ]  # fmt: skip
