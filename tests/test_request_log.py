"""
Production logging (project/logging_config.py, sourcing/request_log.py): with DEBUG off a 500's
traceback is written to standard error as one JSON line naming the request's id, user and path;
gunicorn's own lines (a malformed request it refuses itself) come in the same format.
"""

import io
import json
import logging.config
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from project.logging_config import logging_config
from sourcing.desk import writes
from sourcing.models import Company

from .factories import client_for, desk_act, make_article, make_company, make_user

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "testserver,127.0.0.1"}

FAILING_HOME_PAGE = """
import django
django.setup()
from django.test import Client
from sourcing.pages import views

def home(request):
    raise RuntimeError("the home page broke")

views.home = home
reply = Client(raise_request_exception=False).get("/", secure=True, HTTP_X_REQUEST_ID="req-42")
print(reply.status_code, reply["X-Request-ID"])
"""


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_a_500_in_production_is_one_json_line_on_stderr_with_its_traceback():
    result = subprocess.run(
        [sys.executable, "-c", FAILING_HOME_PAGE],
        cwd=PROJECT_DIR,
        env={**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "project.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.split() == ["500", "req-42"], result.stderr
    [error] = [r for r in json_lines(result.stderr) if r["level"] == "ERROR"]
    assert error["logger"] == "django.request"
    assert error["message"] == "Internal Server Error: /"
    assert (error["request_id"], error["path"], error["user"]) == ("req-42", "/", "-")
    assert "RuntimeError: the home page broke" in error["exc_info"]
    assert "Traceback" in error["exc_info"]
    # Nothing else of the traceback reached standard error: one record, one line.
    assert all(line.startswith("{") for line in result.stderr.splitlines())


@pytest.fixture
def json_logging():
    """Production's logging, its standard error read into a string."""
    logging.config.dictConfig(logging_config("json"))
    stream = io.StringIO()
    [handler] = logging.getLogger("django").handlers
    handler.setStream(stream)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_failing_desk_action_is_logged_with_the_editor_and_request_id(
    client, json_logging, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the desk broke")

    monkeypatch.setattr(writes, "cite", broken)
    article = make_article(body="Verkor will supply Renault.")
    company = make_company("Verkor")
    editor = client_for(client, make_user("rita", "Editors"))
    editor.raise_request_exception = False
    target = f"{ContentType.objects.get_for_model(Company).pk}:{company.pk}"

    reply = desk_act(editor, article, action="cite", target=target, start=0, end=6)

    assert reply.status_code == 500
    [error] = [r for r in json_lines(json_logging.getvalue()) if r["level"] == "ERROR"]
    assert error["user"] == "rita"
    assert error["path"] == f"/admin/sourcing/article/{article.pk}/desk/act/"
    assert error["request_id"] == reply["X-Request-ID"]
    assert "RuntimeError: the desk broke" in error["exc_info"]


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["", "x" * 129, "a b", 'id"}{"level": "INFO'])
def test_a_missing_or_implausible_request_id_is_replaced_by_a_new_one(client, given):
    reply = client.get("/favicon.ico", HTTP_X_REQUEST_ID=given)

    assert reply["X-Request-ID"] != given
    assert len(reply["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_proxys_request_id_is_kept_and_answered(client):
    reply = client.get("/favicon.ico", HTTP_X_REQUEST_ID="3f2c1b6e-proxy-17")

    assert reply["X-Request-ID"] == "3f2c1b6e-proxy-17"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send_raw(port, data):
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(data)
        return connection.recv(65536).decode("latin-1")


def wait_until_serving(port):
    """Until a worker answers: the port accepts connections before the application is loaded."""
    deadline = time.monotonic() + 60
    while True:
        try:
            return send_raw(port, b"GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_gunicorn_logs_a_malformed_request_in_the_same_json_format():
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "project.wsgi:application",
            "-c",
            "project/gunicorn_config.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=PROJECT_DIR,
        env={**os.environ, **PRODUCTION},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_serving(port)
        answer = send_raw(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n")
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)

    assert answer.startswith("HTTP/1.1 400 Bad Request")
    records = json_lines(stderr)
    assert all(line.startswith("{") for line in stderr.splitlines()), stderr
    refused = [r for r in records if r["logger"] == "gunicorn.error" and r["level"] == "WARNING"]
    assert refused and refused[0]["message"].startswith("Invalid request from ip=127.0.0.1")
