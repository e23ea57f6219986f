"""
The change feed and the bulk export: replaying the feed from the start gives exactly the export,
whatever wrote (the ORM, the admin, seed, merge), and per reader (anonymous readers see
unverified and deleted records as deletions).
"""

import gzip
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from sourcing.merging import merge_companies
from sourcing.models import (
    AgreementParty,
    ChangeFeedHorizon,
    Citation,
    Company,
    ReviewStatus,
)
from sourcing.seeding import seed
from tests.factories import (
    VERIFIED,
    changeform_data,
    make_agreement,
    make_company,
    make_stake,
)

RESOURCES = ["articles", "companies", "stakes", "agreements", "plants", "programmes"]


def replay(client, **params):
    """The records a consumer holds after applying the whole feed, by (resource, id)."""
    held, after = {}, 0
    while True:
        response = client.get("/api/v1/changes/", {"after": after, **params})
        assert response.status_code == 200, response.content
        body = response.json()
        for entry in body["results"]:
            key = (entry["resource"], entry["id"])
            if entry["action"] == "upsert":
                held[key] = entry["record"]
            else:
                assert entry["record"] is None
                held.pop(key, None)
        assert body["last_seq"] >= after
        after = body["last_seq"]
        if body["next"] is None:
            return held


def export(client):
    held = {}
    for resource in RESOURCES:
        response = client.get(f"/api/v1/export/{resource}/")
        assert response.status_code == 200, response.content
        assert response["Content-Type"] == "application/x-ndjson"
        lines = b"".join(response.streaming_content).decode().splitlines()
        ids = [json.loads(line)["id"] for line in lines]
        assert ids == sorted(ids)
        held.update({(resource, json.loads(line)["id"]): json.loads(line) for line in lines})
    return held


@pytest.fixture
def staff():
    client = APIClient()
    client.force_authenticate(User.objects.create_user("staffer", is_staff=True))
    return client


def assert_feed_rebuilds_export(*clients):
    for client in clients:
        assert replay(client) == export(client)


def test_replaying_the_feed_of_a_seeded_database_gives_the_export(seeded, staff):
    public = APIClient()
    held = replay(public)
    assert {resource for resource, _ in held} == set(RESOURCES)
    assert len([key for key in held if key[0] == "companies"]) == Company.objects.count()
    assert_feed_rebuilds_export(public, staff)


def test_edits_through_the_orm_are_in_the_feed_in_the_same_transaction(seeded, staff):
    public = APIClient()
    after = public.get("/api/v1/changes/").json()["last_seq"]
    company = Company.objects.get(slug="verkor")
    company.description = "A new description"
    company.save()
    # A deleted citation changes its record; a row's change is its record's change.
    Citation.objects.for_record(company).first().delete()
    party = AgreementParty.objects.filter(company=company).first()
    party.role = AgreementParty.Role.PARTNER
    party.save()
    entries = public.get("/api/v1/changes/", {"after": after}).json()["results"]
    changed = {(entry["resource"], entry["id"]) for entry in entries}
    assert {("agreements", party.agreement_id), ("companies", company.pk)} <= changed
    assert_feed_rebuilds_export(public, staff)


def test_a_record_sent_back_for_review_is_a_deletion_for_the_public_only(seeded, staff):
    public = APIClient()
    stake = make_stake(
        holder=make_company(review_status=VERIFIED),
        target=make_company(review_status=VERIFIED),
        review_status=VERIFIED,
    )
    after = public.get("/api/v1/changes/").json()["last_seq"]
    stake.review_status = ReviewStatus.NEEDS_REVIEW
    stake.save()
    for client, action in ((public, "delete"), (staff, "upsert")):
        entries = client.get("/api/v1/changes/", {"after": after}).json()["results"]
        assert [(e["resource"], e["id"], e["action"]) for e in entries] == [
            ("stakes", stake.pk, action)
        ]
    assert_feed_rebuilds_export(public, staff)


def test_a_company_turning_draft_hides_its_stakes_from_the_public_feed(db):
    holder = make_company(review_status=VERIFIED)
    stake = make_stake(
        holder=holder, target=make_company(review_status=VERIFIED), review_status=VERIFIED
    )
    public = APIClient()
    assert ("stakes", stake.pk) in replay(public)
    holder.review_status = ReviewStatus.DRAFT
    holder.save()
    assert ("stakes", stake.pk) not in replay(public)
    assert_feed_rebuilds_export(public)


