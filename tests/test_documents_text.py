"""What a file is (sourcing.documents.sniffing), plain text (plain), and the size limit."""

import pytest

from sourcing.documents import DocumentError, read_document
from tests.document_samples import page, press_release_pdf

RELEASE = (
    "Orbis ouvre une usine à Dunkerque\r\n"
    "\r\n"
    "Dunkerque, le 1er juin 2023 – Le fabricant a inauguré jeudi son usine de cellules, où "
    "travailleront bientôt 450 salariés.\r\n"
)


def test_text_is_kept_as_received_with_its_line_endings_made_uniform():
    document = read_document(RELEASE.encode("utf-8"), "orbis.txt")
    assert document.text == RELEASE.replace("\r\n", "\n")
    assert document.media_type == "text/plain"
    assert (document.extractor, document.extractor_version) == ("plain text", "")
    assert document.non_editorial == []


def test_what_a_text_does_not_say_is_read_from_it():
    document = read_document(RELEASE.encode("utf-8"), "orbis.txt")
    assert document.language == "fr"
    assert document.published == "2023-06-01"  # the dateline
    assert document.title is None  # the caller's rule (the first line) applies


def test_old_mac_line_endings_and_a_byte_order_mark():
    document = read_document(b"\xef\xbb\xbfFirst line\rSecond line\r", "notes.txt")
    assert document.text == "First line\nSecond line\n"


def test_text_in_another_encoding_is_refused_naming_the_byte():
    with pytest.raises(DocumentError, match=r"not UTF-8 text \(byte 0xe0 at offset 22"):
        read_document("Orbis ouvre une usine à Dunkerque".encode("latin-1"), "orbis.txt")


def test_utf16_text_is_refused_with_what_to_do():
    with pytest.raises(DocumentError, match="UTF-16 text: save it as UTF-8"):
        read_document("Orbis".encode("utf-16"), "orbis.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty"),
        (b" \n\t\n", "The file is empty"),
        ("\u200b\u200b\n".encode(), "no visible text"),
    ],
)
def test_a_file_without_text_is_refused(data, message):
    with pytest.raises(DocumentError, match=message):
        read_document(data, "empty.txt")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Microsoft Office document"),
        (b"{\\rtf1\\ansi Orbis}", "an RTF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"Orbis\x00\x01\x02\x03 binary", "binary data"),
    ],
)
def test_a_type_that_is_none_of_text_html_or_pdf_is_refused_by_name(data, named):
    with pytest.raises(DocumentError, match="only plain text, web pages") as refusal:
        read_document(data, "release.txt")
    assert named in str(refusal.value)


def test_the_bytes_decide_the_type_not_the_name():
    assert read_document(press_release_pdf(), "release.html").media_type == "application/pdf"
    assert read_document(page("news-page.html"), "page.txt").media_type == "text/html"
    fragment = b"<p>Orbis opened its cell plant near Dunkirk on Thursday.</p>"
    assert read_document(fragment, "x.txt").media_type == "text/html"
    assert read_document(b"Orbis <b>opened</b> it.", "x.html").media_type == "text/plain"


@pytest.mark.parametrize(
    ("filename", "declared_type"), [("release.pdf", ""), ("download", "application/pdf")]
)
def test_a_pdf_that_is_really_a_web_page_is_refused(filename, declared_type):
    with pytest.raises(DocumentError, match="named or sent as a PDF, but its content is a web"):
        read_document(page("news-page.html"), filename, declared_type)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    data = press_release_pdf()
    truncated = data[:-100]
    with pytest.raises(DocumentError, match=f"{len(truncated):,} bytes, over the limit of 1,000"):
        read_document(truncated, "release.pdf", max_bytes=1_000)
    assert read_document(data, "release.pdf", max_bytes=len(data)).text
