"""
Two saves of the same record really at the same time, on PostgreSQL: the second waits for the
first to commit, then is refused. (SQLite serialises writers itself; the conditional UPDATE that
backs the check up on every database is tested in test_admin.py.)
"""

import threading
import time

import pytest
from django.db import connection
from django.test import Client

from sourcing.admin import CompanyAdmin

from .factories import change_url, changeform_data, make_company, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are a PostgreSQL matter"
    ),
]

WAIT_SECONDS = 15


def backends_waiting_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def test_concurrent_save_waits_for_the_first_and_is_refused(monkeypatch):
    company = make_company("Verkor")
    anna, ben = make_user("anna", "Editors"), make_user("ben", "Editors")
    clients = {"anna": Client(), "ben": Client()}
    clients["anna"].force_login(anna)
    clients["ben"].force_login(ben)
    posts = {name: changeform_data(c.get(change_url(company))) for name, c in clients.items()}
    posts["anna"]["description"] = "Anna's description."
    posts["ben"]["description"] = "Ben's description."

    anna_saved, ben_waiting = threading.Event(), threading.Event()
    save_related = CompanyAdmin.save_related

    def save_related_holding_the_lock(self, request, form, formsets, change):
        save_related(self, request, form, formsets, change)
        if request.user.username == "anna":
            # Anna's transaction holds the row lock until this returns and it commits.
            anna_saved.set()
            assert ben_waiting.wait(WAIT_SECONDS)

    monkeypatch.setattr(CompanyAdmin, "save_related", save_related_holding_the_lock)
    responses = {}

    def post(name):
        try:
            responses[name] = clients[name].post(change_url(company), posts[name])
        finally:
            connection.close()  # each thread has its own connection

    anna_thread = threading.Thread(target=post, args=["anna"])
    anna_thread.start()
    assert anna_saved.wait(WAIT_SECONDS)
    ben_thread = threading.Thread(target=post, args=["ben"])
    ben_thread.start()
    for _ in range(WAIT_SECONDS * 20):
        if backends_waiting_for_a_lock():
            break
        time.sleep(0.05)  # polling PostgreSQL until Ben's save is blocked on the row lock
    assert backends_waiting_for_a_lock() == 1
    ben_waiting.set()
    anna_thread.join(WAIT_SECONDS)
    ben_thread.join(WAIT_SECONDS)

    assert responses["anna"].status_code == 302
    assert responses["ben"].status_code == 200
    assert "This record was changed by anna" in responses["ben"].content.decode()
    company.refresh_from_db()
    assert company.description == "Anna's description."
    assert company.version == 2
