"""
What a file is, read from its bytes, never from its name: the WHATWG MIME sniffing rules, cut to
the three types that can be imported (PDF, HTML, plain text). The name and the type a browser
declares only serve to catch one mismatch, a ".pdf" whose bytes are a web page, which is nearly
always a download that returned the site's error or login page instead of the document.
"""

from .document import DocumentError

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"

DESCRIPTIONS = {PDF: "a PDF", HTML: "a web page (HTML)", TEXT: "plain text"}

# Readers accept a PDF header anywhere in the first 1024 bytes (some generators write junk first).
PDF_HEADER = b"%PDF-"
PDF_HEADER_WITHIN = 1024

# WHATWG "rules for identifying an unknown MIME type": an HTML document starts, after
# whitespace, with one of these tags (any case) followed by a space or ">".
HTML_OPENINGS = (
    b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div", b"<font",
    b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p", b"<!--",
)  # fmt: skip
WHITESPACE = b"\t\n\x0c\r "
UTF8_BOM = b"\xef\xbb\xbf"

# Files editors are likely to be sent, named so the refusal says what to do with them.
OTHER_TYPES = (
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or an OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls, .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%!PS", "a PostScript file"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)
# WHATWG's "binary data bytes": control characters that no text file contains.
BINARY_BYTES = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
SNIFFED_LENGTH = 1445
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def sniff_media_type(data):
    """PDF, HTML or TEXT for ``data``, or a ``DocumentError`` naming what else it is."""
    if PDF_HEADER in data[:PDF_HEADER_WITHIN]:
        return PDF
    if looks_like_html(data):
        return HTML
    if data.startswith(UTF16_BOMS):
        return TEXT  # refused when decoded, with the advice to save it as UTF-8
    for signature, description in OTHER_TYPES:
        if data.startswith(signature):
            raise unsupported(description)
    if any(byte in BINARY_BYTES for byte in data[:SNIFFED_LENGTH]):
        raise unsupported("binary data, not text")
    return TEXT


def looks_like_html(data):
    head = data[:SNIFFED_LENGTH]
    head = head.removeprefix(UTF8_BOM).lstrip(WHITESPACE)
    if head.startswith(b"<?xml"):
        # A page saved as XHTML: the markup starts after the XML declaration.
        head = head[head.find(b"?>") + 2 :].lstrip(WHITESPACE) if b"?>" in head else b""
    head = head.lower()
    return any(
        head.startswith(opening) and head[len(opening) : len(opening) + 1] in (b" ", b">")
        for opening in HTML_OPENINGS
    )


def unsupported(description):
    return DocumentError(
        f"The file is {description}, which cannot be imported: only plain text, web pages (HTML) "
        "and PDFs can. Save it as a PDF or as text first."
    )


def check_declared_type(media_type, filename="", declared_type=""):
    """Refuse a file named or sent as a PDF whose bytes are something else (see the docstring)."""
    declared = declared_type.split(";")[0].strip().lower()
    said_pdf = filename.lower().endswith(".pdf") or declared == PDF
    if said_pdf and media_type != PDF:
        raise DocumentError(
            f"The file is named or sent as a PDF, but its content is {DESCRIPTIONS[media_type]}: "
            "usually a download that returned a web page (an error or login page) instead of "
            "the document. Download the PDF again and check that it opens."
        )
