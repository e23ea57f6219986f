"""
The desk accepts a proposal once, and makes plants: a proposal accepted in one session is a 409
naming its record in another; the panel then shows the record as it is; a capacity or milestone
of a plant the database does not know creates the plant with it; a plant proposal creates a plant.
"""

import pytest
from django.test import Client
from django.urls import reverse

from sourcing.desk.fingerprints import fingerprint
from sourcing.models import (
    AcceptedProposal,
    Citation,
    Company,
    Plant,
    PlantCapacity,
    ReviewStatus,
    Stake,
)

from .factories import client_for, make_article, make_company, make_plant, make_user
from .factories import desk_act as act

pytestmark = pytest.mark.django_db

BODY = (
    "Lyon, 3 May 2026. Norvane will build a cell plant in Valence with a capacity of 12 GWh. "
    "Cardel takes a 40% stake in Norvane. Cardel's Valence site is not the same as its plant."
)
STAKE_QUOTE = "Cardel takes a 40% stake in Norvane"
CAPACITY_QUOTE = "Norvane will build a cell plant in Valence with a capacity of 12 GWh"


def proposal(kind, fields, quote):
    start = BODY.index(quote)
    return {
        "kind": kind,
        "fields": fields,
        "quote": quote,
        "start": start,
        "end": start + len(quote),
    }


def stake_proposal():
    return proposal(
        "stake", {"holder": "Cardel", "target": "Norvane", "share_exact": "40"}, STAKE_QUOTE
    )


@pytest.fixture
def article():
    return make_article(title="Norvane in Valence", body=BODY)


@pytest.fixture
def engine_proposes(monkeypatch):
    """Make the engine propose exactly ``proposals`` for every article."""
    from sourcing.desk import views as desk

    def propose(*proposals):
        monkeypatch.setattr(
            desk,
            "suggest",
            lambda article: {"article": article.pk, "mentions": [], "proposals": list(proposals)},
        )

    return propose


def desk_page(client, article):
    return client.get(reverse("admin:sourcing_article_desk", args=[article.pk])).content.decode()


def test_the_same_proposal_accepted_in_two_sessions_makes_one_record_and_one_409(
    article, engine_proposes
):
    engine_proposes(stake_proposal())
    make_company("Cardel")
    editor = client_for(Client(), make_user("edith", "Editors"))
    reviewer = client_for(Client(), make_user("rita", "Reviewers"))
    # Both drew the desk before either accepted: the same proposal, with its fingerprint.
    sent = {**stake_proposal(), "fingerprint": fingerprint(stake_proposal())}
    assert sent["fingerprint"] in desk_page(editor, article)

    first = act(editor, article, action="accept", proposal=sent)
    second = act(reviewer, article, action="accept", proposal=sent)

    assert first.status_code == 200, first.json()
    assert second.status_code == 409
    stake = Stake.objects.get()
    assert "already accepted by edith" in second.json()["error"]
    assert str(stake) in second.json()["error"]
    norvane = Company.objects.get(name="Norvane")  # new to the database: made on the way
    assert AcceptedProposal.objects.get().records == [
        {"model": "sourcing.company", "id": norvane.pk},
        {"model": "sourcing.stake", "id": stake.pk},
    ]


def test_an_accepted_proposal_shows_its_record_as_it_is_now(article, engine_proposes):
    engine_proposes(stake_proposal())
    editor = client_for(Client(), make_user("edith", "Editors"))
    act(editor, article, action="accept", proposal=stake_proposal())
    stake = Stake.objects.get()
    stake.share_exact = 45  # changed since, on its own page
    stake.save()

    html = desk_page(editor, article)

    assert "accepted</span>" in html
    assert reverse("admin:sourcing_stake_change", args=[stake.pk]) in html
    assert "45" in html
    assert 'name="accept"' not in html  # nothing left to accept


def test_an_edited_proposal_is_still_the_proposal_the_machine_made(article, engine_proposes):
    """The fingerprint is the machine's: an editor's change of a value before accepting does
    not make the same proposal a new one."""
    engine_proposes(stake_proposal())
    editor = client_for(Client(), make_user("edith", "Editors"))
    drawn = {**stake_proposal(), "fingerprint": fingerprint(stake_proposal())}
    edited = {**drawn, "fields": {**drawn["fields"], "share_exact": "41"}}

    assert act(editor, article, action="accept", proposal=edited).status_code == 200
    assert act(editor, article, action="accept", proposal=drawn).status_code == 409
    assert Stake.objects.get().share_exact == 41


def test_a_fingerprint_that_is_not_one_is_refused(article):
    editor = client_for(Client(), make_user("edith", "Editors"))
    sent = {**stake_proposal(), "fingerprint": "not-a-fingerprint"}

    reply = act(editor, article, action="accept", proposal=sent)

    assert reply.status_code == 400
    assert "fingerprint" in reply.json()["error"]
    assert not Stake.objects.exists()


def test_a_capacity_of_a_plant_the_database_does_not_know_creates_the_plant_with_it(article):
    editor = client_for(Client(), make_user("edith", "Editors"))
    capacity = proposal(
        "plant_capacity",
        {
            "plant": {"id": None, "slug": None, "name": "Norvane Valence", "city": "Valence"},
            "gwh_per_year": "12",
            "qualifier": "exact",
            "basis": "target",
        },
        CAPACITY_QUOTE,
    )

    reply = act(editor, article, action="accept", proposal=capacity)

    assert reply.status_code == 200, reply.json()
    plant = Plant.objects.get()
    assert (plant.name, plant.city, plant.review_status) == (
        "Norvane Valence",
        "Valence",
        ReviewStatus.DRAFT,
    )
    assert PlantCapacity.objects.get().plant == plant
    # Cited at once for its city, so it is in "Cite the selection" without a reload.
    assert plant.citations.get().field == "city"
    assert "Norvane Valence" in reply.json()["panel_html"]


