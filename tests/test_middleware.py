"""The NUL-byte guard: a plain 400 naming the parameter, except on the API, which answers JSON."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from sourcing.middleware import RefuseNulBytesMiddleware

pytestmark = pytest.mark.django_db


def passed_through(request):
    return HttpResponse("the view ran")


guard = RefuseNulBytesMiddleware(passed_through)
requests = RequestFactory()


def test_a_request_without_nul_reaches_the_view():
    response = guard(requests.get("/admin/sourcing/company/", {"q": "Verkor", "kind": "bank"}))
    assert response.content == b"the view ran"


def test_nul_in_a_query_value_is_a_plain_400_naming_the_parameter():
    response = guard(requests.get("/admin/sourcing/company/", {"q": "ok", "kind": "ba\x00nk"}))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Bad request: the parameter “kind” contains a NUL character (%00), which is never valid."
    )


def test_nul_in_a_parameter_name_is_refused_and_shown_escaped():
    response = guard(requests.get("/articles/1/source/?ki%00nd=bank"))
    assert response.status_code == 400
    assert "“ki\\0nd”" in response.content.decode()


def test_nul_in_one_of_repeated_values_is_refused():
    response = guard(requests.get("/admin/sourcing/company/", {"kind": ["bank", "\x00"]}))
    assert response.status_code == 400


def test_nul_in_posted_form_data_is_refused():
    response = guard(requests.post("/admin/sourcing/company/1/change/", {"name": "Verkor\x00"}))
    assert response.status_code == 400
    assert "“name”" in response.content.decode()


def test_api_paths_are_left_to_the_apis_own_json_errors(client):
    assert guard(requests.get("/api/v1/companies/", {"kind": "\x00"})).content == b"the view ran"
    response = client.get("/api/v1/companies/", {"kind": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "kind" in response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/agreements", "/api/v1/foo", "/articles/1/source"])
def test_a_write_to_a_url_missing_its_final_slash_is_a_404_even_when_debugging(
    client, settings, method, path
):
    settings.DEBUG = True  # Django would answer with a RuntimeError page (a 500)
    response = getattr(client, method)(path)
    assert response.status_code == 404


def test_a_read_of_a_url_missing_its_final_slash_is_still_redirected(client):
    response = client.get("/api/v1/agreements?kind=supply")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/agreements/?kind=supply"
