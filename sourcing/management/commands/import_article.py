"""
``import_article FILE_OR_FOLDER...``: articles from text files, web pages and PDFs, each with its
original kept (the rules are ``sourcing.importing``'s). A batch goes on past a file that cannot be
imported, naming it and why; each file is stored whole or not at all. A progress bar is drawn
when stderr is a terminal, one line per file otherwise (logs, pipes); a summary ends the run, and
the exit status is 1 when any file was refused.
"""

import unicodedata
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sourcing import importing
from sourcing.management.database import require_migrated_database
from sourcing.models import Language, parse_partial_date


def files_to_import(paths):
    """
    The files named, a folder standing for the files directly in it, in name order (not its
    subfolders, nor hidden files such as .DS_Store). A path that does not exist is kept, to be
    refused with the reason.
    """
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                child for child in path.iterdir() if child.is_file() and not hidden(child)
            )
            if not found:
                raise CommandError(f"{path}: the folder has no files to import.")
            files += found
        else:
            files.append(path)
    return files


def hidden(path):
    return path.name.startswith(".")


class Command(BaseCommand):
    help = (
        "Add articles from files: UTF-8 text, web pages (HTML) and PDFs, each kept as received. "
        "A folder stands for the files directly in it. Title, date, authors and language are "
        "read from each document unless given here. A file that cannot be imported is named "
        "with the reason and the others are imported; each file is stored whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="FILE_OR_FOLDER", help="Files, or folders of files."
        )
        parser.add_argument(
            "--language",
            help=f"Language of the documents, one of {', '.join(Language.values)} "
            "(default: as each document declares it, else detected from its text).",
        )
        parser.add_argument("--publisher", help="Publisher, if the documents name one.")
        parser.add_argument(
            "--authors", help="Authors, comma-separated (default: as the document names them)."
        )
        parser.add_argument(
            "--published",
            metavar="YYYY[-MM[-DD]]",
            help="Publication date; its form sets the precision (2021, 2021-06 or 2021-06-28). "
            "Default: the date the document gives (its metadata or dateline), else unknown.",
        )
        parser.add_argument(
            "--title",
            help="Title of a single document (default: the document's title, else its first line).",
        )
        parser.add_argument("--url", help="Address the document was taken from.")

    def handle(self, *args, paths, **options):
        given = self.given(options)
        files = files_to_import(paths)
        if given.title is not None and len(files) > 1:
            raise CommandError("--title names one document: give it with a single file.")
        require_migrated_database()
        imported, refused = self.import_files(files, given)
        total = len(files)
        if not refused:
            self.stdout.write(self.style.SUCCESS(f"Imported {imported} article(s)."))
            return
        self.stdout.write(f"Imported {imported} article(s); {len(refused)} of {total} refused.")
        listing = "\n".join(f"  {line}" for line in refused)
        raise CommandError(
            f"{len(refused)} of {total} file(s) refused, nothing stored for them:\n{listing}"
        )

    def import_files(self, files, given):
        """Import each file in turn; the number imported and a line per refused file."""
        progress = Progress(self.stderr, len(files))
        imported, refused = 0, []
        for number, path in enumerate(files, start=1):
            try:
                article = importing.store(
                    importing.prepare(importing.Received.from_path(path), given)
                )
            except importing.Refused as refusal:
                line = f"{path}: {refusal}{option_hint(refusal)}"
                refused.append(line)
                progress.report(f"[{number}/{len(files)}] refused {line}")
            else:
                imported += 1
                progress.report(
                    f"[{number}/{len(files)}] imported {path.name} as article {article.pk}: "
                    f"“{article.title}”"
                )
        progress.close()
        return imported, refused

    def given(self, options):
        language, published, title = options["language"], options["published"], options["title"]
        if language is not None and language not in Language.values:
            choices = ", ".join(f"{code} ({label})" for code, label in Language.choices)
            raise CommandError(f"--language “{language}” is not one of: {choices}.")
        if published is not None:
            try:
                published = parse_partial_date(published.strip())
            except ValueError as error:
                raise CommandError(f"--published: {error}.") from None
        return importing.Given(
            title=None if title is None else self.clean_title(title),
            language=language,
            published=published,
            publisher=options["publisher"],
            authors=options["authors"],
            url=options["url"],
        )

    @staticmethod
    def clean_title(title):
        if any(unicodedata.category(char) == "Cc" and not char.isspace() for char in title):
            raise CommandError("--title contains control characters: give it as plain text.")
        title = " ".join(title.split())
        if not title:
            raise CommandError("--title is empty: leave it out to use the document's own.")
        return title


def option_hint(refusal):
    return f" (--{refusal.field})" if refusal.field else ""


class Progress:
    """
    A progress bar on a terminal, with each file's line printed above it; on anything else
    (a log, a pipe) the lines alone, since a bar redrawn with carriage returns garbles a file.
    """

    def __init__(self, stderr, total):
        self.stderr = stderr
        # The stream itself: Django's wrapper ends every write with a newline, and a bar
        # redraws its line in place.
        self.stream = getattr(stderr, "_out", stderr)
        self.bar = tqdm(total=total, unit="file", file=self.stream) if stderr.isatty() else None

    def report(self, line):
        if self.bar is None:
            self.stderr.write(line)
            return
        self.bar.write(line, file=self.stream)
        self.bar.update()

    def close(self):
        if self.bar is not None:
            self.bar.close()
