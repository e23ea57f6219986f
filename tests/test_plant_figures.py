"""
A plant's investment and jobs (``PlantFigure``): validated by kind, edited on the plant's admin
page (an editor's figure on a verified plant waiting for review in its pending version), published
with their citations and provenance in the API (detail, filters, CSV, export, feed), accepted from
the desk's proposals, and quoted on the public plant page.
"""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from sourcing.models import (
    Citation,
    Plant,
    PlantFigure,
    QuantityQualifier,
    ReviewStatus,
    editing_as,
)
from sourcing.models.pending import describe_differences, pending_version_of

from .factories import (
    DRAFT,
    VERIFIED,
    change_url,
    changeform_data,
    cite,
    client_for,
    desk_act,
    edit,
    make_article,
    make_plant,
    make_user,
    run_seed,
)

pytestmark = pytest.mark.django_db

INVESTMENT, JOBS = PlantFigure.Kind.INVESTMENT, PlantFigure.Kind.JOBS
DIRECT, TOTAL = PlantFigure.Scope.DIRECT, PlantFigure.Scope.TOTAL

# Sentences written for these tests: no seed article says any of this.
BODY = (
    "Brest, 4 March 2027. Kerlann Energy will put about €1.2 billion into its cell plant at "
    "Landerneau, which should employ up to 1,500 people directly by 2029. "
    "The regional council counts 3,000 jobs in total once suppliers settle nearby. "
    "A second phase would cost another $400 million."
)
INVESTMENT_QUOTE = "Kerlann Energy will put about €1.2 billion into its cell plant at Landerneau"
JOBS_QUOTE = "which should employ up to 1,500 people directly by 2029"
TOTAL_QUOTE = "The regional council counts 3,000 jobs in total"
SECOND_PHASE_QUOTE = "A second phase would cost another $400 million."


def figure(plant, kind=INVESTMENT, value=1_200_000_000, **fields):
    defaults = {"currency": "EUR"} if kind == INVESTMENT else {"scope": DIRECT}
    return PlantFigure(plant=plant, kind=kind, value=value, **{**defaults, **fields})


def validation_errors(row):
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    return refused.value.message_dict


@pytest.fixture
def landerneau():
    """A verified plant with an investment, direct and total jobs, and a dollar amount, cited."""
    article = make_article(title="Kerlann in Landerneau", body=BODY)
    plant = make_plant(name="Kerlann Landerneau", city="Landerneau", review_status=VERIFIED)
    investment = figure(plant, qualifier=QuantityQualifier.ABOUT, year=None)
    direct = figure(plant, JOBS, 1500, qualifier=QuantityQualifier.UP_TO, year=2029)
    total = figure(plant, JOBS, 3000, scope=TOTAL)
    second = figure(plant, value=400_000_000, currency="USD")
    for row, quote in (
        (investment, INVESTMENT_QUOTE),
        (direct, JOBS_QUOTE),
        (total, TOTAL_QUOTE),
        (second, SECOND_PHASE_QUOTE),
    ):
        row.save()
        cite(row, article, quote)
    return {
        "article": article,
        "plant": plant,
        "investment": investment,
        "direct": direct,
        "total": total,
        "second": second,
    }


# -- The model ------------------------------------------------------------------------------------


def test_an_investment_needs_a_currency_iso_4217_knows_and_counts_no_jobs():
    plant = make_plant()

    assert "currency" in validation_errors(figure(plant, currency=""))
    assert "not an ISO 4217" in validation_errors(figure(plant, currency="EUX"))["currency"][0]
    assert "scope" in validation_errors(figure(plant, scope=DIRECT))
    lower_case = figure(plant, currency="usd")
    lower_case.full_clean()
    assert lower_case.currency == "USD"


