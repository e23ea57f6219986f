"""
Publication dates as a document gives them, as partial dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
A date is never made more precise than it is written ("2024-03" stays a month), and a date a
machine would have to guess at (03/04/2024: March or April?) is not read at all.
"""

import datetime
import re

import dateparser

# A value written as a date: 2024, 2024-03, 2024/03/12, 2024-03-12T08:30:00+01:00.
WRITTEN_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])")

# Datelines sit near the top; a date deep in the text is more likely an event than publication.
DATELINE_CHARACTERS = 600
# Full dates in the shapes datelines take; month names in any language dateparser knows.
_LETTERS = r"[^\W\d_]{3,}\.?"
DATE_SHAPES = (
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # 2024-05-14
    re.compile(rf"\b\d{{1,2}}(?:\.|er|st|nd|rd|th)?\s+{_LETTERS},?\s+\d{{4}}\b"),  # 14 May 2024
    re.compile(rf"\b{_LETTERS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"),  # May 14, 2024
    re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"),  # 2024年5月14日
)
FULL_DATE_ONLY = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}


def written_date(value):
    """The partial date ``value`` is written as (an ISO-like date or a dateline), or None."""
    match = WRITTEN_DATE.match(value or "")
    if match is None:
        return printed_date(value or "")
    parts = [int(part) for part in match.groups() if part is not None]
    try:
        datetime.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except ValueError:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])


def printed_date(text, language=None):
    """
    The first full date printed near the top of ``text`` as "YYYY-MM-DD", or None: a proposal
    for the publication date (a dateline), which the editor confirms or corrects.
    """
    head = text[:DATELINE_CHARACTERS]
    candidates = sorted(
        (match.start(), match.group()) for shape in DATE_SHAPES for match in shape.finditer(head)
    )
    for _, candidate in candidates:
        day = parse_full_date(candidate, language)
        if day is not None:
            return day.isoformat()
    return None


def parse_full_date(candidate, language):
    numbers = re.fullmatch(r"(\d{4})\s*[-年]\s*(\d{1,2})\s*[-月]\s*(\d{1,2})\s*日?", candidate)
    if numbers:
        try:
            return datetime.date(*map(int, numbers.groups()))
        except ValueError:
            return None
    languages = [language, "en"] if language and language != "en" else ["en"]
    try:
        parsed = dateparser.parse(candidate, languages=languages, settings=FULL_DATE_ONLY)
    except ValueError:  # a language dateparser does not know
        parsed = dateparser.parse(candidate, settings=FULL_DATE_ONLY)
    return parsed.date() if parsed else None
