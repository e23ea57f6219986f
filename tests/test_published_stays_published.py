"""
Published stays published (issue 23): a change to a verified record by someone who may not
verify it, from any path, is held as the record's pending version; readers keep the reviewed
values (detail, list, search, filter, CSV, export, change feed) until a reviewer publishes the
change, and nothing changes for them when the reviewer rejects it.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from sourcing.merging import merge_companies
from sourcing.models import (
    AgreementParty,
    Citation,
    Company,
    Plant,
    PlantCapacity,
    RejectedChange,
    ReviewStatus,
    ValueBasis,
    VehicleProgramme,
    editing_as,
)
from sourcing.models.pending import describe_differences, pending_version_of, publish, reject

from .factories import (
    change_url,
    changeform_data,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_editorial_groups,
    make_plant,
    make_user,
)

pytestmark = pytest.mark.django_db

VERIFIED, NEEDS_REVIEW = ReviewStatus.VERIFIED, ReviewStatus.NEEDS_REVIEW


@pytest.fixture
def editor():
    make_editorial_groups()
    return make_user("pending-editor", "Editors")


@pytest.fixture
def reviewer():
    make_editorial_groups()
    return make_user("pending-reviewer", "Reviewers")


@pytest.fixture
def article():
    return make_article(
        body="Verkor will build a gigafactory in Dunkirk. Verkor will supply Renault Group with "
        "batteries. The Dunkirk plant will make 16 GWh of cells a year from 2025, and 20 GWh "
        "a year from 2028. Verkor is a French battery maker."
    )


def noted(record):
    """``record`` with a note as basis of each of its values: publishable whatever they become."""
    for name in record.factual_fields:
        ValueBasis.objects.create(
            record=record, field=name, basis="general_knowledge", note="Known to every reader."
        )
    return type(record).objects.get(pk=record.pk)


def published_company(article):
    company = make_company("Verkor", review_status=VERIFIED, description="A battery maker.")
    cite(company, article, "Verkor is a French battery maker", field="")
    return noted(company)


def reader_json(path, **params):
    response = Client().get(path, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def feed_entries():
    return reader_json("/api/v1/changes/", page_size=1000)["results"]


def test_an_editors_rename_waits_for_review_while_readers_keep_the_reviewed_name(
    article, editor, reviewer
):
    company = published_company(article)
    feed_before = feed_entries()

    with editing_as(editor):
        company.name = "Verkor SAS"
        company.save()

    stored = Company.objects.get(pk=company.pk)
    assert (stored.name, stored.review_status) == ("Verkor", VERIFIED)
    pending = pending_version_of(stored)
    assert (pending.name, pending.review_status) == ("Verkor SAS", NEEDS_REVIEW)
    assert Company.objects.count() == 1  # the pending version is nobody's record of its own
    detail = reader_json(f"/api/v1/companies/{company.pk}/")
    assert detail["name"] == "Verkor"
    assert [row["id"] for row in reader_json("/api/v1/companies/", search="verkor")["results"]] == [
        company.pk
    ]
    assert reader_json("/api/v1/companies/", search="SAS")["results"] == []
    assert feed_entries() == feed_before
    assert describe_differences(pending) == ["name: “Verkor” → “Verkor SAS”"]

    with editing_as(reviewer):
        publish(pending_version_of(stored))

    assert reader_json(f"/api/v1/companies/{company.pk}/")["name"] == "Verkor SAS"
    assert pending_version_of(Company.objects.get(pk=company.pk)) is None
    new_entries = [entry for entry in feed_entries() if entry not in feed_before]
    assert [(entry["action"], entry["id"]) for entry in new_entries] == [("upsert", company.pk)]


def test_a_capacity_added_and_changed_by_an_editor_reaches_readers_only_when_published(
    article, editor, reviewer
):
    plant = make_plant(name="Dunkirk gigafactory", review_status=VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    cite(capacity, article, "16 GWh of cells a year from 2025")
    noted(capacity)
    cite(plant, article, "Verkor will build a gigafactory in Dunkirk")
    plant = noted(plant)
    url = f"/api/v1/plants/{plant.pk}/"
    before = reader_json(url)

    with editing_as(editor):
        capacity = PlantCapacity.objects.get(pk=capacity.pk)
        capacity.gwh_per_year = 18
        capacity.save()
        added = PlantCapacity.objects.create(plant=plant, gwh_per_year=20, year=2028)
        cite(added, article, "20 GWh a year from 2028")
        noted(added)

    assert reader_json(url) == before
    assert PlantCapacity.objects.get(pk=capacity.pk).gwh_per_year == 16
    assert reader_json("/api/v1/plants/", min_capacity_gwh=17)["results"] == []
    pending = pending_version_of(plant)
    assert sorted(pending.capacities.values_list("gwh_per_year", flat=True)) == [18, 20]
    differences = describe_differences(pending)
    assert any(line.startswith("changed plant capacity") for line in differences)
    assert any(line.startswith("added plant capacity") for line in differences)

    with editing_as(reviewer):
        publish(pending)

    after = reader_json(url)
    capacities = sorted((row["gwh_per_year"], row["year"]) for row in after["capacities"])
    assert capacities == [(18, 2025), (20, 2028)]
    # The published capacity kept its row: the reviewed value was written back onto it.
    assert PlantCapacity.objects.get(pk=capacity.pk).gwh_per_year == 18
    assert Plant._base_manager.count() == 1


def test_a_party_and_a_citation_added_to_a_verified_agreement_wait_for_review(
    article, editor, reviewer
):
    verkor = make_company("Verkor", review_status=VERIFIED)
    renault = make_company("Renault Group", review_status=VERIFIED)
    agreement = make_agreement(
        parties=[(verkor, AgreementParty.Role.SUPPLIER)], review_status=VERIFIED
    )
    cite(agreement, article, "Verkor will supply Renault Group with batteries")
    agreement = noted(agreement)
    url = f"/api/v1/agreements/{agreement.pk}/"
    before = reader_json(url)

    with editing_as(editor):
        AgreementParty.objects.create(
            agreement=agreement, company=renault, role=AgreementParty.Role.BUYER
        )
        cite(agreement, article, "Verkor will build a gigafactory in Dunkirk")

    assert reader_json(url) == before
    assert reader_json("/api/v1/agreements/", party=renault.slug)["results"] == []
    assert Citation.objects.for_record(agreement).count() == 1

    with editing_as(reviewer):
        publish(pending_version_of(agreement))

    after = reader_json(url)
    assert {party["company"]["id"] for party in after["parties"]} == {verkor.pk, renault.pk}
    assert len(after["citations"]) == 2
    assert [
        row["id"] for row in reader_json("/api/v1/agreements/", party=renault.slug)["results"]
    ] == [agreement.pk]


def test_a_rejected_change_leaves_readers_untouched_and_tells_the_editor_why(
    article, editor, reviewer
):
    company = published_company(article)
    url = f"/api/v1/companies/{company.pk}/"
    before = reader_json(url)
    feed_before = feed_entries()
    with editing_as(editor):
        company.description = "A car maker."
        company.save()
        cite(company, article, "Verkor will build a gigafactory in Dunkirk")

    with editing_as(reviewer):
        with pytest.raises(ValidationError):
            reject(pending_version_of(company), "  ")
        reject(pending_version_of(company), "The passage says battery maker.", user=reviewer)

    assert reader_json(url) == before
    assert feed_entries() == feed_before
    assert pending_version_of(company) is None
    rejection = RejectedChange.objects.get(object_id=company.pk)
    assert rejection.reason == "The passage says battery maker."
    assert "description: “A battery maker.” → “A car maker.”" in rejection.changes
    assert Citation.objects.for_record(company).count() == 1


def test_a_second_change_works_on_the_same_pending_version(article, editor):
    company = published_company(article)
    with editing_as(editor):
        company.description = "First."
        company.save()
        again = Company.objects.get(pk=company.pk).editing_version()
        again.country = "FR"
        again.save()

    pending = pending_version_of(company)
    assert (pending.description, pending.country) == ("First.", "FR")
    assert Company._base_manager.filter(pending_of=company.pk).count() == 1


def test_a_reviewers_own_change_is_published_at_once(article, reviewer):
    company = published_company(article)
    with editing_as(reviewer):
        company.description = "A French battery maker."
        company.save()
    assert reader_json(f"/api/v1/companies/{company.pk}/")["description"] == (
        "A French battery maker."
    )
    assert pending_version_of(company) is None


def reader_text(path, **params):
    response = Client().get(path, params)
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content if response.streaming else [response.content])


def test_csv_and_export_keep_the_reviewed_values_until_published(article, editor, reviewer):
    company = published_company(article)
    csv_before = reader_text("/api/v1/companies/", format="csv")
    export_before = reader_text("/api/v1/export/companies/")
    with editing_as(editor):
        company.description = "Something else."
        company.save()
    assert reader_text("/api/v1/companies/", format="csv") == csv_before
    assert reader_text("/api/v1/export/companies/") == export_before
    assert b"Something else." not in reader_text(f"/api/v1/companies/{company.pk}/", format="csv")

    with editing_as(reviewer):
        publish(pending_version_of(company))
    assert b"Something else." in reader_text("/api/v1/export/companies/")


def test_merging_a_draft_duplicate_into_a_published_company_waits_for_review(
    article, editor, reviewer
):
    company = published_company(article)
    duplicate = make_company("Verkor SAS", description="")
    cite(duplicate, article, "Verkor will supply Renault Group")
    url = f"/api/v1/companies/{company.pk}/"
    before = reader_json(url)
    feed_before = feed_entries()

    with editing_as(editor):
        merge_companies(duplicate, company, user=editor, needs_review=True)

    assert not Company._base_manager.filter(pk=duplicate.pk).exists()
    assert reader_json(url) == before
    assert [
        (entry["action"], entry["id"]) for entry in feed_entries() if entry not in feed_before
    ] == []  # the duplicate was a draft: the public never knew it
    pending = pending_version_of(company)
    assert "Verkor SAS" in [alias.name for alias in pending.aliases.all()]
    assert Citation.objects.for_record(pending).count() == 2

    with editing_as(reviewer):
        with pytest.raises(ValidationError, match="company alias “Verkor SAS”: name"):
            publish(pending)  # the merged name needs a basis, as any alias does
        alias = pending.aliases.get(name="Verkor SAS")
        ValueBasis.objects.create(
            record=alias, field="name", basis="general_knowledge", note="Its registered name."
        )
        publish(pending_version_of(company))
    after = reader_json(url)
    assert "Verkor SAS" in [alias["name"] for alias in after["aliases"]]
    assert len(after["citations"]) == 2


def test_the_reviewer_rejects_a_change_on_its_page_and_the_editor_reads_why(
    client, article, editor, reviewer
):
    company = published_company(article)
    with editing_as(editor):
        company.description = "A car maker."
        company.save()
    page = f"/admin/sourcing/company/{company.pk}/change/"
    reject_page = f"/admin/sourcing/company/{company.pk}/reject-change/"

    client.force_login(editor)
    assert client.get(reject_page).status_code == 403
    assert "Reject…" not in client.get(page).content.decode()

    client.force_login(reviewer)
    assert "Reject…" in client.get(page).content.decode()
    refused = client.post(reject_page, {"reason": ""})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    assert client.post(reject_page, {"reason": "No passage says so."}).status_code == 302

    client.force_login(editor)
    shown = client.get(page).content.decode()
    assert "No passage says so." in shown and "pending-changes" not in shown
    assert Company.objects.get(pk=company.pk).description == "A battery maker."
    assert pending_version_of(company) is None


def test_an_editors_bulk_deletion_of_capacities_leaves_the_published_plant_whole(client, editor):
    plant = make_plant(review_status=VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    client.force_login(editor)
    response = client.post(
        "/admin/sourcing/plantcapacity/",
        {"action": "delete_selected", "_selected_action": [capacity.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert PlantCapacity.objects.filter(pk=capacity.pk).exists()
    assert Plant.objects.get(pk=plant.pk).review_status == VERIFIED
    assert not pending_version_of(plant).capacities.exists()


def test_an_editors_new_programme_link_waits_in_the_pending_version(client, editor):
    programme = VehicleProgramme.objects.create(name="Alpine GT", review_status=VERIFIED)
    agreement = make_agreement(review_status=VERIFIED)
    client.force_login(editor)
    data = changeform_data(client.get(change_url(agreement)))
    data["programmes"] = [str(programme.pk)]
    assert client.post(change_url(agreement), data).status_code == 302
    assert not agreement.programmes.exists()
    assert list(pending_version_of(agreement).programmes.all()) == [programme]
    assert "programmes:  → Alpine GT" in describe_differences(pending_version_of(agreement))
