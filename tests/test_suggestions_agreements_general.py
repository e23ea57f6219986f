"""
Agreements from families of wording rather than from single sentences: each family (the buyer
named first, the supplier named first, the passive, the nominal deal, framework and renewed
contracts, ventures founded before, memoranda, three parties, deals in relative clauses, and
sentences that state no deal) on several sentences written for it, in English and French, with
other verbs and goods, so that a rule holds for the family and not for one phrasing.
"""

import pytest

from sourcing.models import Company

from .factories import make_company
from .test_suggestions_deals_wording import agreements_of, known, proposals, roles  # noqa: F401

pytestmark = pytest.mark.django_db

DAY = "2025-06-18"  # the articles' date (a Wednesday)
MONDAY = "2025-06-16"
PELLUCELL_SUPPLIES = {("pellucell", "supplier"), ("moravia-auto", "buyer")}
LUMEO_SUPPLIES = {("lumeo-chemicals", "supplier"), ("pellucell", "buyer")}
# A cell maker selling its scrap to a recycler: the verb, not the usual direction, says who sells.
SCRAP_TO_ORBIS = {("pellucell", "supplier"), ("orbis-recycling", "buyer")}
PARTNERS = {("pellucell", "partner"), ("moravia-auto", "partner")}
THREE = {("pellucell", "partner"), ("moravia-auto", "partner"), ("lumeo-chemicals", "partner")}


@pytest.fixture(autouse=True)
def recycler(known):  # noqa: F811
    make_company("Orbis Recycling", kind=Company.Kind.INDUSTRIAL, country="BE")


def supplies_of(body, language):
    """(status, roles, start year) of each supply proposal."""
    return [
        (f["status"], roles(f), f["start_year"])
        for f in proposals(body, language, "agreement")
        if f["kind"] == "supply"
    ]


# -- The buyer named first: "X will source / procure / buy … from Y" -------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto will source its cells from Pellucell from 2027.", "en",
         [("announced", PELLUCELL_SUPPLIES, 2027)]),
        ("Moravia Auto is to procure battery cells from Pellucell for its electric vans.", "en",
         [("announced", PELLUCELL_SUPPLIES, None)]),
        ("Pellucell will purchase nickel sulphate from Lumeo Chemicals starting in 2028.", "en",
         [("announced", LUMEO_SUPPLIES, 2028)]),
        ("Pellucell has agreed to buy electrolyte from Lumeo Chemicals.", "en",
         [("signed", LUMEO_SUPPLIES, None)]),
        ("Orbis Recycling will buy production scrap from Pellucell.", "en",
         [("announced", SCRAP_TO_ORBIS, None)]),
        ("Moravia Auto s'approvisionnera auprès de Pellucell en cellules à partir de 2028.", "fr",
         [("announced", PELLUCELL_SUPPLIES, 2028)]),
        ("Pellucell achètera des précurseurs à Lumeo Chemicals dès 2027.", "fr",
         [("announced", LUMEO_SUPPLIES, 2027)]),
        ("Orbis Recycling rachètera à Pellucell les rebuts de sa ligne de production.", "fr",
         [("announced", SCRAP_TO_ORBIS, None)]),
    ],
)  # fmt: skip
def test_the_buyer_named_first_buys_from_the_one_after_from(body, language, expected):
    assert supplies_of(body, language) == expected


# -- A supplier chosen, retained, selected by its buyer --------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell a été retenu par Moravia Auto pour fournir les cellules de ses utilitaires.",
         "fr", PELLUCELL_SUPPLIES),
        ("Lumeo Chemicals has been selected by Pellucell to supply its electrolyte.", "en",
         LUMEO_SUPPLIES),
        ("Moravia Auto has picked Pellucell to supply the cells of its next platform.", "en",
         PELLUCELL_SUPPLIES),
        ("Moravia Auto a choisi Pellucell comme fournisseur de ses cellules.", "fr",
         PELLUCELL_SUPPLIES),
    ],
)  # fmt: skip
def test_a_supplier_chosen_by_its_buyer_supplies_it(body, language, expected):
    assert [found[1] for found in supplies_of(body, language)] == [expected]


