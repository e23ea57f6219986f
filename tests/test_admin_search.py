"""
The admin's search boxes find what the API's ``search`` finds, by the same rule (case, accents and
typography folded, the term one phrase); rows of a record are found by their record's search. A
list page costs the same queries however many rows it holds or finds, counts once, and on
PostgreSQL shows an unfiltered large table's estimated size instead of counting it.
"""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sourcing.admin import counts, search
from sourcing.models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    CompanyFigure,
    NonEditorialSpan,
    Plant,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    Stake,
    VehicleProgramme,
    editing_as,
)
from sourcing.models.pending import pending_version_of

from .factories import (
    BUYER,
    SUPPLIER,
    VERIFIED,
    changelist_url,
    cite,
    client_for,
    make_agreement,
    make_article,
    make_company,
    make_editorial_groups,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return client_for(client, make_user("edith", "Editors"))


def found_by_admin(client, model, term):
    response = client.get(changelist_url(model), {"q": term})
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


def found_by_api(client, resource, term):
    response = client.get(f"/api/v1/{resource}/", {"search": term})
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def records():
    veloce = make_company("Énergie Véloce", aliases=["Véloce Cellules"], review_status=VERIFIED)
    nordique = make_company("Nordique Power", review_status=VERIFIED)
    article = make_article(
        title="Le pari électrique",
        body="Énergie Véloce s’engage à fournir des cellules à Nordique Power dès 2027.",
    )
    return {
        "veloce": veloce,
        "nordique": nordique,
        "agreement": make_agreement(
            title="Accord d’approvisionnement",
            parties=[(veloce, SUPPLIER), (nordique, BUYER)],
            review_status=VERIFIED,
        ),
        "other agreement": make_agreement(title="Unrelated deal", review_status=VERIFIED),
        "plant": make_plant(name="Usine Véloce de Lyon", operator=nordique, review_status=VERIFIED),
        "article": article,
        "stake": make_stake(holder=nordique, target=veloce, review_status=VERIFIED),
        "citation": cite(veloce, article, "Énergie Véloce s’engage"),
    }


@pytest.mark.parametrize(
    "model, resource, term, expected",
    [
        (Company, "companies", "energie veloce", {"veloce"}),
        (Company, "companies", "VELOCE CELLULES", {"veloce"}),  # an alias
        (Company, "companies", "veloce energie", set()),  # one phrase, not words in any order
        (Agreement, "agreements", "accord d'approvisionnement", {"agreement"}),  # ’ typed as '
        (Agreement, "agreements", "energie veloce", {"agreement"}),  # a party's name
        (Plant, "plants", "usine veloce", {"plant"}),
        (Article, "articles", "s'engage a fournir", {"article"}),  # its text
    ],
)
def test_the_admin_finds_what_the_api_finds_by_a_folded_spelling(
    editor, records, model, resource, term, expected
):
    ids = {records[name].pk for name in expected}

    assert found_by_admin(editor, model, term) == ids
    assert found_by_api(editor, resource, term) == ids


@pytest.mark.parametrize(
    "model, term, rows",
    [
        (Stake, "energie veloce", lambda r: [r["stake"]]),  # its target
        (
            AgreementParty,
            "nordique",
            lambda r: r["agreement"].parties.filter(company=r["nordique"]),
        ),
        (AgreementParty, "APPROVISIONNEMENT", lambda r: r["agreement"].parties.all()),  # agreement
        (CompanyAlias, "energie", lambda r: r["veloce"].aliases.all()),  # its company
        (Citation, "s'engage a fournir", lambda r: [r["citation"]]),  # its article's text
    ],
)
def test_a_row_of_a_record_is_found_by_its_records_folded_search(
    editor, records, model, term, rows
):
    expected = {row.pk for row in rows(records)}

    assert expected and found_by_admin(editor, model, term) == expected


@pytest.mark.parametrize("ids_up_to", [search.IDS_UP_TO, 0], ids=["rare word", "common word"])
def test_rows_are_found_by_their_records_title_alike_for_a_rare_or_a_common_word(
    editor, monkeypatch, ids_up_to
):
    # A word in more agreements than ids are written (IDS_UP_TO) is tested through the join on
    # PostgreSQL, not against the ids: it finds the same rows, and, as the agreements' own
    # list, never a pending version's by its title.
    monkeypatch.setattr(search, "IDS_UP_TO", ids_up_to)
    make_editorial_groups()
    nordique = make_company("Nordique Power")
    published = make_agreement(
        title="Cellerie supply", parties=[(nordique, BUYER)], review_status=VERIFIED
    )
    AgreementVolume.objects.create(agreement=published, gwh_per_year=5)
    make_agreement(title="Unrelated deal", parties=[(nordique, SUPPLIER)])
    with editing_as(make_user("penny", "Editors")):
        published.status = Agreement.Status.ENDED
        published.save()  # held as a pending version, a copy of its parties and volume
    pending = pending_version_of(published)
    assert pending is not None and pending.parties.exists() and pending.volumes.exists()

    assert found_by_admin(editor, AgreementParty, "cellerie") == {
        party.pk for party in published.parties.all()
    }
    assert found_by_admin(editor, AgreementVolume, "CELLERIE") == {
        volume.pk for volume in published.volumes.all()
    }
    assert found_by_admin(editor, AgreementParty, "nordique") == set(
        AgreementParty.objects.filter(company=nordique).values_list("pk", flat=True)
    )


# -- What a list page costs ------------------------------------------------------------------------


def one_record_of_each_kind(round_number):
    company = make_company(f"Cellerie {round_number}", aliases=[f"Cellerie Groupe {round_number}"])
    other = make_company()
    plant = make_plant(name=f"Cellerie plant {round_number}", operator=company)
    PlantMilestone.objects.create(plant=plant, kind=PlantMilestone.Kind.OPERATION_START, year=2028)
    PlantCapacity.objects.create(plant=plant, gwh_per_year=8, year=2030)
    PlantFigure.objects.create(plant=plant, kind="jobs", value=900, scope="direct", year=2030)
    CompanyFigure.objects.create(company=company, kind="vehicles", value=5000, area="Europe")
    agreement = make_agreement(
        title=f"Cellerie supply {round_number}", parties=[(company, BUYER), (other, SUPPLIER)]
    )
    AgreementVolume.objects.create(agreement=agreement, gwh_per_year=5)
    VehicleProgramme.objects.create(name=f"Cellerie roadster {round_number}", brand=company)
    make_stake(holder=other, target=company)
    article = make_article(body=f"Cellerie {round_number} will build cells in Lyon.")
    cite(agreement, article, f"Cellerie {round_number} will build")
    lyon = article.body.index("in Lyon")
    NonEditorialSpan.objects.create(article=article, kind="boilerplate", start=lyon, end=lyon + 7)


def list_page_queries(client, model, params):
    url = changelist_url(model)
    assert client.get(url, params).status_code == 200  # process-wide caches warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries], len(
        response.context["cl"].result_list
    )


