"""
PDFs: the text layer read with pypdf, in the order it is drawn, and laid out as paragraphs
(``pdf_layout``). Title, date, authors and language come from the document itself: the headline
set in the largest type on the first page (a PDF's own title field often holds a template's or a
file's name), a dateline near the top, else the document's information fields. A PDF that cannot
be read whole is refused, never read in part: a truncated, damaged or password-protected file,
or one whose pages are only images (OCR is not supported).
"""

import io
import re

import pypdf
from pypdf import PasswordType

from .dates import printed_date
from .document import Document, DocumentError
from .language import detect_language, language_code
from .pdf_layout import lay_out
from .pdf_lines import page_lines
from .sniffing import PDF

EXTRACTOR = "pypdf"
# A complete PDF ends with "%%EOF" (readers look for it in the last 1024 bytes). Without it,
# pypdf would rebuild what it can of a cut-off file and the end of the article would be lost.
END_MARKER = b"%%EOF"
END_MARKER_WITHIN = 1024
# Titles that name a file or the program that made it, not the document.
NOT_A_TITLE = re.compile(r"(\.(docx?|odt|rtf|pptx?|indd|pdf|txt)$)|^microsoft \w+ - ", re.I)


def read_pdf(data, declared_type=""):
    if END_MARKER not in data[-END_MARKER_WITHIN:]:
        raise DocumentError(
            "The PDF is incomplete: its end is missing, as when a download is cut off. "
            "Download it again and check that it opens."
        )
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        unlock(reader)
        pages = [page_lines(page) for page in reader.pages]
        info = document_information(reader)
    except DocumentError:
        raise
    except Exception as error:  # pypdf raises many kinds on malformed files; any means damaged
        raise DocumentError(
            f"The PDF is damaged and cannot be read ({type(error).__name__}: {error}). "
            "Ask for a new copy, or save it again from a viewer that opens it."
        ) from None
    if not pages:
        raise DocumentError("The PDF has no pages.")
    if not any(pages):
        raise DocumentError(
            f"The PDF has no text layer: its {len(pages)} page(s) are images, as in a scan, "
            "and OCR is not supported. Ask for the document as text or as a PDF made from it, "
            "or paste its text."
        )
    layout = lay_out(pages)
    language = info["language"] or detect_language(layout.text)
    return Document(
        text=layout.text,
        media_type=PDF,
        extractor=EXTRACTOR,
        extractor_version=pypdf.__version__,
        title=layout.headline or info["title"],
        # A dateline is what the document says; the creation date is when the file was made.
        published=printed_date(layout.text, language) or info["published"],
        authors=info["authors"],
        language=language,
        non_editorial=layout.non_editorial,
    )


def unlock(reader):
    """Open an encrypted PDF that needs no password to read (only to edit), or refuse it."""
    if not reader.is_encrypted:
        return
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise DocumentError(
            "The PDF is protected by a password, so its text cannot be read. Ask the sender for "
            "a copy without a password."
        )


def document_information(reader):
    """What the PDF's information fields say; a field that cannot be read counts as absent."""
    metadata = optional(lambda: reader.metadata)
    title = " ".join(str(optional(lambda: metadata.title) or "").split())
    authors = str(optional(lambda: metadata.author) or "").split(";")
    created = optional(lambda: metadata.creation_date)
    declared_language = optional(lambda: reader.root_object["/Lang"])
    return {
        "title": title if title and not NOT_A_TITLE.search(title) else None,
        "published": created.date().isoformat() if created else None,
        "authors": [name.strip() for name in authors if name.strip()],
        "language": language_code(str(declared_language or "")),
    }


def optional(read):
    try:
        return read()
    except Exception:  # a malformed date, a missing dictionary: pypdf says so in many ways
        return None
