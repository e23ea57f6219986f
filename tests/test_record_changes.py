"""
A change to a part of a curated record (a capacity, a party, a citation...) is a change to the
record, whoever makes it and however: through the ORM as in the shell, a script or a merge, not
only through the admin. A reviewer's change (or the trusted set-up data's) moves the record's
version on and leaves it verified. When the record is published (verified) and the writer may not
verify it, the published record stays as reviewed, its values, rows, version and history
untouched, and the change is held in its pending version (``models/pending.py``), which needs
review, says what it changes and refuses a form opened on the published record as stale.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sourcing.models import (
    AgreementParty,
    Citation,
    CompanyAlias,
    Plant,
    PlantCapacity,
    ReviewStatus,
    StaleRecordError,
    editing_as,
    one_change,
)
from sourcing.models.pending import counterpart, describe_differences, pending_version_of

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


def stored_values(row):
    """Every column of ``row`` as stored (None once deleted)."""
    stored = type(row)._base_manager.filter(pk=row.pk).first()
    if stored is None:
        return None
    return {field.attname: getattr(stored, field.attname) for field in row._meta.concrete_fields}


def as_published(record):
    """What readers are shown of ``record``: its status, version, history and values as stored."""
    record = reloaded(record)
    return record.review_status, record.version, record.history.count(), stored_values(record)


def own_values(row):
    """What an editor set on ``row``: its editable fields but the one naming its record."""
    field = row._meta.get_field(row.parent_field)
    link = getattr(field, "fk_field", None) or field.attname
    return {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if field.editable and not field.primary_key and field.attname != link
    }


def changes_of(pending, name):
    """How the reviewer is told ``pending`` changes rows called ``name``: added, changed..."""
    return [
        line.split(" ", 1)[0]
        for line in describe_differences(pending)
        if line.split(" ", 1)[1].startswith(f"{name} “")
    ]


def pending_of(record):
    """The pending version holding the changes to published ``record`` (must exist)."""
    pending = pending_version_of(reloaded(record))
    assert pending is not None, f"no change of “{record}” is waiting for review"
    assert pending.review_status == NEEDS_REVIEW
    return pending


def assert_a_form_opened_on_the_published_record_is_stale(record, opened_version):
    """Saving the pending version as a form opened at ``opened_version`` would: refused."""
    pending = pending_of(record)
    assert pending.version > opened_version
    pending.expect_version(opened_version)
    pending.notes = "Saved from a form opened on the published record."
    with pytest.raises(StaleRecordError):
        pending.save()


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_saving_a_part_in_the_shell_holds_the_change_in_the_pending_version(make, change, name):
    record, part = make()
    published, part_before = as_published(record), stored_values(part)

    with in_the_shell():
        change(part)

    assert as_published(record) == published
    assert stored_values(part) == part_before
    pending = pending_of(record)
    copy = counterpart(pending, part)
    assert copy.pk != part.pk
    assert own_values(copy) == own_values(part)  # the change, as the shell made it
    assert "changed" in changes_of(pending, name)
    assert_a_form_opened_on_the_published_record_is_stale(record, published[1])


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_deleting_a_part_in_the_shell_deletes_it_from_the_pending_version(make, change, name):
    record, part = make()
    published, part_before = as_published(record), stored_values(part)

    with in_the_shell():
        part.delete()

    assert as_published(record) == published
    assert stored_values(part) == part_before
    pending = pending_of(record)
    assert counterpart(pending, part) is None
    assert "removed" in changes_of(pending, name)
    assert_a_form_opened_on_the_published_record_is_stale(record, published[1])


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_deleting_parts_in_bulk_is_refused_and_keeps_the_published_rows(make, change, name):
    # QuerySet.delete() calls no delete(): it may not remove what readers see without review.
    record, part = make()
    published, part_before = as_published(record), stored_values(part)

    # Refused inside QuerySet.delete()'s own transaction: a savepoint keeps the test's usable.
    with in_the_shell(), pytest.raises(ValidationError, match="one by one"), transaction.atomic():
        type(part).objects.filter(pk=part.pk).delete()

    assert stored_values(part) == part_before
    assert as_published(record) == published


@pytest.mark.parametrize("make, change, name", PART_CASES, ids=PART_IDS)
def test_adding_a_part_in_the_shell_adds_it_to_the_pending_version(make, change, name):
    record, part = make()
    published = as_published(record)
    rows_before = list(type(part)._base_manager.values_list("pk", flat=True))
    part.pk, part.id, part._state.adding = None, None, True
    if isinstance(part, AgreementParty):
        part.company = make_company("Renault Group")
    if isinstance(part, Citation):
        part.quote = "12 GWh of batteries each year"

    with in_the_shell():
        part.save()

    assert as_published(record) == published
    pending = pending_of(record)
    assert part.pk not in rows_before
    assert part.parent_row() == pending
    assert "added" in changes_of(pending, name)
    assert_a_form_opened_on_the_published_record_is_stale(record, published[1])


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
def test_an_editors_change_of_a_part_waits_for_review_in_the_pending_version(make, change, name):
    record, part = make()
    published, part_before = as_published(record), stored_values(part)
    with editing_as(make_user("edith", "Editors")):
        change(part)
    assert as_published(record) == published
    assert stored_values(part) == part_before
    assert own_values(counterpart(pending_of(record), part)) == own_values(part)


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


def test_the_record_held_in_memory_stays_published_and_its_next_change_joins_its_parts():
    plant, capacity = verified_plant_with_capacity()
    capacity.plant = plant
    with in_the_shell():
        change_capacity(capacity)
        assert (plant.review_status, plant.version) == (VERIFIED, reloaded(plant).version)
        plant.city = "Dunkirk"
        plant.save()  # not refused as stale: the published record did not move on
    assert reloaded(plant).city == ""
    pending = pending_of(plant)
    assert pending.city == "Dunkirk"
    assert counterpart(pending, capacity).gwh_per_year == 20
    assert Plant._base_manager.filter(pending_of=plant.pk).count() == 1


def test_a_citation_of_a_capacity_moves_on_the_capacity_and_its_plant():
    plant, capacity = verified_plant_with_capacity()
    plant_version, capacity_version = reloaded(plant).version, capacity.version

    cite(capacity, make_article(), "Verkor will supply Renault Group")  # as reviewed data

    assert reloaded(capacity).version == capacity_version + 1
    plant = reloaded(plant)
    assert (plant.review_status, plant.version) == (VERIFIED, plant_version + 1)


def test_an_alias_moved_to_another_company_is_a_pending_change_of_both():
    renault = make_company("Renault Group", review_status=VERIFIED)
    ampere = make_company("Ampère", aliases=["le Losange"], review_status=VERIFIED)
    alias = CompanyAlias.objects.get()
    published = as_published(renault), as_published(ampere), stored_values(alias)

    alias.company = renault
    with in_the_shell():
        alias.save()

    assert (as_published(renault), as_published(ampere), stored_values(alias)) == published
    assert "removed" in changes_of(pending_of(ampere), "company alias")
    assert "added" in changes_of(pending_of(renault), "company alias")


def test_deleting_a_record_does_not_record_the_deletion_of_its_parts_in_it():
    plant, capacity = verified_plant_with_capacity()
    entries, pk = plant.history.count(), plant.pk
    with in_the_shell():
        plant.delete()
    history = type(plant).history.filter(id=pk)
    assert history.count() == entries + 1  # the deletion, nothing before it
    assert history.first().history_type == "-"


def test_changing_a_verified_record_itself_in_the_shell_holds_the_change_for_review():
    company = make_company("Verkor", review_status=VERIFIED)
    company = reloaded(company)
    with in_the_shell():
        company.save()
        assert pending_version_of(company) is None  # saved unchanged: nothing to review
        published = as_published(company)
        company.description = "French cell maker."
        company.save()
    assert as_published(company) == published
    pending = pending_of(company)
    assert pending.description == "French cell maker."
    assert pending.history.count() == 1  # the change, on the pending version's own history
    assert describe_differences(pending) == ["description: “” → “French cell maker.”"]
    assert_a_form_opened_on_the_published_record_is_stale(company, published[1])


def test_a_reviewer_changing_a_verified_record_keeps_it_verified():
    company = reloaded(make_company("Verkor", review_status=VERIFIED))
    with editing_as(make_user("rita", "Reviewers")):
        company.description = "French cell maker."
        company.save()
    assert reloaded(company).review_status == VERIFIED


def test_one_change_moves_each_row_on_once():
    plant, capacity = verified_plant_with_capacity()
    version = reloaded(plant).version
    with editing_as(make_user("rita", "Reviewers")), one_change():
        plant = reloaded(plant)
        plant.city = "Dunkirk"
        plant.save()
        change_capacity(capacity)
        PlantCapacity.objects.create(plant=plant, gwh_per_year=50, year=2030)
    plant = reloaded(plant)
    assert plant.version == version + 1
    assert plant.history.count() == 2  # created, then this one change


def test_one_held_back_change_moves_the_pending_version_on_once():
    plant, capacity = verified_plant_with_capacity()
    published = as_published(plant)
    with in_the_shell(), one_change():
        plant = reloaded(plant)
        plant.city = "Dunkirk"
        plant.save()
        change_capacity(capacity)
        PlantCapacity.objects.create(plant=plant, gwh_per_year=50, year=2030)
    assert as_published(plant) == published
    pending = pending_of(plant)
    # Made at the published version + 1, then moved on once by this change.
    assert pending.version == published[1] + 2
    assert pending.history.count() == 1
    assert sorted(pending.capacities.values_list("gwh_per_year", flat=True)) == [20, 50]


def test_a_save_expecting_an_older_version_is_refused_and_writes_nothing():
    company = reloaded(make_company("Verkor"))
    type(company).objects.filter(pk=company.pk).update(version=5)
    company.description = "Overwrite attempt."
    company.expect_version(1)
    with pytest.raises(StaleRecordError, match="since you opened it"):
        company.save()
    company = reloaded(company)
    assert (company.description, company.version) == ("", 5)


def updates_of(table, queries, pk=None):
    """The UPDATEs of ``table`` (of its row ``pk`` only, if given) among ``queries``."""
    return [
        q["sql"]
        for q in queries
        if re.match(rf'UPDATE "?{table}"? ', q["sql"])
        and (pk is None or re.search(rf'"{table}"\."id" = {pk}\b', q["sql"]))
    ]


def moves_on(updates):
    """The UPDATEs among ``updates`` that move a row's version on (not bookkeeping)."""
    return [sql for sql in updates if '"version" = ' in sql]


