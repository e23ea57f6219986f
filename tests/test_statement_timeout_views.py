"""
Every API view runs under the statement timeout (``sourcing/api/statement_timeout.py``): on
PostgreSQL, a database too slow for a request of any view (lists, details, CSV, export, change
feed, suggestions, network, reconciliation) answers a JSON 503, and no view of the API is left
without the limit.
"""

import pytest
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from sourcing.api.statement_timeout import StatementTimeoutMixin
from sourcing.models import Company

from .factories import VERIFIED, cite, make_article, make_company, make_user

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is a PostgreSQL setting"
)


def slow_database(execute, sql, params, many, context):
    """Every statement but a SET waits 0.2 s first, in the same transaction and under its limit."""
    if not sql.lstrip().upper().startswith(("SET", "SAVEPOINT", "RELEASE", "ROLLBACK")):
        # On the driver's own cursor (not through the wrappers again), its errors as Django's.
        with context["connection"].wrap_database_errors:
            context["cursor"].cursor.execute("SELECT pg_sleep(0.2)")
    return execute(sql, params, many, context)


@pytest.fixture
def records():
    article = make_article(body="Verkor will supply Renault Group with 12 GWh of cells a year.")
    company = make_company(name="Verkor", review_status=VERIFIED)
    cite(company, article, "Verkor")
    return {"article": article, "company": company}


REQUESTS = {
    "list": lambda r: ("/api/v1/companies/", {}),
    "detail": lambda r: (f"/api/v1/companies/{r['company'].pk}/", {}),
    "csv": lambda r: ("/api/v1/companies/", {"format": "csv"}),
    "search": lambda r: ("/api/v1/agreements/", {"search": "supply"}),
    "export": lambda r: ("/api/v1/export/companies/", {}),
    "change feed": lambda r: ("/api/v1/changes/", {}),
    "network": lambda r: (f"/api/v1/companies/{r['company'].pk}/network/", {"depth": 2}),
    "reconciliation": lambda r: ("/api/v1/reconcile/", {"queries": '{"q0": {"query": "Verkor"}}'}),
    "reconciliation suggest": lambda r: ("/api/v1/reconcile/suggest/entity/", {"prefix": "Ver"}),
    "suggestions": lambda r: (f"/api/v1/articles/{r['article'].pk}/suggestions/", {}),
}


@on_postgresql
@pytest.mark.parametrize("view", sorted(REQUESTS))
def test_a_database_too_slow_for_the_limit_is_a_json_503_on_every_view(records, settings, view):
    settings.API_STATEMENT_TIMEOUT_MS = 50
    api = APIClient()
    api.force_login(make_user("staff", "Editors", is_staff=True))  # suggestions are staff-only
    url, params = REQUESTS[view](records)
    assert api.get(url, params).status_code == 200  # the view answers when the database does

    with connection.execute_wrapper(slow_database):
        response = api.get(url, params)

    assert response.status_code == 503, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert "took longer than 0.05 s" in response.json()["detail"]
    # The limit ended with the request's transaction: the connection is unlimited again.
    assert Company.objects.count() == 1


def api_views(patterns=None, prefix=""):
    """(route, view class) of every class-based view under /api/."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from api_views(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/"):
            view_class = getattr(pattern.callback, "cls", None) or getattr(
                pattern.callback, "view_class", None
            )
            if view_class is not None:
                yield route, view_class


# Views that read nothing from the database: the API's root (links to the resources) and the
# interactive docs page (it loads the schema, whose view is limited, from the browser).
READ_NOTHING = {"APIRootView", "SpectacularSwaggerView"}


def test_every_api_view_takes_the_statement_timeout():
    views = list(api_views())
    unlimited = [
        route
        for route, view_class in views
        if not issubclass(view_class, StatementTimeoutMixin)
        and view_class.__name__ not in READ_NOTHING
    ]

    assert len(views) > 15  # lists and details of every resource, feed, export, reconciliation...
    assert unlimited == []
