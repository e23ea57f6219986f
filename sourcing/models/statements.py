"""
What the statement checker (``sourcing.statements``) is given for each stored value, and its
verdict on one cited passage. ``STATEMENT_CHECKS`` says, for each model, how each factual field
is read: a field it does not list is one the machine cannot tell (a description, a segment).

- ``name``: the value is a name the passage must print ("Renault Group", an alias);
- ``named``: a record referred to (a holder, an operator): the passage names it by its name or
  one of its aliases, a plant also by its city (``RecordNames`` loads them in one query for a
  whole page);
- ``share``, ``gwh``: a figure with its bound; ``figure``: an investment or jobs, with its unit
  (the currency, or jobs) and bound (a count of vehicles: cannot tell); ``date``, ``year``: at
  the stored precision;
- ``city``, ``region``, ``country``: places; ``area``: a country or region a figure applies
  to, by the name stored; ``role``: a party's role, naming its company;
- ``term:<vocabulary>``: a kind, status or basis, by the engine's trigger words.
"""

from django.db.models import CharField, F, Value

from ..statements import (
    CANNOT_TELL,
    Figure,
    Named,
    PartialDate,
    Place,
    Role,
    Term,
    Verdict,
    Year,
    check,
)
from ..suggestions import places

QUANTITY_CHECKS = {
    "gwh_per_year": "gwh",
    "qualifier": "gwh",
    "basis": "term:quantity_basis",
    "year": "year",
}
STATEMENT_CHECKS = {
    "Company": {
        "name": "name",
        "kind": "term:company_kind",
        "country": "country",
        "parent": "named",
    },
    "CompanyAlias": {"name": "name"},
    # As a plant's figure, and the area it applies to by its name ("France", "Europe").
    "CompanyFigure": {
        "company": "named",
        "kind": "figure",
        "value": "figure",
        "currency": "figure",
        "qualifier": "figure",
        "year": "year",
        "area": "area",
    },
    "PlantAlias": {"name": "name"},
    "Stake": {
        "holder": "named",
        "target": "named",
        "share_exact": "share",
        "share_min": "share",
        "share_max": "share",
        "status": "term:stake_status",
        "as_of": "date",
    },
    "Plant": {
        "operator": "named",
        "kind": "term:plant_kind",
        "status": "term:plant_status",
        "city": "city",
        "region": "region",
        "country": "country",
    },
    "PlantCapacity": {"plant": "named", **QUANTITY_CHECKS},
    "AgreementVolume": QUANTITY_CHECKS,
    "PlantMilestone": {"plant": "named", "kind": "term:milestone_kind", "year": "year"},
    # An amount of money or a number of jobs: the unit (a currency, or jobs) says which kind.
    "PlantFigure": {
        "plant": "named",
        "kind": "figure",
        "value": "figure",
        "currency": "figure",
        "qualifier": "figure",
        "year": "year",
    },
    "Agreement": {
        "kind": "term:agreement_kind",
        "status": "term:agreement_status",
        "announced_on": "date",
        "signed_on": "date",
        "start_year": "year",
        "plant": "named",
    },
    "AgreementParty": {"company": "named", "role": "role"},
    "VehicleProgramme": {"brand": "named", "assembly_plant": "named", "start_year": "year"},
}
# The unit the engine gives a counted figure's kind (an amount's unit is its currency).
FIGURE_UNITS = {"jobs": "jobs"}
# The stored bound of a share, from its field and exclusive flag.
SHARE_BOUNDS = {
    "share_exact": ("", "exact", "exact"),
    "share_min": ("share_min_exclusive", "over", "at_least"),
    "share_max": ("share_max_exclusive", "under", "up_to"),
}


def checks_of(model):
    return STATEMENT_CHECKS.get(model.__name__, {})


def context_columns(model):
    """
    The columns besides the factual ones that checking ``model``'s values reads: each date's
    precision, each share's exclusive flag.
    """
    columns = [precision for _, precision in getattr(model, "partial_dates", ())]
    for name, how in checks_of(model).items():
        if how == "share" and SHARE_BOUNDS[name][0]:
            columns.append(SHARE_BOUNDS[name][0])
    return tuple(columns)


