"""
Names of new companies, third round, on sentences written for the purpose in English and French:
a sentence adverb before a comma is no company; a board, or a country in the possessive, is no
part of the company's name; a French demonym standing for a company ("le Lyonnais") is no name;
a name a reporting verb puts before its speaker ("X, a indiqué la société") is no company; a
company's short form inside a place's name or after "en" is no later mention of the company.
"""

import pytest

from .test_suggestions_companies_breadth import companies, mentions
from .test_suggestions_deals_wording import known  # noqa: F401

pytestmark = pytest.mark.django_db


def candidate_texts(body, language):
    return [m["text"] for m in mentions(body, language, "candidate_company")]


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("Pellucell will buy cathode from Acme Cells. Separately, the company raised a loan.",
         "en", "Separately"),
        ("Pellucell signed with Acme Cells. Additionally, the firm expects to hire staff.", "en",
         "Additionally"),
        ("Pellucell signed with Acme Cells. Elsewhere, the group reported lower sales.", "en",
         "Elsewhere"),
        ("Pellucell a signé avec Norda Énergie. Parallèlement, la société lève 20 millions.",
         "fr", "Parallèlement"),
        ("Pellucell a signé avec Norda Énergie. Ensuite, le groupe construira une usine.", "fr",
         "Ensuite"),
    ],
)  # fmt: skip
def test_a_sentence_adverb_before_a_comma_is_no_company(body, language, word):
    assert word not in candidate_texts(body, language)


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("This release was approved by the Board of Norda Minerals Limited.", "en",
         "Norda Minerals Limited"),
        ("The Board of Directors of Acme Cells Ltd approved the offtake.", "en", "Acme Cells Ltd"),
        ("Pellucell and Korea's Hanbit Electrolyte Materials set up a venture.", "en",
         "Hanbit Electrolyte Materials"),
        ("Pellucell signed with Germany's Rheinau Cathode Works on Monday.", "en",
         "Rheinau Cathode Works"),
    ],
)  # fmt: skip
def test_a_board_or_a_country_in_the_possessive_is_no_part_of_the_name(body, language, name):
    found = candidate_texts(body, language)
    assert name in found
    assert not any(text != name and text.endswith(name) for text in found)


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("Pellucell a choisi Norda Stockage. Le Montpelliérain livrera les conteneurs en 2028.",
         "fr", "Montpelliérain"),
        ("Pellucell a choisi Norda Stockage. Le Grenoblois fournira les onduleurs.", "fr",
         "Grenoblois"),
        ("Pellucell a choisi Norda Stockage. La Lyonnaise signe un second contrat.", "fr",
         "Lyonnaise"),
        ("Pellucell a choisi Norda Stockage. Le Nantais construira une usine.", "fr", "Nantais"),
    ],
)  # fmt: skip
def test_a_french_demonym_standing_for_a_company_is_no_name(body, language, word):
    assert word not in candidate_texts(body, language)


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("Norda Litio construit une usine dans la province de Jujuy, a annoncé lundi la société.",
         "fr", "Jujuy"),
        ("Norda Litio construit une usine près de Tarija, a précisé le groupe.", "fr", "Tarija"),
        ("Acme Lithium will build a refinery in the province of Catamarca, said the company.",
         "en", "Catamarca"),
    ],
)  # fmt: skip
def test_a_place_before_an_inverted_speaker_is_no_company(body, language, word):
    assert word not in candidate_texts(body, language)


@pytest.mark.parametrize(
    ("body", "language", "short"),
    [
        ("Pellucell prend 10 % de Vendée Cellules. L'usine sera en Vendée.", "fr", "Vendée"),
        ("Pellucell prend 10 % de Loire Océan Capital, basé à Saint-Nazaire (Loire-Atlantique).",
         "fr", "Loire"),
        ("Pellucell sold 20% to Olt Valley Capital, a fund based in Râmnicu Olt.", "en", "Olt"),
    ],
)  # fmt: skip
def test_a_short_form_inside_a_place_name_is_no_later_mention(body, language, short):
    found = candidate_texts(body, language)
    assert short not in found


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Pellucell and Korea's Hanbit Electrolyte Materials set up a venture.", "en",
         "Hanbit Electrolyte Materials", "KR"),
        ("Pellucell signed with Germany's Rheinau Cathode Works on Monday.", "en",
         "Rheinau Cathode Works", "DE"),
    ],
)  # fmt: skip
def test_a_country_in_the_possessive_is_the_companys_country(body, language, name, country):
    assert companies(body, language)[name][1] == country
