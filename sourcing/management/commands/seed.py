from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sourcing.management.database import require_migrated_database
from sourcing.seeding import CURATION_FILE, FIXTURE_FILE, SeedError, build_fixture, seed


class Command(BaseCommand):
    help = (
        "Load the five source documents and the records curated from them (fixtures/curation.yaml) "
        "into the database. Safe to run again: rows already seeded are left alone, rows editors "
        "changed since are reported and kept, citations the curation file no longer makes are "
        "deleted unless an editor added or changed them, and a bad record aborts the whole load. "
        "One seed at a time: a second run waits for the first. "
        "With --write-fixture, write the same data as a loaddata fixture instead (the database is "
        "not changed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--curation",
            default=str(CURATION_FILE),
            metavar="PATH",
            help="Curation file to load; its documents are in articles/ beside it "
            "(default: %(default)s).",
        )
        parser.add_argument(
            "--write-fixture",
            nargs="?",
            const=str(FIXTURE_FILE),
            metavar="PATH",
            help="Write the seed data as a JSON fixture for loaddata instead of loading it "
            f"(default path: {FIXTURE_FILE}).",
        )

    def handle(self, *args, curation, write_fixture, **options):
        require_migrated_database()
        try:
            if write_fixture:
                self.write_fixture(curation, Path(write_fixture))
                return
            report = seed(curation)
        except SeedError as error:
            raise CommandError(f"Seed aborted, the database was left unchanged: {error}") from None
        for message in report.kept:
            self.stderr.write(self.style.WARNING(message))
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def write_fixture(self, curation, path):
        text = build_fixture(curation)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}") from None
        # loaddata finds fixtures in FIXTURE_DIRS by name; anywhere else it needs the path.
        name = path.stem if path.resolve().parent == FIXTURE_FILE.parent else path
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {path} from {curation}; load it into an empty migrated database with "
                f"`python manage.py loaddata {name}`."
            )
        )
