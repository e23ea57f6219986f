"""What the application sets on PostgreSQL so that its queries stay fast as the data grows."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner and GIN"),
]

SEARCH_INDEXES = [
    "sourcing_company_search_trgm",
    "sourcing_companyalias_search_trgm",
    "sourcing_plant_search_trgm",
    "sourcing_plantalias_search_trgm",
    "sourcing_agreement_search_trgm",
    "sourcing_article_search_trgm",
]


def test_the_planner_prices_an_index_probe_as_a_cached_read():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_every_search_index_keeps_its_pending_list_short():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [SEARCH_INDEXES]
        )
        options = dict(cursor.fetchall())
    assert options == {name: ["gin_pending_list_limit=64"] for name in SEARCH_INDEXES}