def test_jobs_have_no_currency_say_which_jobs_and_are_whole():
    plant = make_plant()

    assert "currency" in validation_errors(figure(plant, JOBS, 100, currency="EUR"))
    assert "scope" in validation_errors(figure(plant, JOBS, 100, scope=""))
    assert "value" in validation_errors(figure(plant, JOBS, Decimal("12.5")))
    figure(plant, JOBS, 100, scope=PlantFigure.Scope.NOT_STATED).full_clean()


def test_the_database_refuses_a_figure_whose_currency_or_scope_does_not_fit_its_kind():
    plant = make_plant()
    for row in (
        figure(plant, currency=""),
        figure(plant, JOBS, 10, currency="EUR"),
        figure(plant, JOBS, 10, scope=""),
        figure(plant, value=-1),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            row.save()


def test_a_figure_reads_as_the_source_bounds_it():
    plant = make_plant()

    assert str(figure(plant, qualifier=QuantityQualifier.ABOUT, year=2030)) == (
        "investment of about 1,200,000,000 EUR (2030)"
    )
    assert str(figure(plant, JOBS, 1500, qualifier=QuantityQualifier.UP_TO)) == (
        "up to 1,500 direct jobs"
    )
    assert str(figure(plant, JOBS, 3000, scope=TOTAL)) == "3,000 jobs in total"


def test_figures_of_one_plant_that_sources_give_otherwise_are_in_conflict():
    plant = make_plant()
    two_billion = figure(plant, value=2_000_000_000, year=2030)
    about_two = figure(plant, value=2_000_000_000, year=2030, qualifier=QuantityQualifier.ABOUT)
    in_dollars = figure(plant, value=2_500_000_000, year=2030, currency="USD")
    direct = figure(plant, JOBS, 1000, year=2030)
    total = figure(plant, JOBS, 2500, year=2030, scope=TOTAL)
    for row in (two_billion, about_two, in_dollars, direct, total):
        row.save()

    # A bound is a different statement; another currency or other jobs are another figure.
    assert set(PlantFigure.objects.in_conflict()) == {two_billion, about_two}


def test_the_disagreeing_sources_view_lists_figures_sources_give_otherwise(client):
    plant = make_plant(name="Kerlann Landerneau")
    article = make_article(title="Kerlann in Landerneau", body=BODY)
    for qualifier, quote in ((QuantityQualifier.UP_TO, JOBS_QUOTE), ("exact", TOTAL_QUOTE)):
        row = figure(plant, JOBS, 1500, qualifier=qualifier, year=2029)
        row.save()
        cite(row, article, quote)
    figure(plant, JOBS, 1500, scope=TOTAL, year=2029).save()  # other jobs: no disagreement
    reviewer = client_for(client, make_user("rita", "Reviewers"))

    html = reviewer.get(reverse("admin:sourcing_conflicts")).content.decode()

    assert "Kerlann Landerneau: jobs<" in html
    assert "up to 1,500 direct jobs (2029)" in html and "1,500 direct jobs (2029)" in html
    assert JOBS_QUOTE in html
    assert "1,500 jobs in total" not in html


def test_a_figure_added_by_an_editor_to_a_verified_plant_waits_in_its_pending_version():
    plant = make_plant(review_status=VERIFIED)
    version = Plant.objects.get(pk=plant.pk).version

    with editing_as(make_user("edith", "Editors")):
        figure(plant, JOBS, 40).save()

    plant = Plant.objects.get(pk=plant.pk)
    assert (plant.review_status, plant.version) == (VERIFIED, version)
    assert not plant.figures.exists()
    pending = pending_version_of(plant)
    assert pending.review_status == ReviewStatus.NEEDS_REVIEW
    assert [str(row) for row in pending.figures.all()] == ["40 direct jobs"]
    assert describe_differences(pending) == ["added plant figure “40 direct jobs”"]


# -- The admin ------------------------------------------------------------------------------------


def test_an_editor_adds_a_figure_on_the_plant_page_and_cites_it_on_its_own(client):
    editor = client_for(client, make_user("edith", "Editors"))
    plant = make_plant(name="Kerlann Landerneau")
    page = editor.get(change_url(plant))
    assert page.status_code == 200
    data = changeform_data(page)
    prefix = "figures"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-kind": "investment",
            f"{prefix}-0-value": "1200000000",
            f"{prefix}-0-currency": "eur",
            f"{prefix}-0-scope": "",
            f"{prefix}-0-qualifier": "about",
            f"{prefix}-0-year": "2029",
        }
    )

    saved = editor.post(change_url(plant), data)

    assert saved.status_code == 302, saved.content.decode()[:2000]
    added = plant.figures.get()
    assert (added.value, added.currency, added.qualifier) == (1_200_000_000, "EUR", "about")
    own_page = editor.get(change_url(added))
    assert own_page.status_code == 200
    assert "Citations" in own_page.content.decode()


