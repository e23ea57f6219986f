import stat
import unicodedata
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sourcing.management.database import require_migrated_database
from sourcing.models import Article, Language, parse_partial_date
from sourcing.seeding import (
    SourceFileError,
    describe_validation_error,
    first_line_title,
    read_source_text,
)

IMPORT_CHANGE_REASON = "import_article"


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
        articles, refusals = self.prepare(files, title, metadata)
        if refusals:
            listing = "\n".join(f"  {refusal}" for refusal in refusals)
            raise CommandError(
                f"Nothing was imported: {len(refusals)} of {len(files)} file(s) refused:\n{listing}"
            )
        with transaction.atomic():
            for number, article in enumerate(articles, start=1):
                article._change_reason = IMPORT_CHANGE_REASON
                article.save()
                self.stderr.write(
                    f"[{number}/{len(articles)}] imported {article.source_filename} "
                    f"as article {article.pk}: “{article.title}”"
                )
        self.stdout.write(self.style.SUCCESS(f"Imported {len(articles)} article(s)."))

    @staticmethod
    def clean_title(title):
        if any(unicodedata.category(char) == "Cc" and not char.isspace() for char in title):
            raise CommandError("--title contains control characters: give it as plain text.")
        title = " ".join(title.split())
        if not title:
            raise CommandError("--title is empty: leave it out to use the file's first line.")
        return title

    @staticmethod
    def refusal_before_reading(path):
        """
        Why the file cannot be an article, known from its size and kind alone; None if it may be.
        A 20 MB file used to be read whole, decoded and hashed (20 s, 500 MB of memory) before
        anything said no; a device or a pipe never ends at all.
        """
        try:
            status = path.stat()
        except OSError:
            return None  # read_source_text says why it cannot be read
        if stat.S_ISDIR(status.st_mode):
            return None  # likewise: "cannot be read (Is a directory)"
        if not stat.S_ISREG(status.st_mode):
            return "not a regular file (a device, pipe or socket cannot be imported)"
        return Article.body_size_problem(status.st_size)

    def prepare(self, files, title, metadata):
        """Unsaved articles for the files, and one message per file that cannot be imported."""
        articles, refusals = [], []
        seen_hashes, seen_names = {}, set()
        for file in files:
            path = Path(file)
            refusal = self.refusal_before_reading(path)
            if refusal:
                refusals.append(f"{path}: {refusal}")
                continue
            try:
                body = read_source_text(path)
            except SourceFileError as error:
                refusals.append(str(error))
                continue
            content_hash = Article.hash_body(body)
            existing = Article.objects.filter(content_hash=content_hash).first()
            if existing is not None:
                refusals.append(
                    f"{path}: the same text is already article {existing.pk} "
                    f"“{existing}” (imported from {existing.source_filename})"
                )
                continue
            if content_hash in seen_hashes:
                refusals.append(f"{path}: the same text as {seen_hashes[content_hash]}")
                continue
            existing = Article.objects.filter(source_filename=path.name).first()
            if existing is not None or path.name in seen_names:
                where = f"article {existing.pk} “{existing}”" if existing else "another file here"
                refusals.append(
                    f"{path}: a different document named {path.name} is already {where}; "
                    "rename the file to import it"
                )
                continue
            article = Article(
                title=title or first_line_title(body),
                source_filename=path.name,
                body=body,
                **metadata,
            )
            try:
                # The hash is computed on save; the checks above already cover its uniqueness.
                article.full_clean(exclude=["content_hash"])
            except ValidationError as error:
                refusals.append(f"{path}: {describe_validation_error(error)}")
                continue
            seen_hashes[content_hash] = path
            seen_names.add(path.name)
            articles.append(article)
        return articles, refusals
