"""
The reconciliation service over a real socket, as a web client on another origin calls it: the
CORS preflight and headers, and a batch posted as a form, with the answer's ids leading to the
public pages. Transactional (a live server), so in a module of its own.
"""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.factories import VERIFIED, make_company

ORIGIN = "https://refine.example.org"


def request(url, *, method="GET", data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(
        urllib.request.Request(url, data=body, method=method, headers=headers or {}), timeout=30
    ) as response:
        return response.status, response.headers, response.read()


@pytest.fixture
def service(live_server, transactional_db):
    make_company("Kestrel Lithium GmbH", country="DE", review_status=VERIFIED)
    return f"{live_server.url}/api/v1/reconcile/"


def test_a_web_client_on_another_origin_may_reconcile(service):
    status, headers, _ = request(
        service,
        method="OPTIONS",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"]

    batch = json.dumps({"q0": {"query": "Kestrel Lithium", "type": "company"}})
    status, headers, body = request(
        service, method="POST", data={"queries": batch}, headers={"Origin": ORIGIN}
    )
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    best = json.loads(body)["q0"]["result"][0]
    assert best["name"] == "Kestrel Lithium GmbH" and best["match"] is True

    _, _, manifest = request(service, headers={"Origin": ORIGIN})
    view = json.loads(manifest)["view"]["url"].replace("{{id}}", best["id"])
    status, _, page = request(view)  # urllib follows the redirect to the company's page
    assert status == 200 and b"Kestrel Lithium GmbH" in page


def test_an_error_carries_the_cors_headers_too(service):
    try:
        request(service, method="POST", data={"queries": "{oops"}, headers={"Origin": ORIGIN})
    except urllib.error.HTTPError as error:
        assert error.code == 400
        assert error.headers["Access-Control-Allow-Origin"] == "*"
        assert "Not valid JSON" in json.loads(error.read())["queries"][0]
    else:
        pytest.fail("a malformed batch was accepted")
