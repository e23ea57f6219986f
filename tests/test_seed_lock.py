"""Two seeds at once: the second waits for the first, then finds nothing to do."""

import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection

from sourcing.models import Citation, Company, SeedOwnership

# The test database on SQLite is an in-memory database shared between threads through SQLite's
# shared cache, whose table locks fail at once instead of waiting: two threads cannot show a
# wait there. The SQLite lock is the write lock the seed takes first thing (see seeding.locking).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two real connections (PostgreSQL)"
    ),
]


def seed_in_thread(start, results):
    out, err = io.StringIO(), io.StringIO()
    try:
        start.wait()
        call_command("seed", stdout=out, stderr=err)
        results.append(out.getvalue())
    except BaseException as error:  # noqa: BLE001 - the test reports whatever the loser met
        results.append(error)
    finally:
        connection.close()


def test_two_seeds_at_once_on_an_empty_database_run_one_after_the_other():
    start, results = threading.Barrier(2), []
    threads = [threading.Thread(target=seed_in_thread, args=(start, results)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)

    assert all(isinstance(result, str) for result in results), results
    assert sorted(result.split(":")[0] for result in results) == [
        "Nothing changed",
        "Seeded 5 articles, 22 companies, 9 stakes, 10 agreements, 5 plants, 7 vehicle "
        "programmes and 189 citations (each quote found in its article)",
    ]
    assert Company.objects.count() == 22
    assert Citation.objects.count() == 189
    assert SeedOwnership.objects.filter(content_type__model="citation").count() == 189
