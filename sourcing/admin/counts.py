"""
What a changelist counts. Counting every row of a large table is a full scan on PostgreSQL, so a
list page never counts the whole table beside its filtered rows (``show_full_result_count =
False``), and an unfiltered list of a large table shows the planner's estimate of its size
(``pg_class.reltuples``, kept by ANALYZE and autovacuum) instead of an exact count. A filtered or
searched list counts its rows up to ``COUNT_UP_TO`` and says "more than" that beyond: a common
word matches most of a large table, and counting it all took seconds. Its pages then go up to
that many rows; a narrower search reaches the rest. Any table below ``ESTIMATE_FROM_ROWS`` rows,
and SQLite, count unfiltered lists exactly.
"""

from django.core.paginator import Paginator
from django.db import connections, router
from django.utils.functional import cached_property

# Below this, an exact count costs a few milliseconds and an estimate would only blur it.
ESTIMATE_FROM_ROWS = 50_000
# A filtered list's count stops here: 100 pages of 100 rows, counted in tens of milliseconds.
COUNT_UP_TO = 10_000


def filtered(queryset):
    """
    Whether ``queryset`` has a condition of its own: the default manager's (curated models leave
    pending versions out, a few rows no count needs to tell apart) is not one.
    """
    where = queryset.query.where
    return bool(where) and where != queryset.model._default_manager.all().query.where


def estimated_rows(queryset):
    """The planner's estimate of the rows of an unfiltered ``queryset``'s table, or None."""
    connection = connections[router.db_for_read(queryset.model)]
    query = queryset.query
    if connection.vendor != "postgresql" or filtered(queryset) or query.distinct or query.is_sliced:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        row = cursor.fetchone()
    # -1 (or no row): a table never analyzed yet.
    return row[0] if row and row[0] >= ESTIMATE_FROM_ROWS else None


class EstimatedCountPaginator(Paginator):
    # Whether the rows go on beyond ``count`` (a filtered list's count stopped at COUNT_UP_TO).
    more_than_count = False

    @cached_property
    def count(self):
        estimate = estimated_rows(self.object_list)
        if estimate is not None:
            return estimate
        if not filtered(self.object_list):
            return super().count
        # In any order: the rows counted need not be the first ones shown.
        counted = self.object_list.order_by()[: COUNT_UP_TO + 1].count()
        self.more_than_count = counted > COUNT_UP_TO
        return min(counted, COUNT_UP_TO)


class EstimatedCountMixin:
    show_full_result_count = False
    paginator = EstimatedCountPaginator