def test_an_admin_save_with_inline_changes_writes_the_pending_version_once(client):
    """
    An editor's save of a published company with inline changes: the published row is not
    written; the version check, the record's fields and its parts' changes move the pending
    version on in one UPDATE (besides noting, when it is made, which row copies which).
    """
    company = make_company("Verkor", aliases=["Verkor SAS"], review_status=VERIFIED)
    published = as_published(company)
    aliases = sorted(company.aliases.values_list("name", flat=True))
    client_for(client, make_user("edith", "Editors"))
    data = changeform_data(client.get(change_url(company)))
    data["description"] = "French cell maker."
    data["aliases-0-name"] = "Verkor S.A.S."
    data["aliases-1-name"] = "Verkor Group"

    with CaptureQueriesContext(connection) as queries:
        assert client.post(change_url(company), data).status_code == 302

    assert as_published(company) == published
    assert sorted(reloaded(company).aliases.values_list("name", flat=True)) == aliases
    pending = pending_of(company)
    assert updates_of("sourcing_company", queries.captured_queries, company.pk) == []
    pending_updates = updates_of("sourcing_company", queries.captured_queries, pending.pk)
    assert len(moves_on(pending_updates)) == 1
    # Made at the published version + 1, then moved on once by this save.
    assert pending.version == published[1] + 2
    assert pending.description == "French cell maker."
    assert sorted(pending.aliases.values_list("name", flat=True)) == [
        "Verkor Group",
        "Verkor S.A.S.",
    ]


