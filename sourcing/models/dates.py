"""Partial dates (a year, a month or a day) stored as their first day, with their precision."""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year"
    MONTH = "month", "Month"
    DAY = "day", "Day"


def date_with_precision_constraint(prefix, field, precision_field):
    """A date and its precision are set together or not at all: unknown stays unknown."""
    return models.CheckConstraint(
        condition=(Q(**{f"{field}__isnull": True}) & Q(**{precision_field: ""}))
        | (Q(**{f"{field}__isnull": False}) & ~Q(**{precision_field: ""})),
        name=f"{prefix}_{field}_has_precision",
    )


def format_partial_date(value, precision):
    """'2021', '2021-06' or '2021-06-28' as the source gave it; '' when unknown."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def clean_partial_date(value, precision, field, precision_field):
    """Form-level version of the database rule, plus the canonical first day of a year/month."""
    if (value is None) != (not precision):
        raise ValidationError(
            {precision_field: "Give a precision exactly when a date is given."}
            if value is not None
            else {field: "A precision was given without a date."}
        )
    return truncate_to_precision(value, precision)


# ASCII digits only: \d would also read other scripts' digits ("٢٠٢١").
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class NotACalendarDate(ValueError):
    """A partial date of the right form naming no day of the calendar ("2023-02-30")."""


def parse_partial_date(text):
    """
    ``"2021"``, ``"2021-06"`` or ``"2021-06-28"`` as ``(first day, precision)``: the precision is
    the one the writer gave. Raises ValueError when ``text`` is not of that form, and its
    subclass NotACalendarDate when it is but names no real date.
    """
    match = PARTIAL_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"“{text}” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    # Name the part that is wrong: "2021-13" has no such month, not "no such day".
    for part, name, last in ((year, "year", datetime.MAXYEAR), (month, "month", 12)):
        if part is not None and not 1 <= int(part) <= last:
            raise NotACalendarDate(f"“{text}” is not a valid date: no such {name}")
    try:
        first = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise NotACalendarDate(f"“{text}” is not a valid date: no such day") from None
    if day:
        return first, DatePrecision.DAY
    return first, DatePrecision.MONTH if month else DatePrecision.YEAR


def last_day_of_period(first, precision):
    """The last day of the year, month or day that starts on ``first``."""
    if precision == DatePrecision.YEAR:
        return first.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first


def dates_disagree(first, first_precision, second, second_precision):
    """
    Whether two partial dates name periods that do not overlap: "2021" and "2022" disagree;
    "2021-06" and "2021-06-28" do not (the day lies in the month).
    """
    return first > last_day_of_period(second, second_precision) or second > last_day_of_period(
        first, first_precision
    )


def truncate_to_precision(value, precision):
    """
    The stored form of a partial date: the first day of its year or month. Date filters compare
    stored dates, so "2021-06" must never be kept as 2021-06-15.
    """
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def normalize_partial_dates(record):
    """Truncate each (date, precision) pair a model lists in ``partial_dates``; see above."""
    for date_field, precision_field in record.partial_dates:
        value = getattr(record, date_field)
        setattr(record, date_field, truncate_to_precision(value, getattr(record, precision_field)))
