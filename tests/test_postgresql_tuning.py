"""What the application sets on PostgreSQL so that its queries stay fast as the data grows."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner and GIN"),
]


def test_the_planner_prices_an_index_probe_as_a_cached_read():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_every_search_index_keeps_its_pending_list_short():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.tablename, c.relname, c.reloptions FROM pg_indexes i "
            "JOIN pg_class c ON c.relname = i.indexname "
            "WHERE i.indexdef LIKE %s",
            ["%gin_trgm_ops%"],
        )
        rows = cursor.fetchall()
    # Every table a search reads by substring has its trigram index: companies, plants and their
    # aliases, agreements, articles.
    assert {table for table, _, _ in rows} == {
        "sourcing_company",
        "sourcing_companyalias",
        "sourcing_plant",
        "sourcing_plantalias",
        "sourcing_agreement",
        "sourcing_article",
    }
    assert {index: options for _, index, options in rows} == {
        index: ["gin_pending_list_limit=64"] for _, index, _ in rows
    }
