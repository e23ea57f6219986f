"""
The closest passage shown for a quote that is not in the text (sourcing/text/near_miss.py, through
quotes.closest_passage): found for long quotes in long texts, exactly where the passage is, and
not offered when nothing is much like the quote. No timings here: benchmarks/quotes.py has them.
"""

import random
import re

import pytest

from sourcing.text import quotes

# Common words of the trade, drawn at random: word salad rather than prose, so that short runs
# of words recur as they do in a long article.
VOCABULARY = (
    "the a of to and in for on with by from as is was will be has that which it plant factory "
    "cells battery supply agreement group capacity production line investment jobs year million "
    "billion euros tonnes lithium nickel cathode anode material recycling partner stake share "
    "contract deliveries vehicles electric market demand site construction start expected said "
    "chief executive government region port storage grid project phase new large local annual"
)
NAMES = ("Norvald", "Kestrel", "Albion", "Lumara", "Tessin", "Brightwater", "Halvorsen", "Calder")


def generated_text(size, seed):
    """About ``size`` characters of sentences of common words, names and figures."""
    rng = random.Random(seed)
    vocabulary = VOCABULARY.split()
    sentences, length = [], 0
    while length < size:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 24))]
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 999)}\u00a0GWh")
        sentence = " ".join(words).capitalize() + rng.choice([".", ".", "…", " –"])
        sentences.append(sentence)
        length += len(sentence) + 1
    return " ".join(sentences)


TEXT = generated_text(300_000, seed=1)


def passage(text, middle, length):
    """The passage of about ``length`` characters around ``middle``, on whole words."""
    start = text.rfind(" ", 0, middle - length // 2) + 1
    end = text.index(" ", start + length)
    return text[start:end].rstrip(".…– ")


def replace_word(quote, where, replacement):
    word = re.compile(r"\w+").search(quote, where)
    return quote[: word.start()] + replacement + quote[word.end() :]


def closest(text, quote):
    with pytest.raises(quotes.QuoteNotFound) as missing:
        quotes.locate_all(text, quote)
    return missing.value.closest


@pytest.mark.parametrize("length", [300, 2_500])
def test_a_long_quote_with_one_word_changed_points_to_its_passage(length):
    original = passage(TEXT, 200_000, length)
    quote = replace_word(original, len(original) // 2, "Zephyrine")
    assert closest(TEXT, quote) == original


def test_a_long_quote_with_one_figure_changed_points_to_its_passage():
    original = passage(TEXT, 120_000, 2_000)
    figure = re.compile(r"\d+").search(original, len(original) // 2)
    quote = original[: figure.start()] + str(int(figure.group()) + 1) + original[figure.end() :]
    assert closest(TEXT, quote) == original


def test_a_long_quote_with_both_ends_changed_points_to_its_passage():
    original = passage(TEXT, 50_000, 1_500)
    last_word = list(re.finditer(r"\w+", original))[-1].start()
    quote = replace_word(replace_word(original, last_word, "ultimately"), 0, "Meanwhile")
    hint = closest(TEXT, quote)
    inner = original[original.index(" ") : original.rindex(" ")]
    assert inner in hint
    assert len(hint) < len(original) + 30


def test_the_hint_is_the_passage_the_quote_is_nearest_not_a_looser_copy_of_it():
    original = passage(TEXT, 150_000, 800)
    looser = original
    for where in range(100, 700, 150):  # a copy with four words changed, placed first
        looser = replace_word(looser, where, "Quillon")
    text = looser + ". " + TEXT
    quote = replace_word(original, 400, "Zephyrine")
    assert closest(text, quote) == original


def test_words_of_the_quote_repeated_just_after_its_passage_do_not_stretch_the_hint():
    original = passage(TEXT, 100_000, 2_000)
    start = TEXT.index(original)
    ending = original[original.rindex(" ", 0, len(original) - 80) :]
    text = TEXT[: start + len(original)] + ending + TEXT[start + len(original) :]
    quote = replace_word(original, len(original) // 2, "Zephyrine")
    assert closest(text, quote) == original


def test_a_quote_longer_than_any_citation_still_gets_its_passage():
    original = passage(TEXT, 150_000, 20_000)
    assert len(original) > quotes.MAX_QUOTE_LENGTH
    quote = replace_word(original, len(original) // 2, "Zephyrine")
    assert closest(TEXT, quote) == original


def test_a_quote_from_another_text_gets_no_hint_though_its_near_miss_would():
    elsewhere = passage(generated_text(20_000, seed=2), 10_000, 600)
    assert closest(TEXT, elsewhere) == ""
    # The same words are found once the text holds a passage like them.
    text = TEXT + " " + replace_word(elsewhere, 300, "Zephyrine") + "."
    assert closest(text, elsewhere) == replace_word(elsewhere, 300, "Zephyrine")


@pytest.mark.parametrize(
    "quote",
    [
        "Stellantis will build its plant in Spain",
        "The government said the new plant will start in a local region",
    ],
)
def test_a_short_quote_sharing_only_common_words_gets_no_hint(quote):
    assert closest(TEXT, quote) == ""


def test_a_text_repeating_one_paragraph_still_gives_a_hint():
    paragraph = "Kestrel will deliver 12\u00a0GWh of cells from its plant in Linz every year. "
    text = paragraph * 2_000
    hint = closest(text, "Kestrel will deliver 15 GWh of cells from its plant in Linz")
    assert hint == "Kestrel will deliver 12\u00a0GWh of cells from its plant in Linz"
