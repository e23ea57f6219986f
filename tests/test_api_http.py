"""
The API contract over a real socket: a live server and plain ``urllib``, as a consumer sees it
(URL encoding, headers, status codes, content types), including a sweep of nasty values through
every filter of every endpoint that must never produce a 5xx.
"""

import csv
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from sourcing import filters
from sourcing.params import TEXT_PATTERN
from tests.test_api import build_world

RESOURCES = {
    "articles": filters.ArticleFilter,
    "companies": filters.CompanyFilter,
    "stakes": filters.StakeFilter,
    "agreements": filters.AgreementFilter,
    "plants": filters.PlantFilter,
}


class Reply:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def content_type(self):
        return self.headers.get("Content-Type", "")

    def json(self):
        assert self.content_type == "application/json", (self.status, self.content_type)
        return json.loads(self.body)

    def ids(self):
        assert self.status == 200, self.body[:500]
        return [record["id"] for record in self.json()["results"]]


def fetch(url, params=(), *, method="GET", headers=None, raw_query=None):
    """``params``: a dict or a list of pairs (for repeated names); ``raw_query`` is sent as is."""
    query = raw_query if raw_query is not None else urllib.parse.urlencode(params, doseq=True)
    request = urllib.request.Request(
        f"{url}?{query}" if query else url,
        method=method,
        headers=headers or {},
        data=b"{}" if method in ("POST", "PUT", "PATCH") else None,
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


@pytest.fixture
def world(transactional_db):
    return build_world()


@pytest.fixture
def api(live_server):
    return f"{live_server.url}/api/v1"


# -- Lists, details, filters ---------------------------------------------------------------------


def test_list_is_json_paginated_with_results_next_previous_and_count(api, world):
    reply = fetch(f"{api}/companies/", {"page_size": 2})
    page = reply.json()

    assert reply.status == 200
    assert list(page) == ["count", "next", "previous", "results"]
    assert page["count"] == 6 and len(page["results"]) == 2
    assert page["next"].startswith(f"{api}/companies/?") and page["previous"] is None
    assert reply.headers["Link"] == f'<{page["next"]}>; rel="next"'
    second = fetch(page["next"]).json()
    assert second["previous"] is not None


def test_every_resource_lists_and_details_its_records_with_citations(api, world):
    for resource in RESOURCES:
        listing = fetch(f"{api}/{resource}/").json()["results"]
        assert listing, resource
        detail = fetch(listing[0]["api_url"])
        assert detail.status == 200
        assert detail.json()["id"] == listing[0]["id"]
    supply = fetch(f"{api}/agreements/{world.supply.pk}/").json()
    [citation] = supply["citations"]
    assert citation["source_url"].startswith(f"{api.removesuffix('/api/v1')}/articles/")


def test_party_filter_repeated_requires_every_company(api, world):
    both = fetch(f"{api}/agreements/", [("party", "renault-group"), ("party", "verkor")])
    by_id_and_slug = fetch(
        f"{api}/agreements/", [("party", str(world.renault.pk)), ("party", "verkor")]
    )
    only_renault = fetch(f"{api}/agreements/", {"party": "renault-group"})

    assert both.ids() == by_id_and_slug.ids() == [world.supply.pk]
    assert set(only_renault.ids()) == {
        world.supply.pk,
        world.envision_deal.pk,
        world.with_secret.pk,
    }


def test_party_kind_and_announced_after_combine(api, world):
    params = [("party", "renault-group"), ("kind", "supply"), ("announced_after", "2021")]
    assert fetch(f"{api}/agreements/", params).ids() == [world.supply.pk]
    params[2] = ("announced_after", "2021-06-29")
    assert fetch(f"{api}/agreements/", params).ids() == []
    params = [("announced_after", "2021"), ("announced_before", "2021"), ("status", "active")]
    assert fetch(f"{api}/agreements/", params).ids() == [world.envision_deal.pk]


@pytest.mark.parametrize(
    ("resource", "params", "expected"),
    [
        # "@name" stands for the id of that record of the test data.
        ("companies", {"search": "Ampere"}, ["ampere"]),
        ("companies", {"search": "losange"}, ["renault"]),
        ("companies", {"search": "renault group"}, ["renault"]),
        ("companies", {"kind": "cell_maker", "country": "cn"}, ["envision"]),
        ("stakes", {"holder": "renault-group", "min_percent": "20"}, ["renault_in_verkor"]),
        ("stakes", {"target": "@verkor", "status": "completed"},
            ["bank_in_verkor", "renault_in_verkor"]),
        ("stakes", {"cited_in": "@a_en"}, ["renault_in_verkor"]),
        ("agreements", {"plant": "@dunkirk", "min_volume_gwh": "10"}, ["supply"]),
        ("agreements", {"cited_in": "@a_en", "search": "verkor"}, ["supply"]),
        ("agreements", {"announced_before": "2021-06-28"}, ["supply"]),
        ("plants", {"operator": "verkor", "min_capacity_gwh": "16"}, ["dunkirk"]),
        ("plants", {"country": "de", "status": "operating", "kind": "vehicle_assembly"},
            ["secret_plant_op"]),
        ("plants", {"cited_in": "@a_year"}, ["dunkirk"]),
        ("articles", {"language": "fr", "publisher": "les echos"}, ["a_fr"]),
        ("articles", {"published_after": "2021-06-28", "published_before": "2021-06"}, ["a_en"]),
        ("articles", {"search": "losange"}, ["a_fr"]),
    ],
)  # fmt: skip
def test_filters_over_http(api, world, resource, params, expected):
    query = {
        name: str(getattr(world, value[1:]).pk) if value.startswith("@") else value
        for name, value in params.items()
    }
    assert fetch(f"{api}/{resource}/", query).ids() == [getattr(world, n).pk for n in expected]


def test_ordering_over_http(api, world):
    names = [r["name"] for r in fetch(f"{api}/plants/", {"ordering": "-name"}).json()["results"]]
    assert names == sorted(names, reverse=True)
    by_country = fetch(f"{api}/companies/", {"ordering": "country,-name"}).json()["results"]
    assert [c["country"] for c in by_country] == sorted(c["country"] for c in by_country)


# -- Errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "query", "parameter"),
    [
        ("agreements", "announced_after=2021-13-01", "announced_after"),  # malformed date
        ("articles", "published_before=28%2F06%2F2021", "published_before"),
        ("stakes", "min_percent=twenty", "min_percent"),  # not a number
        ("plants", "min_capacity_gwh=1%2C5", "min_capacity_gwh"),
        ("stakes", "holder=no-such-company", "holder"),  # unknown slug
        ("agreements", "party=verkor&party=no-such-company", "party"),
        ("plants", "operator=secret-motors", "operator"),  # a draft is unknown
        ("companies", "search=amp%00ere", "search"),  # NUL bytes
        ("companies", "ordering=name%00", "ordering"),
        ("agreements", "party=verkor%00", "party"),
        ("stakes", "cited_in=99999999999999999999999", "cited_in"),  # too large
        ("stakes", "holder=9223372036854775808", "holder"),
        ("agreements", "plant=9223372036854775808", "plant"),
        ("companies", "ordering=review_status", "ordering"),  # unknown ordering field
        ("agreements", "ordering=-parties", "ordering"),
        ("plants", "status=built", "status"),  # invalid choice
        ("articles", "language=english", "language"),
        ("agreements", "page=first", "page"),  # page that is not a number
        ("agreements", "page_size=-5", "page_size"),
        ("agreements", "format=pdf", "format"),
        ("agreements", "parti=verkor", "parti"),  # misspelt filter
        ("companies", "min_percent=20", "min_percent"),  # a filter of another resource
    ],
)
def test_bad_input_is_400_with_json_naming_the_parameter(api, world, resource, query, parameter):
    reply = fetch(f"{api}/{resource}/", raw_query=query)

    assert reply.status == 400
    body = reply.json()
    assert parameter in body
    assert all(isinstance(message, str) for message in body[parameter])


