"""
Stakes and agreements from the wordings journalists use in English and French, each on sentences
written for it: verbs that buy, take, sell or keep a share, bounds and shares in words, holders
listed with their shares, subsidiaries and takeovers, joint ventures in force, supply deals in
both orders, licensing, relative dates.
"""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.models import Company
from sourcing.suggestions import suggest

from .factories import make_company, make_plant

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2025, 6, 18)


@pytest.fixture(autouse=True)
def known(_module_wording_companies, db):
    """The five companies the sentences name (tests.factories.make_wording_companies), saved once
    per module: every module importing this fixture shares them."""


def proposals(body, language, kind):
    article = SimpleNamespace(
        pk=None,
        body=body,
        language=language,
        published_on=PUBLISHED,
        published_precision="day",
    )
    return [p["fields"] for p in suggest(article)["proposals"] if p["kind"] == kind]


def share(fields):
    for name in ("share_exact", "share_min", "share_max"):
        if fields[name] is not None:
            return fields[name]
    return None


def stakes_of(body, language):
    found = proposals(body, language, "stake")
    return [(f["holder"], f["target"], share(f), f["status"]) for f in found]


def roles(fields):
    return {(p["company"], p["role"]) for p in fields["parties"]}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto is buying 10% of Pellucell for EUR 50 million.", "en",
         [("moravia-auto", "pellucell", 10, "announced")]),
        ("Fjord Kapital bought a further 5% of Pellucell.", "en",
         [("fjord-kapital", "pellucell", 5, "completed")]),
        ("Fjord Kapital acquiert 20 % de Pellucell.", "fr",
         [("fjord-kapital", "pellucell", 20, "announced")]),
        ("Fjord Kapital a acquis 20 % de Pellucell.", "fr",
         [("fjord-kapital", "pellucell", 20, "completed")]),
        ("Moravia Auto prévoit de prendre 10 % de Pellucell.", "fr",
         [("moravia-auto", "pellucell", 10, "planned")]),
        ("Fjord Kapital est monté à 25 % dans Pellucell.", "fr",
         [("fjord-kapital", "pellucell", 25, "completed")]),
    ],
)  # fmt: skip
def test_verbs_that_buy_or_take_a_share_state_a_stake(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell will buy cells from Moravia Auto, which will take up to half of its output.",
         "en"),
        ("Moravia Auto pourrait acheter jusqu'à 40 % de la production de Pellucell.", "fr"),
        ("Moravia Auto will take delivery of cells from Pellucell.", "en"),
    ],
)  # fmt: skip
def test_a_share_of_output_or_a_verb_of_buying_alone_is_no_stake(body, language):
    assert stakes_of(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital has exited Pellucell, selling its 9% stake to Halden Fonds.", "en",
         [("fjord-kapital", "pellucell", 9, "divested"),
          ("halden-fonds", "pellucell", 9, "completed")]),
        ("Fjord Kapital a vendu ses 9 % de Pellucell à Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 9, "divested"),
          ("halden-fonds", "pellucell", 9, "completed")]),
        ("Fjord Kapital s'est désengagé de Pellucell en cédant ses 9 % à Halden Fonds.", "fr",
         [("fjord-kapital", "pellucell", 9, "divested"),
          ("halden-fonds", "pellucell", 9, "completed")]),
    ],
)  # fmt: skip
def test_a_stake_sold_to_a_buyer_is_in_the_company_left_not_in_the_buyer(body, language, expected):
    assert stakes_of(body, language) == expected


