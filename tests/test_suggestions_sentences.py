"""
How the engine cuts an article into sentences: at full stops and line breaks, and text that has
none (a table, a list, a PDF's extraction gone wrong) in passages of at most MAX_SENTENCE
characters, cut at a space, so that no rule reads an unbounded sentence.
"""

from sourcing.suggestions.text import MAX_SENTENCE, sentences


def spans(text):
    return [text[p.start : p.end] for p in sentences(text)]


def test_sentences_end_at_full_stops_and_line_breaks():
    text = "Acme signed a deal. It starts in 2027.\nA new line"
    assert spans(text) == ["Acme signed a deal.", "It starts in 2027.", "A new line"]


def test_a_run_of_text_without_full_stop_is_read_in_passages_cut_at_spaces():
    unit = "Acme holds 12% of Bolt "
    text = unit * 200
    passages = sentences(text)
    assert len(passages) > 1
    assert all(p.end - p.start <= MAX_SENTENCE for p in passages)
    # Cut at spaces: every passage is whole words, and together they hold every word in order.
    assert " ".join(text[p.start : p.end] for p in passages) == text.strip()


def test_a_run_with_no_space_is_cut_at_the_limit():
    text = "x" * (2 * MAX_SENTENCE + 10)
    assert [p.end - p.start for p in sentences(text)] == [MAX_SENTENCE, MAX_SENTENCE, 10]


def test_an_ordinary_long_sentence_stays_whole():
    text = ("Acme, which makes cells, " * 30).strip(", ") + "."
    assert len(text) < MAX_SENTENCE
    assert spans(text) == [text]
