"""
Stakes from families of wording rather than single sentences, each family on several sentences
written for it, in English and French, with other companies and verbs: a share reached by buying
another from a seller, holdings told in an apposition, the rest of a capital, ratios shared out
between holders, and sentences that state no stake.
"""

import pytest

from .test_suggestions_deals_wording import known, proposals, share  # noqa: F401

pytestmark = pytest.mark.django_db


def stakes_of(body, language):
    return sorted(
        (f["holder"], f["target"], share(f), f["status"])
        for f in proposals(body, language, "stake")
    )


# -- A share reached by buying another from a seller: the seller sells the share bought, the
# buyer ends with the share reached, and the share bought is no stake of its own ---------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital porte sa participation dans Pellucell de 20 % à 35 %, en rachetant 15 % "
         "du capital au fonds Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 35, "announced"),
          ("halden-fonds", "pellucell", 15, "divested")]),
        ("Fjord Kapital a porté sa part dans Pellucell à 40 % en achetant 10 % du capital à "
         "Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 40, "completed"),
          ("halden-fonds", "pellucell", 10, "divested")]),
        ("Fjord Kapital raised its stake in Pellucell to 30%, buying a further 12% from "
         "Halden Fonds.", "en",
         [("fjord-kapital", "pellucell", 30, "completed"),
          ("halden-fonds", "pellucell", 12, "divested")]),
    ],
)  # fmt: skip
def test_a_share_reached_by_buying_from_a_seller(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- "en" before a verb of owning stands for the company spoken of before; the rest of the
# capital goes to the company named before "le solde", "the rest" ------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell a inauguré sa ligne pilote à Douai. Fjord Kapital en détient 60 % et "
         "Halden Fonds le solde, soit 40 %.", "fr",
         [("fjord-kapital", "pellucell", 60, "completed"),
          ("halden-fonds", "pellucell", 40, "completed")]),
        ("Moravia Auto et Fjord Kapital annoncent la création de Bohemcell, qui produira des "
         "cellules. Moravia Auto et Fjord Kapital en détiendront chacun 50 %.", "fr",
         [("fjord-kapital", "Bohemcell", 50, "announced"),
          ("moravia-auto", "Bohemcell", 50, "announced")]),
        ("Pellucell recrute 200 personnes à Lens. Halden Fonds n'en gardera que 5 %.", "fr",
         [("halden-fonds", "pellucell", 5, "announced")]),
        ("Pellucell opened its Lens line in May. Fjord Kapital holds 70% of it and Halden Fonds "
         "the rest (30%).", "en",
         [("fjord-kapital", "pellucell", 70, "completed"),
          ("halden-fonds", "pellucell", 30, "completed")]),
    ],
)  # fmt: skip
def test_en_stands_for_the_company_spoken_of_and_the_rest_goes_to_the_next_holder(
    body, language, expected
):
    assert stakes_of(body, language) == sorted(expected)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # "le solde" of a payment, not of a capital
        ("Fjord Kapital versera le solde, soit 40 millions d'euros, en 2027.", "fr"),
        # "en" of a product: a share of output, not of capital
        ("Moravia Auto en achètera 40 % de la production de Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_no_stake_from_a_balance_or_a_share_of_output(body, language):
    assert stakes_of(body, language) == []


# -- A holder described in an apposition: the apposition's own words ("that", a company in it)
# do not make a new subject, and holders coordinated across it share "respectively" ---------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Halden Fonds, the Oslo investor that is Pellucell's largest shareholder, has sold a 4% "
         "stake in Pellucell to Fjord Kapital.", "en",
         [("fjord-kapital", "pellucell", 4, "completed"),
          ("halden-fonds", "pellucell", 4, "divested")]),
        ("Halden Fonds, a fund that backed Moravia Auto early, holds 9% of Pellucell.", "en",
         [("halden-fonds", "pellucell", 9, "completed")]),
        ("Halden Fonds, le fonds qui accompagne Moravia Auto, détient 9 % de Pellucell.", "fr",
         [("halden-fonds", "pellucell", 9, "completed")]),
        ("Halden Fonds, an investor from Bergen, and Fjord Kapital hold 12% and 8% of Pellucell "
         "respectively.", "en",
         [("halden-fonds", "pellucell", 12, "completed"),
          ("fjord-kapital", "pellucell", 8, "completed")]),
        ("Halden Fonds, un investisseur de Bergen, et Fjord Kapital détiennent respectivement "
         "12 % et 8 % de Pellucell.", "fr",
         [("halden-fonds", "pellucell", 12, "completed"),
          ("fjord-kapital", "pellucell", 8, "completed")]),
    ],
)  # fmt: skip
def test_a_holder_described_in_an_apposition(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- What a holder is left with: "will be left with 30%", "reducing its own holding to 31%" ----


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell sold 20% of its shares in an offering. Halden Fonds will be left with about "
         "15% of Pellucell.", "en",
         [("halden-fonds", "pellucell", 15, "announced")]),
        ("Halden Fonds has sold 5% of Pellucell to Fjord Kapital, reducing its own holding to "
         "20%.", "en",
         [("fjord-kapital", "pellucell", 5, "completed"),
          ("halden-fonds", "pellucell", 5, "divested"),
          ("halden-fonds", "pellucell", 20, "completed")]),
        ("Halden Fonds a cédé 5 % de Pellucell à Fjord Kapital, ramenant sa participation à "
         "20 %.", "fr",
         [("fjord-kapital", "pellucell", 5, "completed"),
          ("halden-fonds", "pellucell", 5, "divested"),
          ("halden-fonds", "pellucell", 20, "completed")]),
        ("Halden Fonds will sell 5% of Pellucell to Fjord Kapital, cutting its stake to 20%.",
         "en",
         [("fjord-kapital", "pellucell", 5, "announced"),
          ("halden-fonds", "pellucell", 5, "divested"),
          ("halden-fonds", "pellucell", 20, "announced")]),
    ],
)  # fmt: skip
def test_the_share_a_holder_is_left_with(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


# -- A ratio shared out between two holders in the order named --------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell is owned 70/30 by Fjord Kapital and Halden Fonds.", "en",
         [("fjord-kapital", "pellucell", 70, "completed"),
          ("halden-fonds", "pellucell", 30, "completed")]),
        ("Pellucell is owned 55-45 by Fjord Kapital, an investor from Bergen, and Halden Fonds.",
         "en",
         [("fjord-kapital", "pellucell", 55, "completed"),
          ("halden-fonds", "pellucell", 45, "completed")]),
        ("Pellucell est détenue à 60/40 par Halden Fonds et Fjord Kapital.", "fr",
         [("halden-fonds", "pellucell", 60, "completed"),
          ("fjord-kapital", "pellucell", 40, "completed")]),
    ],
)  # fmt: skip
def test_a_ratio_is_shared_out_between_the_holders_in_order(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a ratio of votes or of output, not of capital
        ("Pellucell's board approved the plan by a 7-2 vote, Fjord Kapital said.", "en"),
        ("Pellucell splits its output 60/40 between cars and storage.", "en"),
    ],
)  # fmt: skip
def test_no_stake_from_other_ratios(body, language):
    assert stakes_of(body, language) == []


