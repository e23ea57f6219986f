"""
The change feed under concurrency: a reader polling while transactions commit in another order
than they wrote misses nothing (PostgreSQL, where transactions interleave).
"""

import contextvars
import threading

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from sourcing.models import Change, Company
from tests.factories import VERIFIED, cite, make_article, make_company


@pytest.fixture(autouse=True)
def _fresh_content_types():
    yield
    # The flush and restore around a transactional test renumber content types.
    ContentType.objects.clear_cache()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite has one writer at a time: transactions cannot interleave",
)
@pytest.mark.django_db(transaction=True)
def test_a_reader_polling_while_transactions_commit_out_of_order_misses_nothing():
    """
    Transaction A writes first and commits last; B writes later and commits first. The reader
    polls in between and after each commit: every change reaches it, whatever the order.
    """
    article = make_article()
    a_wrote, b_committed = threading.Event(), threading.Event()
    created = {}

    def transaction_a():
        try:
            with transaction.atomic():
                created["a"] = make_company("Written first", review_status=VERIFIED).pk
                cite(Company.objects.get(pk=created["a"]), article, "Verkor will supply")
                a_wrote.set()
                b_committed.wait(10)
        finally:
            connection.close()

    def transaction_b():
        try:
            a_wrote.wait(10)
            with transaction.atomic():
                created["b"] = make_company("Written second", review_status=VERIFIED).pk
            b_committed.set()
        finally:
            connection.close()

    public = APIClient()
    after = public.get("/api/v1/changes/").json()["last_seq"]
    seen = []

    def poll():
        nonlocal after
        body = public.get("/api/v1/changes/", {"after": after}).json()
        seen.extend((e["resource"], e["id"]) for e in body["results"])
        after = body["last_seq"]

    # Each thread writes as the test does (reviewed data, ``_test_data_is_reviewed_data``): a
    # thread starts with an empty context, where the writer is unknown and records go to review.
    threads = [
        threading.Thread(target=contextvars.copy_context().run, args=[write])
        for write in (transaction_a, transaction_b)
    ]
    for thread in threads:
        thread.start()
    b_committed.wait(10)
    poll()  # B has committed, A has not: whatever the reader sees, it must not skip A later
    for thread in threads:
        thread.join(10)
    poll()
    assert ("companies", created["a"]) in seen and ("companies", created["b"]) in seen
    seqs = list(Change.objects.published().values_list("seq", flat=True))
    assert seqs == sorted(seqs)


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="PostgreSQL numbers the changes as they commit",
)
@pytest.mark.django_db(transaction=True)
def test_an_api_read_numbers_changes_only_when_its_own_transaction_made_some():
    staff = APIClient()
    staff.force_authenticate(User.objects.create_superuser("root", password="pw-for-tests-only"))
    make_company(name="Committed Cells", review_status=VERIFIED)  # numbered as it committed

    with CaptureQueriesContext(connection) as read:
        assert staff.get("/api/v1/companies/").status_code == 200
    # Nothing of the read's own to number: no round trips to the server for it.
    assert not [q for q in read.captured_queries if q["sql"].startswith("SET CONSTRAINTS")]

    with transaction.atomic():
        pending = make_company(name="Uncommitted Cells")
        entries = staff.get("/api/v1/changes/").json()["results"]
        # A reader inside the writing transaction still sees its writes in the feed.
        assert ("companies", pending.pk) in {(e["resource"], e["id"]) for e in entries}
