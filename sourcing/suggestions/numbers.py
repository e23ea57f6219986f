"""
Numbers as sources write them: digits with the separators of either language ("2 500", "2,000",
"12,5" in French, no-break and thin spaces), and numbers and fractions spelled out in words
("twelve", "one third", "un tiers", "quatre-vingt-dix").
"""

import re
from dataclasses import dataclass

# Spaces that separate thousands: plain, no-break, narrow no-break, thin.
THOUSANDS_SPACES = " \u00a0\u202f\u2009"
_SPACE = f"[{THOUSANDS_SPACES}]"

# ASCII digits only: other scripts' digits are not figures this reads. A number never starts
# inside a word or another number ("A110", "R5" are names).
DIGITS = re.compile(
    rf"(?<![\w.,])(?:[0-9]{{1,3}}(?:(?:{_SPACE}|[,.'])[0-9]{{3}})+(?![0-9])(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,][0-9]+)?)(?![0-9])"
)


def parse_digits(text, language):
    """The value of a DIGITS match. French uses a decimal comma, English a decimal point."""
    compact = "".join(char for char in text if char not in THOUSANDS_SPACES + "'")
    decimal_mark = "," if language == "fr" else "."
    thousands_mark = "." if language == "fr" else ","
    groups = compact.split(thousands_mark)
    if len(groups) > 1 and all(len(group) == 3 for group in groups[1:-1]):
        last = groups[-1]
        head, _, tail = last.partition(decimal_mark)
        if len(head) == 3:
            compact = "".join(groups[:-1]) + head + ("." + tail if tail else "")
            return _number(compact)
    # A lone separator with other than three digits after it is a decimal mark in any language
    # ("12,5 GWh", "2.9 million").
    compact = compact.replace(",", ".")
    if compact.count(".") > 1:
        return None
    return _number(compact)


def _number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value


_UNITS = {
    # English
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "dozen": 12,
    # French (folded: no accents)
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "douzaine": 12,
}
_MULTIPLIERS = {
    "hundred": 100,
    "cent": 100,
    "cents": 100,
    "thousand": 1_000,
    "mille": 1_000,
}
# Words that scale what precedes them: "2.5 billion", "1,5 milliard".
SCALES = {
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mio": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "thousand": 1e3,
    "k": 1e3,
    "mille": 1e3,
    "trillion": 1e12,
}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
    "demi": 2,
    "moitie": 2,
    "tiers": 3,
    "quart": 4,
    "quarts": 4,
    "cinquieme": 5,
    "cinquiemes": 5,
    "dixieme": 10,
    "dixiemes": 10,
}
JOINERS = frozenset({"et", "and", "-"})
FRACTIONS = frozenset(_FRACTIONS)
NUMBER_WORDS_SET = frozenset(_UNITS) | frozenset(_MULTIPLIERS) | JOINERS


@dataclass(frozen=True)
class SpelledNumber:
    value: float
    fraction: bool  # "one third": a share of a whole


def parse_words(words):
    """
    The value of a run of folded number words ("twenty-five", "quatre-vingt-dix", "trois
    quarts", "one third"), or None when the run is not a number.
    """
    words = [word for word in words if word not in ("-", "and", "et")]
    if not words:
        return None
    if words[-1] in _FRACTIONS and len(words) <= 2:
        numerator = 1 if len(words) == 1 else _UNITS.get(words[0])
        if numerator is None or numerator > _FRACTIONS[words[-1]]:
            return None
        return SpelledNumber(numerator / _FRACTIONS[words[-1]], fraction=True)
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            if word in ("vingt", "vingts") and current % 100 == 4:  # quatre-vingt(s): 80
                current += 76
            else:  # soixante-dix, vingt-cinq and dix-sept all add up
                current += _UNITS[word]
        elif word in _MULTIPLIERS:
            factor = _MULTIPLIERS[word]
            if factor == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * factor
                current = 0
        else:
            return None
    return SpelledNumber(total + current, fraction=False)
