"""Vehicle programmes in the read API, and searching plants and agreements by name."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from sourcing.models import PlantAlias, ReviewStatus, VehicleProgramme
from tests.factories import (
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_plant,
)

DRAFT = ReviewStatus.DRAFT


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def world(db):
    class World:
        pass

    w = World()
    w.article = make_article(title="Alpine plans")
    w.alpine = make_company("Alpine", slug="alpine", review_status=VERIFIED)
    w.draft_maker = make_company("Hidden Motors", slug="hidden", review_status=DRAFT)
    w.dieppe = make_plant(name="Alpine Dieppe plant", review_status=VERIFIED)
    w.crossover = VehicleProgramme.objects.create(
        name="Alpine C-segment crossover GT",
        brand=w.alpine,
        segment="C",
        assembly_plant=w.dieppe,
        start_year=2027,
        review_status=VERIFIED,
    )
    w.berlinette = VehicleProgramme.objects.create(
        name="Alpine A110 (new électric berlinette)", brand=w.alpine, review_status=VERIFIED
    )
    w.secret = VehicleProgramme.objects.create(
        name="Secret berlinette", brand=w.draft_maker, review_status=DRAFT
    )
    cite(w.crossover, w.article, "Renault Group")
    w.supply = make_agreement(title="Supply deal", review_status=VERIFIED)
    w.supply.programmes.add(w.crossover)
    w.hidden_deal = make_agreement(title="Quiet deal", review_status=VERIFIED)
    w.hidden_deal.programmes.add(w.secret)
    return w


def get(api, path, **params):
    return api.get(path, params)


def ids(response):
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["results"]]


def as_staff(api):
    api.force_authenticate(User.objects.create_user("staff", is_staff=True))
    return api


def test_programmes_list_verified_ones_with_brand_plant_citations_and_links(api, world):
    response = get(api, "/api/v1/programmes/")

    records = response.json()["results"]
    assert [record["name"] for record in records] == [
        "Alpine A110 (new électric berlinette)",
        "Alpine C-segment crossover GT",
    ]
    crossover = records[1]
    assert crossover["brand"]["slug"] == "alpine"
    assert crossover["assembly_plant"]["name"] == "Alpine Dieppe plant"
    assert (crossover["segment"], crossover["start_year"]) == ("C", 2027)
    assert crossover["review_status"] == "verified"
    assert crossover["citations"][0]["quote"] == "Renault Group"
    assert crossover["api_url"] == f"http://testserver/api/v1/programmes/{world.crossover.pk}/"
    assert api.get(crossover["api_url"]).json()["name"] == "Alpine C-segment crossover GT"


def test_a_draft_programme_is_hidden_from_readers_and_shown_to_staff(api, world):
    assert api.get(f"/api/v1/programmes/{world.secret.pk}/").status_code == 404
    assert world.secret.pk not in ids(get(api, "/api/v1/programmes/"))

    staff = as_staff(api)
    assert world.secret.pk in ids(get(staff, "/api/v1/programmes/"))
    assert staff.get(f"/api/v1/programmes/{world.secret.pk}/").json()["brand"]["slug"] == "hidden"


def test_programmes_as_csv(api, world):
    response = get(api, "/api/v1/programmes/", format="csv", search="crossover")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["brand"] == "Alpine"
    assert rows[0]["assembly_plant"] == "Alpine Dieppe plant"
    assert "“Renault Group”" in rows[0]["citations"]
    assert rows[0]["api_url"].endswith(f"/api/v1/programmes/{world.crossover.pk}/")


def test_programme_search_ignores_case_and_accents(api, world):
    assert ids(get(api, "/api/v1/programmes/", search="ELECTRIC")) == [world.berlinette.pk]
    assert ids(get(api, "/api/v1/programmes/", search="c-segment")) == [world.crossover.pk]
    # The draft programme is not found by anonymous readers.
    assert ids(get(api, "/api/v1/programmes/", search="berlinette")) == [world.berlinette.pk]


def test_renamed_programme_is_found_by_its_new_name_only(api, world):
    world.crossover.name = "Alpine A390 fastback"
    world.crossover.save()

    assert ids(get(api, "/api/v1/programmes/", search="a390")) == [world.crossover.pk]
    assert ids(get(api, "/api/v1/programmes/", search="c-segment")) == []
    assert ids(get(api, "/api/v1/agreements/", search="FASTBACK")) == [world.supply.pk]
    assert ids(get(api, "/api/v1/agreements/", search="crossover gt")) == []


def test_programme_maker_takes_a_slug_or_an_id_of_a_visible_company(api, world):
    both = {world.crossover.pk, world.berlinette.pk}
    assert set(ids(get(api, "/api/v1/programmes/", maker="alpine"))) == both
    assert set(ids(get(api, "/api/v1/programmes/", maker=world.alpine.pk))) == both

    response = get(api, "/api/v1/programmes/", maker="hidden")
    assert response.status_code == 400
    assert response.json() == {"maker": ["No company has the slug or id “hidden”."]}


def test_programme_cited_in_and_ordering(api, world):
    assert ids(get(api, "/api/v1/programmes/", cited_in=world.article.pk)) == [world.crossover.pk]
    assert ids(get(api, "/api/v1/programmes/", ordering="-start_year")) == [
        world.crossover.pk,
        world.berlinette.pk,
    ]
    assert get(api, "/api/v1/programmes/", ordering="brand").status_code == 400


def test_agreement_search_finds_programme_names_of_visible_programmes_only(api, world):
    assert ids(get(api, "/api/v1/agreements/", search="crossover gt")) == [world.supply.pk]
    assert ids(get(api, "/api/v1/agreements/", search="secret")) == []
    assert ids(get(as_staff(api), "/api/v1/agreements/", search="secret")) == [world.hidden_deal.pk]


def test_agreement_search_still_finds_titles(api, world):
    assert ids(get(api, "/api/v1/agreements/", search="supply")) == [world.supply.pk]


def test_nested_programmes_of_an_agreement_link_to_their_detail(api, world):
    agreement = api.get(f"/api/v1/agreements/{world.supply.pk}/").json()

    [programme] = agreement["programmes"]
    assert programme["api_url"] == f"http://testserver/api/v1/programmes/{world.crossover.pk}/"
    assert api.get(programme["api_url"]).status_code == 200


def test_plant_search_covers_names_and_aliases_folded(api, world):
    dunkirk = make_plant(name="Verkor Dunkirk gigafactory", review_status=VERIFIED)
    PlantAlias.objects.create(plant=dunkirk, name="la gigafactory Verkor de Dunkerque")

    assert ids(get(api, "/api/v1/plants/", search="DUNKERQUE")) == [dunkirk.pk]
    assert ids(get(api, "/api/v1/plants/", search="dieppe")) == [world.dieppe.pk]
    assert ids(get(api, "/api/v1/plants/", search="Dünkirk")) == [dunkirk.pk]


def test_the_source_view_links_a_cited_programme_to_its_api_detail(client, world):
    page = client.get(f"/articles/{world.article.pk}/source/")

    assert f"/api/v1/programmes/{world.crossover.pk}/" in page.content.decode()


def test_schema_documents_programmes(api, world):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    parameters = schema["paths"]["/api/v1/programmes/"]["get"]["parameters"]
    assert {"search", "maker", "cited_in", "ordering"} <= {p["name"] for p in parameters}
