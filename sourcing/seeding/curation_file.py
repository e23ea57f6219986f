"""
Reading the curation file: YAML in, plain checked Python values out. Every check raises a
``SeedError`` naming the entry (``where``) and what is wrong with it.
"""

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from ..models import parse_partial_date
from .sources import SeedError

SECTIONS = ("articles", "companies", "plants", "programmes", "stakes", "agreements")


def read_curation_file(path):
    """The curation file's sections, as a mapping of section name to its list of entries."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SeedError(f"{path}: cannot be read ({error.strerror or error})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SeedError(f"{path}: not a valid YAML file: {error}") from None
    mapping(data, str(path), optional=SECTIONS)
    return {section: as_list(data.get(section), section) for section in SECTIONS}


def where_is(noun, entry, key):
    """
    How errors name an entry before it is checked: by its ``key``'s value ("plant 'Foo'"), or,
    when it is not a mapping, by the entry itself (``!r`` applies to either).
    """
    return f"{noun} {entry.get(key) if isinstance(entry, dict) else entry!r}"


def named_entry(noun, entry, key, required=(), optional=()):
    """
    Checks an entry that ``key`` names (a plant by its name): returns the name, how errors name
    the entry (``where_is``) and how they name the record it gives ("plant “Foo”").
    """
    where = where_is(noun, entry, key)
    mapping(entry, where, required=(key, *required), optional=optional)
    name = text(entry[key])
    return name, where, f"{noun} “{name}”"


def mapping(entry, where, required=(), optional=()):
    """Check that ``entry`` is a mapping with the required keys and no unknown ones."""
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: expected a mapping of fields, got {entry!r}")
    missing = [key for key in required if key not in entry]
    if missing:
        raise SeedError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(entry) - set(required) - set(optional))
    if unknown:
        raise SeedError(f"{where}: unknown field(s) {', '.join(unknown)}")
    return entry


def as_list(value, where):
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"{where}: expected a list, got {value!r}")
    return value


def text(value):
    return "" if value is None else str(value)


def decimal(value, where):
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise SeedError(f"{where}: “{value}” is not a number") from None


def partial_date(value, where):
    """A date the curation file gives as YYYY, YYYY-MM or YYYY-MM-DD, and its precision."""
    if value in (None, ""):
        return None, ""
    # YAML reads an unquoted 2021-06-28 as a date already.
    written = value.isoformat() if isinstance(value, date) else str(value).strip()
    try:
        return parse_partial_date(written)
    except ValueError as error:
        raise SeedError(f"{where}: {error}") from None


def entry_name(entry, key):
    """How an entry names itself in messages, even when it is not a mapping."""
    return entry.get(key) if isinstance(entry, dict) else repr(entry)