def test_friday_sells_nothing():
    body = "Fjord Kapital a annoncé vendredi qu'il détient 12 % de Pellucell."
    assert stakes_of(body, "fr") == [("fjord-kapital", "pellucell", 12, "completed")]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital's 20% stake in Pellucell is worth EUR 300 million.", "en",
         [("fjord-kapital", "pellucell", 20, "completed")]),
        ("Moravia Auto's stake in Pellucell rose to 35%.", "en",
         [("moravia-auto", "pellucell", 35, "completed")]),
        ("La participation de Fjord Kapital dans Pellucell passe de 10 % à 18 %.", "fr",
         [("fjord-kapital", "pellucell", 18, "announced")]),
        ("La participation de 20 % de Fjord Kapital dans Pellucell vaut 300 millions d'euros.",
         "fr", [("fjord-kapital", "pellucell", 20, "completed")]),
        ("Moravia Auto is the majority shareholder of Pellucell.", "en",
         [("moravia-auto", "pellucell", None, "completed")]),
        ("Moravia Auto est l'actionnaire majoritaire de Pellucell avec 60 %.", "fr",
         [("moravia-auto", "pellucell", 60, "completed")]),
    ],
)  # fmt: skip
def test_a_stake_named_as_someones_is_held_by_them(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Halden Fonds and Fjord Kapital each hold 10% of Pellucell.", "en",
         [("halden-fonds", "pellucell", 10, "completed"),
          ("fjord-kapital", "pellucell", 10, "completed")]),
        ("Halden Fonds et Fjord Kapital détiennent chacun 10 % de Pellucell.", "fr",
         [("halden-fonds", "pellucell", 10, "completed"),
          ("fjord-kapital", "pellucell", 10, "completed")]),
        ("Halden Fonds and Fjord Kapital hold 10% and 15% of Pellucell respectively.", "en",
         [("halden-fonds", "pellucell", 10, "completed"),
          ("fjord-kapital", "pellucell", 15, "completed")]),
        ("Halden Fonds et Fjord Kapital détiennent respectivement 10 % et 15 % de Pellucell.",
         "fr", [("halden-fonds", "pellucell", 10, "completed"),
                ("fjord-kapital", "pellucell", 15, "completed")]),
        ("Halden Fonds holds 60% of Pellucell, Fjord Kapital the remaining 40%.", "en",
         [("halden-fonds", "pellucell", 60, "completed"),
          ("fjord-kapital", "pellucell", 40, "completed")]),
        ("Halden Fonds holds 60% of Pellucell and Fjord Kapital 40%.", "en",
         [("halden-fonds", "pellucell", 60, "completed"),
          ("fjord-kapital", "pellucell", 40, "completed")]),
        ("Pellucell's shareholders include Halden Fonds, with 10%, and Fjord Kapital, with 15%.",
         "en", [("halden-fonds", "pellucell", 10, "completed"),
                ("fjord-kapital", "pellucell", 15, "completed")]),
        ("Le capital de Pellucell est réparti entre Halden Fonds (60 %) et Fjord Kapital (40 %).",
         "fr", [("halden-fonds", "pellucell", 60, "completed"),
                ("fjord-kapital", "pellucell", 40, "completed")]),
    ],
)  # fmt: skip
def test_several_holders_each_with_their_share(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell is a wholly owned subsidiary of Moravia Auto.", "en",
         [("moravia-auto", "pellucell", 100, "completed")]),
        ("Pellucell est une filiale de Moravia Auto.", "fr",
         [("moravia-auto", "pellucell", None, "completed")]),
        ("Moravia Auto and its subsidiary Pellucell will build a plant.", "en",
         [("moravia-auto", "pellucell", None, "completed")]),
        ("Moravia Auto has acquired Pellucell.", "en",
         [("moravia-auto", "pellucell", 100, "completed")]),
        ("Moravia Auto rachète Pellucell.", "fr",
         [("moravia-auto", "pellucell", 100, "announced")]),
        ("Moravia Auto takes full control of Pellucell.", "en",
         [("moravia-auto", "pellucell", 100, "announced")]),
        ("Moravia Auto prend le contrôle de Pellucell.", "fr",
         [("moravia-auto", "pellucell", None, "announced")]),
    ],
)  # fmt: skip
def test_subsidiaries_takeovers_and_control(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "status", "start_year"),
    [
        ("Pellucell and Moravia Auto set up a joint venture in 2021.", "en", "active", 2021),
        ("In 2021, Pellucell and Moravia Auto set up a joint venture.", "en", "active", 2021),
        ("Pellucell and Moravia Auto have been partners in a joint venture since 2020.", "en",
         "active", 2020),
        ("Pellucell and Moravia Auto's joint venture, Bohemcell, started production in 2024.",
         "en", "active", None),
        ("Bohemcell, la coentreprise de Pellucell et Moravia Auto, a démarré sa production en "
         "2024.", "fr", "active", None),
        ("Pellucell and Moravia Auto will form a joint venture.", "en", "announced", None),
    ],
)  # fmt: skip
def test_a_joint_venture_spoken_of_as_theirs_or_founded_before_is_in_force(
    body, language, status, start_year
):
    (fields,) = proposals(body, language, "agreement")
    assert fields["kind"] == "joint_venture"
    assert roles(fields) == {("pellucell", "partner"), ("moravia-auto", "partner")}
    assert (fields["status"], fields["start_year"]) == (status, start_year)
    assert fields["announced"] == (None if status == "active" else "2025-06-18")


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Halden Fonds a annoncé la cession de 20 % de Pellucell, son ancienne filiale de "
         "recherche et de production, à Fjord Kapital.", "fr",
         [("halden-fonds", "pellucell", 20, "divested"),
          ("fjord-kapital", "pellucell", 20, "announced")]),
        ("Halden Fonds ouvre le capital de Pellucell à Fjord Kapital.", "fr",
         [("fjord-kapital", "pellucell", None, "announced")]),
        ("Moravia Auto completed the purchase of Halden Fonds's 30% stake in Pellucell.", "en",
         [("halden-fonds", "pellucell", 30, "divested")]),
        ("Lumeo Chemicals a finalisé l'acquisition de 70 % de Pellucell auprès de ses "
         "fondateurs.", "fr", [("lumeo-chemicals", "pellucell", 70, "completed")]),
    ],
)  # fmt: skip
def test_nouns_of_sale_and_purchase_and_a_capital_opened(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell, dont le fonds Fjord Kapital détient 30 %, fabrique des cellules.", "fr",
         [("fjord-kapital", "pellucell", 30, "completed")]),
        ("Pellucell, in which Fjord Kapital holds 30%, makes cells.", "en",
         [("fjord-kapital", "pellucell", 30, "completed")]),
        ("Pellucell is owned in equal thirds by Moravia Auto, Halden Fonds and Fjord Kapital.",
         "en", [("moravia-auto", "pellucell", 33.33, "completed"),
                ("halden-fonds", "pellucell", 33.33, "completed"),
                ("fjord-kapital", "pellucell", 33.33, "completed")]),
        ("Le capital de Pellucell est détenu par Halden Fonds et par le fonds norvégien Fjord "
         "Kapital, qui en possèdent chacun 10 %.", "fr",
         [("halden-fonds", "pellucell", 10, "completed"),
          ("fjord-kapital", "pellucell", 10, "completed")]),
        ("Moravia Auto and Lumeo Chemicals will each hold 40% of the new company, with the "
         "remaining 20% going to Fjord Kapital.", "en",
         [("moravia-auto", None, 40, "announced"), ("lumeo-chemicals", None, 40, "announced"),
          ("fjord-kapital", None, 20, "announced")]),
    ],
)  # fmt: skip
def test_whose_capital_and_holders_named_after_their_shares(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital has denied a report that it was negotiating to buy 25% of Pellucell.",
         "en", []),
        ("Fjord Kapital, which holds 12% of Pellucell, did not sell any shares.", "en",
         [("fjord-kapital", "pellucell", 12, "completed")]),
        ("Fjord Kapital will keep supplying Pellucell with capital goods.", "en", []),
        ("Pellucell will concentrate its capital on cell production, Moravia Auto said.", "en",
         []),
    ],
)  # fmt: skip
def test_denials_negated_sales_and_other_meanings_state_no_stake_change(body, language, expected):
    assert stakes_of(body, language) == expected


