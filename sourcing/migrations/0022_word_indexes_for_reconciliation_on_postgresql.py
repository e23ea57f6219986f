"""
Word indexes on the folded names of companies, plants and their aliases, for reconciliation
on PostgreSQL (a no-op elsewhere): ``sourcing.reconcile.candidates`` finds the names holding a
query's rarest words through them.

The trigram indexes (0009) answer "which names look like this text", but a short or common word
shares its trigrams with thousands of names ("1222" with every number starting "12"), each
then checked row by row: 50 ms a term on 60,000 names. A word index answers "which names hold
this word" from its posting list alone, in well under a millisecond.
"""

from django.db import migrations

from ._postgresql_indexes import postgresql_indexes

INDEXES = {
    f"sourcing_{table}_search_words": (
        f"sourcing_{table} USING gin (to_tsvector('simple'::regconfig, search_name)) "
        "WITH (gin_pending_list_limit = 64)"
    )
    for table in ("company", "companyalias", "plant", "plantalias")
}


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0021_value_confirmations")]

    operations = [postgresql_indexes(INDEXES)]
