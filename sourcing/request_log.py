"""
Which request a log record is about: every record written while a request is answered carries
its id, its user and its path, so an operator can find all the lines of one request (and the
client or proxy that sent ``X-Request-ID`` can quote it).

The id is the request's ``X-Request-ID`` when it is a plausible one (a proxy's or a load
balancer's), else a new one; the answer carries it back in ``X-Request-ID``. Nothing here reads
the database: a record about a failed request must not fail in turn.
"""

import logging
import re
import uuid
from contextvars import ContextVar

from django.utils.functional import empty

# Letters, digits and the punctuation of UUIDs and trace ids; anything else could forge a log
# line's fields or fill it with noise, and is replaced.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
NONE = "-"

_current = ContextVar("sourcing_current_request", default=None)


def request_id_of(request):
    given = request.headers.get("X-Request-ID", "")
    return given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE, so that whatever is logged while answering names the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_of(request)
        token = _current.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def username_of(request):
    """The user as already known to the request; never looked up (that could query)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return NONE  # not authenticated yet, or nobody asked
    if not user.is_authenticated:
        return "anonymous"
    return user.get_username()


class RequestContextFilter(logging.Filter):
    """Adds ``request_id``, ``user`` and ``path`` to every record (``-`` outside a request)."""

    def filter(self, record):
        request = _current.get() or getattr(record, "request", None)
        # Fields a record brings of its own (gunicorn's access lines) are kept.
        fields = {
            "request_id": getattr(request, "request_id", NONE),
            "user": username_of(request) if request is not None else NONE,
            "path": getattr(request, "path", NONE),
        }
        for name, value in fields.items():
            if not hasattr(record, name):
                setattr(record, name, value)
        return True