def test_a_deadline_is_not_the_date_of_the_stake():
    body = "Lumeo Chemicals pourra porter sa participation dans Pellucell jusqu'à 80 % d'ici 2028."
    (fields,) = proposals(body, "fr", "stake")
    assert (fields["share_max"], fields["status"], fields["as_of"]) == (80, "planned", "2025-06-18")


def test_a_company_described_without_kind_or_country_is_the_one_spoken_of():
    body = (
        "La start-up Tarvenne lève 40 millions d'euros auprès de Fjord Kapital. Le fonds "
        "norvégien détient désormais 18 % du capital de la jeune entreprise."
    )
    assert stakes_of(body, "fr") == [("fjord-kapital", "Tarvenne", 18, "completed")]


def test_a_venture_described_as_a_named_venture_has_its_founders_as_partners():
    body = (
        "Moravia Auto, Lumeo Chemicals and Fjord Kapital have signed an agreement to set up "
        "Ostrava Cathodes, a Silesia-based venture that will make cathode material."
    )
    (fields,) = proposals(body, "en", "agreement")
    assert (fields["kind"], fields["status"]) == ("joint_venture", "signed")
    assert roles(fields) == {
        ("moravia-auto", "partner"),
        ("lumeo-chemicals", "partner"),
        ("fjord-kapital", "partner"),
    }


