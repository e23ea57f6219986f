"""
``read_document``: what a file is (by its bytes), read by the reader for its type, then what the
document does not say filled in from its text: the language detected, the date of a dateline.
"""

from .dates import printed_date
from .document import Document, DocumentError
from .html import read_html
from .language import detect_language
from .pdf import read_pdf
from .plain import read_text
from .sniffing import HTML, PDF, TEXT, check_declared_type, sniff_media_type

READERS = {PDF: read_pdf, HTML: read_html, TEXT: read_text}


def read_document(
    data: bytes, filename: str = "", declared_type: str = "", max_bytes: int | None = None
) -> Document:
    """
    The ``Document`` in ``data``, a file received as ``filename`` (as declared_type, for an
    upload); a ``DocumentError`` says why not. ``max_bytes`` refuses a larger file before any
    parsing.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise DocumentError(
            f"The file is {len(data):,} bytes, over the limit of {max_bytes:,} bytes "
            f"({max_bytes / 1e6:g} MB) for one document."
        )
    if not data.strip():
        raise DocumentError("The file is empty.")
    media_type = sniff_media_type(data)
    check_declared_type(media_type, filename, declared_type)
    document = READERS[media_type](data, declared_type)
    if document.language is None:
        document.language = detect_language(document.text)
    if document.published is None:
        document.published = printed_date(document.text, document.language)
    return document
