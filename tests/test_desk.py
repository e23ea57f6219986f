"""The curation desk with Django's test client: proposals, citations, marks, review, versions."""

import pytest
from django.urls import reverse

from sourcing.models import (
    Agreement,
    AgreementParty,
    Article,
    Citation,
    Company,
    CompanyAlias,
    NonEditorialSpan,
    ReviewStatus,
    Stake,
)

from .factories import cite, client_for, make_agreement, make_article, make_company, make_user
from .factories import desk_act as act

pytestmark = pytest.mark.django_db

BODY = (
    "Paris, 12 March 2024. Stellantis and Voltaris signed a supply agreement on Tuesday. "
    "Stellantis will take a 30% stake in Voltaris, the French start-up.\n"
    "Voltaris expects 8 GWh a year by 2027. Voltaris is Voltaris.\n"
    "Comments\nJoe: Stellantis will take a 30% stake, I doubt it."
)
STAKE_QUOTE = "Stellantis will take a 30% stake in Voltaris"


@pytest.fixture
def editor():
    return make_user("edith", "Editors")


@pytest.fixture
def reviewer():
    return make_user("rita", "Reviewers")


@pytest.fixture
def article():
    return make_article(title="Stellantis and Voltaris", body=BODY)


def stake_proposal(quote=STAKE_QUOTE):
    start = BODY.index(quote) if quote in BODY else 0
    return {
        "kind": "stake",
        "fields": {"holder": "Stellantis", "target": "Voltaris", "share_exact": "30"},
        "quote": quote,
        "start": start,
        "end": start + len(quote),
        "exists": False,
    }


def key(record):
    from django.contrib.contenttypes.models import ContentType

    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"


def test_editor_accepts_a_proposal_as_draft_records_with_their_citations(client, editor, article):
    stellantis = make_company("Stellantis", review_status=ReviewStatus.VERIFIED)

    reply = act(client_for(client, editor), article, action="accept", proposal=stake_proposal())

    assert reply.status_code == 200, reply.json()
    stake = Stake.objects.get()
    assert (stake.holder, stake.target.name) == (stellantis, "Voltaris")
    assert stake.review_status == ReviewStatus.DRAFT
    assert stake.share_exact == 30
    # The company the text names but the database did not know is a draft, cited too.
    voltaris = Company.objects.get(name="Voltaris")
    assert voltaris.review_status == ReviewStatus.DRAFT
    assert voltaris.citations.get().passage == STAKE_QUOTE
    assert stake.citations.get().passage == STAKE_QUOTE
    answer = reply.json()
    assert "Stellantis in Voltaris" in answer["panel_html"]
    assert answer["version"] == article.version + 1


def test_editor_cannot_verify_from_the_desk_but_a_reviewer_can(client, editor, reviewer, article):
    act(client_for(client, editor), article, action="accept", proposal=stake_proposal())
    stake = Stake.objects.get()

    refused = act(client, article, action="verify", targets=[key(stake)])

    assert refused.status_code == 400
    assert "Only reviewers" in refused.json()["error"]
    stake.refresh_from_db()
    assert stake.review_status == ReviewStatus.DRAFT

    client.force_login(reviewer)
    done = act(client, article, action="verify", targets=[key(stake)])
    assert done.status_code == 200
    stake.refresh_from_db()
    assert stake.review_status == ReviewStatus.VERIFIED


def test_a_verify_of_a_record_changed_since_the_page_was_drawn_is_refused(
    client, editor, reviewer, article
):
    act(client_for(client, editor), article, action="accept", proposal=stake_proposal())
    stake = Stake.objects.get()
    client.force_login(reviewer)
    panel = client.get(reverse("admin:sourcing_article_desk", args=[article.pk])).content.decode()
    shown = f"{key(stake)}:{stake.version}"
    assert f'value="{shown}"' in panel  # the checkbox carries the version the page showed
    # Another editor edits the stake after the reviewer's page was drawn.
    stake.notes = "Checked against the press release."
    stake.save()

    refused = act(client, article, action="verify", targets=[shown])

    assert refused.status_code == 409
    assert "since you opened it" in refused.json()["error"]
    stake.refresh_from_db()
    assert stake.review_status == ReviewStatus.DRAFT
    done = act(client, article, action="verify", targets=[f"{key(stake)}:{stake.version}"])
    assert done.status_code == 200


