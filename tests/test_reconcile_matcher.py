"""
The reconciliation matcher (``sourcing.reconcile``): how names are reduced, and which candidate
is a match. Names here are made up for the tests.
"""

import pytest

from sourcing.reconcile.entities import COMPANY, PLANT
from sourcing.reconcile.matcher import Query, reconcile
from sourcing.reconcile.names import GENERIC_PLANT_WORDS, reduce_name
from tests.factories import DRAFT, VERIFIED, make_company, make_plant


@pytest.mark.parametrize(
    "name, core, legal_forms",
    [
        ("Quillon Batteries S.A.S.", ("quillon", "batteries"), ("sas",)),
        ("Groupe Quillon", ("quillon",), ()),
        ("Quillon Holding GmbH & Co. KG", ("quillon",), ("gmbh and co kg",)),
        ("Harrow Cells Co., Ltd.", ("harrow", "cells"), ("ltd", "co")),
        ("ÉNERGIE BOREALE SE", ("energie", "boreale"), ("se",)),
        ("Тарвик Моторс", ("tarvik", "motors"), ()),
        ("Holding SA", ("holding",), ("sa",)),  # never reduced to nothing
    ],
)
def test_names_lose_legal_forms_and_generic_words(name, core, legal_forms):
    reduced = reduce_name(name)

    assert reduced.core == core
    assert reduced.legal_forms == legal_forms


def test_plant_names_lose_the_words_every_plant_has():
    reduced = reduce_name("Usine Quillon de Valmont", GENERIC_PLANT_WORDS)

    assert reduced.core == ("quillon", "valmont")


@pytest.fixture
def companies(db):
    made = {
        name: make_company(name, aliases, review_status=VERIFIED)
        for name, aliases in [
            ("Quillon Group", []),
            ("Quillon Trucks AB", []),
            ("Harrow Energy Storage Ltd.", ["HES"]),
            ("Brightwater Cells", []),
            ("Brightwater Cells Ltd", []),
            ("Marlowe Batteries plc", []),
        ]
    }
    made["draft"] = make_company("Ostrava Cells", review_status=DRAFT)
    return made


def best(text, *types, **options):
    results = reconcile({"q": Query(text, types or (COMPANY,), **options)})["q"]
    return results[0] if results else None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Quillon Group SA", "Quillon Group"),  # legal form added
        ("Groupe Quillon", "Quillon Group"),  # translated
        ("QUILLON TRUCKS", "Quillon Trucks AB"),  # case, legal form left out
        ("Quillon Truck", "Quillon Trucks AB"),  # singular
        ("Harrow Energy Storage", "Harrow Energy Storage Ltd."),
        ("Storage Harrow Energy", "Harrow Energy Storage Ltd."),  # word order
        ("Marlow Batteries", "Marlowe Batteries plc"),  # typo
    ],
)
def test_variants_of_a_name_match_it(companies, query, expected):
    found = best(query)

    assert found.record.name == expected
    assert found.match is True


@pytest.mark.parametrize("query", ["Quillon Buses", "Harrow Energy Storage Logistics"])
def test_a_look_alike_adding_a_distinctive_word_is_no_match(companies, query):
    assert best(query).match is False


def test_two_records_of_the_same_name_are_never_a_match(companies):
    found = reconcile({"q": Query("Brightwater Cells Limited", (COMPANY,))})["q"]

    assert {c.record.name for c in found[:2]} == {"Brightwater Cells", "Brightwater Cells Ltd"}
    assert not any(candidate.match for candidate in found)


def test_an_alias_written_as_is_matches_and_a_longer_acronym_does_not(companies):
    found = best("HES")

    assert found.record.name == "Harrow Energy Storage Ltd." and found.match is True
    initials = best("HESL")
    assert initials is None or initials.match is False


def test_drafts_are_never_candidates(companies):
    found = reconcile({"q": Query("Ostrava Cells", (COMPANY,))})["q"]

    assert companies["draft"].pk not in [candidate.record.pk for candidate in found]


def test_a_plant_query_may_add_its_city(db):
    operator = make_company("Marlowe Batteries plc", review_status=VERIFIED)
    make_plant(operator, name="Marlowe Gigafactory One", city="Valmont",
               review_status=VERIFIED)  # fmt: skip
    make_plant(operator, name="Marlowe Gigafactory Two", city="Oberstein",
               review_status=VERIFIED)  # fmt: skip

    found = best("Marlowe One plant Valmont", PLANT)
    other = best("Marlowe Three plant", PLANT)

    assert found.record.name == "Marlowe Gigafactory One" and found.match is True
    assert other.match is False
