"""
`manage.py audit`: every verified record has a basis for every value, no cited passage is one
the statement checker reads as not stating its value, or it fails; it counts how stated values
were confirmed.
"""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from sourcing.models import Citation, Company, Plant, PlantMilestone, ValueBasis

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seed_fixture_loaded):
    """The seed data (loaded once for the module)."""


def audit():
    out = io.StringIO()
    err = io.StringIO()
    try:
        call_command("audit", stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue() + str(error)
    return True, out.getvalue() + err.getvalue()


SUMMARY = re.compile(
    r"53 verified records; (?P<stated>\d+) stated values: (?P<machine>\d+) machine-confirmed, "
    r"(?P<reviewer>\d+) reviewer-confirmed, (?P<cannot_tell>\d+) cannot tell by machine; "
    r"(?P<refuted>\d+) cited passages the machine reads as not stating their value\."
)


def test_audit_passes_on_the_seed_and_counts_how_values_were_confirmed(seeded):
    passed, output = audit()

    assert passed
    first, second = output.strip().splitlines()
    assert first == "All 53 verified records have a basis for every value."
    counts = {name: int(value) for name, value in SUMMARY.fullmatch(second).groupdict().items()}
    assert counts["refuted"] == 0 and counts["reviewer"] == 0
    assert counts["stated"] == counts["machine"] + counts["cannot_tell"]
    # Most stated values are found by the machine in their passages; descriptions, segments and
    # programmes it cannot read.
    assert counts["machine"] > 4 * counts["cannot_tell"] > 0


def test_audit_fails_on_a_passage_cited_for_a_value_it_does_not_state(seeded):
    # The Douai gigafactory's region cited from a passage that names none: read by the checker.
    douai = Plant.objects.get(name="Envision AESC Gigafactory Douai")
    Citation.objects.filter(object_id=douai.pk, field="region").update(
        quote='depuis une autre "gigafactory" située à Douai'
    )
    Plant.objects.filter(pk=douai.pk).update(region="Pas-de-Calais")

    passed, output = audit()

    assert not passed
    assert "Envision AESC Gigafactory Douai" in output and "region = “Pas-de-Calais”" in output
    assert "does not name the region Pas-de-Calais" in output


def test_audit_fails_on_a_verified_value_nobody_states(seeded):
    # A country typed in without a source: no passage gives Saudi Aramco a nationality.
    Company.objects.filter(slug="saudi-aramco").update(country="SA")

    passed, output = audit()

    assert not passed
    assert "Company" in output and "“Saudi Aramco”" in output and "country" in output
    assert "1 of 53 verified records have values without a basis" in output


def test_audit_fails_when_a_general_knowledge_note_is_removed(seeded):
    lg_chem = Company.objects.get(slug="lg-chem")
    ValueBasis.objects.filter(object_id=lg_chem.pk, field="kind").delete()

    passed, output = audit()

    assert not passed and "“LG Chem”" in output and "kind" in output


def test_audit_names_the_row_whose_value_has_no_basis(seeded):
    milestone = PlantMilestone.objects.get(kind="pilot_start")
    milestone.citations.all().delete()

    passed, output = audit()

    assert not passed
    assert "Verkor Innovation Centre (VIC)" in output
    assert "plant milestone “Verkor Innovation Centre (VIC): Pilot line opens 2022”: kind" in output