def parameters_of(resource):
    return [*RESOURCES[resource].base_filters, "page", "page_size", "format"]


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_an_empty_value_is_400_naming_the_parameter_for_every_parameter(api, world, resource):
    detail = fetch(f"{api}/{resource}/").json()["results"][0]["api_url"]
    for name in parameters_of(resource):
        reply = fetch(f"{api}/{resource}/", raw_query=f"{name}=")
        assert reply.status == 400, name
        assert reply.json() == {name: ["Give this parameter a value, or leave it out."]}
    reply = fetch(detail, raw_query="format=")
    assert reply.status == 400
    assert reply.json() == {"format": ["Give this parameter a value, or leave it out."]}
    with_one_empty = fetch(f"{api}/agreements/", [("party", "verkor"), ("party", "")])
    assert with_one_empty.status == 400 and "party" in with_one_empty.json()


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_a_detail_takes_only_format_and_names_any_other_parameter(api, world, resource):
    detail = fetch(f"{api}/{resource}/").json()["results"][0]["api_url"]
    assert fetch(detail, {"format": "json"}).status == 200
    for name in parameters_of(resource):
        if name == "format":
            continue
        # A list filter on a detail would turn a visible record into a 404 (or page it).
        reply = fetch(detail, {name: "1"})
        assert reply.status == 400, name
        assert reply.json() == {name: ["Unknown parameter. Accepted here: format."]}
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)
    operation = schema["paths"][f"/api/v1/{resource}/{{id}}/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"format", "id"}


def test_a_detail_refuses_filters_that_would_hide_it(api, world):
    stake = fetch(f"{api}/stakes/{world.renault_in_verkor.pk}/", {"holder": "eib"})
    agreement = fetch(f"{api}/agreements/{world.supply.pk}/", {"search": "zzz"})

    assert stake.status == agreement.status == 400
    assert stake.json() == {"holder": ["Unknown parameter. Accepted here: format."]}
    assert agreement.json() == {"search": ["Unknown parameter. Accepted here: format."]}


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("companies/", "search=%20", "search"),
        ("companies/", "search=%C2%A0", "search"),  # no-break space
        ("articles/", "search=%E3%80%80%09", "search"),  # ideographic space, tab
        ("articles/", "publisher=%E2%80%83", "publisher"),  # em space
        ("agreements/", "party=%20", "party"),
        ("agreements/", "party=verkor&party=%0A", "party"),
        ("companies/", "kind=%20", "kind"),
        ("stakes/", "holder=%20%20", "holder"),
        ("plants/", "ordering=%20", "ordering"),
        ("companies/", "page=%20", "page"),
        ("companies/", "format=%20", "format"),
        ("agreements/@supply/", "format=%C2%A0", "format"),
    ],
)
def test_a_whitespace_value_is_400_like_an_empty_one(api, world, path, query, parameter):
    path = path.replace("@supply", str(world.supply.pk))
    reply = fetch(f"{api}/{path}", raw_query=query)

    assert reply.status == 400
    assert reply.json() == {parameter: ["Give this parameter a value, or leave it out."]}


