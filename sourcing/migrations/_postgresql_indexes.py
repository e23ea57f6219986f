"""
The operations of the migrations that change PostgreSQL-only indexes (0009, 0011, 0012, 0014):
indexes declared in SQL because the models cannot say them (GIN operator classes, NULLS LAST,
partial expressions, storage parameters), created on PostgreSQL and skipped elsewhere. Django's
migration loader ignores modules whose names start with an underscore, so this is no migration
of its own.
"""

from django.db import migrations


def postgresql_statements(forward, backward=()):
    """A reversible operation running the SQL ``forward`` on PostgreSQL, ``backward`` going back."""

    def run(statements):
        def execute(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for statement in statements:
                schema_editor.execute(statement)

        return execute

    return migrations.RunPython(run(forward), run(backward))


def postgresql_indexes(indexes, before=()):
    """
    A reversible operation creating ``indexes`` (name -> "table (columns) [WHERE ...]") on
    PostgreSQL, after the statements ``before`` (an extension, say); dropping them going back.
    """
    return postgresql_statements(
        [
            *before,
            *(
                f"CREATE INDEX IF NOT EXISTS {name} ON {definition}"
                for name, definition in indexes.items()
            ),
        ],
        [f"DROP INDEX IF EXISTS {name}" for name in indexes],
    )
