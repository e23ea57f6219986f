"""
Stakes from more wordings of English and French, each on sentences written for it: the seller a
purchase names ("from X", "auprès de X"), rumours that state nothing, a share of what a plant
makes, holders listed after a passive with a distributive phrase.
"""

import pytest

from .test_suggestions_deals_wording import known, proposals, roles, stakes_of  # noqa: F401

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


def agreements_of(body, language):
    return [
        (f["kind"], f["status"], frozenset(roles(f)))
        for f in proposals(body, language, "agreement")
    ]


@pytest.mark.parametrize(
    ("body", "language", "status"),
    [
        ("Pellucell will sell 5 GWh of cells a year to Moravia Auto.", "en", "announced"),
        ("Pellucell vendra 5 GWh de cellules par an à Moravia Auto.", "fr", "announced"),
        ("Lumeo Chemicals already sells cathode material to Moravia Auto.", "en", "active"),
        ("Moravia Auto se fournira auprès de Lumeo Chemicals en matériaux de cathode.", "fr",
         "announced"),
        ("Moravia Auto will go on buying cathode material from Lumeo Chemicals under a supply "
         "contract signed in 2023.", "en", "active"),
        ("Moravia Auto carries on sourcing cells from Pellucell.", "en", "active"),
        ("Lumeo Chemicals poursuivra ses livraisons de précurseurs à Moravia Auto au titre d'un "
         "contrat signé en 2022.", "fr", "active"),
    ],
)  # fmt: skip
def test_selling_goods_and_buying_them_go_on_are_supplies(body, language, status):
    (found,) = agreements_of(body, language)
    supplier = "pellucell" if "Pellucell" in body else "lumeo-chemicals"
    assert found == ("supply", status, {(supplier, "supplier"), ("moravia-auto", "buyer")})


@pytest.mark.parametrize(
    "body",
    [
        "Pellucell sold its 20% stake in Lumeo Chemicals to Moravia Auto.",
        "Pellucell a vendu sa participation dans Lumeo Chemicals à Moravia Auto.",
    ],
)
def test_selling_shares_supplies_nothing(body):
    assert all(kind != "supply" for kind, _, _ in agreements_of(body, "en"))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell and Moravia Auto have agreed to develop solid-state cells together.", "en"),
        ("Pellucell et Moravia Auto développeront des cellules solides ensemble.", "fr"),
        ("Pellucell will develop the new pack jointly with Moravia Auto.", "en"),
    ],
)  # fmt: skip
def test_developing_together_is_a_partnership(body, language):
    (found,) = agreements_of(body, language)
    assert found[0] == "partnership"
    assert found[2] == {("pellucell", "partner"), ("moravia-auto", "partner")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto and Pellucell are forming Voltcell SE, a Prague-based cell maker. "
         "The Czech carmaker will own 51% and Pellucell the other 49%.", "en"),
        ("Moravia Auto and Pellucell will set up Voltcell SE. Moravia Auto will hold 51% and "
         "Pellucell 49%.", "en"),
        ("Moravia Auto et Pellucell créent Voltcell SA. Moravia Auto en détiendra 51 % et "
         "Pellucell les 49 % restants.", "fr"),
    ],
)  # fmt: skip
def test_partners_listed_with_their_shares_hold_the_company_they_form(body, language):
    found = stakes_of(body, language)
    assert ("moravia-auto", "Voltcell", 51, "announced") in found
    assert ("pellucell", "Voltcell", 49, "announced") in found
    assert all(target != "pellucell" for _, target, _, _ in found)
    (venture,) = proposals(body, language, "agreement")
    assert venture["kind"] == "joint_venture"
    assert roles(venture) == {("moravia-auto", "partner"), ("pellucell", "partner")}


def test_a_company_formed_by_one_is_no_venture():
    body = "Moravia Auto is forming Voltcell SE, a Prague-based cell maker."
    assert proposals(body, "en", "agreement") == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital, présent au capital de Pellucell depuis 2019, a réduit sa part à 9,5 %.",
         "fr", ("fjord-kapital", "pellucell", 9.5, "completed")),
        ("Fjord Kapital, an investor in Pellucell since 2019, has cut its holding to 9.5%.",
         "en", ("fjord-kapital", "pellucell", 9.5, "completed")),
        ("Fjord Kapital a ramené sa participation dans Pellucell à 12 %.",
         "fr", ("fjord-kapital", "pellucell", 12, "completed")),
        ("Fjord Kapital a déclaré détenir désormais plus de 20 % du capital de Pellucell.",
         "fr", ("fjord-kapital", "pellucell", 20, "completed")),
        ("Fjord Kapital now holds more than 20% of Pellucell.",
         "en", ("fjord-kapital", "pellucell", 20, "completed")),
        ("Fjord Kapital va réduire sa part dans Pellucell à 9,5 %.",
         "fr", ("fjord-kapital", "pellucell", 9.5, "announced")),
    ],
)  # fmt: skip
def test_a_share_changed_or_declared_is_held(body, language, expected):
    assert expected in stakes_of(body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto cut its costs by 20% at Pellucell.", "en"),
        ("Moravia Auto a réduit ses émissions de 20 % chez Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_a_change_of_something_else_than_a_stake_is_none(body, language):
    assert stakes_of(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell compte parmi ses actionnaires le fonds Fjord Kapital, qui en détient 5 %.",
         "fr", ("fjord-kapital", "pellucell", 5, "completed")),
        ("Pellucell compte Fjord Kapital parmi ses actionnaires, avec 5 %.",
         "fr", ("fjord-kapital", "pellucell", 5, "completed")),
        ("Pellucell counts Fjord Kapital among its shareholders, with a 5% stake.",
         "en", ("fjord-kapital", "pellucell", 5, "completed")),
    ],
)  # fmt: skip
def test_a_company_counting_another_among_its_shareholders_is_held_by_it(body, language, expected):
    found = stakes_of(body, language)
    assert expected in found
    assert all(holder != "pellucell" for holder, _, _, _ in found)