@pytest.mark.parametrize(
    ("resource", "query"),
    [
        ("agreements", "search=%C2%AD"),  # a soft hyphen
        ("articles", "search=%E2%80%8B"),  # a zero-width space
        ("companies", "search=%CC%81"),  # a lone combining accent
        ("companies", "search=%CC%81%C2%A0%E2%80%8B"),
    ],
)
def test_a_search_with_nothing_to_search_for_finds_nothing_not_the_whole_list(
    api, world, resource, query
):
    # The schema allows these values (no JSON Schema pattern can say "folds to nothing"), so
    # they are answered, and nothing contains an invisible term.
    assert fetch(f"{api}/{resource}/", raw_query=query).ids() == []


@pytest.mark.parametrize(
    ("resource", "query", "parameter"),
    [
        ("stakes", "holder=renault-group&holder=eib", "holder"),
        ("agreements", "format=csv&format=json", "format"),
        ("agreements", "format=json&format=json", "format"),  # even the same value twice
        ("companies", "page=1&page=2", "page"),
        ("companies", "page_size=1&page_size=2", "page_size"),
        ("plants", "ordering=id&ordering=-id", "ordering"),
        ("articles", "search=renault&search=verkor", "search"),
        ("agreements", "kind=supply&party=verkor&kind=research", "kind"),
    ],
)
def test_a_single_value_parameter_given_twice_is_400(api, world, resource, query, parameter):
    reply = fetch(f"{api}/{resource}/", raw_query=query)

    assert reply.status == 400
    assert reply.json() == {parameter: ["Give this parameter once; it takes a single value."]}


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_only_party_may_be_repeated(api, world, resource):
    values = {"page": "1", "page_size": "5", "format": "json"}
    for name in parameters_of(resource):
        value = values.get(name, "x")
        reply = fetch(f"{api}/{resource}/", [(name, value), (name, value)])
        if name == "party":
            assert reply.status == 400 and "No company" in reply.json()["party"][0]
        else:
            assert reply.status == 400, name
            assert "once" in reply.json()[name][0], name
    twice = fetch(f"{api}/agreements/", [("party", "renault-group"), ("party", "verkor")])
    assert twice.ids() == [world.supply.pk]


@pytest.mark.parametrize(
    "record_id", ["424242", "9223372036854775807", "99999999999999999999999", "x", "-3", "1.0"]
)
def test_unknown_ids_are_404_json(api, world, record_id):
    for resource in RESOURCES:
        reply = fetch(f"{api}/{resource}/{record_id}/")
        assert reply.status == 404, (resource, record_id)
        assert "detail" in reply.json()


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_writes_are_405(api, world, method):
    for path in ("agreements/", f"agreements/{world.supply.pk}/", "companies/"):
        reply = fetch(f"{api}/{path}", method=method, headers={"Content-Type": "application/json"})
        assert reply.status == 405, (method, path)
        assert "detail" in reply.json()


