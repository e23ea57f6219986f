"""
Fingerprints of what the seed wrote to a row, and the ``SeedOwnership`` records that keep them.

A value is fingerprinted in a canonical form that does not depend on how it was typed or read
back (``Decimal("12")`` and ``12.000``, a year given as text), and references are taken through
``pk_of`` so that the fixture can fingerprint its renumbered rows exactly as a database that
loads it will. Content types are named by app label and model, which are the same everywhere.
"""

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist

from ..models import SeedOwnership


def same_pk(model, pk):
    return pk


def canonical_values(row, names, pk_of=same_pk):
    return {name: canonical_value(row, name, pk_of) for name in names}


def canonical_value(row, name, pk_of=same_pk):
    model_field = row._meta.get_field(name)
    if model_field.many_to_many:
        pks = getattr(row, name).values_list("pk", flat=True)
        return sorted(pk_of(model_field.related_model, pk) for pk in pks)
    value = getattr(row, model_field.attname)
    if value is None:
        return None
    if model_field.is_relation:
        if model_field.related_model is ContentType:
            return ".".join(ContentType.objects.get_for_id(value).natural_key())
        return pk_of(model_field.related_model, value)
    target = generic_target(row, name)
    if target is not None:
        return pk_of(target, value)
    value = model_field.to_python(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def generic_target(row, name):
    """The model a generic relation's id field ``name`` points into, or None."""
    for private in row._meta.private_fields:
        if isinstance(private, GenericForeignKey) and private.fk_field == name:
            content_type_id = getattr(row, row._meta.get_field(private.ct_field).attname)
            return ContentType.objects.get_for_id(content_type_id).model_class()
    return None


def encode(values):
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def key_of(row, key_names, pk_of=same_pk):
    return encode(canonical_values(row, key_names, pk_of))


def fingerprint(row, names, pk_of=same_pk):
    return hashlib.sha256(encode(canonical_values(row, names, pk_of)).encode()).hexdigest()


def key_names(ownership):
    return list(json.loads(ownership.seeded_key))


def still_as_written(row, ownership, pk_of=same_pk):
    """Whether ``row`` holds what the seed last wrote to it (no one has changed it since)."""
    try:
        return fingerprint(row, ownership.fields, pk_of) == ownership.fingerprint
    except FieldDoesNotExist:
        # A field the seed wrote was removed from the model since: changed, so not assumed ours.
        return False


def ownership_of(row, using=None):
    """The row's ownership record, read from the database (for checks outside a seed run)."""
    manager = SeedOwnership.objects.db_manager(using)
    content_type = ContentType.objects.db_manager(using).get_for_model(row)
    return manager.filter(content_type=content_type, object_id=row.pk).first()


def record_ownership(row, key_names, names, ownership=None, save=True):
    """
    Record that the seed has just written the fields ``names`` to ``row``, which the curation
    file names by the fields ``key_names``; returns the (new or updated) ownership record.
    """
    if ownership is None:
        ownership = SeedOwnership(content_type_id=content_type_id(row), object_id=row.pk)
    ownership.seeded_key = key_of(row, key_names)
    ownership.fields = list(names)
    ownership.fingerprint = fingerprint(row, names)
    if save:
        ownership.save()
    return ownership


class Ledger:
    """The seed's ownership records, read once per run and kept current as the run writes."""

    def __init__(self):
        self.by_row = {}
        self.by_key = {}
        # Ownership of rows created in this run, inserted together by ``flush``.
        self.new = []
        for ownership in SeedOwnership.objects.all():
            self._remember(ownership)

    def _remember(self, ownership):
        self.by_row[(ownership.content_type_id, ownership.object_id)] = ownership
        self.by_key[(ownership.content_type_id, ownership.seeded_key)] = ownership

    def of(self, row):
        return self.by_row.get((content_type_id(row), row.pk))

    def under_key(self, model, key):
        """The ownership of the row once seeded under ``key`` (a mapping of field to value)."""
        return self.by_key.get((content_type_id(model), key_of(model(**key), list(key))))

    def owns(self, row):
        ownership = self.of(row)
        return ownership is not None and still_as_written(row, ownership)

    def record(self, row, key_names, names):
        """Note that the seed has just written ``names`` (``key_names`` its key) to ``row``."""
        ownership = self.of(row)
        if ownership is None:
            ownership = record_ownership(row, key_names, names, save=False)
            self.new.append(ownership)
        else:
            self.by_key.pop((ownership.content_type_id, ownership.seeded_key), None)
            # A row created earlier in this run is saved with the others by ``flush``.
            saved = not any(ownership is new for new in self.new)
            record_ownership(row, key_names, names, ownership, save=saved)
        self._remember(ownership)

    def flush(self):
        """Insert the ownership of the rows created in this run (same transaction as the rows)."""
        SeedOwnership.objects.bulk_create(self.new)
        self.new = []

    def forget(self, row):
        """The seed withdrew ``row``: it no longer owns it, so the key is free to seed again."""
        ownership = self.by_row.pop((content_type_id(row), row.pk), None)
        if ownership is not None:
            self.by_key.pop((ownership.content_type_id, ownership.seeded_key), None)
            if any(ownership is new for new in self.new):
                self.new.remove(ownership)
            else:
                ownership.delete()


def content_type_id(model_or_row):
    return ContentType.objects.get_for_model(model_or_row).pk
