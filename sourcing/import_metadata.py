"""
An imported article's metadata: what the editor gives wins, and where they give nothing, what
the document says about itself (its title, date, authors and language, read or detected by
``sourcing.documents``) is used. The article's notes list what came from the document, so a
reviewer knows what to check against the original. A language the text does not tell, or one an
article cannot have, is refused: an article always has a language, and guessing one would put it
in the wrong readers' lists.
"""

from dataclasses import dataclass

from django.utils.translation import get_language_info

from .models import Language, parse_partial_date
from .seeding import first_line_title

TITLE_MAX_LENGTH = 500


class Refused(Exception):
    """A document that cannot be imported. ``field`` names what the editor can give to fix it."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


@dataclass
class Given:
    """What the editor gives for an import (options, the intake form); None: not given."""

    title: str | None = None
    language: str | None = None
    published: tuple | None = None  # (date, precision), as parse_partial_date gives it
    publisher: str | None = None
    authors: str | None = None
    url: str | None = None


def article_fields(document, given, source_filename):
    """The fields of the article for ``document``, or ``Refused`` (a language problem)."""
    from_document = {
        "title": document_title(document),
        "date": document_date(document),
        "authors": ", ".join(document.authors),
    }
    chosen = {"title": given.title, "date": given.published, "authors": given.authors}
    values = {
        name: from_document[name] if value is None else value for name, value in chosen.items()
    }
    taken = [name for name, value in chosen.items() if value is None and from_document[name]]
    language = given.language or document_language(document)
    if not given.language:
        taken.append("language")
    published_on, precision = values["date"] or (None, "")
    return {
        "title": values["title"],
        "language": language,
        "publisher": given.publisher or "",
        "authors": values["authors"],
        "url": given.url or "",
        "published_on": published_on,
        "published_precision": precision,
        "source_filename": source_filename,
        "body": document.text,
        "extractor": document.extractor,
        "extractor_version": document.extractor_version,
        "metadata_notes": notes(document, taken),
    }


def document_title(document):
    title = " ".join((document.title or "").split()) or first_line_title(document.text)
    if len(title) > TITLE_MAX_LENGTH:
        title = title[: TITLE_MAX_LENGTH - 1] + "…"
    return title


def document_date(document):
    """(date, precision) of the date the document gives, or None."""
    if not document.published:
        return None
    try:
        return parse_partial_date(document.published)
    except ValueError:
        return None  # a date the reader let through but the model refuses: not given


def document_language(document):
    code = document.language
    if code is None:
        raise Refused(
            "The language of the text could not be told (too short, or several languages "
            "mixed): give the language.",
            field="language",
        )
    if code not in Language.values:
        supported = ", ".join(f"{label} ({value})" for value, label in Language.choices)
        raise Refused(
            f"The document is in {language_name(code)}, which is not one of the languages an "
            f"article can have: {supported}. If the text is in one of them, give the language.",
            field="language",
        )
    return code


def language_name(code):
    try:
        return f"{get_language_info(code)['name']} ({code})"
    except KeyError:
        return f"the language “{code}”"


def proposed_metadata(document):
    """What the intake page proposes to the editor for ``document`` (all strings)."""
    language = document.language or ""
    return {
        "title": document_title(document),
        "published": document.published or "",
        "authors": ", ".join(document.authors),
        "language": language if language in Language.values else "",
        "language_found": language_name(language) if language else "",
        "media_type": document.media_type,
    }


def notes(document, taken):
    if not taken:
        return ""
    labels = {
        "title": "title" if document.title else "title (the text's first line)",
        "date": "publication date",
        "authors": "authors",
        "language": "language",
    }
    listed = ", ".join(labels[name] for name in taken)
    return f"Taken from the document ({reading(document)}), to be checked against it: {listed}."


def reading(document):
    """How the text was read: "read by pypdf 6.4.0", "read as plain text"."""
    if not document.extractor_version:
        return f"read as {document.extractor}"
    return f"read by {document.extractor} {document.extractor_version}"
