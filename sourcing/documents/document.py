"""What reading a document gives: its text, its metadata, the spans proposed as non-editorial."""

from dataclasses import dataclass, field
from typing import NamedTuple

# Kinds of non-editorial span, spelt as ``NonEditorialSpan.Kind`` values so they can be stored as
# they are: repeated page headers and footers (running titles, page numbers) are boilerplate.
BOILERPLATE = "boilerplate"


class DocumentError(ValueError):
    """A document that cannot be read; the message says why, in the editor's terms."""


class Span(NamedTuple):
    """Characters [start, end) of ``Document.text`` and why they are proposed as non-editorial."""

    start: int
    end: int
    kind: str


@dataclass
class Document:
    """
    A document as read. ``text`` is what is stored and cited; ``published`` is a partial date
    ("YYYY", "YYYY-MM" or "YYYY-MM-DD"); ``title``, ``published`` and ``language`` are None when
    the document does not give them (and, for the language, when detection is unsure).
    """

    text: str
    media_type: str
    extractor: str
    extractor_version: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    non_editorial: list[Span] = field(default_factory=list)