# -- The supplier named first: "Y will supply / deliver / provide X with" --------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected", "volume"),
    [
        ("Pellucell will supply Moravia Auto with 4 GWh of cells a year from 2028.", "en",
         [("announced", PELLUCELL_SUPPLIES, 2028)], [4]),
        ("Lumeo Chemicals will deliver cathode material to Pellucell starting in 2027.", "en",
         [("announced", LUMEO_SUPPLIES, 2027)], []),
        ("Pellucell is to provide Moravia Auto with LFP cells for its city cars.", "en",
         [("announced", PELLUCELL_SUPPLIES, None)], []),
        ("Pellucell will ship its production scrap to Orbis Recycling.", "en",
         [("announced", SCRAP_TO_ORBIS, None)], []),
        ("Pellucell fournira Moravia Auto en cellules dès 2027.", "fr",
         [("announced", PELLUCELL_SUPPLIES, 2027)], []),
        ("Lumeo Chemicals livrera 3 GWh d'électrolyte par an à Pellucell à partir de 2029.", "fr",
         [("announced", LUMEO_SUPPLIES, 2029)], [3]),
        ("Pellucell cédera ses rebuts de production à Orbis Recycling.", "fr",
         [("announced", SCRAP_TO_ORBIS, None)], []),
    ],
)  # fmt: skip
def test_the_supplier_named_first_supplies_the_one_it_names(body, language, expected, volume):
    assert supplies_of(body, language) == expected
    (fields,) = [f for f in proposals(body, language, "agreement") if f["kind"] == "supply"]
    assert [v["gwh_per_year"] for v in fields["volumes"]] == volume


# -- The passive: goods "supplied by", "livrées par" -----------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto's new vans will run on cells supplied by Pellucell.", "en",
         PELLUCELL_SUPPLIES),
        ("Pellucell's cathodes will use nickel provided by Lumeo Chemicals.", "en",
         LUMEO_SUPPLIES),
        ("Les utilitaires de Moravia Auto rouleront avec des cellules livrées par Pellucell.",
         "fr", PELLUCELL_SUPPLIES),
        ("Pellucell sera approvisionnée en électrolyte par Lumeo Chemicals.", "fr",
         LUMEO_SUPPLIES),
    ],
)  # fmt: skip
def test_goods_supplied_by_a_company_are_its_supply(body, language, expected):
    assert [found[1] for found in supplies_of(body, language)] == [expected]


# -- The deal named by a noun: "a supply deal between X and Y", "X's offtake agreement with Y" -----


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The supply deal between Pellucell and Moravia Auto covers 3 GWh of cells a year.", "en",
         PELLUCELL_SUPPLIES),
        ("Un contrat d'approvisionnement liant Lumeo Chemicals à Pellucell a été signé mardi.",
         "fr", LUMEO_SUPPLIES),
        ("Orbis Recycling's offtake agreement with Pellucell covers all of its scrap.", "en",
         SCRAP_TO_ORBIS),
        ("Orbis Recycling's scrap offtake deal with Pellucell runs for five years.", "en",
         SCRAP_TO_ORBIS),
        ("Pellucell has signed an offtake agreement with Moravia Auto.", "en",
         PELLUCELL_SUPPLIES),
    ],
)  # fmt: skip
def test_a_deal_named_by_a_noun_has_its_offtaker_as_buyer(body, language, expected):
    assert [found[1] for found in supplies_of(body, language)] == [expected]


# -- Framework agreements, extended and renewed contracts ------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Moravia Auto and Pellucell signed a framework agreement for the supply of cells.", "en",
         [("signed", PELLUCELL_SUPPLIES, None)]),
        ("Pellucell a signé un contrat-cadre avec Moravia Auto pour la fourniture de cellules.",
         "fr", [("signed", PELLUCELL_SUPPLIES, None)]),
        ("Lumeo Chemicals et Pellucell ont conclu un accord-cadre portant sur des livraisons de "
         "précurseurs.", "fr", [("signed", LUMEO_SUPPLIES, None)]),
        ("Pellucell has extended its supply contract with Moravia Auto until 2032.", "en",
         [("active", PELLUCELL_SUPPLIES, None)]),
        ("Moravia Auto a renouvelé pour cinq ans son contrat d'approvisionnement avec Pellucell.",
         "fr", [("active", PELLUCELL_SUPPLIES, None)]),
        ("Lumeo Chemicals and Pellucell renewed their electrolyte supply agreement.", "en",
         [("active", LUMEO_SUPPLIES, None)]),
    ],
)  # fmt: skip
def test_framework_and_extended_contracts(body, language, expected):
    assert supplies_of(body, language) == expected


