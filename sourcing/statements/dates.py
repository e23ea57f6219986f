"""
Dates and years: the passage gives the stored date at its stored precision: the year, plus the
month and the day when they are stored ("June 28, 2021" states 2021-06 and 2021, not the
reverse). A weekday or "last year" is no date the checker can read.
"""

from ..models.dates import DatePrecision, format_partial_date
from .verdicts import not_stated, stated

_FINER = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}


def _agrees(mention, date, precision):
    if _FINER[mention.precision] < _FINER[precision] or mention.date.year != date.year:
        return False
    if precision == DatePrecision.YEAR:
        return True
    if mention.date.month != date.month:
        return False
    return precision == DatePrecision.MONTH or mention.date.day == date.day


def check_date(value, reading):
    stored = format_partial_date(value.date, value.precision)
    for mention in reading.dates:
        if _agrees(mention, value.date, value.precision):
            return stated(f"gives “{reading.text[mention.start : mention.end]}”")
    return not_stated(_what_it_gives(reading, f"the date {stored}"))


def check_year(value, reading):
    for mention in reading.dates:
        if mention.date.year == value.year:
            return stated(f"gives “{reading.text[mention.start : mention.end]}”")
    return not_stated(_what_it_gives(reading, f"the year {value.year}"))


def _what_it_gives(reading, stored):
    if not reading.dates:
        return f"gives no date, so not {stored}"
    given = ", ".join(f"“{reading.text[m.start : m.end]}”" for m in reading.dates[:3])
    return f"gives {given}, not {stored}"