def test_accepting_a_proposal_whose_quote_does_not_verify_creates_nothing(client, editor, article):
    make_company("Stellantis")
    counts = [model.objects.count() for model in (Company, Stake, Citation, CompanyAlias)]
    proposal = stake_proposal(quote="Stellantis will take a 35% stake in Voltaris")

    reply = act(client_for(client, editor), article, action="accept", proposal=proposal)

    assert reply.status_code == 400
    assert "not in this article" in reply.json()["error"]
    assert "30% stake in Voltaris" in reply.json()["error"]  # the closest passage
    assert [model.objects.count() for model in (Company, Stake, Citation, CompanyAlias)] == counts


def test_a_proposal_whose_record_does_not_validate_leaves_no_new_company(client, editor, article):
    proposal = stake_proposal()
    proposal["fields"]["share_exact"] = "130"

    reply = act(client_for(client, editor), article, action="accept", proposal=proposal)

    assert reply.status_code == 400
    assert "share_exact" in reply.json()["error"]
    assert not Company.objects.exists() and not Citation.objects.exists()


def test_a_stale_desk_page_cannot_overwrite_newer_work(client, editor, article):
    opened = Article.objects.get(pk=article.pk).version
    anna = make_user("anna", "Editors")
    other = client.__class__()
    other.force_login(anna)
    start = BODY.index("Comments")
    marked = act(other, article, action="mark", kind="reader_comments", start=start, end=len(BODY))
    assert marked.status_code == 200
    assert NonEditorialSpan.objects.count() == 1

    reply = act(
        client_for(client, editor),
        article,
        version=opened,
        action="accept",
        proposal=stake_proposal(),
    )

    assert reply.status_code == 409
    assert "This record was changed by" in reply.json()["error"]
    assert not Stake.objects.exists() and not Company.objects.exists()


def test_a_selection_is_cited_for_an_agreement_party(client, editor, article):
    stellantis = make_company("Stellantis")
    agreement = make_agreement(parties=[(stellantis, AgreementParty.Role.BUYER)])
    party = agreement.parties.get()
    start = BODY.index("Stellantis and Voltaris")

    reply = act(
        client_for(client, editor),
        article,
        action="cite",
        target=key(party),
        field="role",
        start=start,
        end=start + len("Stellantis and Voltaris signed a supply agreement"),
    )

    assert reply.status_code == 200, reply.json()
    citation = party.citations.get()
    assert citation.passage == "Stellantis and Voltaris signed a supply agreement"
    assert citation.field == "role"


def test_a_marked_reader_comment_cannot_be_cited(client, editor, article):
    stellantis = make_company("Stellantis")
    client_for(client, editor)
    start = BODY.index("Comments")
    assert act(client, article, action="mark", kind="reader_comments", start=start, end=len(BODY))
    quote_start = BODY.index("Stellantis will take a 30% stake, I")

    reply = act(
        client,
        article,
        action="cite",
        target=key(stellantis),
        start=quote_start,
        end=quote_start + len("Stellantis will take a 30% stake"),
    )

    assert reply.status_code == 400
    assert "non-editorial" in reply.json()["error"]
    assert not Citation.objects.exists()


def test_an_ambiguous_short_quote_asks_which_occurrence(client, editor, article):
    proposal = {"kind": "company", "fields": {"name": "Voltaris"}, "quote": "Voltaris"}

    reply = act(client_for(client, editor), article, action="accept", proposal=proposal)

    assert reply.status_code == 400
    choices = reply.json()["choose"]
    assert len(choices) == BODY.count("Voltaris")
    assert all(BODY[c["start"] : c["end"]] == "Voltaris" for c in choices)
    assert not Company.objects.exists()

    proposal.update(start=choices[2]["start"], end=choices[2]["end"])
    assert act(client, article, action="accept", proposal=proposal).status_code == 200
    assert Company.objects.get().citations.get().start == choices[2]["start"]


