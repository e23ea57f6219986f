"""
Dates as sources write them, with their precision: "30 May 2023", "June 28, 2021", "12 juin 2023",
"1er juin 2023", "2023-05-30" (day); "June 2021", "juin 2021", "2023-04" (month); "en 2021",
"from 2025" (year).
"""

import datetime
import re
from dataclasses import dataclass

from ..models.dates import DatePrecision, format_partial_date
from ..text.search import fold_for_search
from . import triggers

_MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2,
    "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "decembre": 12,
}  # fmt: skip
# Written as sources write them (accents optional), longest first so "juillet" beats "juil".
_MONTH = (
    r"(?P<month>janvier|janv|january|jan|février|fevrier|févr|fevr|fév|fev|february|feb|mars|"
    r"march|mar|avril|avr|april|apr|mai|may|juin|june|jun|juillet|juil|july|jul|août|aout|"
    r"august|aug|septembre|september|sept|sep|octobre|october|oct|novembre|november|nov|"
    r"décembre|decembre|december|déc|dec)\.?"
)
_YEAR = r"(?P<year>1[89][0-9]{2}|20[0-9]{2}|2100)"
# A month's whole name, capitalised in English, in lower case in French.
_MONTH_WORD = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre)"
)
_DAY = r"(?P<day>[0-9]{1,2})(?:er|st|nd|rd|th)?"
_SPACE = r"[\s\u00a0\u202f]+"
_PATTERNS = [
    (re.compile(rf"(?<![\w]){_DAY}{_SPACE}{_MONTH},?{_SPACE}{_YEAR}(?![\w])", re.I), "day"),
    (re.compile(rf"(?<![\w]){_MONTH}{_SPACE}{_DAY},?{_SPACE}{_YEAR}(?![\w])", re.I), "day"),
    (
        re.compile(
            r"(?<![\w.,/-])(?P<year>1[89][0-9]{2}|20[0-9]{2})-(?P<month>[0-9]{2})"
            r"(?:-(?P<day>[0-9]{2}))?(?![\w]|[.,/-][0-9])"
        ),
        "iso",
    ),
    (
        re.compile(
            r"(?<![\w.,/-])(?P<day>[0-9]{1,2})[/.](?P<month>[0-9]{1,2})[/.]"
            rf"{_YEAR}(?![\w]|[.,/-][0-9])"
        ),
        "numeric",
    ),
    (re.compile(rf"(?<![\w]){_MONTH}{_SPACE}(?:of{_SPACE})?{_YEAR}(?![\w])", re.I), "month"),
]


