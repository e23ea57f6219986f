"""Known names found as search finds them, candidate organisations, and the name index's life."""

from types import SimpleNamespace

import pytest

from sourcing.models import CompanyAlias, PlantAlias
from sourcing.suggestions import names, suggest

from .factories import make_company, make_plant

pytestmark = pytest.mark.django_db


def run(body, language="en"):
    return suggest(SimpleNamespace(pk=None, body=body, language=language))


def named(body, language="en"):
    """(text, kind, slug or name) of every known name found."""
    return [
        (m["text"], m["kind"], m["record"]["slug"] or m["record"]["name"])
        for m in run(body, language)["mentions"]
        if m["record"]
    ]


def candidates(body, language="en"):
    return [m["text"] for m in run(body, language)["mentions"] if m["kind"] == "candidate_company"]


@pytest.fixture
def known():
    renault = make_company("Renault Group", aliases=["Renault", "le Losange"])
    ampere = make_company("Ampere", aliases=["Ampère"])
    make_company("Mobilize")
    plant = make_plant(name="Verkor Gigafactory Dunkirk")
    PlantAlias.objects.create(plant=plant, name="gigafactory Verkor de Dunkerque", language="fr")
    return renault, ampere, plant


def test_names_and_aliases_are_found_with_search_folding(known):
    body = "AMPERE, l’entité de RENAULT, et le losange; la Gigafactory Verkor de Dunkerque."
    assert named(body, "fr") == [
        ("AMPERE", "company", "ampere"),
        ("RENAULT", "company", "renault-group"),
        ("le losange", "company", "renault-group"),
        ("Gigafactory Verkor de Dunkerque", "plant", "Verkor Gigafactory Dunkirk"),
    ]


def test_accents_and_apostrophes_do_not_hide_a_name(known):
    assert named("d’Ampère et d'Ampere", "fr") == [
        ("Ampère", "company", "ampere"),
        ("Ampere", "company", "ampere"),
    ]


def test_the_longest_name_wins_and_names_match_whole_words_only(known):
    assert named("Renault Group and Renaultsport and Renault") == [
        ("Renault Group", "company", "renault-group"),
        ("Renault", "company", "renault-group"),
    ]


def test_a_capitalised_one_word_name_is_not_a_common_word(known):
    assert named("We mobilize Mobilize.") == [("Mobilize", "company", "mobilize")]


def test_the_index_is_built_once_and_rebuilt_when_a_name_changes(known):
    renault = known[0]
    run("Renault")
    builds = names.index_builds()
    run("Renault")
    assert names.index_builds() == builds
    CompanyAlias.objects.create(company=renault, name="RG")
    assert named("RG") == [("RG", "company", "renault-group")]
    assert names.index_builds() == builds + 1
    alias = CompanyAlias.objects.get(name="RG")
    alias.name = "Groupe RG"
    alias.save()
    assert named("RG and Groupe RG") == [("Groupe RG", "company", "renault-group")]
    alias.delete()
    assert named("Groupe RG") == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("The French start-up Tiamat Energy will build it.", "en", ["Tiamat Energy"]),
        ("Renault signed with Northvolt AB and with Acme Batteries SAS.", "en",
         ["Northvolt AB", "Acme Batteries SAS"]),
        ("Renault, Forsee Power and Blue Solutions agreed.", "en",
         ["Forsee Power", "Blue Solutions"]),
        ("Battery maker SK On will supply it.", "en", ["SK On"]),
        ("Le chinois Gotion High-Tech arrive.", "fr", ["Gotion High-Tech"]),
        ("C'est la coentreprise de Stellantis, Saft et Mercedes-Benz.", "fr",
         ["Stellantis", "Saft", "Mercedes-Benz"]),
        ("Renault et Hyvia ont signé.", "fr", ["Hyvia"]),
        ("Le groupe pétrolier Saudi Aramco investit.", "fr", ["Saudi Aramco"]),
    ],
)  # fmt: skip
def test_organisations_the_database_does_not_know_are_candidates(known, body, language, expected):
    assert candidates(body, language) == expected


def test_known_names_and_title_case_headlines_are_not_candidates(known):
    assert candidates("Renault Group and Ampere Partner to Supply High-Performance Cells") == []
    assert candidates("In June, Renault and Ampere agreed.") == []


def test_a_candidate_is_proposed_as_a_company_with_what_the_text_says(known):
    result = run("The French start-up Tiamat Energy signed with Renault.")
    proposal = next(p for p in result["proposals"] if p["kind"] == "company")
    assert proposal["fields"] == {
        "name": "Tiamat Energy",
        "slug": "tiamat-energy",
        # "Energy" ends the names of cell makers and utilities alike: no activity stated
        "kind": "not_stated",
        "country": "FR",
    }
    assert proposal["quote"] == "The French start-up Tiamat Energy signed with Renault."


