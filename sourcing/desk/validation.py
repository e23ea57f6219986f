"""
The shape of a desk action, checked in one place before any action reads it.

desk.js sends text, whole numbers and the records the suggestion engine names
({"id", "slug", "name"}); the actions read those values as they are. A request of another shape
(a list where a name belongs, an id that is no number) is refused with a message naming the
value, rather than failing in a query or being stored as the text of a Python list ("['a']").
"""

import math

from ..api.params import MAX_ID
from .writes import DeskError

# The action's own values; any other key of the request is not read.
WHOLE_NUMBERS = ("version", "start", "end")
TEXTS = ("action", "target", "field", "kind")

# A proposal's fields naming a company or a plant: a slug, a name or {"id", "slug", "name"}.
REFERENCES = ("holder", "target", "company", "plant", "operator")
# Fields holding rows, each an object of fields (an agreement's parties and volumes).
ROWS = ("parties", "volumes")
# Fields the engine fills with a number or a flag (a non-editorial part's "start" and "end"
# too); an edit at the desk sends them back as text.
NUMBERS = (
    *("share_exact", "share_min", "share_max", "gwh_per_year", "value", "year", "start_year"),
    *("start", "end"),
)
FLAGS = ("share_min_exclusive", "share_max_exclusive")


def check_action(data):
    """Raise DeskError naming the first value of ``data`` (a decoded request) of the wrong shape."""
    for name in TEXTS:
        text(data.get(name), name)
    for name in WHOLE_NUMBERS:
        whole_number(data.get(name), name)
    targets = data.get("targets")
    if targets is not None:
        if not isinstance(targets, list):
            raise DeskError(f"“targets” must be a list of records, not {kind_of(targets)}.")
        for number, key in enumerate(targets):
            text(key, f"targets.{number}")
    if "proposal" in data:
        check_proposal(data["proposal"])


def check_proposal(proposal):
    an_object(proposal, "proposal")
    text(proposal.get("kind"), "kind")
    text(proposal.get("quote"), "quote")
    text(proposal.get("fingerprint"), "fingerprint")
    whole_number(proposal.get("start"), "start")
    whole_number(proposal.get("end"), "end")
    check_fields(proposal.get("fields"), "")


def check_fields(fields, path):
    if fields is None:
        return
    an_object(fields, path.rstrip(".") or "fields")
    for name, value in fields.items():
        where = f"{path}{name}"
        if name in ROWS and value is not None:
            if not isinstance(value, list):
                raise DeskError(f"“{where}” must be a list, not {kind_of(value)}.")
            for number, row in enumerate(value):
                an_object(row, f"{where}.{number}")
                check_fields(row, f"{where}.{number}.")
        elif name in REFERENCES:
            reference(value, where)
        elif name in NUMBERS and is_number(value):
            if not math.isfinite(value):
                raise DeskError(f"“{where}” must be a number.")
        elif not (name in FLAGS and isinstance(value, bool)):
            text(value, where)


def reference(value, where):
    """A record named by its slug or name, or as the engine names it: {"id", "slug", "name"}."""
    if not isinstance(value, dict):
        text(value, where)
        return
    record_id = value.get("id")
    if record_id is not None and not (
        isinstance(record_id, int)
        and not isinstance(record_id, bool)
        and 0 < record_id <= MAX_ID  # larger is no record's, and would overflow
    ):
        raise DeskError(f"“{where}”: the id “{record_id}” is not a record's number.")
    for key in ("slug", "name"):
        if value.get(key) is not None and not isinstance(value[key], str):
            raise DeskError(f"“{where}”: the {key} must be text, not {kind_of(value[key])}.")


def text(value, where):
    if value is not None and not isinstance(value, str):
        raise DeskError(f"“{where}” must be text, not {kind_of(value)}.")


def whole_number(value, where):
    if value is not None and not (isinstance(value, int) and not isinstance(value, bool)):
        raise DeskError(f"“{where}” must be a whole number, not {kind_of(value)}.")


def an_object(value, where):
    if not isinstance(value, dict):
        raise DeskError(f"“{where}” must be an object, not {kind_of(value)}.")


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def kind_of(value):
    """How a JSON value reads in a message: "a list", "text"..."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "empty"
