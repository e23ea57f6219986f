"""
Keyset pagination (``sourcing.api.pagination``) as a consumer meets it: following ``next`` through
any list in any offered ordering visits every visible record once, in the list's order, across
unknown (NULL) dates and blank text; ``previous`` walks back; records added or removed between
two requests cause no repeat and no skip; a cursor the server did not write is a 400.
"""

import base64
import csv
import datetime
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIClient

from sourcing.api import filters
from sourcing.api.params import decode_cursor, encode_cursor
from sourcing.api.visibility import visible
from sourcing.models import (
    Agreement,
    Article,
    Company,
    Plant,
    Stake,
    VehicleProgramme,
    editing_as,
)
from tests.factories import (
    VERIFIED,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
)

FILTERSETS = {
    "articles": (Article, filters.ArticleFilter),
    "companies": (Company, filters.CompanyFilter),
    "stakes": (Stake, filters.StakeFilter),
    "agreements": (Agreement, filters.AgreementFilter),
    "plants": (Plant, filters.PlantFilter),
    "programmes": (VehicleProgramme, filters.ProgrammeFilter),
}
DRAFT = "draft"


@pytest.fixture
def api():
    return APIClient()


def get(api, path, **params):
    response = api.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def follow(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def ids(page):
    return [record["id"] for record in page["results"]]


def cursor_of(url):
    return parse_qs(urlsplit(url).query)["cursor"][0]


@pytest.fixture(scope="module")
def _module_crowd(_module_world, django_db_blocker):
    """
    Built once for the module, inside the transaction that holds the module's world and is rolled
    back with it (tests/conftest.py); each test still runs in its own savepoint. Built as reviewed
    data, as the world is.
    """
    with django_db_blocker.unblock(), editing_as(None, trusted=True):
        build_crowd()


@pytest.fixture
def crowd(_module_crowd, world):
    """The world, with the records of ``build_crowd`` beside it."""
    return world


def build_crowd():
    """
    Beside the world's records, more of each kind with what makes keyset pages hard: equal sort
    values (ties broken by id), unknown dates and numbers (NULL), blank text, and drafts that an
    anonymous reader must never meet.
    """
    day = datetime.date
    for n, (published, publisher) in enumerate(
        [(None, ""), (day(2021, 6, 28), ""), (None, "Les Echos"), (day(2021, 6, 28), "Zeta")] * 2
    ):
        make_article(
            title=f"Crowd {n % 3}",
            publisher=publisher,
            **dated("published", published),
        )
    companies = [
        make_company(
            f"Crowd {n % 3}",
            slug=f"crowd-{n}",
            country=["", "DE", "FR"][n % 3],
            review_status=VERIFIED,
        )
        for n in range(9)
    ]
    make_company("Crowd 0", slug="crowd-draft", review_status=DRAFT)
    for n in range(10):
        make_stake(
            holder=companies[n % 3],
            target=companies[3 + n % 2 * 3],  # two companies both named "Crowd 0"
            **dated("as_of", [None, day(2022, 1, 1), day(2020, 5, 1)][n % 3]),
            review_status=VERIFIED if n != 7 else DRAFT,
        )
    for n in range(14):
        make_agreement(
            title=f"Crowd {n % 4}",
            kind=[Agreement.Kind.SUPPLY, Agreement.Kind.PARTNERSHIP][n % 2],
            **dated("announced", [None, day(2024, 1, 1), day(2022, 3, 1)][n % 3]),
            **dated("signed", [day(2024, 2, 1), None][n % 2]),
            start_year=[None, 2026, 2030, None][n % 4],
            review_status=VERIFIED if n % 5 else DRAFT,
        )
    for n in range(7):
        make_plant(name=f"Crowd {n % 2}", country=["", "HU"][n % 2], review_status=VERIFIED)
    for n in range(6):
        VehicleProgramme.objects.create(
            name=f"Crowd {n % 2}",
            start_year=[None, 2027][n % 2],
            review_status=VERIFIED if n != 5 else DRAFT,
        )


def dated(field, date):
    """A date field's value and its precision (a date needs one), by the field's prefix."""
    name = field if field == "as_of" else f"{field}_on"
    return {name: date, f"{field}_precision": "day" if date else ""}


def orderings(resource):
    """Every ordering a list offers, ascending and descending, and its default (None)."""
    names = FILTERSETS[resource][1].base_filters["ordering"].param_map
    return [None, *names, *(f"-{name}" for name in names)]


CASES = [(resource, ordering) for resource in FILTERSETS for ordering in orderings(resource)]
CASES += [("agreements", "status,-announced"), ("stakes", "-target,as_of")]


@pytest.mark.parametrize(("resource", "ordering"), CASES)
def test_next_visits_every_visible_record_once_in_order_and_previous_walks_back(
    api, crowd, resource, ordering
):
    params = {"ordering": ordering} if ordering else {}
    whole = get(api, f"/api/v1/{resource}/", page_size=100, **params)
    model = FILTERSETS[resource][0]
    visible_ids = visible(model.objects.all(), AnonymousUser()).values_list("pk", flat=True)
    assert whole["next"] is None and sorted(ids(whole)) == sorted(visible_ids)

    pages = [get(api, f"/api/v1/{resource}/", page_size=3, **params)]
    while pages[-1]["next"]:
        pages.append(follow(api, pages[-1]["next"]))
    assert [i for page in pages for i in ids(page)] == ids(whole)
    assert all(len(ids(page)) == 3 for page in pages[:-1])
    assert pages[0]["previous"] is None

    back = [pages[-1]]
    while back[-1]["previous"]:
        back.append(follow(api, back[-1]["previous"]))
    assert [i for page in reversed(back) for i in ids(page)] == ids(whole)


def test_staff_page_through_drafts_too(api, crowd, django_user_model):
    api.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    whole = get(api, "/api/v1/agreements/", page_size=100, ordering="-start_year")
    pages = [get(api, "/api/v1/agreements/", page_size=4, ordering="-start_year")]
    while pages[-1]["next"]:
        pages.append(follow(api, pages[-1]["next"]))

    assert [i for page in pages for i in ids(page)] == ids(whole)
    assert len(ids(whole)) == Agreement.objects.count()


def test_records_added_or_removed_between_pages_are_neither_repeated_nor_skipped(api, crowd):
    first = get(api, "/api/v1/agreements/", page_size=4)
    before = ids(get(api, "/api/v1/agreements/", page_size=100))
    seen = ids(first)
    # The row the cursor points at goes, and so does one not yet read; one record comes in
    # before the cursor (already passed: not shown) and one after it, among the unknown dates.
    Agreement.objects.filter(pk__in=[seen[-1], before[6]]).delete()
    passed = make_agreement(
        title="Passed", **dated("announced", datetime.date(2030, 1, 1)), review_status=VERIFIED
    )
    coming = make_agreement(title="Coming", review_status=VERIFIED)

    pages = [first]
    while pages[-1]["next"]:
        pages.append(follow(api, pages[-1]["next"]))
    rest = [i for page in pages[1:] for i in ids(page)]
    after = ids(get(api, "/api/v1/agreements/", page_size=100))

    assert rest == [i for i in after if i not in seen and i != passed.pk]
    assert coming.pk in rest and before[6] not in rest
    assert len(seen + rest) == len(set(seen + rest))


def test_previous_of_a_page_whose_rows_all_went_leads_back(api, crowd):
    first = get(api, "/api/v1/companies/", page_size=2)
    second = follow(api, first["next"])
    Company.objects.filter(pk__in=ids(second)).update(review_status=DRAFT)  # gone for readers

    emptied = follow(api, first["next"])
    third = follow(api, emptied["previous"])

    assert ids(emptied) != ids(second)  # the next rows move up
    assert ids(third) == ids(first)


def test_a_cursor_into_a_search_that_matches_nothing_finds_nothing(api, crowd):
    # The cursor of the agreements' first page (dated rows, then the undated: two regions on
    # PostgreSQL) on a search for a term that folds to nothing (a lone combining accent).
    cursor = cursor_of(get(api, "/api/v1/agreements/", page_size=1)["next"])
    page = get(api, "/api/v1/agreements/", cursor=cursor, search="\u0301")

    assert page["results"] == [] and page["next"] is None


def test_csv_pages_carry_next_in_the_link_header(api, crowd):
    first = api.get("/api/v1/companies/", {"format": "csv", "page_size": 2})
    [next_url] = [
        part.split(";")[0].strip("<> ") for part in first["Link"].split(",") if 'rel="next"' in part
    ]
    second = api.get(next_url)

    def names(response):
        assert response.status_code == 200
        return [row["id"] for row in csv.DictReader(io.StringIO(response.content.decode()))]

    whole = ids(get(api, "/api/v1/companies/", page_size=4))
    assert "format=csv" in next_url
    assert [int(i) for i in names(first) + names(second)] == whole


# -- Bad cursors ----------------------------------------------------------------------------------


def valid_cursor(api, resource="agreements", **params):
    return cursor_of(get(api, f"/api/v1/{resource}/", page_size=1, **params)["next"])


def tampered(cursor, **changes):
    content = {**decode_cursor(cursor), **changes}
    return encode_cursor({key: value for key, value in content.items() if value is not ...})


def bad_cursors(api):
    """(cursor, list params) pairs, each a cursor no agreements list could have written."""
    cursor = valid_cursor(api)  # values: announced date, title, id
    values = decode_cursor(cursor)["values"]
    date, title, pk = values
    return [
        ("@@@", {}),  # outside the alphabet
        ("a", {}),  # not base64 (one character too many)
        (base64.urlsafe_b64encode(b"\xff\xfe").decode(), {}),  # not UTF-8
        ("W10", {}),  # JSON, but a list
        (tampered(cursor, values=values[:2]), {}),
        (tampered(cursor, values=[*values, 1]), {}),
        (tampered(cursor, values=[date, title, str(pk)]), {}),
        (tampered(cursor, values=[date, title, pk + 0.5]), {}),
        (tampered(cursor, values=[date, title, True]), {}),
        (tampered(cursor, values=[date, title, 2**63]), {}),
        (tampered(cursor, values=[date, title, None]), {}),
        (tampered(cursor, values=["2021-02-30", title, pk]), {}),
        (tampered(cursor, values=["June 2021", title, pk]), {}),
        (tampered(cursor, values=[date, 12, pk]), {}),
        (tampered(cursor, values=[date, "a\x00b", pk]), {}),
        (tampered(cursor, values=[date, "x" * 301, pk]), {}),
        (tampered(cursor, backwards="yes"), {}),
        (tampered(cursor, ordering=...), {}),
        (tampered(cursor, extra=1), {}),
        (cursor, {"ordering": "-announced"}),  # written for another ordering
        (valid_cursor(api, ordering="title"), {"ordering": "kind"}),
        (valid_cursor(api, "companies"), {}),  # written for another list
        (  # a year written as text
            tampered(valid_cursor(api, ordering="start_year"), values=["2026", 1]),
            {"ordering": "start_year"},
        ),
        ("A" * 4097, {}),
    ]


def test_a_cursor_the_server_did_not_write_is_a_400_naming_cursor(api, crowd):
    for cursor, params in bad_cursors(api):
        response = api.get("/api/v1/agreements/", {"cursor": cursor, **params})
        assert response.status_code == 400, (cursor, response.content[:200])
        assert list(response.json()) == ["cursor"], cursor


def test_the_longest_cursor_the_server_writes_is_one_it_reads(api, world):
    # Two companies of 200 four-byte characters: the stakes list's cursor holds both names.
    holder = make_company("𝔸" * 200, review_status=VERIFIED)
    target = make_company("𝔹" * 200, review_status=VERIFIED)
    make_stake(holder=holder, target=target, review_status=VERIFIED)
    make_stake(holder=holder, target=target, review_status=VERIFIED)
    first = get(api, "/api/v1/stakes/", page_size=1, holder=holder.pk)
    assert ids(first) and first["next"]

    assert len(cursor_of(first["next"])) > 1000
    assert ids(follow(api, first["next"]))
