"""
Names of new companies, second round, on sentences written for the purpose in English and French:
an acronym given in a parenthesis (quoted or not, after a legal form or not) or by a phrase of
naming, read at its later uses; legal forms of many countries, after the name or before it ("PT");
names with "&", initials, a figure, all-caps brands and endings of funds and groups; a heading
"About X" that is no part of the name; question words that are no company; a short form written
in a headline before the full name.
"""

import pytest

from .test_suggestions_companies_breadth import aliases, companies, mentions
from .test_suggestions_deals_wording import known  # noqa: F401

pytestmark = pytest.mark.django_db


def candidate_texts(body, language):
    return [m["text"] for m in mentions(body, language, "candidate_company")]


# -- An acronym introduced in a parenthesis or by a phrase of naming ----------------------------


@pytest.mark.parametrize(
    ("body", "language", "company", "acronym"),
    [
        # quoted inside the parenthesis, after a legal form
        ('Oder Graphite Works a.s. ("OGW") will supply Pellucell. OGW will build a line in Opava.',
         "en", "Oder Graphite Works", "OGW"),
        # after a legal form of the Balkans
        ("Pellucell rachète 30 % de Morava Cathode Company d.o.o. (MCC). MCC construira une usine "
         "à Niš.", "fr", "Morava Cathode Company", "MCC"),
        # after a lowercase legal form of Quebec
        ("Batteries Gaspésie Nord inc. (BGN), une société de Rimouski, livrera Pellucell. "
         "Moravia Auto prendra une part de BGN.", "fr", "Batteries Gaspésie Nord", "BGN"),
        # after a name with a legal form written before it
        ("The buyer, PT Lombok Nikel Utama (LNU), a mining group, will pay in cash. LNU also "
         "owns a port.", "en", "Lombok Nikel Utama", "LNU"),
        # in French quotation marks
        ("Pellucell et Loire Électrolytes Avancés SAS (« LEA ») créent une coentreprise. LEA en "
         "détiendra 40 %.", "fr", "Loire Électrolytes Avancés", "LEA"),
        # a phrase of naming with an adverb inside it
        ("Kemi Lithium Refining Oy is building a refinery. The company, known locally as KLR, "
         "hired 80 people. Pellucell holds 10% of KLR.", "en", "Kemi Lithium Refining", "KLR"),
        # the acronym first, then the phrase that names it
        ("Pellucell bought 12% of Chao Phraya Films, a separator maker in Bangkok. CPF, as the "
         "company is called on the stock market, rose 4%.", "en", "Chao Phraya Films", "CPF"),
    ],
)  # fmt: skip
def test_an_acronym_names_the_company_it_abbreviates(body, language, company, acronym):
    later = [text for text in candidate_texts(body, language) if text == acronym]
    assert len(later) == body.count(acronym)
    assert company in companies(body, language)
    assert acronym not in companies(body, language)
    assert (company, acronym) in aliases(body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a parenthesis that abbreviates nothing of the name before it
        ("Pellucell signed with Varna Cells (EU) a contract.", "en"),
        # a technology, not a company
        ("Pellucell uses lithium iron phosphate (LFP) cells.", "en"),
    ],
)  # fmt: skip
def test_a_parenthesis_that_abbreviates_no_company_names_none(body, language):
    assert not {name for name in companies(body, language) if name.isupper()}


# -- Legal forms of many countries, after the name or before it ---------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name", "written"),
    [
        ("Pellucell took 20% of Drina Carbon d.o.o. in May.", "en", "Drina Carbon",
         "Drina Carbon d.o.o."),
        ("Pellucell a pris 20 % de Ege Batarya A.Ş. en mai.", "fr", "Ege Batarya",
         "Ege Batarya A.Ş."),
        ("Pellucell will buy cells from Batteries Outaouais inc. from 2028.", "en",
         "Batteries Outaouais", "Batteries Outaouais inc."),
        ("Pellucell sold 5% to Ribera Inversiones SCR, a venture fund.", "en",
         "Ribera Inversiones", "Ribera Inversiones SCR"),
        ("Pellucell a signé avec PT Sulawesi Mineral Prima un contrat de nickel.", "fr",
         "Sulawesi Mineral Prima", "PT Sulawesi Mineral Prima"),
        ("Pellucell took 12% of Vistula Anode Sp. z o.o. last year.", "en", "Vistula Anode",
         "Vistula Anode Sp. z o.o."),
    ],
)  # fmt: skip
def test_a_legal_form_is_an_alias_of_the_name_without_it(body, language, name, written):
    assert name in companies(body, language)
    assert (name, written) in aliases(body, language)


