"""
Stakes from more wordings of English and French, each on sentences written for it: the seller a
purchase names ("from X", "auprès de X"), rumours that state nothing, a share of what a plant
makes, holders listed after a passive with a distributive phrase.
"""

import pytest

from .test_suggestions_deals_wording import known, stakes_of  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("body", "language", "seller"),
    [
        ("Moravia Auto agreed to buy 20% of Pellucell from Fjord Kapital.", "en",
         ("fjord-kapital", "pellucell", 20, "divested")),
        ("Moravia Auto has acquired 15% of Pellucell, the French cell maker, from the Norwegian "
         "fund Fjord Kapital.", "en",
         ("fjord-kapital", "pellucell", 15, "divested")),
        ("Moravia Auto rachète 20 % de Pellucell à Fjord Kapital.", "fr",
         ("fjord-kapital", "pellucell", 20, "divested")),
        ("Moravia Auto a acquis 12 % de Pellucell auprès du fonds Fjord Kapital.", "fr",
         ("fjord-kapital", "pellucell", 12, "divested")),
    ],
)  # fmt: skip
def test_the_seller_a_purchase_names_sells_its_share(body, language, seller):
    found = stakes_of(body, language)
    assert seller in found
    assert any(s[0] == "moravia-auto" and s[1] == "pellucell" for s in found)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto bought 20% of Pellucell alongside Fjord Kapital.", "en"),
        ("Moravia Auto a acquis 20 % de Pellucell aux côtés de Fjord Kapital.", "fr"),
    ],
)  # fmt: skip
def test_a_partner_beside_the_buyer_sells_nothing(body, language):
    assert all(s[3] != "divested" for s in stakes_of(body, language))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Des rumeurs avaient prêté à Moravia Auto l'intention d'entrer au capital de Pellucell : "
         "le groupe les a démenties.", "fr"),
        ("Moravia Auto is rumoured to be eyeing a stake in Pellucell.", "en"),
        ("Market rumours had Moravia Auto taking 20% of Pellucell.", "en"),
        ("Selon des rumeurs de marché, Moravia Auto prendrait 20 % de Pellucell.", "fr"),
        ("Moravia Auto a démenti toute intention de prendre 20 % de Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_rumours_and_denials_state_no_stake(body, language):
    assert stakes_of(body, language) == []


def test_a_rumour_confirmed_is_a_stake():
    found = stakes_of("Moravia Auto confirmed rumours that it had bought 20% of Pellucell.", "en")
    assert ("moravia-auto", "pellucell", 20, "completed") in found


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto has committed to take at least 80% of what Pellucell produces.", "en"),
        ("Moravia Auto will buy 60% of what Pellucell makes from 2028.", "en"),
        ("Moravia Auto prendra 70 % de ce que Pellucell produira.", "fr"),
        ("Moravia Auto achètera 70 % de ce qui sortira des lignes de Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_a_share_of_what_is_made_is_no_stake(body, language):
    assert stakes_of(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "share"),
    [
        ("Pellucell is owned in equal thirds by Moravia Auto, Fjord Kapital and Halden Fonds.",
         "en", 33.33),
        ("Pellucell est détenue à parts égales par Moravia Auto, Fjord Kapital et Halden Fonds.",
         "fr", 33.33),
        ("Pellucell is owned equally by Moravia Auto and Fjord Kapital.", "en", 50),
    ],
)  # fmt: skip
def test_holders_listed_after_a_distributive_passive_each_hold_their_part(body, language, share):
    found = stakes_of(body, language)
    holders = {s[0] for s in found if s[1] == "pellucell" and s[2] == share}
    assert {"moravia-auto", "fjord-kapital"} <= holders
    if share != 50:
        assert "halden-fonds" in holders


def test_the_seller_sells_the_share_bought_not_the_whole_the_buyer_ends_with():
    found = stakes_of(
        "Moravia Auto agreed to buy the 30% of Pellucell it does not own from Fjord Kapital, "
        "taking it to 100% ownership.",
        "en",
    )
    assert ("fjord-kapital", "pellucell", 30, "divested") in found
    assert ("fjord-kapital", "pellucell", 100, "divested") not in found


@pytest.mark.parametrize(
    "body",
    [
        "Had the talks failed, Moravia Auto would have kept importing cells from Pellucell.",
        "Moravia Auto keeps buying cells from Pellucell.",
    ],
)
def test_keeping_on_doing_something_is_no_stake(body):
    assert stakes_of(body, "en") == []
