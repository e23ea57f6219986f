"""
The API's query parameters in-process, through Django's test client with the query string sent
exactly as written (percent-encoding and all): filters, syntax and strictness of every parameter,
the OpenAPI schema's account of them, and a sweep of nasty values that must never produce a 5xx.
What needs a real socket is in test_api_http.py.
"""

import json
import re
import urllib.parse

import pytest
from django.test import Client

from tests.factories import RESOURCES, SITE, VERIFIED, make_company, make_stake, rows_of
from tests.factories import fetch_in_process as fetch


@pytest.fixture
def api():
    return f"{SITE}/api/v1"


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
    return [*RESOURCES[resource].base_filters, "cursor", "page", "page_size", "format"]


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
        ("companies/", "cursor=%20", "cursor"),
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
        ("companies", "cursor=abc&cursor=abc", "cursor"),
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


RECORD_ID = (
    "Enter an id: a whole number with the digits 0-9 only, without leading zeros (no sign, point "
    "or spaces)."
)
DECIMAL_NUMBER = (
    "Enter a number with the digits 0-9 and at most one decimal point, e.g. 20 or 20.5 "
    "(no sign, exponent or spaces)."
)
PADDED = "Remove the whitespace around the value: it is read exactly as written."


@pytest.mark.parametrize(
    ("resource", "name", "valid"),
    [
        ("stakes", "cited_in", "@a_en"),
        ("plants", "cited_in", "@a_year"),
        ("agreements", "cited_in", "@a_en"),
        ("agreements", "plant", "@dunkirk"),
    ],
)
def test_ids_are_ascii_digits_without_leading_zeros(api, world, resource, name, valid):
    number = str(getattr(world, valid[1:]).pk)
    assert fetch(f"{api}/{resource}/", {name: number}).ids()
    # int() reads each of these, as the number or as another one ("1_0" is 10); "0<id>" is the
    # record's id padded, which its URL refuses too (one spelling per record).
    for refused in (f"+{number}", f"{number}.0", f"1_{number}", f" {number}", f"{number}\n",
                    f"{number}e0", f"0x{number}", f"-{number}", f"0{number}", f"00{number}",
                    "0"):  # fmt: skip
        reply = fetch(f"{api}/{resource}/", {name: refused})
        assert reply.status == 400, refused
        assert reply.json() == {name: [RECORD_ID]}, refused


@pytest.mark.parametrize(
    ("resource", "name"),
    [("stakes", "holder"), ("stakes", "target"), ("plants", "operator"), ("agreements", "party")],
)
def test_a_company_id_with_leading_zeros_names_no_company(api, world, resource, name):
    padded = f"0{world.verkor.pk}"
    assert fetch(f"{api}/{resource}/", {name: str(world.verkor.pk)}).status == 200

    reply = fetch(f"{api}/{resource}/", {name: padded})

    assert reply.status == 400
    assert reply.json() == {
        name: [f"No company has the slug or id “{padded}”. Write an id without leading zeros."]
    }


def test_a_slug_of_digits_with_leading_zeros_still_names_its_company(api, world):
    # Slugs may be all digits: "007" is no id, so it is looked up as a slug only.
    company = make_company("007", slug="007", review_status=VERIFIED)
    stake = make_stake(company, world.verkor, share_exact=1, review_status=VERIFIED)

    assert fetch(f"{api}/stakes/", {"holder": "007"}).ids() == [stake.pk]


@pytest.mark.parametrize(
    ("resource", "name", "value"),
    [
        ("stakes", "holder", "renault-group"),
        ("stakes", "holder", "@renault"),
        ("stakes", "target", "@verkor"),
        ("plants", "operator", "verkor"),
        ("programmes", "maker", "renault-group"),
        ("agreements", "party", "verkor"),
        ("agreements", "announced_before", "2021"),
        ("agreements", "announced_after", "2021-06"),
        ("articles", "published_after", "2021"),
        ("articles", "published_before", "2021-06-28"),
    ],
)
def test_references_and_dates_refuse_surrounding_whitespace(api, world, resource, name, value):
    if value.startswith("@"):
        value = str(getattr(world, value[1:]).pk)
    assert fetch(f"{api}/{resource}/", {name: value}).status == 200
    for padded in (f" {value}", f"{value} ", f"\t{value}", f"{value}\n", f"{value}\u00a0"):
        reply = fetch(f"{api}/{resource}/", {name: padded})
        assert reply.status == 400, repr(padded)
        assert reply.json() == {name: [PADDED]}, repr(padded)


def test_a_padded_party_is_refused_among_others(api, world):
    reply = fetch(f"{api}/agreements/", [("party", "verkor"), ("party", " renault-group")])

    assert reply.status == 400
    assert reply.json() == {"party": [PADDED]}


def test_a_padded_country_is_refused_as_the_schema_refuses_it(api, world):
    assert fetch(f"{api}/companies/", {"country": "fr"}).status == 200
    for padded in (" fr", "fr "):
        reply = fetch(f"{api}/companies/", {"country": padded})
        assert reply.status == 400, repr(padded)
        assert reply.json() == {"country": ["Enter a two-letter ISO 3166-1 country code."]}