def test_a_plant_proposal_creates_the_plant_and_its_operator(article):
    editor = client_for(Client(), make_user("edith", "Editors"))
    plant = proposal(
        "plant",
        {
            "name": "Norvane Valence",
            "operator": {"id": None, "slug": None, "name": "Norvane"},
            "kind": "cell_gigafactory",
            "status": "announced",
            "city": "Valence",
            "country": "fr",
        },
        CAPACITY_QUOTE,
    )

    reply = act(editor, article, action="accept", proposal=plant)

    assert reply.status_code == 200, reply.json()
    made = Plant.objects.get()
    assert (made.operator.name, made.kind, made.country) == ("Norvane", "cell_gigafactory", "FR")
    assert Citation.objects.filter(object_id=made.pk, quote=CAPACITY_QUOTE).exists()
    again = act(editor, article, action="accept", proposal={**plant, "start": 0, "end": 6})
    assert again.status_code == 400
    assert "already a plant" in again.json()["error"]


def test_a_capacity_equal_to_an_existing_one_is_shown_as_a_likely_duplicate(
    article, engine_proposes
):
    plant = make_plant(name="Norvane Valence", city="Valence")
    existing = PlantCapacity.objects.create(plant=plant, gwh_per_year=12, year=None)
    engine_proposes(
        proposal(
            "plant_capacity",
            {"plant": {"id": plant.pk, "slug": None, "name": plant.name}, "gwh_per_year": 12},
            CAPACITY_QUOTE,
        )
    )
    editor = client_for(Client(), make_user("edith", "Editors"))

    html = desk_page(editor, article)

    assert "Likely duplicate of" in html
    url = reverse("admin:sourcing_plantcapacity_change", args=[existing.pk])
    assert f'<a href="{url}">{existing}</a>' in html


def test_a_proposal_shows_labelled_values_with_its_choices_as_selects(article, engine_proposes):
    make_plant(name="Norvane Valence", city="Valence")
    engine_proposes(
        proposal(
            "plant_capacity",
            {"plant": "Norvane Valence", "gwh_per_year": "12", "qualifier": "up_to", "year": ""},
            CAPACITY_QUOTE,
        ),
        proposal(
            "agreement",
            {"title": "", "kind": "supply", "parties": [{"company": "Cardel", "role": "buyer"}]},
            STAKE_QUOTE,
        ),
    )
    editor = client_for(Client(), make_user("edith", "Editors"))

    html = desk_page(editor, article)

    assert '<option value="up_to" selected>Up to</option>' in html  # not the code "up_to"
    assert '<option value="buyer" selected>Buyer</option>' in html
    assert ">Agreement party 1 · Role</label>" in html
    # The plant box suggests the article's plants, the party box its companies.
    assert 'name="fields.plant" value="Norvane Valence" list="desk-plants"' in html
    assert '<datalist id="desk-plants"><option value="Norvane Valence">' in html
    assert 'list="desk-companies"' in html
    assert "Use the selection" in html


def test_the_reviewer_reads_each_record_s_values_beside_the_passages_cited_for_them(article):
    from .factories import cite

    norvane = make_company("Norvane", country="FR")
    cite(norvane, article, "Norvane will build a cell plant in Valence", field="name")
    reviewer = client_for(Client(), make_user("rita", "Reviewers"))

    html = desk_page(reviewer, article)

    detail = html[html.index('class="review-detail"') :]
    assert "Country: FR" in detail
    assert "Name: <q>Norvane will build a cell plant in Valence</q>" in detail


def test_the_desk_shows_each_value_s_verdict_and_verifying_confirms_what_the_machine_cannot_tell(
    article,
):
    from sourcing.models import ValueConfirmation

    from .factories import cite

    norvane = make_company(
        "Norvane", description="A maker of cells.", kind="not_stated", country=""
    )
    cite(norvane, article, "Norvane will build a cell plant in Valence")
    norvane.refresh_from_db()
    reviewer = client_for(Client(), make_user("rita", "Reviewers"))

    html = desk_page(reviewer, article)

    assert "value-badge-machine" in html  # its name, printed in the passage
    assert "value-badge-no-basis" in html  # its description, which no passage states
    from .test_desk import key

    reply = act(reviewer, article, action="verify", targets=[key(norvane)])
    assert reply.status_code == 400 and "description" in reply.json()["error"]
    assert not ValueConfirmation.objects.exists()
    # Cited for its description, a value the machine cannot tell: shown so, and confirmed by the
    # reviewer's verify.
    cite(norvane, article, "Norvane will build a cell plant in Valence", field="description")
    assert "value-badge-cannot-tell" in desk_page(reviewer, article)

    reply = act(reviewer, article, action="verify", targets=[key(norvane)])

    assert reply.status_code == 200, reply.json()
    assert ValueConfirmation.objects.get().field == "description"
    norvane.refresh_from_db()
    assert norvane.review_status == ReviewStatus.VERIFIED
