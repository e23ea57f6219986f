"""
Breadth of agreement reading: the verbs, nouns, word orders, tenses, volumes, start years and
ventures the trade press and press releases use for deals, in English and French, each on a
sentence written for it; and sentences that state no deal (talks, hypotheses, denials, rumours,
grants, other trades). Each asserts what the editor would see: kind, status, parties with their
roles, start year, yearly volumes and the date the deal is given.
"""

import pytest

from sourcing.models import Company

from .factories import make_company
from .test_suggestions_deals_wording import known, proposals, roles  # noqa: F401

pytestmark = pytest.mark.django_db

DAY = "2025-06-18"  # the articles' date (a Wednesday)
MONDAY = "2025-06-16"
CELLS = {("pellucell", "supplier"), ("moravia-auto", "buyer")}
MATERIALS = {("lumeo-chemicals", "supplier"), ("pellucell", "buyer")}
SCRAP = {("pellucell", "supplier"), ("orbis-recycling", "buyer")}
PARTNERS = {("pellucell", "partner"), ("moravia-auto", "partner")}
LUMEO_PARTNERS = {("pellucell", "partner"), ("lumeo-chemicals", "partner")}
ORBIS_PARTNERS = {("pellucell", "partner"), ("orbis-recycling", "partner")}


@pytest.fixture(autouse=True)
def recycler(known):  # noqa: F811
    make_company("Orbis Recycling", kind=Company.Kind.INDUSTRIAL, country="BE")


def deals(body, language):
    """(kind, status, roles, start year, yearly volumes) of each agreement proposed."""
    return [
        (
            f["kind"],
            f["status"],
            roles(f),
            f["start_year"],
            [v["gwh_per_year"] for v in f["volumes"]],
        )
        for f in proposals(body, language, "agreement")
    ]


# -- Verbs of concluding a supply deal, the supplier named first ---------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell has inked a supply deal with Moravia Auto for up to 20 GWh a year of cells.",
         "en", [("supply", "signed", CELLS, None, [20])]),
        ("Pellucell sealed a contract to supply Moravia Auto with 10 GWh annually from 2027.",
         "en", [("supply", "signed", CELLS, 2027, [10])]),
        ("Pellucell clinches a multi-year battery supply contract with Moravia Auto.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Lumeo Chemicals strikes a deal to deliver cathode powder to Pellucell.", "en",
         [("supply", "signed", MATERIALS, None, [])]),
        ("Pellucell lands a purchase order from Moravia Auto for battery modules.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Pellucell wins an order from Moravia Auto worth EUR 200 million.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Pellucell has been awarded a contract by Moravia Auto to deliver battery packs.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Pellucell conclut un contrat d'approvisionnement avec Moravia Auto portant sur 15 GWh "
         "par an.", "fr", [("supply", "signed", CELLS, None, [15])]),
        ("Pellucell paraphe un accord-cadre avec Moravia Auto pour la fourniture de cellules à "
         "partir de 2027.", "fr", [("supply", "signed", CELLS, 2027, [])]),
        ("Pellucell décroche une commande de Moravia Auto pour des modules de batteries.", "fr",
         [("supply", "signed", CELLS, None, [])]),
        ("Pellucell remporte un contrat auprès de Moravia Auto pour équiper ses utilitaires.",
         "fr", [("supply", "signed", CELLS, None, [])]),
        ("Lumeo Chemicals scelle un contrat de fourniture d'électrolyte avec Pellucell.", "fr",
         [("supply", "signed", MATERIALS, None, [])]),
        ("Lumeo Chemicals a signé un contrat d'approvisionnement en précurseurs avec Pellucell.",
         "fr", [("supply", "signed", MATERIALS, None, [])]),
    ],
)  # fmt: skip
def test_verbs_of_concluding_a_supply_deal(body, language, expected):
    assert deals(body, language) == expected


