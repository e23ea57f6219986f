from dataclasses import astuple

import pytest

from sourcing.text import quotes

FRENCH = (
    "Le groupe Renault a sécurisé un partenariat de long terme avec Verkor, dont il est "
    "actionnaire, pour utiliser 12\u00a0GWh de batteries «\u00a0made in France\u00a0» tous les "
    "ans. Selon lui, il s’agit d’une «\u00a0preuve supplémentaire\u00a0» de l’attractivité."
)


def test_exact_quote_gives_offsets_of_the_passage():
    quote = "partenariat de long terme avec Verkor"
    match = quotes.locate(FRENCH, quote)
    assert FRENCH[match.start : match.end] == quote


def test_straight_apostrophes_and_plain_spaces_match_typographic_text():
    match = quotes.locate(FRENCH, "il s'agit d'une \"preuve supplémentaire\" de l'attractivité")
    assert FRENCH[match.start : match.end] == (
        "il s’agit d’une «\u00a0preuve supplémentaire\u00a0» de l’attractivité"
    )


def test_plain_space_matches_no_break_space_and_doubled_spaces_match_one():
    assert quotes.locate(FRENCH, "utiliser 12 GWh de batteries")
    text = "the  trust \u202f that Renault Group has shown"
    match = quotes.locate(text, "the trust that Renault Group")
    assert text[match.start : match.end] == "the  trust \u202f that Renault Group"


def test_guillemets_match_straight_double_quotes_without_inner_spaces():
    match = quotes.locate(FRENCH, 'batteries "made in France" tous les ans')
    assert FRENCH[match.start : match.end] == "batteries «\u00a0made in France\u00a0» tous les ans"


@pytest.mark.parametrize("dash", ["-", "–", "—", "‑"])
def test_dash_variants_match_each_other(dash):
    text = "Renault Group’s stake – taken in 2021 – is over 20%."
    match = quotes.locate(text, f"stake {dash} taken in 2021")
    assert text[match.start : match.end] == "stake – taken in 2021"


def test_ellipsis_character_matches_three_dots():
    text = "Verkor will supply… batteries"
    assert quotes.locate(text, "supply... batteries")


def test_one_changed_word_is_not_found_and_closest_passage_is_reported():
    with pytest.raises(quotes.QuoteNotFound) as missing:
        quotes.locate(FRENCH, "utiliser 15 GWh de batteries")
    assert "utiliser 12\u00a0GWh de batteries" in missing.value.closest


def test_different_case_is_a_different_quote():
    with pytest.raises(quotes.QuoteNotFound):
        quotes.locate(FRENCH, "LE GROUPE RENAULT")


def test_words_are_not_glued_together_by_folding():
    with pytest.raises(quotes.QuoteNotFound):
        quotes.locate("long terme", "longterme")


def test_repeated_passage_picks_the_occurrence_nearest_the_hint():
    text = "Verkor grows. Renault invests. Verkor grows."
    assert quotes.locate(text, "Verkor grows").start == 0
    assert quotes.locate(text, "Verkor grows", near=40).start == 31


def test_blank_quote_is_not_found():
    with pytest.raises(quotes.QuoteNotFound):
        quotes.locate(FRENCH, " \u00a0 ")


def test_surrounding_whitespace_of_the_quote_is_ignored():
    match = quotes.locate(FRENCH, "  avec Verkor  ")
    assert FRENCH[match.start : match.end] == "avec Verkor"


# -- An ellipsis is one character of the text, never part of one -----------------------------------


def test_quote_ending_in_one_dot_does_not_match_the_start_of_an_ellipsis():
    text = "Verkor will supply 12 GWh… and more later."
    with pytest.raises(quotes.QuoteNotFound):
        quotes.locate(text, "12 GWh.")


def test_quote_starting_inside_an_ellipsis_does_not_match():
    text = "Verkor will supply… batteries"
    with pytest.raises(quotes.QuoteNotFound):
        quotes.locate(text, ". batteries")


def test_three_dots_match_the_whole_ellipsis_and_one_dot_still_matches_a_full_stop():
    text = "Verkor will supply 12 GWh… Renault holds 20%."
    match = quotes.locate(text, "12 GWh...")
    assert text[match.start : match.end] == "12 GWh…"
    match = quotes.locate(text, "holds 20%.")
    assert text[match.start : match.end] == "holds 20%."


def test_quote_skips_a_partial_ellipsis_for_a_later_full_stop():
    text = "Sales reached 12 GWh… Then 12 GWh. That is all."
    match = quotes.locate(text, "12 GWh.")
    assert match.start == text.index("12 GWh.")
    assert text[match.start : match.end] == "12 GWh."


# -- Every occurrence, for callers that must skip some ---------------------------------------------


def test_all_occurrences_come_in_text_order_without_a_hint():
    text = "Verkor grows. Renault invests. Verkor grows. Verkor grows."
    starts = [match.start for match in quotes.locate_all(text, "Verkor grows")]
    assert starts == [0, 31, 45]


def test_all_occurrences_come_nearest_the_hint_first():
    text = "Verkor grows. Renault invests. Verkor grows. Verkor grows."
    starts = [match.start for match in quotes.locate_all(text, "Verkor grows", near=40)]
    assert starts == [45, 31, 0]


def test_overlapping_occurrences_are_all_found():
    assert [match.start for match in quotes.locate_all("no no no", "no no")] == [0, 3]


