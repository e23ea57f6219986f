"""
A B-tree index in the order the admin lists agreements on PostgreSQL (a no-op elsewhere): the
model's ordering (announced date descending, title) with the admin's tie-break (id descending).
The API's index on the same columns puts undated agreements last (NULLS LAST); a descending
ORDER BY puts them first, so it could not serve the admin, which sorted every agreement for each
page, and the lists of parties and volumes, ordered by their agreement first, did too. Measured at
100,000 agreements: the parties' list from 296 to 126 ms, the volumes' search from 548 to 204 ms.
"""

from django.db import migrations

from ._postgresql_indexes import postgresql_indexes

INDEXES = {
    "sourcing_agreement_admin_listed": "sourcing_agreement (announced_on DESC, title, id DESC)",
}


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0023_pending_versions")]

    operations = [postgresql_indexes(INDEXES)]
