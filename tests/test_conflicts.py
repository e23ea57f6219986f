"""Facts on which cited sources disagree: the QuerySet methods and the admin view listing them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sourcing.models import AgreementVolume, PlantCapacity, PlantMilestone

from .factories import (
    cite,
    client_for,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db

CONFLICTS_URL = "admin:sourcing_conflicts"


def test_milestones_of_the_same_plant_and_kind_with_different_years_conflict():
    plant, other = make_plant(), make_plant()
    start_2024 = PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2024)
    start_2025 = PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2025)
    PlantMilestone.objects.create(plant=plant, kind="construction_start", year=2022)
    PlantMilestone.objects.create(plant=other, kind="operation_start", year=2026)
    assert set(PlantMilestone.objects.in_conflict()) == {start_2024, start_2025}


def test_capacities_conflict_only_for_the_same_plant_basis_and_year():
    plant = make_plant()

    def capacity(gwh, basis, year):
        return PlantCapacity.objects.create(
            plant=plant, gwh_per_year=Decimal(gwh), basis=basis, year=year
        )

    sixteen, twenty = capacity(16, "target", 2030), capacity(20, "target", 2030)
    sixteen_again = capacity(16, "target", 2030)  # agrees with one source, not with the other
    capacity(8, "initial", 2030)
    capacity(10, "target", 2028)
    assert set(PlantCapacity.objects.in_conflict()) == {sixteen, twenty, sixteen_again}


def test_an_undated_volume_is_compared_with_every_volume_of_its_agreement():
    """ "about 12 GWh" and "12 GWh from 2025" are one deal's volume: compared, though one has a
    year; volumes of two different years are not."""
    agreement = make_agreement()
    about_twelve = AgreementVolume.objects.create(
        agreement=agreement, gwh_per_year=Decimal(12), qualifier="about", year=None
    )
    twelve_2025 = AgreementVolume.objects.create(
        agreement=agreement, gwh_per_year=Decimal(12), year=2025
    )
    AgreementVolume.objects.create(agreement=make_agreement(), gwh_per_year=Decimal(20), year=2030)
    assert set(AgreementVolume.objects.in_conflict()) == {about_twelve, twelve_2025}


def test_volumes_of_different_years_do_not_conflict():
    agreement = make_agreement()
    AgreementVolume.objects.create(agreement=agreement, gwh_per_year=Decimal(12), year=2025)
    AgreementVolume.objects.create(agreement=agreement, gwh_per_year=Decimal(20), year=2030)
    assert not AgreementVolume.objects.in_conflict().exists()


def test_conflicts_view_shows_the_disagreeing_values_side_by_side_with_their_sources(client):
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    first = make_article(title="Renault press release")
    second = make_article(title="Les Echos")
    exact = make_stake(holder=renault, target=verkor, share_exact=Decimal("20"))
    over = make_stake(
        holder=renault, target=verkor, share_min=Decimal("20"), share_min_exclusive=True
    )
    cite(exact, first, "Renault Group and Verkor have entered a long-term commercial partnership")
    cite(over, second, "stake – taken in 2021 – is “over 20%”")
    plant = make_plant(name="Dunkirk gigafactory")
    PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2024)
    PlantMilestone.objects.create(plant=plant, kind="operation_start", year=2025)

    response = client_for(client, make_user("edith", "Editors")).get(reverse(CONFLICTS_URL))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Renault Group in Verkor" in page
    assert "20%, completed" in page and "over 20%, completed" in page
    assert "Renault press release" in page and "Les Echos" in page
    assert "“stake – taken in 2021 – is “over 20%””" in page
    assert "Dunkirk gigafactory: Production starts / plant completed" in page
    assert "No citation: this value has no source yet." in page


def test_conflicts_view_says_so_when_sources_agree(client):
    response = client_for(client, make_user("edith", "Editors")).get(reverse(CONFLICTS_URL))
    assert response.content.decode().count("No disagreement.") == 7  # one per section


def test_conflicts_view_is_linked_from_the_admin_index_and_the_articles(client):
    client_for(client, make_user("edith", "Editors"))
    url = reverse(CONFLICTS_URL)
    assert f'href="{url}"' in client.get(reverse("admin:index")).content.decode()
    articles = client.get(reverse("admin:sourcing_article_changelist")).content.decode()
    assert f'href="{url}"' in articles


def test_conflicts_view_is_for_staff_only(client):
    outsider = make_user("olga", is_staff=False)
    response = client_for(client, outsider).get(reverse(CONFLICTS_URL))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