def test_no_occurrence_at_all_is_not_found_with_the_closest_passage():
    with pytest.raises(quotes.QuoteNotFound) as missing:
        quotes.locate_all(FRENCH, "utiliser 15 GWh de batteries")
    assert "utiliser 12\u00a0GWh de batteries" in missing.value.closest


# -- Following a passage through an edit of the text ----------------------------------------------


def follow(old, new, passage):
    """Where ``passage`` (its first occurrence in ``old``) is in ``new``, as text, or None."""
    start = old.index(passage)
    followed = quotes.TextEdit.between(old, new).follow(start, start + len(passage))
    return None if followed is None else new[followed[0] : followed[1]]


def test_passage_before_or_after_the_edit_keeps_its_text():
    old = "Nav. Verkor will supply 12 GWh. Comments: I love it."
    new = "Nav. Verkor will supply 16 GWh. Comments: I love it."
    assert follow(old, new, "Nav.") == "Nav."
    assert follow(old, new, "Comments: I love it.") == "Comments: I love it."


def test_passage_moves_with_text_inserted_before_it():
    assert follow("Nav. Body.", "Press release. Nav. Body.", "Nav.") == "Nav."


def test_passage_is_found_again_when_the_inserted_text_ends_like_it_begins():
    old = "Press release\nBody."
    new = "Press note\nPress release\nBody."
    edit = quotes.TextEdit.between(old, new)
    assert edit.follow(0, len("Press release")) == (11, 24)


def test_passage_whose_text_is_edited_covers_the_replacement():
    old = "Body. Comments: I love it. End."
    new = "Body. Comments: I really love it, truly. End."
    assert follow(old, new, "Comments: I love it.") == "Comments: I really love it, truly."


def test_passage_deleted_whole_is_gone():
    assert follow("Body. Related articles. End.", "Body. End.", "Related articles. ") is None


def test_shared_beginning_and_ending_do_not_overlap():
    edit = quotes.TextEdit.between("aa", "aaa")
    assert (edit.start, edit.old_end, edit.new_end) == (2, 2, 3)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("a capacity of 12 GWh a year", "2 GWh a year"),  # a different figure
        ("a capacity of 12 GWh a year", "capacity of 1"),
        ("construit une usine à Douai", "ne usine à Douai"),  # a different word
        ("the Gigafactory in Dunkirk", "Gigafactory in Dunk"),
    ],
)
def test_a_quote_must_start_and_end_on_whole_words_and_numbers(text, quote):
    with pytest.raises(quotes.QuoteNotFound):
        quotes.locate(text, quote)


def test_a_quote_may_start_after_an_apostrophe_or_end_before_punctuation():
    text = "l’usine de Verkor, à Dunkerque."
    assert text[slice(*astuple(quotes.locate(text, "usine de Verkor")))] == "usine de Verkor"
    assert quotes.locate(text, "à Dunkerque").end == len(text) - 1


@pytest.mark.parametrize(
    "text, quote, closest",
    [
        ("Work on the ASSB project starts in 2025.", "SB project", "ASSB project"),
        ("Verkor will deliver 13 GWh a year.", "3 GWh a year", "13 GWh a year"),
        ("Une usine de 16 GWh.", "ne usine de 16 GWh", "Une usine de 16 GWh"),
    ],
)
def test_the_closest_passage_is_whole_words_so_it_can_be_cited_as_it_reads(text, quote, closest):
    with pytest.raises(quotes.QuoteNotFound) as missing:
        quotes.locate(text, quote)
    assert missing.value.closest == closest
    assert quotes.locate(text, missing.value.closest)


# -- The limit on a citation's quote -------------------------------------------------------------


def test_a_quote_up_to_the_limit_has_no_length_problem():
    assert quotes.length_problem("x" * quotes.MAX_QUOTE_LENGTH) == ""
    assert quotes.length_problem(" " + "x" * quotes.MAX_QUOTE_LENGTH + "\n") == ""


def test_a_quote_over_the_limit_is_told_the_limit_and_its_length():
    problem = quotes.length_problem("x" * (quotes.MAX_QUOTE_LENGTH + 1))
    assert f"at most {quotes.MAX_QUOTE_LENGTH:,} characters" in problem
    assert f"this one has {quotes.MAX_QUOTE_LENGTH + 1:,}" in problem


# -- Overlapping occurrences ----------------------------------------------------------------------


def every_start(text, part):
    """Where ``part`` occurs in ``text``, by trying every position."""
    return [i for i in range(len(text) - len(part) + 1) if text.startswith(part, i)]


def test_overlapping_occurrences_in_repeating_texts_are_all_found():
    # Every text and quote of up to 9 letters "a" and "b" whose quote occurs more than once.
    cases = 0
    for size in range(1, 10):
        for number in range(2**size):
            text = format(number, f"0{size}b").replace("0", "a").replace("1", "b")
            for start in range(size):
                for end in range(start + 1, size + 1):
                    part = text[start:end]
                    expected = every_start(text, part)
                    assert list(quotes.occurrences(text, part)) == expected, (text, part)
                    cases += len(expected) > 2
    assert cases > 1000


def test_a_line_of_dots_quoted_in_a_page_of_dots_is_found_at_every_place():
    text = "Contents " + "." * 20_000 + " 12"
    quote = "." * 3_000
    starts = [match.start for match in quotes.locate_all(text, quote)]
    assert starts == list(range(9, 9 + 20_000 - 3_000 + 1))
