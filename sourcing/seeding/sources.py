"""Where the seed data lives, the seed's errors, and reading a source document as received."""

import unicodedata
from pathlib import Path

from django.conf import settings

from ..documents import DocumentError
from ..documents.plain import decode_text

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
CURATION_FILE = FIXTURES_DIR / "curation.yaml"
FIXTURE_FILE = FIXTURES_DIR / "seed.json"
# The source documents sit in this folder next to the curation file.
ARTICLES_DIR_NAME = "articles"


class SeedError(Exception):
    """Seed data that cannot be loaded; the message names the record and the document."""


class SourceFileError(ValueError):
    """A source document file that cannot be taken in as an article body."""


def read_source_text(path):
    """A source document's text, read as imported text is, or a ``SourceFileError`` why not."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    return decode_source_text(raw, path)


def decode_source_text(raw, path):
    """The text of a source document received as bytes, checked as any imported text file."""
    if not raw.strip():
        raise SourceFileError(f"{path}: the file is empty")
    try:
        return decode_text(raw)
    except DocumentError as error:
        raise SourceFileError(f"{path}: {error}") from None


def _is_visible(char):
    # Spaces, controls and format characters (zero-width spaces, byte order marks) show nothing.
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf"}


def first_line_title(text, max_length=500):
    """The first non-blank line of a document, as a title when none is given."""
    for line in text.splitlines():
        line = " ".join(
            "".join(char for char in line if _is_visible(char) or char.isspace()).split()
        )
        if line:
            return line if len(line) <= max_length else line[: max_length - 1] + "…"
    return ""


def describe_validation_error(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