# -- Joint ventures founded before: active, with their year ----------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "start_year"),
    [
        ("Pellucell and Moravia Auto founded their cathode joint venture in 2021.", "en", 2021),
        ("Pellucell et Moravia Auto ont créé en 2020 une coentreprise de recyclage.", "fr", 2020),
        ("Pellucell et Moravia Auto sont associés depuis 2019 dans Bohemcell, une coentreprise "
         "détenue à parts égales.", "fr", 2019),
        ("Pellucell and Moravia Auto have been partners since 2022 in Bohemcell, a joint venture "
         "that assembles packs.", "en", 2022),
        ("Pellucell signed a cell deal with Moravia Auto. The two groups set up a joint venture "
         "in 2021 to assemble modules.", "en", 2021),
        ("Pellucell a signé un contrat avec Moravia Auto pour des cellules. Les deux groupes ont "
         "fondé en 2020 cette coentreprise d'assemblage de packs.", "fr", 2020),
        ("Pellucell sells cells to Moravia Auto. They will remain equal partners in Bohemcell, the "
         "venture they formed in 2021.", "en", 2021),
    ],
)  # fmt: skip
def test_a_venture_founded_before_is_active_since_its_year(body, language, start_year):
    ventures = [f for f in proposals(body, language, "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f), f["start_year"], f["announced"]) for f in ventures] == [
        ("active", PARTNERS, start_year, None)
    ]


# -- Memoranda and letters of intent keep the kind of what they are about --------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell and Lumeo Chemicals signed a memorandum of understanding for the supply of "
         "cathode material.", "en", ("supply", LUMEO_SUPPLIES)),
        ("Moravia Auto a signé une lettre d'intention avec Pellucell, qui lui fournirait des "
         "cellules à partir de 2029.", "fr", ("supply", PELLUCELL_SUPPLIES)),
        ("Pellucell a signé une lettre d'intention avec Orbis Recycling, qui lui achèterait ses "
         "rebuts de production.", "fr", ("supply", SCRAP_TO_ORBIS)),
        ("Moravia Auto signed a letter of intent with Pellucell, which would deliver cells from "
         "2029.", "en", ("supply", PELLUCELL_SUPPLIES)),
        ("Pellucell signed a letter of intent with Moravia Auto to study a joint venture.", "en",
         ("joint_venture", PARTNERS)),
        ("Pellucell et Moravia Auto ont signé un protocole d'accord en vue de créer une "
         "coentreprise.", "fr", ("joint_venture", PARTNERS)),
        ("Pellucell signed a cell deal with Moravia Auto. The two companies also signed an MoU to "
         "study a jointly owned plant in Slovakia.", "en", ("joint_venture", PARTNERS)),
    ],
)  # fmt: skip
def test_memoranda_keep_the_kind_of_what_they_are_about(body, language, expected):
    found = [
        (f["kind"], roles(f))
        for f in proposals(body, language, "agreement")
        if f["status"] == "letter_of_intent"
    ]
    assert found == [expected]


# -- Three parties ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        ("Pellucell, Lumeo Chemicals and Moravia Auto signed a research partnership on "
         "solid-state cells.", "en", "research"),
        ("Moravia Auto, Pellucell et Lumeo Chemicals ont noué un partenariat de recherche sur le "
         "sodium-ion.", "fr", "research"),
        ("Moravia Auto, Pellucell and Lumeo Chemicals are forming a joint venture to make "
         "cathodes.", "en", "joint_venture"),
        ("Moravia Auto, Pellucell et Lumeo Chemicals créent une coentreprise.", "fr",
         "joint_venture"),
    ],
)  # fmt: skip
def test_three_parties_are_all_partners(body, language, kind):
    found = [(f["kind"], roles(f)) for f in proposals(body, language, "agreement")]
    assert found == [(kind, THREE)]