def test_drafts_never_published_are_never_named_to_the_public(db, staff):
    public = APIClient()
    published = make_company("Published", review_status=VERIFIED)
    before = public.get("/api/v1/changes/").json()["last_seq"]
    list_tag = public.get("/api/v1/companies/")["ETag"]

    draft = make_company("Never published")  # a draft, edited, then deleted
    draft.description = "Still a draft"
    draft.save()
    hidden_stake = make_stake(holder=published, target=draft, review_status=VERIFIED)
    draft_id, stake_id = draft.pk, hidden_stake.pk
    hidden_stake.delete()
    draft.delete()

    answer = public.get("/api/v1/changes/", {"after": before}).json()
    named = {(e["resource"], e["id"]) for e in answer["results"]}
    assert ("companies", draft_id) not in named and ("stakes", stake_id) not in named
    assert answer["last_seq"] == before
    # What the public sees did not change, so neither do its validators.
    assert public.get("/api/v1/companies/")["ETag"] == list_tag
    assert public.get("/api/v1/companies/", HTTP_IF_NONE_MATCH=list_tag).status_code == 304
    # Staff, who saw the draft, are told it went.
    entries = staff.get("/api/v1/changes/", {"after": before}).json()["results"]
    assert ("companies", draft_id, "delete") in {
        (e["resource"], e["id"], e["action"]) for e in entries
    }
    assert_feed_rebuilds_export(public, staff)


def test_a_record_the_public_saw_stays_named_after_it_is_withdrawn(db):
    public = APIClient()
    company = make_company("Seen", review_status=VERIFIED)
    before = public.get("/api/v1/changes/").json()["last_seq"]
    company.review_status = ReviewStatus.DRAFT
    company.save()
    company.description = "Edited while withdrawn"
    company.save()

    entries = public.get("/api/v1/changes/", {"after": before}).json()["results"]
    assert [(e["id"], e["action"]) for e in entries] == [(company.pk, "delete")]
    assert_feed_rebuilds_export(public)


def test_deleted_records_are_deletions_and_merges_are_followed(seeded, staff):
    public = APIClient()
    kept = Company.objects.get(slug="renault-group")
    duplicate = make_company("Renault SA", review_status=VERIFIED)
    make_agreement(parties=[(duplicate, AgreementParty.Role.BUYER)], review_status=VERIFIED)
    merge_companies(duplicate, kept)
    assert ("companies", duplicate.pk) not in replay(public)
    assert_feed_rebuilds_export(public, staff)
    agreement = make_agreement(review_status=VERIFIED)
    pk = agreement.pk
    agreement.delete()
    entries = public.get("/api/v1/changes/", {"resource": "agreements"}).json()["results"]
    assert {"resource": "agreements", "id": pk, "action": "delete"}.items() <= entries[-1].items()


def test_seeding_again_after_edits_keeps_feed_and_export_equal(seeded, staff):
    public = APIClient()
    Company.objects.filter(slug="verkor").update(description="changed behind the seed's back")
    seed()
    assert_feed_rebuilds_export(public, staff)


def test_an_admin_edit_is_in_the_feed(seeded, client, staff):
    admin = User.objects.create_superuser("boss", password="pw-for-tests-only")
    client.force_login(admin)
    company = Company.objects.get(slug="verkor")
    after = staff.get("/api/v1/changes/").json()["last_seq"]
    data = changeform_data(client.get(f"/admin/sourcing/company/{company.pk}/change/"))
    data["name"] = "Verkor SAS"
    response = client.post(f"/admin/sourcing/company/{company.pk}/change/", data)
    assert response.status_code == 302, response.context and response.context.get("errors")
    entries = staff.get("/api/v1/changes/", {"after": after}).json()["results"]
    companies = [e for e in entries if e["resource"] == "companies" and e["id"] == company.pk]
    assert companies and companies[-1]["record"]["name"] == "Verkor SAS"
    assert_feed_rebuilds_export(APIClient(), staff)


def test_paging_through_the_feed_and_filtering_by_resource(seeded):
    public = APIClient()
    first = public.get("/api/v1/changes/", {"page_size": 3}).json()
    assert len(first["results"]) == 3 and first["next"]
    second = public.get(first["next"]).json()
    assert second["results"][0]["seq"] > first["results"][-1]["seq"] == first["last_seq"]
    stakes = public.get("/api/v1/changes/", {"resource": "stakes"}).json()["results"]
    assert stakes and {entry["resource"] for entry in stakes} == {"stakes"}


@pytest.mark.parametrize(
    "params, name",
    [
        ({"after": "-1"}, "after"),
        ({"after": "x"}, "after"),
        ({"resource": "kittens"}, "resource"),
        ({"page_size": "0"}, "page_size"),
        ({"since": "1"}, "since"),
    ],
)
def test_bad_feed_parameters_are_400s_naming_them(db, params, name):
    response = APIClient().get("/api/v1/changes/", params)
    assert response.status_code == 400
    assert name in response.json()


