"""
``/api/v1/reconcile/``: the Reconciliation Service API 0.2 as OpenRefine speaks it. Every
answer is validated against the community group's JSON Schemas (tests/data/reconciliation/).
"""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.db.models.expressions import RawSQL
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7
from rest_framework.test import APIClient

from sourcing.models import Company, PlantCapacity
from sourcing.reconcile import matcher
from tests.factories import (
    DRAFT,
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
)

SCHEMAS = Path(__file__).parent / "data" / "reconciliation"
URL = "/api/v1/reconcile/"


def schema_registry():
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((contents["$id"], Resource.from_contents(contents, DRAFT7)))
    return Registry().with_resources(resources)


REGISTRY = schema_registry()


def assert_valid(answer, schema_name):
    schema = json.loads((SCHEMAS / f"{schema_name}.json").read_text())
    errors = list(Draft7Validator(schema, registry=REGISTRY).iter_errors(answer))
    assert not errors, [error.message for error in errors]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def records(db):
    """A few verified companies and plants, one draft, with the facts extension reads."""
    kind = Company.Kind
    volvo = make_company("AB Volvo", ["Volvo Group"], kind=kind.INDUSTRIAL, country="SE",
                         review_status=VERIFIED)  # fmt: skip
    cells = make_company("Nordlys Cells AS", kind=kind.CELL_MAKER, country="NO", parent=volvo,
                         review_status=VERIFIED)  # fmt: skip
    hidden = make_company("Nordlys Secret Projects", review_status=DRAFT)
    plant = make_plant(cells, name="Nordlys Gigafactory Trondheim", city="Trondheim",
                       country="NO", review_status=VERIFIED)  # fmt: skip
    PlantCapacity.objects.create(plant=plant, gwh_per_year=8, year=2027)
    PlantCapacity.objects.create(plant=plant, gwh_per_year=20, year=2030)
    make_stake(volvo, cells, share_exact=40, review_status=VERIFIED)
    make_agreement([(volvo, "buyer"), (cells, "supplier")], title="Volvo buys Nordlys cells",
                   review_status=VERIFIED)  # fmt: skip
    article = make_article(body="Nordlys Cells AS will build its first plant near Trondheim.")
    cite(cells, article, "Nordlys Cells AS will build its first plant")
    return {"volvo": volvo, "cells": cells, "hidden": hidden, "plant": plant}


def reconcile(api, batch, method="post"):
    if method == "post":
        response = api.post(URL, {"queries": json.dumps(batch)})
    else:
        response = api.get(URL, {"queries": json.dumps(batch)})
    assert response.status_code == 200, response.content
    answer = response.json()
    assert_valid(answer, "reconciliation-result-batch")
    return answer


# -- Manifest --------------------------------------------------------------------------------------


def test_the_manifest_describes_the_service(api, db):
    response = api.get(URL)

    manifest = response.json()
    assert_valid(manifest, "manifest")
    assert manifest["versions"] == ["0.2"]
    assert [t["id"] for t in manifest["defaultTypes"]] == ["company", "plant"]
    assert manifest["batchSize"] >= 50
    assert "{{id}}" in manifest["view"]["url"] and "{{id}}" in manifest["preview"]["url"]
    assert set(manifest["suggest"]) == {"entity", "type", "property"}
    assert manifest["extend"]["propose_properties"]["service_path"].startswith(URL)


def test_the_view_url_leads_to_the_public_page(api, records):
    template = api.get(URL).json()["view"]["url"]
    cells, plant = records["cells"], records["plant"]

    company_page = api.get(template.replace("{{id}}", f"company:{cells.pk}"))
    plant_page = api.get(template.replace("{{id}}", f"plant:{plant.pk}"))

    assert company_page.status_code == 302
    assert company_page["Location"].endswith(f"/companies/{cells.slug}/")
    assert plant_page["Location"].endswith(f"/plants/{plant.pk}/")
    assert api.get(template.replace("{{id}}", f"company:{records['hidden'].pk}")).status_code == 404


# -- Queries ---------------------------------------------------------------------------------------


def test_a_batch_posted_as_a_form_finds_each_name(api, records):
    answer = reconcile(api, {
        "q0": {"query": "Nordlys Cells", "type": "company"},
        "q1": {"query": "Nordlys gigafactory in Trondheim", "type": "plant"},
        "q2": {"query": "Volvo Group AB"},
    })  # fmt: skip

    assert answer["q0"]["result"][0]["id"] == f"company:{records['cells'].pk}"
    assert answer["q0"]["result"][0]["match"] is True
    assert answer["q1"]["result"][0]["id"] == f"plant:{records['plant'].pk}"
    assert answer["q2"]["result"][0]["name"] == "AB Volvo"
    features = {f["id"]: f["value"] for f in answer["q0"]["result"][0]["features"]}
    assert features["extra_words"] == 0 and features["name_similarity"] > 0


