"""A likely duplicate is named, with a link, before it is saved; a confirmed one is saved."""

import pytest
from django.urls import reverse

from sourcing.desk.views import proposal_rows
from sourcing.models import Agreement, AgreementParty, Stake

from .factories import (
    change_url,
    changeform_data,
    client_for,
    error_text,
    make_agreement,
    make_company,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    return client_for(client, make_user("edith", "Editors"))


def stake_add_data(editor_client, holder, target, **extra):
    data = changeform_data(editor_client.get(reverse("admin:sourcing_stake_add")))
    data.update(holder=holder.pk, target=target.pk, status="completed", as_of="2023", **extra)
    return data


def test_a_second_stake_of_the_same_holder_in_the_same_target_is_named_before_saving(
    editor_client,
):
    holder, target = make_company("Stellantis"), make_company("Voltaris")
    existing = make_stake(holder=holder, target=target)
    url = reverse("admin:sourcing_stake_add")

    warned = editor_client.post(url, stake_add_data(editor_client, holder, target))

    assert warned.status_code == 200
    page = warned.content.decode()
    assert "This looks like a duplicate of" in page
    assert f'<a href="{change_url(existing)}">' in page
    assert '<input type="checkbox" name="save_as_distinct" value="1">' in page
    assert Stake.objects.count() == 1

    saved = editor_client.post(
        url, stake_add_data(editor_client, holder, target, save_as_distinct="1")
    )
    assert saved.status_code == 302
    assert Stake.objects.count() == 2


def test_editing_a_stake_that_already_has_a_rival_is_not_warned_again(editor_client):
    holder, target = make_company("Stellantis"), make_company("Voltaris")
    make_stake(holder=holder, target=target)
    stake = make_stake(holder=holder, target=target)
    data = changeform_data(editor_client.get(change_url(stake)))
    data["notes"] = "Checked."

    assert editor_client.post(change_url(stake), data).status_code == 302


def test_an_agreement_of_the_same_kind_between_the_same_companies_is_named(editor_client):
    buyer, supplier = make_company("Stellantis"), make_company("Voltaris")
    existing = make_agreement(
        parties=[(buyer, AgreementParty.Role.BUYER), (supplier, AgreementParty.Role.SUPPLIER)]
    )
    data = changeform_data(editor_client.get(reverse("admin:sourcing_agreement_add")))
    data.pop("programmes", None)  # an empty multiple choice is sent as nothing
    data.update(
        {
            "title": "Another supply deal",
            "kind": existing.kind,
            "status": "signed",
            "parties-0-company": supplier.pk,
            "parties-0-role": "supplier",
            "parties-1-company": buyer.pk,
            "parties-1-role": "buyer",
        }
    )

    warned = editor_client.post(reverse("admin:sourcing_agreement_add"), data)

    assert warned.status_code == 200
    assert change_url(existing) in warned.content.decode()
    assert Agreement.objects.count() == 1
    data["save_as_distinct"] = "1"
    saved = editor_client.post(reverse("admin:sourcing_agreement_add"), data)
    assert saved.status_code == 302, error_text(saved)
    assert Agreement.objects.count() == 2


def test_the_desk_looks_up_the_companies_its_proposals_share_once(django_assert_num_queries):
    holder, target = make_company("Stellantis"), make_company("Voltaris")
    existing = make_stake(holder=holder, target=target)
    stake = {"kind": "stake", "fields": {"holder": "Stellantis", "target": "Voltaris"}}
    parties = [{"company": "Stellantis"}, {"company": "Voltaris"}]
    agreement = {"kind": "agreement", "fields": {"kind": "supply", "parties": parties}}
    proposals = [{**stake, "quote": "a"}, {**stake, "quote": "b"}, {**agreement, "quote": "c"}]
    proposal_rows(proposals, [], {})  # the content types, cached for the process

    # Each company by slug then by name, once; then each proposal's own duplicates query.
    with django_assert_num_queries(2 * 2 + 3):
        rows = proposal_rows(proposals, [], {})

    assert [[record for record, _url in row["duplicates"]] for row in rows] == [
        [existing],
        [existing],
        [],
    ]
