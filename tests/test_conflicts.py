"""Facts on which cited sources disagree: the QuerySet methods and the admin view listing them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sourcing.models import AgreementVolume, PlantCapacity, PlantMilestone, Stake

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


def test_stakes_with_the_same_holder_and_target_but_different_shares_conflict():
    renault, verkor = make_company("Renault"), make_company("Verkor")
    exact = make_stake(holder=renault, target=verkor, share_exact=Decimal("20"))
    over = make_stake(
        holder=renault, target=verkor, share_min=Decimal("20"), share_min_exclusive=True
    )
    assert set(Stake.objects.in_conflict()) == {exact, over}


def test_stakes_giving_the_same_share_or_no_share_do_not_conflict():
    renault, verkor = make_company("Renault"), make_company("Verkor")
    make_stake(holder=renault, target=verkor, share_exact=Decimal("20"))
    make_stake(holder=renault, target=verkor, share_exact=Decimal("20.00"))
    make_stake(holder=renault, target=verkor)  # a source that gives no figure contradicts none
    make_stake(holder=verkor, target=renault, share_exact=Decimal("5"))
    assert not Stake.objects.in_conflict().exists()


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


def test_undated_agreement_volumes_with_different_figures_conflict():
    agreement = make_agreement()
    twelve = AgreementVolume.objects.create(
        agreement=agreement, gwh_per_year=Decimal(12), year=None
    )
    fifteen = AgreementVolume.objects.create(
        agreement=agreement, gwh_per_year=Decimal(15), year=None
    )
    AgreementVolume.objects.create(agreement=agreement, gwh_per_year=Decimal(20), year=2030)
    assert set(AgreementVolume.objects.in_conflict()) == {twelve, fifteen}


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
