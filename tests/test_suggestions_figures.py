"""Figures and dates as English and French sources write them, in sentences written here."""

import datetime
from types import SimpleNamespace

import pytest

from sourcing.suggestions import suggest

pytestmark = pytest.mark.django_db


def read(body, language):
    """The mentions of an unsaved article written in ``language``."""
    result = suggest(SimpleNamespace(pk=None, body=body, language=language))
    for mention in result["mentions"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]
    return result["mentions"]


def figure(body, language):
    """The one figure in ``body``: (text, value, unit, qualifier, year)."""
    figures = [m for m in read(body, language) if m["kind"] == "quantity"]
    assert len(figures) == 1, figures
    found = figures[0]
    return found["text"], found["value"], found["unit"], found["qualifier"], found["year"]


ENGLISH = [
    ("The plant will make more than 13 GWh.", ("more than 13 GWh", 13, "GWh", "over", None)),
    ("Renault takes over 20% of Verkor.", ("over 20%", 20, "%", "over", None)),
    ("It could produce up to 50 GWh a year.", ("up to 50 GWh a year", 50, "GWh/yr", "up_to", None)),
    ("The deal covers as much as 8 GWh.", ("as much as 8 GWh", 8, "GWh", "up_to", None)),
    ("Output will be about 12 GWh.", ("about 12 GWh", 12, "GWh", "about", None)),
    ("The site employs around 1,200 people.", ("around 1,200 people", 1200, "jobs", "about", None)),
    (
        "It creates nearly 4500 direct jobs.",
        ("nearly 4500 direct jobs", 4500, "jobs", "about", None),
    ),
    (
        "It supplies the equivalent of 12 GWh.",
        ("the equivalent of 12 GWh", 12, "GWh", "about", None),
    ),
    ("The site will need at least 5 GW.", ("at least 5 GW", 5, "GW", "at_least", None)),
    ("The fund keeps less than 10% of it.", ("less than 10%", 10, "%", "under", None)),
    ("The line makes under 3 GWh.", ("under 3 GWh", 3, "GWh", "under", None)),
    ("It invests €2.5 billion.", ("€2.5 billion", 2_500_000_000, "EUR", "exact", None)),
    ("It raised $1.5bn.", ("$1.5bn", 1_500_000_000, "USD", "exact", None)),
    ("It raised 400 million dollars.", ("400 million dollars", 400_000_000, "USD", "exact", None)),
    ("It will hire 2,000 workers.", ("2,000 workers", 2000, "jobs", "exact", None)),
    ("It plans 2\u00a0500 jobs.", ("2\u00a0500 jobs", 2500, "jobs", "exact", None)),
    ("It plans 2\u202f500 jobs.", ("2\u202f500 jobs", 2500, "jobs", "exact", None)),
    ("It plans 2\u2009500 jobs.", ("2\u2009500 jobs", 2500, "jobs", "exact", None)),
    ("It plans 1.5 GWh.", ("1.5 GWh", 1.5, "GWh", "exact", None)),
    ("It plans twelve GWh.", ("twelve GWh", 12, "GWh", "exact", None)),
    ("It plans twenty-five per cent.", ("twenty-five per cent", 25, "%", "exact", None)),
    ("Nissan takes one third of the shares.", ("one third", 33.33, "%", "exact", None)),
    ("Verkor will reach 16 GWh by 2030.", ("16 GWh", 16, "GWh", "exact", 2030)),
    ("The line makes 8 GWh in 2024.", ("8 GWh", 8, "GWh", "exact", 2024)),
    ("From 2025, it delivers 12 GWh per year.", ("12 GWh per year", 12, "GWh/yr", "exact", 2025)),
    ("It makes 500 MWh.", ("500 MWh", 0.5, "GWh", "exact", None)),
]

