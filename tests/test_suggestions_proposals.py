"""Candidate records proposed from sentences written for the tests, in English and French."""

from types import SimpleNamespace

import pytest

from sourcing.models import PlantAlias, Stake
from sourcing.suggestions import suggest
from sourcing.text import quotes

from .factories import cite, make_article, make_company, make_plant, make_stake

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def known():
    make_company("Renault Group", aliases=["Renault", "groupe au losange"])
    make_company("Verkor")
    make_company("Nissan")
    make_company("Ampere", aliases=["Ampère"])
    make_company("Geely")
    make_company("Saudi Aramco")
    plant = make_plant(name="Verkor Gigafactory Dunkirk")
    PlantAlias.objects.create(plant=plant, name="gigafactory Verkor de Dunkerque")
    return plant


def proposals(body, language, kind, article=None):
    article = article or SimpleNamespace(pk=None, body=body, language=language)
    found = suggest(article)["proposals"]
    for proposal in found:
        assert quotes.Match(proposal["start"], proposal["end"]) in quotes.locate_all(
            body, proposal["quote"]
        )
    return [p for p in found if p["kind"] == kind]


def only(body, language, kind):
    found = proposals(body, language, kind)
    assert len(found) == 1, found
    return found[0]["fields"]


def test_a_stake_with_a_share_range_in_english():
    fields = only("Renault Group will acquire a stake of over 20% in Verkor.", "en", "stake")
    assert (fields["holder"], fields["target"]) == ("renault-group", "verkor")
    assert (fields["share_min"], fields["share_min_exclusive"]) == (20, True)
    assert fields["share_exact"] is None and fields["share_max"] is None


def test_a_stake_with_its_date_in_french():
    fields = only("Nissan détient 15 % du capital d'Ampère depuis juin 2023.", "fr", "stake")
    assert (fields["holder"], fields["target"], fields["share_exact"]) == ("nissan", "ampere", 15)
    assert (fields["as_of"], fields["as_of_precision"], fields["status"]) == (
        "2023-06",
        "month",
        "completed",
    )


def test_a_french_stake_taken_by_the_company_named_after():
    body = "Ampère prévoit une prise de participation pouvant atteindre 15% de Nissan."
    fields = only(body, "fr", "stake")
    assert (fields["holder"], fields["target"]) == ("nissan", "ampere")
    assert (fields["share_max"], fields["share_max_exclusive"]) == (15, False)


def test_a_percentage_without_a_word_of_ownership_is_no_stake():
    assert proposals("Renault cut emissions by 20% at Verkor.", "en", "stake") == []


def test_a_plant_capacity_in_english(known):
    body = "The Verkor Gigafactory Dunkirk will have an initial capacity of 16 GWh in 2025."
    fields = only(body, "en", "plant_capacity")
    assert fields["plant"]["id"] == known.pk
    assert (fields["gwh_per_year"], fields["qualifier"], fields["basis"], fields["year"]) == (
        16,
        "exact",
        "initial",
        2025,
    )


def test_a_plant_capacity_in_french(known):
    body = (
        "La gigafactory Verkor de Dunkerque aura une capacité pouvant atteindre 50 GWh d'ici 2030."
    )
    fields = only(body, "fr", "plant_capacity")
    assert fields["plant"]["id"] == known.pk
    assert (fields["gwh_per_year"], fields["qualifier"], fields["basis"], fields["year"]) == (
        50,
        "up_to",
        "target",
        2030,
    )


@pytest.mark.parametrize(
    ("body", "language", "kind", "year"),
    [
        ("Construction of the Verkor Gigafactory Dunkirk will start in 2023.", "en",
         "construction_start", 2023),
        ("The Verkor Gigafactory Dunkirk will be operational in 2025.", "en",
         "operation_start", 2025),
        ("Verkor will open its pilot line in 2022.", "en", "pilot_start", 2022),
        ("La production démarrera en 2025 dans la gigafactory Verkor de Dunkerque.", "fr",
         "operation_start", 2025),
        ("La pose de la première pierre de l'usine aura lieu en 2024.", "fr",
         "construction_start", 2024),
    ],
)  # fmt: skip
def test_plant_milestones(body, language, kind, year):
    fields = only(body, language, "plant_milestone")
    assert (fields["kind"], fields["year"]) == (kind, year)


def test_a_supply_agreement_with_roles_volume_and_start_year():
    body = "Verkor will supply Renault Group with 12 GWh a year from 2025."
    fields = only(body, "en", "agreement")
    assert (fields["kind"], fields["start_year"]) == ("supply", 2025)
    assert fields["parties"] == [
        {"company": "verkor", "role": "supplier"},
        {"company": "renault-group", "role": "buyer"},
    ]
    assert fields["volumes"] == [
        {"gwh_per_year": 12, "qualifier": "exact", "basis": "target", "year": 2025}
    ]


@pytest.mark.parametrize(
    ("body", "language", "kind", "status"),
    [
        ("Renault a créé une coentreprise avec Geely et Saudi Aramco.", "fr", "joint_venture",
         "announced"),
        ("Renault Group signed a letter of intent with Verkor.", "en", "letter_of_intent",
         "letter_of_intent"),
        ("Renault et Verkor ont signé une lettre d'intention.", "fr", "letter_of_intent",
         "letter_of_intent"),
        ("Renault et Verkor ont scellé un partenariat.", "fr", "partnership", "signed"),
        ("Renault and Nissan are in talks about a partnership.", "en", "partnership",
         "in_discussion"),
        ("Verkor fournira des batteries à Renault.", "fr", "supply", "announced"),
    ],
)  # fmt: skip
def test_agreement_kinds_and_statuses_from_trigger_words(body, language, kind, status):
    fields = only(body, language, "agreement")
    assert (fields["kind"], fields["status"]) == (kind, status)