@pytest.mark.parametrize(
    ("body", "language", "name", "country"),
    [
        ("Pellucell a pris 20 % de Ege Batarya A.Ş. en mai.", "fr", "Ege Batarya", "TR"),
        ("Pellucell a signé avec PT Sulawesi Mineral Prima un contrat.", "fr",
         "Sulawesi Mineral Prima", "ID"),
        ("Pellucell sold 5% to Ribera Inversiones SCR last week.", "en", "Ribera Inversiones",
         "ES"),
    ],
)  # fmt: skip
def test_a_legal_form_of_one_country_states_the_country(body, language, name, country):
    assert companies(body, language)[name][1] == country


# -- Names with "&", initials, a figure, all-caps brands, endings of funds and groups -----------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Pellucell bought 10% of Hanbit S&T Co., Ltd. in June.", "en", "Hanbit S&T"),
        ("Les Établissements Morel & Fils, transporteur installé à Arras, perdront un client.",
         "fr", "Établissements Morel & Fils"),
        ("In May, J.K. Lindqvist Holdings, a Malmö family office, took 7% of Pellucell.", "en",
         "J.K. Lindqvist Holdings"),
        ("Pellucell sold 9% to Marina 21 Partners, the Lisbon growth fund.", "en",
         "Marina 21 Partners"),
        ("Pellucell a vendu 9 % à Tarn 7 Capital, un fonds toulousain.", "fr", "Tarn 7 Capital"),
        ("La holding familiale Jovanović Invest conservera 40 % de Pellucell.", "fr",
         "Jovanović Invest"),
        ("Pellucell will source graphite from Kootenay Graphite Group under a new contract.",
         "en", "Kootenay Graphite Group"),
        ("Les 30 % restants appartiennent à Loire Initiative Capital, un fonds basé à Tours.",
         "fr", "Loire Initiative Capital"),
        ("Pellucell holds 20% of Sumbawa Nikel Industri, which refines nickel.", "en",
         "Sumbawa Nikel Industri"),
        # the holdings of families and founders
        ("Le reste appartient à Moreau Participations, la holding de la famille.", "fr",
         "Moreau Participations"),
        ("La holding des fondateurs, Ricard Investissements, gardera 30 %.", "fr",
         "Ricard Investissements"),
        ("Reinholt Beteiligungen, which owns 25% of Pellucell, kept its seat.", "en",
         "Reinholt Beteiligungen"),
    ],
)  # fmt: skip
def test_a_name_is_read_whole(body, language, name):
    assert name in companies(body, language)
    assert any(text.startswith(name) for text in candidate_texts(body, language))


@pytest.mark.parametrize(
    ("body", "language", "full", "short"),
    [
        ("VOLTARA Enerji A.Ş. opened a cell plant. VOLTARA will hire 300 people.", "en",
         "VOLTARA Enerji", "VOLTARA"),
        ("Kestrel Resources Limited sold its stake. Kestrel will now focus on refining.", "en",
         "Kestrel Resources", "Kestrel"),
        ("Installée à Namur, NOVELIS Technologies SRL développe des cellules. NOVELIS emploie "
         "40 personnes.", "fr", "NOVELIS Technologies", "NOVELIS"),
    ],
)  # fmt: skip
def test_a_short_form_of_a_new_name_is_read(body, language, full, short):
    assert full in companies(body, language)
    assert short in candidate_texts(body, language)
    assert short not in companies(body, language)


# -- What is no part of a name, and what is no company -----------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Pellucell raises funds.\n\nAbout Norda Capital Partners\nNorda Capital Partners is a "
         "fund based in Oslo.", "en", "Norda Capital Partners"),
        ("Pellucell lève des fonds.\n\nÀ propos de Brume Capital\nBrume Capital est un fonds "
         "basé à Nantes.", "fr", "Brume Capital"),
    ],
)  # fmt: skip
def test_the_heading_about_is_no_part_of_the_name(body, language, name):
    found = companies(body, language)
    assert name in found
    assert not [other for other in found if other.startswith(("About", "À propos"))]


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("Who owns Pellucell?\nFjord Kapital holds 30%.", "en", "Who"),
        ("Which Acme?\nPellucell signed.", "en", "Which"),
        ("Qui détient Pellucell ?\nFjord Kapital en a 30 %.", "fr", "Qui"),
        ("Pourquoi Pellucell ?\nLe site était libre.", "fr", "Pourquoi"),
    ],
)  # fmt: skip
def test_a_question_word_is_no_company(body, language, word):
    assert word not in candidate_texts(body, language)
    assert word not in companies(body, language)


