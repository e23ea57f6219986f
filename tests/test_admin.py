"""The editors' admin through the test client: what editors and reviewers can do and see."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from sourcing.models import (
    Agreement,
    AgreementParty,
    Article,
    Citation,
    Company,
    CompanyAlias,
    Plant,
    PlantAlias,
    PlantCapacity,
    ReviewStatus,
    Stake,
)
from sourcing.models.pending import describe_differences, pending_version_of

from .factories import (
    change_url,
    changeform_data,
    changelist_url,
    cite,
    client_for,
    error_text,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user("edith", "Editors")


@pytest.fixture
def reviewer():
    return make_user("rita", "Reviewers")


# -- Access and groups ---------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    company = make_company("Verkor")
    for url in (reverse("admin:index"), change_url(company), reverse("admin:sourcing_conflicts")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_signed_in_non_staff_user_cannot_enter_the_admin(client):
    outsider = make_user("olga", "Editors", is_staff=False)
    response = client_for(client, outsider).get(reverse("admin:index"))
    assert response.status_code == 302


def test_the_migration_creates_editors_and_reviewers_with_only_reviewers_verifying():
    editors = Group.objects.get(name="Editors")
    reviewers = Group.objects.get(name="Reviewers")
    editor_codenames = set(editors.permissions.values_list("codename", flat=True))
    reviewer_codenames = set(reviewers.permissions.values_list("codename", flat=True))
    assert {
        "add_agreement",
        "change_agreement",
        "add_citation",
        "change_company",
        "add_plantalias",
        "change_plantalias",
        "delete_plantalias",
    } <= editor_codenames
    assert not any(codename.startswith("verify_") for codename in editor_codenames)
    assert {
        "verify_company",
        "verify_stake",
        "verify_plant",
        "verify_agreement",
        "verify_vehicleprogramme",
    } <= reviewer_codenames
    assert editor_codenames <= reviewer_codenames


@pytest.mark.parametrize(
    "url_name",
    [
        f"admin:sourcing_{model}_{view}"
        for model in (
            "article",
            "citation",
            "company",
            "companyalias",
            "stake",
            "plant",
            "plantcapacity",
            "plantmilestone",
            "vehicleprogramme",
            "agreement",
            "agreementparty",
            "agreementvolume",
            "noneditorialspan",
        )
        for view in ("changelist", "add")
        if (model, view) != ("citation", "add")
    ],
)
def test_every_admin_page_opens_for_an_editor(client, editor, url_name):
    response = client_for(client, editor).get(reverse(url_name))
    assert response.status_code == 200


def test_citations_are_added_from_their_record_not_on_their_own(client, editor):
    response = client_for(client, editor).get(changelist_url(Citation))
    assert reverse("admin:sourcing_citation_add") not in response.content.decode()


# -- Review workflow ----------------------------------------------------------------------------


def test_editor_is_not_offered_verified_as_a_review_status(client, editor):
    company = make_company("Verkor")
    response = client_for(client, editor).get(change_url(company))
    choices = dict(response.context["adminform"].form.fields["review_status"].choices)
    assert ReviewStatus.VERIFIED not in choices
    assert ReviewStatus.NEEDS_REVIEW in choices


def test_reviewer_is_offered_verified_and_can_save_it(client, reviewer):
    company = make_company("Verkor", kind="cell_maker")
    # A passage that states every value, without which: refused.
    passage = "Verkor, a French maker of battery cells, opens a plant."
    cite(company, make_article(body=passage), passage)
    client_for(client, reviewer)
    data = changeform_data(client.get(change_url(company)))
    data["review_status"] = ReviewStatus.VERIFIED
    response = client.post(change_url(company), data)
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.review_status == ReviewStatus.VERIFIED


def test_editor_posting_verified_by_hand_is_refused_and_nothing_is_saved(client, editor):
    company = make_company("Verkor")
    client_for(client, editor)
    data = changeform_data(client.get(change_url(company)))
    data["review_status"] = ReviewStatus.VERIFIED
    data["name"] = "Verkor SAS"
    response = client.post(change_url(company), data)
    assert response.status_code == 200
    assert "Select a valid choice" in error_text(response)
    company.refresh_from_db()
    assert (company.name, company.review_status) == ("Verkor", ReviewStatus.DRAFT)


def test_editor_cannot_add_a_record_as_verified(client, editor):
    client_for(client, editor)
    data = changeform_data(client.get(reverse("admin:sourcing_company_add")))
    data.update(name="Verkor", slug="verkor", kind="cell_maker", review_status="verified")
    response = client.post(reverse("admin:sourcing_company_add"), data)
    assert response.status_code == 200
    assert not Company.objects.exists()


def test_editor_is_not_offered_the_mark_verified_action_and_cannot_post_it(client, editor):
    stake = make_stake()
    client_for(client, editor)
    changelist = client.get(changelist_url(Stake))
    actions = dict(changelist.context["action_form"].fields["action"].choices)
    assert "mark_verified" not in actions
    assert "send_back_for_review" in actions
    response = client.post(
        changelist_url(Stake), {"action": "mark_verified", "_selected_action": [stake.pk]}
    )
    assert response.status_code == 302
    stake.refresh_from_db()
    assert stake.review_status == ReviewStatus.DRAFT


def test_reviewer_marks_records_verified_with_the_action_and_history_says_so(client, reviewer):
    stakes = [make_stake(), make_stake()]
    for stake in stakes:
        passage = f"{stake.holder} owns a stake in {stake.target}."  # without a basis: refused
        cite(stake, make_article(body=passage), passage)
    response = client_for(client, reviewer).post(
        changelist_url(Stake),
        {"action": "mark_verified", "_selected_action": [stake.pk for stake in stakes]},
        follow=True,
    )
    assert "2 record(s) marked verified." in response.content.decode()
    for stake in stakes:
        stake.refresh_from_db()
        assert stake.review_status == ReviewStatus.VERIFIED
        latest = stake.history.first()
        assert latest.history_user == reviewer
        assert latest.history_change_reason == "Marked verified"


def test_reviewer_marks_companies_verified_even_when_the_list_joins_their_parents(client, reviewer):
    company = make_company("Renault", parent=make_company("Renault Group"))
    passage = "Renault, the French carmaker, belongs to Renault Group."
    cite(company, make_article(body=passage), passage)
    client_for(client, reviewer).post(
        changelist_url(Company), {"action": "mark_verified", "_selected_action": [company.pk]}
    )
    company.refresh_from_db()
    assert company.review_status == ReviewStatus.VERIFIED


def test_send_back_for_review_action_is_open_to_editors_and_keeps_the_stake_public(client, editor):
    stake = make_stake(review_status=ReviewStatus.VERIFIED)
    client_for(client, editor).post(
        changelist_url(Stake), {"action": "send_back_for_review", "_selected_action": [stake.pk]}
    )
    stake.refresh_from_db()
    assert stake.review_status == ReviewStatus.VERIFIED
    assert pending_version_of(stake).review_status == ReviewStatus.NEEDS_REVIEW
    listed = client.get(changelist_url(Stake), {"pending_change": "yes"}).content.decode()
    assert f"/stake/{stake.pk}/change/" in listed


def test_editor_changing_a_verified_record_holds_the_change_for_review(client, editor):
    company = make_company("Verkor", review_status=ReviewStatus.VERIFIED)
    client_for(client, editor)
    page = client.get(change_url(company))
    assert "waits for review" in page.content.decode()
    data = changeform_data(page)
    assert data["review_status"] == ReviewStatus.NEEDS_REVIEW
    data["description"] = "French cell maker."
    assert client.post(change_url(company), data).status_code == 302
    company.refresh_from_db()
    assert (company.description, company.review_status) == ("", ReviewStatus.VERIFIED)
    pending = pending_version_of(company)
    assert (pending.description, pending.review_status) == (
        "French cell maker.",
        ReviewStatus.NEEDS_REVIEW,
    )
    # The record's page now opens the pending version, with what it changes.
    page = client.get(change_url(company)).content.decode()
    assert "Change awaiting review" in page
    assert "description: “” → “French cell maker.”" in page


def test_editor_saving_a_verified_record_unchanged_leaves_it_verified(client, editor):
    company = make_company("Verkor", review_status=ReviewStatus.VERIFIED)
    client_for(client, editor)
    data = changeform_data(client.get(change_url(company)))
    assert client.post(change_url(company), data).status_code == 302
    company.refresh_from_db()
    assert company.review_status == ReviewStatus.VERIFIED


def test_editor_adding_only_a_citation_to_a_verified_agreement_holds_it_for_review(client, editor):
    article = make_article()
    agreement = make_agreement(review_status=ReviewStatus.VERIFIED)
    client_for(client, editor)
    data = changeform_data(client.get(change_url(agreement)))
    prefix = "sourcing-citation-content_type-object_id-0"
    data[f"{prefix}-article"] = str(article.pk)
    data[f"{prefix}-quote"] = "12 GWh of batteries each year"
    assert client.post(change_url(agreement), data).status_code == 302
    agreement.refresh_from_db()
    assert agreement.review_status == ReviewStatus.VERIFIED
    assert not agreement.citations.exists()
    pending = pending_version_of(agreement)
    assert pending.review_status == ReviewStatus.NEEDS_REVIEW
    assert pending.citations.get().passage == "12\u00a0GWh of batteries each year"
    assert any(line.startswith("added citation") for line in describe_differences(pending))


def test_editor_changing_only_a_party_of_a_verified_agreement_holds_it_for_review(client, editor):
    renault, verkor = make_company("Renault"), make_company("Verkor")
    agreement = make_agreement(
        parties=[(renault, AgreementParty.Role.BUYER), (verkor, AgreementParty.Role.SUPPLIER)],
        review_status=ReviewStatus.VERIFIED,
    )
    client_for(client, editor)
    data = changeform_data(client.get(change_url(agreement)))
    party_fields = [key for key, value in data.items() if value == AgreementParty.Role.BUYER]
    data[party_fields[0]] = AgreementParty.Role.PARTNER
    assert client.post(change_url(agreement), data).status_code == 302
    agreement.refresh_from_db()
    assert agreement.review_status == ReviewStatus.VERIFIED
    assert agreement.parties.filter(company=renault, role="buyer").exists()
    assert pending_version_of(agreement).parties.filter(company=renault, role="partner").exists()


def test_editor_adding_a_plant_alias_to_a_verified_plant_holds_it_for_review(client, editor):
    plant = make_plant(name="Verkor Gigafactory Dunkirk", review_status=ReviewStatus.VERIFIED)
    client_for(client, editor)
    data = changeform_data(client.get(change_url(plant)))
    prefix = next(key for key in data if key.startswith("aliases-") and key.endswith("TOTAL_FORMS"))
    data[prefix] = "1"
    data.update({"aliases-0-name": "Gigafactory de Dunkerque", "aliases-0-language": "fr"})
    assert client.post(change_url(plant), data).status_code == 302
    plant.refresh_from_db()
    assert plant.review_status == ReviewStatus.VERIFIED
    assert not plant.aliases.exists()
    pending = pending_version_of(plant)
    assert [alias.name for alias in pending.aliases.all()] == ["Gigafactory de Dunkerque"]


def test_editor_changing_a_capacity_on_its_own_page_holds_it_for_review(client, editor):
    plant = make_plant(review_status=ReviewStatus.VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    version = plant.version
    client_for(client, editor)
    data = changeform_data(client.get(change_url(capacity)))
    data["gwh_per_year"] = "20"
    assert client.post(change_url(capacity), data).status_code == 302
    plant.refresh_from_db()
    capacity.refresh_from_db()
    assert (plant.review_status, plant.version, capacity.gwh_per_year) == (
        ReviewStatus.VERIFIED,
        version,
        16,
    )
    pending = pending_version_of(plant)
    assert [row.gwh_per_year for row in pending.capacities.all()] == [20]
    assert any(line.startswith("changed plant capacity") for line in describe_differences(pending))


def test_reviewer_changing_a_verified_record_keeps_it_verified(client, reviewer):
    company = make_company("Verkor", review_status=ReviewStatus.VERIFIED)
    client_for(client, reviewer)
    data = changeform_data(client.get(change_url(company)))
    data["description"] = "French cell maker."
    client.post(change_url(company), data)
    company.refresh_from_db()
    assert company.review_status == ReviewStatus.VERIFIED


# -- Company search --------------------------------------------------------------------------


@pytest.mark.parametrize("term", ["Ampere", "ampère", "AMPERE", "le losange", "Losange"])
def test_company_search_matches_names_and_aliases_without_accents_or_case(client, editor, term):
    make_company("Ampère", aliases=["Le Losange électrique"])
    make_company("Verkor")
    response = client_for(client, editor).get(changelist_url(Company), {"q": term})
    names = [company.name for company in response.context["cl"].result_list]
    assert names == ["Ampère"]


def test_company_search_keeps_the_list_filters(client, editor):
    make_company("Ampère", kind=Company.Kind.CARMAKER)
    make_company("Ampère Cells", kind=Company.Kind.CELL_MAKER)
    response = client_for(client, editor).get(
        changelist_url(Company), {"q": "ampere", "kind__exact": "cell_maker"}
    )
    assert [c.name for c in response.context["cl"].result_list] == ["Ampère Cells"]


@pytest.mark.parametrize("term", ["electrique", "ÉLECTRIQUE", "l'usine d'ampere"])
def test_article_search_ignores_accents_and_apostrophes(client, editor, term):
    make_article(title="Rapport", body="L’usine d’Ampère, la filiale électrique.")
    make_article(title="Report", body="Nothing of the kind.")
    response = client_for(client, editor).get(changelist_url(Article), {"q": term})
    assert [article.title for article in response.context["cl"].result_list] == ["Rapport"]


@pytest.mark.parametrize("term", ["cooperation", "ampere", "AMPERE COOPERATION"])
def test_agreement_search_ignores_accents_in_titles_and_party_names(client, editor, term):
    ampere = make_company("Ampère")
    make_agreement(title="Ampère coopération", parties=[(ampere, AgreementParty.Role.PARTNER)])
    make_agreement(title="Unrelated supply deal")
    response = client_for(client, editor).get(changelist_url(Agreement), {"q": term})
    assert [agreement.title for agreement in response.context["cl"].result_list] == [
        "Ampère coopération"
    ]


@pytest.mark.parametrize("term", ["\u00ad", "\u200b", "\u0301"])
def test_a_search_for_only_invisible_characters_finds_nothing(client, editor, term):
    make_company("Ampère")
    make_article(title="Rapport")
    for model in (Company, Article, Agreement, Plant):
        response = client_for(client, editor).get(changelist_url(model), {"q": term})
        assert list(response.context["cl"].result_list) == [], model


@pytest.mark.parametrize("term", ["Dunkerque", "DUNKERQUE", "gigafactory verkor de dunkerque"])
def test_plant_search_finds_a_plant_by_an_alias(client, editor, term):
    plant = make_plant(name="Verkor Gigafactory Dunkirk")
    PlantAlias.objects.create(plant=plant, name="gigafactory Verkor de Dunkerque", language="fr")
    make_plant(name="Envision AESC Gigafactory Douai")
    response = client_for(client, editor).get(changelist_url(Plant), {"q": term})
    assert [plant.name for plant in response.context["cl"].result_list] == [
        "Verkor Gigafactory Dunkirk"
    ]


def test_company_autocomplete_finds_a_company_by_accentless_alias(client, editor):
    make_company("Envision AESC", aliases=["AESC Envision"])
    response = client_for(client, editor).get(
        reverse("admin:autocomplete"),
        {
            "term": "aesc envision",
            "app_label": "sourcing",
            "model_name": "stake",
            "field_name": "holder",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["Envision AESC"]


# -- Citations and articles ----------------------------------------------------------------------


def test_citation_with_a_quote_not_in_the_article_shows_the_closest_passage_and_saves_nothing(
    client, editor
):
    article = make_article(title="Verkor supply deal")
    agreement = make_agreement(title="Verkor supply")
    client_for(client, editor)
    data = changeform_data(client.get(change_url(agreement)))
    prefix = "sourcing-citation-content_type-object_id-0"
    data[f"{prefix}-article"] = str(article.pk)
    data[f"{prefix}-quote"] = "the equivalent of 15 GWh of batteries each year"
    data["title"] = "Verkor supply (renamed)"
    response = client.post(change_url(agreement), data)
    assert response.status_code == 200
    errors = error_text(response)
    assert "The quote is not in article “Verkor supply deal”" in errors
    assert (
        "The closest passage is: “the equivalent of 12\u00a0GWh of batteries each year”" in errors
    )
    agreement.refresh_from_db()
    assert agreement.title == "Verkor supply"
    assert not Citation.objects.exists()


def test_citation_offsets_are_computed_from_a_pasted_quote(client, editor):
    article = make_article()
    stake = make_stake()
    client_for(client, editor)
    data = changeform_data(client.get(change_url(stake)))
    prefix = "sourcing-citation-content_type-object_id-0"
    data[f"{prefix}-article"] = str(article.pk)
    data[f"{prefix}-field"] = "share_min"
    data[f"{prefix}-quote"] = 'Renault Group\'s stake - taken in 2021 - is "over 20%"'
    assert client.post(change_url(stake), data).status_code == 302
    citation = stake.citations.get()
    assert citation.field == "share_min"
    assert article.body[citation.start : citation.end] == (
        "Renault Group’s stake – taken in 2021 – is “over 20%”"
    )
    page = client.get(change_url(stake)).content.decode()
    assert f"[{citation.start}–{citation.end}]" in page


def test_citation_of_a_field_outside_the_offered_list_still_saves_unchanged(client, editor):
    article = make_article()
    agreement = make_agreement()
    Citation.objects.create(
        record=agreement, article=article, quote="Verkor will supply", field="parties"
    )
    client_for(client, editor)
    page = client.get(change_url(agreement))
    offered = dict(
        page.context["inline_admin_formsets"][-1].formset.forms[0].fields["field"].choices
    )
    assert {"programmes", "plant", "announced_on"} <= set(offered)
    assert client.post(change_url(agreement), changeform_data(page)).status_code == 302
    assert agreement.citations.get().field == "parties"


def test_article_page_highlights_cited_passages_and_links_the_citing_records(client, editor):
    article = make_article(title="Verkor supply deal")
    verkor = make_company("Verkor")
    agreement = make_agreement(title="Renault–Verkor supply")
    citation = cite(agreement, article, "12 GWh of batteries each year")
    cite(verkor, article, "Verkor will supply Renault Group")
    page = client_for(client, editor).get(change_url(article)).content.decode()
    assert f'<mark id="citation-{citation.pk}"' in page
    assert "12\u00a0GWh of batteries each year</mark>" in page.replace(
        f'<sup class="citation-link"><a href="{change_url(agreement)}">[{citation.pk}]</a></sup>',
        "",
    )
    assert f'<a href="{change_url(agreement)}">Renault–Verkor supply</a>' in page
    assert f'<a href="{change_url(verkor)}">Verkor</a>' in page


def test_article_edit_that_would_break_a_citation_is_a_form_error(client, editor):
    article = make_article()
    cite(make_company(), article, "12 GWh of batteries each year")
    original_body = article.body
    client_for(client, editor)
    data = changeform_data(client.get(change_url(article)))
    data["body"] = original_body.replace("12\u00a0GWh", "15\u00a0GWh")
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "This change would break 1 citation(s)" in error_text(response)
    article.refresh_from_db()
    assert article.body == original_body


def test_article_edit_elsewhere_moves_the_citation_offsets(client, editor):
    article = make_article()
    citation = cite(make_company(), article, "12 GWh of batteries each year")
    client_for(client, editor)
    data = changeform_data(client.get(change_url(article)))
    data["body"] = "UPDATED. " + article.body
    assert client.post(change_url(article), data).status_code == 302
    citation.refresh_from_db()
    assert citation.passage == "12\u00a0GWh of batteries each year"


def test_deleting_a_cited_article_is_refused_with_a_clear_message(client):
    admin_user = make_user("ada", is_superuser=True)
    article = make_article(title="Verkor supply deal")
    cite(make_company("Verkor"), article, "Verkor will supply Renault Group")
    client_for(client, admin_user)
    delete_url = reverse("admin:sourcing_article_delete", args=[article.pk])
    page = client.get(delete_url)
    assert page.status_code == 200
    assert "would require deleting the following protected related objects" in (
        page.content.decode()
    )
    response = client.post(delete_url, {"post": "yes"})
    assert response.status_code == 200
    bulk = client.post(
        changelist_url(Article),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert bulk.status_code == 200
    assert "protected related objects" in bulk.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()


# -- History -------------------------------------------------------------------------------------


def test_history_page_lists_who_changed_what(client, editor):
    company = make_company("Verkor")
    client_for(client, editor)
    data = changeform_data(client.get(change_url(company)))
    data["description"] = "French cell maker."
    data["aliases-0-name"] = "Verkor SAS"
    client.post(change_url(company), data)
    latest = company.history.first()
    assert latest.history_user == editor
    assert "Added company alias" in latest.history_change_reason
    history = client.get(reverse("admin:sourcing_company_history", args=[company.pk]))
    page = history.content.decode()
    assert "edith" in page
    assert "Description" in page and "French cell maker." in page


def test_an_earlier_version_can_be_restored(client, editor):
    company = make_company("Verkor", description="Cell maker.")
    client_for(client, editor)
    data = changeform_data(client.get(change_url(company)))
    data["description"] = "A mistaken description."
    client.post(change_url(company), data)
    original = company.history.order_by("history_date").first()
    revert_url = reverse(
        "admin:sourcing_company_simple_history", args=[company.pk, original.history_id]
    )
    revert_page = client.get(revert_url)
    assert revert_page.status_code == 200
    response = client.post(revert_url, changeform_data(revert_page))
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.description == "Cell maker."
    assert company.version == 3
    assert company.history.first().history_change_reason.startswith("Restored the version of")
    assert company.history.first().history_user == editor


def test_restoring_a_capacity_of_a_verified_plant_holds_it_for_review(client, editor):
    plant = make_plant(review_status=ReviewStatus.VERIFIED)
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    PlantCapacity.objects.filter(pk=capacity.pk).update(gwh_per_year=20)
    original = capacity.history.get()
    revert_url = reverse(
        "admin:sourcing_plantcapacity_simple_history", args=[capacity.pk, original.history_id]
    )
    client_for(client, editor)
    assert client.post(revert_url, changeform_data(client.get(revert_url))).status_code == 302
    capacity.refresh_from_db()
    plant.refresh_from_db()
    assert (capacity.gwh_per_year, plant.review_status) == (20, ReviewStatus.VERIFIED)
    assert [row.gwh_per_year for row in pending_version_of(plant).capacities.all()] == [16]


# -- No lost edits -------------------------------------------------------------------------------


def test_second_of_two_editors_saving_the_same_record_is_refused(client, django_user_model):
    from django.test import Client

    company = make_company("Verkor")
    first, second = Client(), Client()
    first.force_login(make_user("anna", "Editors"))
    second.force_login(make_user("ben", "Editors"))
    first_data = changeform_data(first.get(change_url(company)))
    second_data = changeform_data(second.get(change_url(company)))

    first_data["description"] = "Anna's description."
    assert first.post(change_url(company), first_data).status_code == 302
    second_data["description"] = "Ben's description."
    second_data["aliases-0-name"] = "Verkor SAS"
    response = second.post(change_url(company), second_data)

    assert response.status_code == 200
    message = error_text(response)
    assert "This record was changed by anna at" in message
    assert "since you opened it; reload to see their changes" in message
    company.refresh_from_db()
    assert company.description == "Anna's description."
    assert not CompanyAlias.objects.exists()


def test_stale_save_of_an_inline_only_change_is_refused_too(client):
    from django.test import Client

    article = make_article()
    agreement = make_agreement()
    first, second = Client(), Client()
    first.force_login(make_user("anna", "Editors"))
    second.force_login(make_user("ben", "Editors"))
    first_data = changeform_data(first.get(change_url(agreement)))
    second_data = changeform_data(second.get(change_url(agreement)))
    prefix = "sourcing-citation-content_type-object_id-0"
    first_data[f"{prefix}-article"] = str(article.pk)
    first_data[f"{prefix}-quote"] = "Verkor will supply Renault Group"
    assert first.post(change_url(agreement), first_data).status_code == 302
    second_data[f"{prefix}-article"] = str(article.pk)
    second_data[f"{prefix}-quote"] = "12 GWh of batteries each year"
    response = second.post(change_url(agreement), second_data)
    assert "This record was changed by anna" in error_text(response)
    assert [c.quote for c in agreement.citations.all()] == ["Verkor will supply Renault Group"]


def test_save_losing_the_race_after_the_form_check_changes_nothing(client, editor, monkeypatch):
    """The conditional UPDATE in save_model catches a save that slipped past the form check."""
    from sourcing.forms import CuratedRecordForm

    company = make_company("Verkor")
    client_for(client, editor)
    data = changeform_data(client.get(change_url(company)))
    Company.objects.filter(pk=company.pk).update(version=company.version + 1)
    monkeypatch.setattr(CuratedRecordForm, "check_not_stale", lambda form, version: None)
    data["description"] = "Overwrite attempt."
    data["aliases-0-name"] = "Verkor SAS"
    response = client.post(change_url(company), data, follow=True)
    assert "since you opened it; reload to see their changes" in response.content.decode()
    company.refresh_from_db()
    assert company.description == ""
    assert not CompanyAlias.objects.exists()


def test_every_save_moves_the_version_on(client, editor):
    stake = make_stake()
    client_for(client, editor)
    for expected in (2, 3):
        client.post(change_url(stake), changeform_data(client.get(change_url(stake))))
        stake.refresh_from_db()
        assert stake.version == expected


def test_agreement_admin_lists_parties_and_filters_by_review_status(client, editor):
    renault = make_company("Renault")
    make_agreement(
        title="Verified deal",
        parties=[(renault, AgreementParty.Role.BUYER)],
        review_status=ReviewStatus.VERIFIED,
    )
    make_agreement(title="Draft deal")
    response = client_for(client, editor).get(
        changelist_url(Agreement), {"review_status__exact": "verified"}
    )
    assert [a.title for a in response.context["cl"].result_list] == ["Verified deal"]
    assert "Renault (buyer)" in response.content.decode()