def agreements_of(body, language):
    return [
        (f["kind"], f["status"], roles(f), f["announced"], f["start_year"])
        for f in proposals(body, language, "agreement")
    ]


PELLUCELL_SUPPLIES = {("pellucell", "supplier"), ("moravia-auto", "buyer")}
PARTNERS = {("pellucell", "partner"), ("moravia-auto", "partner")}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell signed an agreement with Moravia Auto last month to supply cells.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-05", None)]),
        ("Pellucell a signé mardi un accord avec Moravia Auto pour lui fournir 8 GWh par an à "
         "partir de 2028.", "fr",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-17", 2028)]),
        ("Pellucell has been selected as supplier by Moravia Auto for its next platform.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Moravia Auto will be the first customer of Pellucell's new plant.", "en",
         [("supply", "announced", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Moravia Auto has agreed to take cells from Pellucell from the third quarter of next "
         "year.", "en", [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", 2026)]),
        ("Moravia Auto s'est engagée à acheter des cellules à Pellucell.", "fr",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Ostrava, 18 June 2025 — Moravia Auto will buy cells from Pellucell under a contract the "
         "two companies signed on Monday.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-16", None)]),
        ("Moravia Auto achètera des cellules à Pellucell. Le contrat, signé lundi, prendra effet "
         "l'an prochain.", "fr", [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-16", 2026)]),
    ],
)  # fmt: skip
def test_supply_deals_who_supplies_and_when_it_was_signed_and_starts(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell fournit depuis 2023 des cellules à Moravia Auto.", "fr",
         [("supply", "active", PELLUCELL_SUPPLIES, None, 2023)]),
        ("Pellucell will keep supplying Moravia Auto under the existing contract.", "en",
         [("supply", "active", PELLUCELL_SUPPLIES, None, None)]),
        ("Pellucell was founded in 2015. It supplies cells to Moravia Auto under a contract that "
         "runs until 2030.", "en", [("supply", "active", PELLUCELL_SUPPLIES, None, None)]),
    ],
)  # fmt: skip
def test_a_supply_in_force_and_a_pronoun_for_the_subject_before(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell licenses its sodium-ion technology to Moravia Auto.", "en",
         [("partnership", "announced", PARTNERS, "2025-06-18", None)]),
        # the signing they announce is done: signed (as the corpus's editors read it)
        ("Pellucell et Moravia Auto annoncent la signature d'un accord de licence.", "fr",
         [("partnership", "signed", PARTNERS, "2025-06-18", None)]),
        ("Pellucell and Moravia Auto will jointly develop a new cathode.", "en",
         [("partnership", "announced", PARTNERS, "2025-06-18", None)]),
        ("Moravia Auto a noué avec Pellucell un partenariat de recherche sur les cathodes.", "fr",
         [("research", "signed", PARTNERS, "2025-06-18", None)]),
    ],
)  # fmt: skip
def test_licences_and_technology_partnerships(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell has denied a report that it was negotiating to supply cells to Moravia Auto.",
         "en"),
        ("« Pour Pellucell, c'est l'assurance d'un approvisionnement ; pour Moravia Auto, un "
         "partenaire de plus », résume un analyste.", "fr"),
        ("Moravia Auto takes sole ownership of Pellucell.", "en"),
        ("« Pellucell apporte à Moravia Auto des clients de premier plan », dit-il.", "fr"),
    ],
)  # fmt: skip
def test_denials_remarks_and_share_purchases_are_no_supply_deal(body, language):
    assert agreements_of(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto has awarded Pellucell a contract for 4 GWh of cells a year.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Pellucell will be Moravia Auto's exclusive supplier of cells.", "en",
         [("supply", "announced", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Pellucell sera le fournisseur exclusif de Moravia Auto en cellules.", "fr",
         [("supply", "announced", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Pellucell and Moravia Auto are in advanced talks about a joint venture.", "en",
         [("joint_venture", "in_discussion", PARTNERS, "2025-06-18", None)]),
        ("Pellucell et Moravia Auto discutent d'une coentreprise.", "fr",
         [("joint_venture", "in_discussion", PARTNERS, "2025-06-18", None)]),
    ],
)  # fmt: skip
def test_contracts_awarded_suppliers_named_and_ventures_discussed(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell is jointly owned by Moravia Auto and Halden Fonds.", "en",
         [("moravia-auto", "pellucell", None, "completed"),
          ("halden-fonds", "pellucell", None, "completed")]),
        ("Pellucell est détenue conjointement par Moravia Auto et Halden Fonds.", "fr",
         [("moravia-auto", "pellucell", None, "completed"),
          ("halden-fonds", "pellucell", None, "completed")]),
        ("Pellucell is owned 60% by Moravia Auto and Halden Fonds.", "en",
         [("moravia-auto", "pellucell", 60, "completed")]),
        ("Halden Fonds est sorti du capital de Pellucell en 2023.", "fr",
         [("halden-fonds", "pellucell", None, "divested")]),
        ("Halden Fonds exited Pellucell in 2023.", "en",
         [("halden-fonds", "pellucell", None, "divested")]),
        ("Pellucell said Fjord Kapital would become its largest shareholder with 25%.", "en",
         [("fjord-kapital", "pellucell", 25, "announced")]),
        ("Fjord Kapital a investi 40 millions d'euros dans Pellucell en échange de 12 % du "
         "capital.", "fr", [("fjord-kapital", "pellucell", 12, "completed")]),
    ],
)  # fmt: skip
def test_joint_owners_exits_reported_futures_and_investments(body, language, expected):
    assert stakes_of(body, language) == expected


