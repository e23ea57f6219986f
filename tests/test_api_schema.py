"""
The OpenAPI schema and docs, read in-process: every filter documented with its type, bounds and
pattern exactly as the server enforces them, and the errors each operation can answer.
"""

import json
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from sourcing.api.params import REFERENCE_SCHEMA
from tests.factories import RESOURCES, SITE
from tests.factories import fetch_in_process as fetch


@pytest.fixture
def api():
    return f"{SITE}/api/v1"


def test_schema_documents_every_filter_with_a_type_and_description(api, world):
    reply = fetch(f"{api}/schema/", {"format": "json"})
    schema = json.loads(reply.body)

    assert reply.status == 200 and schema["openapi"].startswith("3.")
    for resource, filterset in RESOURCES.items():
        operation = schema["paths"][f"/api/v1/{resource}/"]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        for name in [*filterset.base_filters, "cursor", "page_size", "format"]:
            assert name in parameters, (resource, name)
            assert parameters[name]["description"], (resource, name)
            assert parameters[name]["schema"].get("type"), (resource, name)
        assert "page" not in parameters  # refused: pages are reached by cursor
        assert set(schema["paths"][f"/api/v1/{resource}/{{id}}/"]) <= {"get", "parameters"}
    agreements = {p["name"]: p for p in schema["paths"]["/api/v1/agreements/"]["get"]["parameters"]}
    assert agreements["party"]["schema"] == {
        "type": "array",
        # No whitespace around a reference: " verkor" is refused, not read as "verkor".
        "items": {**REFERENCE_SCHEMA, "minLength": 1, "maxLength": 200},
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
        # A list has no page past the last to be missing: only a detail is a 404.
        assert set(listing["responses"]) == {"200", "400", "503"}, resource
        assert set(detail["responses"]) == {"200", "400", "404", "503"}, resource
        for operation in (listing, detail):
            assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
            assert error_schema(operation, "400") == {
                "$ref": "#/components/schemas/ParameterErrors"
            }
        assert error_schema(detail, "404") == {"$ref": "#/components/schemas/NotFound"}
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
    # An id has one spelling, as in its URL: no leading zeros.
    record_id = {**whole_number, "pattern": "^[1-9][0-9]*$"}
    for resource in RESOURCES:
        assert parameter(resource, "page_size") == whole_number
        assert parameter(resource, "cursor") == {
            "type": "string",
            "minLength": 1,
            "maxLength": 4096,
            "pattern": "^[A-Za-z0-9_-]+$",
        }
    for resource, name in [("stakes", "cited_in"), ("plants", "cited_in"), ("agreements", "plant")]:
        assert parameter(resource, name) == record_id
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
