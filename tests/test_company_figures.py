"""
A company's own figures (``CompanyFigure``): jobs, vehicles produced or an amount invested, in an
area, where no plant holds them ("about 4,500 direct jobs in France by 2030"). Validated by kind,
checked by the statement checker (the area by its name; a count of vehicles the machine cannot
tell), compared in the disagreeing-sources view, held for review on a verified company, published
with citations and provenance (detail, CSV, export, feed), and quoted on the company page. The
seed's figures are tested with the rest of the seed (tests/test_provenance_seed.py).
"""

import csv
import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from sourcing.admin.articles import disagreement_sections
from sourcing.merging import merge_companies
from sourcing.models import (
    Company,
    CompanyFigure,
    QuantityQualifier,
    ReviewStatus,
    editing_as,
)
from sourcing.models.pending import describe_differences, pending_version_of
from sourcing.models.provenance import ProvenanceIndex

from .factories import DRAFT, VERIFIED, cite, client_for, make_article, make_company, make_user

pytestmark = pytest.mark.django_db

JOBS, VEHICLES, INVESTMENT = (
    CompanyFigure.Kind.JOBS,
    CompanyFigure.Kind.VEHICLES,
    CompanyFigure.Kind.INVESTMENT,
)
DIRECT = CompanyFigure.Scope.DIRECT

# Sentences written for these tests: no seed article says any of this.
BODY = (
    "Turin, 2 May 2028. Velora Motors expects its battery projects to create about 3,200 direct "
    "jobs in Italy by 2031. The carmaker wants to build 600,000 electric vans in Europe each "
    "year from 2030, and will spend €2 billion on its Italian sites."
)
JOBS_QUOTE = (
    "Velora Motors expects its battery projects to create about 3,200 direct jobs in Italy by 2031"
)
VANS_QUOTE = "The carmaker wants to build 600,000 electric vans in Europe each year from 2030"


def figure(company, kind=JOBS, value=3200, **fields):
    defaults = {
        JOBS: {"scope": DIRECT},
        INVESTMENT: {"currency": "EUR"},
        VEHICLES: {},
    }[kind]
    return CompanyFigure(company=company, kind=kind, value=value, **{**defaults, **fields})


def validation_errors(row):
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    return refused.value.message_dict


@pytest.fixture
def velora():
    """A verified carmaker with cited jobs in Italy and vans in Europe."""
    article = make_article(title="Velora's plans", body=BODY)
    company = make_company(name="Velora Motors", review_status=VERIFIED)
    jobs = figure(company, qualifier=QuantityQualifier.ABOUT, year=2031, area="Italy")
    vans = figure(company, VEHICLES, 600_000, year=2030, area="Europe")
    for row, quote in ((jobs, JOBS_QUOTE), (vans, VANS_QUOTE)):
        row.save()
        cite(row, article, quote)
    return {"article": article, "company": company, "jobs": jobs, "vans": vans}


# -- The model ------------------------------------------------------------------------------------


def test_vehicles_are_counted_in_whole_numbers_with_no_currency_and_no_jobs_counted():
    company = make_company()

    assert "currency" in validation_errors(figure(company, VEHICLES, 10, currency="EUR"))
    assert "scope" in validation_errors(figure(company, VEHICLES, 10, scope=DIRECT))
    assert "whole number" in validation_errors(figure(company, VEHICLES, "10.5"))["value"][0]
    figure(company, VEHICLES, 10).full_clean()


