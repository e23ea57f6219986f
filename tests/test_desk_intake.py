"""Adding an article from the admin (paste or upload); dates typed as 2021, 2021-06, 2021-06-28."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sourcing.importing import printed_date
from sourcing.models import Article, DatePrecision, Stake

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


def test_an_uploaded_file_is_taken_in_under_its_name(editor_client):
    upload = SimpleUploadedFile("voltaris.txt", TEXT.encode("utf-8"))

    editor_client.post(ADD_URL, {"upload": upload, "language": "fr", "published": "2024"})

    article = Article.objects.get()
    assert (article.source_filename, article.body) == ("voltaris.txt", TEXT)
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
        ({"language": "fr"}, "Paste the article’s text or upload it"),
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


def test_a_date_printed_in_the_text_is_proposed(editor_client):
    reply = editor_client.post(reverse("admin:sourcing_article_printed_date"), {"text": TEXT})
    assert reply.json()["published"] == "2024-06-03"
    assert printed_date("Paris, May 30, 2023 — ACC opens") == "2023-05-30"
    assert printed_date("No date here, only 12 GWh.") == ""


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


def test_the_language_of_a_pasted_text_is_proposed_with_its_date(editor_client):
    url = reverse("admin:sourcing_article_printed_date")
    french = (
        "Lille, le 12 février 2025 – La société nordiste a signé un protocole d'accord de "
        "partenariat portant sur le recyclage des rebuts de production de l'usine."
    )
    english = "The company said on Tuesday it would build its first gigafactory near the coast."

    assert editor_client.post(url, {"text": french}).json() == {
        "published": "2025-02-12",
        "language": "fr",
    }
    assert editor_client.post(url, {"text": english}).json()["language"] == "en"
    assert editor_client.post(url, {"text": "  "}).json()["language"] == ""
