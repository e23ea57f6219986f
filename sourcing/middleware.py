"""Request checks that every page needs before any view or database sees the request."""

import logging

from django.contrib.messages.storage import default_storage
from django.db import OperationalError, connections
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware import common
from django.shortcuts import render

from .api.params import parameter_holding_nul
from .models import editing_as

logger = logging.getLogger(__name__)


class RefuseNulBytesMiddleware:
    """
    Answers 400 to a request whose query string or form data contains a NUL character.

    NUL is never meaningful in a parameter, and PostgreSQL cannot store or compare text holding
    one: an admin list filter or autocomplete term with ``%00`` would end in a DataError (a 500).
    The API is left alone: it refuses NUL itself, with the JSON error body its consumers parse.
    """

    exempt_path_prefixes = ("/api/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.exempt_path_prefixes):
            # request.POST is empty unless the body is form data: other bodies are not parsed.
            name = parameter_holding_nul(request.GET, request.POST)
            if name is not None:
                return HttpResponseBadRequest(
                    f"Bad request: the parameter “{name}” contains a NUL character (%00), "
                    "which is never valid.",
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)


class CommonMiddleware(common.CommonMiddleware):
    """
    Django's, redirecting to the URL with a final slash only for GET and HEAD.

    A redirect cannot carry a POST, PUT, PATCH or DELETE body; with DEBUG on, Django answers
    such a request with a RuntimeError (a 500 page) explaining that to the developer. A client
    that writes to ``/api/v1/agreements`` gets the plain 404 of an unknown URL instead.
    """

    def should_redirect_with_slash(self, request):
        return request.method in ("GET", "HEAD") and super().should_redirect_with_slash(request)


class EditingAsRequestUserMiddleware:
    """
    Every change made while answering a request is the request's user's (``editing_as``): a
    verified record changed by someone who may not verify it goes back to review, whether the
    change comes through the admin or any other view. After the authentication middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with editing_as(request.user):
            return self.get_response(request)


def is_database_busy(exception):
    """Whether ``exception`` is SQLite giving up on a lock another writer held past the timeout."""
    return isinstance(exception, OperationalError) and "database is locked" in str(exception)


BUSY_RETRY_AFTER_SECONDS = 5
BUSY_MESSAGE = (
    "The database is busy with another editor's save and nothing was saved. "
    "Try again in a few seconds."
)


def busy_response(request):
    """503 "busy, try again", in the form the asker reads: the API's JSON, the desk's, or HTML."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": BUSY_MESSAGE}, status=503)
    elif request.content_type == "application/json":  # a desk action, read by desk.js
        response = JsonResponse({"error": BUSY_MESSAGE}, status=503)
    else:
        # An editor's save: say that the form, one step back, still holds their work.
        context = {"message": BUSY_MESSAGE, "saving": request.method not in ("GET", "HEAD")}
        response = render(request, "sourcing/busy.html", context, status=503)
    response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    """
    Answers 503 "busy, try again" when SQLite stays locked past its busy timeout.

    Editors' saves wait their turn (IMMEDIATE transactions, see settings); one that has waited
    the whole timeout is refused with nothing saved, and says so, rather than ending in a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return busy_response(request) if is_database_busy(exception) else None


# PostgreSQL's codes for a transaction it rolled back to let another go on: run it again.
TRANSIENT_FAILURES = {"40P01": "deadlock", "40001": "serialization failure"}


def transient_failure(exception):
    """ "deadlock" or "serialization failure" if ``exception`` is one, else None."""
    if not isinstance(exception, OperationalError):
        return None
    return TRANSIENT_FAILURES.get(getattr(exception.__cause__, "sqlstate", None))


class RetryTransientFailuresMiddleware:
    """
    Runs a request again, once, when PostgreSQL rolled its transaction back as a deadlock victim
    or a serialization failure; if that fails the same way, answers 503 "busy, try again".

    Writers lock rows in one order (``sourcing.models.changes``), so this should not happen; if
    it does, the editor's save goes through rather than ending in a 500. Every path that writes
    (admin pages, desk actions, merges) writes in one transaction, so the failed attempt left
    nothing behind. Not retried: a request whose transaction is still open and doomed (a test's,
    or ``ATOMIC_REQUESTS``). Last in MIDDLEWARE, so it sees the view's exception first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        failure = transient_failure(exception)
        if failure is None or getattr(request, "_sourcing_retried", False):
            return None
        if any(c.needs_rollback for c in connections.all(initialized_only=True)):
            return None
        request._sourcing_retried = True
        logger.warning("%s on %s %s: running it again", failure, request.method, request.path)
        if hasattr(request, "_messages"):  # what the failed attempt told the user is void
            request._messages = default_storage(request)
        match = request.resolver_match
        try:
            return match.func(request, *match.args, **match.kwargs)
        except OperationalError as again:
            if transient_failure(again) is None:
                raise
            logger.warning("%s again on %s %s: answered 503", failure, request.method, request.path)
            return busy_response(request)