# -- The buyer first: secures, sources, taps, picks, selects, nominates, retient ------------------
# A supplier chosen is a deal made (signed), as the corpus's editors read "a retenu X comme
# fournisseur" and "has been selected by Y to supply".


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto has secured cell supply from Pellucell for its electric vans.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Moravia Auto taps Pellucell as cell supplier for its next compact car.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Moravia Auto picks Pellucell to supply batteries from 2028.", "en",
         [("supply", "signed", CELLS, 2028, [])]),
        ("Moravia Auto nominated Pellucell as the cell supplier for its van platform.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Pellucell has signed an offtake agreement with Lumeo Chemicals for lithium hydroxide.",
         "en", [("supply", "signed", MATERIALS, None, [])]),
        ("Pellucell will buy 3 GWh of cathode material a year from Lumeo Chemicals starting in "
         "2029.", "en", [("supply", "announced", MATERIALS, 2029, [3])]),
        ("Moravia Auto retient Pellucell comme fournisseur de cellules pour sa future citadine.",
         "fr", [("supply", "signed", CELLS, None, [])]),
        ("Moravia Auto a retenu Pellucell pour fournir les cellules de sa plateforme à partir de "
         "2028.", "fr", [("supply", "signed", CELLS, 2028, [])]),
        ("Moravia Auto achètera à Pellucell 5 GWh de cellules par an dès 2026.", "fr",
         [("supply", "announced", CELLS, 2026, [5])]),
        ("Pellucell s'approvisionnera en lithium auprès de Lumeo Chemicals à compter de 2029.",
         "fr", [("supply", "announced", MATERIALS, 2029, [])]),
        ("Moravia Auto a sélectionné Pellucell comme fournisseur de batteries.", "fr",
         [("supply", "signed", CELLS, None, [])]),
    ],
)  # fmt: skip
def test_the_buyer_named_first_chooses_or_secures_its_supplier(body, language, expected):
    assert deals(body, language) == expected


# -- The passive and the deal as subject --------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell was selected by Moravia Auto as its battery supplier.", "en",
         [("supply", "signed", CELLS, None, [])]),
        ("Pellucell a été choisie par Moravia Auto comme fournisseur de batteries.", "fr",
         [("supply", "signed", CELLS, None, [])]),
        ("Moravia Auto sera approvisionnée en cellules par Pellucell dès 2027.", "fr",
         [("supply", "announced", CELLS, 2027, [])]),
        ("Under a deal with Moravia Auto, Pellucell will deliver 8 GWh of cells a year starting "
         "in 2027.", "en", [("supply", "signed", CELLS, 2027, [8])]),
        ("Aux termes d'un accord avec Moravia Auto, Pellucell livrera des cellules à partir de "
         "2027.", "fr", [("supply", "signed", CELLS, 2027, [])]),
    ],
)  # fmt: skip
def test_the_passive_and_a_deal_named_before_its_parties(body, language, expected):
    assert deals(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "announced"),
    [
        ("The agreement, signed on Monday by Pellucell and Moravia Auto, covers the delivery "
         "of cells for electric vans.", "en", MONDAY),
        ("L'accord, signé lundi par Pellucell et Moravia Auto, porte sur la livraison de "
         "cellules.", "fr", MONDAY),
        ("Pellucell signed a supply deal with Moravia Auto last month.", "en", "2025-05"),
        ("Pellucell a signé le mois dernier un contrat de fourniture avec Moravia Auto.", "fr",
         "2025-05"),
        ("Pellucell signed a contract last year to supply Moravia Auto with cells.", "en",
         "2024"),
    ],
)  # fmt: skip
def test_the_date_a_passage_gives_its_deal(body, language, announced):
    found = proposals(body, language, "agreement")
    assert [(f["kind"], f["status"], roles(f), f["announced"]) for f in found] == [
        ("supply", "signed", CELLS, announced)
    ]


