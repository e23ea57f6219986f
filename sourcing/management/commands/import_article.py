import unicodedata
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sourcing import importing
from sourcing.management.database import require_migrated_database
from sourcing.models import Language, parse_partial_date


class Command(BaseCommand):
    help = (
        "Add source documents from UTF-8 text files, their text kept exactly as received. "
        "All or nothing: if any file is refused (empty, not UTF-8, already imported...), nothing "
        "is imported and every refused file is listed with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="Text files to import.")
        parser.add_argument(
            "--language",
            required=True,
            help=f"Language of the documents: one of {', '.join(Language.values)}.",
        )
        parser.add_argument("--publisher", default="", help="Publisher, if the documents name one.")
        parser.add_argument("--authors", default="", help="Authors as named, comma-separated.")
        parser.add_argument(
            "--published",
            metavar="YYYY[-MM[-DD]]",
            help="Publication date; its form sets the precision (2021, 2021-06 or 2021-06-28).",
        )
        parser.add_argument(
            "--title", help="Title of a single document (default: the file's first line)."
        )
        parser.add_argument("--url", default="", help="Address the document was taken from.")

    def handle(self, *args, files, language, title, published, **options):
        if language not in Language.values:
            choices = ", ".join(f"{code} ({label})" for code, label in Language.choices)
            raise CommandError(f"--language “{language}” is not one of: {choices}.")
        if title is not None:
            title = self.clean_title(title)
            if len(files) > 1:
                raise CommandError("--title names one document: give it with a single file.")
        published_on, precision = None, ""
        if published:
            try:
                published_on, precision = parse_partial_date(published.strip())
            except ValueError as error:
                raise CommandError(f"--published: {error}.") from None

        require_migrated_database()
        metadata = {
            "language": language,
            "publisher": options["publisher"],
            "authors": options["authors"],
            "url": options["url"],
            "published_on": published_on,
            "published_precision": precision,
        }
        # Every file is checked before any is saved, so one bad file in a batch of forty is
        # reported together with all the others and nothing is half-imported.
        documents = [importing.Document.from_path(Path(file)) for file in files]
        articles, refusals = importing.prepare(documents, title, metadata)
        if refusals:
            listing = "\n".join(f"  {refusal}" for refusal in refusals)
            raise CommandError(
                f"Nothing was imported: {len(refusals)} of {len(files)} file(s) refused:\n{listing}"
            )

        def report(number, article):
            self.stderr.write(
                f"[{number}/{len(articles)}] imported {article.source_filename} "
                f"as article {article.pk}: “{article.title}”"
            )

        importing.save_articles(articles, on_saved=report)
        self.stdout.write(self.style.SUCCESS(f"Imported {len(articles)} article(s)."))

    @staticmethod
    def clean_title(title):
        if any(unicodedata.category(char) == "Cc" and not char.isspace() for char in title):
            raise CommandError("--title contains control characters: give it as plain text.")
        title = " ".join(title.split())
        if not title:
            raise CommandError("--title is empty: leave it out to use the file's first line.")
        return title