def test_an_admin_save_of_a_part_page_writes_the_pending_version_once(client):
    plant, capacity = verified_plant_with_capacity()
    published, capacity_before = as_published(plant), stored_values(capacity)
    client_for(client, make_user("edith", "Editors"))
    data = changeform_data(client.get(change_url(capacity)))
    data["gwh_per_year"] = "20"
    prefix = "sourcing-citation-content_type-object_id-0"
    data[f"{prefix}-article"] = str(make_article().pk)
    data[f"{prefix}-quote"] = "12 GWh of batteries each year"

    with CaptureQueriesContext(connection) as queries:
        assert client.post(change_url(capacity), data).status_code == 302

    assert (as_published(plant), stored_values(capacity)) == (published, capacity_before)
    assert not Citation.objects.for_record(capacity).exists()
    pending = pending_of(plant)
    copy = counterpart(pending, capacity)
    captured = queries.captured_queries
    assert updates_of("sourcing_plant", captured, plant.pk) == []
    assert updates_of("sourcing_plantcapacity", captured, capacity.pk) == []
    assert len(moves_on(updates_of("sourcing_plant", captured, pending.pk))) == 1
    assert len(updates_of("sourcing_plantcapacity", captured, copy.pk)) == 1
    assert pending.version == published[1] + 2
    assert copy.gwh_per_year == 20
    assert [c.quote for c in Citation.objects.for_record(copy)] == ["12 GWh of batteries each year"]


def test_a_stale_copy_saved_after_a_part_changed_neither_publishes_nor_drops_the_change():
    plant, capacity = verified_plant_with_capacity()
    copy = reloaded(plant)  # loaded before the change of its capacity, as a merge would hold it
    with in_the_shell():
        change_capacity(capacity)
        copy.save()
    assert reloaded(plant).review_status == VERIFIED
    assert reloaded(capacity).gwh_per_year == 16
    assert counterpart(pending_of(plant), capacity).gwh_per_year == 20


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


def test_the_pending_version_of_an_agreement_holds_each_of_its_parties_once():
    agreement, party = verified_agreement_with_party()
    with in_the_shell():
        change_party(party)
    pending = pending_of(agreement)
    assert list(pending.parties.values_list("company__name", "role")) == [("Verkor", "partner")]
    assert describe_differences(pending) == [
        "changed agreement party “Verkor (supplier)”: role “Supplier” → “Partner”"
    ]
