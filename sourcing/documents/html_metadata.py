"""
What a web page says about itself, read from its markup where trafilatura's reading would lose
something: the publication date at the precision it is written (trafilatura's date finder fills
a missing day with today's and takes "© 2024" in a footer for 1 January), authors from scholarly
``citation_author`` tags (one name per tag, "Doe, Jane" kept whole), and the declared language.
"""

import json
from dataclasses import dataclass, field

from .dates import written_date
from .language import language_code

# Tags naming the first publication (never the last modification), most specific first.
PUBLISHED_TAGS = (
    "article:published_time",
    "og:article:published_time",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "datepublished",
    "pubdate",
    "publishdate",
    "publication_date",
    "date",
)
AUTHOR_TAGS = ("citation_author", "dc.creator", "dcterms.creator")
LANGUAGE_TAGS = ("content-language", "language", "dc.language", "dcterms.language", "og:locale")


@dataclass
class PageMetadata:
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None


def read_page_metadata(tree):
    meta = meta_values(tree)
    return PageMetadata(
        published=published_date(tree, meta),
        authors=[" ".join(name.split()) for tag in AUTHOR_TAGS for name in meta.get(tag, [])],
        language=declared_language(tree, meta),
    )


def meta_values(tree):
    """{tag name, lower case: [contents]} of the page's <meta> tags, in page order."""
    values = {}
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop")
        name = name or element.get("http-equiv")
        content = (element.get("content") or "").strip()
        if name and content:
            values.setdefault(name.strip().lower(), []).append(content)
    return values


def published_date(tree, meta):
    for tag in PUBLISHED_TAGS:
        for value in meta.get(tag, []):
            published = written_date(value)
            if published:
                return published
    for value in json_ld_values(tree, "datePublished"):
        published = written_date(value) if isinstance(value, str) else None
        if published:
            return published
    # A <time> inside the article, not one of the sidebar's or the comments'.
    for element in tree.xpath("//article//time[@datetime]"):
        published = written_date(element.get("datetime"))
        if published:
            return published
    return None


def json_ld_values(tree, key):
    """Every value of ``key`` in the page's JSON-LD blocks (objects, lists and @graph alike)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block says nothing
        yield from values_of(data, key)


def values_of(data, key):
    if isinstance(data, dict):
        if key in data:
            yield data[key]
        for value in data.values():
            if isinstance(value, dict | list):
                yield from values_of(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from values_of(item, key)


def declared_language(tree, meta):
    root = tree.getroottree().getroot()
    declared = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    declared += [value for tag in LANGUAGE_TAGS for value in meta.get(tag, [])]
    return next(filter(None, map(language_code, declared)), None)
