"""
Concurrent admin saves on a SQLite database FILE, run in a process of their own.

The test database pytest-django makes for SQLite lives in memory, where locking is not what
it is on disk, so tests/test_sqlite_concurrency.py runs this module with DATABASE_URL pointing
at a file: ``python -m tests.sqlite_file_scenarios``. It prints the findings of every scenario
as one JSON object (one process, so the database is migrated once).
"""

import json
import os
import threading

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from sourcing.models import Company  # noqa: E402

from .factories import (  # noqa: E402
    TEST_PASSWORD_HASHERS,
    change_url,
    changeform_data,
    error_text,
    make_company,
    make_user,
)


def editor_clients(scenario, count):
    clients = []
    for number in range(count):
        client = Client(raise_request_exception=False)
        client.force_login(make_user(f"{scenario}-editor{number}", "Editors"))
        clients.append(client)
    return clients


def save_at_once(saves):
    """
    POSTs each (client, url, data) from a thread of its own, all released at the same instant;
    returns each answer as (status code, redirect location, errors the page shows).
    """
    start = threading.Barrier(len(saves))
    answers = [None] * len(saves)

    def save(index, client, url, data):
        try:
            start.wait()
            response = client.post(url, data)
            shows_form = response.status_code == 200 and response.context is not None
            errors = error_text(response) if shows_form else ""
            answers[index] = (response.status_code, response.get("Location", ""), errors)
        finally:
            connection.close()  # each thread has its own connection

    threads = [
        threading.Thread(target=save, args=(index, *arguments))
        for index, arguments in enumerate(saves)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def same_record(rounds):
    """Two editors save the same company at the same instant, ``rounds`` times."""
    company = make_company("Verkor")
    clients = editor_clients("same", 2)
    findings = []
    for round_number in range(rounds):
        url = change_url(company)
        posts = [changeform_data(client.get(url)) for client in clients]
        for number, post in enumerate(posts):
            post["description"] = f"Round {round_number}, editor {number}."
        answers = save_at_once(
            [(client, url, post) for client, post in zip(clients, posts, strict=True)]
        )
        company.refresh_from_db()
        findings.append(
            {"answers": answers, "description": company.description, "version": company.version}
        )
    return findings


def two_records(rounds):
    """Two editors each save a different company at the same instant, ``rounds`` times."""
    companies = [make_company("ACC"), make_company("Northvolt")]
    clients = editor_clients("two", 2)
    findings = []
    for round_number in range(rounds):
        urls = [change_url(company) for company in companies]
        posts = [
            changeform_data(client.get(url)) for client, url in zip(clients, urls, strict=True)
        ]
        for post in posts:
            post["description"] = f"Round {round_number}."
        answers = save_at_once(list(zip(clients, urls, posts, strict=True)))
        descriptions = [Company.objects.get(pk=c.pk).description for c in companies]
        findings.append({"answers": answers, "descriptions": descriptions})
    return findings


def lock_held_past_the_timeout():
    """A save while another connection holds the write lock longer than the busy timeout."""
    import sqlite3

    company = make_company("CATL")
    (client,) = editor_clients("locked", 1)
    url = change_url(company)
    post = changeform_data(client.get(url))
    post["description"] = "Saved while the database was locked."
    holder = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response = client.post(url, post)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    company.refresh_from_db()
    return {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "body": response.content.decode(),
        "description": company.description,
        "version": company.version,
    }


SCENARIOS = {
    "same_record": lambda: same_record(rounds=10),
    "two_records": lambda: two_records(rounds=5),
    "lock_held_past_the_timeout": lock_held_past_the_timeout,
}

if __name__ == "__main__":
    setup_test_environment()  # the test client then records each response's template context
    settings.PASSWORD_HASHERS = TEST_PASSWORD_HASHERS
    call_command("migrate", verbosity=0)
    print(json.dumps({name: scenario() for name, scenario in SCENARIOS.items()}))
