"""
The API's fast paths: what they leave out of the database reads, and that the hand-written
representations give exactly what DRF's generic serializers give.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

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
