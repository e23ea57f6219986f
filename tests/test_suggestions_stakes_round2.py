"""
Stakes, second round: families of wording that state no stake, or none for the company the
first reading gave it to, written for this file in English and French: questions, moves of a
share price, holdings of people rather than companies, a figure corrected away, reported
conditionals.
"""

import pytest

from sourcing.models import Company

from .factories import make_company
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
        ("Halden Fonds, the family office of the founders, holds 12% of Pellucell.", "en",
         [("halden-fonds", "pellucell", 12, "completed")]),
        ("Pellucell's capital is spread. The Halden Fonds family office holds 12%.", "en",
         [("halden-fonds", "pellucell", 12, "completed")]),
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


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Who owns Pellucell? Fjord Kapital has owned 30% since 2024.", "en",
         [("fjord-kapital", "pellucell", 30, "completed")]),
        ("Qui détient Pellucell ? Fjord Kapital en possède 30 % depuis 2024.", "fr",
         [("fjord-kapital", "pellucell", 30, "completed")]),
    ],
)  # fmt: skip
def test_the_company_asked_about_is_the_answers_target(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A share resold ("a revendu ses 7 % à Y", "resold its 7% to Y"): the seller sells, the buyer
# holds -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Le capital de Pellucell a changé. Fjord Kapital a revendu en septembre ses 7 % à "
         "Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 7, "divested"),
          ("halden-fonds", "pellucell", 7, "completed")]),
        ("Fjord Kapital revend 12 % de Pellucell à Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 12, "divested"),
          ("halden-fonds", "pellucell", 12, "announced")]),
        ("Fjord Kapital resold its 9% of Pellucell to Halden Fonds last year.", "en",
         [("fjord-kapital", "pellucell", 9, "divested"),
          ("halden-fonds", "pellucell", 9, "completed")]),
        ("Pellucell resells cells to Moravia Auto.", "en", []),
    ],
)  # fmt: skip
def test_a_share_resold(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A new clause after ", and" / ", et" / ";" has its own subject: the share there is not the
# first holder's, and the company it names is not the first share's target ----------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell's capital has changed. Moravia Auto has owned 15% since 2024, and in March "
         "Halden Fonds, a Paris family office, took 9.9% through new shares.", "en",
         [("halden-fonds", "pellucell", 9.9, "completed"),
          ("moravia-auto", "pellucell", 15, "completed")]),
        ("Le capital de Pellucell a changé. Moravia Auto détient 15 % depuis 2024, et en mars "
         "Halden Fonds a pris 9,9 %.", "fr",
         [("halden-fonds", "pellucell", 9.9, "completed"),
          ("moravia-auto", "pellucell", 15, "completed")]),
        ("Pellucell's capital has changed. Moravia Auto holds 20%; last year Fjord Kapital "
         "bought 5%.", "en",
         [("fjord-kapital", "pellucell", 5, "completed"),
          ("moravia-auto", "pellucell", 20, "completed")]),
        ("Le capital de Pellucell reste contrôlé par ses fondateurs, mais le fonds Fjord "
         "Kapital, basé à Oslo, en détient un peu plus de 20 %.", "fr",
         [("fjord-kapital", "pellucell", 20, "completed")]),
        ("Pellucell is still controlled by its founders, but the fund Halden Fonds holds "
         "12% of it.", "en",
         [("halden-fonds", "pellucell", 12, "completed")]),
        ("Fjord Kapital, Halden Fonds, and Moravia Auto each hold 10% of Pellucell.", "en",
         [("fjord-kapital", "pellucell", 10, "completed"),
          ("halden-fonds", "pellucell", 10, "completed"),
          ("moravia-auto", "pellucell", 10, "completed")]),
    ],
)  # fmt: skip
def test_a_new_clause_has_its_own_holder(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A share that falls or rises ("will see its share fall from 31% to roughly 26%") -------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto takes 14% of Pellucell. Halden Fonds, the fund that backed the company "
         "early, will see its share fall from 31% to roughly 26.5% once the new shares are "
         "issued.", "en",
         [("halden-fonds", "pellucell", 26.5, "announced"),
          ("moravia-auto", "pellucell", 14, "announced")]),
        ("Moravia Auto takes 14% of Pellucell. Halden Fonds will see its stake diluted from "
         "30% to around 25%.", "en",
         [("halden-fonds", "pellucell", 25, "announced"),
          ("moravia-auto", "pellucell", 14, "announced")]),
        ("Moravia Auto prend 14 % de Pellucell. Halden Fonds verra sa part passer de 31 % à "
         "environ 26 %.", "fr",
         [("halden-fonds", "pellucell", 26, "announced"),
          ("moravia-auto", "pellucell", 14, "announced")]),
        ("Pellucell expects its share of the European market to fall from 8% to 6%.", "en",
         []),
    ],
)  # fmt: skip
def test_a_share_that_falls_or_rises(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A share of something that is no company ("sodium-ion to take 10% of stationary storage") ---


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Analysts expect sodium-ion to take 10% of stationary storage by 2030.", "en"),
        ("Les analystes voient le sodium-ion prendre 10 % du stockage stationnaire.", "fr"),
        ("Recycled nickel could take 15% of supply within five years.", "en"),
        ("Le recyclage couvrira 12 % de l'approvisionnement en nickel.", "fr"),
    ],
)
def test_a_share_of_no_company_is_no_stake(body, language):
    # after a sentence that speaks of a company's capital with no holder named
    lead = {
        "en": "The fund will own 20% of Pellucell. ",
        "fr": "Le fonds détiendra 20 % de Pellucell. ",
    }
    assert [s[2] for s in stakes_of(lead[language] + body, language)] == [20]
    assert stakes_of(body, language) == []


