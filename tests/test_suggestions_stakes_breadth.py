"""
Stakes told in the many ways the industry press words holdings, in English and French, on
sentences written for this file: verbs of buying into, raising, cutting and leaving a capital,
passives, appositions and relative clauses, fractions and bounds, the rest of a capital worked
out, both sides of a sale, the date of the transaction, and sentences that state no stake
(market shares, shares of output or revenue, stock moves, interest rates, hypotheticals,
denials). Each row asserts holder, target, share, status and as_of as an editor sees them.
"""

import pytest

from .test_suggestions_deals_wording import known, proposals  # noqa: F401

pytestmark = pytest.mark.django_db

TODAY = "2025-06-18"  # the articles' publication date in these tests


def shown(fields):
    """The share as an editor reads it: a number, or a bound with its sign, or None."""
    if fields["share_exact"] is not None:
        return fields["share_exact"]
    if fields["share_min"] is not None:
        return (">" if fields["share_min_exclusive"] else ">=", fields["share_min"])
    if fields["share_max"] is not None:
        return ("<" if fields["share_max_exclusive"] else "<=", fields["share_max"])
    return None


def rows(body, language):
    return sorted(
        (f["holder"], f["target"], shown(f), f["status"], f["as_of"])
        for f in proposals(body, language, "stake")
    )


F, H, M, P, L = "fjord-kapital", "halden-fonds", "moravia-auto", "pellucell", "lumeo-chemicals"