# -- Deals told in a relative clause ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell, which already supplies cells to Moravia Auto, is building a second line.",
         "en", [("active", PELLUCELL_SUPPLIES, None)]),
        ("Lumeo Chemicals, qui livre déjà des précurseurs à Pellucell, agrandit son usine.", "fr",
         [("active", LUMEO_SUPPLIES, None)]),
        ("Moravia Auto, which has bought cells from Pellucell since 2022, plans a new model.",
         "en", [("active", PELLUCELL_SUPPLIES, 2022)]),
        ("Pellucell, dont Moravia Auto est déjà cliente, agrandit son usine.", "fr",
         [("active", PELLUCELL_SUPPLIES, None)]),
        ("Lumeo Chemicals, whose customers include Pellucell, is adding a line.", "en",
         [("active", LUMEO_SUPPLIES, None)]),
    ],
)  # fmt: skip
def test_a_deal_in_a_relative_clause(body, language, expected):
    assert supplies_of(body, language) == expected


# -- Sentences that state no deal ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell could one day supply Moravia Auto if the plant is built.", "en"),
        ("Pellucell pourrait fournir Moravia Auto si l'usine voit le jour.", "fr"),
        ("Moravia Auto denied that it would source cells from Pellucell.", "en"),
        ("Moravia Auto a démenti vouloir s'approvisionner auprès de Pellucell.", "fr"),
        ("Rumours that Moravia Auto would buy cells from Pellucell circulated last week.", "en"),
        ("Selon des rumeurs, Moravia Auto achèterait des cellules à Pellucell.", "fr"),
        ("Analysts expect carmakers such as Moravia Auto to buy more cells from makers like "
         "Pellucell.", "en"),
        ("Si Moravia Auto achetait ses cellules à Pellucell, elle réduirait ses coûts.", "fr"),
        ("If Moravia Auto were to buy cells from Pellucell, its costs would fall.", "en"),
        ("Moravia Auto might buy cells from Pellucell, an analyst said.", "en"),
    ],
)  # fmt: skip
def test_hypotheses_rumours_denials_and_commentary_state_no_deal(body, language):
    assert proposals(body, language, "agreement") == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto is in talks with Pellucell about buying cells.", "en"),
        ("Moravia Auto négocie avec Pellucell un contrat de fourniture de cellules.", "fr"),
        ("Pellucell and Moravia Auto are discussing a supply deal.", "en"),
    ],
)  # fmt: skip
def test_talks_are_no_deal_made(body, language):
    statuses = {f["status"] for f in proposals(body, language, "agreement")}
    assert statuses <= {"in_discussion"}


