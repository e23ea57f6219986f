"""
A time limit on every database statement of an API request, so that no request the schema allows
can tie up PostgreSQL (or run past the app server's worker timeout and get the worker killed).
Every API view takes ``StatementTimeoutMixin``; the export's stream, which outlives its view,
takes each statement under ``statement_timeout()`` itself.

On PostgreSQL the request runs in a transaction whose ``statement_timeout`` is set with
``SET LOCAL``: it ends with the transaction, so admin pages, commands and migrations sharing the
connection are never limited. A cancelled statement becomes a JSON 503 (see ``QueryTimedOut``).
Other databases have no such setting: there the limit does nothing.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction
from rest_framework.exceptions import APIException

# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (query_canceled).
QUERY_CANCELED = "57014"
DEFAULT_MILLISECONDS = 5000


def limit_ms():
    """``API_STATEMENT_TIMEOUT_MS`` (0 or None: no limit), well under gunicorn's 30 s timeout."""
    return getattr(settings, "API_STATEMENT_TIMEOUT_MS", DEFAULT_MILLISECONDS)


@contextmanager
def statement_timeout():
    milliseconds = limit_ms()
    if connection.vendor != "postgresql" or not milliseconds:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            # An int from settings, not user input; SET takes no bound parameters.
            cursor.execute(f"SET LOCAL statement_timeout = {int(milliseconds)}")
        yield


def is_statement_timeout(error):
    cause = error.__cause__
    code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    return isinstance(error, OperationalError) and code == QUERY_CANCELED


class QueryTimedOut(APIException):
    status_code = 503
    default_code = "query_timed_out"

    def __init__(self):
        seconds = limit_ms() / 1000
        super().__init__(
            f"The database took longer than {seconds:g} s to answer this request, and it was "
            "stopped. Narrow the filters (fewer parties, a more specific search), or try again "
            "later."
        )


class StatementTimeoutMixin:
    """For every API view: the request runs under the limit, and a statement over it is a 503."""

    def dispatch(self, request, *args, **kwargs):
        with statement_timeout():
            return super().dispatch(request, *args, **kwargs)

    def handle_exception(self, exc):
        if is_statement_timeout(exc):
            # The transaction is aborted: roll it back quietly, answer a clear 503.
            transaction.set_rollback(True)
            exc = QueryTimedOut()
        return super().handle_exception(exc)
