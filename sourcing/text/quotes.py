"""
Finding a quoted passage in an article's text.

Editors paste quotes typed on keyboards that have no typographic apostrophes, no-break spaces or
guillemets; sources are full of them. A quote therefore matches when it differs from the text only
in how it writes whitespace, quotation marks, apostrophes, dashes and ellipses. Words, letters,
digits and case must be identical: "12 GWh" never matches "15 GWh".

Matching runs on a folded copy of both strings that keeps, for each folded character, the index of
the original character it came from, so the offsets returned always point into the original text
and ``text[start:end]`` is the exact passage as published.

Finding a quote is one exact search of the folded text, in time linear in its length whatever
the quote. Only when it fails is the closest passage looked for, to show the editor what the text
says instead; ``near_miss`` bounds that work too. A citation's quote is at most
``MAX_QUOTE_LENGTH`` characters (``length_problem`` says why not), checked before any search.
"""

import functools
import unicodedata
from dataclasses import dataclass

from . import near_miss

APOSTROPHES = "'‘’‚‛′`´ʼ"
QUOTATION_MARKS = '"“”„‟″«»‹›'
DASHES = "-‐‑‒–—―−"
# Spaces vanish next to these: French sets « guillemets » and "mot :" apart with (no-break) spaces
# that an English-style quote "like this" or "mot:" does not have.
SPACE_ABSORBING = '"' + "'" + ":;!?,.()"

# A citation quotes the sentence or paragraph that states a fact: a longer "quote" is a copy of
# a part of the article, which no reader checks and whose every search costs time in proportion
# to its length. The search itself stays bounded beyond it, for callers that do not validate.
MAX_QUOTE_LENGTH = 3_000

_FOLD = {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(QUOTATION_MARKS, '"')}
_FOLD.update(dict.fromkeys(DASHES, "-"))
_FOLD["…"] = "..."


@dataclass(frozen=True)
class FoldedText:
    """A folded string and, for each of its characters, the index of its source character."""

    text: str
    origins: tuple[int, ...]

    def span(self, start, end):
        """Original [start, end) offsets of the folded slice [start, end)."""
        return self.origins[start], self.origins[end - 1] + 1

    def is_boundary(self, index):
        """
        Whether folded ``index`` lies between two original characters, not inside the expansion
        of one: "…" folds to three dots, and a match may take all of them or none.
        """
        return index in (0, len(self.origins)) or self.origins[index - 1] != self.origins[index]


# The same texts are folded again and again: an article's body once per citation checked against
# it, twice per citation saved (clean, then save), and once per quote the seed places in it. The
# result is immutable, so recent ones are kept; a few dozen, as a folded text holds one index per
# character (a 100 kB article costs a few MB).
@functools.lru_cache(maxsize=32)
def fold(text):
    """Fold ``text`` for tolerant comparison, remembering where each character came from."""
    chars = []
    origins = []
    pending_space = None  # index of the first whitespace character of the current run
    for index, char in enumerate(text):
        if char.isspace() or unicodedata.category(char) == "Zs":
            if pending_space is None:
                pending_space = index
            continue
        if unicodedata.category(char) == "Cf":  # soft hyphens, zero-width spaces and joiners
            continue
        replacement = _FOLD.get(char, char)
        if pending_space is not None:
            if chars and chars[-1] not in SPACE_ABSORBING and replacement[0] not in SPACE_ABSORBING:
                chars.append(" ")
                origins.append(pending_space)
            pending_space = None
        for folded_char in replacement:
            chars.append(folded_char)
            origins.append(index)
    return FoldedText("".join(chars), tuple(origins))


def length_problem(quote):
    """Why ``quote`` is too long to be a citation's quote, or "" when it is not."""
    length = len(quote.strip())
    if length <= MAX_QUOTE_LENGTH:
        return ""
    return (
        f"A quote may be at most {MAX_QUOTE_LENGTH:,} characters long; this one has {length:,}. "
        "Quote the sentence or the paragraph that states the fact."
    )


def same_passage(a, b):
    """Whether two strings are the same passage once folded."""
    return fold(a).text == fold(b).text


@dataclass(frozen=True)
class Match:
    start: int
    end: int


class QuoteNotFound(Exception):
    def __init__(self, quote, closest):
        self.quote = quote
        self.closest = closest
        super().__init__(quote)


def locate(text, quote, near=None):
    """
    Find ``quote`` in ``text`` and return its original offsets as a ``Match``.

    When the quote occurs more than once, the occurrence starting closest to ``near`` is chosen
    (the first one without ``near``), so re-verifying a citation after an edit keeps it on the
    passage the editor meant. Raises ``QuoteNotFound`` carrying the closest passage otherwise.
    """
    return locate_all(text, quote, near=near)[0]


def locate_all(text, quote, near=None, folded_text=None):
    """
    Every occurrence of ``quote`` in ``text`` as ``Match``es: nearest ``near`` first, or in text
    order without it. Raises ``QuoteNotFound`` carrying the closest passage when there is none.

    A caller that must skip some occurrences (those in a reader comment section, say) takes the
    first one it accepts, and so still prefers the passage nearest ``near``. One that looks for
    many quotes in the same text passes ``fold(text)`` as ``folded_text``, to fold it only once.
    """
    folded_quote = fold(quote).text
    if not folded_quote:
        raise QuoteNotFound(quote, closest="")
    folded_text = folded_text or fold(text)
    matches = [
        Match(*folded_text.span(start, start + len(folded_quote)))
        for start in _whole_character_occurrences(folded_text, folded_quote)
    ]
    if not matches:
        raise QuoteNotFound(quote, closest=closest_passage(text, quote, folded_text))
    if near is not None:
        matches.sort(key=lambda match: abs(match.start - near))  # stable: ties keep text order
    return matches


