"""
Adding an article from the admin (paste, or upload a text file, a web page or a PDF), with the
document's own metadata proposed; dates typed as 2021, 2021-06, 2021-06-28.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sourcing.models import Article, DatePrecision, NonEditorialSpan, Original, Stake
from tests.document_samples import (
    RUNNING_HEAD,
    encrypted_copy,
    page,
    press_release_pdf,
    scanned_pdf,
)

from .factories import (
    change_url,
    changeform_data,
    client_for,
    make_article,
    make_company,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db

TEXT = "Voltaris raises funds\r\n\r\nGrenoble, 3 juin 2024 – Voltaris lève 20 millions d’euros.\r\n"
ADD_URL = reverse("admin:sourcing_article_add")
METADATA_URL = reverse("admin:sourcing_article_document_metadata")


@pytest.fixture
def editor_client(client):
    return client_for(client, make_user("edith", "Editors"))


def test_pasted_text_becomes_an_article_kept_as_received_and_opens_its_desk(editor_client):
    reply = editor_client.post(
        ADD_URL, {"text": TEXT, "language": "fr", "publisher": "Les Echos", "published": "2024-06"}
    )

    article = Article.objects.get()
    assert reply.status_code == 302
    assert reply["Location"] == reverse("admin:sourcing_article_desk", args=[article.pk])
    assert article.body == TEXT.replace("\r\n", "\n")  # the browser's line endings, not the text's
    assert article.title == "Voltaris raises funds"
    assert (article.published, article.published_precision) == ("2024-06", DatePrecision.MONTH)
    assert article.source_filename.startswith("pasted-")
    assert article.history.get().history_change_reason == "import_article"


def test_an_uploaded_file_is_taken_in_under_its_name_and_kept_byte_for_byte(editor_client):
    upload = SimpleUploadedFile("voltaris.txt", TEXT.encode("utf-8"))

    editor_client.post(ADD_URL, {"upload": upload, "language": "fr", "published": "2024"})

    article = Article.objects.get()
    # The text has the line endings of text; the original keeps the file's own.
    assert (article.source_filename, article.body) == ("voltaris.txt", TEXT.replace("\r\n", "\n"))
    assert article.original.file.read() == TEXT.encode("utf-8")
    assert article.published_precision == DatePrecision.YEAR


def test_the_same_text_again_is_refused_naming_the_article_it_duplicates(editor_client):
    existing = make_article(body=TEXT.replace("\r\n", "\n"))

    reply = editor_client.post(ADD_URL, {"text": TEXT, "language": "fr"})

    assert reply.status_code == 200
    assert f"the same text is already article {existing.pk}" in reply.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"language": "fr"}, "Paste the article’s text or upload its file"),
        ({"text": "x", "language": "fr", "published": "2021-13"}, "is not a valid date"),
        ({"text": "x", "language": "fr", "published": "June"}, "is not a date of the form"),
        ({"upload": b"caf\xe9", "language": "fr"}, "not UTF-8 text"),
        ({"text": "  \u200b ", "language": "fr"}, "has no visible text"),
    ],
)
def test_bad_input_is_a_message_and_nothing_is_saved(editor_client, data, message):
    if "upload" in data:
        data["upload"] = SimpleUploadedFile("bad.txt", data["upload"])
    reply = editor_client.post(ADD_URL, data)

    assert reply.status_code == 200
    assert message in reply.content.decode().replace("&#x27;", "’").replace("&rsquo;", "’")
    assert not Article.objects.exists()


def test_the_date_and_language_of_pasted_text_are_proposed(editor_client):
    reply = editor_client.post(METADATA_URL, {"text": TEXT})

    assert reply.json() == {
        "title": "Voltaris raises funds",
        "published": "2024-06-03",
        "authors": "",
        "language": "fr",
        "language_found": "French (fr)",
        "media_type": "text/plain",
    }
    assert not Article.objects.exists()


def test_the_intake_page_preselects_nothing_and_offers_detection(editor_client):
    page_html = editor_client.get(ADD_URL).content.decode()

    assert '<option value="" selected>Detect from the text</option>' in page_html
    assert 'accept=".html,.htm,.pdf,.txt"' in page_html


def test_a_stake_date_typed_as_a_year_sets_the_year_precision(editor_client):
    stake = make_stake(holder=make_company("Stellantis"), target=make_company("Voltaris"))
    page = editor_client.get(change_url(stake))
    data = changeform_data(page)
    data["as_of"] = "2021"

    reply = editor_client.post(change_url(stake), data)

    assert reply.status_code == 302
    stake.refresh_from_db()
    assert (stake.as_of_display, stake.as_of_precision) == ("2021", DatePrecision.YEAR)
    # The page shows it again as typed.
    assert 'value="2021"' in editor_client.get(change_url(stake)).content.decode()


@pytest.mark.parametrize(
    "typed, wrong",
    [("2021-02-30", "day"), ("2021-13", "month"), ("2021-00-10", "month"), ("0000", "year")],
)
def test_a_date_that_is_no_date_is_an_error_on_its_own_field_naming_the_wrong_part(
    editor_client, typed, wrong
):
    stake = make_stake()
    data = changeform_data(editor_client.get(change_url(stake)))
    data["as_of"] = typed

    reply = editor_client.post(change_url(stake), data)

    assert reply.status_code == 200
    assert f"no such {wrong}" in str(reply.context["adminform"].form.errors["as_of"])
    assert Stake.objects.get().as_of is None


# -- Web pages and PDFs ---------------------------------------------------------------------------

SPANISH = (
    "La empresa construirá una nueva fábrica de baterías en Valencia, que empleará a tres mil "
    "personas a partir de 2026, según ha informado hoy el consejero delegado de la compañía.\n"
)


def upload(name, data, content_type=""):
    return SimpleUploadedFile(name, data, content_type=content_type or "application/octet-stream")


def nothing_stored(media_root):
    return (
        not Article.objects.exists()
        and not Original.objects.exists()
        and not [path for path in (media_root / "originals").rglob("*") if path.is_file()]
    )


def test_a_web_page_becomes_an_article_with_the_page_metadata_and_its_original(
    editor_client, settings
):
    data = page("news-page.html")

    reply = editor_client.post(ADD_URL, {"upload": upload("voltaria.html", data, "text/html")})

    article = Article.objects.get()
    assert reply.status_code == 302
    assert article.title == "Voltaria to build €1.4bn cathode plant in Ostrava"
    assert (article.language, article.published) == ("en", "2024-03-12")
    assert article.authors == "Hana Král, Tom Brennan"
    assert article.extractor == "trafilatura"
    assert "Accept all cookies" not in article.body
    original = article.original
    assert (original.filename, original.media_type, original.size) == (
        "voltaria.html",
        "text/html",
        len(data),
    )
    assert original.file.read() == data
    assert "title, publication date, authors, language" in article.metadata_notes


def test_what_the_editor_fills_in_wins_over_what_the_page_says(editor_client):
    editor_client.post(
        ADD_URL,
        {
            "upload": upload("voltaria.html", page("news-page.html")),
            "title": "Voltaria picks Ostrava",
            "language": "fr",
            "published": "2024-03",
            "authors": "Newsroom",
        },
    )

    article = Article.objects.get()
    assert (article.title, article.language, article.authors) == (
        "Voltaria picks Ostrava",
        "fr",
        "Newsroom",
    )
    assert (article.published, article.published_precision) == ("2024-03", DatePrecision.MONTH)
    assert article.metadata_notes == ""  # nothing was taken from the page


def test_a_pdf_becomes_an_article_with_its_running_heads_marked_non_editorial(editor_client):
    data = press_release_pdf()

    editor_client.post(ADD_URL, {"upload": upload("halden.pdf", data, "application/pdf")})

    article = Article.objects.get()
    assert article.title == "Halden Materials picks Kokkola for its second precursor plant"
    assert (article.published, article.language) == ("2024-10-03", "en")
    assert "Halden puts the total investment at €620 million." in article.body
    spans = NonEditorialSpan.objects.filter(article=article)
    assert [span.text for span in spans][:2] == [RUNNING_HEAD, "Page 1 of 3"]
    assert {span.kind for span in spans} == {NonEditorialSpan.Kind.BOILERPLATE}
    assert (article.original.media_type, article.original.file.read()) == ("application/pdf", data)
    assert article.extractor == "pypdf"


def test_the_metadata_of_an_uploaded_pdf_is_proposed_and_nothing_stored(editor_client, settings):
    reply = editor_client.post(METADATA_URL, {"upload": upload("halden.pdf", press_release_pdf())})

    assert reply.json()["title"] == "Halden Materials picks Kokkola for its second precursor plant"
    assert (reply.json()["published"], reply.json()["language"]) == ("2024-10-03", "en")
    assert nothing_stored(settings.MEDIA_ROOT)


def test_a_file_that_cannot_be_read_is_named_as_soon_as_it_is_chosen(editor_client):
    reply = editor_client.post(METADATA_URL, {"upload": upload("scan.pdf", scanned_pdf(1))})

    assert "OCR is not supported" in reply.json()["error"]


def test_an_unsupported_language_is_named_on_the_language_field(editor_client, settings):
    reply = editor_client.post(ADD_URL, {"text": SPANISH})

    errors = reply.context["form"].errors
    assert "The document is in Spanish (es), which is not one of the languages" in str(
        errors["language"]
    )
    assert nothing_stored(settings.MEDIA_ROOT)
    # Given by the editor, the language is taken as given.
    editor_client.post(ADD_URL, {"text": SPANISH, "language": "fr"})
    assert Article.objects.get().language == "fr"


def truncated_pdf():
    data = press_release_pdf()
    return data[: len(data) // 2]


BAD_FILES = [
    (
        "locked.pdf",
        lambda: encrypted_copy(press_release_pdf(), "secret"),
        "protected by a password",
    ),
    ("cut.pdf", truncated_pdf, "The PDF is incomplete"),
    ("scan.pdf", lambda: scanned_pdf(1), "OCR is not supported"),
    ("home.html", lambda: page("no-article.html"), "No article text was found on the page"),
    (
        "photo.png",
        lambda: b"\x89PNG\r\n\x1a\n" + bytes(64),
        "a PNG image, which cannot be imported",
    ),
    ("big.txt", lambda: b"Northvolt opens a plant.\n" * 500, "over the limit of 10,000 bytes"),
    ("ab.txt", lambda: b"AB 12\n", "The language of the text could not be told"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES)
def test_a_bad_upload_is_a_message_and_nothing_is_stored(
    editor_client, settings, name, make, message
):
    settings.ARTICLE_MAX_BYTES = 10_000

    reply = editor_client.post(ADD_URL, {"upload": upload(name, make())})

    assert reply.status_code == 200
    assert message in reply.content.decode().replace("&#x27;", "'")
    assert nothing_stored(settings.MEDIA_ROOT)


def test_the_same_file_again_is_refused_naming_its_article(editor_client, settings):
    data = press_release_pdf()
    editor_client.post(ADD_URL, {"upload": upload("halden.pdf", data)})
    first = Article.objects.get()

    reply = editor_client.post(ADD_URL, {"upload": upload("halden-copy.pdf", data)})

    assert f"the same file is already the original of article {first.pk}" in str(
        reply.context["form"].errors["upload"]
    )
    assert Article.objects.count() == Original.objects.count() == 1
    assert len(list((settings.MEDIA_ROOT / "originals").rglob("*.pdf"))) == 1