def test_a_company_added_a_moment_ago_is_found_at_once(api, records):
    """The words of the names are counted once and kept until the names change: a new name's
    word is not read as a typo of an older one."""
    before = reconcile(api, {"q0": {"query": "Kvasir Batteries", "type": "company"}})
    assert not any(result["match"] for result in before["q0"]["result"])
    kvasir = make_company("Kvasir Batteries", review_status=VERIFIED)

    answer = reconcile(api, {"q0": {"query": "Kvasir Batteries", "type": "company"}})

    assert answer["q0"]["result"][0]["id"] == f"company:{kvasir.pk}"
    assert answer["q0"]["result"][0]["match"] is True


def test_a_batch_by_get_answers_the_same(api, records):
    batch = {"q0": {"query": "nordlys cells as", "type": ["company"]}}

    assert reconcile(api, batch, "get") == reconcile(api, batch, "post")


def test_a_look_alike_adding_a_word_is_never_a_match(api, records):
    answer = reconcile(api, {"q0": {"query": "Volvo Trucks", "type": "company"}})

    assert not any(candidate["match"] for candidate in answer["q0"]["result"])


def test_drafts_are_never_candidates(api, records):
    answer = reconcile(api, {"q0": {"query": "Nordlys Secret Projects"}})

    ids = [candidate["id"] for candidate in answer["q0"]["result"]]
    assert f"company:{records['hidden'].pk}" not in ids


def test_properties_move_the_score_and_a_disagreement_vetoes_the_match(api, records):
    answer = reconcile(api, {
        "agrees": {"query": "Nordlys Cells", "type": "company",
                   "properties": [{"pid": "country", "v": "Norway"}]},
        "differs": {"query": "Nordlys Cells", "type": "company",
                    "properties": [{"pid": "country", "v": "FR"}]},
    })  # fmt: skip

    agrees, differs = answer["agrees"]["result"][0], answer["differs"]["result"][0]
    assert agrees["match"] and not differs["match"]
    assert agrees["score"] > differs["score"]
    assert {"id": "country_matches", "value": False} in differs["features"]


def test_an_operator_given_by_id_narrows_plants(api, records):
    plant, volvo = records["plant"], records["volvo"]
    answer = reconcile(api, {
        "right": {"query": "Nordlys Trondheim", "type": "plant",
                  "properties": [{"pid": "operator", "v": {"id": f"company:{plant.operator_id}"}}]},
        "wrong": {"query": "Nordlys Trondheim", "type": "plant",
                  "properties": [{"pid": "operator", "v": {"id": f"company:{volvo.pk}"}}]},
    })  # fmt: skip

    right, wrong = answer["right"]["result"][0], answer["wrong"]["result"][0]
    assert {"id": "operator_matches", "value": True} in right["features"]
    assert {"id": "operator_matches", "value": False} in wrong["features"]
    assert right["score"] > wrong["score"]


def test_an_entity_id_as_query_finds_that_entity(api, records):
    entity_id = f"company:{records['volvo'].pk}"

    answer = reconcile(api, {"q0": {"query": entity_id}})

    assert answer["q0"]["result"][0]["id"] == entity_id
    assert answer["q0"]["result"][0]["match"] is True


def test_limit_and_type_strict(api, records):
    answer = reconcile(api, {
        "one": {"query": "Nordlys", "limit": 1},
        "both": {"query": "Nordlys", "type": ["company", "plant"], "type_strict": "all"},
        "should": {"query": "Nordlys Gigafactory Trondheim", "type": "company",
                   "type_strict": "should"},
    })  # fmt: skip

    assert len(answer["one"]["result"]) == 1
    assert answer["both"]["result"] == []  # nothing is both a company and a plant
    # "should": a plant may still come back, below what its name alone would score.
    should = answer["should"]["result"][0]
    assert should["type"][0]["id"] == "plant" and should["match"] is False


def test_a_batch_of_fifty_is_answered_and_one_over_the_size_refused(api, records):
    fifty = {f"q{i}": {"query": "Nordlys Cells"} for i in range(50)}
    answer = reconcile(api, fifty)
    assert len(answer) == 50

    too_many = {f"q{i}": {"query": "Volvo"} for i in range(101)}
    response = api.post(URL, {"queries": json.dumps(too_many)})
    assert response.status_code == 413
    assert "At most 100" in response.json()["queries"][0]


@pytest.mark.parametrize(
    "queries, message",
    [
        ("{not json", "Not valid JSON"),
        ('["Volvo"]', "JSON object of queries"),
        ('{"q0": {"query": "Volvo", "type": "person"}}', "unknown type 'person'"),
        ('{"q0": {"query": "Volvo", "colour": "red"}}', "unknown field 'colour'"),
        ('{"q0": {"query": "Volvo", "limit": 0}}', "'limit' is a positive integer"),
        ('{"q0": {"query": "Volvo", "type_strict": "maybe"}}', "'type_strict'"),
        ('{"q0": {"query": "Volvo", "properties": [{"pid": "shoe_size", "v": 9}]}}',
         "unknown property 'shoe_size'"),
        ('{"q0": {}}', "give a 'query' string or 'properties'"),
    ],
)  # fmt: skip
def test_malformed_batches_are_a_400_naming_the_parameter(api, db, queries, message):
    response = api.post(URL, {"queries": queries})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["queries"][0]


