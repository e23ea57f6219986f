"""
Seeding: the source documents in ``fixtures/articles/`` and the records curated from them in
``fixtures/curation.yaml``, loaded through the ORM, and the equivalent ``loaddata`` fixture.

The curation file names every record by a natural key (an article by its source file name, a
company by its slug, a plant, programme or agreement by its name or title) and every citation by
its quote: offsets are never typed by hand, ``Citation.save()`` finds them.

Loading is a reconciliation, so running it again changes nothing:

- a curated row that is missing is created; one that already holds the curated values is left
  alone (no save, so no new history row);
- the seed records what it wrote to each row (``SeedOwnership``: the natural key and a
  fingerprint of the values), in the same transaction; a row that differs from the curation file
  is updated only while it still holds what the seed last wrote. A row an editor has changed,
  renamed or deleted since is left as it is and reported. History plays no part in deciding:
  pruning it changes nothing;
- a citation of a seeded record that the curation file no longer makes (an editor judged the
  passage does not support the fact and took it out) is withdrawn: deleted, with history, if it
  is still as the seed wrote it; kept and reported if an editor added or changed it;
- records are never deleted: taking a record out of the curation file does not remove it from a
  database that already has it.

Any invalid record or quote raises ``SeedError`` with a message naming the record and the
document; the whole load runs in one transaction so the database is left as it was.

Modules: ``sources`` (paths, errors, reading a document), ``curation_file`` (reading and checking
the YAML), ``records`` and ``sections`` (one function per kind of entry), ``reconcile`` (the
per-row decision), ``ownership`` (fingerprints), ``fixture`` (the loaddata export), ``locking``.
"""

from contextlib import contextmanager

from django.db import IntegrityError, OperationalError, transaction

from ..models import editing_as
from ..models.changes import changes_logged_together
from .fixture import FIXTURE_TIMESTAMP, SEEDED_MODELS, fixture_text, serialize_rows
from .locking import wait_for_other_seeds
from .ownership import record_ownership
from .records import CITATION_KEY
from .report import SEED_CHANGE_REASON, SeedReport
from .seeder import Seeder
from .sources import (
    ARTICLES_DIR_NAME,
    CURATION_FILE,
    FIXTURE_FILE,
    FIXTURES_DIR,
    SeedError,
    SourceFileError,
    decode_source_text,
    describe_validation_error,
    first_line_title,
    read_source_text,
)

__all__ = [
    "ARTICLES_DIR_NAME",
    "CITATION_KEY",
    "CURATION_FILE",
    "FIXTURE_FILE",
    "FIXTURES_DIR",
    "FIXTURE_TIMESTAMP",
    "SEEDED_MODELS",
    "SEED_CHANGE_REASON",
    "SeedError",
    "SeedReport",
    "Seeder",
    "SourceFileError",
    "build_fixture",
    "decode_source_text",
    "describe_validation_error",
    "first_line_title",
    "fixture_text",
    "read_source_text",
    "record_ownership",
    "seed",
    "serialize_rows",
]


@contextmanager
def seed_transaction():
    """
    The one transaction every seed write runs in: all of it or nothing, one seed at a time.
    The place for anything else the seed's writes must run under.
    """
    try:
        # The curation file is reviewed data: what it writes stays verified. Each record it
        # touches goes to the end of the change feed once, not once per row written.
        with transaction.atomic(), editing_as(None, trusted=True), changes_logged_together():
            wait_for_other_seeds()
            yield
    except IntegrityError as error:
        # A row someone else wrote at the same moment (not another seed: those wait their turn).
        raise SeedError(
            f"a row conflicted with a change made while the seed ran ({error}); run it again"
        ) from None
    except OperationalError as error:
        # The database gave up (a lock wait timed out, the connection dropped): nothing was kept.
        raise SeedError(f"the database stopped the seed ({error}); run it again") from None


def seed(curation_path=CURATION_FILE):
    """Load the curation file in one transaction: all of it, or nothing."""
    with seed_transaction():
        return Seeder(curation_path).run()


def build_fixture(curation_path=CURATION_FILE):
    """
    The seed data as ``loaddata`` JSON. The curation is loaded in a transaction that is always
    rolled back, so building never changes the database.
    """
    with seed_transaction():
        report = Seeder(curation_path).run()
        if report.kept:
            raise SeedError(
                "Cannot build the fixture from this database: seeded rows were changed by editors "
                "(" + " ".join(report.kept) + ") Build it on an empty migrated database instead."
            )
        text = fixture_text(serialize_rows(report.records))
        transaction.set_rollback(True)
    return text
