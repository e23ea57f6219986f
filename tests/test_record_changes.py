"""
A change to a part of a curated record (a capacity, a party, a citation...) is a change to the
record, whoever makes it and however: through the ORM as in the shell, a script or a merge, not
only through the admin. The record's version moves on and, when it was verified and the writer
may not verify, it goes back to review with a history entry naming the part.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sourcing.models import (
    AgreementParty,
    Citation,
    CompanyAlias,
    PlantCapacity,
    ReviewStatus,
    StaleRecordError,
    editing_as,
    one_change,
)

from .factories import (
    change_url,
    changeform_data,
    cite,
    client_for,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_user,
)

pytestmark = pytest.mark.django_db


def in_the_shell():
    """Changes by nobody known: the shell, a script (set-up data is the seed's, see conftest)."""
    return editing_as(None)


VERIFIED, NEEDS_REVIEW = ReviewStatus.VERIFIED, ReviewStatus.NEEDS_REVIEW


def verified_plant_with_capacity():
    plant = make_plant(review_status=VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    return plant, PlantCapacity.objects.get(pk=capacity.pk)


def verified_agreement_with_party():
    agreement = make_agreement(
        parties=[(make_company("Verkor"), AgreementParty.Role.SUPPLIER)], review_status=VERIFIED
    )
    return agreement, agreement.parties.get()


def verified_company_with_citation():
    company = make_company("Verkor", review_status=VERIFIED)
    citation = cite(company, make_article(), "Verkor will supply Renault Group")
    return company, Citation.objects.get(pk=citation.pk)


def change_capacity(capacity):
    capacity.gwh_per_year = 20
    capacity.save()


def change_party(party):
    party.role = AgreementParty.Role.PARTNER
    party.save()


def change_citation(citation):
    citation.quote = "12 GWh of batteries each year"
    citation.save()


# (what the part is, a verified record with one such part, a change of the part, its name)
PARTS = [
    ("capacity", verified_plant_with_capacity, change_capacity, "plant capacity"),
    ("party", verified_agreement_with_party, change_party, "agreement party"),
    ("citation", verified_company_with_citation, change_citation, "citation"),
]
PART_IDS = [case[0] for case in PARTS]
PART_CASES = [case[1:] for case in PARTS]


def reloaded(record):
    return type(record).objects.get(pk=record.pk)


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_saving_a_part_in_the_shell_sends_its_verified_record_back_to_review(make, change, name):
    record, part = make()
    version = reloaded(record).version

    with in_the_shell():
        change(part)

    record = reloaded(record)
    assert record.review_status == NEEDS_REVIEW
    assert record.version == version + 1
    assert record.history.first().history_change_reason.startswith(f"Changed {name} “")


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_deleting_a_part_in_the_shell_sends_its_verified_record_back_to_review(make, change, name):
    record, part = make()
    version = reloaded(record).version

    with in_the_shell():
        part.delete()

    record = reloaded(record)
    assert record.review_status == NEEDS_REVIEW
    assert record.version == version + 1
    assert record.history.first().history_change_reason.startswith(f"Deleted {name} “")


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_deleting_parts_in_bulk_counts_too(make, change, name):
    record, part = make()
    with in_the_shell():
        type(part).objects.filter(pk=part.pk).delete()
    assert reloaded(record).review_status == NEEDS_REVIEW


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_adding_a_part_in_the_shell_sends_its_verified_record_back_to_review(make, change, name):
    record, part = make()
    version = reloaded(record).version
    part.pk, part.id, part._state.adding = None, None, True
    if isinstance(part, AgreementParty):
        part.company = make_company("Renault Group")
    if isinstance(part, Citation):
        part.quote = "12 GWh of batteries each year"

    with in_the_shell():
        part.save()

    record = reloaded(record)
    assert record.review_status == NEEDS_REVIEW
    assert record.version == version + 1
    assert record.history.first().history_change_reason.startswith(f"Added {name} “")


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_a_reviewer_changing_a_part_keeps_the_record_verified(make, change, name):
    record, part = make()
    version = reloaded(record).version
    history = record.history.count()

    with editing_as(make_user("rita", "Reviewers")):
        change(part)

    record = reloaded(record)
    assert record.review_status == VERIFIED
    assert record.version == version + 1  # forms opened on the record's page are stale anyway
    assert record.history.count() == history


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_an_editor_changing_a_part_sends_the_record_back_to_review(make, change, name):
    record, part = make()
    with editing_as(make_user("edith", "Editors")):
        change(part)
    assert reloaded(record).review_status == NEEDS_REVIEW


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_the_trusted_writer_keeps_the_record_verified(make, change, name):
    record, part = make()
    version = reloaded(record).version

    with editing_as(None, trusted=True):
        change(part)
        part.delete()

    record = reloaded(record)
    assert record.review_status == VERIFIED
    assert record.version == version + 2


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_saving_a_part_unchanged_changes_nothing_above_it(make, change, name):
    record, part = make()
    version = reloaded(record).version
    with in_the_shell():
        part.save()
    record = reloaded(record)
    assert (record.review_status, record.version) == (VERIFIED, version)


def test_the_record_held_in_memory_follows_the_change_of_its_part():
    plant, capacity = verified_plant_with_capacity()
    capacity.plant = plant
    with in_the_shell():
        change_capacity(capacity)
    assert (plant.review_status, plant.version) == (NEEDS_REVIEW, reloaded(plant).version)


def test_a_citation_of_a_capacity_moves_on_the_capacity_and_its_plant():
    plant, capacity = verified_plant_with_capacity()
    plant_version, capacity_version = reloaded(plant).version, capacity.version

    cite(capacity, make_article(), "Verkor will supply Renault Group")  # as reviewed data

    assert reloaded(capacity).version == capacity_version + 1
    plant = reloaded(plant)
    assert (plant.review_status, plant.version) == (VERIFIED, plant_version + 1)


def test_an_alias_moved_to_another_company_changes_both():
    renault = make_company("Renault Group", review_status=VERIFIED)
    ampere = make_company("Ampère", aliases=["le Losange"], review_status=VERIFIED)
    alias = CompanyAlias.objects.get()

    alias.company = renault
    with in_the_shell():
        alias.save()

    assert reloaded(renault).review_status == NEEDS_REVIEW
    assert reloaded(ampere).review_status == NEEDS_REVIEW


def test_deleting_a_record_does_not_record_the_deletion_of_its_parts_in_it():
    plant, capacity = verified_plant_with_capacity()
    entries, pk = plant.history.count(), plant.pk
    with in_the_shell():
        plant.delete()
    history = type(plant).history.filter(id=pk)
    assert history.count() == entries + 1  # the deletion, nothing before it
    assert history.first().history_type == "-"


def test_changing_a_verified_record_itself_in_the_shell_sends_it_back_to_review():
    company = make_company("Verkor", review_status=VERIFIED)
    company = reloaded(company)
    with in_the_shell():
        company.save()
        assert reloaded(company).review_status == VERIFIED  # saved unchanged
        company.description = "French cell maker."
        company.save()
    assert reloaded(company).review_status == NEEDS_REVIEW


def test_a_reviewer_changing_a_verified_record_keeps_it_verified():
    company = reloaded(make_company("Verkor", review_status=VERIFIED))
    with editing_as(make_user("rita", "Reviewers")):
        company.description = "French cell maker."
        company.save()
    assert reloaded(company).review_status == VERIFIED


def test_one_change_moves_each_row_on_once():
    plant, capacity = verified_plant_with_capacity()
    version = reloaded(plant).version
    with in_the_shell(), one_change():
        plant = reloaded(plant)
        plant.city = "Dunkirk"
        plant.save()
        change_capacity(capacity)
        PlantCapacity.objects.create(plant=plant, gwh_per_year=50, year=2030)
    plant = reloaded(plant)
    assert plant.version == version + 1
    assert plant.history.count() == 2  # created, then this one change


def test_a_save_expecting_an_older_version_is_refused_and_writes_nothing():
    company = reloaded(make_company("Verkor"))
    type(company).objects.filter(pk=company.pk).update(version=5)
    company.description = "Overwrite attempt."
    company.expect_version(1)
    with pytest.raises(StaleRecordError, match="since you opened it"):
        company.save()
    company = reloaded(company)
    assert (company.description, company.version) == ("", 5)


def updates_of(table, queries):
    return [q["sql"] for q in queries if re.match(rf'UPDATE "?{table}"? ', q["sql"])]


def test_an_admin_save_with_inline_changes_writes_the_record_once(client):
    """The version check, the record's fields and its parts' changes: one UPDATE of the record."""
    company = make_company("Verkor", aliases=["Verkor SAS"], review_status=VERIFIED)
    version = reloaded(company).version
    client_for(client, make_user("edith", "Editors"))
    data = changeform_data(client.get(change_url(company)))
    data["description"] = "French cell maker."
    data["aliases-0-name"] = "Verkor S.A.S."
    data["aliases-1-name"] = "Verkor Group"

    with CaptureQueriesContext(connection) as queries:
        assert client.post(change_url(company), data).status_code == 302

    assert len(updates_of("sourcing_company", queries.captured_queries)) == 1
    company = reloaded(company)
    assert (company.review_status, company.version) == (NEEDS_REVIEW, version + 1)
    assert sorted(company.aliases.values_list("name", flat=True)) == [
        "Verkor Group",
        "Verkor S.A.S.",
    ]


def test_an_admin_save_of_a_part_page_writes_its_record_once(client):
    plant, capacity = verified_plant_with_capacity()
    version = reloaded(plant).version
    client_for(client, make_user("edith", "Editors"))
    data = changeform_data(client.get(change_url(capacity)))
    data["gwh_per_year"] = "20"
    prefix = "sourcing-citation-content_type-object_id-0"
    data[f"{prefix}-article"] = str(make_article().pk)
    data[f"{prefix}-quote"] = "12 GWh of batteries each year"

    with CaptureQueriesContext(connection) as queries:
        assert client.post(change_url(capacity), data).status_code == 302

    assert len(updates_of("sourcing_plant", queries.captured_queries)) == 1
    assert len(updates_of("sourcing_plantcapacity", queries.captured_queries)) == 1
    plant = reloaded(plant)
    assert (plant.review_status, plant.version) == (NEEDS_REVIEW, version + 1)


def test_a_stale_copy_saved_after_a_part_changed_does_not_make_the_record_verified_again():
    plant, capacity = verified_plant_with_capacity()
    copy = reloaded(plant)  # loaded before the change of its capacity, as a merge would hold it
    with in_the_shell():
        change_capacity(capacity)
        copy.save()
    assert reloaded(plant).review_status == NEEDS_REVIEW


@pytest.mark.parametrize("writer", ["shell", "editor"])
def test_only_a_reviewer_or_the_trusted_writer_makes_a_record_verified(writer):
    draft = reloaded(make_company("Verkor"))
    user = make_user("edith", "Editors") if writer == "editor" else None
    with editing_as(user):
        created = make_company("Renault Group", review_status=VERIFIED)
        draft.review_status = VERIFIED
        draft.save()
    assert reloaded(created).review_status == NEEDS_REVIEW
    assert reloaded(draft).review_status == NEEDS_REVIEW
    # A passage that states its values, or nobody may verify it.
    passage = "Verkor, a French carmaker, opened a plant."
    cite(draft, make_article(body=passage), passage)
    with editing_as(make_user("rita", "Reviewers")):
        draft = reloaded(draft)
        draft.review_status = VERIFIED
        draft.save()
    assert reloaded(draft).review_status == VERIFIED
