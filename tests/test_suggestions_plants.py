"""
Plants, milestones, plant figures and new companies from wordings the engine generalises to, each
on sentences written for it in English and French: where a plant stands and whether it runs,
the verbs and nouns of its milestones, and what an article states of a company it introduces.
"""

from types import SimpleNamespace

import pytest

from sourcing.models import Company
from sourcing.suggestions import suggest

from .factories import make_company, make_plant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def known():
    pellucell = make_company("Pellucell", kind=Company.Kind.CELL_MAKER, country="FR")
    make_company("Moravia Auto", kind=Company.Kind.CARMAKER, country="CZ")
    return make_plant(name="Pellucell Vierzon", operator=pellucell, city="Vierzon", country="FR")


def suggested(body, language):
    return suggest(SimpleNamespace(pk=None, body=body, language=language))


def proposals(body, language, kind):
    return [p["fields"] for p in suggested(body, language)["proposals"] if p["kind"] == kind]


def mentioned(body, language, kind):
    return [m["text"] for m in suggested(body, language)["mentions"] if m["kind"] == kind]


# -- New plants: where they stand and whether they run ------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "city", "status"),
    [
        ("Pellucell exploite à Vichy, dans l'Allier, une usine qui traite 8 000 tonnes de "
         "batteries usagées par an.", "fr", "Vichy", "operating"),
        ("Pellucell operates a cathode plant in Novara that employs 300 people.", "en", "Novara",
         "operating"),
        ("The Linköping plant currently assembles modules for three carmakers, Pellucell said.",
         "en", "Linköping", "operating"),
        ("Pellucell construira sa première usine sur un ancien site papetier de Saint-Dizier.",
         "fr", "Saint-Dizier", "announced"),
        ("Pellucell will build the plant on a former steelworks site in Terni.", "en", "Terni",
         "announced"),
        ("La ligne pilote de Pellucell, inaugurée l'an dernier à Grenoble, produit ses premières "
         "cellules.", "fr", "Grenoble", "operating"),
        ("Pellucell will close its module workshop in Biella at the end of 2026.", "en", "Biella",
         "operating"),
    ],
)  # fmt: skip
def test_a_new_plant_by_its_place_and_whether_it_runs(body, language, city, status):
    (plant,) = proposals(body, language, "plant")
    assert (plant["city"], plant["status"], plant["operator"]) == (city, status, "pellucell")


def test_a_plant_to_be_inaugurated_does_not_run_yet():
    body = "Pellucell's cell plant in Novara will be inaugurated in 2027."
    (plant,) = proposals(body, "en", "plant")
    assert plant["status"] == "announced"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Pellucell a lancé lundi le chantier de son usine de cellules de Saint-Dizier.", "fr"),
        ("Pellucell broke ground on its Novara cell plant in March.", "en"),
        ("Pellucell pose la première pierre de son usine de Saint-Dizier.", "fr"),
    ],
)
def test_a_new_plant_whose_construction_began_is_under_construction(body, language):
    (plant,) = proposals(body, language, "plant")
    assert plant["status"] == "under_construction"


def test_news_of_today_is_no_plant_running_today():
    body = "Pellucell today announced it will build a cell plant in Novara."
    (plant,) = proposals(body, "en", "plant")
    assert plant["status"] == "announced"


# -- Candidate companies: not places, bodies, publications or people ---------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Pellucell s'approvisionne en Norvège, Moravia Auto et Lorvane Métaux en Finlande.",
         "fr", ["Lorvane Métaux"]),
        ("Lorvane Métaux signe avec Pellucell, selon le ministère de l'Industrie.", "fr",
         ["Lorvane Métaux"]),
        ("Pellucell signed a deal with Ostrava Cathode Works, the Ministry of Economy said.",
         "en", ["Ostrava Cathode Works"]),
        ("Bergamo et Le Creusot, le 3 mars 2026 – Pellucell et Lorvane Métaux signent un accord.",
         "fr", ["Lorvane Métaux"]),
        ("Analysts quoted by the trade weekly Cathode Review say Pellucell will sign with "
         "Lorvane Metals.", "en", ["Lorvane Metals"]),
        ("« Nous signons avec Lorvane Métaux », assure le président fondateur, Jean Marlier, "
         "qui rejoint Pellucell.", "fr", ["Lorvane Métaux"]),
    ],
)  # fmt: skip
def test_candidate_companies_are_no_places_bodies_publications_or_people(body, language, expected):
    assert sorted(set(mentioned(body, language, "candidate_company"))) == expected


@pytest.mark.parametrize(
    ("body", "language", "full", "short"),
    [
        ("Pellucell et Électrocellules du Rhône (ECR) signent un accord. ECR produira des "
         "cellules.", "fr", "Électrocellules du Rhône", "ECR"),
        ("Pellucell signed with Société Lorraine de Métaux (SLM) last week.", "en",
         "Société Lorraine de Métaux", "SLM"),
    ],
)  # fmt: skip
def test_an_acronym_of_letters_within_the_words_abbreviates_the_name_before_it(
    body, language, full, short
):
    found = proposals(body, language, "company")
    assert [c["name"] for c in found] == [full]
    assert [(a["company"], a["name"]) for a in proposals(body, language, "alias")] == [
        (full, short)
    ]


# -- New companies: what the article states of them, wherever it states it ---------------------


@pytest.mark.parametrize(
    ("body", "language", "name", "kind", "country"),
    [
        ("Pellucell a acquis 60 % de Lorvane Électrolytes, fabricant d'électrolytes pour "
         "batteries basé au Pont-de-Claix (Isère).", "fr", "Lorvane Électrolytes", "industrial",
         "FR"),
        ("Pellucell s'approvisionne auprès de Kuusi Materials. Kuusi Materials, un producteur "
         "finlandais d'hydroxyde de lithium, livrera 5 000 tonnes par an.", "fr",
         "Kuusi Materials", "industrial", "FI"),
        ("Pellucell signed with Cinca Ingeniería, an Aragonese engineering group that builds "
         "process equipment.", "en", "Cinca Ingeniería", "industrial", "ES"),
        ("Pellucell said on Monday that its new shareholder, Lorvane Capital, a Polish "
         "investment firm, will hold 3% of the company.", "en", "Lorvane Capital", "investor",
         "PL"),
        ("Pellucell a cédé 10 % au fonds régional Grand Est Participations.", "fr",
         "Grand Est Participations", "investor", "FR"),
    ],
)  # fmt: skip
def test_a_new_companys_kind_and_country_as_the_article_states_them(
    body, language, name, kind, country
):
    found = {c["name"]: c for c in proposals(body, language, "company")}
    assert (found[name]["kind"], found[name]["country"]) == (kind, country)


def test_a_company_named_as_a_modifier_gives_no_country():
    body = "Pellucell signed with Lorvane Metals, a Toyota supplier."
    (company,) = proposals(body, "en", "company")
    assert company["country"] is None
