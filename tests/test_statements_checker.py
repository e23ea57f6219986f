"""
The statement checker on sentences written for these tests, in English and French: for each
kind of value, a passage that states it, one that does not, and the qualifier cases.
"""

import datetime

import pytest

from sourcing.statements import (
    CANNOT_TELL,
    NOT_STATED,
    STATED,
    Figure,
    Named,
    PartialDate,
    Place,
    Role,
    Term,
    Year,
    check,
)

NORDVOLT = Named(("Nordvolt Energy", "Nordvolt", "le groupe au lion"))


def status(value, passage, language="en"):
    return check(value, passage, language).status


# -- Company references -------------------------------------------------------------------


@pytest.mark.parametrize(
    "passage, language",
    [
        ("Nordvolt Energy opened a new research centre last spring.", "en"),
        ("The supplier, NORDVOLT, declined to comment.", "en"),
        ("Le groupe au lion prévoit une deuxième usine en Bavière.", "fr"),
    ],
)
def test_a_company_named_by_its_name_or_an_alias_is_stated(passage, language):
    assert status(NORDVOLT, passage, language) == STATED


@pytest.mark.parametrize(
    "passage, language",
    [
        ("Our partnership strengthens our position in Europe.", "en"),
        ("The group said it would build a second line.", "en"),
        ("Le groupe a confirmé qu'il pilote le projet.", "fr"),
        ("Nordvoltage converters are sold separately.", "en"),
    ],
)
def test_a_pronoun_a_description_or_part_of_a_word_names_no_company(passage, language):
    verdict = check(NORDVOLT, passage, language)
    assert verdict.status == NOT_STATED
    assert "Nordvolt Energy" in verdict.reason


def test_a_one_word_name_written_with_a_capital_needs_one_in_the_passage():
    brand = Named(("Mobilis",))
    assert status(brand, "Mobilis will sell the car in Spain.") == STATED
    assert status(brand, "Vehicles stay mobilis in the legal sense.") == NOT_STATED


# -- Figures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, passage, language",
    [
        (Figure(2500, "jobs"), "The plant will employ 2,500 people by 2028.", "en"),
        (Figure(2500, "jobs"), "L'usine emploiera 2 500 personnes en 2028.", "fr"),
        (Figure(12.5, "GWh/yr"), "Une capacité de 12,5 GWh par an est visée.", "fr"),
        (Figure(1.3e9, "EUR"), "Le projet coûtera 1,3 milliard d'euros.", "fr"),
        (Figure(2.9e9, "USD"), "The firm raised $2.9 billion last year.", "en"),
        (Figure(33.33, "%"), "The bank will take one third of the venture.", "en"),
        (Figure(33.33, "%"), "Le fonds prendra un tiers du capital de la société.", "fr"),
        (Figure(12, "GWh/yr"), "Twelve GWh a year will go to the carmaker.", "en"),
    ],
)
def test_a_figure_is_stated_in_any_written_form(value, passage, language):
    assert status(value, passage, language) == STATED


@pytest.mark.parametrize(
    "value, passage, language",
    [
        (Figure(15, "%", "up_to"), "Its share could reach 15% next year.", "en"),
        (Figure(15, "%", "up_to"), "Sa part pourra atteindre 15 % l'an prochain.", "fr"),
        (Figure(15, "%", "up_to"), "Il détiendra jusqu'à 15 % du capital.", "fr"),
        (Figure(15, "%", "up_to"), "Il détiendra 15 % au maximum du capital.", "fr"),
        (Figure(20, "%", "over"), "The carmaker will buy a stake of more than 20%.", "en"),
        (Figure(20, "%", "at_least"), "Elle gardera au moins 20 % des parts.", "fr"),
        (Figure(40, "GWh/yr", "about"), "Roughly 40 GWh will come out of the site.", "en"),
    ],
)
def test_a_bounded_figure_needs_its_bound(value, passage, language):
    assert status(value, passage, language) == STATED


