"""
Reading an article's text: words folded as search folds them, sentences and clauses, each with
offsets into the original text, so that every mention and quote points at the passage as published.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.search import fold_for_search

# A word: letters and digits, with the accents a decomposed text may carry and the invisible
# characters (soft hyphens, zero-width spaces) a source may put inside it. Any other visible
# character is a word of its own ("-", "&", "'"), so names are matched on whole words.
WORD = re.compile(r"[\w\u0300-\u036f\u00ad\u200b-\u200d\u2060]+|[^\w\s]")


@dataclass(frozen=True)
class Token:
    folded: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold_word(word):
    return fold_for_search(word)


def tokens(text):
    """The words of ``text``, folded, with their original offsets (empty folds are skipped)."""
    result = []
    for match in WORD.finditer(text):
        folded = fold_word(match.group())
        if folded:
            result.append(Token(folded, match.start(), match.end()))
    return result


def folded_words(name):
    """A name as the tuple of folded words ``tokens`` would read it as."""
    return tuple(token.folded for token in tokens(name))


@dataclass(frozen=True)
class Passage:
    """A sentence or clause: ``text[start:end]``, trimmed of surrounding spaces."""

    start: int
    end: int


# A sentence ends at . ! ? or … before spaces and a capital, digit or opening quote, or at a
# line break. Decimal points ("2.9 million") and initials followed by lower case do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”»’)]?)\s+(?=[\"'“«‘(\[]?\w)|\n\s*")
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Inc|Ltd|Co|Corp|vs|No|Mme|etc|cf|[A-Z])\.$")


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# The longest run of text read as one sentence. News sentences stay well under it (the seeds' and
# the corpus's longest are 400 characters); text with no full stop (a table, a list, a PDF's
# extraction gone wrong) is cut at the last space before it, so that the rules that compare the
# words of a sentence with one another cost a bounded time per sentence, not per article.
MAX_SENTENCE = 1000


def sentences(text):
    """The sentences of ``text`` as ``Passage``s in order."""
    result = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start() + len(match.group(1) or "")
        if "\n" not in match.group() and _ABBREVIATION.search(text, max(0, cut - 6), cut):
            continue
        nxt = match.end()
        if "\n" not in match.group() and nxt < len(text) and text[nxt].islower():
            continue
        result += _at_most_max_sentence(text, start, cut)
        start = nxt
    result += _at_most_max_sentence(text, start, len(text))
    return result


def _at_most_max_sentence(text, start, end):
    """``text[start:end]``, trimmed, as passages of at most ``MAX_SENTENCE`` characters."""
    passages = []
    begin, finish = _trimmed(text, start, end)
    while finish - begin > MAX_SENTENCE:
        space = text.rfind(" ", begin + 1, begin + MAX_SENTENCE + 1)
        cut = space if space > begin else begin + MAX_SENTENCE
        head_end = _trimmed(text, begin, cut)[1]
        if head_end > begin:
            passages.append(Passage(begin, head_end))
        begin = _trimmed(text, cut, finish)[0]
    if begin < finish:
        passages.append(Passage(begin, finish))
    return passages


# Clauses split a sentence at semicolons, colons and at commas followed by a space: "Initial
# capacity will reach 16 GWh, of which 10 GWh are for Renault Group". A comma between digits is a
# thousands separator or a decimal comma, never a clause break.
_CLAUSE_BREAK = re.compile(r"[;:,–—](?=\s)|\s[–—](?=\s)")


def clauses(text, sentence):
    """The clauses of ``sentence`` as ``Passage``s."""
    result = []
    start = sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        begin, finish = _trimmed(text, start, match.start())
        if begin < finish:
            result.append(Passage(begin, finish))
        start = match.end()
    begin, finish = _trimmed(text, start, sentence.end)
    if begin < finish:
        result.append(Passage(begin, finish))
    return result


def containing(passages, start, end):
    """The passage of ``passages`` (sorted, disjoint) that contains [start, end), if any."""
    index = containing_index(passages, start, end)
    return None if index is None else passages[index]


def containing_index(passages, start, end):
    """The index in ``passages`` (sorted, disjoint) of the one containing [start, end), if any."""
    low, high = 0, len(passages)
    while low < high:
        middle = (low + high) // 2
        if passages[middle].end <= start:
            low = middle + 1
        else:
            high = middle
    if low < len(passages) and passages[low].start <= start and end <= passages[low].end:
        return low
    return None