def test_a_consumer_older_than_the_horizon_is_told_to_take_the_export(seeded):
    ChangeFeedHorizon.objects.create(pruned_through=50)
    response = APIClient().get("/api/v1/changes/", {"after": 10})
    assert response.status_code == 410
    assert "export" in response.json()["detail"]
    assert isinstance(response.json()["last_seq"], int)
    assert APIClient().get("/api/v1/changes/", {"after": 50}).status_code == 200


def test_a_poll_after_a_number_no_change_has_reached_is_refused(seeded):
    public = APIClient()
    newest = public.get("/api/v1/changes/", {"page_size": 1000}).json()["last_seq"]

    caught_up = public.get("/api/v1/changes/", {"after": newest})
    assert caught_up.status_code == 200
    assert caught_up.json() == {"results": [], "next": None, "last_seq": newest}
    # Nothing of this resource after the newest number of another: no error either.
    stakes = public.get("/api/v1/changes/", {"after": newest, "resource": "stakes"})
    assert stakes.status_code == 200

    # A kept number the database has not reached (restored since, or mistyped) would skip every
    # change up to it without a word if echoed back as last_seq.
    ahead = public.get("/api/v1/changes/", {"after": newest + 1000})
    assert ahead.status_code == 400
    [message] = ahead.json()["after"]
    assert f"above {newest}" in message and "export" in message


def test_export_applies_the_list_filters_and_refuses_pages(seeded):
    public = APIClient()
    response = public.get("/api/v1/export/companies/", {"kind": "carmaker"})
    kinds = {json.loads(line)["kind"] for line in b"".join(response.streaming_content).splitlines()}
    assert kinds == {"carmaker"}
    assert public.get("/api/v1/export/companies/", {"page": "2"}).status_code == 400
    next_url = public.get("/api/v1/companies/", {"page_size": 1}).json()["next"]
    [cursor] = parse_qs(urlsplit(next_url).query)["cursor"]
    refused = public.get("/api/v1/export/companies/", {"cursor": cursor})
    assert refused.status_code == 400 and list(refused.json()) == ["cursor"]
    assert public.get("/api/v1/export/companies/", {"kind": "nope"}).status_code == 400
    # The export is by id: an ordering it would ignore is refused rather than accepted.
    refused = public.get("/api/v1/export/companies/", {"ordering": "-name"})
    assert refused.status_code == 400 and list(refused.json()) == ["ordering"]
    assert public.get("/api/v1/export/kittens/").status_code == 404


def test_export_answers_a_client_asking_for_json_lines(seeded):
    public = APIClient()
    response = public.get("/api/v1/export/companies/", HTTP_ACCEPT="application/x-ndjson")
    assert response.status_code == 200 and response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).splitlines()
    assert len(lines) == Company.objects.verified().count()
    error = public.get(
        "/api/v1/export/companies/", {"kind": "x"}, HTTP_ACCEPT="application/x-ndjson"
    )
    assert error.status_code == 400 and error["Content-Type"] == "application/json"
    assert "kind" in json.loads(error.content)


def test_export_as_csv_and_gzip(seeded):
    public = APIClient()
    response = public.get("/api/v1/export/agreements/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    listed = public.get("/api/v1/agreements/", {"format": "csv", "page_size": 100}).content.decode()
    assert sorted(text.splitlines()[1:]) == sorted(listed.splitlines()[1:])
    compressed = public.get("/api/v1/export/agreements/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    lines = gzip.decompress(b"".join(compressed.streaming_content)).decode().splitlines()
    assert len(lines) == len(text.splitlines()) - 1


def test_lists_and_details_answer_conditional_gets(seeded):
    public = APIClient()
    company = Company.objects.get(slug="verkor")
    for url in ("/api/v1/companies/", f"/api/v1/companies/{company.pk}/"):
        first = public.get(url)
        assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
        assert public.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert public.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    etag = public.get(f"/api/v1/companies/{company.pk}/")["ETag"]
    company.description = "changed"
    company.save()
    again = public.get(f"/api/v1/companies/{company.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag
    # Another reader, another tag: staff see drafts the public does not.
    staff = APIClient()
    staff.force_authenticate(User.objects.create_user("s", is_staff=True))
    assert staff.get("/api/v1/companies/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_export_command_writes_every_resource_whole(seeded, tmp_path):
    from django.core.management import call_command

    call_command(
        "export",
        tmp_path / "dump",
        "--base-url",
        "http://testserver",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    held = {}
    for resource in RESOURCES:
        lines = (tmp_path / "dump" / f"{resource}.jsonl").read_text().splitlines()
        held.update({(resource, json.loads(line)["id"]): json.loads(line) for line in lines})
    assert held == export(APIClient())
    call_command(
        "export",
        tmp_path / "csv",
        "--format",
        "csv",
        "--gzip",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    with gzip.open(tmp_path / "csv" / "agreements.csv.gz", "rt") as dump:
        assert dump.readline().startswith("id,title,")
    assert not list((tmp_path / "csv").glob("*.partial"))
