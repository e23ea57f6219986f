"""The curated records: companies, plants, vehicle programmes, stakes and agreements."""

from ..models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Company,
    CompanyAlias,
    CompanyFigure,
    Plant,
    PlantAlias,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    QuantityQualifier,
    Stake,
    VehicleProgramme,
)
from .curation_file import as_list, decimal, mapping, named_entry, partial_date, text
from .records import cite, curated
from .sources import SeedError
from .value_bases import BASIS_KEYS

PLANT_FIELDS = (
    "operator",
    "city",
    "region",
    "country",
    "notes",
    "aliases",
    "capacities",
    "milestones",
    "figures",
    "cite",
    *BASIS_KEYS,
)
STAKE_FIELDS = (
    "share_exact",
    "share_min",
    "share_min_exclusive",
    "share_max",
    "share_max_exclusive",
    "as_of",
    "notes",
    "cite",
    *BASIS_KEYS,
)
AGREEMENT_FIELDS = (
    "announced",
    "signed",
    "start_year",
    "plant",
    "programmes",
    "notes",
    "parties",
    "volumes",
    "cite",
    *BASIS_KEYS,
)


def seed_company(reconciler, refs, entry):
    slug, where, label = named_entry(
        "company",
        entry,
        "slug",
        required=("name", "kind"),
        optional=(
            "country",
            "parent",
            "description",
            "notes",
            "aliases",
            "figures",
            "cite",
            *BASIS_KEYS,
        ),
    )
    if slug in refs.companies:
        raise SeedError(f"{where}: listed twice")
    company = reconciler.sync(
        Company,
        {"slug": slug},
        {
            "name": text(entry["name"]),
            "kind": text(entry["kind"]),
            "country": text(entry.get("country")),
            # A parent is listed before its children, so it is already known here.
            "parent": refs.company(entry.get("parent"), where),
            "description": text(entry.get("description")).strip(),
            **curated(entry),
        },
        label,
    )
    refs.companies[slug] = company
    seed_aliases_and_citations(reconciler, refs, CompanyAlias, company, entry, label, where)
    if company is None:
        return
    for figure in as_list(entry.get("figures"), f"{where} figures"):
        seed_figure(reconciler, refs, CompanyFigure, company, figure, label)


def seed_aliases_and_citations(reconciler, refs, alias_model, record, entry, label, where):
    """
    A company's or a plant's aliases, then its citations; neither when ``record`` is None
    (someone other than the seed deleted it: its aliases went with it).
    """
    if record is None:
        return
    for alias in as_list(entry.get("aliases"), f"{where} aliases"):
        mapping(alias, f"alias of {label}", required=("name",), optional=("language",))
        reconciler.sync(
            alias_model,
            {alias_model.parent_field: record, "name": text(alias["name"])},
            {"language": text(alias.get("language"))},
            f"alias “{alias['name']}” of {label}",
        )
    cite(reconciler, refs, record, entry, label)


def seed_plant(reconciler, refs, entry):
    name, where, label = named_entry(
        "plant", entry, "name", required=("kind", "status"), optional=PLANT_FIELDS
    )
    plant = reconciler.sync(
        Plant,
        {"name": name},
        {
            "operator": refs.company(entry.get("operator"), where),
            "kind": text(entry["kind"]),
            "status": text(entry["status"]),
            "city": text(entry.get("city")),
            "region": text(entry.get("region")),
            "country": text(entry.get("country")),
            **curated(entry),
        },
        label,
    )
    refs.plants[name] = plant
    seed_aliases_and_citations(reconciler, refs, PlantAlias, plant, entry, label, where)
    if plant is None:
        return
    for capacity in as_list(entry.get("capacities"), f"{where} capacities"):
        seed_quantity(reconciler, refs, PlantCapacity, "plant", plant, capacity, label)
    for milestone in as_list(entry.get("milestones"), f"{where} milestones"):
        mapping(
            milestone,
            f"milestone of {label}",
            required=("kind", "year"),
            optional=("cite", *BASIS_KEYS),
        )
        milestone_label = f"milestone “{milestone['kind']} {milestone['year']}” of {label}"
        row = reconciler.sync(
            PlantMilestone,
            {"plant": plant, "kind": text(milestone["kind"]), "year": milestone["year"]},
            {},
            milestone_label,
        )
        cite(reconciler, refs, row, milestone, milestone_label)
    for figure in as_list(entry.get("figures"), f"{where} figures"):
        seed_figure(reconciler, refs, PlantFigure, plant, figure, label)


def seed_figure(reconciler, refs, model, record, entry, record_label):
    """
    An investment (``currency`` required), a number of jobs (``scope`` required: direct, total
    or not_stated) or, for a company, of vehicles (with the ``area`` it applies to, if any) of a
    plant or a company; one row per statement, so the figure itself is part of its key.
    """
    where = f"figure of {record_label}"
    areas = ("area",) if model is CompanyFigure else ()
    mapping(
        entry,
        where,
        required=("kind", "value"),
        optional=("currency", "scope", "qualifier", "year", *areas, "cite", *BASIS_KEYS),
    )
    key = {
        model.parent_field: record,
        "kind": text(entry["kind"]),
        "value": decimal(entry["value"], where),
        "currency": text(entry.get("currency")).upper(),
        "scope": text(entry.get("scope")),
        "year": entry.get("year"),
        **{area: text(entry.get(area)) for area in areas},
    }
    qualifier = text(entry.get("qualifier") or QuantityQualifier.EXACT)
    shown = model.label_for(
        key["kind"],
        key["value"],
        key["currency"],
        key["scope"],
        qualifier,
        key["year"],
        key.get("area", ""),
    )
    label = f"{model._meta.verbose_name} “{shown}” of {record_label}"
    row = reconciler.sync(model, key, {"qualifier": qualifier}, label)
    cite(reconciler, refs, row, entry, label)


