"""
The API over a real socket: a live server and plain ``urllib``, as a consumer sees it, for what
only a real transport shows: response headers (Link, Allow), content negotiation by the Accept
header, absolute links built from the request's host, redirects, the docs' static assets, and CSRF
on writes. Parameter syntax and the sweep of nasty values run in-process in test_api_parameters.py.
"""

import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest

from tests.factories import RESOURCES, Reply, build_world, rows_of


def fetch(url, params=(), *, method="GET", headers=None, raw_query=None):
    """``params``: a dict or a list of pairs (for repeated names); ``raw_query`` is sent as is."""
    query = raw_query if raw_query is not None else urllib.parse.urlencode(params, doseq=True)
    request = urllib.request.Request(
        f"{url}?{query}" if query else url,
        method=method,
        headers=headers or {},
        data=b"{}" if method in ("POST", "PUT", "PATCH") else None,
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


@pytest.fixture
def world(transactional_db):
    return build_world()


@pytest.fixture
def api(live_server):
    return f"{live_server.url}/api/v1"


def test_list_is_json_paginated_with_results_next_and_previous(api, world):
    reply = fetch(f"{api}/companies/", {"page_size": 2})
    page = reply.json()

    assert reply.status == 200
    assert list(page) == ["next", "previous", "results"]
    assert len(page["results"]) == 2
    assert page["next"].startswith(f"{api}/companies/?") and page["previous"] is None
    assert reply.headers["Link"] == f'<{page["next"]}>; rel="next"'
    second = fetch(page["next"]).json()
    third = fetch(second["next"]).json()
    assert second["previous"] is not None and third["next"] is None
    listed = [c["id"] for p in (page, second, third) for c in p["results"]]
    assert len(set(listed)) == len(listed) == 6


def test_every_resource_lists_and_details_its_records_with_citations(api, world):
    for resource in RESOURCES:
        listing = fetch(f"{api}/{resource}/").json()["results"]
        assert listing, resource
        detail = fetch(listing[0]["api_url"])
        assert detail.status == 200
        assert detail.json()["id"] == listing[0]["id"]
    supply = fetch(f"{api}/agreements/{world.supply.pk}/").json()
    [citation] = supply["citations"]
    assert citation["source_url"].startswith(f"{api.removesuffix('/api/v1')}/articles/")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_writes_are_405(api, world, method):
    for path in ("agreements/", f"agreements/{world.supply.pk}/", "companies/"):
        reply = fetch(f"{api}/{path}", method=method, headers={"Content-Type": "application/json"})
        assert reply.status == 405, (method, path)
        assert "detail" in reply.json()


def test_csv_by_format_parameter_and_accept_header_with_filters(api, world):
    by_param = rows_of(fetch(f"{api}/agreements/", {"format": "csv", "party": "verkor"}))
    by_accept = rows_of(
        fetch(f"{api}/agreements/", {"party": "verkor"}, headers={"Accept": "text/csv"})
    )

    # A record has one URL whatever format the listing was asked in.
    assert [row.pop("api_url") for row in by_param] == [
        f"{api}/agreements/{world.supply.pk}/",
        f"{api}/agreements/{world.undated_deal.pk}/",
    ]
    assert [row.pop("api_url") for row in by_accept] == [
        f"{api}/agreements/{world.supply.pk}/",
        f"{api}/agreements/{world.undated_deal.pk}/",
    ]
    assert by_param == by_accept
    assert [row["title"] for row in by_param] == [
        "Renault–Verkor battery supply",
        "EIB loan to Verkor",
    ]
    assert by_param[0]["parties"] == "Renault Group (buyer); Verkor (supplier)"
    assert "“long-term commercial partnership”" in by_param[0]["citations"]
    for resource in RESOURCES:
        rows = rows_of(fetch(f"{api}/{resource}/", {"format": "csv"}))
        assert [int(row["id"]) for row in rows] == fetch(f"{api}/{resource}/").ids()


def test_record_links_are_the_same_in_every_format(api, world):
    as_json = fetch(f"{api}/agreements/", {"format": "json", "party": "verkor"}).json()
    supply = as_json["results"][0]
    citation = supply["citations"][0]

    assert supply["api_url"] == f"{api}/agreements/{world.supply.pk}/"
    assert supply["parties"][0]["company"]["api_url"] == f"{api}/companies/{world.renault.pk}/"
    assert supply["plant"]["api_url"] == f"{api}/plants/{world.dunkirk.pk}/"
    assert citation["article"]["api_url"] == f"{api}/articles/{world.a_en.pk}/"
    assert "format" not in citation["source_url"]
    detail = fetch(supply["api_url"], {"format": "json"}).json()
    assert detail["api_url"] == supply["api_url"]
    [row] = rows_of(fetch(supply["api_url"], {"format": "csv"}))
    assert row["api_url"] == supply["api_url"]
    assert "format" not in row["citation_urls"]


def test_pagination_links_keep_the_format_of_the_listing(api, world):
    as_csv = fetch(f"{api}/companies/", {"format": "csv", "page_size": 2})
    as_json = fetch(f"{api}/companies/", {"format": "json", "page_size": 2}).json()

    [next_link] = re.findall(r"<([^>]+)>; rel=\"next\"", as_csv.headers["Link"])
    assert "format=csv" in next_link
    assert rows_of(fetch(next_link))  # still CSV
    assert "format=json" in as_json["next"]
    assert "format=json" in fetch(as_json["next"]).json()["previous"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_docs_load_every_asset_from_this_server(api, live_server, world):
    reply = fetch(f"{api}/docs/")
    html = reply.body.decode()
    links = Links()
    links.feed(html)

    assert reply.status == 200 and "swagger" in html.lower()
    assert links.urls
    for url in links.urls:
        absolute = urllib.parse.urljoin(f"{api}/docs/", url)
        assert absolute.startswith(live_server.url), url
        assert fetch(absolute).status == 200, url
    assert not re.search(r"https?://(?!127\.0\.0\.1|localhost)", html), "external host in docs"


def test_api_root_and_schema_refuse_unknown_formats_with_400(live_server, api, world):
    assert fetch(f"{api}/").status == 200
    root = fetch(f"{api}/", raw_query="format=%00")
    assert root.status == 400 and "format" in root.json()
    schema = fetch(f"{api}/schema/", raw_query="format=%00")  # answered in the schema's YAML
    assert schema.status == 400 and b"format" in schema.body


@pytest.mark.parametrize(
    "path",
    ["/api/v1/foo/", "/api/v1/agreements/1/foo/", "/api/", "/api/v2/agreements/", "/api/v1/%0A/"],
)
def test_unknown_paths_under_the_api_are_json_404(live_server, world, path):
    for method in ("GET", "POST"):
        reply = fetch(f"{live_server.url}{path}", method=method)
        assert reply.status == 404, (method, path)
        assert reply.json() == {"detail": "Not found."}


def test_api_paths_without_their_slash_still_redirect(live_server, world):
    reply = fetch(f"{live_server.url}/api/v1/agreements", {"party": "verkor"})

    # urllib followed the redirect to /api/v1/agreements/, query string kept.
    assert reply.ids() == [world.supply.pk, world.undated_deal.pk]
    assert fetch(f"{live_server.url}/api/v1/foo").json() == {"detail": "Not found."}


def test_source_view_over_http(live_server, world):
    reply = fetch(f"{live_server.url}/articles/{world.a_fr.pk}/source/")
    html = reply.body.decode()

    assert reply.status == 200 and reply.content_type.startswith("text/html")
    assert f'<mark id="citation-{world.c_losange.pk}"' in html
    assert "Reader comments — not editorial content" in html
    assert "&lt;b&gt;article&lt;/b&gt;" in html
    assert f'id="citation-{world.c_secret.pk}"' not in html


def test_source_view_refuses_a_post_with_405_not_a_csrf_page(live_server, world):
    # The CSRF check runs before any view: without an exemption a POST got its 403 HTML page.
    reply = fetch(f"{live_server.url}/articles/{world.a_fr.pk}/source/", method="POST")

    assert reply.status == 405
    assert set(reply.headers["Allow"].split(", ")) == {"GET", "HEAD"}
