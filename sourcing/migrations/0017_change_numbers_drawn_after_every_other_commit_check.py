"""
PostgreSQL: the change feed's numbers are drawn after every other check a commit runs.

Migration 0008 took the numbering lock in the first deferred trigger of the commit, and the
foreign-key checks queued after it (a citation's article, a party's agreement) then waited for
row locks while holding it: a transaction holding such a row and committing next waited for the
lock, a deadlock. Now the first trigger only marks its row (``seq = -id``); that queues the
drawing trigger after everything already queued, so the lock is taken when nothing else is left
to wait for (see sourcing/models/changes.py).
"""

from django.db import migrations

MARK_AT_COMMIT = """
CREATE OR REPLACE FUNCTION sourcing_change_number_at_commit() RETURNS trigger AS $$
BEGIN
    -- Queues sourcing_change_draw_seq behind every deferred check already queued.
    UPDATE sourcing_change SET seq = -NEW.id WHERE id = NEW.id AND seq IS NULL;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE FUNCTION sourcing_change_draw_seq() RETURNS trigger AS $$
BEGIN
    -- Held from here to the end of the commit: the next committer numbers after this one.
    PERFORM pg_advisory_xact_lock(7305624311);
    UPDATE sourcing_change SET seq = nextval('sourcing_change_seq')
     WHERE id = NEW.id AND seq < 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER sourcing_change_draw_seq
    AFTER UPDATE ON sourcing_change
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.seq < 0)
    EXECUTE FUNCTION sourcing_change_draw_seq();
"""

NUMBER_AT_COMMIT = """
DROP TRIGGER IF EXISTS sourcing_change_draw_seq ON sourcing_change;
DROP FUNCTION IF EXISTS sourcing_change_draw_seq();
CREATE OR REPLACE FUNCTION sourcing_change_number_at_commit() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7305624311);
    UPDATE sourcing_change SET seq = nextval('sourcing_change_seq')
     WHERE id = NEW.id AND seq IS NULL;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("sourcing", "0016_citations_support_curated_records_and_rows_only"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(MARK_AT_COMMIT), on_postgresql(NUMBER_AT_COMMIT)),
    ]
