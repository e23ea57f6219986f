"""Limits that keep any single API request cheap: parties, search length, statement timeout."""

import pytest
from django.db import connection
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from sourcing.api import params
from sourcing.api import views as api_views
from sourcing.models import Article, Company
from tests.factories import (
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
)

PARTNER = "partner"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is a PostgreSQL setting"
)


@pytest.fixture
def api():
    return APIClient()


def ids(response):
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["results"]]


def schema_parameter(api, resource, name):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    parameters = schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]
    return next(p for p in parameters if p["name"] == name)


# -- Repeated parties -----------------------------------------------------------------------------


@pytest.fixture
def companies(db):
    return [make_company(f"Maker {n}", slug=f"maker-{n}", review_status=VERIFIED) for n in range(7)]


def test_party_repeated_beyond_the_maximum_is_400_naming_it(api, companies):
    slugs = [company.slug for company in companies[: params.MAX_PARTIES + 1]]

    response = api.get("/api/v1/agreements/", {"party": slugs})

    assert response.status_code == 400
    assert response.json() == {"party": ["Name at most 5 different values for “party” (6 given)."]}


def test_party_repeated_values_count_once(api, companies):
    first, second = companies[:2]
    both = make_agreement(parties=[(first, PARTNER), (second, PARTNER)], review_status=VERIFIED)
    make_agreement(parties=[(first, PARTNER)], review_status=VERIFIED)

    # 200 copies of two slugs: two distinct values, far under the maximum.
    response = api.get("/api/v1/agreements/", {"party": [first.slug, second.slug] * 100})

    assert ids(response) == [both.pk]


def test_party_at_the_maximum_is_answered(api, companies):
    group = companies[: params.MAX_PARTIES]
    everyone = make_agreement(parties=[(c, PARTNER) for c in group], review_status=VERIFIED)

    response = api.get("/api/v1/agreements/", {"party": [c.slug for c in group]})

    assert ids(response) == [everyone.pk]


def test_schema_states_the_party_maximum(api, db):
    assert schema_parameter(api, "agreements", "party")["schema"]["maxItems"] == 5


# -- Search length -------------------------------------------------------------------------------

SEARCHABLE = ["articles", "companies", "agreements", "plants", "programmes"]


@pytest.mark.parametrize("resource", SEARCHABLE)
def test_a_search_term_over_100_characters_is_400(api, db, resource):
    response = api.get(f"/api/v1/{resource}/", {"search": "a" * 101})

    assert response.status_code == 400
    assert response.json() == {
        "search": ["Ensure this value has at most 100 characters (it has 101)."]
    }


@pytest.mark.parametrize("resource", SEARCHABLE)
def test_a_search_term_of_100_characters_is_answered(api, db, resource):
    assert ids(api.get(f"/api/v1/{resource}/", {"search": "é" * 100})) == []


@pytest.mark.parametrize("resource", SEARCHABLE)
def test_schema_states_the_search_length(api, db, resource):
    schema = schema_parameter(api, resource, "search")["schema"]
    assert (schema["minLength"], schema["maxLength"]) == (1, 100)


def test_other_text_parameters_are_bounded_too(api, db):
    response = api.get("/api/v1/stakes/", {"holder": "x" * 201})

    assert response.status_code == 400 and list(response.json()) == ["holder"]
    assert schema_parameter(api, "stakes", "holder")["schema"]["maxLength"] == 200


# -- cited_in ------------------------------------------------------------------------------------


def test_cited_in_finds_records_cited_directly_or_on_a_row_once_in_one_union(api, db):
    article = make_article()
    partner = make_company(review_status=VERIFIED)
    direct = make_agreement(title="Direct", review_status=VERIFIED)
    on_party = make_agreement(parties=[(partner, PARTNER)], title="Party", review_status=VERIFIED)
    both = make_agreement(parties=[(partner, PARTNER)], title="Both", review_status=VERIFIED)
    make_agreement(title="Uncited", review_status=VERIFIED)
    cite(direct, article, "Verkor")
    cite(on_party.parties.get(), article, "Verkor")
    cite(both, article, "Verkor")
    cite(both.parties.get(), article, "Renault Group")

    with CaptureQueriesContext(connection) as queries:
        found = ids(api.get("/api/v1/agreements/", {"cited_in": article.pk, "ordering": "title"}))

    assert found == [both.pk, direct.pk, on_party.pk]
    page_query = next(q["sql"] for q in queries if "UNION" in q["sql"])
    assert " OR " not in page_query  # the shape that made PostgreSQL scan every agreement


def test_cited_in_ignores_a_row_whose_company_the_reader_may_not_see(api, db):
    article = make_article()
    draft = make_company(review_status="draft")
    agreement = make_agreement(parties=[(draft, PARTNER)], review_status=VERIFIED)
    cite(agreement.parties.get(), article, "Verkor")

    assert ids(api.get("/api/v1/agreements/", {"cited_in": article.pk})) == []


# -- Statement timeout ---------------------------------------------------------------------------


def slow_articles(seconds):
    """ArticleViewSet.get_queryset, each listing made to wait ``seconds`` in the database."""
    original = api_views.ArticleViewSet.get_queryset

    def get_queryset(self):
        return original(self).annotate(slow=RawSQL("(SELECT 1 FROM pg_sleep(%s))", [seconds]))

    return get_queryset


@on_postgresql
def test_a_statement_over_the_limit_is_a_json_503_and_the_connection_lives_on(
    api, db, settings, monkeypatch
):
    make_article()
    settings.API_STATEMENT_TIMEOUT_MS = 50
    monkeypatch.setattr(api_views.ArticleViewSet, "get_queryset", slow_articles(1))

    response = api.get("/api/v1/articles/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("The database took longer than 0.05 s")
    # The transaction was rolled back and the limit went with it: the connection still works,
    # unlimited, for whatever the process does next.
    assert Article.objects.count() == 1
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


@on_postgresql
def test_a_csv_client_gets_the_503_as_json(api, db, settings, monkeypatch):
    make_article()
    settings.API_STATEMENT_TIMEOUT_MS = 50
    monkeypatch.setattr(api_views.ArticleViewSet, "get_queryset", slow_articles(1))

    response = api.get("/api/v1/articles/", {"format": "csv"})

    assert response.status_code == 503 and "took longer" in response.json()["detail"]


@on_postgresql
def test_requests_under_the_limit_are_answered(api, db, settings):
    settings.API_STATEMENT_TIMEOUT_MS = 5000
    make_company(review_status=VERIFIED)

    assert len(ids(api.get("/api/v1/companies/"))) == Company.objects.count()


def test_the_limit_can_be_turned_off(api, db, settings):
    settings.API_STATEMENT_TIMEOUT_MS = 0
    make_company(review_status=VERIFIED)

    assert len(ids(api.get("/api/v1/companies/"))) == 1


def test_schema_documents_the_503(api, db):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    response = schema["paths"]["/api/v1/agreements/"]["get"]["responses"]["503"]
    assert "too long" in response["description"]
