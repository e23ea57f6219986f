"""
How the read API's query parameters are written, and which values it refuses: one home for the
syntax (plain numbers, ids, partial dates, text), the strictness (NUL, empty, repeated or unknown
parameters) and the bounds (search length, repeated parties), with the OpenAPI schema fragments
that state exactly the same rules, so that a value the schema allows is never refused and the
reverse. Filters, pagination, format negotiation and the middleware all read it from here.
"""

import base64
import binascii
import datetime
import re
from typing import NamedTuple

import orjson
from django import forms
from django.core.exceptions import ValidationError
from django_filters.fields import BaseCSVField
from rest_framework import exceptions

from ..models import NotACalendarDate, last_day_of_period, parse_partial_date

# The largest value of a BigAutoField: larger "ids" cannot name a record and would overflow the
# database's integer type if they reached a query.
MAX_ID = 2**63 - 1

# A search term is matched with LIKE '%term%' over folded names and bodies: its cost grows with its
# length, and no name or passage a reader looks for is longer than this.
MAX_SEARCH_LENGTH = 100
# Other text (a publisher, a company slug or id) names something stored in a column of at most
# 200 characters (slugs are 50): a longer value can match nothing.
MAX_TEXT_LENGTH = 200
# A cursor (``pagination``) holds the sort key of a row: at most a date, an id and text of up to
# 500 characters (an article's title) or two of 200 (a stake's companies), of up to 4 bytes each in
# UTF-8, about 2,800 characters once encoded. Anything longer was not made by the server.
MAX_CURSOR_LENGTH = 4096
# Each party adds a subquery to the agreements query; planning a hundred of them took seconds on
# PostgreSQL. No real agreement has more parties than this worth filtering on.
MAX_PARTIES = 5

NUL = "\x00"

# Numbers in the query string are written plainly: ASCII digits and, in a decimal, one point with
# digits on both sides. No sign (no parameter takes a negative number, so "+" is refused as much
# as "-"), spaces, exponent or "_". [0-9], not \d, which Python matches in any script.
WHOLE_NUMBER = re.compile("[0-9]+")
# An id, in a URL or a filter, is also written without leading zeros: "01" and "1" would otherwise
# be two spellings of one record (two URLs, two cache entries, two answers to compare).
RECORD_ID = re.compile("[1-9][0-9]*")
DECIMAL_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
# Shares and GWh figures are stored, and so compared, to the hundredth: more decimal places are
# refused ("Ensure that there are no more than 2 decimal places").
DECIMAL_PLACES = 2

# -- Schema fragments ----------------------------------------------------------------------------
# A pattern constrains the text of the value as written in the query string, numbers included.
# An empty value is refused for every parameter (minLength 1, or minItems 1 for lists).

# The characters Python's str.strip() removes (str.isspace()), written out rather than as \s,
# which ECMAScript and Python read differently. A value of only these is refused as empty.
WHITESPACE_CLASS = (
    r"\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
# No NUL anywhere, and at least one character that is not whitespace.
TEXT_PATTERN = rf"^[^\u0000]*[^\u0000{WHITESPACE_CLASS}][^\u0000]*$"
TEXT_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_TEXT_LENGTH,
    "pattern": TEXT_PATTERN,
}
SEARCH_SCHEMA = {**TEXT_SCHEMA, "maxLength": MAX_SEARCH_LENGTH}
# A reference (a company's slug or id) as the server reads it: no NUL, and neither starting nor
# ending with whitespace (see UnpaddedMixin).
REFERENCE_SCHEMA = {
    **TEXT_SCHEMA,
    "pattern": rf"^[^\u0000{WHITESPACE_CLASS}]([^\u0000]*[^\u0000{WHITESPACE_CLASS}])?$",
}
# A count (page_size): from 1, leading zeros allowed ("05" is five records).
COUNT_SCHEMA = {
    "type": "integer",
    "minimum": 1,
    "maximum": MAX_ID,
    "pattern": f"^{WHOLE_NUMBER.pattern}$",
}
ID_SCHEMA = {**COUNT_SCHEMA, "pattern": f"^{RECORD_ID.pattern}$"}
HUNDREDTHS_SCHEMA = {
    "type": "number",
    "multipleOf": 0.01,
    "pattern": rf"^[0-9]+(\.[0-9]{{1,{DECIMAL_PLACES}}})?$",
}
# URL-safe base64 without padding, the alphabet the server writes cursors in.
CURSOR_PATTERN = re.compile("[A-Za-z0-9_-]+")
CURSOR_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_CURSOR_LENGTH,
    "pattern": f"^{CURSOR_PATTERN.pattern}$",
}
COUNTRY_SCHEMA = {"type": "string", "pattern": "^[A-Za-z]{2}$"}
CURRENCY_SCHEMA = {"type": "string", "pattern": "^[A-Za-z]{3}$"}
# The partial dates the server accepts, exactly: years 0001-9999, months 01-12, and only the days
# of the calendar (30 April, 29 February of leap years), so that no value the schema allows is
# refused. ASCII digits only: [0-9], not \d, which some regex engines read in any script.
_YEAR = "(?!0000)[0-9]{4}"
_LEAP_YEAR = "(?!0000)([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
_DAY_OF_ANY_MONTH = "(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"
_DAY_29_OR_30 = "(0[13-9]|1[0-2])-(29|30)"
_DAY_31 = "(0[13578]|1[02])-31"
PARTIAL_DATE_SCHEMA = {
    "type": "string",
    "pattern": f"^({_YEAR}(-(0[1-9]|1[0-2]))?"
    f"|{_YEAR}-({_DAY_OF_ANY_MONTH}|{_DAY_29_OR_30}|{_DAY_31})"
    f"|{_LEAP_YEAR}-02-29)$",
    # No "example": Swagger UI's "Try it out" fills examples in, and would send a date filter
    # the reader never asked for. The parameter descriptions give examples in words.
}