def test_the_database_refuses_a_company_figure_whose_units_do_not_fit_its_kind():
    company = make_company()
    for row in (
        figure(company, VEHICLES, 10, currency="EUR"),
        figure(company, VEHICLES, 10, scope=DIRECT),
        figure(company, INVESTMENT, 10, currency=""),
        figure(company, JOBS, 10, scope=""),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            row.save()


def test_a_company_figure_reads_with_its_area_before_its_year():
    company = make_company()

    assert str(figure(company, qualifier="about", year=2031, area="Italy")) == (
        "about 3,200 direct jobs in Italy (2031)"
    )
    assert str(figure(company, VEHICLES, 600_000)) == "600,000 vehicles"


def test_figures_of_one_company_and_area_that_sources_give_otherwise_are_in_conflict():
    company = make_company()
    italy = figure(company, year=2031, area="Italy")
    about_italy = figure(company, year=2031, area="Italy", qualifier="about")
    europe = figure(company, JOBS, 9000, year=2031, area="Europe")  # another area: another figure
    for row in (italy, about_italy, europe):
        row.save()

    assert set(CompanyFigure.objects.in_conflict()) == {italy, about_italy}


def test_the_disagreeing_sources_view_lists_company_figures(client, velora):
    figure(velora["company"], year=2031, area="Italy").save()
    reviewer = client_for(client, make_user("rita", "Reviewers"))

    html = reviewer.get(reverse("admin:sourcing_conflicts")).content.decode()

    assert "Velora Motors: jobs in Italy<" in html
    assert "about 3,200 direct jobs in Italy (2031)" in html and JOBS_QUOTE in html


def test_the_view_sets_disagreeing_figures_side_by_side_while_a_change_awaits_review(velora):
    company = velora["company"]
    figure(company, VEHICLES, 700_000, year=2030, area="Europe").save()
    with editing_as(make_user("edith", "Editors")):
        company.description = "Van maker."
        company.save()  # a pending version, with a copy of every figure
    assert pending_version_of(Company.objects.get(pk=company.pk)) is not None

    [(heading, groups)] = [
        section for section in disagreement_sections() if section[0].startswith("Company")
    ]

    # One group, the two published figures side by side: the copies are not sources.
    assert [(subject, [value for value, *_ in rows]) for subject, rows in groups] == [
        (
            "Velora Motors: vehicles produced in Europe",
            ["600,000 vehicles in Europe (2030)", "700,000 vehicles in Europe (2030)"],
        )
    ]


def test_two_companies_of_one_name_do_not_split_each_others_disagreements():
    first = make_company(name="Nordvolta", slug="nordvolta")
    second = make_company(name="Nordvolta", slug="nordvolta-2")
    for company in (first, second, first, second):
        figure(company, VEHICLES, 100 + company.pk * 10 + len(company.figures.all())).save()

    [(heading, groups)] = [
        section for section in disagreement_sections() if section[0].startswith("Company")
    ]

    assert sorted(len(rows) for _, rows in groups) == [2, 2]


# -- What the machine reads in the passage --------------------------------------------------------


def checked(row):
    return ProvenanceIndex([row.company]).of(row)


def test_the_checker_reads_the_company_the_figure_its_bound_the_year_and_the_area(velora):
    provenance = checked(velora["jobs"])

    for name in ("company", "kind", "value", "qualifier", "year", "area"):
        assert (provenance[name].basis, provenance[name].checked) == ("stated", "machine"), name


def test_a_passage_naming_another_area_does_not_state_the_stored_one(velora):
    jobs = velora["jobs"]
    jobs.area = "Spain"
    jobs.save()

    # The passage cited for the whole figure states what the machine finds in it, not Spain...
    assert checked(jobs)["area"].basis is None
    # ...and a passage cited for the area itself is read as not stating it.
    cite(jobs, velora["article"], JOBS_QUOTE, field="area")
    [(_, quote, verdict)] = checked(jobs)["area"].refuted
    assert quote == JOBS_QUOTE and "Spain" in verdict.reason


def test_a_count_of_vehicles_is_one_the_machine_cannot_tell(velora):
    provenance = checked(velora["vans"])

    # No figure reader counts vans: the value waits for a reviewer, the area and year do not.
    assert provenance["value"].checked is None and not provenance["value"].refuted
    assert provenance["area"].checked == "machine"
    assert provenance["year"].checked == "machine"


# -- Review ---------------------------------------------------------------------------------------


def test_a_figure_an_editor_adds_to_a_verified_company_waits_in_its_pending_version():
    company = make_company(review_status=VERIFIED)

    with editing_as(make_user("edith", "Editors")):
        figure(company, VEHICLES, 5000, area="Europe").save()

    company = Company.objects.get(pk=company.pk)
    assert company.review_status == VERIFIED and not company.figures.exists()
    pending = pending_version_of(company)
    assert pending.review_status == ReviewStatus.NEEDS_REVIEW
    assert describe_differences(pending) == ["added company figure “5,000 vehicles in Europe”"]


def test_the_company_admin_page_edits_figures_inline(client, velora):
    editor = client_for(client, make_user("edith", "Editors"))
    url = reverse("admin:sourcing_company_change", args=[velora["company"].pk])

    html = editor.get(url).content.decode()

    assert "figures-TOTAL_FORMS" in html and 'value="Italy"' in html
    assert editor.get(reverse("admin:sourcing_companyfigure_changelist")).status_code == 200


def test_a_merge_moves_the_duplicates_figures_with_their_citations(velora):
    duplicate = make_company(name="Velora")
    moved = figure(duplicate, VEHICLES, 700_000, area="Europe")
    moved.save()
    cite(moved, velora["article"], VANS_QUOTE)

    merge_companies(duplicate, velora["company"])

    moved.refresh_from_db()
    assert moved.company == velora["company"]
    assert [c.quote for c in moved.citations.all()] == [VANS_QUOTE]
    assert velora["company"].figures.count() == 3


# -- The API --------------------------------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


def test_a_company_carries_its_figures_with_citations_and_provenance(api, velora):
    record = api.get(f"/api/v1/companies/{velora['company'].pk}/").json()

    figures = {f["kind"]: f for f in record["figures"]}
    jobs = figures["jobs"]
    assert (jobs["value"], jobs["qualifier"], jobs["scope"], jobs["area"], jobs["year"]) == (
        3200,
        "about",
        "direct",
        "Italy",
        2031,
    )
    assert jobs["display"] == "about 3,200 direct jobs in Italy (2031)"
    assert jobs["citations"][0]["quote"] == JOBS_QUOTE
    assert jobs["provenance"]["area"]["checked"] == "machine"
    assert figures["vehicles"]["provenance"]["value"]["checked"] is None


def test_the_company_csv_lists_figures_and_their_citations(api, velora):
    response = api.get(f"/api/v1/companies/{velora['company'].pk}/", {"format": "csv"})
    [row] = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))

    assert row["figures"].split("; ") == [
        "about 3,200 direct jobs in Italy (2031)",
        "600,000 vehicles in Europe (2030)",
    ]
    assert row["citation_urls"].count("#citation-") == 2


