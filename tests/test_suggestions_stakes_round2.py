"""
Stakes, second round: families of wording that state no stake, or none for the company the
first reading gave it to, written for this file in English and French: questions, moves of a
share price, holdings of people rather than companies, a figure corrected away, reported
conditionals.
"""

import pytest

from .test_suggestions_deals_wording import known, proposals, share  # noqa: F401

pytestmark = pytest.mark.django_db


def stakes_of(body, language):
    return sorted(
        (f["holder"], f["target"], share(f), f["status"])
        for f in proposals(body, language, "stake")
    )


# -- A question asks, it states no holding ("Who owns X?", "Qui détient X ?") -----------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Who owns Pellucell today?", "en"),
        ("Who holds the rest of Pellucell's capital?", "en"),
        ("Will Fjord Kapital take 20% of Pellucell?", "en"),
        ("Does Moravia Auto still own 10% of Pellucell?", "en"),
        ("Qui détient Pellucell aujourd'hui ?", "fr"),
        ("Fjord Kapital va-t-il prendre 20 % de Pellucell ?", "fr"),
        ("Moravia Auto détient-il encore 10 % de Pellucell ?", "fr"),
    ],
)
def test_a_question_states_no_stake(body, language):
    assert stakes_of(body, language) == []


def test_the_answer_after_a_question_still_states_the_stake():
    body = "Who owns Pellucell? Fjord Kapital holds 30% of Pellucell."
    assert stakes_of(body, "en") == [("fjord-kapital", "pellucell", 30, "completed")]


# -- A share price that moves ("shares in X rose 3%", "l'action X a pris 3 %") ------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Shares in Pellucell rose 4% after Fjord Kapital announced the deal.", "en"),
        ("Pellucell's stock fell 7% on the news.", "en"),
        ("The Pellucell share price jumped 12% in Paris trading.", "en"),
        ("Pellucell shares gained 3% in Frankfurt.", "en"),
        ("À Paris, l'action Pellucell a pris 3 % à l'annonce.", "fr"),
        ("Le titre Pellucell a perdu 5 % en séance.", "fr"),
        ("Le cours de Pellucell a bondi de 9 % mardi.", "fr"),
        ("L'action Moravia Auto a gagné 2 % après l'annonce.", "fr"),
    ],
)
def test_a_share_price_move_is_no_stake(body, language):
    assert stakes_of(body, language) == []


def test_a_stake_beside_a_share_price_move_is_kept():
    body = "Fjord Kapital bought 15% of Pellucell, whose shares rose 6% on the news."
    assert stakes_of(body, "en") == [("fjord-kapital", "pellucell", 15, "completed")]


# -- People, not companies, hold the share: founders, a family, managers, employees --------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital bought 12% of Pellucell. The founding family keeps 51%.", "en",
         [("fjord-kapital", "pellucell", 12, "completed")]),
        ("Fjord Kapital holds 30% of Pellucell; the founders still own 60%.", "en",
         [("fjord-kapital", "pellucell", 30, "completed")]),
        ("Fjord Kapital holds 20% of Pellucell, and employees hold another 5%.", "en",
         [("fjord-kapital", "pellucell", 20, "completed")]),
        ("Fjord Kapital détient 25 % de Pellucell. Les fondateurs conservent 55 %.", "fr",
         [("fjord-kapital", "pellucell", 25, "completed")]),
        ("Fjord Kapital détient 25 % de Pellucell ; la famille fondatrice garde 40 %.", "fr",
         [("fjord-kapital", "pellucell", 25, "completed")]),
        ("Fjord Kapital détient 25 % de Pellucell, dont les salariés possèdent 6 %.", "fr",
         [("fjord-kapital", "pellucell", 25, "completed")]),
        ("The management team retains 15% of Pellucell.", "en", []),
    ],
)  # fmt: skip
def test_people_hold_no_stake(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A figure corrected away ("40%, not 60%", "40 %, et non 60 %") is no share -----------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Correction: Fjord Kapital will hold 40% of Pellucell, not 60% as first reported.",
         "en", [("fjord-kapital", "pellucell", 40, "announced")]),
        ("Fjord Kapital holds 25% of Pellucell rather than 35%.", "en",
         [("fjord-kapital", "pellucell", 25, "completed")]),
        ("Fjord Kapital holds 25% of Pellucell, instead of the 30% reported earlier.", "en",
         [("fjord-kapital", "pellucell", 25, "completed")]),
        ("Fjord Kapital détiendra 40 % de Pellucell, et non 60 % comme indiqué.", "fr",
         [("fjord-kapital", "pellucell", 40, "announced")]),
        ("Fjord Kapital détient 25 % de Pellucell, au lieu des 30 % annoncés.", "fr",
         [("fjord-kapital", "pellucell", 25, "completed")]),
        ("Fjord Kapital détient 25 % de Pellucell et pas 35 %.", "fr",
         [("fjord-kapital", "pellucell", 25, "completed")]),
    ],
)  # fmt: skip
def test_a_figure_corrected_away_is_no_share(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A stake reported in the conditional or only studied ("aurait étudié", "was said to be
# eyeing") is no stake -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Selon la presse, Moravia Auto aurait étudié une entrée au capital de Pellucell.", "fr"),
        ("Moravia Auto aurait pris 10 % de Pellucell, selon un quotidien.", "fr"),
        ("Moravia Auto serait sur le point d'entrer au capital de Pellucell.", "fr"),
        ("Moravia Auto was said to be eyeing a stake in Pellucell.", "en"),
        ("Bankers said Moravia Auto was circling a minority stake in Pellucell.", "en"),
        ("Moravia Auto is reportedly weighing a 10% stake in Pellucell.", "en"),
    ],
)
def test_a_stake_reported_as_hearsay_is_no_stake(body, language):
    assert stakes_of(body, language) == []


def test_a_conditional_of_politeness_is_not_hearsay():
    body = "Fjord Kapital détient 30 % de Pellucell et aimerait monter au capital."
    assert stakes_of(body, "fr") == [("fjord-kapital", "pellucell", 30, "completed")]