def schema_parameter(resource, name):
    schema = json.loads(fetch(f"{SITE}/api/v1/schema/", {"format": "json"}).body)
    parameters = schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]
    return next(parameter for parameter in parameters if parameter["name"] == name)["schema"]


@pytest.mark.parametrize(
    ("resource", "name"), [("stakes", "cited_in"), ("agreements", "plant"), ("plants", "cited_in")]
)
def test_the_schema_refuses_the_ids_the_server_refuses(world, resource, name):
    pattern = re.compile(schema_parameter(resource, name)["pattern"])

    for written in ("1", "10", "9223372036854775807"):
        assert pattern.search(written), written
    for written in ("01", "007", "0", " 1", "+1"):
        assert not pattern.search(written), written


@pytest.mark.parametrize(
    ("resource", "name"),
    [
        ("stakes", "holder"),
        ("plants", "operator"),
        ("programmes", "maker"),
        ("agreements", "party"),
    ],
)
def test_the_schema_refuses_the_padded_references_the_server_refuses(world, resource, name):
    schema = schema_parameter(resource, name)
    pattern = re.compile(schema.get("items", schema)["pattern"])

    for written in ("verkor", "1", "a b", "01", "x"):
        assert pattern.search(written), written
    for written in (" verkor", "verkor ", "\tverkor", "verkor\u00a0", " ", "a\x00b"):
        assert not pattern.search(written), repr(written)


@pytest.mark.parametrize("name", ["page_size"])
def test_page_sizes_are_ascii_digits_and_nothing_else(api, world, name):
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
def test_ids_in_other_scripts_digits_are_404(api, world, script):
    # int() reads "١" (Arabic-Indic one) as 1: the URL must not, or one record has many URLs.
    for resource in RESOURCES:
        record_id = str(fetch(f"{api}/{resource}/").ids()[0])
        assert fetch(f"{api}/{resource}/{record_id}/").status == 200
        reply = fetch(f"{api}/{resource}/{urllib.parse.quote(in_script(record_id, script))}/")
        assert reply.status == 404, (resource, script)
        assert "detail" in reply.json()
    source = f"{SITE}/articles/{urllib.parse.quote(in_script(str(world.a_fr.pk), script))}"
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


def test_csv_stakes_keep_the_share_as_stated(api, world):
    rows = rows_of(fetch(f"{api}/stakes/", {"format": "csv", "holder": "renault-group"}))
    over = next(row for row in rows if row["target"] == "Verkor")
    assert (over["share"], over["share_min"], over["share_min_exclusive"]) == (
        "over 20%",
        "20",
        "true",
    )


def test_api_root_is_json_and_its_links_answer_in_the_format_it_was_asked_in(api, world):
    as_json = fetch(f"{api}/", {"format": "json"})
    browsable = fetch(f"{api}/", {"format": "api"})

    assert as_json.status == 200
    for url in as_json.json().values():
        assert "format=json" in url and fetch(url).status == 200, url
    # No browsable page whose every link would be a 400: "api" is no format of this API.
    assert browsable.status == 400
    assert browsable.json() == {"format": ["Unknown format; use one of: json."]}


def test_schema_refuses_an_unknown_format_in_json_like_every_api_error(api, world):
    reply = fetch(f"{api}/schema/", {"format": "csv"})

    assert reply.status == 400
    assert reply.content_type == "application/json"
    assert reply.json() == {"format": ["Unknown format; use one of: yaml, json."]}


@pytest.mark.parametrize(
    "query, name",
    [("format=json&format=yaml", "format"), ("fromat=json", "fromat"), ("format=", "format")],
)
def test_schema_refuses_misspelt_repeated_or_empty_parameters_like_every_operation(
    api, world, query, name
):
    reply = fetch(f"{api}/schema/", raw_query=query)

    assert reply.status == 400 and reply.content_type == "application/json"
    assert list(reply.json()) == [name]


def test_schema_answers_an_unacceptable_accept_header_in_json(world):
    response = Client().get(f"{SITE}/api/v1/schema/", HTTP_ACCEPT="text/csv")

    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_an_export_asked_for_as_csv_answers_bad_input_in_json(api, world):
    reply = fetch(f"{api}/export/companies/", {"format": "csv", "kind": "bank", "page": "2"})

    assert reply.status == 400
    assert reply.json() == {"page": ["The export is not paginated: leave this out."]}
    invalid = fetch(f"{api}/export/companies/", {"format": "csv", "kind": "banks"})
    assert invalid.status == 400 and list(invalid.json()) == ["kind"]


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
    names = [*RESOURCES[resource].base_filters, "cursor", "page", "page_size", "format", "unknown"]
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
    # page= is always refused (pages are reached by cursor): it is not offered either.
    assert " page," not in message and "cursor" in message
