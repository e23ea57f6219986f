"""
The sections of the curation file, record by record: each entry is checked, turned into the
values of its row (and of its aliases, parts and citations) and handed to the ``Reconciler``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects

from ..models import (
    Article,
    Citation,
    NonEditorialSpan,
    ReviewStatus,
)
from ..text import quotes
from .curation_file import as_list, mapping, partial_date, text, where_is
from .sources import SeedError, SourceFileError, read_source_text
from .value_bases import seed_value_bases

ARTICLE_FIELDS = (
    "publisher",
    "authors",
    "published",
    "published_inferred",
    "metadata_notes",
    "url",
    "non_editorial",
)


# How the curation file names a citation (the key ``cite`` gives it): the quote it makes, of
# what, from which article.
CITATION_KEY = ("content_type", "object_id", "article", "field", "quote")


def curated(entry):
    """Fields every curated record shares: seeded data has been checked against its sources."""
    return {"review_status": ReviewStatus.VERIFIED, "notes": text(entry.get("notes")).strip()}


class References:
    """The records seeded so far in a run, by the names the curation file gives them."""

    def __init__(self):
        self.articles = {}
        self.companies = {}
        self.plants = {}
        self.programmes = {}

    def company(self, slug, where):
        if slug in (None, ""):
            return None
        if slug not in self.companies:
            raise SeedError(
                f"{where}: no company with slug “{slug}” listed before it in the curation file"
            )
        return self.companies[slug]

    def plant(self, name, where):
        if name in (None, ""):
            return None
        if name not in self.plants:
            raise SeedError(f"{where}: no plant named “{name}” in the curation file")
        return self.plants[name]

    def programme(self, name, where):
        if name not in self.programmes:
            raise SeedError(f"{where}: no vehicle programme named “{name}” in the curation file")
        return self.programmes[name]


def seed_article(reconciler, refs, articles_dir, entry):
    where = where_is("article", entry, "file")
    mapping(entry, where, required=("file", "title", "language"), optional=ARTICLE_FIELDS)
    filename = str(entry["file"])
    try:
        body = read_source_text(articles_dir / filename)
    except SourceFileError as error:
        raise SeedError(f"{where}: {error}") from None
    published_on, precision = partial_date(entry.get("published"), where)
    article = reconciler.sync(
        Article,
        {"source_filename": filename},
        {
            "title": text(entry["title"]).strip(),
            "publisher": text(entry.get("publisher")),
            "authors": text(entry.get("authors")),
            "language": text(entry["language"]),
            "published_on": published_on,
            "published_precision": precision,
            "published_inferred": bool(entry.get("published_inferred", False)),
            "metadata_notes": text(entry.get("metadata_notes")).strip(),
            "url": text(entry.get("url")),
            "body": body,
        },
        where,
    )
    refs.articles[filename] = article
    if article is None:
        return
    for index, span in enumerate(as_list(entry.get("non_editorial"), f"{where} non_editorial")):
        span_where = f"{where}, non-editorial part {index + 1}"
        mapping(span, span_where, required=("kind",), optional=("text", "from", "through"))
        for start, end in locate_span(article, span, span_where):
            reconciler.sync(
                NonEditorialSpan,
                {"article": article, "start": start, "end": end},
                {"kind": text(span["kind"])},
                f"{span_where} [{start}:{end}]",
            )
    # Every citation of the article saved later in the run checks its quote against these spans
    # (on clean and on save): read them once, now that they are final.
    prefetch_related_objects([article], "non_editorial_spans")


def locate_span(article, entry, where):
    """
    ``text``: every occurrence of a passage (a navigation label can repeat); ``from`` and
    ``through``: from the first occurrence of one passage to the end of the next occurrence of
    another (a whole comment section).
    """
    if "text" in entry:
        matches = locate(quotes.locate_all, article.body, entry["text"], where, article)
        return [(match.start, match.end) for match in matches]
    if "from" in entry and "through" in entry:
        first = locate(quotes.locate, article.body, entry["from"], where, article)
        tail = article.body[first.start :]
        try:
            last = quotes.locate(tail, text(entry["through"]))
        except quotes.QuoteNotFound:
            raise SeedError(
                f"{where}: “{entry['through']}” does not follow “{entry['from']}” in "
                f"{article.source_filename}"
            ) from None
        return [(first.start, first.start + last.end)]
    raise SeedError(f"{where}: give either text, or from and through")


def locate(finder, body, passage, where, article):
    try:
        return finder(body, text(passage))
    except quotes.QuoteNotFound:
        raise SeedError(f"{where}: “{passage}” is not in {article.source_filename}") from None


def cite(reconciler, refs, record, entry, label):
    """
    ``cite`` maps a source file name to its quotes; a quote is a string, or a mapping with the
    ``quote`` and the ``field`` of the record it supports.
    """
    if record is None:
        return
    cited = entry.get("cite") or {}
    if not isinstance(cited, dict):
        raise SeedError(f"{label}: cite must map source file names to lists of quotes")
    content_type = ContentType.objects.get_for_model(record)
    for filename, items in cited.items():
        if filename not in refs.articles:
            raise SeedError(f"{label}: cites “{filename}”, which is not among the articles")
        article = refs.articles[filename]
        if article is None:
            continue
        for item in as_list(items, f"{label} citations from {filename}"):
            if isinstance(item, dict):
                mapping(item, f"citation of {label}", required=("quote",), optional=("field",))
                quote, field_name = text(item["quote"]), text(item.get("field"))
            else:
                quote, field_name = text(item), ""
            field_label = f" (field {field_name})" if field_name else ""
            reconciler.sync(
                Citation,
                {
                    "content_type": content_type,
                    "object_id": record.pk,
                    "article": article,
                    "field": field_name,
                    "quote": quote,
                },
                {},
                f"citation of {label}{field_label} in {filename}",
            )
    seed_value_bases(reconciler, record, entry, label)