def test_a_buyer_of_a_plants_output_buys_from_its_operator():
    pellucell = Company.objects.get(slug="pellucell")
    make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")
    body = (
        "Pellucell runs the Vierzon plant. Under a supply agreement signed in 2023, the Czech "
        "carmaker Moravia Auto will take most of the plant's output."
    )
    found = agreements_of(body, "en")
    assert found == [("supply", "signed", PELLUCELL_SUPPLIES, "2023", None)]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The first cells will go to Moravia Auto, which signed a six-year contract with "
         "Pellucell in 2024 for 5 GWh a year of cells.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2024", None)]),
        ("Pellucell signed a supply contract with Moravia Auto, with first deliveries in 2027.",
         "en", [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", 2027)]),
        ("La société Pellucell, fabricant de cellules, a été créée en 2019. La société fournit "
         "depuis 2023 des cellules à Moravia Auto.", "fr",
         [("supply", "active", PELLUCELL_SUPPLIES, None, 2023)]),
    ],
)  # fmt: skip
def test_goods_under_contract_first_deliveries_and_the_company_as_subject(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "status"),
    [
        ("Moravia Auto has completed the purchase of Pellucell's 49% interest in Bohemcell, the "
         "joint venture the two companies have run since 2019.", "en", "ended"),
        ("Bohemcell, la coentreprise créée en 2019 par Moravia Auto et Pellucell, passe sous le "
         "contrôle de Moravia Auto, qui rachète la participation de Pellucell.", "fr", "ended"),
        ("Moravia Auto and Pellucell set up their joint venture, Bohemcell, in 2019.", "en",
         "active"),
    ],
)  # fmt: skip
def test_a_joint_venture_whose_partner_is_bought_out_has_ended(body, language, status):
    (fields,) = proposals(body, language, "agreement")
    assert (fields["kind"], fields["status"], fields["start_year"]) == (
        "joint_venture",
        status,
        2019,
    )
    assert roles(fields) == PARTNERS


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Pellucell holds 2.5% of Moravia Auto, a cross-shareholding the two groups set up when "
            "they signed their first supply deal.",
            "en",
        ),
        ("Pellucell et Moravia Auto ont prolongé leur contrat de fourniture jusqu'en 2030.", "fr"),
    ],
)
def test_a_deal_spoken_of_as_theirs_is_in_force(body, language):
    (fields,) = proposals(body, language, "agreement")
    assert (fields["kind"], fields["status"], fields["announced"]) == ("supply", "active", None)