def test_an_agreement_proposal_creates_its_parties(client, editor, article):
    make_company("Stellantis")
    quote = "Stellantis and Voltaris signed a supply agreement"
    proposal = {
        "kind": "agreement",
        "fields": {
            "title": "Stellantis–Voltaris supply",
            "kind": "supply",
            "parties": [
                {"company": "Stellantis", "role": "buyer"},
                {"company": "Voltaris", "role": "supplier"},
            ],
        },
        "quote": quote,
        "start": BODY.index(quote),
        "end": BODY.index(quote) + len(quote),
    }

    reply = act(client_for(client, editor), article, action="accept", proposal=proposal)

    assert reply.status_code == 200, reply.json()
    agreement = Agreement.objects.get()
    assert sorted(agreement.parties.values_list("company__name", "role")) == [
        ("Stellantis", "buyer"),
        ("Voltaris", "supplier"),
    ]
    assert agreement.citations.get().passage == quote


def test_a_likely_duplicate_stake_is_shown_with_a_link(client, editor, article, monkeypatch):
    from sourcing.desk import views as desk

    existing = Stake.objects.create(
        holder=make_company("Stellantis"),
        target=make_company("Voltaris"),
        status=Stake.Status.COMPLETED,
    )
    cited = make_agreement(title="Voltaris supply")
    cite(cited, article, STAKE_QUOTE)
    monkeypatch.setattr(
        desk,
        "suggest",
        lambda article: {"article": article.pk, "mentions": [], "proposals": [stake_proposal()]},
    )

    page = client_for(client, editor).get(reverse("admin:sourcing_article_desk", args=[article.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Likely duplicate of" in html
    assert reverse("admin:sourcing_stake_change", args=[existing.pk]) in html
    # The passage may be attached to the duplicate instead, offered first and chosen, or to a
    # record citing the article.
    attach = html[html.index('name="attach-target"') :]
    attach = attach[: attach.index("</select>")]
    assert attach.count("<option") == 3
    assert f'<option value="{desk.shown_key(existing)}" selected>Stake: {existing}</option>' in (
        attach
    )
    assert f'<option value="{desk.shown_key(cited)}">Agreement: Voltaris supply</option>' in (
        attach
    )
    assert attach.index(desk.shown_key(existing)) < attach.index(desk.shown_key(cited))


def test_the_desk_page_cuts_the_text_into_segments_that_keep_every_character(
    client, editor, monkeypatch
):
    from sourcing.desk import views as desk

    body = "Line one\r\nACC & <Verkor>\r\n"
    article = make_article(body=body)
    monkeypatch.setattr(
        desk,
        "suggest",
        lambda article: {
            "article": article.pk,
            "mentions": [
                {"kind": "company", "start": 10, "end": 13, "text": "ACC", "record": None}
            ],
            "proposals": [],
        },
    )

    page = client_for(client, editor).get(reverse("admin:sourcing_article_desk", args=[article.pk]))

    html = page.content.decode()
    assert '<span class="seg mention mention-company" data-start="10"' in html
    assert '<span class="seg cr" data-start="8"></span>' in html
    assert "&lt;Verkor&gt;" in html


def test_anything_but_a_json_action_is_a_clear_refusal(client, editor, article):
    client_for(client, editor)
    url = reverse("admin:sourcing_article_desk_act", args=[article.pk])
    assert client.post(url, "not json", content_type="application/json").status_code == 400
    assert act(client, article, action="explode").json()["error"] == "Unknown action “explode”."
    assert client.get(url).status_code == 405
    assert act(client, article, action="cite", target="x", start=0, end=3).status_code == 400


SUPPLY_BODY = (
    "Stockholm, 3 May 2024. Northvolt announced it will supply Volvo Cars with 15 GWh of cells "
    "per year from 2026. The plant in Skellefteå will make them."
)
SUPPLY_QUOTE = (
    "Northvolt announced it will supply Volvo Cars with 15 GWh of cells per year from 2026."
)


def test_an_accepted_agreement_with_a_volume_is_verified_in_one_click(client, editor, reviewer):
    article = make_article(title="Northvolt and Volvo Cars", body=SUPPLY_BODY)
    make_company("Northvolt")
    make_company("Volvo Cars")
    start = SUPPLY_BODY.index(SUPPLY_QUOTE)
    proposal = {
        "kind": "agreement",
        "fields": {
            "title": "Northvolt–Volvo Cars supply agreement",
            "kind": "supply",
            "status": "announced",
            "parties": [
                {"company": "Northvolt", "role": "supplier"},
                {"company": "Volvo Cars", "role": "buyer"},
            ],
            "start_year": 2026,
            "volumes": [
                {"gwh_per_year": 15, "qualifier": "exact", "basis": "target", "year": 2026}
            ],
        },
        "quote": SUPPLY_QUOTE,
        "start": start,
        "end": start + len(SUPPLY_QUOTE),
    }
    accepted = act(client_for(client, editor), article, action="accept", proposal=proposal)
    assert accepted.status_code == 200, accepted.json()
    agreement = Agreement.objects.get()
    assert agreement.volumes.get().citations.get().passage == SUPPLY_QUOTE

    client.force_login(reviewer)
    verified = act(client, article, action="verify", targets=[key(agreement)])

    assert verified.status_code == 200, verified.json()
    agreement.refresh_from_db()
    assert agreement.review_status == ReviewStatus.VERIFIED


@pytest.mark.parametrize(
    "typed, prefilled, stored",
    [
        # The day typed is kept, not cut back to the year the machine had found.
        ("2023-06-28", "year", ("2023-06-28", "day")),
        # A year typed stays a year: no day the source does not state is published.
        ("2023", "day", ("2023", "year")),
        ("2023-06", "", ("2023-06", "month")),
    ],
)
def test_a_date_typed_at_the_desk_keeps_the_precision_it_is_typed_with(
    client, editor, article, typed, prefilled, stored
):
    make_company("Stellantis")
    proposal = stake_proposal()
    proposal["fields"].update(as_of=typed, as_of_precision=prefilled)

    reply = act(client_for(client, editor), article, action="accept", proposal=proposal)

    assert reply.status_code == 200, reply.json()
    stake = Stake.objects.get()
    assert (stake.as_of_display, stake.as_of_precision) == stored


def test_an_agreement_announced_date_keeps_the_precision_it_is_typed_with(client, editor):
    article = make_article(title="Northvolt and Volvo Cars", body=SUPPLY_BODY)
    proposal = {
        "kind": "agreement",
        "fields": {
            "title": "Northvolt–Volvo Cars supply agreement",
            "kind": "supply",
            "parties": [{"company": "Northvolt", "role": "supplier"}],
            "announced": "2024-05",
            "announced_precision": "day",
        },
        "quote": SUPPLY_QUOTE,
    }

    reply = act(client_for(client, editor), article, action="accept", proposal=proposal)

    assert reply.status_code == 200, reply.json()
    assert Agreement.objects.get().announced == "2024-05"


def test_the_desk_offers_no_precision_box_beside_a_date(client, editor, article, monkeypatch):
    from sourcing.desk import views as desk

    proposal = stake_proposal()
    proposal["fields"].update(as_of="2024-03-12", as_of_precision="day")
    monkeypatch.setattr(
        desk,
        "suggest",
        lambda article: {"article": article.pk, "mentions": [], "proposals": [proposal]},
    )

    html = client_for(client, editor).get(desk.desk_url(article)).content.decode()

    assert 'name="fields.as_of" value="2024-03-12"' in html
    assert 'name="fields.as_of_precision"' not in html
