"""
Existing records that a desk proposal would likely duplicate, found by the same rules as the
admin's warnings (``sourcing.admin.duplicates``) for stakes and agreements, from the companies the
proposal names; for plants, one of the same name; for a plant's capacity, milestone or figure, one
of the same plant with the same figure and year, the same kind and year, or the same kind, value
and year.
"""

from decimal import Decimal, InvalidOperation

from ..admin.duplicates import duplicate_agreements, duplicate_stakes
from ..models import PlantCapacity, PlantFigure, PlantMilestone
from .writes import find_company, find_plant


def company_ids(values):
    companies = [find_company(value) for value in values]
    return [company.pk for company in companies if company is not None]


def likely_duplicates(proposal):
    """Existing records the desk ``proposal`` ({"kind", "fields"}) would likely duplicate."""
    kind, fields = proposal.get("kind"), proposal.get("fields") or {}
    finder = FINDERS.get(kind)
    return finder(fields) if finder else []


def stakes(fields):
    holder, target = company_ids([fields.get("holder")]), company_ids([fields.get("target")])
    if holder and target:
        return list(duplicate_stakes(holder[0], target[0]).select_related("holder", "target"))
    return []


def agreements(fields):
    parties = [party.get("company") for party in fields.get("parties") or []]
    ids = company_ids(parties)
    if ids and len(ids) == len(parties):
        return list(duplicate_agreements(fields.get("kind"), ids))
    return []


def plants(fields):
    plant = find_plant(fields.get("name")) if fields.get("name") else None
    return [plant] if plant is not None else []


def capacities(fields):
    plant = find_plant(fields.get("plant"))
    figure = decimal_or_none(fields.get("gwh_per_year"))
    if plant is None or figure is None:
        return []
    same = PlantCapacity.objects.filter(plant=plant, gwh_per_year=figure)
    return list(same.filter(year=year_or_none(fields.get("year"))).select_related("plant"))


def milestones(fields):
    plant = find_plant(fields.get("plant"))
    if plant is None or not fields.get("kind"):
        return []
    same = PlantMilestone.objects.filter(plant=plant, kind=fields["kind"])
    return list(same.filter(year=year_or_none(fields.get("year"))).select_related("plant"))


def figures(fields):
    plant = find_plant(fields.get("plant"))
    value = decimal_or_none(fields.get("value"))
    if plant is None or value is None or not fields.get("kind"):
        return []
    same = PlantFigure.objects.filter(plant=plant, kind=fields["kind"], value=value)
    return list(same.filter(year=year_or_none(fields.get("year"))).select_related("plant"))


def decimal_or_none(value):
    try:
        figure = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return figure if figure.is_finite() else None


def year_or_none(value):
    try:
        return int(str(value).strip())
    except ValueError:
        return None


FINDERS = {
    "stake": stakes,
    "agreement": agreements,
    "plant": plants,
    "plant_capacity": capacities,
    "plant_milestone": milestones,
    "plant_figure": figures,
}