@pytest.mark.parametrize(
    ("body", "language", "as_of"),
    [
        ("In March 2024, Fjord Kapital bought 5% of Pellucell.", "en", "2024-03"),
        ("En 2023, Halden Fonds a cédé sa participation dans Pellucell.", "fr", "2023"),
        ("Fjord Kapital lifted its stake in Pellucell to 12% last month.", "en", "2025-05"),
        ("Fjord Kapital will raise its stake in Pellucell to 30% next year.", "en", "2025-06-18"),
    ],
)
def test_the_date_of_a_stake_is_the_sentences_fronted_or_relative_one(body, language, as_of):
    (fields,) = proposals(body, language, "stake")
    assert fields["as_of"] == as_of


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto announced a deal with Pellucell on Monday. The group will take a 20% stake "
         "in the French company.", "en"),
        ("Moravia Auto a annoncé lundi un accord avec Pellucell. Le groupe prendra 20 % du "
         "capital de la société française.", "fr"),
    ],
)  # fmt: skip
def test_a_description_opening_a_sentence_is_the_subject_of_the_one_before(body, language):
    assert stakes_of(body, language) == [("moravia-auto", "pellucell", 20, "announced")]


def test_a_venture_founded_before_is_a_party_to_another_deal():
    make_company("Bohemcell", kind=Company.Kind.CELL_MAKER, country="CZ")
    body = (
        "Bohemcell, la coentreprise créée en 2021 par Moravia Auto et Lumeo Chemicals, et "
        "Pellucell ont signé un protocole d'accord de partenariat portant sur le recyclage."
    )
    found = agreements_of(body, "fr")
    assert ("partnership", "letter_of_intent", {("bohemcell", "partner"), ("pellucell", "partner")},
            "2025-06-18", None) in found  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell has won the contract to fit out Moravia Auto's new assembly hall.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        ("Pellucell and Moravia Auto signed a memorandum of understanding to study a jointly "
         "owned cell plant in Spain.", "en",
         [("joint_venture", "letter_of_intent", PARTNERS, "2025-06-18", None)]),
        ("Pellucell et Moravia Auto étudient une usine commune en Espagne.", "fr",
         [("joint_venture", "announced", PARTNERS, "2025-06-18", None)]),
    ],
)  # fmt: skip
def test_contracts_won_and_plants_owned_together(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Fjord Kapital buys into Pellucell", "en",
         [("fjord-kapital", "pellucell", None, "announced")]),
        ("Fjord Kapital rejoint le tour de table de Pellucell", "fr",
         [("fjord-kapital", "pellucell", None, "announced")]),
        ("Pellucell accueille Fjord Kapital à son capital", "fr",
         [("fjord-kapital", "pellucell", None, "announced")]),
        ("Pellucell welcomes Fjord Kapital as a shareholder.", "en",
         [("fjord-kapital", "pellucell", None, "announced")]),
        ("Halden Fonds quitte le capital de Pellucell", "fr",
         [("halden-fonds", "pellucell", None, "divested")]),
        ("Halden Fonds se désengage de Pellucell", "fr",
         [("halden-fonds", "pellucell", None, "divested")]),
        ("Halden Fonds sold half of its 10% stake in Pellucell.", "en",
         [("halden-fonds", "pellucell", 10, "divested")]),
    ],
)  # fmt: skip
def test_coming_in_and_going_out_of_a_capital(body, language, expected):
    assert stakes_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "volumes", "start_year"),
    [
        ("Pellucell will supply Moravia Auto with a total of 40 GWh of cells over five years.",
         "en", [], None),
        ("Pellucell livrera à Moravia Auto 40 GWh de cellules sur cinq ans.", "fr", [], None),
        ("Pellucell livrera à Moravia Auto jusqu'à 8 GWh de cellules par an à partir de 2027, "
         "soit 40 GWh sur cinq ans.", "fr", [8], 2027),
        ("Pellucell et Moravia Auto ont signé un accord de fourniture. Les livraisons, de 6 GWh "
         "par an, débuteront en 2027.", "fr", [6], 2027),
        ("Pellucell and Moravia Auto signed a supply agreement. Under the agreement, Pellucell "
         "will deliver 6 GWh a year from 2027.", "en", [6], 2027),
    ],
)  # fmt: skip
def test_yearly_volumes_and_start_years_of_a_supply(body, language, volumes, start_year):
    (fields,) = proposals(body, language, "agreement")
    assert [v["gwh_per_year"] for v in fields["volumes"]] == volumes
    assert fields["start_year"] == start_year


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto is supplied by Pellucell.", "en"),
        ("Moravia Auto est approvisionné par Pellucell en cellules.", "fr"),
        ("Moravia Auto's vans will be equipped by Pellucell.", "en"),
    ],
)
def test_a_buyer_supplied_by_its_supplier_in_the_passive(body, language):
    assert agreements_of(body, language) == [
        ("supply", "announced", PELLUCELL_SUPPLIES, "2025-06-18", None)
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # Signed in the sentence, theirs or not: signed that day, not a deal in force.
        ("Pellucell and Moravia Auto signed their first supply deal on 3 March 2025.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-03-03", None)]),
        ("Pellucell et Moravia Auto ont signé leur premier contrat de fourniture le 3 mars "
         "2025.", "fr", [("supply", "signed", PELLUCELL_SUPPLIES, "2025-03-03", None)]),
        # The year of the deliveries is not the signing's.
        ("Pellucell signed a deal for deliveries in 2028 with Moravia Auto.", "en",
         [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
        # A denial of something else does not unsay the deal the sentence signs.
        ("Pellucell signed a supply agreement with Moravia Auto and dismissed reports of a "
         "merger.", "en", [("supply", "signed", PELLUCELL_SUPPLIES, "2025-06-18", None)]),
    ],
)  # fmt: skip
def test_a_deal_the_sentence_signs_is_signed(body, language, expected):
    assert agreements_of(body, language) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Pellucell bought 10% of Lumeo Chemicals. It is expected that Halden Fonds will supply "
        "cells to Moravia Auto.",
        "Pellucell a acheté 10 % de Lumeo Chemicals. Il est probable que Halden Fonds fournira "
        "des cellules à Moravia Auto.",
    ],
)
def test_an_impersonal_pronoun_stands_for_no_company(body):
    language = "fr" if "acheté" in body else "en"
    supplies = [f for f in proposals(body, language, "agreement") if "moravia-auto" in str(f)]
    assert [roles(f) for f in supplies] == [
        {("halden-fonds", "supplier"), ("moravia-auto", "buyer")}
    ]