def test_other_writings_of_known_companies_are_proposed_as_aliases(known):
    make_company("ACC")
    result = run("Ampere SAS joined Automotive Cells Company (ACC) in Douvrin.")
    aliases = [p["fields"] for p in result["proposals"] if p["kind"] == "alias"]
    assert aliases == [
        {"company": "ampere", "name": "Ampere SAS", "language": "en"},
        {"company": "acc", "name": "Automotive Cells Company", "language": "en"},
    ]
    assert not [p for p in result["proposals"] if p["kind"] == "company"]


def test_a_list_before_a_known_company_and_the_subject_of_an_ownership_verb_are_candidates(known):
    body = "Stellantis, Mercedes-Benz and Saft agreed to expand Ampere. Northvolt owns 5% of it."
    assert candidates(body) == ["Stellantis", "Mercedes-Benz", "Saft", "Northvolt"]
    assert candidates("In France, Germany and Italy, Ampere sells cars.") == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Ampere signed a supply contract with Tanaka-Moreau Energy Solution.", "en",
         ["Tanaka-Moreau Energy Solution"]),
        ("Ampere has teamed up with Nordic Grid Storage.", "en", ["Nordic Grid Storage"]),
        ("Ampere will source separators from Pohang Advanced Film and Renault agreed.", "en",
         ["Pohang Advanced Film"]),
        ("Les cellules seront fournies par Électro-Rhône Accus à Ampère.", "fr",
         ["Électro-Rhône Accus"]),
        ("Ampère s'approvisionnera auprès de Sarthe Métaux Recyclés.", "fr",
         ["Sarthe Métaux Recyclés"]),
        ("Greencove Lithium Refining (GLR) will ship hydroxide to Ampere.", "en",
         ["Greencove Lithium Refining", "GLR"]),
        ("Mobilize, filiale du groupe Dauphiné Mobilité, arrive.", "fr", ["Dauphiné Mobilité"]),
    ],
)  # fmt: skip
def test_names_a_verb_of_dealing_governs_are_candidates(known, body, language, expected):
    assert candidates(body, language) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Ampere signed an agreement with the Région Hauts-de-France.", "fr"),
        ("Ampere signed the deal with Mayor Jean Dupont in Lille.", "en"),
        ("Ampere buys nickel from Western Australia and from New Caledonia.", "en"),
        ("Ampère a conclu un partenariat avec l'Université de Grenoble Alpes.", "fr"),
        ("Ampere and the Mobilize fund III signed.", "en"),
    ],
)
def test_public_bodies_people_and_places_are_not_candidates(known, body, language):
    assert candidates(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "name", "kind", "country"),
    [
        ("Ardelis Energy, a Lyon-based developer of sodium-ion cells, signed with Renault.", "en",
         "Ardelis Energy", "cell_maker", "FR"),
        ("Renault signed with Polvara, an Italian producer of cathode precursors.", "en",
         "Polvara", "industrial", "IT"),
        ("Renault has picked Torvik Systems, a Swedish maker of battery management software.",
         "en", "Torvik Systems", "technology", "SE"),
        ("La start-up bordelaise Cathelia, spécialisée dans le recyclage des batteries, a signé "
         "avec Renault.", "fr", "Cathelia", "industrial", "FR"),
        ("Sodium Dynamics, founded in 2019, develops sodium-ion batteries for Renault.", "en",
         "Sodium Dynamics", "cell_maker", None),
        ("Electrocell Iberia, a subsidiary of Renault, will run the plant.", "en",
         "Electrocell Iberia", "not_stated", None),
    ],
)  # fmt: skip
def test_a_new_companys_kind_is_the_activity_the_text_states(
    known, body, language, name, kind, country
):
    companies = [p["fields"] for p in run(body, language)["proposals"] if p["kind"] == "company"]
    assert [(c["name"], c["kind"], c["country"]) for c in companies] == [(name, kind, country)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Ampere chief executive Tom Avery and Renault chairman Luca Ferri signed it.", "en"),
        ("It is part of the Important Project of Common European Interest (IPCEI).", "en"),
        ("Ampere, Renault and the Swedish Energy Agency will fund the programme.", "en"),
        ("Le ministère de l'Économie et la Banque des Territoires soutiennent Ampère.", "fr"),
    ],
)
def test_people_by_title_institutions_and_programmes_are_not_candidates(known, body, language):
    assert candidates(body, language) == []
