"""
Published stays published at its edges (issue 23), each found by a review: merges naming
records whose change would wait, a part deleted and added again, a part moved with its
citations, a part's own page, reviewers' direct writes while a change awaits review, the
suggestions' name index, a citation of a part the pending change deleted.
"""

import pytest
from django.core.exceptions import ValidationError

from sourcing.merging import merge_companies
from sourcing.models import (
    AgreementParty,
    Citation,
    Company,
    CompanyAlias,
    Plant,
    PlantCapacity,
    ReviewStatus,
    editing_as,
)
from sourcing.models.pending import pending_version_of, publish

from .factories import (
    cite,
    make_agreement,
    make_article,
    make_company,
    make_editorial_groups,
    make_plant,
    make_user,
)
from .test_published_stays_published import noted

pytestmark = pytest.mark.django_db
VERIFIED = ReviewStatus.VERIFIED


@pytest.fixture
def editor():
    make_editorial_groups()
    return make_user("rv-editor", "Editors")


@pytest.fixture
def reviewer():
    make_editorial_groups()
    return make_user("rv-reviewer", "Reviewers")


def test_merge_of_a_duplicate_operating_a_verified_plant_by_an_editor(editor):
    kept = make_company("Verkor", review_status=VERIFIED)
    duplicate = make_company("Verkor SAS")
    plant = make_plant(operator=duplicate, review_status=VERIFIED)
    with editing_as(editor), pytest.raises(ValidationError, match="a reviewer merges it"):
        merge_companies(duplicate, kept, user=editor, needs_review=True)
    assert Company.objects.filter(pk=duplicate.pk).exists()  # nothing was merged
    assert Plant.objects.get(pk=plant.pk).operator_id == duplicate.pk


def test_merge_of_a_duplicate_party_to_a_verified_agreement_by_an_editor(editor):
    kept = make_company("Verkor", review_status=VERIFIED)
    duplicate = make_company("Verkor SAS")
    agreement = make_agreement(
        parties=[(duplicate, AgreementParty.Role.SUPPLIER)], review_status=VERIFIED
    )
    with editing_as(editor), pytest.raises(ValidationError, match="a reviewer merges it"):
        merge_companies(duplicate, kept, user=editor, needs_review=True)
    assert Company.objects.filter(pk=duplicate.pk).exists()  # nothing was merged
    assert agreement.parties.get().company_id == duplicate.pk


def test_merge_of_a_duplicate_parent_of_a_verified_company_by_an_editor(editor):
    kept = make_company("Verkor", review_status=VERIFIED)
    duplicate = make_company("Verkor SAS")
    child = make_company("Verkor Dunkirk", parent=duplicate, review_status=VERIFIED)
    with editing_as(editor), pytest.raises(ValidationError, match="a reviewer merges it"):
        merge_companies(duplicate, kept, user=editor, needs_review=True)
    assert Company.objects.filter(pk=duplicate.pk).exists()  # nothing was merged
    # Readers' published child keeps its parent: no SET_NULL behind the reviewers' back.
    assert Company.objects.get(pk=child.pk).parent_id == duplicate.pk


def test_merge_when_an_unrelated_pending_plant_names_the_duplicate(editor):
    kept = make_company("Verkor", review_status=VERIFIED)
    duplicate = make_company("Verkor SAS")
    plant = make_plant(operator=duplicate, review_status=VERIFIED)
    with editing_as(editor):
        plant.city = "Dunkirk"
        plant.save()
    assert pending_version_of(plant).operator_id == duplicate.pk
    with editing_as(editor), pytest.raises(ValidationError, match="a reviewer merges it"):
        merge_companies(duplicate, kept, user=editor, needs_review=True)
    assert Company.objects.filter(pk=duplicate.pk).exists()  # nothing was merged


def test_publish_after_an_alias_deleted_and_added_again(editor, reviewer):
    company = make_company("Verkor", review_status=VERIFIED)
    alias = CompanyAlias.objects.create(company=company, name="Verkor SAS")
    noted(company)
    noted(alias)
    with editing_as(editor):
        CompanyAlias.objects.get(pk=alias.pk).delete()
        new = CompanyAlias.objects.create(company=company, name="Verkor SAS", language="fr")
        noted(new)
    with editing_as(reviewer):
        publish(pending_version_of(company))
    assert list(company.aliases.values_list("name", "language")) == [("Verkor SAS", "fr")]


def test_moving_a_cited_capacity_to_another_plant_keeps_its_citations(editor, reviewer):
    article = make_article(body="The plant will make 16 GWh of cells a year from 2025.")
    plant = make_plant(name="A", review_status=VERIFIED)
    other = make_plant(name="B")
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    cite(capacity, article, "16 GWh of cells a year from 2025")
    with editing_as(editor):
        capacity = PlantCapacity.objects.get(pk=capacity.pk)
        capacity.plant = other
        capacity.save()
    moved = PlantCapacity.objects.get(plant=other)
    assert Citation.objects.for_record(moved).count() == 1


