"""
The API's fast paths: what they leave out of the database reads, and that the hand-written
representations give exactly what DRF's generic serializers give.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers as drf_serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient, APIRequestFactory

from sourcing.api import serializers
from sourcing.api.renderers import FastJSONRenderer
from sourcing.api.visibility import visible
from sourcing.models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Citation,
    ValueBasis,
    VehicleProgramme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def article_columns_read(queries):
    """The SQL of every query that reads the article table's body column."""
    return [q["sql"] for q in queries if '"sourcing_article"."body"' in q["sql"]]


@pytest.mark.parametrize("resource", ["agreements", "companies", "stakes"])
def test_listing_records_never_reads_the_bodies_of_cited_articles(api, world, resource):
    with CaptureQueriesContext(connection) as queries:
        response = api.get(f"/api/v1/{resource}/")
    assert response.status_code == 200
    assert any(record["citations"] for record in response.json()["results"])
    assert article_columns_read(queries) == []


@pytest.mark.parametrize(
    "value",
    [
        {"gwh": Decimal("0.00001"), "share": Decimal("20.50"), "n": None, "ok": True},
        {"at": datetime(2024, 5, 1, 12, 30, 15, 123456, tzinfo=UTC), "on": date(2021, 6, 28)},
        {"quote": "Renault–Verkor «accord» \u2028 next\u2029 “é” 電池", "ids": [1, 2, 3]},
        {"big": 2**70, "nested": [{"a": []}, {}]},
    ],
)
def test_fast_json_renderer_writes_exactly_what_drf_writes(value):
    assert FastJSONRenderer().render(value) == JSONRenderer().render(value)


@pytest.mark.parametrize("resource", ["agreements", "companies", "stakes", "plants", "articles"])
def test_fast_json_renderer_matches_drf_on_real_pages(api, world, resource):
    response = api.get(f"/api/v1/{resource}/", {"page_size": 100})
    assert response.content == JSONRenderer().render(response.data)


@pytest.fixture
def drf_generic_representations(monkeypatch):
    """The serializers as DRF alone would write them, without the hand-written fast paths."""
    monkeypatch.setattr(
        serializers.HandWrittenRepresentation,
        "to_representation",
        drf_serializers.ModelSerializer.to_representation,
    )


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/companies/?page_size=100",
        "/api/v1/stakes/?page_size=100",
        "/api/v1/plants/?page_size=100",
        "/api/v1/export/companies/",
    ],
)
def test_hand_written_representations_give_exactly_drfs_output(api, world, path, request):
    fast = b"".join(api.get(path).getvalue().splitlines())
    request.getfixturevalue("drf_generic_representations")
    generic = b"".join(api.get(path).getvalue().splitlines())
    assert b"citation-" in fast
    assert fast == generic


def test_a_field_added_by_a_subclass_is_written_in_its_declared_place(world):
    class WithProvenance(serializers.CitationSerializer):
        provenance = drf_serializers.SerializerMethodField()

        class Meta(serializers.CitationSerializer.Meta):
            fields = ["id", "provenance", *serializers.CitationSerializer.Meta.fields[1:]]

        def get_provenance(self, citation):
            return f"cited {citation.pk}"

    citation = Citation.objects.for_api().first()
    data = WithProvenance(citation).data
    assert list(data) == ["id", "provenance", "article", "field", "quote", "start", "end",
                          "source_url"]  # fmt: skip
    assert data["provenance"] == f"cited {citation.pk}"
    assert data["article"]["id"] == citation.article_id


def agreements_as_drf_would_write_them(user, request):
    """
    The agreements through DRF's generic serializers alone, from model instances prefetched as
    the API used to prefetch them: the oracle for the .values() writer (agreement_json).
    """
    records = Agreement.objects.select_related("plant").prefetch_related(
        Prefetch("parties", visible(AgreementParty.objects.select_related("company"), user)),
        "volumes",
        Prefetch("programmes", visible(VehicleProgramme.objects.all(), user)),
    )
    records = list(visible(records, user).order_by("pk"))
    serializer = serializers.AgreementSerializer(records, many=True, context={"request": request})
    generic = drf_serializers.ModelSerializer.to_representation
    return records, [generic(serializer.child, record) for record in records]


@pytest.mark.parametrize("staff", [False, True], ids=["anonymous", "staff"])
def test_the_agreement_writer_gives_exactly_what_drfs_serializers_give(
    world, staff, drf_generic_representations
):
    # Values held for other reasons than a citation, on the agreement and on a row.
    ValueBasis.objects.create(
        record=world.supply, field="status", basis="inferred", note="Read from the timeline."
    )
    volume = AgreementVolume.objects.create(agreement=world.supply, gwh_per_year=12, year=2030)
    ValueBasis.objects.create(
        record=volume, field="year", basis="general_knowledge", note="Known start."
    )
    user = User.objects.create_user("r", is_staff=True) if staff else AnonymousUser()
    request = APIRequestFactory().get("/api/v1/agreements/")
    request.user = user
    records, generic = agreements_as_drf_would_write_them(user, request)
    written = serializers.AgreementSerializer(records, many=True, context={"request": request}).data

    assert any(r["programmes"] and r["plant"] and r["volumes"] for r in written)
    assert any(why["basis"] == "inferred" for r in written for why in r["provenance"].values())
    assert FastJSONRenderer().render(written) == FastJSONRenderer().render(generic)