# The digit zero of a few scripts: "٢٠٢١" is 2021 in Arabic-Indic digits.
ZEROS = {"arabic-indic": "٠", "extended-arabic-indic": "۰", "devanagari": "०", "fullwidth": "０"}


def in_script(text, script):
    zero = ord(ZEROS[script])
    return text.translate({ord("0") + n: zero + n for n in range(10)})


@pytest.mark.parametrize(
    ("resource", "name", "value", "script"),
    [
        ("stakes", "cited_in", "@a_en", "arabic-indic"),
        ("plants", "cited_in", "@a_year", "devanagari"),
        ("agreements", "plant", "@dunkirk", "extended-arabic-indic"),
        ("agreements", "announced_before", "2021", "arabic-indic"),
        ("agreements", "announced_after", "2021-06", "fullwidth"),
        ("articles", "published_after", "2021-06-28", "fullwidth"),
        ("articles", "published_before", "2021", "devanagari"),
        ("stakes", "min_percent", "20", "fullwidth"),
        ("agreements", "min_volume_gwh", "10.5", "arabic-indic"),
        ("plants", "min_capacity_gwh", "16", "extended-arabic-indic"),
        ("companies", "page", "1", "arabic-indic"),
        ("companies", "page_size", "5", "arabic-indic"),
    ],
)
def test_numbers_and_dates_take_ascii_digits_only(api, world, resource, name, value, script):
    if value.startswith("@"):
        value = str(getattr(world, value[1:]).pk)
    accepted = fetch(f"{api}/{resource}/", {name: value})
    refused = fetch(f"{api}/{resource}/", {name: in_script(value, script)})

    assert accepted.status == 200 and accepted.json()["results"]
    assert refused.status == 400
    assert list(refused.json()) == [name]


WHOLE_NUMBER = "Enter a whole number with the digits 0-9 only (no sign, point or spaces)."
DECIMAL_NUMBER = (
    "Enter a number with the digits 0-9 and at most one decimal point, e.g. 20 or 20.5 "
    "(no sign, exponent or spaces)."
)


@pytest.mark.parametrize(
    ("resource", "name", "valid"),
    [
        ("stakes", "cited_in", "@a_en"),
        ("plants", "cited_in", "@a_year"),
        ("agreements", "cited_in", "@a_en"),
        ("agreements", "plant", "@dunkirk"),
    ],
)
def test_whole_numbers_are_ascii_digits_and_nothing_else(api, world, resource, name, valid):
    number = str(getattr(world, valid[1:]).pk)
    for accepted in (number, f"0{number}"):
        assert fetch(f"{api}/{resource}/", {name: accepted}).ids(), accepted
    # int() reads each of these, as the number or as another one ("1_0" is 10).
    for refused in (f"+{number}", f"{number}.0", f"1_{number}", f" {number}", f"{number}\n",
                    f"{number}e0", f"0x{number}", f"-{number}"):  # fmt: skip
        reply = fetch(f"{api}/{resource}/", {name: refused})
        assert reply.status == 400, refused
        assert reply.json() == {name: [WHOLE_NUMBER]}, refused


@pytest.mark.parametrize("name", ["page", "page_size"])
def test_page_numbers_are_ascii_digits_and_nothing_else(api, world, name):
    assert fetch(f"{api}/companies/", {name: "01"}).ids()
    for refused in ("+1", "1.0", "1_0", " 1", "1 ", "1e0", "0x1"):
        reply = fetch(f"{api}/companies/", {name: refused})
        assert reply.status == 400, refused
        assert list(reply.json()) == [name], refused


@pytest.mark.parametrize(
    ("resource", "name", "valid"),
    [
        ("stakes", "min_percent", "5.5"),
        ("agreements", "min_volume_gwh", "10"),
        ("plants", "min_capacity_gwh", "16"),
    ],
)
def test_decimals_are_ascii_digits_and_one_point(api, world, resource, name, valid):
    expected = fetch(f"{api}/{resource}/", {name: valid}).ids()
    assert expected
    for accepted in (f"0{valid}", f"{valid}.0" if "." not in valid else f"{valid}0"):
        assert fetch(f"{api}/{resource}/", {name: accepted}).ids() == expected, accepted
    for refused in (f"+{valid}", "1_0", f"{valid}.", ".5", f" {valid}", f"{valid} ", "1e1",
                    "0x10", "Infinity", "-0", "5,5"):  # fmt: skip
        reply = fetch(f"{api}/{resource}/", {name: refused})
        assert reply.status == 400, refused
        assert reply.json() == {name: [DECIMAL_NUMBER]}, refused