@pytest.mark.parametrize(
    ("body", "language", "short"),
    [
        ("Pellucell investit dans Vosges Modules Énergie. Nous avons choisi les Vosges pour le "
         "rail.", "fr", "Vosges"),
        ("Pellucell bought 9% of Halvik Battery Metals, the smelter on the Halvik island.", "en",
         "Halvik"),
    ],
)  # fmt: skip
def test_a_place_a_company_is_named_after_is_no_short_form(body, language, short):
    assert short not in candidate_texts(body, language)


def test_a_short_form_after_the_is_still_the_company():
    body = "Pellucell bought 9% of Corvane Batteries in May. The Corvane plant will open in 2027."
    assert "Corvane" in candidate_texts(body, "en")


def test_a_short_form_in_a_headline_names_the_full_named_company_once():
    body = (
        '"We will not build a third line yet": Ravno-Cell\'s chief on money and patience\n\n'
        "Adriatic Industry Monthly | Interview | 3 March 2026\n\n"
        "Ravno-Cell Technologies, the Split-based maker of sodium-ion cells, poured concrete "
        "in May. Ravno-Cell will hire 200 people."
    )
    found = companies(body, "en")
    assert "Ravno-Cell Technologies" in found
    assert "Ravno-Cell" not in found
    assert "Ravno-Cell Technologies" in candidate_texts(body, "en")


# -- A name ending as a firm's before a person's title; an acronym by its initials alone ---------


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("La holding familiale Brankov Invest, fondatrice de Pellucell, garde 20 %.", "fr",
         "Brankov Invest"),
        ("Osterby Capital, co-founder of Pellucell, keeps 12%.", "en", "Osterby Capital"),
    ],
)  # fmt: skip
def test_a_firms_name_before_a_title_is_no_person(body, language, name):
    assert name in companies(body, language)


@pytest.mark.parametrize(
    ("body", "language", "company", "acronym"),
    [
        ("Le président de Laurentides Cellules Avancées inc. a parlé lundi. Pellucell prend "
         "10 % de LCA.", "fr", "Laurentides Cellules Avancées", "LCA"),
        ("Pellucell bought 15% of Tamar Graphite Works in May. TGW will double its output.", "en",
         "Tamar Graphite Works", "TGW"),
    ],
)  # fmt: skip
def test_an_acronym_never_introduced_writes_the_one_name_of_its_initials(
    body, language, company, acronym
):
    assert acronym not in companies(body, language)
    assert (company, acronym) in aliases(body, language)


def test_an_acronym_two_names_fit_writes_neither():
    body = (
        "Pellucell bought 15% of Tamar Graphite Works, which makes anodes, and later took 10% "
        "of Tolmen Glass Wares, which makes separators. TGW will double its output."
    )
    assert not [alias for alias in aliases(body, "en") if alias[1] == "TGW"]


@pytest.mark.parametrize(
    ("body", "language", "brand", "registered"),
    [
        ("ORVENTA has started making cells in Bursa. The maker, registered as Orventa Enerji "
         "A.Ş., employs 900 people.", "en", "ORVENTA", "Orventa Enerji A.Ş."),
        ("Lumeris a lancé sa ligne à Douai. La société, immatriculée sous le nom de Lumeris "
         "Énergie SAS, emploie 90 personnes.", "fr", "Lumeris", "Lumeris Énergie SAS"),
    ],
)  # fmt: skip
def test_a_registered_name_is_an_alias_of_the_brand(body, language, brand, registered):
    assert brand in companies(body, language)
    assert (brand, registered) in aliases(body, language)


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("Rabat, le 3 mai 2026 (Maghreb Industrie Batteries) – Pellucell signe.", "fr",
         "Batteries"),
        ("Ardvale Partners and Pellucell signed; Partners Group was not involved.", "en",
         "Partners"),
    ],
)  # fmt: skip
def test_a_lone_ending_is_no_company(body, language, word):
    assert word not in candidate_texts(body, language)
    assert word not in companies(body, language)
