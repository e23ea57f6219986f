"""Request checks that every page needs before any view or database sees the request."""

from django.db import OperationalError
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware import common
from django.shortcuts import render

from .api.params import parameter_holding_nul
from .models import editing_as


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


class DatabaseBusyMiddleware:
    """
    Answers 503 "busy, try again" when SQLite stays locked past its busy timeout.

    Editors' saves wait their turn (IMMEDIATE transactions, see settings); one that has waited
    the whole timeout is refused with nothing saved, and says so, rather than ending in a 500.
    The API answers in JSON, like its other errors; every other page in HTML.
    """

    retry_after_seconds = 5
    message = (
        "The database is busy with another editor's save and nothing was saved. "
        "Try again in a few seconds."
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_busy(exception):
            return None
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": self.message}, status=503)
        else:
            # An editor's save: say that the form, one step back, still holds their work.
            context = {"message": self.message, "saving": request.method not in ("GET", "HEAD")}
            response = render(request, "sourcing/busy.html", context, status=503)
        response["Retry-After"] = str(self.retry_after_seconds)
        return response