# -- Verbs that take, buy into or acquire a share ---------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital acquires a 20% interest in Pellucell.", "en",
         [(F, P, 20, "announced", TODAY)]),
        ("Halden Fonds has snapped up 12% of Pellucell.", "en",
         [(H, P, 12, "completed", TODAY)]),
        ("Moravia Auto takes a minority position of 8% in Pellucell.", "en",
         [(M, P, 8, "announced", TODAY)]),
        ("Lumeo Chemicals buys into Pellucell with a 15% stake.", "en",
         [(L, P, 15, "announced", TODAY)]),
        ("Fjord Kapital will inject EUR 40 million into Pellucell for a 10% stake.", "en",
         [(F, P, 10, "announced", TODAY)]),
        ("Moravia Auto plans to acquire a 25% stake in Pellucell.", "en",
         [(M, P, 25, "planned", TODAY)]),
        ("Moravia Auto completed the purchase of 20% of Pellucell on 2 May.", "en",
         [(M, P, 20, "completed", "2025-05-02")]),
        ("Moravia Auto has taken full control of Pellucell.", "en",
         [(M, P, 100, "completed", TODAY)]),
        ("Fjord Kapital prend une participation de 15 % dans Pellucell.", "fr",
         [(F, P, 15, "announced", TODAY)]),
        ("Halden Fonds monte au capital de Pellucell à hauteur de 20 %.", "fr",
         [(H, P, 20, "announced", TODAY)]),
        ("Moravia Auto s'empare de 60 % de Pellucell.", "fr",
         [(M, P, 60, "announced", TODAY)]),
        ("Moravia Auto est entrée au capital de Pellucell avec 9 %.", "fr",
         [(M, P, 9, "completed", TODAY)]),
        ("Fjord Kapital envisage de prendre 30 % de Pellucell.", "fr",
         [(F, P, 30, "planned", TODAY)]),
        # control without "full" or "total" is a majority, no figure
        ("Moravia Auto a pris le contrôle de Pellucell.", "fr",
         [(M, P, None, "completed", TODAY)]),
        ("Halden Fonds a acquis 10 % de Pellucell le 3 février.", "fr",
         [(H, P, 10, "completed", "2025-02-03")]),
        ("Fjord Kapital a finalisé le 12 mai l'acquisition de 18 % de Pellucell.", "fr",
         [(F, P, 18, "completed", "2025-05-12")]),
    ],
)  # fmt: skip
def test_taking_buying_into_and_acquiring_a_share(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- Verbs that raise or cut a holding, and what it has come to ---------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Halden Fonds has upped its stake in Pellucell to 18%.", "en",
         [(H, P, 18, "completed", TODAY)]),
        ("Fjord Kapital lifted its holding in Pellucell to 25% in March.", "en",
         [(F, P, 25, "completed", "2025-03")]),
        ("Moravia Auto boosts its stake in Pellucell to 30%.", "en",
         [(M, P, 30, "announced", TODAY)]),
        ("Halden Fonds has trimmed its stake in Pellucell to 6%.", "en",
         [(H, P, 6, "completed", TODAY)]),
        ("Fjord Kapital pared its holding in Pellucell to 4% last year.", "en",
         [(F, P, 4, "completed", "2024")]),
        ("Fjord Kapital's stake in Pellucell has risen to 22% after the capital increase.", "en",
         [(F, P, 22, "completed", TODAY)]),
        ("Moravia Auto has become the largest shareholder of Pellucell with 35%.", "en",
         [(M, P, 35, "completed", TODAY)]),
        ("Halden Fonds a relevé sa participation dans Pellucell à 14 % en mars.", "fr",
         [(H, P, 14, "completed", "2025-03")]),
        ("Fjord Kapital a réduit sa part dans Pellucell à 5 % l'an dernier.", "fr",
         [(F, P, 5, "completed", "2024")]),
        ("Halden Fonds détient désormais 17 % de Pellucell.", "fr",
         [(H, P, 17, "completed", TODAY)]),
    ],
)  # fmt: skip
def test_raising_cutting_and_what_a_holding_comes_to(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- Selling and leaving a capital, with the buyer when it is named -----------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Halden Fonds has offloaded its 9% stake in Pellucell.", "en",
         [(H, P, 9, "divested", TODAY)]),
        ("Fjord Kapital has divested its 14% holding in Pellucell to Moravia Auto.", "en",
         [(F, P, 14, "divested", TODAY), (M, P, 14, "completed", TODAY)]),
        ("Halden Fonds exited Pellucell, selling its 7% stake to Lumeo Chemicals.", "en",
         [(H, P, 7, "divested", TODAY), (L, P, 7, "completed", TODAY)]),
        ("Fjord Kapital agreed to buy 10% of Pellucell from Halden Fonds.", "en",
         [(F, P, 10, "announced", TODAY), (H, P, 10, "divested", TODAY)]),
        ("Fjord Kapital is selling its entire 11% stake in Pellucell.", "en",
         [(F, P, 11, "divested", TODAY)]),
        ("Halden Fonds se désengage de Pellucell en cédant ses 8 %.", "fr",
         [(H, P, 8, "divested", TODAY)]),
        ("Fjord Kapital cède sa participation de 10 % dans Pellucell à Moravia Auto.", "fr",
         [(F, P, 10, "divested", TODAY), (M, P, 10, "announced", TODAY)]),
        ("Halden Fonds a soldé sa participation de 6 % dans Pellucell.", "fr",
         [(H, P, 6, "divested", TODAY)]),
        ("Fjord Kapital rachète les parts de Halden Fonds dans Pellucell, soit 12 % du capital.",
         "fr", [(F, P, 12, "announced", TODAY), (H, P, 12, "divested", TODAY)]),
    ],
)  # fmt: skip
def test_selling_and_leaving_with_both_sides_named(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- A holding bought from its owner, named as the owner's ---------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto buys Halden Fonds's 20% stake in Pellucell.", "en",
         [(H, P, 20, "divested", TODAY), (M, P, 20, "announced", TODAY)]),
        ("Moravia Auto has acquired Halden Fonds' 20% holding in Pellucell.", "en",
         [(H, P, 20, "divested", TODAY), (M, P, 20, "completed", TODAY)]),
        ("Fjord Kapital bought the 15% stake held by Halden Fonds in Pellucell.", "en",
         [(F, P, 15, "completed", TODAY), (H, P, 15, "divested", TODAY)]),
        ("Moravia Auto rachète la participation de 20 % de Halden Fonds dans Pellucell.", "fr",
         [(H, P, 20, "divested", TODAY), (M, P, 20, "announced", TODAY)]),
        ("Fjord Kapital a racheté les 15 % détenus par Halden Fonds dans Pellucell.", "fr",
         [(F, P, 15, "completed", TODAY), (H, P, 15, "divested", TODAY)]),
        # the share given is the one the buyer reaches, not the one bought
        ("Moravia Auto bought Halden Fonds's shares in Pellucell, raising its stake to 45%.", "en",
         [(H, P, None, "divested", TODAY), (M, P, 45, "completed", TODAY)]),
        # the share bought told after the holding reached, its owner described
        ("Fjord Kapital a porté de 10 % à un tiers sa part dans Pellucell, en rachetant les "
         "23 % que détenait le fonds régional Halden Fonds.", "fr",
         [(F, P, 33.33, "completed", TODAY), (H, P, 23, "divested", TODAY)]),
        ("Fjord Kapital porte à un tiers sa participation dans Pellucell.", "fr",
         [(F, P, 33.33, "announced", TODAY)]),
        # no share given: the owner's stake is sold, not also held
        ("Moravia Auto bought Halden Fonds's stake in Pellucell.", "en",
         [(H, P, None, "divested", TODAY)]),
        ("Moravia Auto a racheté la participation de Halden Fonds dans Pellucell.", "fr",
         [(H, P, None, "divested", TODAY)]),
        # goods bought, not a holding
        ("Moravia Auto will buy cells from Halden Fonds for Pellucell's plant.", "en", []),
    ],
)  # fmt: skip
def test_a_holding_bought_from_its_named_owner(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- Holdings stated: control, subsidiaries, passives, appositions, relative clauses ------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto controls 51% of Pellucell.", "en",
         [(M, P, 51, "completed", TODAY)]),
        ("Pellucell is a wholly owned subsidiary of Moravia Auto.", "en",
         [(M, P, 100, "completed", TODAY)]),
        ("Pellucell is 51%-owned by Moravia Auto.", "en",
         [(M, P, 51, "completed", TODAY)]),
        ("Lumeo Chemicals, which holds 12% of Pellucell, will supply cathode material.", "en",
         [(L, P, 12, "completed", TODAY)]),
        ("Pellucell, of which Fjord Kapital holds 15%, opened its Lens line.", "en",
         [(F, P, 15, "completed", TODAY)]),
        ("Pellucell est détenu à 51 % par Moravia Auto.", "fr",
         [(M, P, 51, "completed", TODAY)]),
        ("Pellucell, filiale à 100 % de Moravia Auto, ouvre une ligne à Lens.", "fr",
         [(M, P, 100, "completed", TODAY)]),
        ("Moravia Auto contrôle 75 % de Pellucell.", "fr",
         [(M, P, 75, "completed", TODAY)]),
        ("Fjord Kapital, actionnaire de référence de Pellucell avec 28 % du capital, soutient "
         "le projet.", "fr",
         [(F, P, 28, "completed", TODAY)]),
        ("Pellucell, dont Fjord Kapital détient 22 %, recrute à Douai.", "fr",
         [(F, P, 22, "completed", TODAY)]),
        # the agent of a passive described before its name
        ("Pellucell sera détenue à 70 % par Moravia Auto et à 30 % par le fonds norvégien "
         "Fjord Kapital.", "fr",
         [(F, P, 30, "announced", TODAY), (M, P, 70, "announced", TODAY)]),
        ("Pellucell is owned 55% by Moravia Auto and 45% by the Oslo investor Fjord Kapital.",
         "en", [(F, P, 45, "completed", TODAY), (M, P, 55, "completed", TODAY)]),
    ],
)  # fmt: skip
def test_holdings_stated_by_control_subsidiary_passive_and_relative(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- The rest of a capital, worked out when the other share is given ----------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell is owned 60% by Moravia Auto, with Fjord Kapital holding the remaining 40%.",
         "en", [(F, P, 40, "completed", TODAY), (M, P, 60, "completed", TODAY)]),
        ("Moravia Auto holds 70% of Pellucell, with Halden Fonds holding the rest.", "en",
         [(H, P, 30, "completed", TODAY), (M, P, 70, "completed", TODAY)]),
        ("Moravia Auto détient 65 % de Pellucell, Fjord Kapital le reste.", "fr",
         [(F, P, 35, "completed", TODAY), (M, P, 65, "completed", TODAY)]),
        ("Moravia Auto détient 65 % de Pellucell, le solde étant détenu par Halden Fonds.", "fr",
         [(H, P, 35, "completed", TODAY), (M, P, 65, "completed", TODAY)]),
        ("Moravia Auto owns 55% of Pellucell and the rest is held by Fjord Kapital.", "en",
         [(F, P, 45, "completed", TODAY), (M, P, 55, "completed", TODAY)]),
        ("Pellucell a ouvert une ligne. Moravia Auto en détient 60 % et Halden Fonds le reste.",
         "fr", [(H, P, 40, "completed", TODAY), (M, P, 60, "completed", TODAY)]),
        # a rest of money, and a rest kept after a sale whose whole is not given: no share
        ("Moravia Auto holds 70% of Pellucell and paid the rest in cash to Fjord Kapital.",
         "en", [(M, P, 70, "completed", TODAY)]),
        ("Moravia Auto sold 30% of Pellucell to Fjord Kapital and kept the rest.", "en",
         [(F, P, 30, "completed", TODAY), (M, P, 30, "divested", TODAY)]),
    ],
)  # fmt: skip
def test_the_rest_of_a_capital_is_worked_out(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- Fractions and words, bounds before the figure ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital now owns a third of Pellucell.", "en",
         [(F, P, 33.33, "completed", TODAY)]),
        ("Halden Fonds holds half of Pellucell.", "en",
         [(H, P, 50, "completed", TODAY)]),
        ("Fjord Kapital holds a majority stake in Pellucell.", "en",
         [(F, P, None, "completed", TODAY)]),
        ("Halden Fonds holds nearly 10% of Pellucell.", "en",
         [(H, P, 10, "completed", TODAY)]),
        ("Fjord Kapital owns just over 25% of Pellucell.", "en",
         [(F, P, (">", 25), "completed", TODAY)]),
        ("Moravia Auto will hold up to 40% of Pellucell.", "en",
         [(M, P, ("<=", 40), "announced", TODAY)]),
        ("Halden Fonds owns almost a fifth of Pellucell.", "en",
         [(H, P, 20, "completed", TODAY)]),
        ("Moravia Auto possède la moitié de Pellucell.", "fr",
         [(M, P, 50, "completed", TODAY)]),
        ("Fjord Kapital détient près de 10 % de Pellucell.", "fr",
         [(F, P, 10, "completed", TODAY)]),
        ("Halden Fonds détient plus de 5 % de Pellucell.", "fr",
         [(H, P, (">", 5), "completed", TODAY)]),
        ("Moravia Auto pourra monter jusqu'à 49 % du capital de Pellucell.", "fr",
         [(M, P, ("<=", 49), "planned", TODAY)]),
        ("Fjord Kapital détient un tiers de Pellucell.", "fr",
         [(F, P, 33.33, "completed", TODAY)]),
        ("Moravia Auto détient la majorité du capital de Pellucell.", "fr",
         [(M, P, None, "completed", TODAY)]),
    ],
)  # fmt: skip
def test_fractions_words_and_bounds(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- Sentences that state no stake ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a share of a market
        ("Pellucell holds a 12% share of the European cell market.", "en"),
        ("Pellucell détient 15 % du marché européen des cellules.", "fr"),
        ("Pellucell détient une part de marché de 12 % en Europe.", "fr"),
        ("Pellucell has a market share of 12% in Europe.", "en"),
        # stock price moves
        ("Moravia Auto's shares rose 12% on Tuesday after Pellucell's results.", "en"),
        ("Pellucell's stock is up 8% since January.", "en"),
        ("L'action Moravia Auto a bondi de 9 % après l'annonce de Pellucell.", "fr"),
        # shares of revenue or output
        ("Pellucell accounts for 30% of Moravia Auto's revenue.", "en"),
        ("Pellucell réalise 40 % de son chiffre d'affaires avec Moravia Auto.", "fr"),
        ("Moravia Auto takes 40% of Pellucell's output.", "en"),
        ("Moravia Auto achètera 25 % de la production de Pellucell.", "fr"),
        # interest rates and returns
        ("Fjord Kapital lent Pellucell EUR 20 million at an interest rate of 6%.", "en"),
        ("Fjord Kapital a prêté 10 millions d'euros à Pellucell au taux de 5 %.", "fr"),
        # voting rights with no share of the capital
        ("Fjord Kapital has voting rights at Pellucell's general meeting.", "en"),
        # hypotheticals
        ("If Moravia Auto were to buy 30% of Pellucell, it would need approval.", "en"),
        ("Si Moravia Auto rachetait 30 % de Pellucell, l'État devrait donner son accord.", "fr"),
        # denials and absences
        ("Fjord Kapital denied that it would take 20% of Pellucell.", "en"),
        ("Halden Fonds dément vouloir prendre 20 % de Pellucell.", "fr"),
        ("Halden Fonds has no stake in Pellucell.", "en"),
        ("Fjord Kapital n'a aucune participation dans Pellucell.", "fr"),
        # other figures in percent
        ("Les ventes de Pellucell ont progressé de 14 % en un an.", "fr"),
        ("Pellucell's margin improved to 11% while Moravia Auto cut costs by 5%.", "en"),
        ("Moravia Auto a réduit ses émissions de 20 % sur le site de Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_sentences_that_state_no_stake(body, language):
    assert rows(body, language) == []


# -- A seller's sale and what it keeps; the company sold named before; a plant owned ------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # the buyer of a sale is not the company sold, which the sentence before names
        ("Pellucell's shareholder register has changed. Halden Fonds sold a 15% stake to Lumeo "
         "Chemicals last month and kept 20%.", "en",
         [(H, P, 15, "divested", "2025-05"), (H, P, 20, "completed", "2025-05"),
          (L, P, 15, "completed", "2025-05")]),
        ("Halden Fonds a cédé 10 % de Pellucell à Lumeo Chemicals et en conserve 12 %.", "fr",
         [(H, P, 10, "divested", TODAY), (H, P, 12, "completed", TODAY),
          (L, P, 10, "completed", TODAY)]),
        ("Moravia Auto is to hold 60% of Pellucell and Fjord Kapital the remaining 40%.",
         "en", [(F, P, 40, "announced", TODAY), (M, P, 60, "announced", TODAY)]),
        # a venture that will own a plant: no stake
        ("Moravia Auto and Fjord Kapital have set up Norda Energy, which will own and run a cell "
         "plant in Lens.", "en", []),
        ("Pellucell, in which Moravia Auto holds a minority stake, supplies cells to Lumeo "
         "Chemicals.", "en", [(M, P, None, "completed", TODAY)]),
    ],
)  # fmt: skip
def test_a_sale_what_the_seller_keeps_and_a_plant_owned(body, language, expected):
    assert rows(body, language) == sorted(expected)