@pytest.mark.parametrize("script", sorted(ZEROS))
def test_ids_in_other_scripts_digits_are_404(api, live_server, world, script):
    # int() reads "١" (Arabic-Indic one) as 1: the URL must not, or one record has many URLs.
    for resource in RESOURCES:
        record_id = str(fetch(f"{api}/{resource}/").ids()[0])
        assert fetch(f"{api}/{resource}/{record_id}/").status == 200
        reply = fetch(f"{api}/{resource}/{urllib.parse.quote(in_script(record_id, script))}/")
        assert reply.status == 404, (resource, script)
        assert "detail" in reply.json()
    source = (
        f"{live_server.url}/articles/{urllib.parse.quote(in_script(str(world.a_fr.pk), script))}"
    )
    assert fetch(f"{source}/source/").status == 404
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)
    for resource in RESOURCES:
        [path_id] = schema["paths"][f"/api/v1/{resource}/{{id}}/"]["get"]["parameters"][-1:]
        assert path_id["name"] == "id" and path_id["schema"]["pattern"] == "^[1-9][0-9]*$"


def test_an_id_with_leading_zeros_is_404_so_a_record_has_one_url(api, world):
    for resource in RESOURCES:
        record_id = fetch(f"{api}/{resource}/").ids()[0]
        for padded in (f"0{record_id}", f"000000000000000000000{record_id}", "0"):
            reply = fetch(f"{api}/{resource}/{padded}/")
            assert reply.status == 404, (resource, padded)
            assert "detail" in reply.json()


def test_drafts_are_invisible_by_id_filter_search_and_ordering(api, world):
    assert fetch(f"{api}/agreements/{world.draft_deal.pk}/").status == 404
    assert fetch(f"{api}/companies/{world.secret.pk}/").status == 404
    assert fetch(f"{api}/stakes/", {"holder": "secret-motors"}).status == 400
    assert fetch(f"{api}/stakes/", {"holder": str(world.secret.pk)}).status == 400
    assert fetch(f"{api}/companies/", {"search": "secret motors"}).ids() == []
    assert fetch(f"{api}/agreements/", {"search": "draft renault"}).ids() == []
    for ordering in ("title", "-title", "announced", "-id"):
        found = fetch(f"{api}/agreements/", {"ordering": ordering}).ids()
        assert world.draft_deal.pk not in found and len(found) == 4
    deal = fetch(f"{api}/agreements/{world.with_secret.pk}/").json()
    assert "Secret Motors" not in json.dumps(deal)


# -- CSV ------------------------------------------------------------------------------------------


def rows_of(reply):
    assert reply.status == 200, reply.body[:300]
    assert reply.content_type == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(reply.body.decode("utf-8"))))


def test_csv_by_format_parameter_and_accept_header_with_filters(api, world):
    by_param = rows_of(fetch(f"{api}/agreements/", {"format": "csv", "party": "verkor"}))
    by_accept = rows_of(
        fetch(f"{api}/agreements/", {"party": "verkor"}, headers={"Accept": "text/csv"})
    )

    # A record has one URL whatever format the listing was asked in.
    assert [row.pop("api_url") for row in by_param] == [
        f"{api}/agreements/{world.supply.pk}/",
        f"{api}/agreements/{world.undated_deal.pk}/",
    ]
    assert [row.pop("api_url") for row in by_accept] == [
        f"{api}/agreements/{world.supply.pk}/",
        f"{api}/agreements/{world.undated_deal.pk}/",
    ]
    assert by_param == by_accept
    assert [row["title"] for row in by_param] == [
        "Renault–Verkor battery supply",
        "EIB loan to Verkor",
    ]
    assert by_param[0]["parties"] == "Renault Group (buyer); Verkor (supplier)"
    assert "“long-term commercial partnership”" in by_param[0]["citations"]
    for resource in RESOURCES:
        rows = rows_of(fetch(f"{api}/{resource}/", {"format": "csv"}))
        assert [int(row["id"]) for row in rows] == fetch(f"{api}/{resource}/").ids()


def test_csv_stakes_keep_the_share_as_stated(api, world):
    rows = rows_of(fetch(f"{api}/stakes/", {"format": "csv", "holder": "renault-group"}))
    over = next(row for row in rows if row["target"] == "Verkor")
    assert (over["share"], over["share_min"], over["share_min_exclusive"]) == (
        "over 20%",
        "20",
        "true",
    )


