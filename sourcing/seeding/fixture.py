"""
The seed data as a ``loaddata`` fixture: the curated rows renumbered 1, 2, 3... per model, with
fixed timestamps and versions, then the seed's ownership of each of them, fingerprinted over the
renumbered references, so that a database loaded from the fixture is one the seed recognises.
"""

import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder

from ..models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    CompanyFigure,
    NonEditorialSpan,
    Plant,
    PlantAlias,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    SeedOwnership,
    Stake,
    ValueBasis,
    VehicleProgramme,
)
from .ownership import fingerprint, key_names, key_of, still_as_written

# loaddata saves raw and cannot fill auto_now fields; one fixed stamp keeps the generated fixture
# reproducible (the day the seed data was curated).
FIXTURE_TIMESTAMP = "2026-11-22T00:00:00Z"

# Fixture order: loaddata saves in this order, and the raw-save check of a citation needs its
# article and the article's non-editorial spans to be there already.
SEEDED_MODELS = [
    Article,
    NonEditorialSpan,
    Company,
    CompanyAlias,
    CompanyFigure,
    Plant,
    PlantAlias,
    PlantCapacity,
    PlantMilestone,
    PlantFigure,
    VehicleProgramme,
    Stake,
    Agreement,
    AgreementParty,
    AgreementVolume,
    Citation,
    ValueBasis,
]


def serialize_rows(records):
    """
    Django fixture objects for ``records`` (model -> primary keys, in order), renumbered 1, 2, 3...
    per model in that order, with timestamps fixed and versions at 1, so the result depends only
    on the data and not on the database it was built in; then their ownership records.
    """
    renumbered = {
        model: {old: new for new, old in enumerate(pks, start=1)} for model, pks in records.items()
    }
    objects, ownerships = [], []
    for model in SEEDED_MODELS:
        pks = records.get(model, [])
        rows = model._default_manager.in_bulk(pks)
        ordered = [rows[pk] for pk in pks]
        for item in serializers.serialize("python", ordered, use_natural_foreign_keys=True):
            objects.append(renumber_item(model, item, renumbered))
        ownerships.extend(ownership_items(model, ordered, renumbered))
    return objects + ownerships


def renumber_item(model, item, renumbered):
    item["pk"] = renumbered[model][item["pk"]]
    fields = item["fields"]
    for model_field in model._meta.concrete_fields:
        name = model_field.name
        if name not in fields:
            continue
        related = model_field.related_model
        if model_field.many_to_one and related in renumbered and fields[name] is not None:
            fields[name] = renumbered[related][fields[name]]
        elif getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
            fields[name] = FIXTURE_TIMESTAMP
    # The edit counter of a row re-seeded in this database means nothing in another one.
    if "version" in fields:
        fields["version"] = 1
    for model_field in model._meta.many_to_many:
        if model_field.name in fields:
            related = renumbered[model_field.related_model]
            fields[model_field.name] = sorted(related[pk] for pk in fields[model_field.name])
    if model in (Citation, ValueBasis):
        cited_model = apps.get_model(*fields["content_type"])
        fields["object_id"] = renumbered[cited_model][fields["object_id"]]
    return item


def ownership_items(model, rows, renumbered):
    """The seed's ownership of ``rows`` (those it still owns), as the fixture numbers them."""

    def pk_of(related, pk):
        return renumbered.get(related, {}).get(pk, pk)

    content_type = ContentType.objects.get_for_model(model)
    owned = {
        ownership.object_id: ownership
        for ownership in SeedOwnership.objects.filter(
            content_type=content_type, object_id__in=[row.pk for row in rows]
        )
    }
    items = []
    for row in rows:
        ownership = owned.get(row.pk)
        if ownership is None or not still_as_written(row, ownership):
            continue
        fields = {
            "content_type": list(content_type.natural_key()),
            "object_id": pk_of(model, row.pk),
            "seeded_key": key_of(row, key_names(ownership), pk_of),
            "fields": ownership.fields,
            "fingerprint": fingerprint(row, ownership.fields, pk_of),
        }
        # No pk: loaddata finds an ownership already there by its natural key (content type and
        # row) instead of writing over whichever ownership has the same number.
        items.append({"model": SeedOwnership._meta.label_lower, "fields": fields})
    return items


def fixture_text(objects):
    return json.dumps(objects, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder) + "\n"