@pytest.mark.parametrize("view", ["changelist", "add"])
def test_the_figures_admin_pages_open_for_an_editor(client, landerneau, view):
    editor = client_for(client, make_user("edith", "Editors"))

    page = editor.get(reverse(f"admin:sourcing_plantfigure_{view}"))

    assert page.status_code == 200
    if view == "changelist":
        assert "up to 1,500 direct jobs (2029)" in page.content.decode()


def test_the_plant_page_refuses_jobs_with_a_currency(client):
    editor = client_for(client, make_user("edith", "Editors"))
    plant = make_plant()
    data = changeform_data(editor.get(change_url(plant)))
    data.update(
        {
            "figures-TOTAL_FORMS": "1",
            "figures-0-kind": "jobs",
            "figures-0-value": "300",
            "figures-0-currency": "EUR",
            "figures-0-scope": "direct",
            "figures-0-qualifier": "exact",
        }
    )

    refused = editor.post(change_url(plant), data)

    assert refused.status_code == 200
    assert "Jobs have no currency" in refused.content.decode()
    assert not plant.figures.exists()


# -- The API --------------------------------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


def plant_ids(api, **params):
    response = api.get("/api/v1/plants/", params)
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["results"]]


def test_a_plant_carries_its_figures_with_citations_and_provenance(api, landerneau):
    record = api.get(f"/api/v1/plants/{landerneau['plant'].pk}/").json()

    figures = {(f["kind"], f["currency"], f["scope"], f["year"]): f for f in record["figures"]}
    investment = figures[("investment", "EUR", None, None)]
    assert (investment["value"], investment["qualifier"]) == (1_200_000_000, "about")
    assert investment["display"] == "investment of about 1,200,000,000 EUR"
    assert investment["citations"][0]["quote"] == INVESTMENT_QUOTE
    direct = figures[("jobs", None, "direct", 2029)]
    assert (direct["value"], direct["qualifier"]) == (1500, "up_to")
    citation_id = direct["citations"][0]["id"]
    assert direct["provenance"]["value"] == {
        **direct["provenance"]["value"],
        "basis": "stated",
        "citations": [citation_id],
    }
    # No currency for jobs and no scope for an amount: nothing to state, so no provenance.
    assert "currency" not in direct["provenance"] and "scope" not in investment["provenance"]


def test_plants_filter_on_jobs_and_on_an_investment_in_its_currency(api, landerneau):
    other = make_plant(review_status=VERIFIED)
    figure(other, JOBS, 5000, qualifier=QuantityQualifier.UP_TO).save()
    figure(other, value=900_000_000).save()
    pk = landerneau["plant"].pk

    assert plant_ids(api, min_jobs=3000) == [pk]  # "up to 5,000" is a ceiling
    assert plant_ids(api, min_jobs=3001) == []
    assert plant_ids(api, min_investment="1000000000", currency="eur") == [pk]
    assert set(plant_ids(api, min_investment="400000000", currency="EUR")) == {pk, other.pk}
    # $400 million is not 1 billion euros, nor 1 billion of anything.
    assert plant_ids(api, min_investment="1000000000", currency="USD") == []
    assert plant_ids(api, currency="usd") == [pk]


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"min_investment": "1000"}, "min_investment"),
        ({"min_investment": "1000", "currency": "euro"}, "currency"),
        ({"min_jobs": "12.5"}, "min_jobs"),
        ({"min_jobs": "-1"}, "min_jobs"),
        ({"min_investment": "1e9", "currency": "EUR"}, "min_investment"),
    ],
)
def test_a_bad_figure_filter_is_a_400_naming_the_parameter(api, params, parameter):
    response = api.get("/api/v1/plants/", params)

    assert response.status_code == 400
    assert parameter in response.json()