# -- A venture named before its founders ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "start_year"),
    [
        ("Bohemcell, coentreprise créée en 2021 par Pellucell et le constructeur tchèque Moravia "
         "Auto, agrandit son usine.", "fr", 2021),
        ("Bohemcell, a joint venture formed in 2019 by Moravia Auto and the French cell maker "
         "Pellucell, is hiring.", "en", 2019),
        ("Les rebuts iront à Bohemcell, la coentreprise que Pellucell a lancée en 2022 avec "
         "Moravia Auto.", "fr", 2022),
        ("Scrap will go to Bohemcell, the joint venture Pellucell set up in 2020 with Moravia "
         "Auto.", "en", 2020),
        ("Bohemcell, la coentreprise que Moravia Auto a fondée il y a trois ans avec Pellucell, "
         "embauche.", "fr", 2022),
        ("Bohemcell, the joint venture Moravia Auto created two years ago with Pellucell, is "
         "hiring.", "en", 2023),
    ],
)  # fmt: skip
def test_a_venture_named_before_its_founders_has_them_as_partners(body, language, start_year):
    ventures = [f for f in proposals(body, language, "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f), f["start_year"]) for f in ventures] == [
        ("active", PARTNERS, start_year)
    ]


# -- A deal told in a relative clause, beside what the rest of the sentence says ----------------


@pytest.mark.parametrize(
    ("body", "language", "expected", "rest"),
    [
        ("Pellucell, which last year agreed to ship cells to Moravia Auto, is now building a "
         "plant with Lumeo Chemicals.", "en", [("signed", PELLUCELL_SUPPLIES, "2024")], []),
        ("Lumeo Chemicals, which has shipped electrolyte to Pellucell since 2022, will open a "
         "second plant near Fjord Kapital's offices.", "en", [("active", LUMEO_SUPPLIES, None)],
         []),
        ("Moravia Auto, qui avait signé en 2023 un contrat-cadre avec Pellucell pour des "
         "cellules, a par ailleurs conclu un partenariat de recherche avec Lumeo Chemicals.",
         "fr", [("signed", PELLUCELL_SUPPLIES, "2023")],
         [{("moravia-auto", "partner"), ("lumeo-chemicals", "partner")}]),
        ("Pellucell, qui livre depuis 2021 des précurseurs à Orbis Recycling, annonce un "
         "partenariat avec Lumeo Chemicals.", "fr",
         [("active", {("pellucell", "supplier"), ("orbis-recycling", "buyer")}, None)],
         [{("pellucell", "partner"), ("lumeo-chemicals", "partner")}]),
    ],
)  # fmt: skip
def test_a_deal_in_a_relative_clause_is_read_apart(body, language, expected, rest):
    found = proposals(body, language, "agreement")
    supplies = [(f["status"], roles(f), f["announced"]) for f in found if f["kind"] == "supply"]
    assert supplies == expected
    # the rest of the sentence is a deal of the antecedent's with the third company only, when
    # it states one (checked whole: an empty list of other deals must be the one expected)
    assert [roles(f) for f in found if f["kind"] != "supply"] == rest


def test_a_company_publishing_its_own_release_is_a_party_of_its_deals():
    import datetime
    from types import SimpleNamespace

    from sourcing.suggestions import suggest

    body = "Brakvel Cells fournira des cellules à Pellucell à partir de 2027."
    for publisher in ("Brakvel Cells (communiqué)", "Brakvel Cells (press release)"):
        article = SimpleNamespace(
            pk=None,
            body=body,
            language="fr",
            publisher=publisher,
            published_on=datetime.date(2025, 6, 18),
            published_precision="day",
        )
        found = [p["fields"] for p in suggest(article)["proposals"] if p["kind"] == "agreement"]
        assert [roles(f) for f in found] == [
            {("Brakvel Cells", "supplier"), ("pellucell", "buyer")}
        ]


# -- Licences granted, choices made, studies together, interests bought -------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Lumeo Chemicals a accordé à Pellucell une licence sur son procédé de purification.",
         "fr", [("partnership", "signed")]),
        ("Pellucell has granted Moravia Auto a licence for its cell design.", "en",
         [("partnership", "signed")]),
        ("Pellucell has already been chosen by Moravia Auto to supply its vans, under a contract "
         "signed on Monday.", "en", [("supply", "signed")]),
        ("Pellucell et Lumeo Chemicals ont signé un protocole d'accord afin d'étudier ensemble le "
         "recyclage des électrolytes.", "fr", [("research", "letter_of_intent")]),
        ("Pellucell and Lumeo Chemicals signed a memorandum to jointly study solvent recovery.",
         "en", [("research", "letter_of_intent")]),
        ("Moravia Auto said it has acquired a 20% interest in Pellucell.", "en", []),
    ],
)  # fmt: skip
def test_licences_granted_choices_made_studies_and_interests(body, language, expected):
    found = [(f["kind"], f["status"]) for f in proposals(body, language, "agreement")]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell exploite l'usine de Vierzon. Moravia Auto, qui s'y fournit depuis 2022, reste "
         "le premier client de l'usine.", "fr"),
        ("Pellucell runs the Vierzon plant. Moravia Auto, already the biggest buyer of modules "
         "from the plant, is adding a model.", "en"),
    ],
)  # fmt: skip
def test_a_customer_of_a_plant_buys_from_its_operator(body, language):
    from .factories import make_plant

    pellucell = Company.objects.get(slug="pellucell")
    make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")
    assert [found[:2] for found in supplies_of(body, language)] == [("active", PELLUCELL_SUPPLIES)]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell will supply cells to Moravia Auto. The partners already work together: their "
         "pack venture Bohemcell has been running since 2021.", "en",
         ("active", PARTNERS, 2021)),
        ("Pellucell et Moravia Auto ont fondé en 2020 la coentreprise Bohemcell. Lumeo Chemicals "
         "a par ailleurs signé avec Pellucell un protocole d'accord en vue de créer une "
         "coentreprise de recyclage.", "fr",
         ("letter_of_intent", {("pellucell", "partner"), ("lumeo-chemicals", "partner")}, None)),
        ("Pellucell and Moravia Auto today agreed to set up Bohemcell, a company that will "
         "assemble packs.", "en", ("signed", PARTNERS, None)),
    ],
)  # fmt: skip
def test_ventures_of_the_partners_and_ventures_agreed(body, language, expected):
    make_company("Bohemcell", kind=Company.Kind.INDUSTRIAL, country="CZ")
    ventures = [
        (f["status"], roles(f), f["start_year"])
        for f in proposals(body, language, "agreement")
        if f["kind"] == "joint_venture"
    ]
    assert expected in ventures


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell will supply cells to Moravia Auto under a new contract. Deliveries are due to "
         "start in 2027 at 3 GWh a year.", "en"),
        ("Pellucell fournira des cellules à Moravia Auto. Livraisons prévues à partir de 2027, à "
         "raison de 3 GWh par an.", "fr"),
    ],
)  # fmt: skip
def test_deliveries_said_next_complete_the_deal_before(body, language):
    (fields,) = [f for f in proposals(body, language, "agreement") if f["kind"] == "supply"]
    assert (fields["start_year"], [v["gwh_per_year"] for v in fields["volumes"]]) == (2027, [3])


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell signed a memorandum with Lumeo Chemicals covering nickel sulphate. Under the "
         "memorandum, Lumeo Chemicals would supply enough nickel for 2 GWh of cells a year from "
         "2028.", "en"),
        ("Pellucell a signé avec Lumeo Chemicals un protocole d'accord portant sur des "
         "précurseurs. Aux termes du protocole d'accord, Lumeo Chemicals livrerait 2 GWh par an à "
         "partir de 2028.", "fr"),
    ],
)  # fmt: skip
def test_a_memorandum_on_goods_is_a_supply_the_next_sentence_completes(body, language):
    (fields,) = proposals(body, language, "agreement")
    assert (fields["kind"], fields["status"], roles(fields), fields["start_year"]) == (
        "supply",
        "letter_of_intent",
        LUMEO_SUPPLIES,
        2028,
    )
    assert [v["gwh_per_year"] for v in fields["volumes"]] == [2]


