"""
Agreements, third round: a buyer that orders goods or equipment from a supplier ("X has ordered
… from Y", "X a commandé … à Y", "X placed an order with Y", "X a passé commande auprès de Y"):
the one who orders buys, the one ordered from supplies. With sentences that must give nothing
(an order only considered, an order of events, orders cancelled).
"""

import pytest

from .test_suggestions_deals_wording import known, proposals, roles  # noqa: F401

pytestmark = pytest.mark.django_db

LUMEO_SUPPLIES_PELLUCELL = {("lumeo-chemicals", "supplier"), ("pellucell", "buyer")}
PELLUCELL_SUPPLIES_MORAVIA = {("pellucell", "supplier"), ("moravia-auto", "buyer")}


def supplies_of(body, language):
    return [
        (f["status"], roles(f))
        for f in proposals(body, language, "agreement")
        if f["kind"] == "supply"
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell has ordered six mixing and drying lines from Lumeo Chemicals.", "en",
         [("signed", LUMEO_SUPPLIES_PELLUCELL)]),
        ("Moravia Auto ordered prismatic cells worth €200 million from Pellucell last week.", "en",
         [("signed", PELLUCELL_SUPPLIES_MORAVIA)]),
        ("Pellucell has placed an order with Lumeo Chemicals for electrolyte.", "en",
         [("signed", LUMEO_SUPPLIES_PELLUCELL)]),
        ("Pellucell a commandé quatre lignes d'enduction à Lumeo Chemicals.", "fr",
         [("signed", LUMEO_SUPPLIES_PELLUCELL)]),
        ("Moravia Auto a commandé auprès de Pellucell des modules pour ses fourgons.", "fr",
         [("signed", PELLUCELL_SUPPLIES_MORAVIA)]),
        ("Pellucell a passé commande auprès de Lumeo Chemicals de 3 000 tonnes d'électrolyte.",
         "fr", [("signed", LUMEO_SUPPLIES_PELLUCELL)]),
    ],
)  # fmt: skip
def test_the_company_that_orders_buys_from_the_one_ordered_from(body, language, expected):
    assert supplies_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell could order more lines from Lumeo Chemicals if demand picks up.", "en"),
        ("Pellucell has not ordered anything from Lumeo Chemicals yet.", "en"),
        ("The court ordered Pellucell to pay Lumeo Chemicals €3 million.", "en"),
        ("Pellucell envisagerait de commander des lignes à Lumeo Chemicals.", "fr"),
        ("Pellucell n'a encore rien commandé à Lumeo Chemicals.", "fr"),
    ],
)  # fmt: skip
def test_an_order_considered_refused_or_by_a_court_is_no_deal(body, language):
    assert supplies_of(body, language) == []


# -- A partner's half of a company bought: a share, not goods ---------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell will buy its partner's half for a token euro and run the plant alone.", "en"),
        ("Lumeo Chemicals is to buy out the other half from Pellucell.", "en"),
        ("Pellucell bought the Czech carmaker's remaining half last year.", "en"),
        ("Pellucell prendra la moitié de Moravia Auto pour un euro symbolique.", "fr"),
        ("Pellucell achètera sa moitié à Moravia Auto avant l'été.", "fr"),
    ],
)  # fmt: skip
def test_a_partners_half_bought_is_no_supply(body, language):
    assert supplies_of(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto will buy half of its cells from Pellucell from 2028.", "en",
         [("announced", PELLUCELL_SUPPLIES_MORAVIA)]),
        ("Moravia Auto achètera la moitié de ses cellules à Pellucell.", "fr",
         [("announced", PELLUCELL_SUPPLIES_MORAVIA)]),
    ],
)  # fmt: skip
def test_half_of_the_goods_bought_is_still_a_supply(body, language, expected):
    assert supplies_of(body, language) == expected