# Days and months written without their year ("on 3 June", "le 6 octobre", "fin octobre", "in
# March"), dated by the article. A month alone follows a word of time, so that "May" the verb
# and "Mar" the abbreviation of a name stay words.
_UNDATED_PATTERNS = [
    (re.compile(rf"(?<![\w]){_DAY}{_SPACE}{_MONTH}(?![\w])", re.I), "day"),
    (re.compile(rf"(?<![\w]){_MONTH}{_SPACE}{_DAY}(?![\w]|[.,][0-9])", re.I), "day"),
    (
        re.compile(
            rf"(?<![\w])(?i:in|on|since|until|by|from|early|late|mid|end{_SPACE}of|"
            rf"beginning{_SPACE}of|en|depuis|fin|début|debut|mi|courant|d['’]ici|jusqu['’]en|"
            rf"dès|des|next|[àa]{_SPACE}(?:partir|compter){_SPACE}de)(?:{_SPACE}|-)"
            rf"(?-i:{_MONTH_WORD})(?![\w])"
        ),
        "month",
    ),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: datetime.date
    precision: str

    @property
    def partial(self):
        """ "2021", "2021-06" or "2021-06-28", as the API writes partial dates."""
        return format_partial_date(self.date, self.precision)


def _month_number(text):
    if text.isdigit():
        return int(text)
    return _MONTHS.get(fold_for_search(text).rstrip("."))


# A month or day ahead of the article's: "starting in January", "from 3 March", "à partir de
# janvier", "dès mars" (not a span of the past, "from January to June"), "juin prochain", "next
# June". In an article dated later in the year, it is next year's.
_AHEAD_BEFORE = re.compile(
    r"(?<![\w])(?:starting|beginning|commencing|effective|from|as[ \u00a0]+of|à[ \u00a0]+partir|"
    r"a[ \u00a0]+partir|à[ \u00a0]+compter|a[ \u00a0]+compter|dès)[ \u00a0]+(?:(?:in|on|en|"
    r"d['’]|de|du|le)[ \u00a0]*)?(?:early|late|mid|the[ \u00a0]+end[ \u00a0]+of|début|debut|"
    r"fin|mi)?[ \u00a0-]*$",
    re.I,
)
_SPAN_AFTER = re.compile(
    r"[ \u00a0]+(?:to|until|till|through|au|à|a|jusqu)(?![\w])|[ \u00a0]*[–—-][ \u00a0]*[A-Za-z]",
    re.I,
)
_NEXT_AFTER = re.compile(r"[ \u00a0]+(?:prochain|next)(?![\w])", re.I)
_NEXT_BEFORE = re.compile(r"(?<![\w])(?:next|prochain)[ \u00a0]+$", re.I)


def _ahead(match, article_month):
    """(years to add, end of the mention if "prochain" extends it) for a month or day written
    without a year."""
    text, start, end = match.string, match.start(), match.end()
    month = _month_number(match.group("month"))
    later = _NEXT_AFTER.match(text, end)
    if later or _NEXT_BEFORE.search(text[max(0, start - 12) : match.start("month")]):
        return (1 if month <= article_month else 0), (later.end() if later else None)
    before = text[max(0, match.start("month") - 40) : match.start("month")]
    if match.groupdict().get("day") and match.start("day") < match.start("month"):
        before = text[max(0, match.start("day") - 40) : match.start("day")]
    if _AHEAD_BEFORE.search(before) and not _SPAN_AFTER.match(text, end):
        return (1 if month < article_month else 0), None
    return 0, None


def _build(match, kind, language, article_year=None, article_month=None):
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else article_year
    ahead, last = 0, None
    if not groups.get("year") and article_year and article_month and groups.get("month"):
        ahead, last = _ahead(match, article_month)
        year += ahead
    month = _month_number(groups["month"])
    day = int(groups["day"]) if groups.get("day") else None
    if kind == "numeric" and language != "fr" and day <= 12 < month:
        day, month = month, day  # 06/28/2021: an American order the numbers give away
    precision = DatePrecision.DAY if day else DatePrecision.MONTH
    try:
        date = datetime.date(year, month or 0, day or 1)
    except (TypeError, ValueError):
        return None
    if groups.get("year"):
        return DateMention(match.start(), match.end(), date, precision)
    start = match.start("day") if day and match.start("day") < match.start("month") else None
    start = match.start("month") if start is None else start
    end = max(match.end("month"), match.end("day") if day else 0)
    return DateMention(start, max(end, last or 0), date, precision)


def find_dates(text, language, article_year=None, article_month=None):
    """
    Full dates and months with a year, in text order, none overlapping another; with
    ``article_year``, days and months written without one too, in that year (the next one for a
    month ahead of ``article_month``: "starting in January" in a November article).
    """
    found = []
    taken = bytearray(len(text))  # 1 where an earlier, more precise pattern matched
    patterns = _PATTERNS + (_UNDATED_PATTERNS if article_year else [])
    for pattern, kind in patterns:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            mention = _build(match, kind, language, article_year, article_month)
            if mention is not None:
                found.append(mention)
                taken[mention.start : mention.end] = b"\1" * (mention.end - mention.start)
    return sorted(found, key=lambda mention: mention.start)


def year_mention_at(text, start, end):
    """A year written on its own ("en 2021", "from 2025"): a date of year precision."""
    return DateMention(start, end, datetime.date(int(text[start:end]), 1, 1), DatePrecision.YEAR)


# Dates written relative to the article's: "last month", "l'an dernier", "yesterday", "hier",
# "next year", "l'année prochaine". Each gives the precision it can say, no more.
_RELATIVE = [
    (triggers.words(r"yesterday|hier"), "day", -1),
    (
        triggers.words(
            r"a[ \u00a0]+week[ \u00a0]+ago|il[ \u00a0]+y[ \u00a0]+a[ \u00a0]+"
            r"(?:une[ \u00a0]+semaine|huit[ \u00a0]+jours)"
        ),
        "day",
        -7,
    ),
    (
        triggers.words(
            r"a[ \u00a0]+fortnight[ \u00a0]+ago|two[ \u00a0]+weeks[ \u00a0]+ago|"
            r"il[ \u00a0]+y[ \u00a0]+a[ \u00a0]+(?:deux[ \u00a0]+semaines|quinze[ \u00a0]+jours)"
        ),
        "day",
        -14,
    ),
    (
        triggers.words(
            r"last month|le mois dernier|le mois passé|earlier this month|"
            r"this month|ce mois-ci"
        ),
        "month",
        None,
    ),
    (
        triggers.words(
            r"last year|l['’]an dernier|l['’]année dernière|l['’]an passé|"
            r"l['’]année passée"
        ),
        "year",
        -1,
    ),
    (
        triggers.words(r"next year|l['’]an prochain|l['’]année prochaine"),
        "year",
        1,
    ),
    (
        triggers.words(
            r"this year|cette année|(?:earlier|early) this year|"
            r"(?:en[ \u00a0]+)?début[ \u00a0]+d['’]année|plus tôt cette année|"
            # a season of the article's year: "this summer", "cet été", "ce printemps"
            r"this[ \u00a0]+(?:spring|summer|autumn|fall|winter)|"
            r"(?:cet[ \u00a0]+(?:été|automne|hiver)|ce[ \u00a0]+printemps)"
        ),
        "year",
        0,
    ),
]


# A count of years back: "four years ago", "il y a quatre ans", "voici trois ans".
_COUNTS = {
    "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4, "quatre": 4, "five": 5, "cinq": 5,
    "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8, "nine": 9, "neuf": 9, "ten": 10,
    "dix": 10,
}  # fmt: skip
_YEARS_AGO = re.compile(
    r"(?<![\w])(?:(?:il[ \u00a0]+y[ \u00a0]+a|voici)[ \u00a0]+(?P<fr>[0-9]{1,2}|"
    + "|".join(_COUNTS)
    + r")[ \u00a0]+ans|(?P<en>[0-9]{1,2}|"
    + "|".join(_COUNTS)
    + r")[ \u00a0]+years[ \u00a0]+ago)(?![\w])",
    re.I,
)


def relative_years(text, published_year, start=0, end=None):
    """
    Every year written relative to ``published_year`` in ``text[start:end]`` ("last year",
    "l'an prochain", "cette année", "four years ago"), as (start, end, year), in text order.
    """
    end = len(text) if end is None else end
    found = [
        (match.start(), match.end(), published_year + offset)
        for pattern, precision, offset in _RELATIVE
        if precision == "year"
        for match in pattern.finditer(text, start, end)
    ]
    for match in _YEARS_AGO.finditer(text, start, end):
        count = (match.group("fr") or match.group("en")).lower()
        back = int(count) if count.isdigit() else _COUNTS[count]
        found.append((match.start(), match.end(), published_year - back))
    return sorted(found)


def relative_date(text, published, start=0, end=None):
    """
    The first date written relative to ``published`` in ``text[start:end]``, as (partial date
    text, precision), or (None, None): "last month" in an article of 18 June 2025 is "2025-05".
    """
    if published is None:
        return None, None
    end = len(text) if end is None else end
    found = []
    for pattern, precision, offset in _RELATIVE:
        match = pattern.search(text, start, end)
        if match:
            found.append((match.start(), match.group().lower(), precision, offset))
    if not found:
        return None, None
    _, words, precision, offset = min(found)
    if precision == "day":
        return (published + datetime.timedelta(days=offset)).isoformat(), "day"
    if precision == "month":
        back = 0 if ("this" in words or "ce mois" in words) else 1
        month = published.month - back
        year = published.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return f"{year:04d}-{month:02d}", "month"
    return str(published.year + offset), "year"
