"""
Taking new source documents in as articles: one set of rules for the ``import_article`` command
and the admin's intake page. A document is refused, with a message saying why, when its text is
empty or not UTF-8, when the same text is already an article (by content hash), or when another
document already goes by its file name; nothing is saved until every document passes.
"""

import datetime
import re
import stat
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Article
from .seeding import (
    SourceFileError,
    decode_source_text,
    describe_validation_error,
    first_line_title,
    read_source_text,
)

IMPORT_CHANGE_REASON = "import_article"


@dataclass
class Document:
    """A text to import: ``label`` names it in messages, ``name`` becomes its file name."""

    label: str
    name: str
    body: str = ""
    error: str = ""  # why the text could not even be read

    @classmethod
    def from_path(cls, path):
        refusal = refusal_before_reading(path)
        if refusal:
            return cls(str(path), path.name, error=f"{path}: {refusal}")
        try:
            return cls(str(path), path.name, read_source_text(path))
        except SourceFileError as error:
            return cls(str(path), path.name, error=str(error))

    @classmethod
    def from_bytes(cls, label, name, raw):
        refusal = Article.body_size_problem(len(raw))
        if refusal:
            return cls(label, name, error=f"{label}: {refusal}")
        try:
            return cls(label, name, decode_source_text(raw, label))
        except SourceFileError as error:
            return cls(label, name, error=str(error))


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


def pasted_name(body):
    """A file name for pasted text: derived from the text, so the same text gets the same one."""
    return f"pasted-{Article.hash_body(body)[:12]}.txt"


def prepare(documents, title, metadata):
    """Unsaved articles for ``documents``, and one message per document that cannot be imported."""
    articles, refusals = [], []
    seen_hashes, seen_names = {}, set()
    for document in documents:
        if document.error:
            refusals.append(document.error)
            continue
        label, name, body = document.label, document.name, document.body
        content_hash = Article.hash_body(body)
        existing = Article.objects.filter(content_hash=content_hash).first()
        if existing is not None:
            refusals.append(
                f"{label}: the same text is already article {existing.pk} "
                f"“{existing}” (imported from {existing.source_filename})"
            )
            continue
        if content_hash in seen_hashes:
            refusals.append(f"{label}: the same text as {seen_hashes[content_hash]}")
            continue
        existing = Article.objects.filter(source_filename=name).first()
        if existing is not None or name in seen_names:
            where = f"article {existing.pk} “{existing}”" if existing else "another file here"
            refusals.append(
                f"{label}: a different document named {name} is already {where}; "
                "rename the file to import it"
            )
            continue
        article = Article(
            title=title or first_line_title(body), source_filename=name, body=body, **metadata
        )
        try:
            # The hash is computed on save; the checks above already cover its uniqueness.
            article.full_clean(exclude=["content_hash"])
        except ValidationError as error:
            refusals.append(f"{label}: {describe_validation_error(error)}")
            continue
        seen_hashes[content_hash] = label
        seen_names.add(name)
        articles.append(article)
    return articles, refusals


def save_articles(articles, on_saved=None):
    """Save ``articles`` all together or not at all, each with the import's history reason."""
    with transaction.atomic():
        for number, article in enumerate(articles, start=1):
            article._change_reason = IMPORT_CHANGE_REASON
            article.save()
            if on_saved is not None:
                on_saved(number, article)


# -- A publication date printed in the text -------------------------------------------------------

MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            [
                ("january", "janvier", "jan"),
                ("february", "fevrier", "février", "feb"),
                ("march", "mars", "mar"),
                ("april", "avril", "apr"),
                ("may", "mai"),
                ("june", "juin", "jun"),
                ("july", "juillet", "jul"),
                ("august", "aout", "août", "aug"),
                ("september", "septembre", "sep", "sept"),
                ("october", "octobre", "oct"),
                ("november", "novembre", "nov"),
                ("december", "decembre", "décembre", "dec"),
            ],
            start=1,
        )
        for name in names
    }
}
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_DATE_PATTERNS = [
    # 2023-05-30
    re.compile(r"\b(?P<year>(?:19|20)[0-9]{2})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])\b"),
    # 30 May 2023, 1er juin 2023, 30/05/2023
    re.compile(
        rf"\b(?P<day>[0-3]?[0-9])(?:er)?\s+(?P<mname>{_MONTH})\.?\s+(?P<year>(?:19|20)[0-9]{{2}})\b",
        re.IGNORECASE,
    ),
    # May 30, 2023
    re.compile(
        rf"\b(?P<mname>{_MONTH})\.?\s+(?P<day>[0-3]?[0-9]),?\s+(?P<year>(?:19|20)[0-9]{{2}})\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<day>[0-3]?[0-9])/(?P<month>[01]?[0-9])/(?P<year>(?:19|20)[0-9]{2})\b"),
]
# Datelines sit near the top; a date deep in the text is more likely an event than publication.
DATELINE_CHARACTERS = 600


def printed_date(body):
    """
    The first full date printed near the top of ``body`` as "YYYY-MM-DD", or "" if none: a
    proposal for the publication date, which the editor confirms or corrects.
    """
    head = body[:DATELINE_CHARACTERS]
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(head):
            parts = match.groupdict()
            month = parts.get("month") or MONTHS.get((parts.get("mname") or "").lower())
            try:
                day = datetime.date(int(parts["year"]), int(month), int(parts["day"]))
            except (TypeError, ValueError):
                continue
            found.append((match.start(), day))
    if not found:
        return ""
    return min(found, key=lambda item: item[0])[1].isoformat()
