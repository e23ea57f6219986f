"""Failed admin logins are throttled (django-axes): a username and address pair is locked out."""

import pytest
from django.conf import settings
from django.urls import reverse

from .factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")


@pytest.fixture(autouse=True)
def editor(settings):
    # A fast hasher: these tests check a dozen passwords, not how they are stored.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_user("edith", "Editors")


def log_in(client, password, username="edith", address="203.0.113.7"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def fail(client, times, **who):
    for _ in range(times):
        response = log_in(client, "wrong password", **who)
        assert response.status_code == 200  # the login form again, saying the password is wrong


def test_the_default_limit_is_five_failures_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_a_failed_login_below_the_limit_shows_the_usual_form_error(client):
    response = log_in(client, "wrong password")
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


def test_the_failure_reaching_the_limit_locks_out_even_the_right_password(client):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    for password in ("wrong password", PASSWORD):
        response = log_in(client, password)
        assert response.status_code == 429
        message = response.content.decode()
        assert "Account locked: 5 failed login attempts in a row" in message
        assert "Try again in 15 minutes" in message
    assert "_auth_user_id" not in client.session


def test_below_the_limit_the_right_password_gets_in_and_starts_the_count_again(client, editor):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    client.logout()
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, PASSWORD).status_code == 302


def test_guessing_from_elsewhere_does_not_lock_the_editor_out(client):
    fail(client, settings.AXES_FAILURE_LIMIT - 1, address="198.51.100.66")
    assert log_in(client, "wrong password", address="198.51.100.66").status_code == 429
    assert log_in(client, PASSWORD, address="203.0.113.7").status_code == 302