# -- Values --------------------------------------------------------------------------------------


def parse_id(text):
    """The id ``text`` spells if it is written as an id (RECORD_ID) and can be one, else None."""
    text = str(text)
    return parse_count(text) if RECORD_ID.fullmatch(text) else None


def parse_count(text):
    """The integer ``text`` spells if it is written plainly and is from 1 to MAX_ID, else None."""
    text = str(text)
    # The length check comes first: int() of a huge digit string is slow and may raise.
    if WHOLE_NUMBER.fullmatch(text) and len(text.lstrip("0")) <= len(str(MAX_ID)):
        number = int(text)
        if 1 <= number <= MAX_ID:
            return number
    return None


def encode_cursor(content):
    """The opaque text of a cursor holding ``content`` (a JSON-able dict): URL-safe base64."""
    return base64.urlsafe_b64encode(orjson.dumps(content)).rstrip(b"=").decode("ascii")


def decode_cursor(text):
    """
    The dict a cursor's ``text`` holds, or a 400 naming ``cursor`` for text the server did not
    write: outside the alphabet or too long, not base64, not UTF-8 JSON, not a JSON object.
    Whether its values fit the list's ordering is the paginator's to check.
    """
    if len(text) <= MAX_CURSOR_LENGTH and CURSOR_PATTERN.fullmatch(text):
        try:
            content = orjson.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        except (binascii.Error, ValueError):  # orjson's JSONDecodeError is a ValueError
            content = None
        if isinstance(content, dict):
            return content
    raise_bad_cursor()


def raise_bad_cursor():
    refuse(
        ["cursor"], "Not a cursor of this list: follow the `next` and `previous` links as given."
    )


def has_non_ascii_digits(text):
    return any(char.isdigit() and not char.isascii() for char in text)


class AsciiDigitsMixin:
    """
    Numbers and dates in the query string are written with the ASCII digits 0-9. Python's int(),
    Decimal() and regex ``\\d`` also read other scripts' digits ("٢٠٢١", "２０"), which would make
    some filters accept them and others not: every numeric or date field refuses them here.
    """

    default_error_messages = {"non_ascii_digits": "Write numbers with the ASCII digits 0-9."}

    def to_python(self, value):
        if isinstance(value, str) and has_non_ascii_digits(value):
            raise ValidationError(self.error_messages["non_ascii_digits"], code="invalid")
        return super().to_python(value)


class PlainNumberMixin(AsciiDigitsMixin):
    """
    A number must match ``syntax`` (WHOLE_NUMBER or DECIMAL_NUMBER) as written. int() and
    Decimal() also read a sign, surrounding spaces, "1_0" (as 10), "1e1" and, in Django's
    IntegerField, "1.0": a filter would read a value the consumer did not write, and filters
    disagreed on which of these they took (``cited_in=+1`` was read, ``holder=+1`` refused).
    """

    syntax = None

    def to_python(self, value):
        if (
            isinstance(value, str)
            and value not in self.empty_values
            and not has_non_ascii_digits(value)  # AsciiDigitsMixin's message says more
            and not self.syntax.fullmatch(value)
        ):
            raise ValidationError(self.error_messages["not_plain"], code="invalid")
        return super().to_python(value)


class PlainIntegerField(PlainNumberMixin, forms.IntegerField):
    syntax = WHOLE_NUMBER
    default_error_messages = {
        "not_plain": "Enter a whole number with the digits 0-9 only (no sign, point or spaces)."
    }


