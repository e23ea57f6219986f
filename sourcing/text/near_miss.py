"""
Where a quote that is not in a text most nearly is, in work bounded whatever the two lengths.

The rule: ``PROBES`` places spread over the quote are looked up in the text as short runs of its
words (anchors), each run grown word by word until it occurs rarely (``RARE`` times or fewer).
Every occurrence of an anchor says where the quote would start if it were there; of the few
places most anchors agree on (``CANDIDATES``), the one most similar to the quote is the answer,
if it is similar enough (``MIN_SIMILARITY``): a passage sharing a few words with the quote is no
hint. A changed word, figure or ending leaves most anchors where they were, so a near-miss is
found however long the quote and the text are.

The work is a few hundred scans of the text in C (``str.count``, ``str.find``) and a few
comparisons of at most ``COMPARED`` characters (rapidfuzz), never a comparison of the quote with
every place of the text. Strings are compared as given: callers pass folded ones (``quotes.fold``).
"""

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

PROBES = 48
RARE = 32
GRAM_WORDS = 4
CANDIDATES = 4
MIN_SIMILARITY = 70  # percent: rapidfuzz's ratio, the share of characters that line up
# Beyond this many characters only the quote's beginning is compared: no citation quote is that
# long (quotes.MAX_QUOTE_LENGTH), and the anchors already vouch for the rest.
COMPARED = 10_000

# Runs of letters and digits, cut every 16 characters so that a script written without spaces
# still gives short anchors.
WORD = re.compile(r"\w{1,16}")


@dataclass(frozen=True)
class Anchor:
    """A run of the quote, ``quote[start:end]``, and where it occurs in the text."""

    start: int
    end: int
    occurrences: tuple[int, ...]


def nearest_span(text, quote):
    """
    The span ``(start, end)`` of ``text`` most like ``quote``, or None when no place of ``text``
    is similar enough. The span is aligned on the quote, not widened to whole words.
    """
    if not text or not quote:
        return None
    probed = (rare_run(text, quote, run) for run in probed_runs(quote))
    anchors = [anchor for anchor in probed if anchor is not None]
    best, best_score = None, 0.0
    for start, end in candidate_spans(anchors, len(quote), len(text)):
        score = fuzz.ratio(quote[:COMPARED], text[start:end][:COMPARED])
        if score >= MIN_SIMILARITY and score > best_score:
            best, best_score = (start, end), score
    return best


def probed_runs(quote):
    """For each probed place, the words from it that an anchor may span, as (start, end) pairs."""
    words = [(match.start(), match.end()) for match in WORD.finditer(quote)]
    step = max(1.0, len(words) / PROBES)
    firsts = sorted({int(number * step) for number in range(min(PROBES, len(words)))})
    return [words[first : first + GRAM_WORDS] for first in firsts]


def rare_run(text, quote, words):
    """
    The shortest run of ``words`` (from the first) occurring at most ``RARE`` times in ``text``,
    with its occurrences; None when one run is not in the text at all (it spans the difference
    from the text, and a longer one would too). When even the longest is more common, the text
    repeats itself, and the first ``RARE`` occurrences stand for all.
    """
    start = words[0][0]
    for _, end in words:
        run = quote[start:end]
        count = text.count(run)
        if count == 0:
            return None
        if count <= RARE:
            break
    return Anchor(start, end, tuple(first_occurrences(text, run, RARE)))


def first_occurrences(text, run, count):
    """The first ``count`` starts of ``run`` in ``text``."""
    position = text.find(run)
    for _ in range(count):
        if position == -1:
            return
        yield position
        position = text.find(run, position + 1)


@dataclass(frozen=True)
class Group:
    """Occurrences of anchors putting the quote's start at nearly the same place of the text."""

    hits: tuple[tuple[int, int], ...]  # (implied start of the quote, index of the anchor)
    agreeing: int  # anchors among them, each counted once

    def overlaps(self, other):
        return self.hits[0][0] <= other.hits[-1][0] and other.hits[0][0] <= self.hits[-1][0]


def candidate_spans(anchors, quote_length, text_length):
    """
    The ``CANDIDATES`` spans of the text where most anchors agree the quote would be. Starts
    within ``tolerance`` of each other count as one place: a word changed in the quote moves what
    follows it by the difference in length.
    """
    tolerance = 16 + quote_length // 16
    hits = sorted(
        (position - anchor.start, index)
        for index, anchor in enumerate(anchors)
        for position in anchor.occurrences
    )
    chosen = []
    for group in sorted(agreeing_groups(hits, tolerance), key=lambda g: g.agreeing, reverse=True):
        if len(chosen) == CANDIDATES:
            break
        if not any(group.overlaps(other) for other in chosen):
            chosen.append(group)
    for group in chosen:
        span = span_of(group, anchors, quote_length, text_length)
        if span is not None:
            yield span


def agreeing_groups(hits, tolerance):
    """For each hit, it and the hits implying a start at most ``tolerance`` after it."""
    end = 0
    for begin, (implied, _) in enumerate(hits):
        end = max(end, begin)
        while end + 1 < len(hits) and hits[end + 1][0] - implied <= tolerance:
            end += 1
        window = tuple(hits[begin : end + 1])
        yield Group(window, len({index for _, index in window}))


def span_of(group, anchors, quote_length, text_length):
    """
    The text the quote would cover by ``group``: from where its anchor earliest in the quote puts
    the quote's start to where its anchor latest in the quote puts the quote's end, so a change of
    length between the two is taken in rather than cut off. An anchor met twice in the group (its
    words repeated nearby) counts where it agrees best with the others.
    """
    consensus = Counter(implied for implied, _ in group.hits).most_common(1)[0][0]
    implied_by = {}
    for implied, index in group.hits:
        known = implied_by.get(index)
        if known is None or abs(implied - consensus) < abs(known - consensus):
            implied_by[index] = implied
    first = min(implied_by, key=lambda index: anchors[index].start)
    last = max(implied_by, key=lambda index: anchors[index].start)
    start = max(0, implied_by[first])
    end = min(text_length, implied_by[last] + quote_length)
    return (start, end) if start < end else None
