"""
Reviewers confirm what the statement checker cannot tell, and override with a note what it reads
as not stated: who and when are kept, readers see "checked": "reviewer", a changed value is
unconfirmed again, and only reviewers may confirm.
"""

import csv
import io
import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from sourcing.models import (
    Company,
    Plant,
    ProvenanceIndex,
    ValueConfirmation,
    editing_as,
)
from sourcing.models.review import confirm, confirm_all

from .factories import (
    VERIFIED,
    change_url,
    cite,
    make_article,
    make_company,
    make_plant,
    make_user,
)

pytestmark = pytest.mark.django_db

# A description the checker cannot read in any passage: only a reviewer can confirm it.
DESCRIPTION = "A battery maker founded in Grenoble."
# A passage about supplying batteries that mentions no cells: not a cell gigafactory.
NO_CELLS = "Verkor will supply Renault Group"


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def reviewer():
    return make_user("rita", "Reviewers")


@pytest.fixture
def editor():
    return make_user("ed", "Editors")


def described_company(article, **fields):
    """A company whose name a passage prints and whose description only a reader can judge."""
    company = make_company(
        "Verkor", kind=Company.Kind.NOT_STATED, country="", description=DESCRIPTION, **fields
    )
    cite(company, article, "Verkor", field="name")
    cite(company, article, "Renault Group and Verkor have entered", field="description")
    return company


def gigafactory_cited_without_cells(article, **fields):
    """A plant whose kind (cell gigafactory) is cited from a passage that names no cells."""
    plant = make_plant(country="", status=Plant.Status.NOT_STATED, **fields)
    cite(plant, article, NO_CELLS, field="kind")
    return plant


def provenance(record, name):
    return ProvenanceIndex([record]).of(record)[name]


def test_a_reviewer_confirms_what_the_machine_cannot_tell_and_who_and_when_are_kept(
    article, reviewer
):
    company = described_company(article, review_status=VERIFIED)
    assert provenance(company, "description").checked is None
    before = timezone.now()

    with editing_as(reviewer):
        confirm(company, "description")

    stored = ValueConfirmation.objects.get(object_id=company.pk, field="description")
    assert stored.confirmed_by == reviewer and stored.confirmed_at >= before
    shown = APIClient().get(f"/api/v1/companies/{company.pk}/").json()["provenance"]
    assert shown["description"]["checked"] == "reviewer"
    assert shown["name"]["checked"] == "machine"  # the machine's own confirmation is kept


def test_a_changed_value_is_unconfirmed_until_confirmed_again(article, reviewer):
    company = described_company(article)
    with editing_as(reviewer):
        confirm(company, "description")
        company.description = "A battery maker founded in Lyon."
        company.save()
        company.refresh_from_db()

        assert provenance(company, "description").checked is None

        confirm(company, "description")
    assert provenance(company, "description").checked == "reviewer"


def test_the_api_csv_and_export_say_a_reviewer_confirmed(article, reviewer):
    company = described_company(article, review_status=VERIFIED)
    with editing_as(reviewer):
        confirm(company, "description", note="Read in the founders' interview.")

    response = APIClient().get("/api/v1/companies/", {"format": "csv"})
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    streamed = APIClient().get("/api/v1/export/companies/").streaming_content
    (exported,) = [json.loads(line) for line in b"".join(streamed).decode().splitlines()]

    assert "description: stated" in row["provenance"]
    assert (
        "checked by reviewer (reviewer's note: Read in the founders' interview.)"
        in (row["provenance"])
    )
    assert exported["provenance"]["description"]["checked"] == "reviewer"
    assert exported["provenance"]["description"]["confirmation_note"] == (
        "Read in the founders' interview."
    )


def test_a_value_the_machine_reads_as_not_stated_blocks_verification(article, reviewer):
    plant = gigafactory_cited_without_cells(article)

    plant.review_status = VERIFIED
    with editing_as(reviewer), pytest.raises(ValidationError) as refused:
        plant.save()

    message = " ".join(refused.value.messages)
    assert "kind = “Cell gigafactory”" in message  # the value
    assert f"“{NO_CELLS}”" in message  # the passage
    assert "no cells" in message  # the checker's reason
    plant.refresh_from_db()
    assert plant.review_status != VERIFIED


def test_an_override_needs_a_note_and_then_lets_verification_through(article, reviewer):
    plant = gigafactory_cited_without_cells(article)

    with editing_as(reviewer):
        with pytest.raises(ValidationError) as refused:
            confirm(plant, "kind", note="   ")
        assert "say in a note why the value stands" in " ".join(refused.value.messages)
        assert not ValueConfirmation.objects.exists()

        confirm(plant, "kind", note="The operator's site says it makes cells.")
        plant.refresh_from_db()
        plant.review_status = VERIFIED
        plant.save()

    plant.refresh_from_db()
    assert plant.review_status == VERIFIED
    shown = APIClient().get(f"/api/v1/plants/{plant.pk}/").json()["provenance"]["kind"]
    assert shown["checked"] == "reviewer"
    assert shown["confirmation_note"] == "The operator's site says it makes cells."


def test_a_confirmation_without_a_note_does_not_override_a_later_not_stated(article, reviewer):
    plant = make_plant(country="", status=Plant.Status.NOT_STATED, kind=Plant.Kind.OTHER)
    cite(plant, article, "Renault Group and Verkor", field="kind")
    with editing_as(reviewer):
        confirm(plant, "kind")  # "other": the machine cannot tell
        plant.kind = Plant.Kind.CELL_GIGAFACTORY
        plant.save()
        plant.refresh_from_db()

        # The new value is not the one confirmed, and the machine reads it as not stated.
        assert provenance(plant, "kind").blocking
        plant.review_status = VERIFIED
        with pytest.raises(ValidationError):
            plant.save()


