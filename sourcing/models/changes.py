"""
The change feed's log: one row per published record that ever changed, moved to the end of the
feed each time it changes again (a compacted log, so its size is the number of records, not of
edits).

The order of the feed is the order in which transactions COMMIT, not the order in which they
wrote: a consumer that polls ``after=<seq>`` while two editors save must never see a later
sequence number before an earlier one becomes visible, or it would skip it. How ``seq`` gets
that property differs per database:

- PostgreSQL: rows are written with ``seq`` NULL; deferred constraint triggers (migrations
  ``0008`` and ``0017``) fill it from a sequence at commit time, under a transaction-level
  advisory lock, so sequence numbers are drawn in commit order. The lock is the last one a
  transaction takes, so it cannot deadlock with row locks, and it is held only while the
  transaction commits: the first trigger only marks its row, which queues the one that takes
  the lock behind every other deferred check (a foreign key's, which may wait for a row).

Lock order, so that writers never deadlock over the log: a transaction locks the rows it writes
first and its log rows last, all at once and in key order (``changes_logged_together``, which
every ``Versioned`` save and deletion, desk action and admin page uses), and rows are locked FOR
NO KEY UPDATE, never FOR UPDATE, which would make another commit's foreign-key check wait.
- SQLite: one writer at a time holds the database until it commits, so numbering rows as they
  are written already follows commit order.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections, models, transaction
from django.db.models import F
from django.utils import timezone

# PostgreSQL's deferred triggers that number the log at commit: one marks, one draws (0017).
NUMBERING_TRIGGERS = "sourcing_change_number_at_commit, sourcing_change_draw_seq"

# The keys ``log_changes`` holds back inside ``changes_logged_together``, by database alias.
_held_back = ContextVar("held_back_feed_changes", default=None)


def nothing_is_public(keys, using):
    return set()


# Which of some ``(resource, record_id)`` keys anonymous readers can see now: the resources'
# rules, which this module cannot import (the API's table of resources builds on the models).
# ``sourcing.changes.connect`` sets it when the app is ready.
publicly_visible = nothing_is_public


_unlogged = ContextVar("unlogged_feed_changes", default=False)


@contextmanager
def unlogged():
    """Writes inside change nothing readers see (a pending version dropped): none is logged."""
    token = _unlogged.set(True)
    try:
        yield
    finally:
        _unlogged.reset(token)


def no_pending_versions(keys, using):
    return set()


# Which keys name a pending version (``models/pending.py``): a copy no reader lists, whose
# changes the feed never carries (its published record's one change does, when published).
_pending_versions_test = no_pending_versions


def set_pending_versions_test(test):
    global _pending_versions_test
    _pending_versions_test = test


def set_public_test(test):
    """Name the function that says which logged keys the public can see (see above)."""
    global publicly_visible
    publicly_visible = test


class ChangeQuerySet(models.QuerySet):
    def published(self):
        """Rows whose sequence number is drawn, in feed order (only committed rows have one)."""
        return self.filter(seq__isnull=False).order_by("seq")

    def seen_by(self, sees_drafts):
        """
        The rows a reader may be told of: all of them for staff; for the public, only those of
        records the public could see at one of their changes (``Change.public``), so that a draft
        never published is never named, not even as a deletion, and a change to drafts alone
        does not move what the public's ETags and feed say.
        """
        return self if sees_drafts else self.filter(public=True)

    def latest_published(self):
        """
        The last published row, as ``{"seq", "at"}``, or None. DESC NULLS LAST (though no
        published row has a NULL) so that only migration 0012's index yields the order.
        """
        latest = self.filter(seq__isnull=False).order_by(F("seq").desc(nulls_last=True))
        return latest.values("seq", "at").first()


class Change(models.Model):
    """The latest change of one record of one API resource (``agreements`` 12)."""

    resource = models.CharField(max_length=20)
    record_id = models.BigIntegerField()
    seq = models.BigIntegerField(null=True, blank=True, unique=True)
    at = models.DateTimeField(default=timezone.now)
    # Whether anonymous readers could see the record at one of its logged changes: once true,
    # it stays true, so a record they saw and that went (deleted, withdrawn) is a deletion for
    # them, while one they never saw is never named.
    public = models.BooleanField(default=False)

    objects = ChangeQuerySet.as_manager()

    class Meta:
        verbose_name = "change"
        verbose_name_plural = "changes"
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "record_id"], name="one_change_row_per_record"
            ),
        ]

    def __str__(self):
        return f"{self.seq}: {self.resource} {self.record_id}"


class ChangeFeedHorizon(models.Model):
    """
    How far back the feed reaches. Pruning removes the rows of records deleted long ago; a
    consumer asking for changes after a sequence number older than the horizon could have missed
    one of those deletions and is told to start again from the export (HTTP 410).
    """

    pruned_through = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "change feed horizon"

    def __str__(self):
        return f"changes pruned through {self.pruned_through}"

    @classmethod
    def current(cls):
        horizon = cls.objects.order_by("pk").values_list("pruned_through", flat=True).first()
        return horizon or 0


# Set on a connection when it logs a change that its transaction's commit will number, cleared
# by that commit: only in between has ``number_own_changes`` anything to do (every API read asks,
# and most run in a transaction that has written nothing). Numbering does not clear it: a
# savepoint rolled back (a test's) undoes the numbering, not the changes of the outer transaction.
UNNUMBERED = "sourcing_unnumbered_changes"


def mark_unnumbered(connection):
    setattr(connection, UNNUMBERED, True)
    # A transaction rolled back leaves it set: one needless numbering per read until the next
    # commit of a change clears it.
    transaction.on_commit(lambda: setattr(connection, UNNUMBERED, False), using=connection.alias)


def number_own_changes(using="default"):
    """
    On PostgreSQL, number the changes the current transaction has made so far, so that a reader
    inside it (a test, a request run in one transaction) sees its own writes in the feed. Outside
    a transaction, or in one that has logged no change, there is nothing pending and nothing to
    do.
    """
    connection = connections[using]
    if not getattr(connection, UNNUMBERED, False):
        return
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS {NUMBERING_TRIGGERS} IMMEDIATE")
            cursor.execute(f"SET CONSTRAINTS {NUMBERING_TRIGGERS} DEFERRED")


@contextmanager
def changes_logged_together():
    """
    Log the changes made inside the block once, as it ends, instead of at every write: a seed
    writes hundreds of rows of a few dozen records, and each write moved its record to the end of
    the feed again (three statements on SQLite). Use it inside the transaction that writes, so
    the feed still changes with the data or not at all; a block that raises, or whose
    transaction is marked to be rolled back, logs nothing. Nested blocks log with the outermost.
    """
    if _held_back.get() is not None:
        yield
        return
    held_back = {}
    token = _held_back.set(held_back)
    try:
        yield
    finally:
        _held_back.reset(token)
    for using, keys in held_back.items():
        if not connections[using].needs_rollback:  # marked to be rolled back: nothing to log
            log_changes(keys, using=using)


def log_changes(keys, using="default"):
    """
    Move each ``(resource, record_id)`` of ``keys`` to the end of the feed, in the current
    transaction (or, inside ``changes_logged_together``, as that block ends).
    """
    keys = sorted(set(keys))
    if not keys or _unlogged.get():
        return
    held_back = _held_back.get()
    if held_back is not None:
        held_back.setdefault(using, set()).update(keys)
        return
    keys = [key for key in keys if key not in _pending_versions_test(keys, using)]
    if not keys:
        return
    now = timezone.now()
    changes = Change.objects.using(using)
    public = publicly_visible(keys, using) | was_public(changes, keys)
    rows = [
        Change(resource=resource, record_id=pk, at=now, public=(resource, pk) in public)
        for resource, pk in keys
    ]
    if connections[using].vendor == "postgresql":
        # An upsert that clears the number: the commit trigger draws a new one. Two transactions
        # changing the same record queue on its row instead of failing on the unique key.
        mark_unnumbered(connections[using])
        changes.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["resource", "record_id"],
            update_fields=["seq", "at", "public"],
        )
        return
    # One writer at a time: the row is written anew, and its AUTOINCREMENT id, never reused, is
    # its number.
    for resource, pk in keys:
        changes.filter(resource=resource, record_id=pk).delete()
    created = changes.bulk_create(rows)
    if any(row.pk is None for row in created):
        created = changes.filter(seq__isnull=True)
    changes.filter(pk__in=[row.pk for row in created]).update(seq=models.F("id"))


def ids_by_resource(keys):
    """``(resource, id)`` keys as ``{resource: [id, ...]}``, to read each resource in one query."""
    grouped = {}
    for resource, pk in keys:
        grouped.setdefault(resource, []).append(pk)
    return grouped


def was_public(changes, keys):
    """The keys of ``keys`` whose record the public could already see at a logged change."""
    found = set()
    for resource, ids in ids_by_resource(keys).items():
        rows = changes.filter(resource=resource, record_id__in=ids, public=True)
        found.update((resource, pk) for pk in rows.values_list("record_id", flat=True))
    return found