def _whole_character_occurrences(folded_text, folded_quote):
    """
    Folded start of each occurrence, overlapping ones included, that begins and ends on whole
    original characters ("12 GWh." is not in "12 GWh…", whose passage would end inside the "…")
    and on whole words and numbers ("2 GWh" is not in "12 GWh", "ne usine" not in "une usine").
    """
    text = folded_text.text
    end_offset = len(folded_quote)
    for position in occurrences(text, folded_quote):
        end = position + end_offset
        if (
            folded_text.is_boundary(position)
            and folded_text.is_boundary(end)
            and not _splits_a_word(text, position)
            and not _splits_a_word(text, end)
        ):
            yield position


def occurrences(text, part):
    """
    Start of each occurrence of ``part`` in ``text``, overlapping ones included, in time linear
    in the text's length. Searching again from each occurrence would check the whole of ``part``
    at every one of its overlapping occurrences, and a line of dots quoted in a page of dots
    would take minutes: where occurrences overlap, ``part`` repeats itself every ``step``
    characters, and so does the text for as long as the next ``step`` characters continue it.
    """
    length = len(part)
    position = text.find(part)
    while position != -1:
        yield position
        following = text.find(part, position + 1)
        step = following - position
        if following != -1 and step < length:
            # Every ``step`` characters while the repetition lasts, and nowhere between: one there
            # would repeat ``step`` characters earlier, before ``following``.
            repeated = part[length - step :]
            position = following
            while text.startswith(repeated, position + length):
                yield position
                position += step
            following = position
        position = following


def _splits_a_word(text, index):
    """Whether a cut before ``text[index]`` falls between two letters or digits of one word."""
    return 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum()


def closest_passage(text, quote, folded_text=None):
    """
    The passage of ``text`` that looks most like ``quote``, as it reads in ``text``; "" when no
    passage is much like it. The search is bounded whatever the lengths (``near_miss``).
    """
    folded_text = folded_text or fold(text)
    span = near_miss.nearest_span(folded_text.text, fold(quote).text)
    if span is None:
        return ""
    start, end = span
    folded = folded_text.text
    # Widen the span to whole words and characters, as a quote must be: a hint cutting a word
    # ("SB project" in "ASSB project") would be refused like the quote it is meant to correct.
    while not folded_text.is_boundary(start) or _splits_a_word(folded, start):
        start -= 1
    while not folded_text.is_boundary(end) or _splits_a_word(folded, end):
        end += 1
    original_start, original_end = folded_text.span(start, end)
    return text[original_start:original_end]


@dataclass(frozen=True)
class TextEdit:
    """
    The change from ``old`` to ``new`` seen as one replaced region: what the two texts share at
    the start and at the end is kept, ``old[start:old_end]`` became ``new[start:new_end]``. A fixed
    typo, an added paragraph or a deleted line is exactly that; several changes saved at once make
    one region spanning them all.
    """

    old: str
    new: str
    start: int
    old_end: int
    new_end: int

    @classmethod
    def between(cls, old, new):
        start = _common_prefix_length(old, new)
        # The shared ending may not reach back into the shared beginning ("aa" -> "aaa" adds one
        # "a", it does not share "aa" twice).
        room = min(len(old), len(new)) - start
        shared_end = _common_prefix_length(old[::-1][:room], new[::-1][:room])
        return cls(old, new, start, len(old) - shared_end, len(new) - shared_end)

    @property
    def shift(self):
        """How far text after the replaced region moved."""
        return len(self.new) - len(self.old)

    def follow(self, start, end):
        """
        Where the passage ``old[start:end]`` is in the new text, as ``(start, end)``; None when
        the edit deleted all of it.

        A passage the edit did not touch just shifts. One it touches is looked for, word for word,
        where it should be: "Press note\\n" added before "Press release" reads as an insertion after
        "Press ", inside the passage. Failing that its own text was edited, and its bounds are
        widened over the replaced region, so it still covers the text that now stands there.
        """
        if end <= self.start:
            return start, end
        if start >= self.old_end:
            return start + self.shift, end + self.shift
        widened = min(start, self.start), max(end + self.shift, self.new_end)
        found = self._nearest_exact(self.old[start:end], *widened)
        if found is not None:
            return found
        return widened if widened[0] < widened[1] else None

    def _nearest_exact(self, passage, start, end):
        """The occurrence of ``passage`` in the new text that meets [start, end), nearest start."""
        best = None
        position = self.new.find(passage, max(0, start - len(passage)), end + len(passage))
        while position != -1:
            if best is None or abs(position - start) < abs(best - start):
                best = position
            position = self.new.find(passage, position + 1, end + len(passage))
        return None if best is None else (best, best + len(passage))


def _common_prefix_length(a, b):
    shorter = min(len(a), len(b))
    return next((i for i in range(shorter) if a[i] != b[i]), shorter)
