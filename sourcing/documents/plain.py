"""
Plain text: UTF-8 (a byte order mark is dropped), line endings made "\n", nothing else changed,
so the text is stored as the editor received it. Anything else is refused with what to do.
"""

import unicodedata

from .document import Document, DocumentError
from .sniffing import TEXT, UTF8_BOM, UTF16_BOMS

EXTRACTOR = "plain text"


def read_text(data, declared_type=""):
    return Document(
        text=decode_text(data), media_type=TEXT, extractor=EXTRACTOR, extractor_version=""
    )


def decode_text(data):
    """The text of ``data``, or a ``DocumentError`` saying why it is not usable text."""
    if data.startswith(UTF16_BOMS):
        raise DocumentError("The file is UTF-16 text: save it as UTF-8 and import it again.")
    try:
        text = data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start} "
            "cannot be decoded): save it as UTF-8 and import it again."
        ) from None
    # PostgreSQL text columns cannot hold NUL, and no article contains one.
    if "\x00" in text:
        raise DocumentError("The file contains NUL characters, so it is not a text document.")
    text = normalise_line_endings(text)
    if not has_visible_text(text):
        raise DocumentError("The file has no visible text (only spaces or invisible characters).")
    return text


def normalise_line_endings(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_visible_text(text):
    # Spaces, controls and format characters (zero-width spaces, byte order marks) show nothing.
    return any(
        not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf"} for char in text
    )
