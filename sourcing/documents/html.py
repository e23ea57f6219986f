"""
Web pages: the article's own text, by trafilatura (navigation, cookie banners, scripts, related
links, comments and footers left out), one paragraph per block with a blank line between blocks.
trafilatura runs its own fallbacks when its main extractor finds little (a fork of
readability-lxml and jusText). A page where they find no paragraph of running text (a home page's
headlines, a list of links) has no article and is refused, rather than stored as whatever text
the page has.
"""

import copy
import functools

import charset_normalizer
import trafilatura
from trafilatura.settings import use_config
from trafilatura.xml import xmltotxt
from w3lib.encoding import html_to_unicode

from .document import Document, DocumentError
from .html_metadata import read_page_metadata
from .sniffing import HTML

EXTRACTOR = "trafilatura"
# Blocks whose children are blocks of their own (a quotation of several paragraphs, a section).
CONTAINERS = {"quote", "div", "section"}
# An article has at least this many words of running text, outside headings and lists.
MIN_PROSE_WORDS = 6
NOT_PROSE = ("head", "list")
NO_ARTICLE = (
    "No article text was found on the page: it looks like a home page, a list of links or a "
    "page that shows its text only with JavaScript. Save the article's own page, or paste its "
    "text instead."
)


@functools.cache
def extraction_config():
    config = use_config()
    # Below this length trafilatura falls back to every paragraph of the page (its "baseline"):
    # a short article would come with the site's navigation, and a page with no article at all
    # would be read as its list of links. Either is worse for an editor than a refusal.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
    return config


def read_html(data, declared_type=""):
    markup = decode_html(data, declared_type)
    tree = trafilatura.load_html(markup)
    if tree is None:  # a fragment (a file that starts with "<p>"): parsed as a page's body
        tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        raise DocumentError(NO_ARTICLE)
    metadata = read_page_metadata(tree)  # before extraction, which prunes the tree
    extraction = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        config=extraction_config(),
        # Its date is not used (see html_metadata); the extensive search is only time.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if extraction is None or not has_prose(extraction.body):
        raise DocumentError(NO_ARTICLE)
    return Document(
        text=article_text(extraction.body),
        media_type=HTML,
        extractor=EXTRACTOR,
        extractor_version=trafilatura.__version__,
        title=extraction.title or None,
        published=metadata.published,
        authors=metadata.authors or split_authors(extraction.author),
        language=metadata.language,
    )


def decode_html(data, declared_type):
    """
    The page as text, in the encoding it declares (byte order mark, the declared type's charset,
    then <meta charset>), else UTF-8 if it is valid, else the encoding its bytes suggest.
    """
    _, text = html_to_unicode(declared_type or None, data, auto_detect_fun=guess_encoding)
    return text


def guess_encoding(data):
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        return best.encoding if best else None


def has_prose(body):
    prose = copy.deepcopy(body)
    for element in list(prose.iter(*NOT_PROSE)):
        if element.getparent() is not None:
            element.getparent().remove(element)
    return len(" ".join(prose.itertext()).split()) >= MIN_PROSE_WORDS


def article_text(body):
    return "\n\n".join(block for block in blocks(body) if block)


def blocks(element):
    """The text of each block of trafilatura's body: a heading, paragraph, list or table."""
    if (element.text or "").strip() or not len(element):
        yield xmltotxt(element, include_formatting=False).strip()  # a block itself
        return
    for child in element:
        if child.tag in CONTAINERS and not (child.text or "").strip() and len(child):
            yield from blocks(child)
        else:
            yield xmltotxt(child, include_formatting=False).strip()


def split_authors(author):
    """trafilatura gives several authors as one string, "A; B"."""
    return [name.strip() for name in (author or "").split(";") if name.strip()]
