"""
In headless Chromium: every answer to a desk action that is not the desk's JSON is shown to the
editor with its real reason (a 403 without CSRF token, the login page after the session ended, a
proxy's 502 page), and only a request that reached no server says it could not be reached.
"""

import pytest

from .factories import make_article, make_company, make_user
from .test_browser import (  # noqa: F401 (the browser fixture)
    WAIT_SECONDS,
    AdminUser,
    browser,
)
from .test_browser_desk import SELECT_PASSAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "Verkor will supply Renault with 12 GWh of batteries a year."
QUOTE = "Verkor will supply Renault"


# What a proxy in front answers when the application server is down: HTML, not the desk's JSON.
PROXY_502 = """
window.fetch = () => Promise.resolve(new Response(
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>' +
  '</center><hr><center>nginx</center></body></html>',
  {status: 502, statusText: 'Bad Gateway', headers: {'Content-Type': 'text/html'}}));
"""
NO_NETWORK = "window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));"


@pytest.fixture
def editor_at_the_desk(browser, live_server):  # noqa: F811
    make_company("Verkor")
    article = make_article(body=BODY)
    make_user("edith", "Editors")
    person = AdminUser(browser, live_server.url)
    person.log_in("edith")
    person.open(f"/admin/sourcing/article/{article.pk}/desk/")
    person.find("#cite-target option")
    return person


def cite_error(person):
    assert person.driver.execute_script(SELECT_PASSAGE, 0, len(QUOTE)) == QUOTE
    person.find("#cite-button").click()
    person.wait.until(lambda driver: person.find("#cite-error").text)
    return person.find("#cite-error").text


def test_a_403_without_csrf_token_is_shown_with_its_reason(editor_at_the_desk):
    editor_at_the_desk.driver.delete_cookie("csrftoken")

    error = cite_error(editor_at_the_desk)

    assert error.startswith("The server answered 403 Forbidden")
    assert "CSRF verification failed" in error
    assert "reload the page" in error


def test_an_ended_session_says_so(editor_at_the_desk):
    editor_at_the_desk.driver.delete_cookie("sessionid")

    assert cite_error(editor_at_the_desk).startswith("Your session has ended: log in again")


def test_a_proxys_502_page_is_shown_with_its_reason(editor_at_the_desk):
    editor_at_the_desk.driver.execute_script(PROXY_502)

    error = cite_error(editor_at_the_desk)

    assert error.startswith("The server answered 502 Bad Gateway: “502 Bad Gateway”.")
    assert "Nothing was saved" in error


def test_only_a_request_that_reached_no_server_says_it_could_not_be_reached(editor_at_the_desk):
    editor_at_the_desk.driver.execute_script(NO_NETWORK)

    assert cite_error(editor_at_the_desk) == "The server could not be reached: nothing was saved."