# -- Tenses: a deal to be signed is announced, one in force is active ----------------------------


@pytest.mark.parametrize(
    ("body", "language", "status"),
    [
        ("Pellucell will sign a framework agreement with Moravia Auto for the supply of cells.",
         "en", "announced"),
        ("Pellucell is expected to sign a supply contract with Moravia Auto next month.", "en",
         "announced"),
        ("Pellucell signera un contrat de fourniture avec Moravia Auto d'ici la fin de l'année.",
         "fr", "announced"),
        ("Pellucell devrait signer un accord de fourniture de cellules avec Moravia Auto.", "fr",
         "announced"),
        ("Pellucell has been supplying Moravia Auto with cells since 2021.", "en", "active"),
        ("Pellucell livre déjà des cellules à Moravia Auto.", "fr", "active"),
    ],
)  # fmt: skip
def test_a_deal_to_be_signed_is_announced_and_one_in_force_active(body, language, status):
    assert [(f["kind"], f["status"], roles(f)) for f in proposals(body, language, "agreement")] == [
        ("supply", status, CELLS)
    ]


# -- Volumes: per year only ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "volumes"),
    [
        ("Pellucell will supply Moravia Auto with 20 GWh over five years.", "en", []),
        ("Pellucell fournira 30 GWh à Moravia Auto sur six ans.", "fr", []),
        ("Pellucell livrera jusqu'à 12 GWh par an à Moravia Auto à partir de 2027.", "fr", [12]),
        ("Pellucell will deliver 6 GWh per year of cells to Moravia Auto.", "en", [6]),
    ],
)  # fmt: skip
def test_only_yearly_volumes_are_volumes(body, language, volumes):
    found = proposals(body, language, "agreement")
    assert [(roles(f), [v["gwh_per_year"] for v in f["volumes"]]) for f in found] == [
        (CELLS, volumes)
    ]


# -- Preliminary deals: memoranda, letters of intent, heads of agreement, term sheets ------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell signed a memorandum of understanding with Moravia Auto on the supply of "
         "cells from 2029.", "en", [("supply", "letter_of_intent", CELLS, 2029, [])]),
        ("Lumeo Chemicals and Pellucell signed heads of agreement for the supply of electrolyte.",
         "en", [("supply", "letter_of_intent", MATERIALS, None, [])]),
        ("Lumeo Chemicals has signed a non-binding term sheet to supply precursors to Pellucell.",
         "en", [("supply", "letter_of_intent", MATERIALS, None, [])]),
        ("Lumeo Chemicals signed a binding term sheet to supply precursors to Pellucell.", "en",
         [("supply", "signed", MATERIALS, None, [])]),
        ("Pellucell et Moravia Auto ont signé un protocole d'accord portant sur la fourniture de "
         "cellules.", "fr", [("supply", "letter_of_intent", CELLS, None, [])]),
        ("Lumeo Chemicals a signé une lettre d'intention avec Pellucell pour lui livrer de "
         "l'électrolyte dès 2028.", "fr", [("supply", "letter_of_intent", MATERIALS, 2028, [])]),
        ("Pellucell and Lumeo Chemicals signed a letter of intent to jointly develop cathode "
         "materials.", "en", [("partnership", "letter_of_intent", LUMEO_PARTNERS, None, [])]),
    ],
)  # fmt: skip
def test_preliminary_deals_are_letters_of_intent_of_their_kind(body, language, expected):
    assert deals(body, language) == expected


