"""
The change feed follows work done at the curation desk: accepting proposals, citing a selection,
verifying, and deleting a citation on a record page. At every step, replaying the feed from the
start gives exactly the export, for the public and for staff.
"""

import pytest
from rest_framework.test import APIClient

from sourcing.models import Citation, Company, ReviewStatus, Stake
from sourcing.models.pending import pending_version_of

from .factories import (
    change_url,
    changeform_data,
    client_for,
    desk_act,
    error_text,
    make_article,
    make_company,
    make_user,
)
from .test_changes import assert_feed_rebuilds_export, replay

pytestmark = pytest.mark.django_db

BODY = (
    "Paris, 12 March 2024. Stellantis and Voltaris signed a supply agreement on Tuesday. "
    "Stellantis will take a 30% stake in Voltaris, the French start-up. "
    "The stake values Voltaris at 400 million euros."
)
STAKE_QUOTE = "Stellantis will take a 30% stake in Voltaris"
VALUATION_QUOTE = "The stake values Voltaris at 400 million euros"
CITATIONS = "sourcing-citation-content_type-object_id"


def desk(client, article, **payload):
    reply = desk_act(client, article, **payload)
    assert reply.status_code == 200, reply.json()
    return reply


def record_key(record):
    from django.contrib.contenttypes.models import ContentType

    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"


def entries_after(client, after):
    results = client.get("/api/v1/changes/", {"after": after}).json()["results"]
    return [(entry["resource"], entry["id"], entry["action"]) for entry in results]


def last_seq(client):
    return client.get("/api/v1/changes/").json()["last_seq"]


@pytest.fixture
def readers():
    staff = APIClient()
    staff.force_authenticate(make_user("watcher", is_staff=True))
    return APIClient(), staff


def test_desk_work_reaches_the_feed_and_replaying_it_gives_the_export(client, readers):
    public, staff = readers
    editor, reviewer = make_user("edith", "Editors"), make_user("rita", "Reviewers")
    stellantis = make_company("Stellantis", review_status=ReviewStatus.VERIFIED)
    article = make_article(title="Stellantis and Voltaris", body=BODY)
    start = BODY.index(STAKE_QUOTE)

    # An editor accepts a proposal: draft records, seen by staff only.
    before = last_seq(public)
    proposal = {
        "kind": "stake",
        "fields": {"holder": "Stellantis", "target": "Voltaris", "share_exact": "30"},
        "quote": STAKE_QUOTE,
        "start": start,
        "end": start + len(STAKE_QUOTE),
        "exists": False,
    }
    desk(client_for(client, editor), article, action="accept", proposal=proposal)
    stake, voltaris = Stake.objects.get(), Company.objects.get(name="Voltaris")
    # The public learns nothing it could read: a draft is at most a deletion for it.
    assert {action for _, _, action in entries_after(public, before)} <= {"delete"}
    assert {("stakes", stake.pk, "upsert"), ("companies", voltaris.pk, "upsert")} <= set(
        entries_after(staff, before)
    )
    assert_feed_rebuilds_export(public, staff)

    # A reviewer verifies both at the desk: the public now receives them.
    before = last_seq(public)
    desk(
        client_for(client, reviewer),
        article,
        action="verify",
        targets=[record_key(stake), record_key(voltaris)],
    )
    assert set(entries_after(public, before)) == {
        ("stakes", stake.pk, "upsert"),
        ("companies", voltaris.pk, "upsert"),
    }
    assert_feed_rebuilds_export(public, staff)

    # The editor cites another passage for the verified stake: the citation waits for review in
    # the stake's pending version. Neither the public nor staff readers of the feed see a change:
    # the stake they read is the reviewed one.
    before = last_seq(public)
    staff_before = staff.get("/api/v1/changes/", {"after": before}).json()["results"]
    valuation = BODY.index(VALUATION_QUOTE)
    desk(
        client_for(client, editor),
        article,
        action="cite",
        target=record_key(stake),
        start=valuation,
        end=valuation + len(VALUATION_QUOTE),
    )
    stake.refresh_from_db()
    assert stake.review_status == ReviewStatus.VERIFIED
    assert entries_after(public, before) == []
    assert staff.get("/api/v1/changes/", {"after": before}).json()["results"] == staff_before
    pending = pending_version_of(stake)
    quotes = {c.quote for c in Citation.objects.for_record(pending)}
    assert {STAKE_QUOTE, VALUATION_QUOTE} <= quotes
    assert [c["quote"] for c in public.get(f"/api/v1/stakes/{stake.pk}/").json()["citations"]] == [
        STAKE_QUOTE
    ]
    assert_feed_rebuilds_export(public, staff)

    # On the stake's record page (its pending version) the reviewer deletes the new citation
    # and verifies it: the public receives one upsert of the stake.
    client_for(client, reviewer)
    data = changeform_data(client.get(change_url(stake)))
    rows = int(data[f"{CITATIONS}-INITIAL_FORMS"])
    deleted = Citation.objects.for_record(pending).get(quote=VALUATION_QUOTE)
    row = next(i for i in range(rows) if data[f"{CITATIONS}-{i}-id"] == str(deleted.pk))
    data[f"{CITATIONS}-{row}-DELETE"] = "on"
    data["review_status"] = ReviewStatus.VERIFIED
    before = last_seq(public)
    response = client.post(change_url(stake), data)
    assert response.status_code == 302, error_text(response)
    assert not Citation.objects.filter(pk=deleted.pk).exists()
    assert entries_after(public, before) == [("stakes", stake.pk, "upsert")]
    record = public.get(f"/api/v1/stakes/{stake.pk}/").json()
    assert [c["quote"] for c in record["citations"]] == [STAKE_QUOTE]
    assert_feed_rebuilds_export(public, staff)
    assert ("companies", stellantis.pk) in replay(public)