def qualifying_columns(model, name):
    """
    The columns besides field ``name`` that say what its value means: a date's precision, a
    share's exclusive flag, a quantity's qualifier (a confirmed "12 GWh" is not "up to 12").
    """
    how = checks_of(model).get(name)
    if how == "date":
        return (dict(model.partial_dates)[name],)
    if how == "share" and SHARE_BOUNDS[name][0]:
        return (SHARE_BOUNDS[name][0],)
    if how == "gwh" and name != "qualifier":
        return ("qualifier",)
    return ()


class RecordNames:
    """
    The name and aliases of every record that ``named`` values refer to, loaded in one query
    for a set of rows: ``RecordNames.of([(model, {field: stored value}), ...])``.
    """

    def __init__(self, names=None):
        self.names = names or {}

    @classmethod
    def of(cls, rows):
        wanted = {}
        for model, values in rows:
            for name, how in checks_of(model).items():
                if how == "named" and values.get(name) is not None:
                    related = model._meta.get_field(name).related_model
                    wanted.setdefault(related, set()).add(_pk(values[name]))
        return cls(_load_names(wanted))

    def of_record(self, model, pk):
        return self.names.get((model, pk), ())


def _pk(value):
    return getattr(value, "pk", value)


def _load_names(wanted):
    """
    {(model, pk): (name, *aliases)} for ``wanted`` ({model: ids}), in one query. A plant is
    also named by its city, as the suggestions engine finds plants by their place ("produira à
    Dunkerque" speaks of the Dunkirk plant), under any of the city's names.
    """
    queries = [
        model._base_manager.filter(pk__in=ids)  # a pending version is named too
        .annotate(
            model_label=Value(model._meta.label),
            place=_column_or_blank(model, "city"),
            place_country=_column_or_blank(model, "country"),
        )
        .values_list("model_label", "pk", "name", "aliases__name", "place", "place_country")
        .order_by()
        for model, ids in wanted.items()
        if ids
    ]
    if not queries:
        return {}
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    models = {model._meta.label: model for model in wanted}
    names = {}
    for label, pk, name, alias, city, country in rows:
        found = names.setdefault((models[label], pk), [name])
        if alias:
            found.append(alias)
        if city:
            found.extend(places.city_names(city, country or ""))
    return {key: tuple(dict.fromkeys(found)) for key, found in names.items()}


def _column_or_blank(model, name):
    fields = {field.name for field in model._meta.get_fields()}
    return F(name) if name in fields else Value("", output_field=CharField())


def checkable(model, name, values, names):
    """The value the checker is given for field ``name`` holding ``values[name]``, or None."""
    how = checks_of(model).get(name)
    value = values.get(name)
    if how is None or value is None:
        return None
    if how == "name":
        return Named((str(value),))
    if how == "named":
        related = model._meta.get_field(name).related_model
        found = names.of_record(related, _pk(value))
        return Named(found) if found else None
    if how == "share":
        flag, exclusive, inclusive = SHARE_BOUNDS[name]
        return Figure(value, "%", exclusive if flag and values.get(flag) else inclusive)
    if how == "gwh":
        return Figure(values["gwh_per_year"], "GWh/yr", values.get("qualifier") or "exact")
    if how == "figure":
        # The engine reads amounts and jobs; a count of vehicles it cannot tell.
        unit = values.get("currency") or FIGURE_UNITS.get(values.get("kind"))
        return Figure(values["value"], unit, values.get("qualifier") or "exact") if unit else None
    if how == "date":
        precision = dict(model.partial_dates)[name]
        return PartialDate(value, values.get(precision) or "day")
    if how == "year":
        return Year(value)
    if how in ("city", "region", "area"):
        return Place(value, how, values.get("country") or "")
    if how == "country":
        return Place(value, "country")
    if how == "role":
        company = checkable(model, "company", values, names)
        return Role(value, company) if company else None
    return Term(how.removeprefix("term:"), value)


UNCHECKED = Verdict(CANNOT_TELL, "the machine reads no value of this kind in a passage")


def verdict(value, citation):
    """The checker's verdict on ``citation`` ({"quote", "language"...}) stating ``value``."""
    if value is None:
        return UNCHECKED
    return check(value, citation["quote"], citation.get("language"))