def seed_quantity(reconciler, refs, model, parent_field, parent, entry, parent_label):
    where = f"{model._meta.verbose_name} of {parent_label}"
    mapping(
        entry,
        where,
        required=("gwh_per_year",),
        optional=("qualifier", "basis", "year", "cite", *BASIS_KEYS),
    )
    gwh = decimal(entry["gwh_per_year"], where)
    basis = text(entry.get("basis") or model.Basis.TARGET)
    label = f"{model._meta.verbose_name} {gwh} GWh ({basis}) of {parent_label}"
    # The qualifier is part of what the row is: "12 GWh" and "about 12 GWh" from two sources
    # are two rows of one figure, kept side by side.
    row = reconciler.sync(
        model,
        {
            parent_field: parent,
            "gwh_per_year": gwh,
            "basis": basis,
            "year": entry.get("year"),
            "qualifier": text(entry.get("qualifier") or QuantityQualifier.EXACT),
        },
        {},
        label,
    )
    cite(reconciler, refs, row, entry, label)


def seed_programme(reconciler, refs, entry):
    name, where, label = named_entry(
        "vehicle programme",
        entry,
        "name",
        optional=("brand", "segment", "assembly_plant", "start_year", "notes", "cite", *BASIS_KEYS),
    )
    programme = reconciler.sync(
        VehicleProgramme,
        {"name": name},
        {
            "brand": refs.company(entry.get("brand"), where),
            "segment": text(entry.get("segment")),
            "assembly_plant": refs.plant(entry.get("assembly_plant"), where),
            "start_year": entry.get("start_year"),
            **curated(entry),
        },
        label,
    )
    refs.programmes[name] = programme
    cite(reconciler, refs, programme, entry, label)


def seed_stake(reconciler, refs, entry):
    where = "stake"
    mapping(entry, where, required=("holder", "target", "status"), optional=STAKE_FIELDS)
    as_of, precision = partial_date(entry.get("as_of"), where)
    label = (
        f"stake of “{entry['holder']}” in “{entry['target']}” ({entry.get('as_of') or 'undated'})"
    )
    stake = reconciler.sync(
        Stake,
        {
            "holder": refs.company(entry["holder"], label),
            "target": refs.company(entry["target"], label),
            "as_of": as_of,
            "as_of_precision": precision,
        },
        {
            "share_exact": decimal(entry.get("share_exact"), label),
            "share_min": decimal(entry.get("share_min"), label),
            "share_min_exclusive": bool(entry.get("share_min_exclusive", False)),
            "share_max": decimal(entry.get("share_max"), label),
            "share_max_exclusive": bool(entry.get("share_max_exclusive", False)),
            "status": text(entry["status"]),
            **curated(entry),
        },
        label,
    )
    cite(reconciler, refs, stake, entry, label)


def seed_agreement(reconciler, refs, entry):
    title, _, label = named_entry(
        "agreement", entry, "title", required=("kind", "status"), optional=AGREEMENT_FIELDS
    )
    announced_on, announced_precision = partial_date(entry.get("announced"), label)
    signed_on, signed_precision = partial_date(entry.get("signed"), label)
    programmes = as_list(entry.get("programmes"), f"{label} programmes")
    agreement = reconciler.sync(
        Agreement,
        {"title": title},
        {
            "kind": text(entry["kind"]),
            "status": text(entry["status"]),
            "announced_on": announced_on,
            "announced_precision": announced_precision,
            "signed_on": signed_on,
            "signed_precision": signed_precision,
            "start_year": entry.get("start_year"),
            "plant": refs.plant(entry.get("plant"), label),
            **curated(entry),
        },
        label,
        many={"programmes": [refs.programme(name, label) for name in programmes]},
    )
    if agreement is None:
        return
    cite(reconciler, refs, agreement, entry, label)
    for party in as_list(entry.get("parties"), f"{label} parties"):
        seed_party(reconciler, refs, agreement, party, label)
    for volume in as_list(entry.get("volumes"), f"{label} volumes"):
        seed_quantity(reconciler, refs, AgreementVolume, "agreement", agreement, volume, label)


def seed_party(reconciler, refs, agreement, party, label):
    mapping(
        party, f"party of {label}", required=("company", "role"), optional=("cite", *BASIS_KEYS)
    )
    party_label = f"party “{party['company']}” ({party['role']}) of {label}"
    row = reconciler.sync(
        AgreementParty,
        {
            "agreement": agreement,
            "company": refs.company(party["company"], party_label),
            "role": text(party["role"]),
        },
        {},
        party_label,
    )
    cite(reconciler, refs, row, party, party_label)