class PlainIdField(PlainIntegerField):
    """A record's id, written as in its URL (RECORD_ID): "07" is refused, not read as 7."""

    syntax = RECORD_ID
    default_error_messages = {
        "not_plain": "Enter an id: a whole number with the digits 0-9 only, without leading "
        "zeros (no sign, point or spaces)."
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class PlainDecimalField(PlainNumberMixin, forms.DecimalField):
    syntax = DECIMAL_NUMBER
    default_error_messages = {
        "not_plain": "Enter a number with the digits 0-9 and at most one decimal point, e.g. 20 "
        "or 20.5 (no sign, exponent or spaces)."
    }


class UnpaddedMixin:
    """
    Text is read as written: surrounding whitespace is refused, not stripped, as a number's
    syntax refuses it. " 1" read as company 1, or " 2021" as 2021, would answer a value the
    consumer did not write, and the schema (REFERENCE_SCHEMA, PARTIAL_DATE_SCHEMA) allows neither.
    A value of only whitespace is refused earlier, as empty (``check_query_string``).
    """

    default_error_messages = {
        "padded": "Remove the whitespace around the value: it is read exactly as written."
    }

    def to_python(self, value):
        if isinstance(value, str) and value != value.strip():
            raise ValidationError(self.error_messages["padded"], code="invalid")
        return super().to_python(value)


class ReferenceField(UnpaddedMixin, forms.CharField):
    """A reference to a record by text (a company's slug or id), unpadded and of bounded length."""

    def __init__(self, **kwargs):
        super().__init__(max_length=MAX_TEXT_LENGTH, **kwargs)


class PartialDate(NamedTuple):
    """The days a date given as a year, a month or a day covers."""

    first: datetime.date
    last: datetime.date


class PartialDateField(UnpaddedMixin, AsciiDigitsMixin, forms.CharField):
    default_error_messages = {
        "invalid": "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.",
        "no_such_date": "“%(value)s” is not a date in the calendar.",
    }

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            first, precision = parse_partial_date(text)
        except NotACalendarDate:
            raise ValidationError(
                self.error_messages["no_such_date"], code="invalid", params={"value": text}
            ) from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return PartialDate(first, last_day_of_period(first, precision))


class NoEmptyItemsCSVField(BaseCSVField):
    """
    A comma-separated list (``ordering=-announced,title``) with no empty item: ``title,`` or
    ``,`` is a value lost on the way (as an empty parameter is), and the schema's list items
    have a minimum length of 1.
    """

    default_error_messages = {
        "empty_item": "Separate the values by single commas, with nothing empty between them."
    }

    def clean(self, value):
        if value is not None and any(not str(item).strip() for item in value):
            raise ValidationError(self.error_messages["empty_item"], code="invalid")
        return super().clean(value)


def distinct_references(values, maximum, name):
    """
    The non-empty values of a repeated parameter, each once, as written and in the order given
    (``ReferenceField`` refuses padded ones rather than read " a" as "a"); more than
    ``maximum`` distinct ones is an error naming the parameter ``name``.
    """
    references = [str(value) for value in dict.fromkeys(values or ()) if value]
    if len(references) > maximum:
        raise ValidationError(
            "Name at most %(maximum)s different values for “%(name)s” (%(count)s given).",
            code="max_items",
            params={"maximum": maximum, "name": name, "count": len(references)},
        )
    return references


# -- The query string as a whole -----------------------------------------------------------------


def parameter_holding_nul(*parameter_sets):
    """The name of the first parameter holding NUL, in its name or a value, or None."""
    for parameters in parameter_sets:
        for name, values in parameters.lists():
            if NUL in name or any(NUL in value for value in values):
                return name.replace(NUL, "\\0")
    return None


def refuse(names, message):
    """A 400 naming each parameter of ``names`` with ``message``, if there are any."""
    if names:
        raise exceptions.ValidationError({name: [message] for name in sorted(names)})


def check_query_string(query_params, known, repeatable=(), unlisted=()):
    """
    Refuse, in this order, a query string that no filter can read faithfully (``unlisted``: known
    names read only to be refused with directions, like ``page``, left out of the names offered):

    - NUL in any parameter, read or not: PostgreSQL cannot store or compare text holding it;
    - an unknown parameter (``parti=`` for ``party=``), which would quietly return the
      unfiltered list a consumer takes for an answer;
    - a parameter given twice unless it is ``repeatable`` (``?holder=a&holder=b`` would use the
      last value, which reads like "either company");
    - an empty value, or one of only (Unicode) whitespace: ``?kind=`` comes from a value lost on
      the way (an unset variable), and the unfiltered list would hide that.
    """
    name = parameter_holding_nul(query_params)
    if name is not None:
        refuse([name], "Null characters are not allowed.")
    unknown = set(query_params) - set(known)
    accepted = sorted(set(known) - set(unlisted))
    refuse(unknown, f"Unknown parameter. Accepted here: {', '.join(accepted)}.")
    refuse(
        [n for n, values in query_params.lists() if len(values) > 1 and n not in repeatable],
        "Give this parameter once; it takes a single value.",
    )
    refuse(
        [n for n, values in query_params.lists() if any(not value.strip() for value in values)],
        "Give this parameter a value, or leave it out.",
    )


def refuse_unknown_choice(name, noun, known):
    """A 400 for a value of ``name`` outside ``known`` (``?format=xml``: an unknown format)."""
    refuse([name], f"Unknown {noun}; use one of: {', '.join(known)}.")