def test_an_apposition_of_a_customer_is_read_apart_from_the_deal_it_signs():
    from .factories import make_plant

    pellucell = Company.objects.get(slug="pellucell")
    make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")
    body = (
        "Pellucell runs the Vierzon plant. Moravia Auto, already the biggest buyer of modules "
        "from the plant, joined Lumeo Chemicals to sign a letter of intent on recycling scrap."
    )
    found = {
        (f["kind"], f["status"], frozenset(roles(f))) for f in proposals(body, "en", "agreement")
    }
    assert found == {
        ("supply", "active", frozenset(PELLUCELL_SUPPLIES)),
        ("partnership", "letter_of_intent",
         frozenset({("moravia-auto", "partner"), ("lumeo-chemicals", "partner")})),
    }  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [
        "Moravia Auto is also taking 25% of Pellucell through a capital increase.",
        "Moravia Auto completed its purchase of the 10% Halden Fonds owned in Pellucell.",
        "Moravia Auto prendra aussi une participation minoritaire dans le capital de Pellucell.",
    ],
)
def test_a_share_of_a_company_bought_is_no_supply(body):
    language = "fr" if "prendra" in body else "en"
    assert [f for f in proposals(body, language, "agreement") if f["kind"] == "supply"] == []


def test_a_share_of_what_a_plant_makes_is_bought_from_its_operator():
    from .factories import make_plant

    pellucell = Company.objects.get(slug="pellucell")
    make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")
    found = supplies_of(
        "Pellucell runs the Vierzon plant. Moravia Auto has committed to take half of what the "
        "Vierzon plant produces from 2028.",
        "en",
    )
    assert found == [("signed", PELLUCELL_SUPPLIES, 2028)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto assembles vans at its Kolín plant. Their cells will keep coming from "
         "Pellucell, which has supplied the plant since 2021.", "en"),
        ("Moravia Auto assemble ses utilitaires dans son usine de Kolín. Les cellules "
         "proviendront de Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_goods_coming_from_a_company_go_to_the_plant_spoken_of(body, language):
    from .factories import make_plant

    moravia = Company.objects.get(slug="moravia-auto")
    make_plant(name="Moravia Auto Kolín", operator=moravia, city="Kolín", country="CZ")
    assert [found[1] for found in supplies_of(body, language)] == [PELLUCELL_SUPPLIES]


def test_the_body_sentence_about_a_venture_the_headline_names_is_quoted():
    make_company("Bohemcell", kind=Company.Kind.INDUSTRIAL, country="CZ")
    body = (
        "Pellucell and Moravia Auto form Bohemcell\n\n"
        "Pellucell and Moravia Auto have signed an agreement to set up Bohemcell, a Kolín-based "
        "venture that will assemble packs."
    )
    ventures = [f for f in proposals(body, "en", "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f)) for f in ventures] == [("signed", PARTNERS)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell (dont Fjord Kapital détient 12 %) livrera des cellules à Moravia Auto dès "
         "2029.", "fr"),
        ("Pellucell (in which Fjord Kapital holds a minority stake) will deliver cells to Moravia "
         "Auto from 2029.", "en"),
    ],
)  # fmt: skip
def test_an_aside_on_who_owns_the_supplier_is_no_party_to_its_deal(body, language):
    assert supplies_of(body, language) == [("announced", PELLUCELL_SUPPLIES, 2029)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Moravia Auto a conclu un accord-cadre avec Pellucell : le fabricant couvrira la moitié "
         "des besoins de son usine dès 2027.", "fr"),
        ("Moravia Auto signed a framework agreement with Pellucell, which will meet half of its "
         "requirements from 2027.", "en"),
    ],
)  # fmt: skip
def test_meeting_a_buyers_needs_is_supplying_it(body, language):
    assert supplies_of(body, language) == [("signed", PELLUCELL_SUPPLIES, 2027)]


