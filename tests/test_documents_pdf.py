"""Reading PDFs (sourcing.documents.pdf, pdf_lines, pdf_layout) on PDFs typeset for the purpose."""

import datetime
import io

import pypdf
import pytest

from sourcing.documents import BOILERPLATE, DocumentError, read_document
from sourcing.models import NonEditorialSpan
from tests.document_samples import (
    BODY,
    PRESS_RELEASE_SENTENCES,
    RUNNING_HEAD,
    TITLE,
    encrypted_copy,
    press_release_pdf,
    scanned_pdf,
    typeset_pdf,
)


@pytest.fixture(scope="module")
def release_pdf():
    return press_release_pdf()


@pytest.fixture(scope="module")
def release(release_pdf):
    return read_document(release_pdf, "halden-kokkola.pdf")


def paragraphs(document):
    return document.text.split("\n\n")


@pytest.mark.parametrize("sentence", PRESS_RELEASE_SENTENCES)
def test_every_sentence_can_be_quoted_whole(release, sentence):
    assert sentence in release.text


def test_a_hyphen_at_a_line_end_is_undone_only_where_the_document_writes_the_word_whole(release):
    assert "total investment at" in release.text  # "investment" occurs on another line
    assert "offtake agreements covering" in release.text  # across a page, "agree-ments" nowhere
    assert "lithium-ion cell makers" in release.text  # only "lithium-ion" occurs elsewhere
    assert "Franco-German consortium" in release.text  # a capital after the hyphen
    assert "invest-" not in release.text and "lithiumion" not in release.text


def test_paragraphs_are_kept_and_lines_inside_them_joined(release):
    assert (
        "Halden puts the total investment at €620 million. The investment includes a water "
        "treatment unit and a rail siding, and will be financed with equity, a green loan and a "
        "grant from the Finnish state."
    ) in paragraphs(release)
    # The heading in a larger type is a paragraph of its own, not the start of the next one.
    assert "About Halden Materials" in paragraphs(release)
    assert all("\n" not in paragraph for paragraph in paragraphs(release))


def test_running_heads_and_page_numbers_are_kept_but_proposed_as_non_editorial(release):
    marked = [release.text[start:end] for start, end, _ in release.non_editorial]
    assert marked == [
        RUNNING_HEAD,
        "Page 1 of 3",
        RUNNING_HEAD,
        "Page 2 of 3",
        RUNNING_HEAD,
        "Page 3 of 3",
    ]
    assert {kind for _, _, kind in release.non_editorial} == {BOILERPLATE}


def test_page_furniture_never_falls_inside_a_sentence(release):
    sentences = [
        (release.text.index(sentence), release.text.index(sentence) + len(sentence))
        for sentence in PRESS_RELEASE_SENTENCES
    ]
    for start, end, _ in release.non_editorial:
        assert not any(start < sentence_end and end > begin for begin, sentence_end in sentences)


def test_the_kind_of_span_proposed_is_one_an_article_can_store():
    assert BOILERPLATE in NonEditorialSpan.Kind.values


def test_metadata_comes_from_the_document_itself(release):
    assert release.media_type == "application/pdf"
    # The headline, not the title field (a Word file's name); the dateline, not the file's date.
    assert release.title == "Halden Materials picks Kokkola for its second precursor plant"
    assert release.published == "2024-10-03"
    assert release.authors == ["Halden Materials Communications"]
    assert release.language == "en"  # not declared: detected
    assert (release.extractor, release.extractor_version) == ("pypdf", pypdf.__version__)


def test_the_information_fields_are_used_when_the_text_gives_no_headline_or_dateline():
    data = typeset_pdf(
        [
            (
                BODY,
                [
                    "La société construira une usine de cellules près de Dunkerque,",
                    "a-t-elle indiqué.",
                ],
            )
        ],
        info={
            "title": "Une nouvelle usine près de Dunkerque",
            "author": "Service de presse",
            "created": datetime.datetime(2023, 6, 1, 9, 30, tzinfo=datetime.UTC),
        },
        language="fr-FR",
        running_head="",
    )
    document = read_document(data, "communique.pdf")
    assert document.title == "Une nouvelle usine près de Dunkerque"
    assert document.published == "2023-06-01"
    assert document.authors == ["Service de presse"]
    assert document.language == "fr"


def test_a_title_field_that_names_a_file_is_no_title():
    data = typeset_pdf(
        [(BODY, ["The plant will open in 2026, the company said on Monday."])],
        info={
            "title": "Microsoft Word - release_final_v3.docx",
            "author": "",
            "created": datetime.datetime(2023, 6, 1, tzinfo=datetime.UTC),
        },
        running_head="",
    )
    assert read_document(data).title is None


def test_a_headline_is_the_largest_type_on_the_first_page():
    data = typeset_pdf(
        [
            (TITLE, ["Cell plant opens in Navarre"]),
            (BODY, ["The plant will open in 2026, the company said on Monday."]),
        ],
        running_head="",
    )
    assert read_document(data).title == "Cell plant opens in Navarre"


def test_a_pdf_that_opens_without_a_password_is_read(release_pdf, release):
    document = read_document(encrypted_copy(release_pdf, user_password=""), "halden.pdf")
    assert document.text == release.text


def test_a_password_protected_pdf_is_refused(release_pdf):
    with pytest.raises(DocumentError, match="protected by a password"):
        read_document(encrypted_copy(release_pdf, user_password="kokkola"), "halden.pdf")


def test_a_truncated_pdf_is_refused_rather_than_read_in_part(release_pdf):
    with pytest.raises(DocumentError, match="incomplete: its end is missing"):
        read_document(release_pdf[: len(release_pdf) * 2 // 3], "halden.pdf")


def test_a_damaged_pdf_is_refused():
    damaged = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n"
    with pytest.raises(DocumentError, match="damaged and cannot be read"):
        read_document(damaged, "broken.pdf")


def test_a_scanned_pdf_without_a_text_layer_is_refused():
    with pytest.raises(DocumentError, match="no text layer") as refusal:
        read_document(scanned_pdf(pages=2), "scan.pdf")
    assert "OCR is not supported" in str(refusal.value)
    assert "2 page(s)" in str(refusal.value)


def test_information_fields_that_cannot_be_read_are_left_out(release_pdf):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(release_pdf)))
    writer.add_metadata({"/CreationDate": "last Tuesday", "/Title": "Kokkola press release"})
    output = io.BytesIO()
    writer.write(output)
    document = read_document(output.getvalue(), "halden.pdf")
    assert document.published == "2024-10-03"  # the dateline still
    assert "Two customers have signed offtake agreements" in document.text
