"""
Reading a desk action's request body: no body can raise past the view.

A body is refused before it is read when it is larger than ``DESK_ACTION_MAX_BYTES`` (413), and
otherwise parsed by orjson, which stops at 1,024 levels of nesting without recursing in Python,
refuses invalid UTF-8, lone surrogates, NaN and numbers beyond a double. What it returns is then
walked once, without recursion, for the desk's own bounds: at most ``MAX_DEPTH`` levels (the
shape check and the actions recurse over rows) and no NUL character in any text (PostgreSQL
cannot store one). Each refusal names what was wrong.
"""

import orjson
from django.conf import settings

# desk.js sends at most six levels ({"proposal": {"fields": {"parties": [{"company": {...}}]}}}).
MAX_DEPTH = 16


class Refused(Exception):
    """A body the desk does not read, with the HTTP status of its refusal."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def read_action(request):
    """The JSON object of a desk action's body, or Refused naming what was wrong with it."""
    limit = settings.DESK_ACTION_MAX_BYTES
    size = declared_length(request)
    if size > limit:
        raise Refused(
            f"The request is {size} bytes; a desk action may be at most {limit:,} bytes.",
            status=413,
        )
    data = parsed(request.body or b"{}")
    if not isinstance(data, dict):
        raise Refused("The request is not a JSON object.")
    check_bounds(data)
    return data


def declared_length(request):
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:  # Django reads such a body as empty, and so does the desk
        return 0


def parsed(body):
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        reason = str(error)
        if reason.startswith("depth limit exceeded"):
            raise Refused(too_deep()) from None
        if "not valid UTF-8" in reason:
            raise Refused("The request is not JSON: it is not valid UTF-8.") from None
        raise Refused(f"The request is not JSON: {reason}.") from None


def too_deep():
    return f"The request is nested more than {MAX_DEPTH} levels deep."


def check_bounds(data):
    """Refuse ``data`` if nested deeper than MAX_DEPTH or holding a NUL in a key or a text."""
    pending = [(data, 1, "")]
    while pending:
        value, depth, where = pending.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise Refused(too_deep())
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                path = f"{where}.{key}" if where else str(key)
                if isinstance(key, str) and "\x00" in key:
                    raise Refused(f"A name in “{where or 'the request'}” contains a NUL character.")
                pending.append((item, depth + 1, path))
        elif isinstance(value, str) and "\x00" in value:
            raise Refused(f"“{where}” contains a NUL character, which is never valid.")
