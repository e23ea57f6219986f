"""
SQLite as the embedded default: editors saving at the same instant wait their turn, the loser
of a race on one record is refused as stale, and a lock held past the busy timeout is a 503
"try again" with nothing saved. Never a 500, nothing lost.

The scenarios run on a database file in a process of their own (tests/sqlite_file_scenarios.py),
whatever database the suite runs on; the run on SQLite plays them, the run on PostgreSQL does not
play them again.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory

from sourcing.middleware import DatabaseBusyMiddleware

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAVED = 302, "/admin/sourcing/company/"  # the admin's redirect to the list after a save

on_the_sqlite_run = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite run plays the SQLite file scenarios"
)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    database = tmp_path_factory.mktemp("sqlite") / "db.sqlite3"
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{database}",
        DEBUG="true",
        SQLITE_BUSY_TIMEOUT="2",
        DJANGO_SETTINGS_MODULE="project.settings",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.sqlite_file_scenarios"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@on_the_sqlite_run
def test_two_editors_saving_one_record_at_once_one_wins_the_other_is_told_it_is_stale(findings):
    rounds = findings["same_record"]
    for version, found in enumerate(rounds, start=2):
        statuses = sorted(answer[0] for answer in found["answers"])
        assert 500 not in statuses and 503 not in statuses, found
        (winner,) = [n for n, answer in enumerate(found["answers"]) if tuple(answer[:2]) == SAVED]
        (loser,) = [answer for n, answer in enumerate(found["answers"]) if n != winner]
        assert loser[0] == 200 and "changed" in loser[2].lower(), loser
        # The winner's text is stored, exactly one save moved the version on.
        assert found["description"].endswith(f"editor {winner}.")
        assert found["version"] == version


@on_the_sqlite_run
def test_two_editors_saving_two_records_at_once_both_saves_are_kept(findings):
    for round_number, found in enumerate(findings["two_records"]):
        assert [tuple(answer[:2]) for answer in found["answers"]] == [SAVED, SAVED], found
        assert found["descriptions"] == [f"Round {round_number}."] * 2


@on_the_sqlite_run
def test_a_lock_held_past_the_busy_timeout_is_a_503_saying_try_again(findings):
    found = findings["lock_held_past_the_timeout"]
    assert found["status"] == 503
    assert found["retry_after"] == "5"
    assert "Try again" in found["body"] and "nothing was saved" in found["body"]
    assert found["description"] == "" and found["version"] == 1  # nothing half-saved


def busy_answer(path, method="get"):
    middleware = DatabaseBusyMiddleware(lambda request: None)
    return middleware.process_exception(
        getattr(RequestFactory(), method)(path), OperationalError("database is locked")
    )


def test_the_api_says_busy_in_json():
    response = busy_answer("/api/v1/companies/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "Try again" in json.loads(response.content)["detail"]


def test_an_editor_whose_save_found_the_database_busy_is_told_the_form_still_holds_it():
    response = busy_answer("/admin/sourcing/company/1/change/", method="post")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert "nothing was saved" in page and "go <strong>back</strong>" in page


def test_a_page_that_found_the_database_busy_offers_to_load_it_again():
    response = busy_answer("/admin/sourcing/company/?q=amp%C3%A8re")
    page = response.content.decode()
    assert response.status_code == 503 and "nothing was saved" in page
    assert 'href="/admin/sourcing/company/?q=amp%C3%A8re">Load this page again' in page


def test_other_database_errors_are_left_alone():
    middleware = DatabaseBusyMiddleware(lambda request: None)
    request = RequestFactory().get("/admin/")
    assert middleware.process_exception(request, OperationalError("no such table: x")) is None