# -- Partnerships, alliances, research ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell has entered into a strategic partnership with Moravia Auto.", "en",
         [("partnership", "signed", PARTNERS, None, [])]),
        ("Pellucell and Lumeo Chemicals formed an alliance to develop sodium-ion cells.", "en",
         [("partnership", "signed", LUMEO_PARTNERS, None, [])]),
        ("Pellucell has teamed up with Orbis Recycling to recycle its production scrap.", "en",
         [("partnership", "announced", ORBIS_PARTNERS, None, [])]),
        ("Pellucell noue un partenariat stratégique avec Lumeo Chemicals dans les cathodes.",
         "fr", [("partnership", "signed", LUMEO_PARTNERS, None, [])]),
        ("Pellucell s'associe à Orbis Recycling pour recycler ses rebuts de production.", "fr",
         [("partnership", "announced", ORBIS_PARTNERS, None, [])]),
        ("Moravia Auto scelle une alliance avec Pellucell dans les batteries.", "fr",
         [("partnership", "signed", PARTNERS, None, [])]),
        ("Pellucell et Moravia Auto ont finalement noué un partenariat dans le recyclage.", "fr",
         [("partnership", "signed", PARTNERS, None, [])]),
        ("Pellucell et Lumeo Chemicals mèneront un programme de recherches communes sur les "
         "électrolytes solides.", "fr", [("research", "signed", LUMEO_PARTNERS, None, [])]),
        ("Lumeo Chemicals will run a two-year research programme with Pellucell on binders.",
         "en", [("research", "signed", LUMEO_PARTNERS, None, [])]),
        ("Pellucell and Lumeo Chemicals will research solid electrolytes together.", "en",
         [("research", "announced", LUMEO_PARTNERS, None, [])]),
        ("Pellucell and Lumeo Chemicals signed a research agreement on solid electrolytes.", "en",
         [("research", "signed", LUMEO_PARTNERS, None, [])]),
    ],
)  # fmt: skip
def test_partnerships_alliances_and_research(body, language, expected):
    assert deals(body, language) == expected


# -- Joint ventures: founded, formed, set up, co-owned ------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "status", "founders", "start_year"),
    [
        ("Pellucell and Moravia Auto will set up a joint venture to build a gigafactory.", "en",
         "announced", PARTNERS, None),
        ("Pellucell and Moravia Auto are forming a 50:50 JV to make cells in Spain.", "en",
         "announced", PARTNERS, None),
        ("Pellucell and Lumeo Chemicals set up a co-owned cathode joint venture in 2021.", "en",
         "active", LUMEO_PARTNERS, 2021),
        ("Pellucell and Lumeo Chemicals founded a joint venture, Cathora, in 2020.", "en",
         "active", LUMEO_PARTNERS, 2020),
        ("Pellucell et Moravia Auto créent une coentreprise à parts égales pour produire des "
         "cellules.", "fr", "announced", PARTNERS, None),
        ("Pellucell et Lumeo Chemicals ont fondé en 2020 une co-entreprise dédiée aux cathodes.",
         "fr", "active", LUMEO_PARTNERS, 2020),
        ("Moravia Auto et Pellucell vont constituer une joint-venture détenue à parts égales.",
         "fr", "announced", PARTNERS, None),
    ],
)  # fmt: skip
def test_joint_ventures_have_their_founders_as_partners(
    body, language, status, founders, start_year
):
    ventures = [f for f in proposals(body, language, "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f), f["start_year"]) for f in ventures] == [
        (status, founders, start_year)
    ]


# -- No deal: talks, hypotheses, denials, rumours, grants, other trades --------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell is in talks with Moravia Auto about a supply deal.", "en"),
        ("Pellucell is in discussions with Moravia Auto over cell deliveries.", "en"),
        ("Pellucell could supply Moravia Auto with cells from 2028.", "en"),
        ("Moravia Auto denied that it had signed a supply deal with Pellucell.", "en"),
        ("Pellucell is rumoured to be close to a supply deal with Moravia Auto.", "en"),
        ("Pellucell received a EUR 30 million grant from the French government.", "en"),
        ("Moravia Auto signed a sponsorship contract with Halden Fonds for its cycling team.",
         "en"),
        ("Pellucell est en discussions avec Moravia Auto en vue d'un contrat de fourniture.",
         "fr"),
        ("Pellucell pourrait fournir des cellules à Moravia Auto à partir de 2028.", "fr"),
        ("Moravia Auto a démenti avoir signé un contrat avec Pellucell.", "fr"),
        ("Selon des rumeurs, Moravia Auto serait sur le point de choisir Pellucell comme "
         "fournisseur.", "fr"),
        ("Pellucell a obtenu une subvention de 50 millions d'euros de l'État.", "fr"),
        ("Moravia Auto a signé un contrat de parrainage avec Halden Fonds pour son équipe "
         "cycliste.", "fr"),
    ],
)  # fmt: skip
def test_no_deal_is_made(body, language):
    statuses = {f["status"] for f in proposals(body, language, "agreement")}
    assert statuses <= {"in_discussion"}


