"""Reading web pages (sourcing.documents.html, html_metadata) on pages written for the purpose."""

import pytest
import trafilatura

from sourcing.documents import DocumentError, read_document
from tests.document_samples import page

NEWS_SENTENCES = [
    "Voltaria to build €1.4bn cathode plant in Ostrava",
    "The Czech site will supply cathode material to three cell makers from 2027.",
    "Voltaria, the Finnish materials group, said on Tuesday it would invest €1.4 billion in a "
    "cathode active material plant in Ostrava, in the east of the Czech Republic.",
    "The plant is designed to produce 60,000 tonnes of nickel-rich cathode material a year when "
    "fully built, enough for roughly 700,000 electric cars.",
    "Construction is due to begin in the autumn, and the first production line should start in "
    "the second half of 2027.",
    "Three cell makers have signed letters of intent to buy the plant's output, chief executive "
    "Marta Lindqvist told reporters.",
    "She declined to name them, citing confidentiality agreements, but said two of them already "
    "operate factories in central Europe.",
    "“Ostrava gives us a skilled workforce, a rail link to the cell plants and renewable power at "
    "a price we can plan on,” Lindqvist said.",
    "The Czech government has approved an investment incentive of up to 3.2 billion koruna, "
    "subject to clearance by the European Commission.",
    "The region expects about 900 direct jobs once the second line is running.",
    "Voltaria's shares rose 6% in Helsinki after the announcement.",
    "Analysts at Nordkap Securities said the project would lift the group's capacity to about "
    "160,000 tonnes a year, but warned that a slower market for electric vehicles could delay the "
    "second phase.",
    "The company did not say how the plant would be financed.",
    "In January it raised €500 million in a rights issue to fund its existing site in Vaasa.",
]
# Words of the page's navigation, cookie banner, scripts, share buttons, related links,
# advertising, newsletter box, reader comments and footer.
SITE_FURNITURE = [
    "cookies",
    "Accept all",
    "Recycling",
    "Subscribe",
    "Sign in",
    "Search the Ledger",
    "Share on",
    "Read also",
    "Nickel price slump",
    "renderAd",
    "Advertisement",
    "Get the Ledger daily",
    "gridwatcher",
    "steelworks closure",
    "Post comment",
    "Related stories",
    "Sodium-ion makers",
    "All rights reserved",
    "Privacy policy",
    "gtag",
    "NewsArticle",
]


def html_page(head="", body="", lang=None, charset="utf-8"):
    """A small page with ``body`` as its article, encoded in ``charset``."""
    html_lang = f' lang="{lang}"' if lang else ""
    return (
        f'<!DOCTYPE html><html{html_lang}><head><meta charset="{charset}">{head}</head>'
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{body}</article><footer>© 2023 Example News</footer></body></html>"
    ).encode(charset)


ARTICLE = (
    "<h1>Kestrel Cells opens a sales office</h1>"
    "<p>Kestrel Cells opened a sales office in Lyon on Monday, its first outside Germany.</p>"
    "<p>It employs six people and will serve carmakers in France and Spain.</p>"
)


@pytest.fixture(scope="module")
def news():
    return read_document(page("news-page.html"), "voltaria-ostrava.html", "text/html")


@pytest.mark.parametrize("sentence", NEWS_SENTENCES)
def test_every_sentence_of_the_article_can_be_quoted_whole(news, sentence):
    assert sentence in news.text


@pytest.mark.parametrize("furniture", SITE_FURNITURE)
def test_the_site_around_the_article_is_left_out(news, furniture):
    assert furniture not in news.text


def test_paragraphs_are_kept_with_a_blank_line_between_them(news):
    paragraphs = news.text.split("\n\n")
    assert paragraphs[:2] == [NEWS_SENTENCES[0], NEWS_SENTENCES[1]]
    assert paragraphs[-1] == (
        "The company did not say how the plant would be financed. In January it raised "
        "€500 million in a rights issue to fund its existing site in Vaasa."
    )
    assert all("\n" not in paragraph for paragraph in paragraphs)


def test_metadata_comes_from_the_page(news):
    assert news.media_type == "text/html"
    assert news.title == "Voltaria to build €1.4bn cathode plant in Ostrava"
    assert news.published == "2024-03-12"  # first published, not modified on the 13th
    assert news.authors == ["Hana Král", "Tom Brennan"]
    assert news.language == "en"
    assert news.non_editorial == []
    assert (news.extractor, news.extractor_version) == ("trafilatura", trafilatura.__version__)


def test_a_page_with_no_article_is_refused():
    with pytest.raises(DocumentError, match="No article text was found on the page"):
        read_document(page("no-article.html"), "cell-ledger-home.html")


def test_a_short_article_comes_without_the_site_navigation():
    document = read_document(html_page(body=ARTICLE))
    assert document.text == (
        "Kestrel Cells opens a sales office\n\n"
        "Kestrel Cells opened a sales office in Lyon on Monday, its first outside Germany.\n\n"
        "It employs six people and will serve carmakers in France and Spain."
    )


def test_a_date_is_kept_at_the_precision_it_is_written_and_scholarly_authors_whole():
    head = (
        '<meta name="citation_publication_date" content="2024/03">'
        '<meta name="citation_author" content="Doe, Jane">'
        '<meta name="citation_author" content="Roe, Richard">'
    )
    document = read_document(html_page(head=head, body=ARTICLE))
    assert document.published == "2024-03"
    assert document.authors == ["Doe, Jane", "Roe, Richard"]


def test_a_time_element_of_the_article_dates_it():
    body = f'<p class="byline"><time datetime="2023-11-07T10:00:00Z">7 Nov</time></p>{ARTICLE}'
    assert read_document(html_page(body=body)).published == "2023-11-07"


def test_a_copyright_year_is_no_publication_date():
    assert read_document(html_page(body=ARTICLE)).published is None


def test_the_declared_encoding_and_language_are_used():
    body = (
        "<h1>Orbis ouvre une usine à Dunkerque</h1>"
        "<p>Le fabricant français a inauguré jeudi son usine de cellules, où travailleront "
        "bientôt 450 salariés.</p>"
    )
    document = read_document(html_page(body=body, lang="fr-FR", charset="windows-1252"))
    assert "Orbis ouvre une usine à Dunkerque" in document.text
    assert "Le fabricant français a inauguré jeudi son usine de cellules" in document.text
    assert document.language == "fr"


def test_the_language_is_detected_when_the_page_does_not_say_it():
    body = (
        "<p>Le fabricant a inauguré jeudi son usine de cellules près de Dunkerque, où "
        "travailleront bientôt 450 salariés.</p>"
    )
    assert read_document(html_page(body=body)).language == "fr"