FRENCH = [
    ("L'usine produira plus de 13 GWh.", ("plus de 13 GWh", 13, "GWh", "over", None)),
    ("Nissan prendra jusqu'à 15 % d'Ampère.", ("jusqu'à 15 %", 15, "%", "up_to", None)),
    ("Nissan prendra jusqu’à 15 % d’Ampère.", ("jusqu’à 15 %", 15, "%", "up_to", None)),
    ("Une participation pouvant atteindre 15%.", ("pouvant atteindre 15%", 15, "%", "up_to", None)),
    ("La capacité pourra atteindre 40 GWh.", ("pourra atteindre 40 GWh", 40, "GWh", "up_to", None)),
    (
        "Le site emploiera environ 3 000 salariés.",
        ("environ 3 000 salariés", 3000, "jobs", "about", None),
    ),
    (
        "Un investissement de près de 2 milliards d'euros.",
        ("près de 2 milliards d'euros", 2_000_000_000, "EUR", "about", None),
    ),
    ("Il crée quelque 500 emplois.", ("quelque 500 emplois", 500, "jobs", "about", None)),
    ("Il livrera au moins 8 GWh.", ("au moins 8 GWh", 8, "GWh", "at_least", None)),
    ("Il garde moins de 10 % du capital.", ("moins de 10 %", 10, "%", "under", None)),
    ("Il produira 12,5 GWh.", ("12,5 GWh", 12.5, "GWh", "exact", None)),
    ("Il embauche 2 500 personnes.", ("2 500 personnes", 2500, "jobs", "exact", None)),
    ("Il embauche 2\u00a0500 personnes.", ("2\u00a0500 personnes", 2500, "jobs", "exact", None)),
    ("Il embauche 2\u202f500 personnes.", ("2\u202f500 personnes", 2500, "jobs", "exact", None)),
    (
        "Il investit 1,5 milliard d’euros.",
        ("1,5 milliard d’euros", 1_500_000_000, "EUR", "exact", None),
    ),
    (
        "Il investit 300 millions de dollars.",
        ("300 millions de dollars", 300_000_000, "USD", "exact", None),
    ),
    ("Il fournira 12 GWh par an.", ("12 GWh par an", 12, "GWh/yr", "exact", None)),
    ("Nissan détient un tiers du capital.", ("un tiers", 33.33, "%", "exact", None)),
    ("Il prend deux tiers des parts.", ("deux tiers", 66.67, "%", "exact", None)),
    ("Il crée trois mille emplois.", ("trois mille emplois", 3000, "jobs", "exact", None)),
    ("Il crée quatre-vingt-dix emplois.", ("quatre-vingt-dix emplois", 90, "jobs", "exact", None)),
    ("Il détient vingt-cinq pour cent.", ("vingt-cinq pour cent", 25, "%", "exact", None)),
    ("Il visera 50 GWh d'ici 2030.", ("50 GWh", 50, "GWh", "exact", 2030)),
    ("Il visera 50 GWh d’ici à 2030.", ("50 GWh", 50, "GWh", "exact", 2030)),
    ("Il produira 8 GWh en 2024.", ("8 GWh", 8, "GWh", "exact", 2024)),
    ("À partir de 2025, il livrera 12 GWh.", ("12 GWh", 12, "GWh", "exact", 2025)),
    ("Dès 2026, il livrera 12 GWh.", ("12 GWh", 12, "GWh", "exact", 2026)),
]


@pytest.mark.parametrize(("body", "expected"), ENGLISH)
def test_english_figures(body, expected):
    assert figure(body, "en") == expected


@pytest.mark.parametrize(("body", "expected"), FRENCH)
def test_french_figures(body, expected):
    assert figure(body, "fr") == expected


def test_an_of_which_clause_takes_the_year_of_the_clause_before():
    body = "The target is 50 GWh by 2030, of which 20 GWh will go to Renault."
    years = {m["text"]: m["year"] for m in read(body, "en") if m["kind"] == "quantity"}
    assert years == {"50 GWh": 2030, "20 GWh": 2030}


def test_a_year_in_another_sentence_is_not_bound():
    body = "It will make 16 GWh. Construction starts in 2023."
    assert figure(body, "en")[4] is None


def test_names_and_numbers_inside_words_are_not_figures():
    body = "The R5 and the A110 use 4680 cells."
    figures = [m["text"] for m in read(body, "en") if m["kind"] == "quantity"]
    assert figures == ["4680"]


DATES = [
    ("en", "It opened on 30 May 2023.", "30 May 2023", "2023-05-30", "day"),
    ("en", "It opened on May 30, 2023.", "May 30, 2023", "2023-05-30", "day"),
    ("en", "It opened in June 2021.", "June 2021", "2021-06", "month"),
    ("en", "It opened in 2021.", "2021", "2021", "year"),
    ("en", "Published 2023-04.", "2023-04", "2023-04", "month"),
    ("fr", "Il a ouvert le 12 juin 2023.", "12 juin 2023", "2023-06-12", "day"),
    ("fr", "Il a ouvert le 1er juin 2023.", "1er juin 2023", "2023-06-01", "day"),
    ("fr", "Il a ouvert en février 2022.", "février 2022", "2022-02", "month"),
    ("fr", "Il a ouvert en 2021.", "2021", "2021", "year"),
    ("fr", "Il a ouvert le 28/06/2021.", "28/06/2021", "2021-06-28", "day"),
]


@pytest.mark.parametrize(("language", "body", "text", "date", "precision"), DATES)
def test_dates_with_their_precision(language, body, text, date, precision):
    dates = [m for m in read(body, language) if m["kind"] == "date"]
    assert [(m["text"], m["date"], m["precision"]) for m in dates] == [(text, date, precision)]


