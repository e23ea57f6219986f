from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def require_migrated_database(alias=DEFAULT_DB_ALIAS):
    """
    Refuse to run on a database with unapplied migrations: a command would otherwise fail deep
    inside with a bare SQL error ("no such table") instead of saying what to do.
    """
    executor = MigrationExecutor(connections[alias])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError(
            "The database has unapplied migrations: run `python manage.py migrate` first."
        )