@pytest.mark.parametrize(
    "value, passage, language",
    [
        (Figure(15, "%"), "Its share could reach 15% next year.", "en"),
        (Figure(15, "%"), "Sa part pourra atteindre 15 % l'an prochain.", "fr"),
        (Figure(12, "GWh/yr"), "The equivalent of 12 GWh a year will be delivered.", "en"),
        (Figure(20, "%", "at_least"), "The carmaker will buy a stake of over 20%.", "en"),
        (Figure(15, "%", "up_to"), "The fund holds 15% of the shares.", "en"),
    ],
)
def test_a_figure_under_another_bound_is_not_stated(value, passage, language):
    verdict = check(value, passage, language)
    assert verdict.status == NOT_STATED
    assert "15" in verdict.reason or "12" in verdict.reason or "20" in verdict.reason


def test_another_number_or_unit_does_not_state_a_figure():
    assert status(Figure(16, "GWh/yr"), "The line will reach 18 GWh in 2027.") == NOT_STATED
    assert status(Figure(16, "GWh/yr"), "The site will create 16 jobs a year.") == NOT_STATED
    verdict = check(Figure(16, "GWh/yr"), "Nothing is said of the plant's size.", "en")
    assert verdict.status == NOT_STATED
    assert "no figure" in verdict.reason


def test_a_number_without_its_unit_cannot_be_told():
    assert status(Figure(30, "GWh/yr"), "Of the 30 announced, half are for cars.") == CANNOT_TELL


def test_a_year_is_no_figure():
    assert status(Figure(2030, "GWh/yr"), "The plant will open in 2030.") == NOT_STATED


# -- Dates and years --------------------------------------------------------------------------


JUNE_2021 = PartialDate(datetime.date(2021, 6, 1), "month")
JUNE_3_2021 = PartialDate(datetime.date(2021, 6, 3), "day")


@pytest.mark.parametrize(
    "value, passage, language",
    [
        (JUNE_3_2021, "The deal was signed on June 3, 2021 in Lyon.", "en"),
        (JUNE_3_2021, "L'accord a été signé le 3 juin 2021 à Lyon.", "fr"),
        (JUNE_2021, "L'accord a été signé en juin 2021.", "fr"),
        (JUNE_2021, "The deal was signed on June 3, 2021.", "en"),
        (PartialDate(datetime.date(2021, 1, 1), "year"), "Signé en 2021, l'accord court.", "fr"),
        (Year(2027), "Deliveries start from 2027.", "en"),
        (Year(2027), "Les livraisons commenceront dès 2027.", "fr"),
    ],
)
def test_a_date_is_stated_at_its_precision(value, passage, language):
    assert status(value, passage, language) == STATED


@pytest.mark.parametrize(
    "value, passage, language",
    [
        (JUNE_3_2021, "L'accord a été signé en juin 2021.", "fr"),
        (JUNE_2021, "The deal was signed in 2021.", "en"),
        (JUNE_2021, "The deal was signed in July 2021.", "en"),
        (JUNE_2021, "Les deux groupes ont signé jeudi.", "fr"),
        (Year(2027), "Deliveries start from 2028.", "en"),
    ],
)
def test_a_date_less_precise_or_other_is_not_stated(value, passage, language):
    assert status(value, passage, language) == NOT_STATED


# -- Places -----------------------------------------------------------------------------------


def test_a_city_by_its_name_or_another_name_for_it():
    lyon = Place("Lyon", "city", "FR")
    assert status(lyon, "Le centre sera construit à Lyon.", "fr") == STATED
    assert status(Place("Dunkirk", "city", "FR"), "Une usine à Dunkerque.", "fr") == STATED
    assert status(lyon, "Le centre sera construit à Grenoble.", "fr") == NOT_STATED


def test_a_region_by_its_name():
    region = Place("Bavaria", "region", "DE")
    assert status(region, "The cells will be made in Bavaria.") == STATED
    assert status(region, "The cells will be made in Saxony.") == NOT_STATED


@pytest.mark.parametrize(
    "passage, language",
    [
        ("A French start-up will build it.", "en"),
        ("La jeune pousse lyonnaise construira l'usine.", "fr"),
        ("The plant will be built in France.", "en"),
        ("Le constructeur automobile français est actionnaire.", "fr"),
    ],
)
def test_a_country_by_its_name_or_an_adjective(passage, language):
    assert status(Place("FR", "country"), passage, language) == STATED