# -- A capital increase, goods sold, a share bought on the way, a holding's age --------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # the operation is no holding: only the share reached is
        ("Moravia Auto has raised its stake in Pellucell from 20% to 30% by subscribing to a "
         "capital increase.", "en", [(M, P, 30, "completed", TODAY)]),
        ("Halden Fonds n'a pas suivi l'augmentation de capital de Pellucell.", "fr", []),
        # goods sold, not a holding
        ("Halden Fonds also sells office furniture to Pellucell.", "en", []),
        ("Lumeo Chemicals vend des solvants à Pellucell.", "fr", []),
        # the share bought is the way to the one taken, and how long its seller held it dates
        # nothing
        ("Moravia Auto is taking 30% of Pellucell through new shares and the purchase of the 12% "
         "that Halden Fonds has held since 2021.", "en",
         [(H, P, 12, "divested", TODAY), (M, P, 30, "announced", TODAY)]),
        # a purchase told as a noun: the seller's share is sold, the buyer's is told elsewhere
        ("Moravia Auto completed the purchase of Halden Fonds's 20% interest in Pellucell.", "en",
         [(H, P, 20, "divested", TODAY)]),
    ],
)  # fmt: skip
def test_capital_increases_goods_and_shares_bought_on_the_way(body, language, expected):
    assert rows(body, language) == sorted(expected)