# -- "vient d'entrer à son capital": done just now, in the capital of the company spoken of -----


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell développe des cellules. Sa ligne pilote a démarré en 2025, et Fjord "
         "Kapital vient d'entrer à son capital avec 10 %.", "fr",
         [("fjord-kapital", "pellucell", 10, "completed")]),
        ("Pellucell fabrique des cellules à Douai. Halden Fonds vient de prendre 12 % de son "
         "capital.", "fr",
         [("halden-fonds", "pellucell", 12, "completed")]),
        ("Pellucell makes cells in Douai. Halden Fonds has just taken 12% of its capital.",
         "en", [("halden-fonds", "pellucell", 12, "completed")]),
        ("Pellucell fabrique des cellules. Halden Fonds entrera à son capital avec 12 %.", "fr",
         [("halden-fonds", "pellucell", 12, "announced")]),
    ],
)  # fmt: skip
def test_a_stake_just_taken_in_its_capital(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- The sale of a stake "was completed" / "a été finalisée": the seller has sold, the buyer
# holds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The sale of Fjord Kapital's 20% interest in Pellucell, the cell maker, to Halden "
         "Fonds was completed in July.", "en",
         [("fjord-kapital", "pellucell", 20, "divested"),
          ("halden-fonds", "pellucell", 20, "completed")]),
        ("The disposal of Fjord Kapital's 15% stake in Pellucell to Halden Fonds closed last "
         "week.", "en",
         [("fjord-kapital", "pellucell", 15, "divested"),
          ("halden-fonds", "pellucell", 15, "completed")]),
        ("La cession de la participation de 20 % de Fjord Kapital dans Pellucell à Halden "
         "Fonds a été finalisée en juillet.", "fr",
         [("fjord-kapital", "pellucell", 20, "divested"),
          ("halden-fonds", "pellucell", 20, "completed")]),
    ],
)  # fmt: skip
def test_a_sale_completed(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- An option exercised over a share ("exercised its option over the remaining 35%") -----------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital has exercised its option over the remaining 35% of Pellucell.", "en",
         [("fjord-kapital", "pellucell", 35, "completed")]),
        ("Fjord Kapital will exercise its call option on a further 10% of Pellucell.", "en",
         [("fjord-kapital", "pellucell", 10, "announced")]),
        ("Fjord Kapital a levé son option sur 15 % de Pellucell.", "fr",
         [("fjord-kapital", "pellucell", 15, "completed")]),
        ("Fjord Kapital exerce son option d'achat sur 15 % du capital de Pellucell.", "fr",
         [("fjord-kapital", "pellucell", 15, "announced")]),
        ("Fjord Kapital has an option over a further 10% of Pellucell.", "en", []),
        ("Its option over the remaining 35% of Pellucell was exercised in May.", "en", []),
    ],
)  # fmt: skip
def test_an_option_exercised(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A possessive "n's" is no French "n'" of negation ("Nordsten's stake in Y") -----------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Nordsten's stake in Pellucell is worth EUR 40 million.", "en",
         [("nordsten", "pellucell", None, "completed")]),
        ("Nordsten has no stake in Pellucell.", "en", []),
        ("Nordsten doesn't own a stake in Pellucell.", "en", []),
        ("Nordsten n'a aucune participation dans Pellucell.", "fr", []),
    ],
)  # fmt: skip
def test_a_possessive_of_a_name_ending_in_n_is_no_negation(body, language, expected):
    make_company("Nordsten", kind=Company.Kind.INVESTOR, country="NO")
    assert stakes_of(body, language) == sorted(expected)