def test_a_news_deal_is_given_the_article_date():
    (fields,) = proposals("Pellucell inks a supply deal with Moravia Auto.", "en", "agreement")
    assert (fields["status"], fields["announced"], fields["announced_precision"]) == (
        "signed",
        DAY,
        "day",
    )


# -- A deal in force since a year, an order received, a deal acted under, a venture created now --


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Les packs embarquent un logiciel de Lumeo Chemicals, que Pellucell exploite sous "
         "licence depuis 2024.", "fr", [("partnership", "active", LUMEO_PARTNERS, 2024, [])]),
        ("Pellucell has made cathodes under licence from Lumeo Chemicals since 2022.", "en",
         [("partnership", "active", LUMEO_PARTNERS, 2022, [])]),
        ("Moravia Auto will buy cells from Pellucell under a separate offtake deal from 2029.",
         "en", [("supply", "signed", CELLS, 2029, [])]),
        ("Pellucell has received an order from Moravia Auto for 2 GWh of modules a year.", "en",
         [("supply", "signed", CELLS, None, [2])]),
        ("Pellucell annonce avoir reçu de Moravia Auto une commande de modules de batteries.",
         "fr", [("supply", "signed", CELLS, None, [])]),
    ],
)  # fmt: skip
def test_deals_in_force_received_or_acted_under(body, language, expected):
    assert deals(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell and Moravia Auto have created a joint venture, Bohemcell, to make cells.",
         "en"),
        ("Pellucell et Moravia Auto viennent de créer une coentreprise baptisée Bohemcell.", "fr"),
    ],
)  # fmt: skip
def test_a_venture_created_in_the_perfect_is_signed(body, language):
    ventures = [f for f in proposals(body, language, "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f)) for f in ventures] == [("signed", PARTNERS)]


def test_the_first_order_said_next_signs_the_deal_and_gives_its_start_and_volume():
    body = (
        "Moravia Auto has selected Pellucell to supply cells to its van plant. The first "
        "purchase order covers deliveries from 2027 of 3 GWh of cells a year."
    )
    assert deals(body, "en") == [("supply", "signed", CELLS, 2027, [3])]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell declined to comment on reports that it was in talks with Moravia Auto.",
         "en"),
        ("Pellucell a refusé de commenter les informations selon lesquelles elle livrerait "
         "Moravia Auto.", "fr"),
    ],
)  # fmt: skip
def test_reports_a_company_will_not_comment_on_are_no_deal(body, language):
    assert proposals(body, language, "agreement") == []


def test_a_stake_sold_to_a_company_named_after_goods_is_no_supply():
    make_company("Norda Lithium", kind=Company.Kind.INDUSTRIAL, country="SE")
    body = "Halden Fonds sold a 15% stake in Pellucell to Norda Lithium last month."
    assert [f for f in proposals(body, "en", "agreement") if f["kind"] == "supply"] == []


