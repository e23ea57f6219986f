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