def test_a_second_edit_of_a_published_part_from_its_own_page_keeps_the_first(editor):
    plant = make_plant(review_status=VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    with editing_as(editor):
        first = PlantCapacity.objects.get(pk=capacity.pk)
        first.gwh_per_year = 18
        first.save()
        # Another editor (or the same later) opens the capacity's own admin page: the
        # published row, gwh 16, at an unchanged version; changes the year only.
        second = PlantCapacity.objects.get(pk=capacity.pk)
        second.year = 2026
        second.save()
    copy = pending_version_of(plant).capacities.get()
    assert (copy.gwh_per_year, copy.year) == (18, 2026)


def test_a_second_edit_of_a_published_part_in_the_admin_is_not_a_silent_overwrite(client, editor):
    from .factories import changeform_data

    plant = make_plant(review_status=VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    url = f"/admin/sourcing/plantcapacity/{capacity.pk}/change/"
    client.force_login(editor)
    data_a = changeform_data(client.get(url))
    data_b = changeform_data(client.get(url))
    data_a["gwh_per_year"] = "18"
    assert client.post(url, data_a).status_code == 302
    data_b["year"] = "2026"
    response = client.post(url, data_b)
    copy = pending_version_of(plant).capacities.get()
    # B's form was opened before A's save: it must be refused, or keep A's value
    assert response.status_code == 200 or copy.gwh_per_year == 18, (
        response.status_code,
        copy.gwh_per_year,
    )


def test_a_reviewers_direct_row_is_not_deleted_by_publishing_an_older_pending_version(
    editor, reviewer
):
    plant = make_plant(review_status=VERIFIED)
    with editing_as(editor):
        plant.city = "Dunkirk"
        plant.save()
    with editing_as(reviewer):
        # e.g. the PlantCapacity add page, whose plant autocomplete lists the published plant
        added = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
        noted(added)  # held in the pending version too, where the reviewer gives it a basis
        pending = pending_version_of(plant)
        pending.review_status = VERIFIED
        from sourcing.models import ValueBasis

        for name in pending.factual_fields:
            ValueBasis.objects.create(
                record=pending, field=name, basis="general_knowledge", note="Known."
            )
        publish(pending_version_of(plant))
    assert PlantCapacity.objects.filter(pk=added.pk).exists()


def test_a_reviewers_merge_into_a_company_with_a_pending_change_survives_its_publication(
    editor, reviewer
):
    article = make_article(body="Verkor SAS will supply Renault Group.")
    kept = noted(make_company("Verkor", review_status=VERIFIED))
    with editing_as(editor):
        kept.description = "A battery maker."
        kept.save()
    duplicate = make_company("Verkor SAS")
    cite(duplicate, article, "Verkor SAS will supply Renault Group")
    with editing_as(reviewer):
        merge_companies(duplicate, Company.objects.get(pk=kept.pk), user=reviewer)
    # While a change awaits review, the reviewer's merge joins it rather than the published
    # record, which publishing would otherwise undo.
    pending = pending_version_of(kept)
    assert Citation.objects.for_record(kept).count() == 0
    assert Citation.objects.for_record(pending).count() == 1
    with editing_as(reviewer):
        noted(pending.aliases.get(name="Verkor SAS"))
        publish(pending_version_of(kept))
    assert Citation.objects.for_record(kept).count() == 1
    assert "Verkor SAS" in list(
        Company.objects.get(pk=kept.pk).aliases.values_list("name", flat=True)
    )


def test_the_suggestions_name_index_builds_while_a_company_with_aliases_awaits_review(editor):
    from sourcing.suggestions.names import build_index

    company = make_company("Verkor", review_status=VERIFIED)
    CompanyAlias.objects.create(company=company, name="Verkor SAS")
    with editing_as(editor):
        company.description = "A battery maker."
        company.save()
    build_index()


def test_a_reviewers_direct_change_is_not_reverted_by_publishing_an_older_pending_version(
    editor, reviewer
):
    company = noted(make_company("Verkor", review_status=VERIFIED))
    with editing_as(editor):
        company.description = "A battery maker."
        company.save()
    with editing_as(reviewer):
        # shell, seed, a script: a reviewer's own change is published at once
        published = Company.objects.get(pk=company.pk)
        published.name = "Verkor SA"
        published.save()
        publish(pending_version_of(company))
    stored = Company.objects.get(pk=company.pk)
    assert (stored.description, stored.name) == ("A battery maker.", "Verkor SA")


def test_citing_a_party_whose_copy_the_pending_version_deleted(editor):
    article = make_article(body="Verkor will supply Renault Group with batteries.")
    verkor = make_company("Verkor", review_status=VERIFIED)
    agreement = make_agreement(
        parties=[(verkor, AgreementParty.Role.SUPPLIER)], review_status=VERIFIED
    )
    party = agreement.parties.get()
    with editing_as(editor):
        AgreementParty.objects.get(pk=party.pk).delete()
        # e.g. the citation admin's add page, or a script, naming the published party
        with pytest.raises(ValidationError, match="was deleted in the pending change"):
            cite(party, article, "Verkor will supply")