def test_record_links_are_the_same_in_every_format(api, world):
    as_json = fetch(f"{api}/agreements/", {"format": "json", "party": "verkor"}).json()
    supply = as_json["results"][0]
    citation = supply["citations"][0]

    assert supply["api_url"] == f"{api}/agreements/{world.supply.pk}/"
    assert supply["parties"][0]["company"]["api_url"] == f"{api}/companies/{world.renault.pk}/"
    assert supply["plant"]["api_url"] == f"{api}/plants/{world.dunkirk.pk}/"
    assert citation["article"]["api_url"] == f"{api}/articles/{world.a_en.pk}/"
    assert "format" not in citation["source_url"]
    detail = fetch(supply["api_url"], {"format": "json"}).json()
    assert detail["api_url"] == supply["api_url"]
    [row] = rows_of(fetch(supply["api_url"], {"format": "csv"}))
    assert row["api_url"] == supply["api_url"]
    assert "format" not in row["citation_urls"]


def test_pagination_links_keep_the_format_of_the_listing(api, world):
    as_csv = fetch(f"{api}/companies/", {"format": "csv", "page_size": 2})
    as_json = fetch(f"{api}/companies/", {"format": "json", "page_size": 2}).json()

    [next_link] = re.findall(r"<([^>]+)>; rel=\"next\"", as_csv.headers["Link"])
    assert "format=csv" in next_link
    assert rows_of(fetch(next_link))  # still CSV
    assert "format=json" in as_json["next"]
    assert "format=json" in fetch(as_json["next"]).json()["previous"]


# -- Schema and docs ------------------------------------------------------------------------------


def test_schema_documents_every_filter_with_a_type_and_description(api, world):
    reply = fetch(f"{api}/schema/", {"format": "json"})
    schema = json.loads(reply.body)

    assert reply.status == 200 and schema["openapi"].startswith("3.")
    for resource, filterset in RESOURCES.items():
        operation = schema["paths"][f"/api/v1/{resource}/"]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        for name in [*filterset.base_filters, "page", "page_size", "format"]:
            assert name in parameters, (resource, name)
            assert parameters[name]["description"], (resource, name)
            assert parameters[name]["schema"].get("type"), (resource, name)
        assert set(schema["paths"][f"/api/v1/{resource}/{{id}}/"]) <= {"get", "parameters"}
    agreements = {p["name"]: p for p in schema["paths"]["/api/v1/agreements/"]["get"]["parameters"]}
    assert agreements["party"]["schema"] == {
        "type": "array",
        "items": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": TEXT_PATTERN},
        "minItems": 1,
        "maxItems": 5,
    }
    assert agreements["party"].get("explode", True) is True  # form style: ?party=a&party=b
    assert agreements["cited_in"]["schema"]["type"] == "integer"
    assert agreements["min_volume_gwh"]["schema"]["type"] == "number"
    assert "at least" in schema_description(schema, "stakes", "min_percent")
    assert "31 December" in agreements["announced_before"]["description"]


def test_schema_gives_no_parameter_a_value_the_docs_would_send_unasked(api, world):
    # Swagger UI's "Try it out" fills in examples and defaults: a date example turned a plain
    # "list the articles" into a filtered list.
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)
    for path, operations in schema["paths"].items():
        for parameter in operations["get"]["parameters"]:
            assert "example" not in parameter, (path, parameter["name"])
            assert "example" not in parameter["schema"], (path, parameter["name"])
            assert "default" not in parameter["schema"], (path, parameter["name"])


def test_schema_documents_the_error_responses_of_every_operation(api, world):
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)

    def error_schema(operation, status):
        content = operation["responses"][status]["content"]
        assert list(content) == ["application/json"]  # errors are JSON even for CSV clients
        return content["application/json"]["schema"]

    for resource in RESOURCES:
        listing = schema["paths"][f"/api/v1/{resource}/"]["get"]
        detail = schema["paths"][f"/api/v1/{resource}/{{id}}/"]["get"]
        for operation in (listing, detail):
            assert set(operation["responses"]) == {"200", "400", "404", "503"}, resource
            assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
            assert error_schema(operation, "400") == {
                "$ref": "#/components/schemas/ParameterErrors"
            }
            assert error_schema(operation, "404") == {"$ref": "#/components/schemas/NotFound"}
    components = schema["components"]["schemas"]
    assert components["ParameterErrors"]["type"] == "object"
    assert components["ParameterErrors"]["additionalProperties"] == {
        "type": "array",
        "items": {"type": "string"},
    }
    assert components["NotFound"]["properties"] == {"detail": {"type": "string", "readOnly": True}}