# -- A stake brought to a fraction in words ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital has raised its stake in Pellucell from 20% to one third.", "en",
         [("fjord-kapital", "pellucell", 33.33, "completed")]),
        ("Fjord Kapital lifts its holding in Pellucell to a third", "en",
         [("fjord-kapital", "pellucell", 33.33, "announced")]),
        ("Fjord Kapital has brought its interest in Pellucell to about a third.", "en",
         [("fjord-kapital", "pellucell", 33.33, "completed")]),
    ],
)  # fmt: skip
def test_a_stake_brought_to_a_fraction_in_words(body, language, expected):
    assert stakes_of(body, language) == expected


def test_costs_brought_to_a_third_are_no_stake():
    assert stakes_of("Pellucell cut its cell costs to a third in five years.", "en") == []


# -- A holding told in a parenthesis: its holder, the company before it, its own verb and date --


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell (in which Fjord Kapital holds 8%) will supply cells from 2029.", "en",
         [("fjord-kapital", "pellucell", 8, "completed", "2025-06-18")]),
        ("Pellucell (dont Halden Fonds détient 12 %) livrera ses cellules à partir de 2028.", "fr",
         [("halden-fonds", "pellucell", 12, "completed", "2025-06-18")]),
        ("Moravia Auto buys cells from Pellucell (of which Fjord Kapital owns 5%) since 2023.",
         "en",
         [("fjord-kapital", "pellucell", 5, "completed", "2025-06-18")]),
    ],
)  # fmt: skip
def test_a_holding_told_in_a_parenthesis(body, language, expected):
    found = [
        (f["holder"], f["target"], share(f), f["status"], f["as_of"])
        for f in proposals(body, language, "stake")
    ]
    assert found == expected


