"""
Existing records that a desk proposal would likely duplicate, found by the same rules as the
admin's warnings (``sourcing.admin.duplicates``) for stakes and agreements, from the companies the
proposal names; for plants, one of the same name; for a plant's capacity, milestone or figure, one
of the same plant with the same figure and year, the same kind and year, or the same kind, value
and year.
"""

import json
from decimal import Decimal, InvalidOperation

from ..admin.duplicates import duplicate_agreements, duplicate_stakes
from ..models import PlantCapacity, PlantFigure, PlantMilestone
from .writes import find_company, find_plant


def company_ids(values, known):
    companies = [known_company(value, known) for value in values]
    return [company.pk for company in companies if company is not None]


def known_company(value, known):
    return _looked_up(find_company, value, known)


def known_plant(value, known):
    return _looked_up(find_plant, value, known)


def _looked_up(find, value, known):
    """``find(value)``, once per ``known`` ({(finder, reference): record or None})."""
    key = (find.__name__, json.dumps(value, sort_keys=True, default=str))
    if key not in known:
        known[key] = find(value)
    return known[key]


def likely_duplicates(proposal, known=None):
    """
    Existing records the desk ``proposal`` ({"kind", "fields"}) would likely duplicate.
    ``known``: the companies and plants already looked up for the other proposals of the same
    panel, which mostly name the same few.
    """
    kind, fields = proposal.get("kind"), proposal.get("fields") or {}
    finder = FINDERS.get(kind)
    return finder(fields, {} if known is None else known) if finder else []


def stakes(fields, known):
    holder = company_ids([fields.get("holder")], known)
    target = company_ids([fields.get("target")], known)
    if holder and target:
        return list(duplicate_stakes(holder[0], target[0]).select_related("holder", "target"))
    return []


def agreements(fields, known):
    parties = [party.get("company") for party in fields.get("parties") or []]
    ids = company_ids(parties, known)
    if ids and len(ids) == len(parties):
        return list(duplicate_agreements(fields.get("kind"), ids))
    return []


def plants(fields, known):
    plant = known_plant(fields.get("name"), known) if fields.get("name") else None
    return [plant] if plant is not None else []


def capacities(fields, known):
    plant = known_plant(fields.get("plant"), known)
    figure = decimal_or_none(fields.get("gwh_per_year"))
    if plant is None or figure is None:
        return []
    same = PlantCapacity.objects.filter(plant=plant, gwh_per_year=figure)
    return list(same.filter(year=year_or_none(fields.get("year"))).select_related("plant"))


def milestones(fields, known):
    plant = known_plant(fields.get("plant"), known)
    if plant is None or not fields.get("kind"):
        return []
    same = PlantMilestone.objects.filter(plant=plant, kind=fields["kind"])
    return list(same.filter(year=year_or_none(fields.get("year"))).select_related("plant"))


def figures(fields, known):
    plant = known_plant(fields.get("plant"), known)
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
