"""
Stakes, third round: a round of financing names several investors, each beside the other
("a round led by X, which takes 20%, alongside Y"); an investor set beside another is a buyer
too, never the company bought into. Sentences written for this file, in English and French.
"""

import pytest

from .test_suggestions_deals_wording import known, proposals, share  # noqa: F401

pytestmark = pytest.mark.django_db


def stakes_of(body, language):
    return sorted(
        (f["holder"], f["target"], share(f), f["status"])
        for f in proposals(body, language, "stake")
    )


def no_investor_bought(found, investors):
    return [s for s in found if s[1] in investors]


# -- An investor set beside another in a round is not the company bought into -----------------
# Each row: the stake the sentence must give (the raiser named), or None where it names no
# raiser; in every row no investor is proposed as the company bought into.

FJORD_20 = [("fjord-kapital", "pellucell", 20, "announced")]


@pytest.mark.parametrize(
    ("body", "language", "must"),
    [
        ("Pellucell has closed a funding round of €90 million led by Fjord Kapital, which will "
         "own 20% of the group, alongside Halden Fonds, which takes 8%.", "en", FJORD_20),
        ("The start-up closed a Series B round. Fjord Kapital takes 20%, while Halden Fonds "
         "buys a minority stake of undisclosed size.", "en", []),
        ("Pellucell raised money in a capital increase: Fjord Kapital will hold 15%, together "
         "with Moravia Auto, which takes 5%.", "en", []),
        ("Pellucell boucle un tour de table de 90 millions d'euros mené par Fjord Kapital, qui "
         "détiendra 20 % du capital, aux côtés de Halden Fonds, qui en prendra 8 %.", "fr",
         FJORD_20),
        pytest.param(
            "Pellucell vient de finaliser une levée de fonds. Fjord Kapital y entre à hauteur de "
            "20 %, tandis que Halden Fonds prend une participation minoritaire.", "fr", FJORD_20,
            # known miss: with the raiser named, the 20 % still goes to the second investor
            marks=pytest.mark.xfail(strict=True)),
        ("La société vient de finaliser une levée de fonds. Fjord Kapital y entre à hauteur de "
         "20 %, tandis que Halden Fonds prend une participation minoritaire.", "fr", []),
        ("Pellucell lance une augmentation de capital : Fjord Kapital détiendra 15 %, ainsi que "
         "Moravia Auto, qui en prendra 5 %.", "fr",
         [("fjord-kapital", "pellucell", 15, "announced")]),
    ],
)  # fmt: skip
def test_a_co_investor_is_not_bought_into(body, language, must):
    found = stakes_of(body, language)
    investors = {"fjord-kapital", "halden-fonds", "moravia-auto"}
    assert no_investor_bought(found, investors) == []
    assert [s for s in must if s not in found] == []
    # the share stated belongs to the investor it is written beside, never to the other
    assert ("halden-fonds", "pellucell", 20, "announced") not in found


# -- Outside a round, the same words keep their stake ------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital bought 20% of Pellucell, while Halden Fonds sold its shares in Lumeo "
         "Chemicals.", "en", [("fjord-kapital", "pellucell", 20, "completed")]),
        ("Fjord Kapital a acquis 20 % de Pellucell, tandis que Halden Fonds reste à l'écart.",
         "fr", [("fjord-kapital", "pellucell", 20, "completed")]),
    ],
)  # fmt: skip
def test_beside_words_outside_a_round_keep_the_stake(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A round that is not about capital gives no stake ------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell closed a funding round alongside a new supply deal with Moravia Auto.", "en"),
        ("Pellucell a bouclé un tour de table, aux côtés de ses clients historiques.", "fr"),
    ],
)
def test_a_round_without_shares_gives_no_stake(body, language):
    assert stakes_of(body, language) == []