def test_the_export_and_the_feed_carry_company_figures(api, velora):
    lines = b"".join(api.get("/api/v1/export/companies/").streaming_content).splitlines()
    [exported] = [json.loads(line) for line in lines]
    assert len(exported["figures"]) == 2

    last_seq = api.get("/api/v1/changes/").json()["last_seq"]
    figure(velora["company"], INVESTMENT, 2_000_000_000, area="Italy").save()
    changes = api.get("/api/v1/changes/", {"after": last_seq}).json()["results"]

    assert [(c["resource"], c["id"], c["action"]) for c in changes] == [
        ("companies", velora["company"].pk, "upsert")
    ]
    assert "investment of 2,000,000,000 EUR in Italy" in [
        f["display"] for f in changes[0]["record"]["figures"]
    ]


def test_a_figure_moved_to_another_company_changes_both_in_the_feed_and_their_etags(api, velora):
    other = make_company(name="Orvane", review_status=VERIFIED)
    left = f"/api/v1/companies/{velora['company'].pk}/"
    etag = api.get(left)["ETag"]
    last_seq = api.get("/api/v1/changes/").json()["last_seq"]

    vans = CompanyFigure.objects.get(pk=velora["vans"].pk)
    vans.company = other
    vans.save()

    changes = api.get("/api/v1/changes/", {"after": last_seq}).json()["results"]
    assert {(c["resource"], c["id"]) for c in changes} == {
        ("companies", velora["company"].pk),
        ("companies", other.pk),
    }
    response = api.get(left, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and len(response.json()["figures"]) == 1


def test_a_citation_moved_to_another_record_changes_the_one_it_left(api, velora):
    other = make_company(name="Orvane", review_status=VERIFIED)
    last_seq = api.get("/api/v1/changes/").json()["last_seq"]

    citation = velora["vans"].citations.get()
    citation.object_id = other.pk
    citation.content_type = ContentType.objects.get_for_model(Company)
    citation.save()

    changes = api.get("/api/v1/changes/", {"after": last_seq}).json()["results"]
    assert {(c["resource"], c["id"]) for c in changes} == {
        ("companies", velora["company"].pk),
        ("companies", other.pk),
    }


def test_a_draft_companys_figures_stay_hidden(api, velora):
    Company.objects.filter(pk=velora["company"].pk).update(review_status=DRAFT)

    assert api.get(f"/api/v1/companies/{velora['company'].pk}/").status_code == 404
    assert api.get("/api/v1/companies/").json()["results"] == []


def count_queries(api, **params):
    api.get("/api/v1/companies/", params)  # warm the content-type cache
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/v1/companies/", params)
    assert response.status_code == 200 and response.json()["results"]
    return len([q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "SET "))])


def test_the_company_list_reads_figures_in_a_constant_number_of_queries(api, velora):
    for number in range(3):
        company = make_company(name=f"Velora {number}", review_status=VERIFIED)
        for value in (100, 200, 300):
            row = figure(company, VEHICLES, value + number, area="Europe")
            row.save()
            cite(row, velora["article"], VANS_QUOTE)

    one = count_queries(api, page_size=1, ordering="name")
    many = count_queries(api, page_size=50, ordering="name")

    # etag, page, aliases, figures, their citations, citations, value bases, names
    assert one == many == 8


def test_the_schema_documents_company_figures(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    assert "figures" in schema["components"]["schemas"]["Company"]["properties"]
    assert {"kind", "value", "area", "provenance"} <= set(
        schema["components"]["schemas"]["CompanyFigure"]["properties"]
    )


# -- The public page -----------------------------------------------------------------


def test_the_company_page_lists_its_figures_with_their_quotes(client, velora):
    html = client.get(f"/companies/{velora['company'].slug}/").content.decode()

    assert "Jobs, vehicles and investment" in html
    assert "About 3,200 direct jobs in Italy" in html
    assert "600,000 vehicles in Europe" in html
    assert f"<q>{JOBS_QUOTE}</q>" in html