def test_schema_states_the_bounds_the_server_enforces(api, world):
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)

    def parameter(resource, name):
        parameters = schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]
        return next(p["schema"] for p in parameters if p["name"] == name)

    whole_number = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1, "pattern": "^[0-9]+$"}
    for resource in RESOURCES:
        for name in ("page", "page_size"):
            assert parameter(resource, name) == whole_number
    for resource, name in [("stakes", "cited_in"), ("plants", "cited_in"), ("agreements", "plant")]:
        assert parameter(resource, name) == whole_number
    assert parameter("stakes", "min_percent") == {
        "type": "number",
        "multipleOf": 0.01,
        "pattern": "^[0-9]+(\\.[0-9]{1,2})?$",
        "minimum": 0,
        "maximum": 100,
    }
    assert parameter("plants", "min_capacity_gwh")["minimum"] == 0
    assert parameter("companies", "search")["minLength"] == 1
    no_nul = re.compile(parameter("companies", "search")["pattern"])
    assert no_nul.search("Ampère «x» 100%") and not no_nul.search("amp\x00ere")
    assert fetch(f"{api}/companies/", raw_query="search=amp%00ere").status == 400
    assert parameter("stakes", "holder")["minLength"] == 1
    for resource in RESOURCES:
        assert parameter(resource, "ordering")["minItems"] == 1  # "ordering=" is refused


@pytest.mark.parametrize(
    ("resource", "name"),
    [("stakes", "min_percent"), ("agreements", "min_volume_gwh"), ("plants", "min_capacity_gwh")],
)
def test_schema_states_the_decimal_places_the_server_accepts(api, world, resource, name):
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)
    parameters = schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]
    [parameter] = [p["schema"] for p in parameters if p["name"] == name]
    step = Decimal(str(parameter["multipleOf"]))
    pattern = re.compile(parameter["pattern"])

    assert step == Decimal("0.01")
    for value in ("20", "20.1", "20.12", "0.01", "020.10"):
        assert Decimal(value) % step == 0 and pattern.search(value), value
        assert fetch(f"{api}/{resource}/", {name: value}).status == 200, value
    for value in ("20.123", "0.001", "20.100", "+20", "20.", ".5", "1e1", "1_0", " 20", "-0"):
        assert not pattern.search(value), value
        reply = fetch(f"{api}/{resource}/", {name: value})
        assert reply.status == 400, value
        assert list(reply.json()) == [name]


@pytest.mark.parametrize(
    ("resource", "name"),
    [
        ("agreements", "announced_after"),
        ("agreements", "announced_before"),
        ("articles", "published_after"),
        ("articles", "published_before"),
    ],
)
def test_schema_types_partial_dates_as_patterned_strings(api, world, resource, name):
    schema = json.loads(fetch(f"{api}/schema/", {"format": "json"}).body)
    [parameter] = [
        p for p in schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"] if p["name"] == name
    ]
    pattern = re.compile(parameter["schema"]["pattern"])

    assert parameter["schema"]["type"] == "string" and "format" not in parameter["schema"]
    assert "YYYY-MM" in parameter["description"]
    for value in ("2021", "2021-06", "2021-06-28", "0001", "9999-12-31"):
        assert pattern.search(value), value
        assert fetch(f"{api}/{resource}/", {name: value}).status == 200, value
    for value in ("21", "0000", "2021-13", "2021-06-32", "2021-6", "٢٠٢١", "2021-06-28T00:00"):
        assert not pattern.search(value), value
        assert fetch(f"{api}/{resource}/", {name: value}).status == 400, value


def schema_description(schema, resource, name):
    parameters = schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]
    return next(p["description"] for p in parameters if p["name"] == name)


def test_schema_generates_without_warnings(db, capsys):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
    assert "Warning" not in capsys.readouterr().err


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_docs_load_every_asset_from_this_server(api, live_server, world):
    reply = fetch(f"{api}/docs/")
    html = reply.body.decode()
    links = Links()
    links.feed(html)

    assert reply.status == 200 and "swagger" in html.lower()
    assert links.urls
    for url in links.urls:
        absolute = urllib.parse.urljoin(f"{api}/docs/", url)
        assert absolute.startswith(live_server.url), url
        assert fetch(absolute).status == 200, url
    assert not re.search(r"https?://(?!127\.0\.0\.1|localhost)", html), "external host in docs"


def test_api_root_and_schema_refuse_unknown_formats_with_400(live_server, api, world):
    assert fetch(f"{api}/").status == 200
    root = fetch(f"{api}/", raw_query="format=%00")
    assert root.status == 400 and "format" in root.json()
    schema = fetch(f"{api}/schema/", raw_query="format=%00")  # answered in the schema's YAML
    assert schema.status == 400 and b"format" in schema.body


