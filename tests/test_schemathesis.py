"""
Schemathesis against the WSGI application: for every operation of the published OpenAPI schema,
generated requests (valid and invalid parameters) must get answers the schema allows: no server
error, a documented status code and content type, a body matching the response schema.

Bounded and deterministic so CI stays fast: SCHEMATHESIS_MAX_EXAMPLES examples per operation
(default 30) from a fixed seed. Runs on whichever database DATABASE_URL names, seeded with the
five source documents and their curated records. `make schemathesis` runs it alone.
"""

import os

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth

from project.wsgi import application

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "30"))


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """
    The seeded records, loaded once for every operation and rolled back after the last: they
    give the {id} operations ids that exist, besides generated ones.
    """
    # Django closes the connection around each request, which inside this test transaction
    # would end it: its test client turns that off while it runs, and so do these requests.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("loaddata", "seed", verbosity=0)
            yield
            transaction.set_rollback(True)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def api_schema(seeded, db):
    return schemathesis.from_wsgi("/api/v1/schema/", application)


schema = schemathesis.from_pytest_fixture("api_schema")


def test_the_schema_documents_every_api_operation(api_schema):
    # Loaded through the fixture: Django must not close the connection around the request,
    # which inside the test's transaction would end it (a closed connection on PostgreSQL).
    operations = {
        (result.ok().method.upper(), result.ok().path) for result in api_schema.get_all_operations()
    }
    resources = ("agreements", "articles", "companies", "plants", "programmes", "stakes")
    expected = {("GET", f"/api/v1/{name}/") for name in resources}
    expected |= {("GET", f"/api/v1/{name}/{{id}}/") for name in resources}
    expected |= {
        ("GET", "/api/v1/changes/"),
        ("GET", "/api/v1/export/{resource}/"),
        ("GET", "/api/v1/articles/{id}/suggestions/"),
        ("GET", "/api/v1/companies/{ref}/network/"),
    }
    assert operations == expected


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    # The seeded database is one per operation, shared by its examples on purpose (read-only).
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_schema_says(case):
    response = case.call()
    # Every check but "ignored_auth": the schema says anonymous reads are allowed (its security
    # lists {} beside the session cookie), which that check of Schemathesis 3 does not read.
    case.validate_response(response, excluded_checks=[ignored_auth])
