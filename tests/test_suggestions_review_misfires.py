"""
Sentences the agreement rules added for the dev articles 39 to 46 were not written for, and on
which they misfired: a concession ("even if"), a weight, analysts valuing a deal made, a trader
("négociant"), a plant or a business sold, an internal memo, goods made "for" a place, a person
who "came from" a company, a buyer covering its own needs, and a share of a company's output.
Each sentence is our own.
"""

import pytest

from .test_suggestions_agreements_general import PELLUCELL_SUPPLIES, recycler, supplies_of  # noqa: F401
from .test_suggestions_deals_wording import known, proposals, roles  # noqa: F401

pytestmark = pytest.mark.django_db

LUMEO_SUPPLIES = {("lumeo-chemicals", "supplier"), ("pellucell", "buyer")}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell will supply cells to Moravia Auto from 2027, even if the volumes were not "
         "disclosed.", "en", [("announced", PELLUCELL_SUPPLIES, 2027)]),
        ("Pellucell livrera des cellules à Moravia Auto à partir de 2027, même si les volumes "
         "restent confidentiels.", "fr", [("announced", PELLUCELL_SUPPLIES, 2027)]),
        ("Pellucell will deliver cells to Moravia Auto from 2027 under the deal, which analysts "
         "valued at $2 billion.", "en", [("signed", PELLUCELL_SUPPLIES, 2027)]),
        ("Pellucell will ship modules to Moravia Auto for a pack that weighs 400 kg.", "en",
         [("announced", PELLUCELL_SUPPLIES, None)]),
    ],
)  # fmt: skip
def test_a_concession_a_weight_or_analysts_valuing_it_leave_a_deal_made(body, language, expected):
    assert supplies_of(body, language) == expected


def test_a_trader_delivering_is_no_negotiation():
    body = "Le négociant Lumeo Chemicals livrera de l'hydroxyde de lithium à Pellucell dès 2026."
    assert supplies_of(body, "fr") == [("announced", LUMEO_SUPPLIES, 2026)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto couvre ses besoins en cellules auprès de Pellucell depuis 2023.", "fr"),
        ("Moravia Auto will meet half of its cell needs with batteries bought from Pellucell.",
         "en"),
    ],
)  # fmt: skip
def test_a_buyer_covering_its_own_needs_from_a_supplier_is_not_the_supplier(body, language):
    for _, found, _ in supplies_of(body, language):
        assert ("moravia-auto", "supplier") not in found


@pytest.mark.parametrize(
    "body",
    [
        "Moravia Auto cède son usine de batteries de Brno à Pellucell.",
        "Pellucell rachète l'activité de modules de batteries de Moravia Auto.",
    ],
)
def test_a_plant_or_a_business_sold_is_no_supply_of_its_goods(body):
    assert supplies_of(body, "fr") == []


def test_an_internal_memo_is_no_memorandum_of_understanding():
    body = (
        "According to an internal memorandum, Pellucell plans to cut 200 jobs; Moravia Auto is "
        "its largest customer."
    )
    assert [f["kind"] for f in proposals(body, "en", "agreement")] == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell will produce cells for Europe from 2027, Moravia Auto's chief executive "
         "said.", "en"),
        ("Pellucell produira des cellules pour l'Europe dans son usine de Lyon, a déclaré "
         "Moravia Auto.", "fr"),
        ("Anna Berg, who came from Moravia Auto, will run the cathode plant of Pellucell.", "en"),
    ],
)  # fmt: skip
def test_goods_made_for_a_place_or_a_person_from_a_company_state_no_supply(body, language):
    assert supplies_of(body, language) == []


def test_goods_made_for_a_company_named_there_are_still_a_supply():
    body = "Pellucell produira des cellules pour Moravia Auto dans son usine de Lyon."
    assert supplies_of(body, "fr") == [("announced", PELLUCELL_SUPPLIES, None)]


def test_a_share_of_a_companys_output_bought_is_a_supply_not_a_stake():
    # a name of two words before the possessive: the whole name is the owner of the output
    body = "Pellucell will buy 30% of Lumeo Chemicals' output from 2027."
    assert supplies_of(body, "en") == [("announced", LUMEO_SUPPLIES, 2027)]
    body = "Pellucell will buy 30% of Lumeo Chemicals's output from 2027."
    assert supplies_of(body, "en") == [("announced", LUMEO_SUPPLIES, 2027)]


@pytest.mark.parametrize(
    ("body", "language", "status"),
    [
        ("Pellucell and Moravia Auto are in talks ahead of the signature of a supply contract.",
         "en", "in_discussion"),
        ("Pellucell et Moravia Auto négocient en vue de la signature d'un contrat de fourniture "
         "de cellules.", "fr", "in_discussion"),
        ("Pellucell et Moravia Auto discutent, la signature d'un accord de fourniture étant "
         "attendue d'ici l'été.", "fr", "in_discussion"),
        ("Pellucell et Moravia Auto annoncent la signature d'un accord de fourniture de "
         "cellules.", "fr", "signed"),
    ],
)  # fmt: skip
def test_talks_ahead_of_a_signature_are_talks_and_a_signature_announced_is_signed(
    body, language, status
):
    assert supplies_of(body, language) == [(status, PELLUCELL_SUPPLIES, None)]