# -- Words that sign, equip, run or name only where they do so ------------------------------------


def agreement_statuses(body, language="en"):
    return [(f["kind"], f["status"]) for f in proposals(body, language, "agreement")]


def test_struck_signs_a_deal_it_strikes_not_a_company_struck_by_something():
    signed = agreement_statuses("Pellucell struck a supply deal with Moravia Auto on Monday.")
    struck_by = agreement_statuses(
        "Pellucell, struck by falling prices, may one day supply Moravia Auto."
    )

    assert ("supply", "signed") in signed
    assert ("supply", "signed") not in struck_by


def test_a_team_of_engineers_equips_nothing():
    team = agreement_statuses(
        "Pellucell envoie une équipe de 40 ingénieurs chez Moravia Auto.", language="fr"
    )

    assert team == []


def test_a_supply_under_a_contract_that_expires_later_is_in_force():
    found = agreement_statuses(
        "Pellucell has supplied Moravia Auto since 2021, under a contract that expires in 2027."
    )

    assert found == [("supply", "active")]


def test_a_companys_own_management_is_no_public_body():
    article = SimpleNamespace(
        pk=None,
        body="La direction de Norvalis Batteries a confirmé le projet vendredi.",
        language="fr",
        published_on=PUBLISHED,
        published_precision="day",
    )
    candidates = [
        m["text"] for m in suggest(article)["mentions"] if m["kind"] == "candidate_company"
    ]

    assert candidates == ["Norvalis Batteries"]