def test_api_root_is_json_and_its_links_answer_in_the_format_it_was_asked_in(api, world):
    as_json = fetch(f"{api}/", {"format": "json"})
    browsable = fetch(f"{api}/", {"format": "api"})

    assert as_json.status == 200
    for url in as_json.json().values():
        assert "format=json" in url and fetch(url).status == 200, url
    # No browsable page whose every link would be a 400: "api" is no format of this API.
    assert browsable.status == 400
    assert browsable.json() == {"format": ["Unknown format; use one of: json."]}


def test_schema_names_each_format_it_serves_once(api, world):
    reply = fetch(f"{api}/schema/", {"format": "csv"})

    assert reply.status == 400
    assert b"Unknown format; use one of: yaml, json." in reply.body


@pytest.mark.parametrize(
    "path",
    ["/api/v1/foo/", "/api/v1/agreements/1/foo/", "/api/", "/api/v2/agreements/", "/api/v1/%0A/"],
)
def test_unknown_paths_under_the_api_are_json_404(live_server, world, path):
    for method in ("GET", "POST"):
        reply = fetch(f"{live_server.url}{path}", method=method)
        assert reply.status == 404, (method, path)
        assert reply.json() == {"detail": "Not found."}


def test_api_paths_without_their_slash_still_redirect(live_server, world):
    reply = fetch(f"{live_server.url}/api/v1/agreements", {"party": "verkor"})

    # urllib followed the redirect to /api/v1/agreements/, query string kept.
    assert reply.ids() == [world.supply.pk, world.undated_deal.pk]
    assert fetch(f"{live_server.url}/api/v1/foo").json() == {"detail": "Not found."}


def test_source_view_over_http(live_server, world):
    reply = fetch(f"{live_server.url}/articles/{world.a_fr.pk}/source/")
    html = reply.body.decode()

    assert reply.status == 200 and reply.content_type.startswith("text/html")
    assert f'<mark id="citation-{world.c_losange.pk}"' in html
    assert "Reader comments — not editorial content" in html
    assert "&lt;b&gt;article&lt;/b&gt;" in html
    assert f'id="citation-{world.c_secret.pk}"' not in html


def test_source_view_refuses_a_post_with_405_not_a_csrf_page(live_server, world):
    # The CSRF check runs before any view: without an exemption a POST got its 403 HTML page.
    reply = fetch(f"{live_server.url}/articles/{world.a_fr.pk}/source/", method="POST")

    assert reply.status == 405
    assert set(reply.headers["Allow"].split(", ")) == {"GET", "HEAD"}


# -- Never a 500 ----------------------------------------------------------------------------------

NASTY_VALUES = [
    "%00",
    "a%00b",
    "",
    "%20",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "-Infinity",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999",
    "9" * 5000,
    "%FF%FE",  # not UTF-8
    "%F0%9F%94%8B",  # an emoji
    "%27%20OR%201%3D1--",
    "%25",
    "_",
    "2021-02-30",
    "0000",
    "9999-12-31",
    "-name",
    "name,,",
    ",",
    "a" * 3000,
    "%E2%80%AE",  # right-to-left override
]


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_no_filter_value_produces_a_server_error(api, world, resource):
    names = [*RESOURCES[resource].base_filters, "page", "page_size", "format", "unknown"]
    detail = fetch(f"{api}/{resource}/").json()["results"][0]["api_url"]
    failures = []
    for name in names:
        for value in NASTY_VALUES:
            for url, query in [
                (f"{api}/{resource}/", f"{name}={value}"),
                (f"{api}/{resource}/", f"{name}={value}&{name}=verkor"),
                (f"{api}/{resource}/", f"{name}={value}&format=csv"),
                (detail, f"{name}={value}"),
            ]:
                reply = fetch(url, raw_query=query)
                if reply.status not in (200, 400, 404):
                    failures.append((url, query[:80], reply.status))
                elif reply.status != 200:
                    reply.json()  # every error is JSON
    for path in (f"{resource}/%00/", f"{resource}/{'9' * 400}/", f"{resource}/%FF/"):
        reply = fetch(f"{api}/{path}")
        if reply.status != 404:
            failures.append((path, reply.status))
    assert failures == []


def test_unknown_parameter_error_lists_the_accepted_ones(api, world):
    reply = fetch(f"{api}/agreements/", raw_query="parti=verkor")

    assert reply.status == 400
    message = reply.json()["parti"][0]
    assert "Unknown parameter" in message
    assert "party" in message and "announced_after" in message and "page_size" in message
