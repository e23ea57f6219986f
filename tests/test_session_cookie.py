"""A forged session cookie makes an anonymous visitor, never a 500 (found by Schemathesis)."""

import pytest

from .factories import make_user

pytestmark = pytest.mark.django_db

FORGED = ["000\x00\x80\x80", "abcdefgh\x00", "ABCDEFGH12345678", "a" * 8 + "é"]


@pytest.mark.parametrize("cookie", FORGED)
def test_a_malformed_session_cookie_reads_the_api_anonymously(client, cookie):
    client.cookies["sessionid"] = cookie
    response = client.get("/api/v1/companies/")
    assert response.status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_real_session_still_logs_the_editor_in(client):
    client.force_login(make_user("edith", "Editors"))
    assert client.get("/admin/").status_code == 200
