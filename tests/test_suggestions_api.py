"""The suggestions endpoint and command: staff only, 404s like any hidden thing, fixed queries."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sourcing.models import Article, NonEditorialSpan
from sourcing.suggestions import names, suggest

from .factories import make_article, make_company, make_user

pytestmark = pytest.mark.django_db

SENTENCE = (
    "Verkor will supply Renault Group with more than 13\u00a0GWh a year by 2030, "
    "after the first cells on 30 May 2023. "
)


def url(article_id):
    return f"/api/v1/articles/{article_id}/suggestions/"


@pytest.fixture
def staff_client(client):
    client.force_login(make_user("editor"))
    return client


@pytest.fixture
def known_names():
    make_company("Renault Group", aliases=["Renault"])
    make_company("Verkor", kind="cell_maker")


def test_staff_get_the_suggestions_of_an_article(staff_client, known_names):
    article = make_article(body=SENTENCE)
    response = staff_client.get(url(article.pk))
    assert response.status_code == 200
    data = response.json()
    assert data["article"] == article.pk
    by_text = {mention["text"]: mention for mention in data["mentions"]}
    assert by_text["Verkor"]["record"]["slug"] == "verkor"
    assert by_text["Renault Group"]["record"]["slug"] == "renault-group"
    figure = by_text["more than 13\u00a0GWh a year"]
    assert (figure["value"], figure["unit"], figure["qualifier"], figure["year"]) == (
        13,
        "GWh/yr",
        "over",
        2030,
    )
    assert by_text["30 May 2023"]["date"] == "2023-05-30"
    assert by_text["30 May 2023"]["precision"] == "day"


@pytest.mark.parametrize("user", [None, "reader"])
def test_anonymous_and_non_staff_readers_are_told_404(client, user):
    article = make_article(body=SENTENCE)
    if user:
        client.force_login(make_user(user, is_staff=False))
    response = client.get(url(article.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_article_is_a_404(staff_client):
    assert staff_client.get(url(987654)).status_code == 404
    assert staff_client.get(url(2**70)).status_code == 404


def test_an_unknown_parameter_is_a_400_naming_it(staff_client):
    article = make_article(body=SENTENCE)
    response = staff_client.get(url(article.pk), {"lang": "fr"})
    assert response.status_code == 400
    assert "lang" in response.json()


def test_an_article_of_only_spaces_has_empty_lists(staff_client, known_names):
    article = make_article(body=" \n\u00a0")
    assert staff_client.get(url(article.pk)).json() == {
        "article": article.pk,
        "mentions": [],
        "proposals": [],
    }


def test_the_query_count_does_not_grow_with_the_article(
    staff_client, known_names, django_assert_num_queries, monkeypatch
):
    short = make_article(body=SENTENCE)
    long = make_article(body=SENTENCE * 200)
    staff_client.get(url(short.pk))  # builds the name index once for the process
    monkeypatch.setattr(names, "FULL_CHECK_SECONDS", 3600)  # no periodic full re-read in between
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as short_queries:
        assert staff_client.get(url(short.pk)).status_code == 200
    with django_assert_num_queries(len(short_queries)):
        response = staff_client.get(url(long.pk))
    assert len(response.json()["mentions"]) > 200 * 4


def test_the_schema_documents_the_endpoint(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/articles/{id}/suggestions/"]["get"]
    assert set(operation["responses"]) >= {"200", "404"}
    assert "Suggestions" in json.dumps(schema["components"]["schemas"])


def test_the_command_prints_the_api_json(known_names):
    article = make_article(body=SENTENCE)
    out = StringIO()
    call_command("suggest", str(article.pk), "--json", stdout=out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(suggest(article)))


def test_the_command_lists_mentions_readably(known_names):
    article = make_article(body=SENTENCE)
    out = StringIO()
    call_command("suggest", str(article.pk), stdout=out)
    assert "company “Verkor” → Verkor" in out.getvalue()
    assert "quantity “more than 13\u00a0GWh a year”: over 13 GWh/yr, year 2030" in out.getvalue()


@pytest.mark.parametrize("given", ["424242", "x", "٢", "-1"])
def test_the_command_names_what_is_not_an_article(given):
    with pytest.raises(CommandError, match=given):
        call_command("suggest", given)


def test_nothing_is_suggested_inside_a_marked_part(known_names):
    article = make_article(body=SENTENCE + "Comment: Verkor sold 40% to Renault in 2020.")
    start = article.body.index("Comment:")
    NonEditorialSpan.objects.create(
        article=article, kind="reader_comments", start=start, end=len(article.body)
    )
    result = suggest(Article.objects.get(pk=article.pk))
    assert result["mentions"]
    assert all(mention["end"] <= start for mention in result["mentions"])
    assert all(proposal["end"] <= start for proposal in result["proposals"])
