"""The conflicts view lists disagreements on stake dates and statuses and on figures' bounds."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from sourcing.models import DatePrecision, PlantCapacity, Stake, dates_disagree

from .factories import cite, make_article, make_company, make_plant, make_stake, make_user

pytestmark = pytest.mark.django_db


def conflicts_page(client):
    client.force_login(make_user("edith", "Editors"))
    response = client.get(reverse("admin:sourcing_conflicts"))
    assert response.status_code == 200
    return response.content.decode()


def section(page, heading):
    """The part of the page under ``heading``, up to the next section."""
    start = page.index(heading)
    end = page.find("<h2>", start + 1)
    return page[start : end if end != -1 else None]


def test_two_sources_disagreeing_on_the_year_a_partner_joined_are_listed_side_by_side(client):
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    joined_2021 = make_stake(
        holder=renault, target=verkor, as_of=datetime.date(2021, 1, 1), as_of_precision="year"
    )
    joined_2022 = make_stake(
        holder=renault, target=verkor, as_of=datetime.date(2022, 1, 1), as_of_precision="year"
    )
    cite(joined_2021, make_article(title="Le Monde"), "taken in 2021")
    cite(joined_2022, make_article(title="Les Echos"), "Renault Group’s stake")

    dates = section(conflicts_page(client), "dates that do not overlap")

    assert "Renault Group in Verkor" in dates
    assert "completed, as of 2021" in dates and "completed, as of 2022" in dates
    assert "Le Monde" in dates and "“taken in 2021”" in dates and "Les Echos" in dates


def test_a_day_within_the_month_another_source_gives_is_no_disagreement(client):
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    make_stake(
        holder=renault, target=verkor, as_of=datetime.date(2021, 6, 1), as_of_precision="month"
    )
    make_stake(
        holder=renault, target=verkor, as_of=datetime.date(2021, 6, 28), as_of_precision="day"
    )
    make_stake(holder=renault, target=verkor)  # undated: contradicts nobody

    dates = section(conflicts_page(client), "dates that do not overlap")

    assert "Renault Group in Verkor" not in dates and "No disagreement." in dates


def test_stakes_whose_statuses_differ_are_listed(client):
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    make_stake(holder=renault, target=verkor, status=Stake.Status.ANNOUNCED)
    make_stake(holder=renault, target=verkor, status=Stake.Status.COMPLETED)
    make_stake(holder=renault, target=verkor, status=Stake.Status.NOT_STATED)

    statuses = section(conflicts_page(client), "different statuses")

    assert "Renault Group in Verkor" in statuses
    assert "announced" in statuses and ">completed<" in statuses
    assert "not stated" not in statuses


def test_the_same_figure_with_different_bounds_is_a_disagreement(client):
    plant = make_plant(name="Dunkirk gigafactory")
    up_to = PlantCapacity.objects.create(
        plant=plant, gwh_per_year=Decimal(50), qualifier="up_to", year=2030
    )
    exact = PlantCapacity.objects.create(plant=plant, gwh_per_year=Decimal(50), year=2030)

    assert set(PlantCapacity.objects.in_conflict()) == {up_to, exact}
    capacities = section(conflicts_page(client), "Plant capacities: same plant")
    assert "up to 50 GWh/yr" in capacities and ">50 GWh/yr (target, 2030)<" in capacities


@pytest.mark.parametrize(
    "first, second, disagree",
    [
        (("2021-01-01", "year"), ("2022-01-01", "year"), True),
        (("2021-06-01", "month"), ("2021-06-28", "day"), False),
        (("2021-01-01", "year"), ("2021-06-01", "month"), False),
        (("2021-05-01", "month"), ("2021-06-28", "day"), True),
    ],
)
def test_dates_disagree_when_their_periods_do_not_overlap(first, second, disagree):
    def partial(value):
        return datetime.date.fromisoformat(value[0]), DatePrecision(value[1])

    assert dates_disagree(*partial(first), *partial(second)) is disagree