def test_a_plant_cited_only_through_a_figure_is_cited_in_that_article(api, landerneau):
    assert plant_ids(api, cited_in=landerneau["article"].pk) == [landerneau["plant"].pk]


def test_the_csv_lists_figures_and_their_citations(api, landerneau):
    response = api.get(f"/api/v1/plants/{landerneau['plant'].pk}/", {"format": "csv"})
    [row] = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))

    assert row["figures"].split("; ") == [
        "investment of 400,000,000 USD",
        "investment of about 1,200,000,000 EUR",
        "3,000 jobs in total",
        "up to 1,500 direct jobs (2029)",
    ]
    assert "[up to 1,500 direct jobs (2029)] Kerlann in Landerneau" in row["citations"]
    assert row["citation_urls"].count("#citation-") == 4


def test_the_export_and_the_feed_carry_figures(api, landerneau):
    lines = b"".join(api.get("/api/v1/export/plants/").streaming_content).splitlines()
    [exported] = [json.loads(line) for line in lines]
    assert len(exported["figures"]) == 4

    last_seq = api.get("/api/v1/changes/").json()["last_seq"]
    figure(landerneau["plant"], JOBS, 250, scope=PlantFigure.Scope.NOT_STATED).save()
    changes = api.get("/api/v1/changes/", {"after": last_seq}).json()["results"]

    assert [(c["resource"], c["id"], c["action"]) for c in changes] == [
        ("plants", landerneau["plant"].pk, "upsert")
    ]
    assert "250 jobs" in [f["display"] for f in changes[0]["record"]["figures"]]


def test_a_draft_plants_figures_stay_hidden(api, landerneau):
    Plant.objects.filter(pk=landerneau["plant"].pk).update(review_status=DRAFT)

    assert plant_ids(api, min_jobs=1) == []


def count_queries(api, **params):
    api.get("/api/v1/plants/", params)  # warm the content-type cache
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/v1/plants/", params)
    assert response.status_code == 200 and response.json()["results"]
    return len([q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "SET "))])


def test_the_plant_list_reads_figures_in_a_constant_number_of_queries(api, landerneau):
    article = landerneau["article"]
    for number in range(3):
        plant = make_plant(name=f"Kerlann {number}", review_status=VERIFIED)
        for value in (100, 200, 300):
            row = figure(plant, JOBS, value + number)
            row.save()
            cite(row, article, TOTAL_QUOTE)

    one = count_queries(api, page_size=1, ordering="name")
    many = count_queries(api, page_size=50, ordering="name")

    assert one == many