def test_unknown_parameters_are_refused(api, db):
    response = api.get(URL, {"query": "Volvo"})

    assert response.status_code == 400 and "query" in response.json()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_a_batch_over_the_statement_timeout_is_a_json_503(api, records, settings, monkeypatch):
    settings.API_STATEMENT_TIMEOUT_MS = 50
    original = matcher.candidate_ids

    def slow(entity_type, texts):
        Company.objects.annotate(slow=RawSQL("(SELECT 1 FROM pg_sleep(1))", [])).first()
        return original(entity_type, texts)

    monkeypatch.setattr(matcher, "candidate_ids", slow)

    response = api.post(URL, {"queries": json.dumps({"q0": {"query": "Volvo"}})})

    assert response.status_code == 503 and "took longer" in response.json()["detail"]


# -- Suggest, preview, extension -------------------------------------------------------------------


def test_suggest_entities_by_prefix(api, records):
    answer = api.get(f"{URL}suggest/entity/", {"prefix": "nordl"}).json()

    assert_valid(answer, "suggest-entities-response")
    names = [item["name"] for item in answer["result"]]
    assert names == ["Nordlys Cells AS", "Nordlys Gigafactory Trondheim"]  # no draft
    plants = api.get(f"{URL}suggest/entity/", {"prefix": "nordl", "type": "plant"}).json()
    assert [item["name"] for item in plants["result"]] == ["Nordlys Gigafactory Trondheim"]


def test_suggest_types_and_properties(api, db):
    types = api.get(f"{URL}suggest/type/", {"prefix": "pla"}).json()
    props = api.get(f"{URL}suggest/property/", {"prefix": "coun"}).json()

    assert_valid(types, "suggest-types-response")
    assert_valid(props, "suggest-properties-response")
    assert [t["id"] for t in types["result"]] == ["plant"]
    assert [p["id"] for p in props["result"]] == ["country"]


def test_the_preview_is_a_card_with_the_passage_behind_the_record(api, records):
    cells = records["cells"]

    response = api.get(f"{URL}preview/", {"id": f"company:{cells.pk}"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "X-Frame-Options" not in response  # it is shown in the client's iframe
    html = response.content.decode()
    assert "Nordlys Cells AS" in html and "Battery cell maker" in html
    assert "will build its first plant" in html and "#citation-" in html
    assert api.get(f"{URL}preview/", {"id": "company:999999"}).status_code == 404


def test_property_proposals_per_type(api, db):
    answer = api.get(f"{URL}properties/", {"type": "plant"}).json()

    assert_valid(answer, "data-extension-property-proposal")
    assert {"operator", "city", "country", "capacity"} <= {p["id"] for p in answer["properties"]}
    assert api.get(f"{URL}properties/", {"type": "person"}).status_code == 400


def test_data_extension_fetches_the_facts(api, records):
    cells, plant, volvo = records["cells"], records["plant"], records["volvo"]
    query = {
        "ids": [f"company:{volvo.pk}", f"company:{cells.pk}", f"plant:{plant.pk}", "plant:999999"],
        "properties": [{"id": p} for p in ("country", "parent", "stakes_held", "agreements",
                                           "operator", "capacity")],
    }  # fmt: skip
    assert_valid(query, "data-extension-query")

    answer = api.post(URL, {"extend": json.dumps(query)}).json()

    assert_valid(answer, "data-extension-response")
    rows = answer["rows"]
    assert rows[f"company:{cells.pk}"]["parent"] == [
        {"id": f"company:{volvo.pk}", "name": "AB Volvo"}
    ]
    assert rows[f"company:{volvo.pk}"]["stakes_held"][0]["name"] == "Nordlys Cells AS"
    assert rows[f"company:{volvo.pk}"]["agreements"] == [{"str": "Volvo buys Nordlys cells"}]
    assert rows[f"plant:{plant.pk}"]["capacity"] == [{"float": 20.0}]
    assert rows[f"plant:{plant.pk}"]["operator"][0]["name"] == "Nordlys Cells AS"
    assert rows["plant:999999"]["country"] == []


def test_data_extension_refuses_unknown_properties(api, db):
    query = {"ids": ["company:1"], "properties": [{"id": "shoe_size"}]}

    response = api.get(URL, {"extend": json.dumps(query)})

    assert response.status_code == 400 and "shoe_size" in response.json()["extend"][0]


# -- CORS ------------------------------------------------------------------------------------------


def test_cors_on_the_reconciliation_service_only(api, db):
    origin = {"HTTP_ORIGIN": "https://refine.example"}

    manifest = api.get(URL, **origin)
    preflight = api.options(URL, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST", **origin)
    elsewhere = api.get("/api/v1/companies/", **origin)

    assert manifest["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 200 and "POST" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in elsewhere