def test_advisers_get_their_roles():
    body = (
        "Advising the partnership of Renault and Verkor were Santander Bank and Dupont & Associés."
    )
    fields = only(body, "en", "agreement")
    assert fields["parties"] == [
        {"company": "renault-group", "role": "partner"},
        {"company": "verkor", "role": "partner"},
        {"company": "Santander Bank", "role": "financial_adviser"},
        {"company": "Dupont & Associés", "role": "legal_adviser"},
    ]


PAGE = (
    "Verkor will supply Renault Group with 12 GWh a year.\n"
    "À lire aussi : Nissan prend 15 % d'Ampère\n"
    "Press contact\n"
    "Jane Doe, Verkor\n"
    "Phone: +33 6 12 34 56 78\n"
    "jane@example.com\n"
    "3 thoughts on “Verkor”\n"
    "Geely owns 20% of Verkor, says a reader.\n"
    "Reply | Report\n"
)


def test_non_editorial_parts_are_proposed_and_nothing_is_read_inside_them():
    result = suggest(SimpleNamespace(pk=None, body=PAGE, language="en"))
    parts = [
        (p["fields"]["kind"], p["quote"])
        for p in result["proposals"]
        if p["kind"] == "non_editorial"
    ]
    assert parts == [
        ("navigation", "À lire aussi : Nissan prend 15 % d'Ampère"),
        (
            "press_contact",
            "Press contact\nJane Doe, Verkor\nPhone: +33 6 12 34 56 78\njane@example.com",
        ),
        ("reader_comments", PAGE[PAGE.index("3 thoughts") :].strip()),
    ]
    editorial_end = PAGE.index("\n")
    assert all(m["end"] <= editorial_end for m in result["mentions"])
    assert {p["kind"] for p in result["proposals"]} == {"agreement", "non_editorial"}


def test_reply_and_report_lines_alone_are_reader_comments():
    body = "Verkor opened a plant.\nGreat news!\nReply | Report\nRépondre | Signaler un abus\n"
    result = suggest(SimpleNamespace(pk=None, body=body, language="en"))
    parts = [p["quote"] for p in result["proposals"] if p["kind"] == "non_editorial"]
    assert parts == ["Reply | Report", "Répondre | Signaler un abus"]


def test_a_fact_already_cited_from_the_article_exists_and_others_do_not():
    body = "Renault Group will acquire a stake of over 20% in Verkor. Nissan holds 15% of Ampere."
    article = make_article(body=body)
    from sourcing.models import Company

    stake = make_stake(
        holder=Company.objects.get(slug="renault-group"),
        target=Company.objects.get(slug="verkor"),
        share_min=20,
        share_min_exclusive=True,
        status=Stake.Status.ANNOUNCED,
    )
    cite(stake, article, "will acquire a stake of over 20% in Verkor")
    found = {p["fields"]["holder"]: p["exists"] for p in proposals(body, "en", "stake", article)}
    assert found == {"renault-group": True, "nissan": False}


def test_a_candidate_named_again_later_is_a_party_there_too():
    body = (
        "La start-up française Tiamat a signé avec Renault. "
        "Le groupe au losange détiendra au moins 10 % du capital de Tiamat."
    )
    fields = only(body, "fr", "stake")
    assert (fields["holder"], fields["target"]) == ("renault-group", "Tiamat")
    assert (fields["share_min"], fields["share_min_exclusive"]) == (10, False)


def test_a_stake_sold_to_a_company_is_held_by_the_buyer():
    found = proposals(
        "Geely a cédé sa participation de 12 % dans Verkor à Saudi Aramco.", "fr", "stake"
    )
    by_holder = {p["fields"]["holder"]: p["fields"] for p in found}
    assert by_holder["geely"]["status"] == "divested"
    assert (by_holder["saudi-aramco"]["target"], by_holder["saudi-aramco"]["share_exact"]) == (
        "verkor",
        12,
    )
    assert by_holder["saudi-aramco"]["status"] == "completed"


def test_a_stake_changed_from_one_share_to_another_holds_the_second():
    fields = only("Nissan a porté sa participation dans Ampère de 7 % à 9 %.", "fr", "stake")
    assert (fields["holder"], fields["target"], fields["share_exact"]) == ("nissan", "ampere", 9)
    assert fields["status"] == "completed"


def test_a_stake_held_by_no_company_named_is_not_proposed():
    assert proposals("Verkor reste détenu à 40 % par ses fondateurs.", "fr", "stake") == []


def test_buying_a_stake_is_no_supply_agreement():
    body = "Geely agreed to buy a 10% stake in Verkor from Nissan."
    assert proposals(body, "en", "agreement") == []
    # the seller a purchase names sells the share bought
    assert [
        (p["fields"]["holder"], p["fields"]["status"]) for p in proposals(body, "en", "stake")
    ] == [("geely", "announced"), ("nissan", "divested")]


def test_a_sentence_shipping_between_the_two_parties_completes_their_agreement():
    body = (
        "Verkor wins a cell order\n\n"
        "Verkor has signed a contract with Renault Group for the supply of battery cells. "
        "Verkor will ship up to 6 GWh of cells a year to Renault Group's lines starting in 2027."
    )
    (agreement,) = proposals(body, "en", "agreement")
    fields = agreement["fields"]
    assert (fields["status"], fields["start_year"]) == ("signed", 2027)
    assert [v["gwh_per_year"] for v in fields["volumes"]] == [6]
    assert {(p["company"], p["role"]) for p in fields["parties"]} == {
        ("verkor", "supplier"),
        ("renault-group", "buyer"),
    }
