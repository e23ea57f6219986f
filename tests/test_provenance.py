"""Every value has a basis: refusing to verify without one, and provenance in the API and CSV."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from sourcing.merging import merge_companies
from sourcing.models import (
    Agreement,
    AgreementParty,
    Plant,
    PlantCapacity,
    PlantMilestone,
    ProvenanceIndex,
    ReviewStatus,
    ValueBasis,
)

from .factories import (
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db


def mark(record, field, basis, note):
    return ValueBasis.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        field=field,
        basis=basis,
        note=note,
    )


@pytest.fixture
def article():
    return make_article()


# -- Verifying ------------------------------------------------------------------------------------


def test_marking_verified_a_record_with_an_unsourced_value_is_refused_naming_it(article):
    company = make_company("Verkor", country="FR")
    cite(company, article, "Verkor", field="name")

    company.review_status = VERIFIED
    with pytest.raises(ValidationError) as refused:
        company.save()

    message = " ".join(refused.value.messages)
    assert "kind" in message and "country" in message and "name" not in message.split(":")[-1]
    company.refresh_from_db()
    assert company.review_status == ReviewStatus.DRAFT


def test_a_whole_row_citation_or_a_note_is_a_basis_and_then_verifying_works():
    article = make_article(body="Verkor, the French start-up, will supply Renault Group.")
    company = make_company("Verkor", country="FR")
    cite(company, article, "Verkor, the French start-up, will supply Renault Group.")
    mark(company, "kind", "general_knowledge", "Verkor makes battery cells.")

    company.review_status = VERIFIED
    company.save()

    company.refresh_from_db()
    assert company.review_status == VERIFIED
    held = ProvenanceIndex([company]).of(company)
    assert held["country"].basis == "stated" and held["country"].checked == "machine"


def test_a_whole_row_citation_states_only_the_values_the_checker_finds_in_it(article):
    company = make_company("Verkor", country="FR")
    passage = cite(company, article, "Verkor will supply Renault Group")
    mark(company, "kind", "general_knowledge", "Verkor makes battery cells.")

    held = ProvenanceIndex([company]).of(company)
    assert held["name"].citations == (passage.pk,) and held["name"].checked == "machine"
    assert held["country"].basis is None  # the passage names no country
    company.review_status = VERIFIED
    with pytest.raises(ValidationError) as refused:
        company.save()
    assert "country" in str(refused.value)


def test_a_field_citation_states_its_field_and_keeps_the_checkers_verdict(article):
    company = make_company("Verkor", country="DE")
    passage = cite(company, article, "Verkor will supply Renault Group", field="country")

    country = ProvenanceIndex([company]).of(company)["country"]
    assert country.basis == "stated" and country.citations == (passage.pk,)
    assert country.checked is None
    ((pk, quote, verdict),) = country.refuted
    assert pk == passage.pk and verdict.status == "not_stated" and "DE" in verdict.reason


def test_a_not_stated_status_needs_no_basis(article):
    plant = make_plant(status=Plant.Status.NOT_STATED, country="")
    cite(plant, article, "Renault Group", field="kind")

    plant.review_status = VERIFIED
    plant.save()  # kind is cited; status "not stated" and the blank country need nothing

    plant.refresh_from_db()
    assert plant.review_status == VERIFIED
    held = ProvenanceIndex([plant]).of(plant)
    assert "status" not in held and "country" not in held
    assert held["kind"].basis == "stated"


def test_a_row_value_without_basis_blocks_verifying_its_record(article):
    plant = make_plant(country="")
    cite(plant, article, "Verkor will supply Renault Group")
    PlantCapacity.objects.create(plant=plant, gwh_per_year=16)

    plant.review_status = VERIFIED
    with pytest.raises(ValidationError) as refused:
        plant.save()
    assert "plant capacity “16 GWh/yr”: gwh_per_year" in " ".join(refused.value.messages)


def test_the_change_form_refuses_to_verify_and_names_the_fields(client, article):
    stake = make_stake()
    reviewer = make_user("rita", "Reviewers")
    client.force_login(reviewer)
    url = reverse("admin:sourcing_stake_change", args=[stake.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "review_status": VERIFIED,
            "holder": stake.holder_id,
            "target": stake.target_id,
            "sourcing-citation-content_type-object_id-TOTAL_FORMS": 0,
            "sourcing-citation-content_type-object_id-INITIAL_FORMS": 0,
            "sourcing-valuebasis-content_type-object_id-TOTAL_FORMS": 0,
            "sourcing-valuebasis-content_type-object_id-INITIAL_FORMS": 0,
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["adminform"].form.errors.values())
    assert "Cannot mark verified" in errors and "holder" in errors and "status" in errors
    stake.refresh_from_db()
    assert stake.review_status != VERIFIED


def test_the_mark_verified_action_refuses_unsourced_records_and_verifies_the_others(
    client, article
):
    sourced = make_stake(make_company("Renault Group"), make_company("Verkor"))
    unsourced = make_stake()
    stake_news = make_article(body="Renault Group owns a stake in Verkor.")
    cite(sourced, stake_news, "Renault Group owns a stake in Verkor.")
    client.force_login(make_user("rita", "Reviewers"))

    response = client.post(
        reverse("admin:sourcing_stake_changelist"),
        {"action": "mark_verified", "_selected_action": [sourced.pk, unsourced.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "1 record(s) marked verified." in page
    assert "Cannot mark verified" in page and "holder" in page
    sourced.refresh_from_db(), unsourced.refresh_from_db()
    assert sourced.review_status == VERIFIED and unsourced.review_status != VERIFIED


def test_a_value_basis_must_name_a_factual_field_and_have_a_note():
    company = make_company()
    basis = ValueBasis(
        content_type=ContentType.objects.get_for_model(company),
        object_id=company.pk,
        field="slug",
        basis="inferred",
        note=" ",
    )
    with pytest.raises(ValidationError) as refused:
        basis.full_clean()
    assert set(refused.value.message_dict) == {"note", "field"} or "note" in (
        refused.value.message_dict
    )


# -- In the API -----------------------------------------------------------------------------------


@pytest.fixture
def sourced_plant():
    article = make_article(
        body="Verkor will build a plant in Dunkirk. Verkor, a French start-up, has entered a "
        "partnership. The plant will reach 50 GWh a year by 2030."
    )
    verkor = make_company("Verkor", review_status=VERIFIED)
    plant = make_plant(operator=verkor, country="FR", city="Dunkirk", review_status=VERIFIED)
    city = cite(plant, article, "a plant in Dunkirk", field="city")
    whole = cite(plant, article, "Verkor, a French start-up, has entered a partnership")
    mark(plant, "status", "inferred", "Read from “funds to build”.")
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=50, year=2030)
    figure = cite(capacity, article, "50 GWh a year", field="gwh_per_year")
    mark(capacity, "plant", "inferred", "Maybe all of Verkor's capacity.")
    milestone = PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2025)
    return plant, {"city": city, "whole": whole, "figure": figure, "milestone": milestone}


def test_plant_json_carries_provenance_of_the_record_and_of_its_rows(sourced_plant):
    plant, cited = sourced_plant

    record = APIClient().get(f"/api/v1/plants/{plant.pk}/", format="json").json()

    provenance = record["provenance"]
    assert provenance["city"] == {
        "basis": "stated",
        "citations": [cited["city"].pk],
        "note": "",
        "checked": "machine",  # "a plant in Dunkirk" names the city
    }
    assert provenance["country"]["citations"] == [cited["whole"].pk]  # a whole-row citation
    assert provenance["status"] == {
        "basis": "inferred",
        "citations": [cited["whole"].pk],  # what it is inferred from
        "note": "Read from “funds to build”.",
        "checked": None,
    }
    assert "region" not in provenance  # blank: nothing to source
    capacity = record["capacities"][0]["provenance"]
    assert capacity["gwh_per_year"]["citations"] == [cited["figure"].pk]
    assert capacity["plant"]["basis"] == "inferred"
    assert capacity["plant"]["note"] == "Maybe all of Verkor's capacity."
    assert record["milestones"][0]["provenance"]["year"]["basis"] is None  # visible: unsourced


def test_agreement_parties_and_aliases_take_their_basis_from_the_record_passages(article):
    renault = make_company("Renault Group", aliases=["Renault"], review_status=VERIFIED)
    passage = cite(renault, article, "Verkor will supply Renault Group")
    agreement = make_agreement(parties=[(renault, AgreementParty.Role.BUYER)], status="signed")
    agreement.review_status = VERIFIED
    Agreement.objects.filter(pk=agreement.pk).update(review_status=VERIFIED)
    whole = cite(agreement, article, "Verkor will supply Renault Group")

    party = APIClient().get(f"/api/v1/agreements/{agreement.pk}/").json()["parties"][0]
    company = APIClient().get(f"/api/v1/companies/{renault.pk}/").json()

    assert party["provenance"]["role"] == {
        "basis": "stated",
        "citations": [whole.pk],
        "note": "",
        "checked": "machine",  # Renault Group named after "will supply": the buyer
    }
    assert company["aliases"][0]["provenance"]["name"]["citations"] == [passage.pk]
    assert company["provenance"]["name"]["citations"] == [passage.pk]


def test_csv_has_a_readable_provenance_column(sourced_plant):
    plant, cited = sourced_plant

    response = APIClient().get("/api/v1/plants/", {"format": "csv"})
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))

    text = row["provenance"]
    assert f"city: stated (citations {cited['city'].pk}), checked by machine" in text
    assert f"status: inferred (citations {cited['whole'].pk}): Read from “funds to build”." in text
    assert "[50 GWh/yr (target, 2030)] plant: inferred: Maybe all of Verkor's capacity." in text


def test_the_schema_documents_provenance():
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    plant = schema["components"]["schemas"]["Plant"]["properties"]["provenance"]
    basis = plant["additionalProperties"]["properties"]["basis"]
    assert basis["enum"] == ["stated", "inferred", "general_knowledge"]
    checked = plant["additionalProperties"]["properties"]["checked"]
    assert checked["enum"] == ["machine", "reviewer"] and checked["nullable"]


def test_the_source_view_shows_inferred_values_with_their_notes(client, article):
    plant = make_plant(review_status=VERIFIED, name="Douai gigafactory")
    cite(plant, article, "Verkor will supply Renault Group", field="status")
    mark(plant, "status", "inferred", "“Implantation en cours” read as under construction.")

    page = client.get(reverse("pages:article-source", args=[article.pk])).content.decode()

    assert 'status: <span class="basis">inferred</span>' in page
    assert "“Implantation en cours” read as under construction." in page


def test_notes_follow_a_merged_company_and_go_with_a_deleted_record():
    kept, duplicate = make_company("Verkor"), make_company("Verkor SAS")
    mark(duplicate, "kind", "general_knowledge", "Verkor makes battery cells.")
    mark(duplicate, "country", "inferred", "Founded in Grenoble.")
    mark(kept, "kind", "inferred", "It develops cells.")

    merge_companies(duplicate, kept)

    notes = {entry.field: entry.note for entry in kept.value_bases.all()}
    assert notes == {"kind": "It develops cells.", "country": "Founded in Grenoble."}
    kept.delete()
    assert not ValueBasis.objects.exists()
