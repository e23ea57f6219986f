"""The public company and plant pages, read without scripts: every fact linked to its passage."""

import re

import pytest

from sourcing.models import Company, Plant, PlantCapacity, PlantMilestone, QuantityQualifier

from .factories import (
    BUYER,
    DRAFT,
    SUPPLIER,
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    article = make_article()
    verkor = make_company("Voltaris", aliases=["la start-up grenobloise"], review_status=VERIFIED)
    renault = make_company("Carmaker", review_status=VERIFIED)
    stake = make_stake(renault, verkor, share_min=20, share_min_exclusive=True,
                       review_status=VERIFIED)  # fmt: skip
    cite(stake, article, "Renault Group’s stake – taken in 2021 – is “over 20%”.")
    supply = make_agreement([(verkor, SUPPLIER), (renault, BUYER)], review_status=VERIFIED)
    cite(supply, article, "Verkor will supply Renault Group")
    plant = make_plant(verkor, name="Voltaris works", city="Dunkirk", review_status=VERIFIED)
    PlantCapacity.objects.create(plant=plant, gwh_per_year=16, year=2025)
    PlantCapacity.objects.create(
        plant=plant, gwh_per_year=24, qualifier=QuantityQualifier.UP_TO, year=2030
    )
    PlantMilestone.objects.create(
        plant=plant, kind=PlantMilestone.Kind.CONSTRUCTION_START, year=2023
    )
    draft = make_company("Hidden Co", review_status=DRAFT)
    make_stake(draft, verkor, review_status=VERIFIED)
    return {"verkor": verkor, "renault": renault, "plant": plant, "draft": draft, "stake": stake}


def test_a_company_page_lists_its_facts_each_linked_to_its_passage(client, records):
    page = client.get(f"/companies/{records['verkor'].slug}/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Voltaris</h1>" in html
    assert "la start-up grenobloise" in html
    assert "over 20%" in html and "Carmaker" in html
    assert "Voltaris works" in html
    citation = records["stake"].citations.get()
    assert f"/articles/{citation.article_id}/source/#citation-{citation.pk}" in html
    # The network as a plain list (what a reader without scripts gets), and as data to draw.
    assert re.search(
        r'<li data-edge="stake:\d+"><a href="[^"]*/companies/carmaker/">Carmaker</a>', html
    )
    assert 'id="network-data"' in html
    assert "Hidden Co" not in html


def test_a_plant_page_draws_its_capacities_with_their_bounds(client, records):
    page = client.get(f"/plants/{records['plant'].pk}/")

    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg class="capacity-chart" role="img"' in html
    assert ">up to 24</text>" in html and ">16</text>" in html
    assert "Construction start" in html
    assert f'href="/companies/{records["verkor"].slug}/"' in html


def test_pages_of_drafts_and_unknown_records_are_404(client, records):
    Plant.objects.filter(pk=records["plant"].pk).update(review_status=DRAFT)

    assert client.get(f"/companies/{records['draft'].slug}/").status_code == 404
    assert client.get("/companies/nobody/").status_code == 404
    assert client.get(f"/plants/{records['plant'].pk}/").status_code == 404
    assert client.get("/plants/99999999999999999999999/").status_code == 404


def test_the_home_page_links_the_pages_and_searches_them(client, records):
    home = client.get("/").content.decode()

    assert f'href="/companies/{records["verkor"].slug}/"' in home
    assert 'action="/search/"' in home
    found = client.get("/search/", {"q": "VOLTARIS"}).content.decode()
    assert f'href="/companies/{records["verkor"].slug}/"' in found
    assert f'href="/plants/{records["plant"].pk}/"' in found
    assert "Hidden Co" not in client.get("/search/", {"q": "hidden"}).content.decode()


@pytest.mark.parametrize("path", ["/companies/x/", "/plants/1/", "/search/"])
def test_pages_answer_writes_with_405(client, path, records):
    assert client.post(path).status_code == 405


def test_pages_load_nothing_from_other_hosts(client, records):
    for path in (f"/companies/{records['verkor'].slug}/", f"/plants/{records['plant'].pk}/"):
        html = client.get(path).content.decode()
        assert not re.search(
            r'(src|href)="(https?:)?//', html.replace('href="http://testserver', "")
        )


def test_a_company_with_no_ties_says_so(client, db):
    lone = make_company("Lone", review_status=VERIFIED)

    assert "No ties are published" in client.get(f"/companies/{lone.slug}/").content.decode()
    assert Company.objects.filter(slug=lone.slug).exists()