def test_the_schema_documents_figures_and_their_filters(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    plant = schema["components"]["schemas"]["Plant"]
    assert "figures" in plant["properties"]
    figure_schema = schema["components"]["schemas"]["PlantFigure"]
    assert {"kind", "value", "currency", "scope", "qualifier", "year", "provenance"} <= set(
        figure_schema["properties"]
    )
    names = {p["name"] for p in schema["paths"]["/api/v1/plants/"]["get"]["parameters"]}
    assert {"min_jobs", "min_investment", "currency"} <= names


# -- The desk -------------------------------------------------------------------------------------


def proposal(fields, quote):
    start = BODY.index(quote)
    return {
        "kind": "plant_figure",
        "fields": fields,
        "quote": quote,
        "start": start,
        "end": start + len(quote),
    }


def test_the_desk_accepts_an_investment_of_a_plant_it_creates_on_the_way():
    article = make_article(title="Kerlann in Landerneau", body=BODY)
    editor = client_for(Client(), make_user("edith", "Editors"))
    investment = proposal(
        {
            "plant": {"id": None, "slug": None, "name": "Kerlann Landerneau"},
            "kind": "investment",
            "value": 1200000000.0,
            "unit": "EUR",
            "qualifier": "about",
            "year": None,
        },
        INVESTMENT_QUOTE,
    )

    reply = desk_act(editor, article, action="accept", proposal=investment)

    assert reply.status_code == 200, reply.json()
    made = PlantFigure.objects.get()
    assert (made.plant.name, made.kind, made.value, made.currency, made.qualifier) == (
        "Kerlann Landerneau",
        "investment",
        1_200_000_000,
        "EUR",
        "about",
    )
    assert made.plant.review_status == ReviewStatus.DRAFT
    assert made.citations.get().quote == INVESTMENT_QUOTE


def test_the_desk_accepts_jobs_edited_as_text_for_a_known_plant():
    article = make_article(title="Kerlann in Landerneau", body=BODY)
    plant = make_plant(name="Kerlann Landerneau")
    editor = client_for(Client(), make_user("edith", "Editors"))
    jobs = proposal(
        {
            "plant": {"id": plant.pk, "slug": None, "name": plant.name},
            "kind": "jobs",
            "value": "1 500",
            "unit": "jobs",
            "qualifier": "up_to",
            "year": "2029",
        },
        JOBS_QUOTE,
    )

    reply = desk_act(editor, article, action="accept", proposal=jobs)

    assert reply.status_code == 200, reply.json()
    made = plant.figures.get()
    assert (made.value, made.scope, made.qualifier, made.year) == (
        1500,
        "not_stated",
        "up_to",
        2029,
    )
    again = desk_act(editor, article, action="accept", proposal=jobs)
    assert again.status_code == 409


def test_the_engines_jobs_proposal_is_accepted_as_it_comes_then_known_as_cited():
    from sourcing.suggestions import suggest

    plant = make_plant(name="Kerlann Landerneau", city="Landerneau")
    article = make_article(title="Kerlann in Landerneau", body=BODY)
    [jobs] = [
        p
        for p in suggest(article)["proposals"]
        if p["kind"] == "plant_figure" and p["fields"]["kind"] == "jobs"
    ]
    assert not jobs["exists"]
    editor = client_for(Client(), make_user("edith", "Editors"))

    reply = desk_act(editor, article, action="accept", proposal=jobs)

    assert reply.status_code == 200, reply.json()
    made = plant.figures.get()
    assert (made.kind, made.value, made.qualifier, made.year) == ("jobs", 1500, "up_to", 2029)
    [again] = [p for p in suggest(article)["proposals"] if p["fields"].get("kind") == "jobs"]
    assert again["exists"]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"kind": "jobs", "value": "12", "unit": "EUR"}, "jobs are counted"),
        ({"kind": "investment", "value": "12", "unit": "EUX"}, "ISO 4217"),
        ({"kind": "investment", "value": "a lot", "unit": "EUR"}, "not a number"),
        ({"kind": "investment", "value": [1], "unit": "EUR"}, "must be text"),
    ],
)
def test_the_desk_refuses_a_figure_that_does_not_hold_together(fields, message):
    article = make_article(title="Kerlann in Landerneau", body=BODY)
    plant = make_plant(name="Kerlann Landerneau")
    editor = client_for(Client(), make_user("edith", "Editors"))
    bad = proposal({"plant": plant.name, **fields}, INVESTMENT_QUOTE)

    reply = desk_act(editor, article, action="accept", proposal=bad)

    assert reply.status_code == 400
    assert message in reply.json()["error"]
    assert not PlantFigure.objects.exists() and not Citation.objects.exists()