def test_an_impossible_day_is_read_as_its_month():
    dates = [m for m in read("On 31 June 2023 it opened.", "en") if m["kind"] == "date"]
    assert [(m["text"], m["date"]) for m in dates] == [("June 2023", "2023-06")]


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        ("en", "Line 3 opened on 3 June.", [("3 June", "2025-06-03", "day")]),
        ("en", "The deal closed on June 3 and was announced in March.",
         [("June 3", "2025-06-03", "day"), ("March", "2025-03", "month")]),
        ("fr", "L'augmentation de capital sera close fin octobre.",
         [("octobre", "2025-10", "month")]),
        ("fr", "Le contrat a été signé le 6 octobre.", [("6 octobre", "2025-10-06", "day")]),
        ("en", "Investors may join later; Mar Holdings said so.", []),
    ],
)  # fmt: skip
def test_days_and_months_without_a_year_are_dated_by_the_article(language, body, expected):
    article = SimpleNamespace(
        pk=None, body=body, language=language, published_on=datetime.date(2025, 11, 2)
    )
    dates = [m for m in suggest(article)["mentions"] if m["kind"] == "date"]
    assert [(m["text"], m["date"], m["precision"]) for m in dates] == expected


@pytest.mark.parametrize(
    "body",
    [
        "The contract runs for 8 years.",
        "Le contrat court sur 10 ans.",
        "Phase 2 and Line 3 are ready.",
        "It uses NMC 811 chemistry.",
        "Contact: +33 (0)1 84 88 20 00.",
    ],
)
def test_durations_labels_and_telephone_numbers_are_not_figures(body):
    assert [m["text"] for m in read(body, "en") if m["kind"] == "quantity"] == []


def test_the_first_figure_of_from_a_to_b_takes_no_year():
    body = "La capacité sera portée de 8 GWh à 12 GWh d'ici 2027."
    figures = [(m["text"], m["year"]) for m in read(body, "fr") if m["kind"] == "quantity"]
    assert figures == [("8 GWh", None), ("12 GWh", 2027)]


# -- Dollars of other countries, and jobs counted by the people hired --------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Norda raised A$85 million in May.", "en", ("A$85 million", 85e6, None)),
        ("The line costs C$240 million.", "en", ("C$240 million", 240e6, None)),
        ("It spent NZ$30 million on the pilot.", "en", ("NZ$30 million", 30e6, None)),
        ("The grant is CA$15 million.", "en", ("CA$15 million", 15e6, None)),
        ("It will cost US$90 million.", "en", ("US$90 million", 90e6, "USD")),
        ("It will cost $90 million.", "en", ("$90 million", 90e6, "USD")),
        (
            "L'usine coûtera 640 millions de dollars canadiens.",
            "fr",
            ("640 millions de dollars canadiens", 640e6, None),
        ),
        (
            "Le projet coûtera 1,2 milliard de dollars australiens.",
            "fr",
            ("1,2 milliard de dollars australiens", 1.2e9, None),
        ),
        ("Il coûtera 80 millions de dollars.", "fr", ("80 millions de dollars", 80e6, "USD")),
        ("The plant will bring 150 new hires.", "en", ("150 new hires", 150, "jobs")),
        ("L'usine prévoit 300 embauches.", "fr", ("300 embauches", 300, "jobs")),
        ("Il faudra 120 recrutements d'ici l'été.", "fr", ("120 recrutements", 120, "jobs")),
        ("La ligne emploiera 40 techniciens.", "fr", ("40 techniciens", 40, "jobs")),
        ("It will employ 35 technicians and engineers.", "en", ("35 technicians", 35, "jobs")),
    ],
)
def test_other_dollars_and_people_hired(body, language, expected):
    text, value, unit, _, _ = figure(body, language)
    assert (text, value, unit) == expected


# -- Units and amounts written in words ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "The plant will make seven gigawatt-hours a year.",
            "en",
            ("seven gigawatt-hours a year", 7, "GWh/yr"),
        ),
        ("The line adds 12 gigawatt hours.", "en", ("12 gigawatt hours", 12, "GWh")),
        (
            "Elle produira dix gigawattheures par an.",
            "fr",
            ("dix gigawattheures par an", 10, "GWh/yr"),
        ),
        ("La ligne fera 800 mégawattheures.", "fr", ("800 mégawattheures", 0.8, "GWh")),
        ("It will store two terawatt-hours.", "en", ("two terawatt-hours", 2000, "GWh")),
        ("Le projet coûtera deux milliards d'euros.", "fr", ("deux milliards d'euros", 2e9, "EUR")),
        ("It will cost three billion euros.", "en", ("three billion euros", 3e9, "EUR")),
        ("Il coûtera soixante millions d'euros.", "fr", ("soixante millions d'euros", 60e6, "EUR")),
    ],
)
def test_units_and_amounts_in_words(body, language, expected):
    text, value, unit, _, _ = figure(body, language)
    assert (text, value, unit) == expected


@pytest.mark.parametrize(
    "body", ["The line adds 12 GWH.", "The line adds 12 gwh.", "It uses 40 kW."]
)
def test_an_energy_unit_in_other_capitals_or_a_small_power_is_no_capacity(body):
    assert [m["unit"] for m in read(body, "en") if m["kind"] == "quantity"] in ([], [None])