# -- The share bought on the way to another; a business bought into --------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital agreed to pay €40 million for the 25% of Pellucell it does not own, "
         "buying it from Halden Fonds and taking its holding to 100%.", "en",
         [("fjord-kapital", "pellucell", 100, "announced"),
          ("halden-fonds", "pellucell", 25, "divested")]),
        ("Fjord Kapital bought 10% of Pellucell from Halden Fonds, taking its stake to 30%.", "en",
         [("fjord-kapital", "pellucell", 30, "completed"),
          ("halden-fonds", "pellucell", 10, "divested")]),
    ],
)  # fmt: skip
def test_the_share_bought_on_the_way_to_another_is_not_a_stake_of_its_own(body, language, expected):
    assert stakes_of(body, language) == sorted(expected)


@pytest.mark.parametrize(
    "body",
    [
        "Fjord Kapital buys into Norwegian hydropower, its first energy bet.",
        "Pellucell to supply Moravia Auto, buys into Swedish graphite",
    ],
)
def test_buying_into_a_business_is_no_stake(body):
    assert stakes_of(body, "en") == []


def test_buying_into_a_company_is_a_stake():
    assert stakes_of("Fjord Kapital buys into Pellucell.", "en") == [
        ("fjord-kapital", "pellucell", None, "announced")
    ]


# -- A deal dated by the sentence after it ----------------------------------------------------


def stakes_dated(body, language):
    return sorted((f["holder"], share(f), f["as_of"]) for f in proposals(body, language, "stake"))


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Halden Fonds has sold a 9% stake in Pellucell to Fjord Kapital. The sale closed in "
         "April.", "en",
         [("fjord-kapital", 9, "2025-04"), ("halden-fonds", 9, "2025-04")]),
        ("Halden Fonds a cédé 9 % de Pellucell à Fjord Kapital. L'opération, bouclée en mars, "
         "n'avait pas été annoncée.", "fr",
         [("fjord-kapital", 9, "2025-03"), ("halden-fonds", 9, "2025-03")]),
    ],
)  # fmt: skip
def test_a_deal_dated_by_the_sentence_after_it(body, language, expected):
    assert stakes_dated(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Halden Fonds will sell a 9% stake in Pellucell to Fjord Kapital. The sale will be "
         "completed in October.", "en"),
        ("Halden Fonds a cédé 9 % de Pellucell à Fjord Kapital. La vente sera bouclée en "
         "octobre.", "fr"),
    ],
)  # fmt: skip
def test_a_closing_to_come_does_not_date_the_stake(body, language):
    assert {as_of for _, _, as_of in stakes_dated(body, language)} == {"2025-06-18"}


# -- A share bought, told in the French perfect ("a acheté", "ont racheté"), is a holding done,
# as "bought" and "a acquis" are -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Fjord Kapital a acheté 20 % du capital de Pellucell à Halden Fonds.",
         [("fjord-kapital", "pellucell", 20, "completed"),
          ("halden-fonds", "pellucell", 20, "divested")]),
        ("En mars, Fjord Kapital a racheté 12 % de Pellucell.",
         [("fjord-kapital", "pellucell", 12, "completed")]),
        ("Fjord Kapital et Halden Fonds ont acheté chacun 10 % de Pellucell.",
         [("fjord-kapital", "pellucell", 10, "completed"),
          ("halden-fonds", "pellucell", 10, "completed")]),
    ],
)  # fmt: skip
def test_a_share_bought_in_the_french_perfect_is_held(body, expected):
    assert stakes_of(body, "fr") == sorted(expected)


def test_a_share_still_to_be_bought_is_announced():
    assert stakes_of("Fjord Kapital va acheter 20 % de Pellucell.", "fr") == [
        ("fjord-kapital", "pellucell", 20, "announced")
    ]
