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
            "SELECT c.relname, c.reloptions FROM pg_indexes i "
            "JOIN pg_class c ON c.relname = i.indexname "
            "WHERE i.indexdef LIKE %s",
            ["%gin_trgm_ops%"],
        )
        options = dict(cursor.fetchall())
    # Every table search reads: companies, plants and their aliases, agreements, articles.
    assert len(options) == 6
    assert options == {name: ["gin_pending_list_limit=64"] for name in options}
