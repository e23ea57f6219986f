"""
The originals of articles: downloaded by staff with the exact bytes, a 404 for anyone else, never
shown inline; the API's ``original`` field (its URL for staff only), in the schema and the CSV;
the link on the article's admin page; the file removed with its article.
"""

import csv
import io

import pytest
import yaml
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sourcing import importing
from sourcing.models import Article, Original
from tests.document_samples import page, press_release_pdf

from .factories import change_url, client_for, make_article, make_user

pytestmark = pytest.mark.django_db


def take_in(name, data):
    return importing.store(importing.prepare(importing.Received(name, name, data)))


@pytest.fixture
def release():
    return take_in("halden.pdf", press_release_pdf())


def download_url(article):
    return reverse("pages:article-original", args=[article.pk])


def test_staff_download_the_exact_bytes_as_an_attachment(client, release):
    client_for(client, make_user("edith", "Editors"))

    reply = client.get(download_url(release))

    assert reply.status_code == 200
    assert b"".join(reply.streaming_content) == press_release_pdf()
    assert reply["Content-Type"] == "application/pdf"
    assert reply["Content-Disposition"] == 'attachment; filename="halden.pdf"'


def test_a_stored_web_page_is_never_run_in_the_site(client):
    news = take_in("voltaria.html", page("news-page.html"))
    client_for(client, make_user("edith", "Editors"))

    reply = client.get(download_url(news))

    assert reply["Content-Disposition"].startswith("attachment")
    assert reply["Content-Security-Policy"] == "sandbox"
    assert reply["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_anyone_but_staff_gets_a_404(client, release, who):
    if who == "not staff":
        client_for(client, make_user("reader", is_staff=False))

    assert client.get(download_url(release)).status_code == 404


def test_an_article_without_an_original_or_an_unknown_one_is_a_404(client):
    client_for(client, make_user("edith", "Editors"))

    assert client.get(download_url(make_article())).status_code == 404
    assert client.get("/articles/99999999999999999999999/original/").status_code == 404


def test_the_file_is_not_served_as_a_static_or_media_file(client, release):
    name = release.original.file.name

    for prefix in ("/", "/media/", "/static/"):
        assert client.get(prefix + name).status_code == 404


# -- The API ---------------------------------------------------------------------------------------


def test_the_api_gives_staff_the_original_with_its_url(client, release):
    client_for(client, make_user("edith", "Editors"))

    original = client.get(f"/api/v1/articles/{release.pk}/").json()["original"]

    assert original == {
        "filename": "halden.pdf",
        "media_type": "application/pdf",
        "sha256": Original.objects.get().sha256,
        "url": f"http://testserver{download_url(release)}",
    }


def test_the_api_gives_anyone_else_the_original_without_its_url(client, release):
    listed = client.get("/api/v1/articles/").json()["results"]

    assert listed[0]["original"]["url"] is None
    assert listed[0]["original"]["filename"] == "halden.pdf"


def test_an_article_without_an_original_has_null(client):
    article = make_article()

    assert client.get(f"/api/v1/articles/{article.pk}/").json()["original"] is None


def test_the_list_reads_the_originals_without_a_query_per_article(client, release):
    make_article()
    client.get("/api/v1/articles/")  # warm up the content types and the change log
    with CaptureQueriesContext(connection) as two_articles:
        client.get("/api/v1/articles/")
    take_in("voltaria.html", page("news-page.html"))
    make_article()

    with CaptureQueriesContext(connection) as four_articles:
        reply = client.get("/api/v1/articles/")

    assert len(four_articles) == len(two_articles)
    assert [row["original"] is None for row in reply.json()["results"]].count(True) == 2


def test_the_csv_has_a_column_per_part_of_the_original(client, release):
    make_article()
    client_for(client, make_user("edith", "Editors"))

    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/articles/?format=csv").text)))

    by_file = {row["source_filename"]: row for row in rows}
    assert by_file["halden.pdf"]["original_filename"] == "halden.pdf"
    assert by_file["halden.pdf"]["original_media_type"] == "application/pdf"
    assert by_file["halden.pdf"]["original_sha256"] == release.original.sha256
    assert by_file["halden.pdf"]["original_url"].endswith(download_url(release))
    other = next(row for name, row in by_file.items() if name != "halden.pdf")
    assert other["original_filename"] == other["original_url"] == ""


def test_the_schema_describes_the_original(client):
    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    components = schema["components"]["schemas"]

    field = components["Article"]["properties"]["original"]
    reference = field["allOf"][0]["$ref"] if "allOf" in field else field["$ref"]
    original = components[reference.rsplit("/", 1)[1]]
    assert set(original["properties"]) == {"filename", "media_type", "sha256", "url"}
    assert original["properties"]["url"]["nullable"] is True
    assert field.get("nullable") is True


# -- The admin and the stored file -----------------------------------------------------------------


def test_the_article_admin_page_links_to_the_download(client, release):
    client_for(client, make_user("edith", "Editors"))

    content = client.get(change_url(release)).content.decode()

    assert f'href="{download_url(release)}"' in content
    assert "Download halden.pdf" in content
    assert release.original.sha256 in content
    assert "pypdf" in content


def test_deleting_an_article_removes_its_file_once_committed(
    release, settings, django_capture_on_commit_callbacks
):
    stored = settings.MEDIA_ROOT / release.original.file.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=release.pk).delete()
        assert stored.exists()  # a rollback until the commit would still find it

    assert not stored.exists()
    assert not Original.objects.exists()


def test_a_deletion_rolled_back_keeps_the_file(release, settings):
    stored = settings.MEDIA_ROOT / release.original.file.name

    with transaction.atomic():
        Article.objects.filter(pk=release.pk).delete()
        transaction.set_rollback(True)

    assert stored.exists() and Original.objects.exists()