def test_the_desk_shows_a_figure_equal_to_an_existing_one_as_a_likely_duplicate(monkeypatch):
    from sourcing.desk import views as desk

    article = make_article(title="Kerlann in Landerneau", body=BODY)
    plant = make_plant(name="Kerlann Landerneau")
    existing = figure(plant, JOBS, 1500, year=2029)
    existing.save()
    fields = {"plant": plant.name, "kind": "jobs", "value": 1500.0, "unit": "jobs", "year": 2029}
    monkeypatch.setattr(
        desk,
        "suggest",
        lambda article: {
            "article": article.pk,
            "mentions": [],
            "proposals": [proposal(fields, JOBS_QUOTE)],
        },
    )
    editor = client_for(Client(), make_user("edith", "Editors"))

    html = editor.get(reverse("admin:sourcing_article_desk", args=[article.pk])).content.decode()

    assert "Likely duplicate of" in html
    assert f'<a href="{change_url(existing)}">{existing}</a>' in html


# -- The public page ------------------------------------------------------------------------------


def test_the_plant_page_lists_its_figures_with_their_quotes(client, landerneau):
    html = client.get(f"/plants/{landerneau['plant'].pk}/").content.decode()

    assert "Investment and jobs" in html
    assert "Investment of about 1,200,000,000 EUR" in html
    assert "Up to 1,500 direct jobs" in html
    citation = landerneau["direct"].citations.get()
    assert f"<q>{JOBS_QUOTE}</q>" in html
    assert f"/articles/{citation.article_id}/source/#citation-{citation.pk}" in html


def test_the_plant_page_says_when_no_figure_is_published(client):
    plant = make_plant(review_status=VERIFIED)

    html = client.get(f"/plants/{plant.pk}/").content.decode()

    assert "No investment or jobs figure is published for this plant yet." in html


# -- The seed -------------------------------------------------------------------------------------

# Where a figure is written into a copy of the curation file: before the Dunkirk plant's
# capacities. The quote is a seed document's; the figure is placed at the plant for the test.
CAPACITIES = "    capacities:\n      - gwh_per_year: 16\n"


def with_figure(figure_yaml):
    return f"    figures:\n{figure_yaml}{CAPACITIES}"


def test_the_curation_file_seeds_a_plants_figures_with_their_citations(curation_copy):
    edit(
        curation_copy,
        CAPACITIES,
        with_figure(
            "      - kind: jobs\n"
            "        value: 4500\n"
            "        scope: direct\n"
            "        qualifier: about\n"
            "        year: 2030\n"
            "        cite:\n"
            "          003_48b8cfc4dc19008d.txt:\n"
            "            - nearly 4500 direct jobs in France are created by 2030\n"
            # The passage names no plant and the checker reads no "direct" scope: both values
            # need a note of how they are held (the test is of the file's format, not of a fact).
            "        inferred:\n"
            "          plant: Placed at the plant for this test.\n"
            "          scope: The passage says direct jobs.\n"
        ),
    )

    run_seed(curation=str(curation_copy))

    seeded = PlantFigure.objects.get()
    assert (seeded.plant.name, str(seeded)) == (
        "Verkor Gigafactory Dunkirk",
        "about 4,500 direct jobs (2030)",
    )
    assert seeded.citations.get().quote.startswith("nearly 4500 direct jobs")


def test_a_seeded_figure_that_does_not_fit_its_kind_is_named(curation_copy):
    edit(curation_copy, CAPACITIES, with_figure("      - kind: investment\n        value: 10\n"))

    with pytest.raises(CommandError) as error:
        run_seed(curation=str(curation_copy))

    message = str(error.value)
    assert "plant figure “investment of 10” of plant “Verkor Gigafactory Dunkirk”" in message
    assert "currency" in message
