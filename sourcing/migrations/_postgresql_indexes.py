"""
The operation of the migrations that add PostgreSQL-only indexes (0009, 0011, 0012): indexes
declared in SQL because the models cannot say them (GIN operator classes, NULLS LAST, partial
expressions), created on PostgreSQL and skipped elsewhere. Django's migration loader ignores
modules whose names start with an underscore, so this is no migration of its own.
"""

from django.db import migrations


def postgresql_indexes(indexes, before=()):
    """
    A reversible operation creating ``indexes`` (name -> "table (columns) [WHERE ...]") on
    PostgreSQL, after the statements ``before`` (an extension, say); dropping them going back.
    """

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in before:
            schema_editor.execute(statement)
        for name, definition in indexes.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name in indexes:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop)
