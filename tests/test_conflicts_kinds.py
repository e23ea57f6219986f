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


def shares_section(client):
    return section(conflicts_page(client), "different shares")


def test_two_sources_giving_different_shares_at_the_same_time_are_listed_side_by_side(client):
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    june = {"as_of": datetime.date(2021, 6, 1), "as_of_precision": "month"}
    exact = make_stake(holder=renault, target=verkor, share_exact=Decimal("20"), **june)
    over = make_stake(
        holder=renault, target=verkor, share_min=Decimal("20"), share_min_exclusive=True
    )  # undated: it may speak of June 2021 too
    cite(exact, make_article(title="Le Monde", body="Renault took a 20% stake."), "a 20% stake")
    cite(over, make_article(title="Les Echos", body="Renault holds over 20%."), "over 20%")

    shares = shares_section(client)

    assert "Renault Group in Verkor" in shares
    assert "20%, completed, as of" in shares and "over 20%" in shares
    assert "Le Monde" in shares and "Les Echos" in shares


def test_a_stake_at_dates_that_do_not_overlap_is_its_history_not_a_disagreement(client):
    """Three statements of one stake at different dates: 2021-06, 2021-06-28, 2023-04."""
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    for day, precision, share, status in (
        (datetime.date(2021, 6, 1), "month", "20", Stake.Status.ANNOUNCED),
        (datetime.date(2021, 6, 28), "day", "20", Stake.Status.ANNOUNCED),
        (datetime.date(2023, 4, 1), "month", "15", Stake.Status.COMPLETED),
    ):
        make_stake(
            holder=renault,
            target=verkor,
            share_exact=Decimal(share),
            status=status,
            as_of=day,
            as_of_precision=precision,
        )

    page = conflicts_page(client)

    assert "Renault Group in Verkor" not in page


def test_stakes_whose_statuses_differ_at_the_same_time_are_listed(client):
    renault, verkor = make_company("Renault Group"), make_company("Verkor")
    make_stake(holder=renault, target=verkor, status=Stake.Status.ANNOUNCED)
    make_stake(holder=renault, target=verkor, status=Stake.Status.COMPLETED)
    make_stake(holder=renault, target=verkor, status=Stake.Status.NOT_STATED)

    statuses = section(conflicts_page(client), "different statuses")

    assert "Renault Group in Verkor" in statuses
    assert "announced" in statuses and ">completed<" in statuses
    assert "not stated" not in statuses


def test_stakes_giving_the_same_share_or_no_share_do_not_disagree(client):
    renault, verkor = make_company("Renault"), make_company("Verkor")
    make_stake(holder=renault, target=verkor, share_exact=Decimal("20"))
    make_stake(holder=renault, target=verkor, share_exact=Decimal("20.00"))
    make_stake(holder=renault, target=verkor)  # a source that gives no figure contradicts none
    make_stake(holder=verkor, target=renault, share_exact=Decimal("5"))

    assert "Renault in Verkor" not in shares_section(client)


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
