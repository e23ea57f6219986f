"""One seed at a time: two runs at once would both create the same rows and one would fail."""

from django.db import OperationalError, connection

from .sources import SeedError

# pg_advisory_xact_lock takes a bigint; any fixed number no other lock of this database uses.
SEED_LOCK_ID = 0x5EED_0001


def wait_for_other_seeds():
    """
    Call first thing inside the seed's transaction. The lock is held until that transaction ends,
    so a second run waits here, then sees the first run's rows and finds nothing to do.

    PostgreSQL: a transaction-level advisory lock, which waits as long as the first run takes.
    SQLite: the database write lock, taken now rather than at the first insert (a deferred
    transaction that reads first cannot always upgrade to writing); it waits up to the
    connection's busy timeout, then this says another seed is running.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEED_LOCK_ID])
    elif connection.vendor == "sqlite":
        try:
            with connection.cursor() as cursor:
                # A write that changes nothing, but like any write takes the write lock.
                cursor.execute("DELETE FROM sourcing_seedownership WHERE 0 = 1")
        except OperationalError as error:
            raise SeedError(
                f"another seed (or another write) is holding the database ({error}); "
                "run seed again when it has finished"
            ) from None
