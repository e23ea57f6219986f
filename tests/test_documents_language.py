"""Language detection (sourcing.documents.language) and dates (dates): what a document says."""

import pytest

from sourcing.documents import detect_language
from sourcing.documents.dates import printed_date, written_date
from sourcing.documents.language import language_code


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The joint venture will supply cells to two carmakers from 2026.", "en"),
        ("Talks with the regional government are ongoing, a spokesperson said.", "en"),
        ("La coentreprise fournira des cellules à deux constructeurs dès 2026.", "fr"),
        ("Les discussions avec la région se poursuivent, selon un porte-parole.", "fr"),
        ("Das Werk soll ab 2026 Zellen an zwei Autohersteller liefern.", "de"),
        ("電池工場の建設が来年始まる。", "ja"),
        ("该公司将在德国建设电池工厂。", "zh"),
    ],
)
def test_the_language_of_short_news_text(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "2024", "40 GWh, 2030", "LG Energy Solution"])
def test_unsure_is_none_never_a_guess(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("tag", "code"),
    [("fr-FR", "fr"), ("en_GB", "en"), ("DE", "de"), ("x-klingon", None), ("", None)],
)
def test_a_declared_language_tag_gives_its_iso_639_1_code(tag, code):
    assert language_code(tag) == code


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2024-03-12T08:30:00+01:00", "2024-03-12"),
        ("2024/03", "2024-03"),
        ("2024", "2024"),
        ("Tue, 12 Mar 2024 08:30:00 GMT", "2024-03-12"),
        ("2024-02-30", None),
        ("next week", None),
        ("", None),
    ],
)
def test_a_written_date_keeps_its_precision(value, date):
    assert written_date(value) == date


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("Saint-Nazaire, 14 May 2024 – The plant will double its output.", "en", "2024-05-14"),
        ("DETROIT, May 14, 2024 /PRNewswire/ -- The company said today...", "en", "2024-05-14"),
        ("Dunkerque, le 1er juin 2023 – Le fabricant a inauguré son usine.", "fr", "2023-06-01"),
        ("Berlin, 14. Mai 2024 – Der Konzern baut eine neue Fabrik.", "de", "2024-05-14"),
        ("2024年5月14日 – 新工場の建設が始まった。", "ja", "2024-05-14"),
        # A date a reader has to guess at (3 April or March 4?) is not read.
        ("Paris, 03/04/2024 – The plant will open next year.", "en", None),
        ("The plant will open on 31 June 2025.", "en", None),
    ],
)
def test_a_dateline_near_the_top_gives_the_publication_date(text, language, date):
    assert printed_date(text, language) == date


def test_a_date_deep_in_the_text_is_no_dateline():
    text = "The company gave no date for the decision. " * 20 + "It was taken on 3 May 2024."
    assert printed_date(text, "en") is None
