"""
Merging duplicate companies: in the model layer and through the admin action. An editor's merge
into a verified company leaves the published company as reviewed: what the merge brings waits
for review in its pending version.
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
    ReviewStatus,
    Stake,
    VehicleProgramme,
)
from sourcing.models.pending import pending_version_of

from .factories import (
    change_url,
    changeform_data,
    changelist_url,
    cite,
    client_for,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def duplicates():
    """ "Envision AESC" as curated, and "AESC Envision" as a second editor entered it."""
    kept = make_company("Envision AESC", aliases=["AESC"], kind=Company.Kind.CELL_MAKER)
    duplicate = make_company(
        "AESC Envision",
        aliases=["AESC", "Envision-AESC"],
        kind=Company.Kind.CELL_MAKER,
        country="JP",
        description="Japanese-Chinese cell maker.",
    )
    return kept, duplicate


def test_merge_moves_every_reference_to_the_kept_company(duplicates):
    kept, duplicate = duplicates
    kept.country = ""
    kept.save()
    nissan = make_company("Nissan")
    subsidiary = make_company("AESC UK", parent=duplicate)
    held = make_stake(holder=duplicate, target=subsidiary)
    holding = make_stake(holder=nissan, target=duplicate)
    plant = make_plant(operator=duplicate)
    programme = VehicleProgramme.objects.create(name="Cells for Leaf", brand=duplicate)
    agreement = make_agreement(parties=[(duplicate, AgreementParty.Role.SUPPLIER)])
    citation = cite(duplicate, make_article(), "Verkor will supply Renault Group")

    merge_companies(duplicate, kept)

    assert not Company.objects.filter(pk=duplicate.pk).exists()
    kept.refresh_from_db()
    assert sorted(kept.aliases.values_list("name", flat=True)) == [
        "AESC",
        "AESC Envision",
        "Envision-AESC",
    ]
    held.refresh_from_db()
    holding.refresh_from_db()
    assert (held.holder, holding.target) == (kept, kept)
    assert Plant.objects.get(pk=plant.pk).operator == kept
    assert VehicleProgramme.objects.get(pk=programme.pk).brand == kept
    assert list(agreement.companies.all()) == [kept]
    assert Company.objects.get(pk=subsidiary.pk).parent == kept
    assert Citation.objects.get(pk=citation.pk).record == kept
    # Blanks of the kept company are filled from the duplicate.
    assert (kept.country, kept.description) == ("JP", "Japanese-Chinese cell maker.")


def test_merge_keeps_the_old_name_findable(client, duplicates):
    kept, duplicate = duplicates
    merge_companies(duplicate, kept)
    response = client_for(client, make_user("edith", "Editors")).get(
        changelist_url(Company), {"q": "aesc envision"}
    )
    assert [c.name for c in response.context["cl"].result_list] == ["Envision AESC"]


def test_merge_refuses_a_stake_of_a_company_in_itself_and_changes_nothing(duplicates):
    kept, duplicate = duplicates
    stake = make_stake(holder=kept, target=duplicate, share_exact=50)
    plant = make_plant(operator=duplicate)

    with pytest.raises(ValidationError) as refusal:
        merge_companies(duplicate, kept)

    assert "would make “Envision AESC” hold a stake in itself" in refusal.value.messages[0]
    assert Company.objects.filter(pk=duplicate.pk).exists()
    assert Stake.objects.get(pk=stake.pk).target == duplicate
    assert Plant.objects.get(pk=plant.pk).operator == duplicate
    assert duplicate.aliases.count() == 2
    assert not kept.aliases.filter(name="AESC Envision").exists()


def test_merge_drops_rows_that_would_become_duplicates(duplicates):
    kept, duplicate = duplicates
    article = make_article()
    agreement = make_agreement(
        parties=[(kept, AgreementParty.Role.SUPPLIER), (duplicate, AgreementParty.Role.SUPPLIER)]
    )
    party_of_duplicate = agreement.parties.get(company=duplicate)
    cite(party_of_duplicate, article, "Verkor will supply Renault Group")
    cite(kept, article, "12 GWh of batteries each year")
    cite(duplicate, article, "12 GWh of batteries each year")

    merge_companies(duplicate, kept)

    assert list(agreement.parties.values_list("company__name", "role")) == [
        ("Envision AESC", "supplier")
    ]
    assert kept.aliases.filter(name="AESC").count() == 1
    assert kept.citations.count() == 1
    # The citation of the dropped party row now supports the surviving row.
    surviving_party = agreement.parties.get()
    assert Citation.objects.for_record(surviving_party).count() == 1


def test_merge_of_a_parent_into_its_subsidiary_takes_the_parent_s_place():
    group = make_company("Renault Group")
    renault = make_company("Renault", parent=group)
    brand = make_company("Renault brand", parent=renault)
    merge_companies(renault, brand)
    brand.refresh_from_db()
    assert brand.parent == group


def test_merge_is_recorded_in_the_history_of_what_it_touched(duplicates):
    kept, duplicate = duplicates
    user = make_user("rita", "Reviewers")
    stake = make_stake(holder=duplicate)
    merge_companies(duplicate, kept, user=user)
    reason = "Merged “AESC Envision”"
    assert kept.history.first().history_change_reason.startswith(reason)
    assert kept.history.first().history_user == user
    assert stake.history.first().history_change_reason.startswith(reason)
    deleted = Company.history.filter(id=duplicate.pk).first()
    assert deleted.history_type == "-"
    assert deleted.history_change_reason.startswith(reason)


def test_merge_action_with_two_companies_asks_which_to_keep_then_merges(client, duplicates):
    kept, duplicate = duplicates
    client_for(client, make_user("edith", "Editors"))
    selection = {"action": "merge_companies", "_selected_action": [kept.pk, duplicate.pk]}
    page = client.post(changelist_url(Company), selection)
    assert page.status_code == 200
    assert "Merge duplicate companies" in page.content.decode()

    response = client.post(changelist_url(Company), {**selection, "apply": "1", "keep": kept.pk})

    assert response.status_code == 302
    assert list(Company.objects.values_list("name", flat=True)) == ["Envision AESC"]
    assert CompanyAlias.objects.filter(company=kept, name="AESC Envision").exists()


def test_merge_action_with_one_company_merges_into_the_company_picked(client, duplicates):
    kept, duplicate = duplicates
    client_for(client, make_user("edith", "Editors"))
    selection = {"action": "merge_companies", "_selected_action": [duplicate.pk]}
    page = client.post(changelist_url(Company), selection).content.decode()
    assert "Merge “AESC Envision” into" in page
    assert "admin-autocomplete" in page
    client.post(changelist_url(Company), {**selection, "apply": "1", "keep": kept.pk})
    assert list(Company.objects.values_list("name", flat=True)) == ["Envision AESC"]


def test_merge_action_refusal_is_a_message_and_nothing_changes(client, duplicates):
    kept, duplicate = duplicates
    make_stake(holder=duplicate, target=kept)
    client_for(client, make_user("edith", "Editors"))
    selection = {"action": "merge_companies", "_selected_action": [kept.pk, duplicate.pk]}
    response = client.post(
        changelist_url(Company), {**selection, "apply": "1", "keep": kept.pk}, follow=True
    )
    assert "hold a stake in itself" in response.content.decode()
    assert Company.objects.count() == 2
    assert not CompanyAlias.objects.filter(name="AESC Envision").exists()


def test_editor_merge_into_a_verified_company_waits_for_review_in_its_pending_version(
    client, duplicates
):
    kept, duplicate = duplicates
    Company.objects.filter(pk=kept.pk).update(review_status=ReviewStatus.VERIFIED)
    kept.refresh_from_db()
    cite(duplicate, make_article(), "Verkor will supply Renault Group")
    client_for(client, make_user("edith", "Editors"))
    client.post(
        changelist_url(Company),
        {
            "action": "merge_companies",
            "_selected_action": [kept.pk, duplicate.pk],
            "apply": "1",
            "keep": kept.pk,
        },
    )

    published = Company.objects.get(pk=kept.pk)
    assert (published.review_status, published.version) == (ReviewStatus.VERIFIED, kept.version)
    assert published.description == ""
    assert list(published.aliases.values_list("name", flat=True)) == ["AESC"]
    assert not Citation.objects.for_record(published).exists()
    assert list(Company.objects.values_list("name", flat=True)) == ["Envision AESC"]
    pending = pending_version_of(published)
    assert pending.review_status == ReviewStatus.NEEDS_REVIEW
    assert pending.description == "Japanese-Chinese cell maker."
    reason = pending.history.first().history_change_reason
    assert reason.startswith("Merged “AESC Envision”")
    assert sorted(pending.aliases.values_list("name", flat=True)) == [
        "AESC",
        "AESC Envision",
        "Envision-AESC",
    ]
    assert [c.quote for c in Citation.objects.for_record(pending)] == [
        "Verkor will supply Renault Group"
    ]


def test_merge_page_offers_the_selected_companies_only_none_checked(client, duplicates):
    kept, duplicate = duplicates
    client_for(client, make_user("edith", "Editors"))
    selection = {"action": "merge_companies", "_selected_action": [kept.pk, duplicate.pk]}

    page = client.post(changelist_url(Company), selection).content.decode()

    assert "---------" not in page and 'type="radio"' in page
    assert "checked" not in page


def test_merge_into_a_company_that_is_no_id_is_a_form_error_not_a_crash(client, duplicates):
    kept, duplicate = duplicates
    client_for(client, make_user("edith", "Editors"))
    selection = {"action": "merge_companies", "_selected_action": [duplicate.pk]}

    response = client.post(changelist_url(Company), {**selection, "apply": "1", "keep": "abc"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Company.objects.count() == 2


def test_a_name_kept_by_a_merge_can_be_given_a_note_and_its_company_verified(client, duplicates):
    # A duplicate's name that no cited passage prints: verifying the kept company asks for a basis
    # for it, and the alias's own page is where the reviewer writes it.
    kept, duplicate = duplicates
    Company.objects.filter(pk__in=[kept.pk, duplicate.pk]).update(kind=Company.Kind.NOT_STATED)
    kept.refresh_from_db()
    article = make_article(
        body="Envision AESC (or Envision-AESC), a French firm, will build a plant."
    )
    cite(kept, article, "Envision AESC (or Envision-AESC), a French firm")
    cite(kept, article, "will build a plant", field="description")
    merge_companies(duplicate, kept)
    alias = CompanyAlias.objects.get(company=kept, name="AESC Envision")
    kept.refresh_from_db()
    kept.review_status = ReviewStatus.VERIFIED
    with pytest.raises(ValidationError, match="AESC Envision"):
        kept.full_clean()

    client_for(client, make_user("rita", "Reviewers"))
    form = changeform_data(client.get(change_url(alias)))
    prefix = "sourcing-valuebasis-content_type-object_id"
    form.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-field": "name",
            f"{prefix}-0-basis": "inferred",
            f"{prefix}-0-note": "The name a second editor entered; merged as a duplicate.",
        }
    )
    assert client.post(change_url(alias), form).status_code == 302

    kept.refresh_from_db()
    kept.review_status = ReviewStatus.VERIFIED
    kept.full_clean(exclude=["slug"])