SEARCHABLE = [
    model
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "sourcing" and model_admin.search_fields
]


@pytest.mark.parametrize("model", SEARCHABLE, ids=lambda model: model.__name__)
@pytest.mark.parametrize("params", [{}, {"q": "cellerie"}], ids=["all", "searched"])
def test_a_list_page_costs_the_same_queries_for_one_or_three_of_each_record(editor, model, params):
    one_record_of_each_kind(1)
    queries_for_one, rows_for_one = list_page_queries(editor, model, params)
    one_record_of_each_kind(2)
    one_record_of_each_kind(3)
    queries_for_three, rows_for_three = list_page_queries(editor, model, params)

    assert 0 < rows_for_one < rows_for_three
    assert len(queries_for_three) == len(queries_for_one)
    # The list's own count, never a second one of the whole table beside it.
    assert sum(sql.upper().startswith("SELECT COUNT(*)") for sql in queries_for_three) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_an_unfiltered_large_list_shows_the_planners_estimate_and_a_filtered_one_a_count(
    editor, monkeypatch
):
    monkeypatch.setattr(counts, "ESTIMATE_FROM_ROWS", 3)  # "large": as of 3 rows
    for _ in range(3):
        make_company(kind=Company.Kind.CELL_MAKER)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sourcing_company")
    make_company(kind=Company.Kind.CARMAKER)  # not in the statistics yet

    unfiltered = editor.get(changelist_url(Company))
    filtered = editor.get(changelist_url(Company), {"kind__exact": "carmaker"})

    assert unfiltered.context["cl"].result_count == 3  # the estimate, not the 4 rows
    assert len(unfiltered.context["cl"].result_list) == 4
    assert filtered.context["cl"].result_count == 1


def test_an_unfiltered_list_counts_exactly_below_the_estimates_threshold(editor):
    for _ in range(3):
        make_company()

    assert editor.get(changelist_url(Company)).context["cl"].result_count == 3


def test_a_search_finding_more_rows_than_are_counted_says_more_than(editor, monkeypatch):
    monkeypatch.setattr(counts, "COUNT_UP_TO", 2)  # a common word: more matches than counted
    for number in range(3):
        make_company(f"Cellerie {number}")

    found = editor.get(changelist_url(Company), {"q": "cellerie"})
    rare = editor.get(changelist_url(Company), {"q": "cellerie 1"})

    assert found.context["cl"].result_count == 2
    assert len(found.context["cl"].result_list) == 3  # every row found is still listed
    assert "more than 2 results" in found.content.decode()
    assert rare.context["cl"].result_count == 1
    assert "more than" not in rare.content.decode()