@pytest.mark.parametrize(
    ("body", "language", "start_year"),
    [
        ("Pellucell livrera des cellules à Moravia Auto à compter de 2028.", "fr", 2028),
        ("Lumeo Chemicals fournira à Pellucell jusqu'à 3 GWh par an à compter de 2029.", "fr",
         2029),
    ],
)  # fmt: skip
def test_a_start_said_a_compter_de(body, language, start_year):
    assert [found[2] for found in supplies_of(body, language)] == [start_year]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The Kolín-based Bohemcell is a joint venture of the Czech carmaker Moravia Auto and "
         "Pellucell.", "en"),
        ("Bohemcell est une coentreprise entre Moravia Auto et Pellucell.", "fr"),
    ],
)  # fmt: skip
def test_a_company_that_is_a_joint_venture_of_two_is_one_in_force(body, language):
    make_company("Bohemcell", kind=Company.Kind.INDUSTRIAL, country="CZ")
    ventures = [f for f in proposals(body, language, "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f), f["announced"]) for f in ventures] == [
        ("active", PARTNERS, None)
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell, in which Fjord Kapital owns slightly more than 10%, is also licensing its "
         "cell design to Moravia Auto.", "en", ("partnership", PARTNERS)),
        ("Moravia Auto, associée à Lumeo Chemicals depuis 2021 dans la coentreprise "
         "Bohemcell, s'est engagée à acheter des cellules à Pellucell.", "fr",
         ("supply", PELLUCELL_SUPPLIES)),
    ],
)  # fmt: skip
def test_an_aside_between_commas_is_no_party_to_the_deal(body, language, expected):
    found = [
        (f["kind"], roles(f))
        for f in proposals(body, language, "agreement")
        if f["kind"] != "joint_venture"
    ]
    assert found == [expected]


def test_a_venture_named_with_its_activity_and_not_venture_capital():
    make_company("Bohemcell", kind=Company.Kind.INDUSTRIAL, country="CZ")
    body = (
        "Pellucell sells cells to Moravia Auto. They remain partners in Bohemcell, the recycling "
        "venture they set up in 2020."
    )
    ventures = [f for f in proposals(body, "en", "agreement") if f["kind"] == "joint_venture"]
    assert [(f["status"], roles(f), f["start_year"]) for f in ventures] == [
        ("active", PARTNERS, 2020)
    ]
    capital = (
        "Pellucell raised money from Moravia Auto and the venture capital arm of Fjord Kapital."
    )
    assert [f for f in proposals(capital, "en", "agreement") if f["kind"] == "joint_venture"] == []


