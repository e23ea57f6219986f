"""Folding for search: what a person types finds what a source printed, on every database."""

import pytest

from sourcing.models import Agreement, AgreementParty, Article, Company, Plant, PlantAlias
from sourcing.text.search import fold_fields_for_search, fold_for_search

from .factories import make_agreement, make_article, make_company, make_plant

SAMPLES = [
    ("ÉLECTRIQUE", "electrique"),
    ("Ampère", "ampere"),
    ("l’usine d‘Ampère", "l'usine d'ampere"),
    ("« made in France »", '" made in france "'),
    ("Renault–Nissan—Mitsubishi", "renault-nissan-mitsubishi"),
    ("12\u00a0GWh\n\n par  an", "12 gwh par an"),
    ("co\u00adopération", "cooperation"),  # a soft hyphen inside the word
    ("Verkor™ Cells № 1", "verkortm cells no 1"),  # compatibility forms decompose to capitals
    ("İstanbul", "istanbul"),  # folding this capital leaves a combining dot
    ("Straße", "strasse"),
    ("ﬁnance", "finance"),
]


@pytest.mark.parametrize(("text", "folded"), SAMPLES)
def test_folding_ignores_case_accents_typography_and_whitespace(text, folded):
    assert fold_for_search(text) == folded


@pytest.mark.parametrize(("text", "folded"), SAMPLES)
def test_folding_twice_changes_nothing_and_leaves_no_capital(text, folded):
    once = fold_for_search(text)
    assert fold_for_search(once) == once
    assert once == once.lower()


def test_several_fields_fold_onto_separate_lines():
    assert fold_fields_for_search("Le Titre", "", "Un\ncorps") == "le titre\n\nun corps"


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["TM", "verkortm", "No 1", "№ 1", "cells no"])
def test_compatibility_characters_are_found_alike_on_every_database(term):
    company = make_company("Verkor™ Cells № 1")
    plant = make_plant(name="Verkor™ Cells № 1 plant")
    PlantAlias.objects.create(plant=plant, name="Usine № 1")
    article = make_article(title="Verkor™ Cells № 1 opens")
    agreement = make_agreement(title="Supply by Verkor™ Cells № 1")
    partner = make_agreement(title="Unnamed", parties=[(company, AgreementParty.Role.PARTNER)])

    assert list(Company.objects.search(term)) == [company]
    assert list(Plant.objects.search(term)) == [plant]
    assert list(Article.objects.search(term)) == [article]
    assert set(Agreement.objects.search(term)) == {agreement, partner}
