"""
The query-parameter rules of ``sourcing.api.params`` and the points where the schema and the server
must agree: empty ordering items, searches that fold to nothing, article addresses as URIs, and
visibility applied to every API view by one backend.
"""

import re

import pytest
from django.contrib.auth.models import User
from django.http import QueryDict
from rest_framework.exceptions import ValidationError
from rest_framework.test import APIClient

from sourcing.api import params
from sourcing.api import urls as api_urls
from sourcing.api.visibility import VisibleToReaderBackend
from sourcing.models import ReviewStatus, VehicleProgramme
from tests.factories import (
    VERIFIED,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
)

# RFC 3986's characters, for an absolute URI: what `format: uri` allows.
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


@pytest.fixture
def api():
    return APIClient()


def errors_of(call):
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.detail


# -- The query string as a whole -----------------------------------------------------------------


def test_check_query_string_names_each_kind_of_bad_parameter():
    def check(query, known=("kind", "party"), repeatable=("party",)):
        return lambda: params.check_query_string(QueryDict(query), known, repeatable)

    assert errors_of(check("kind=a%00")) == {"kind": ["Null characters are not allowed."]}
    assert errors_of(check("knd=a"))["knd"] == ["Unknown parameter. Accepted here: kind, party."]
    assert errors_of(check("kind=a&kind=b")) == {
        "kind": ["Give this parameter once; it takes a single value."]
    }
    assert errors_of(check("kind=%C2%A0")) == {
        "kind": ["Give this parameter a value, or leave it out."]
    }
    params.check_query_string(QueryDict("party=a&party=b&kind=x"), ("kind", "party"), ("party",))


def test_parse_id_reads_only_plain_database_ids():
    assert params.parse_id("42") == 42
    assert params.parse_id(str(params.MAX_ID)) == params.MAX_ID
    for text in ("0", "-1", "+1", "1.0", " 1", "١", "1e3", str(params.MAX_ID + 1), "9" * 5000,
                 "01", "007", "0" * 5000 + "1"):  # fmt: skip
        assert params.parse_id(text) is None, text


def test_parse_count_reads_leading_zeros_as_a_number_does():
    assert params.parse_count("05") == params.parse_count("5") == 5
    for text in ("0", "00", " 5", "+5", "5.0", "9" * 5000):
        assert params.parse_count(text) is None, text


def test_distinct_references_keeps_the_first_of_each_in_order_as_written():
    assert params.distinct_references(["b", "a", "b", " a"], 3, "party") == ["b", "a", " a"]


def test_the_text_pattern_refuses_exactly_the_values_the_server_finds_empty(api, db):
    pattern = re.compile(params.TEXT_PATTERN)
    blanks = [char for char in map(chr, range(0x110000)) if char.isspace()]

    assert not pattern.search("".join(blanks))
    for char in blanks:
        assert not pattern.search(f"{char}{char}"), hex(ord(char))
        response = api.get("/api/v1/companies/", {"search": char})
        assert response.status_code == 400, hex(ord(char))
    for text in ("a", " a ", "\u200b", "\u0301", "\ufeff", "Ampère «x» 100%"):
        assert pattern.search(text), text
        assert api.get("/api/v1/companies/", {"search": text}).status_code == 200, text
    assert not pattern.search("a\x00")


# -- Ordering ------------------------------------------------------------------------------------


@pytest.mark.parametrize("ordering", [",", "title,", ",title", "title,,kind", "title, "])
def test_an_ordering_with_an_empty_item_is_400(api, db, ordering):
    response = api.get("/api/v1/agreements/", {"ordering": ordering})

    assert response.status_code == 400
    assert response.json() == {
        "ordering": ["Separate the values by single commas, with nothing empty between them."]
    }


def test_an_ordering_of_several_fields_is_answered(api, db):
    second = make_agreement(title="B", kind="supply", review_status=VERIFIED)
    first = make_agreement(title="A", kind="supply", review_status=VERIFIED)

    response = api.get("/api/v1/agreements/", {"ordering": "kind,title"})

    assert [record["id"] for record in response.json()["results"]] == [first.pk, second.pk]


def test_schema_ordering_items_are_not_empty(api, db):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    parameters = schema["paths"]["/api/v1/agreements/"]["get"]["parameters"]
    ordering = next(p for p in parameters if p["name"] == "ordering")["schema"]

    assert ordering["type"] == "array" and ordering["minItems"] == 1
    assert "" not in ordering["items"]["enum"]


# -- Search terms that fold to nothing -----------------------------------------------------------


@pytest.mark.parametrize("term", ["\u0301", "\u200b", "\u00ad", "\u00b4", "\u0301\u00a0\u200b"])
def test_a_search_that_folds_to_nothing_is_answered_with_nothing(api, db, term):
    make_company("Ampère", review_status=VERIFIED)

    response = api.get("/api/v1/companies/", {"search": term})

    assert response.status_code == 200
    assert response.json()["results"] == []


# -- Article addresses ---------------------------------------------------------------------------


def test_an_article_url_with_non_ascii_characters_is_served_as_a_uri(api, db):
    article = make_article(url="https://exämple.fr/voiture électrique?q=Ampère#partie 2")

    record = api.get(f"/api/v1/articles/{article.pk}/").json()
    listed = api.get("/api/v1/articles/", {"format": "csv"}).content.decode()

    expected = "https://xn--exmple-cua.fr/voiture%20%C3%A9lectrique?q=Amp%C3%A8re#partie%202"
    assert record["url"] == expected
    assert URI.fullmatch(record["url"])
    assert expected in listed


def test_an_ascii_article_url_is_unchanged_and_a_stray_percent_is_escaped(api, db):
    plain = make_article(url="https://example.com/a?b=c%20d")
    stray = make_article(url="https://example.com/100%")

    assert api.get(f"/api/v1/articles/{plain.pk}/").json()["url"] == plain.url
    assert api.get(f"/api/v1/articles/{stray.pk}/").json()["url"] == "https://example.com/100%25"


# -- Visibility ----------------------------------------------------------------------------------


def test_every_api_view_narrows_to_what_the_reader_may_see_first():
    for _, viewset, _ in api_urls.router.registry:
        assert viewset.filter_backends[0] is VisibleToReaderBackend, viewset


def draft_records():
    verified = make_company(review_status=VERIFIED)
    draft_company = make_company(review_status=ReviewStatus.DRAFT)
    return {
        "companies": draft_company,
        "stakes": make_stake(holder=verified, target=draft_company, review_status=VERIFIED),
        "agreements": make_agreement(review_status=ReviewStatus.DRAFT),
        "plants": make_plant(review_status=ReviewStatus.DRAFT),
        "programmes": VehicleProgramme.objects.create(name="Draft car"),
    }


def test_drafts_are_404_to_readers_and_shown_to_staff_on_every_resource(api, db):
    records = draft_records()
    staff = APIClient()
    staff.force_authenticate(User.objects.create_user("staff", is_staff=True))

    for resource, record in records.items():
        detail = f"/api/v1/{resource}/{record.pk}/"
        assert api.get(detail).status_code == 404, resource
        assert record.pk not in [r["id"] for r in api.get(f"/api/v1/{resource}/").json()["results"]]
        assert staff.get(detail).status_code == 200, resource