@pytest.mark.parametrize(
    ("body", "language", "announced"),
    [
        ("Pellucell, Lumeo Chemicals and Moravia Auto are partners in a research programme on "
         "solid-state cells, signed a fortnight ago.", "en", "2025-06-04"),
        ("Pellucell et Moravia Auto ont noué un partenariat de recherche, signé il y a une "
         "semaine.", "fr", "2025-06-11"),
    ],
)  # fmt: skip
def test_a_deal_signed_weeks_ago_is_dated_by_the_article(body, language, announced):
    assert [f["announced"] for f in proposals(body, language, "agreement")] == [announced]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell livrera des cellules à Moravia Auto à partir de 2028. Le protocole d'accord "
         "que les deux groupes avaient signé en mars devient donc un contrat ferme.", "fr"),
        ("Pellucell will deliver cells to Moravia Auto from 2028. The memorandum the two groups "
         "signed in March thus becomes a firm contract.", "en"),
    ],
)  # fmt: skip
def test_a_memorandum_turned_into_a_contract_signs_the_deal_on_the_article_day(body, language):
    (fields,) = proposals(body, language, "agreement")
    assert (fields["status"], roles(fields), fields["announced"]) == (
        "signed",
        PELLUCELL_SUPPLIES,
        DAY,
    )


def test_a_sentence_on_the_subjects_possessions_keeps_it_the_company_spoken_of():
    body = (
        "Moravia Auto buys cells from Pellucell. Lumeo Chemicals is owned by Halden Fonds. Its "
        "plant in Leuna opened in 2021. The company, which agreed last year to ship "
        "electrolyte to Pellucell, is hiring."
    )
    found = [roles(f) for f in proposals(body, "en", "agreement") if f["kind"] == "supply"]
    assert LUMEO_SUPPLIES in found


def test_a_nationality_that_matches_names_the_company_rather_than_a_head_alone():
    body = (
        "Moravia Auto said so. Pellucell is owned by Brodvik Holding, an industrial group. Lumeo "
        "Chemicals, which has been shipping nickel to the Czech group since 2022, will grow."
    )
    found = [roles(f) for f in proposals(body, "en", "agreement") if f["kind"] == "supply"]
    assert found == [{("lumeo-chemicals", "supplier"), ("moravia-auto", "buyer")}]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell et Lumeo Chemicals annoncent la signature d'un partenariat de recherche.",
         "fr", ("research", "signed", None)),
        ("Pellucell and Moravia Auto, research partners on sodium-ion cells since 2022, have "
         "extended that programme by two years.", "en", ("research", "active", 2022)),
        ("Pellucell et Moravia Auto ont prolongé de trois ans leur programme de recherche commun, "
         "lancé en 2021.", "fr", ("research", "active", None)),
    ],
)  # fmt: skip
def test_a_signing_announced_is_done_and_a_programme_extended_runs(body, language, expected):
    found = [
        (f["kind"], f["status"], f["start_year"]) for f in proposals(body, language, "agreement")
    ]
    assert found == [expected]


def test_yearly_volumes_bound_to_a_compter_de_and_au_dela_de():
    (fields,) = proposals(
        "Lumeo Chemicals livrera chaque année à Pellucell 3 GWh à compter de 2029, puis jusqu'à 5 "
        "GWh par an au-delà de 2031.",
        "fr",
        "agreement",
    )
    assert [(v["gwh_per_year"], v["year"]) for v in fields["volumes"]] == [(3, 2029), (5, 2031)]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell will build battery modules for Moravia Auto from 2027.", "en",
         [("announced", PELLUCELL_SUPPLIES, 2027)]),
        ("Pellucell fabriquera des cellules pour Moravia Auto dans son usine de Vierzon.", "fr",
         [("announced", PELLUCELL_SUPPLIES, None)]),
        ("Lumeo Chemicals, which last month agreed to make electrolyte for Pellucell, is hiring "
         "for a plant that Halden Fonds finances.", "en",
         [("signed", LUMEO_SUPPLIES, None)]),
        ("Pellucell produces cells for electric cars.", "en", []),
    ],
)  # fmt: skip
def test_making_goods_for_a_company_is_supplying_it(body, language, expected):
    assert supplies_of(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell cède des parts de Lumeo Chemicals et s'allie à un recycleur allemand", "fr"),
        ("Pellucell sells part of Lumeo Chemicals and teams up with a Belgian recycler", "en"),
        ("Moravia Auto et Pellucell envisagent une alliance.", "fr"),
        ("Moravia Auto is exploring a tie-up with Pellucell.", "en"),
        ("Moravia Auto is considering buying cells from Pellucell.", "en"),
    ],
)  # fmt: skip
def test_an_unnamed_ally_or_a_deal_only_considered_gives_no_agreement(body, language):
    assert proposals(body, language, "agreement") == []