# -- Who is on which side: buying from a plant, two buyers, a partner of the buyer ---------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell runs the Vierzon plant. Moravia Auto, which already buys modules from the "
         "Vierzon plant for its vans, is adding a model.", "en"),
        ("Pellucell exploite l'usine de Vierzon. Moravia Auto, qui achète déjà ses modules à "
         "l'usine de Vierzon, lance un modèle.", "fr"),
    ],
)  # fmt: skip
def test_buying_from_a_plant_is_buying_from_its_operator(body, language):
    from .factories import make_plant

    pellucell = Company.objects.get(slug="pellucell")
    make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")
    assert [(f["status"], roles(f)) for f in proposals(body, language, "agreement")] == [
        ("active", CELLS)
    ]


def test_two_buyers_named_together_with_no_supplier_make_no_deal():
    body = "Moravia Auto and Pellucell to source lithium as prices fall."
    assert proposals(body, "en", "agreement") == []


def test_the_buyers_partner_named_with_its_venture_buys_too():
    body = (
        "Moravia Auto will source electrolyte from Lumeo Chemicals for its pack venture with "
        "Pellucell, under a three-way contract."
    )
    assert [d for d in deals(body, "en") if d[0] == "supply"] == [
        (
            "supply",
            "signed",
            {("lumeo-chemicals", "supplier"), ("moravia-auto", "buyer"), ("pellucell", "buyer")},
            None,
            [],
        )
    ]


# -- A present of today is in force; a statement across a semicolon is another ---------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell fournit aujourd'hui près de la moitié des cellules de Moravia Auto.", "fr"),
        ("Pellucell currently supplies most of the cells Moravia Auto fits to its vans.", "en"),
    ],
)  # fmt: skip
def test_a_supply_said_of_today_is_in_force(body, language):
    assert [(f["status"], roles(f)) for f in proposals(body, language, "agreement")] == [
        ("active", CELLS)
    ]


def test_a_company_across_a_semicolon_is_no_party():
    body = (
        "Lumeo Chemicals already provides a fifth of the electrolyte bought in Europe; Pellucell "
        "says it will not change that share."
    )
    assert proposals(body, "en", "agreement") == []


def test_a_supply_verb_paragraphs_later_adds_nothing_to_the_deal():
    body = (
        "Pellucell will deliver cells to Moravia Auto.\n\nPellucell also cut jobs.\n\n"
        "Lumeo Chemicals opened a lab.\n\nEurope will need 100 GWh by 2030 to supply its car "
        "plants."
    )
    found = [f for f in proposals(body, "en", "agreement") if f["kind"] == "supply"]
    assert [(roles(f), f["start_year"]) for f in found] == [(CELLS, None)]


def test_what_industry_sources_say_is_no_deal():
    body = "Industry sources say Moravia Auto has looked at buying cells from Pellucell."
    assert proposals(body, "en", "agreement") == []


# -- The date a deal is given: not the date it starts, nor its memorandum's ------------------------


def test_a_month_the_deal_starts_from_is_not_its_date():
    body = "Pellucell and Lumeo Chemicals signed a research programme starting in September."
    found = proposals(body, "en", "agreement")
    assert [(f["kind"], f["status"], f["announced"]) for f in found] == [
        ("research", "signed", DAY)
    ]


def test_the_memorandum_a_contract_follows_keeps_its_own_date():
    body = (
        "Moravia Auto a retenu Pellucell comme fournisseur de cellules. Ce contrat ferme fait "
        "suite à un protocole d'accord signé en mars entre les deux groupes."
    )
    found = proposals(body, "fr", "agreement")
    assert [(f["kind"], f["status"], roles(f), f["announced"]) for f in found] == [
        ("supply", "signed", CELLS, DAY)
    ]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell has been\u00a0awarded a contract by Moravia Auto to deliver packs.", "en"),
        ("Pellucell s'est vu attribuer un contrat par Moravia Auto pour ses utilitaires.", "fr"),
    ],
)
def test_an_award_after_a_non_breaking_space_keeps_its_direction(body, language):
    assert deals(body, language) == [("supply", "signed", CELLS, None, [])]