def test_a_country_given_only_by_a_city_cannot_be_told_and_another_country_is_not_it():
    france = Place("FR", "country")
    assert status(france, "The plant will be built near Lyon.") == CANNOT_TELL
    assert status(france, "A German supplier will build it.") == NOT_STATED
    assert status(france, "The supplier will build it next year.") == NOT_STATED


# -- Kinds, statuses and roles --------------------------------------------------------------


@pytest.mark.parametrize(
    "value, passage, language",
    [
        (Term("agreement_kind", "supply"), "Ionix will deliver cells to the carmaker.", "en"),
        (Term("agreement_kind", "supply"), "Ionix livrera des batteries au groupe.", "fr"),
        (Term("agreement_kind", "joint_venture"), "Ils créent une coentreprise.", "fr"),
        (Term("agreement_status", "signed"), "The two firms signed the deal on Monday.", "en"),
        (Term("agreement_status", "in_discussion"), "Des négociations sont en cours.", "fr"),
        (Term("stake_status", "planned"), "Le fonds prévoit de prendre 10 % du capital.", "fr"),
        (Term("stake_status", "completed"), "The fund owns 10% of the start-up.", "en"),
        (Term("company_kind", "cell_maker"), "Ionix makes lithium-ion cells.", "en"),
        (Term("company_kind", "carmaker"), "Le constructeur automobile a confirmé.", "fr"),
        (Term("plant_kind", "cell_gigafactory"), "L'usine produira des cellules.", "fr"),
        (Term("plant_status", "under_construction"), "The plant is under construction.", "en"),
        (Term("milestone_kind", "construction_start"), "Construction will start in 2026.", "en"),
        (Term("quantity_basis", "initial"), "Initially the line will make 4 GWh.", "en"),
    ],
)
def test_a_kind_or_status_is_stated_by_the_engines_words(value, passage, language):
    assert status(value, passage, language) == STATED


def test_a_kind_made_of_cells_is_not_stated_by_a_passage_that_mentions_no_cells():
    verdict = check(Term("company_kind", "cell_maker"), "A leader in battery technology.", "en")
    assert verdict.status == NOT_STATED
    assert "cells" in verdict.reason
    plant = Term("plant_kind", "cell_gigafactory")
    assert status(plant, "Une gigafactory de batteries à Metz.", "fr") == NOT_STATED


def test_a_kind_without_its_words_cannot_be_told():
    verdict = check(Term("agreement_status", "active"), "The firms work together.", "en")
    assert verdict.status == CANNOT_TELL
    assert "active" in verdict.reason


IONIX = Named(("Ionix Cells", "Ionix"))
KARMA = Named(("Karma Motors", "Karma"))


def test_supplier_and_buyer_from_the_verbs_direction():
    passage = "Ionix will supply Karma Motors with 8 GWh a year."
    assert status(Role("supplier", IONIX), passage) == STATED
    assert status(Role("buyer", KARMA), passage) == STATED
    assert status(Role("buyer", IONIX), passage) == CANNOT_TELL
    french = "Karma achètera ses batteries à Ionix dès 2026."
    assert status(Role("buyer", KARMA), french, "fr") == STATED
    assert status(Role("supplier", IONIX), french, "fr") == STATED


def test_a_role_needs_the_company_named():
    verdict = check(Role("partner", KARMA), "Our partnership with Ionix grows.", "en")
    assert verdict.status == NOT_STATED
    assert status(Role("partner", IONIX), "Our partnership with Ionix grows.") == STATED


def test_an_adviser_is_named_with_a_word_of_advising():
    firm = Named(("Lemaire Avocats",))
    assert status(Role("legal_adviser", firm), "Lemaire Avocats a conseillé l'opération.") == (
        STATED
    )
    assert status(Role("legal_adviser", firm), "Lemaire Avocats a déménagé.") == CANNOT_TELL


def test_a_value_of_no_known_type_is_refused():
    with pytest.raises(TypeError):
        check("12 GWh", "12 GWh a year", "en")
