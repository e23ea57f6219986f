"""
The production path, run as an operator would: DEBUG=false, a real secret key, collectstatic,
then requests through the WSGI application (WhiteNoise serving the static files).

Production settings are read when Django starts, so each check runs in a fresh process.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Runs in the child process: fetches each path with Django's test client and prints, as JSON,
# the status, the headers named, and the asset URLs the page refers to.
FETCH_SCRIPT = """
import json, re, sys
import django
django.setup()
from django.test import Client
client = Client()
answers = {}
for path, extra in json.loads(sys.argv[1]):
    response = client.get(path, **extra)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers[path] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "assets": re.findall(r'(?:href|src)="(/static/[^"]+)"', body.decode("utf-8", "replace")),
        "length": len(body),
    }
print(json.dumps(answers))
"""


def production_environment(tmp_path, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "SESSION_", "CSRF_")) and key not in {"DEBUG"}
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="project.settings",
    )
    env.update(overrides)
    return env


def run(arguments, env):
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def fetch(env, *requests):
    """Answers to (path, extra request META) pairs, from a process with ``env``."""
    result = run(["-c", FETCH_SCRIPT, json.dumps(requests)], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """A production environment whose static files have been collected."""
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_environment(tmp_path)
    result = run(["manage.py", "collectstatic", "--no-input"], env)
    assert result.returncode == 0, result.stderr
    return env


def secure(path):
    return (path, {"secure": True})


def test_admin_css_and_api_docs_scripts_are_served_with_debug_off(collected):
    pages = fetch(collected, secure("/admin/login/"), secure("/api/v1/docs/"))
    assert pages["/admin/login/"]["status"] == 200
    assert pages["/api/v1/docs/"]["status"] == 200
    css = [url for url in pages["/admin/login/"]["assets"] if url.endswith(".css")]
    scripts = [url for url in pages["/api/v1/docs/"]["assets"] if url.endswith(".js")]
    assert css and scripts
    # Hashed names: a browser may cache them for good, a new release changes the name.
    assert all(len(url.rsplit(".", 2)[-2]) == 12 for url in css + scripts), css + scripts

    assets = fetch(collected, *(secure(url) for url in css + scripts))
    for url, answer in assets.items():
        assert answer["status"] == 200, url
        assert answer["length"] > 0, url
        assert "max-age=315360000" in answer["headers"]["Cache-Control"], url


def test_the_favicon_is_served_under_its_hashed_name(collected):
    redirect = fetch(collected, secure("/favicon.ico"))["/favicon.ico"]
    assert redirect["status"] == 302
    icon_url = redirect["headers"]["Location"]
    assert icon_url.startswith("/static/sourcing/favicon.") and icon_url.endswith(".ico")
    icon = fetch(collected, secure(icon_url))[icon_url]
    assert icon["status"] == 200 and icon["headers"]["Content-Type"] == "image/x-icon"


def test_static_files_are_sent_compressed_to_clients_that_accept_it(collected):
    page = fetch(collected, secure("/admin/login/"))["/admin/login/"]
    css = next(url for url in page["assets"] if url.endswith(".css"))
    answer = fetch(collected, (css, {"secure": True, "HTTP_ACCEPT_ENCODING": "gzip"}))[css]
    assert answer["status"] == 200
    assert answer["headers"]["Content-Encoding"] == "gzip"


def test_production_redirects_to_https_and_sends_hsts(tmp_path):
    answers = fetch(production_environment(tmp_path), ("/admin/login/", {}), secure("/api/v1/"))
    redirect = answers["/admin/login/"]
    assert redirect["status"] == 301
    assert redirect["headers"]["Location"] == "https://testserver/admin/login/"
    hsts = answers["/api/v1/"]["headers"]["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts


def test_behind_a_tls_proxy_its_header_marks_requests_secure(tmp_path):
    env = production_environment(tmp_path, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    answers = fetch(env, ("/api/v1/", {"HTTP_X_FORWARDED_PROTO": "https"}))
    assert answers["/api/v1/"]["status"] == 200


def test_ssl_redirect_and_hsts_can_be_turned_off_from_the_environment(tmp_path):
    env = production_environment(tmp_path, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0")
    answer = fetch(env, ("/api/v1/", {}))["/api/v1/"]
    assert answer["status"] == 200
    assert "Strict-Transport-Security" not in answer["headers"]


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_environment(tmp_path, ALLOWED_HOSTS="example.org"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_https_is_turned_off(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_environment(tmp_path, ALLOWED_HOSTS="example.org", SECURE_SSL_REDIRECT="false"),
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr
