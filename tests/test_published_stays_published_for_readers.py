"""
Issue 23's cases, each read through every channel an anonymous reader has: an editor edits a
verified record's value, adds a citation, a party or a capacity to it, or merges a draft company
into it. While the change awaits review, readers get the reviewed record everywhere (detail,
list, search, filter, CSV, export) and the feed carries nothing; once published, they get the new
values and the feed one upsert; once rejected, nothing changed for them.
"""

import pytest
from django.test import Client

from sourcing.merging import merge_companies
from sourcing.models import AgreementParty, PlantCapacity, ReviewStatus, editing_as
from sourcing.models.pending import pending_version_of, publish, reject

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
BODY = (
    "Verkor will supply Renault Group with batteries from its Dunkirk plant. The plant will make "
    "16 GWh of cells a year from 2025. Verkor is a French battery maker."
)


@pytest.fixture
def people():
    make_editorial_groups()
    return make_user("channels-editor", "Editors"), make_user("channels-reviewer", "Reviewers")


@pytest.fixture
def published(people):
    article = make_article(body=BODY)
    verkor = noted(make_company("Verkor", review_status=VERIFIED, description="A battery maker."))
    renault = noted(make_company("Renault Group", review_status=VERIFIED))
    cite(verkor, article, "Verkor is a French battery maker")
    plant = noted(make_plant(name="Dunkirk plant", operator=verkor, review_status=VERIFIED))
    cite(plant, article, "its Dunkirk plant")
    agreement = make_agreement(
        parties=[(verkor, AgreementParty.Role.SUPPLIER)], review_status=VERIFIED
    )
    cite(agreement, article, "Verkor will supply Renault Group with batteries")
    for party in agreement.parties.all():
        noted(party)
    return {
        "article": article,
        "verkor": verkor,
        "renault": renault,
        "plant": plant,
        "agreement": noted(agreement),
    }


def edit_a_value(world):
    world["verkor"].description = "A French battery maker."
    world["verkor"].save()
    return world["verkor"]


def add_a_citation(world):
    cite(world["agreement"], world["article"], "The plant will make 16 GWh of cells a year")
    return world["agreement"]


def add_a_party(world):
    party = AgreementParty.objects.create(
        agreement=world["agreement"], company=world["renault"], role=AgreementParty.Role.BUYER
    )
    noted(party)
    return world["agreement"]


def add_a_capacity(world):
    capacity = PlantCapacity.objects.create(plant=world["plant"], gwh_per_year=16, year=2025)
    cite(capacity, world["article"], "16 GWh of cells a year from 2025")
    noted(capacity)
    return world["plant"]


def merge_a_duplicate(world):
    duplicate = make_company("Verkor Batteries")
    editor = world["editor"]
    merge_companies(duplicate, world["verkor"], user=editor, needs_review=True)
    # The duplicate's name, now an alias, needs a basis like any value: the editor notes it.
    noted(pending_version_of(world["verkor"]).aliases.get(name="Verkor Batteries"))
    return world["verkor"]


CASES = [edit_a_value, add_a_citation, add_a_party, add_a_capacity, merge_a_duplicate]

# What an anonymous reader asks of each resource: every channel, a search and a filter.
CHANNELS = {
    "companies": lambda world: [
        ("", {}),
        ("", {"search": "verkor"}),
        ("", {"country": "FR"}),
        ("", {"format": "csv"}),
    ],
    "agreements": lambda world: [
        ("", {}),
        ("", {"search": "agreement"}),
        ("", {"party": world["verkor"].slug}),
        ("", {"format": "csv"}),
    ],
    "plants": lambda world: [
        ("", {}),
        ("", {"search": "dunkirk"}),
        ("", {"min_capacity_gwh": 10}),
        ("", {"format": "csv"}),
    ],
}
RESOURCE = {"Company": "companies", "Agreement": "agreements", "Plant": "plants"}


def body(response):
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content) if response.streaming else response.content


def what_readers_see(world, record):
    """Every answer an anonymous reader gets about ``record``'s resource, and the feed."""
    reader, resource = Client(), RESOURCE[type(record).__name__]
    answers = {"detail": body(reader.get(f"/api/v1/{resource}/{record.pk}/"))}
    answers["detail csv"] = body(reader.get(f"/api/v1/{resource}/{record.pk}/", {"format": "csv"}))
    for number, (suffix, params) in enumerate(CHANNELS[resource](world)):
        answers[f"list {number} {params}"] = body(
            reader.get(f"/api/v1/{resource}/{suffix}", params)
        )
    answers["export"] = body(reader.get(f"/api/v1/export/{resource}/"))
    answers["export csv"] = body(reader.get(f"/api/v1/export/{resource}/", {"format": "csv"}))
    return answers


def feed(after=0):
    return Client().get("/api/v1/changes/", {"after": after, "page_size": 1000}).json()


@pytest.mark.parametrize("outcome", ["published", "rejected"])
@pytest.mark.parametrize("change", CASES, ids=[case.__name__ for case in CASES])
def test_readers_keep_the_reviewed_record_until_a_reviewer_decides(
    published, people, change, outcome
):
    editor, reviewer = people
    world = {**published, "editor": editor}
    record = {
        edit_a_value: world["verkor"],
        add_a_citation: world["agreement"],
        add_a_party: world["agreement"],
        add_a_capacity: world["plant"],
        merge_a_duplicate: world["verkor"],
    }[change]
    before = what_readers_see(world, record)
    last_seq = feed()["last_seq"]

    with editing_as(editor):
        change(world)

    assert pending_version_of(record) is not None
    assert what_readers_see(world, record) == before
    assert feed(last_seq)["results"] == []  # no delete, no unreviewed value

    with editing_as(reviewer):
        if outcome == "published":
            publish(pending_version_of(record))
        else:
            reject(pending_version_of(record), "Not what the passage says.", user=reviewer)

    after = what_readers_see(world, record)
    entries = [(e["resource"], e["id"], e["action"]) for e in feed(last_seq)["results"]]
    if outcome == "rejected":
        assert after == before
        assert entries == []
    else:
        assert after["detail"] != before["detail"]
        assert after["export"] != before["export"]
        resource = RESOURCE[type(record).__name__]
        assert (resource, record.pk, "upsert") in entries
        assert all(action == "upsert" for _, _, action in entries)
        assert entries.count((resource, record.pk, "upsert")) == 1
