"""
Reading a document as received (plain text, a web page, a PDF press release) into the text of an
article: the text that is stored and cited, its metadata as the document gives it, and the parts
proposed as non-editorial. Pure Python: no models, no web framework; the import paths call
``read_document`` and decide what to store.

The rules, each in its module: what a file is (``sniffing``: by its bytes, never by its name),
text (``plain``), web pages (``html``, ``html_metadata``), PDFs (``pdf``, ``pdf_lines``,
``pdf_layout``), dates (``dates``) and language (``language``). Anything that cannot be read is a
``DocumentError`` whose message tells an editor what is wrong and what to do.
"""

from .document import BOILERPLATE, Document, DocumentError, Span
from .language import detect_language
from .reading import read_document

__all__ = [
    "BOILERPLATE",
    "Document",
    "DocumentError",
    "Span",
    "detect_language",
    "read_document",
]