def test_an_editor_cannot_confirm(article, editor):
    company = described_company(article)
    plant = gigafactory_cited_without_cells(article)

    with editing_as(editor):
        with pytest.raises(PermissionDenied):
            confirm(company, "description")
        with pytest.raises(PermissionDenied):
            confirm(plant, "kind", note="I am sure.")
        with pytest.raises(PermissionDenied):
            confirm_all(company)

    assert not ValueConfirmation.objects.exists()


def test_only_stated_values_the_machine_does_not_confirm_may_be_confirmed(article, reviewer):
    company = described_company(article)
    with editing_as(reviewer):
        with pytest.raises(ValidationError, match="already confirmed by the machine"):
            confirm(company, "name")
        company.description = ""
        company.country = "FR"
        company.save()
        with pytest.raises(ValidationError, match="not stated by a cited passage"):
            confirm(company, "country")


def test_confirming_a_whole_record_confirms_each_value_the_machine_cannot_tell(article, reviewer):
    company = described_company(article)
    plant = gigafactory_cited_without_cells(article)

    with editing_as(reviewer):
        assert confirm_all(company) == ["description"]
        assert confirm_all(plant) == []  # a "not stated" needs an override with a note

    assert provenance(company, "description").checked == "reviewer"
    assert provenance(company, "name").checked == "machine"
    assert provenance(plant, "kind").checked is None


SUMMARY = re.compile(r"(\d+) machine-confirmed, (\d+) reviewer-confirmed, (\d+) cannot tell")


def test_audit_counts_reviewer_confirmed_values_and_accepts_overrides(article, reviewer):
    described_company(article, review_status=VERIFIED)
    gigafactory_cited_without_cells(article, review_status=VERIFIED)
    company, plant = Company.objects.get(), Plant.objects.get()

    with pytest.raises(Exception, match="1 cited passages do not state their value"):
        call_command("audit", stdout=io.StringIO(), stderr=io.StringIO())

    with editing_as(reviewer):
        confirm(company, "description")
        confirm(plant, "kind", note="The operator's site says it makes cells.")
    out = io.StringIO()
    call_command("audit", stdout=out, stderr=io.StringIO())

    machine, reviewed, cannot_tell = SUMMARY.search(out.getvalue()).groups()
    assert (machine, reviewed, cannot_tell) == ("1", "2", "0")


# -- The change page ------------------------------------------------------------------------------


def confirm_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_confirm_values", args=[record.pk])


def value_key(record, name):
    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}:{name}"


def test_the_change_page_shows_each_stated_value_with_its_badge_and_reason(
    client, article, reviewer
):
    company = described_company(article)
    plant = gigafactory_cited_without_cells(article)
    client.force_login(reviewer)

    company_page = client.get(change_url(company)).content.decode()
    plant_page = client.get(change_url(plant)).content.decode()

    assert "value-badge-machine" in company_page and "machine-confirmed" in company_page
    assert "value-badge-cannot-tell" in company_page
    assert f'name="confirm" value="{value_key(company, "description")}"' in company_page
    assert "Confirm every value the machine cannot tell" in company_page
    assert "value-badge-not-stated" in plant_page and "no cells" in plant_page
    assert f'name="note:{value_key(plant, "kind")}"' in plant_page


def test_a_reviewer_confirms_in_one_click_and_overrides_with_a_note(client, article, reviewer):
    company = described_company(article)
    plant = gigafactory_cited_without_cells(article)
    client.force_login(reviewer)

    client.post(
        confirm_url(company),
        {"confirm": value_key(company, "description")},
    )
    refused = client.post(confirm_url(plant), {"confirm": value_key(plant, "kind")}, follow=True)
    client.post(
        confirm_url(plant),
        {"confirm": value_key(plant, "kind"), f"note:{value_key(plant, 'kind')}": "Makes cells."},
    )

    assert "say in a note why the value stands" in refused.content.decode()
    assert provenance(company, "description").checked == "reviewer"
    assert provenance(plant, "kind").confirmation_note == "Makes cells."
    page = client.get(change_url(company)).content.decode()
    assert "reviewer-confirmed" in page and "confirmed by rita" in page


def test_a_reviewer_confirms_all_of_a_records_values_at_once(client, article, reviewer):
    company = described_company(article)
    client.force_login(reviewer)

    client.post(confirm_url(company), {"confirm_all": "1"})

    assert provenance(company, "description").checked == "reviewer"


def test_an_editor_sees_no_confirm_button_and_cannot_post_one(client, article, editor):
    company = described_company(article)
    client.force_login(editor)

    page = client.get(change_url(company)).content.decode()
    response = client.post(confirm_url(company), {"confirm": value_key(company, "description")})

    assert "value-badge-cannot-tell" in page and 'name="confirm"' not in page
    assert response.status_code == 403
    assert not ValueConfirmation.objects.exists()


def test_a_confirm_button_naming_no_value_of_the_record_is_a_message(client, article, reviewer):
    company = described_company(article)
    client.force_login(reviewer)

    response = client.post(confirm_url(company), {"confirm": "1:999:name"}, follow=True)

    assert response.status_code == 200
    assert "No such value on this record" in response.content.decode()


def test_a_confirmation_posted_to_a_missing_record_is_not_found(client, reviewer):
    client.force_login(reviewer)

    response = client.post("/admin/sourcing/company/999999/confirm-values/", {"confirm_all": "1"})

    assert response.status_code == 404


def test_deleting_a_record_deletes_the_confirmations_of_its_values(article, reviewer):
    company = described_company(article)
    with editing_as(reviewer):
        confirm(company, "description")

    company.delete()

    assert not ValueConfirmation.objects.exists()
