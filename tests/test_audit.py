"""`manage.py audit`: every verified record has a basis for every value, or it fails."""

import io

import pytest
from django.core.management import CommandError, call_command

from sourcing.models import Company, PlantMilestone, ValueBasis

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


def test_audit_passes_on_the_seed_with_one_summary_line(seeded):
    passed, output = audit()

    assert passed
    assert output.strip().splitlines() == ["All 53 verified records have a basis for every value."]


def test_audit_fails_on_a_verified_value_nobody_states(seeded):
    # A country typed in without a source: no passage gives Saudi Aramco a nationality.
    Company.objects.filter(slug="saudi-aramco").update(country="SA")

    passed, output = audit()

    assert not passed
    assert "Company" in output and "“Saudi Aramco”" in output and "country" in output
    assert "1 of 53 verified records have values without a basis." in output


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
