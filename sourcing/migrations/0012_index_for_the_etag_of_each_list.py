"""
The ETag of every list is its resource's latest published change
(``ChangeQuerySet.latest_published``): on PostgreSQL, the first entry of this index (a no-op
elsewhere: SQLite cannot declare NULLS LAST in an index, and its log stays small).

DESC NULLS LAST so that only this index yields the query's order: the unique ``seq`` index read
backwards gives NULLS FIRST, and the planner, which assumes a resource's rows are spread evenly
over the log, walked that index filtering by resource. Measured at 142,000 changes: 10-25 ms per
list for the resources changed least lately, 0.2 ms with this index.
"""

from django.db import migrations

from ._postgresql_indexes import postgresql_indexes

INDEXES = {
    "sourcing_change_latest_of_resource": (
        "sourcing_change (resource, seq DESC NULLS LAST) WHERE seq IS NOT NULL"
    ),
}


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0011_indexes_for_every_offered_ordering_on_postgresql")]

    operations = [postgresql_indexes(INDEXES)]
