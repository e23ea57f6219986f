"""
What a reviewer does to the values the machine cannot confirm: confirm one, confirm all of a
record's that it cannot tell, or override a value it reads as not stated, with a note.

The rules of who may confirm and what a confirmation covers live on ``ValueConfirmation``; this
module decides which values may be confirmed, from their provenance (``ProvenanceIndex``).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .confirmations import ValueConfirmation, confirmed_form, refuse_unless_reviewer, top_record
from .editing import current_actor, one_change
from .provenance import Basis, ProvenanceIndex, stored_values


def provenance_in_record(row, name):
    """The FieldProvenance of field ``name`` of ``row`` (a record or one of its rows), or None."""
    record = top_record(row)
    index = ProvenanceIndex([record])
    parent = None if row is record else record
    return index.of(row, parent).get(name)


def confirm(row, name, note=""):
    """
    Record that the current reviewer read value ``name`` of ``row`` in its cited passage. Raises
    ValidationError when that value may not be confirmed (see ``refuse_confirmation``) and
    PermissionDenied when the current user may not verify its record.
    """
    note = note.strip()
    refuse_unless_reviewer(row)
    refuse_confirmation(provenance_in_record(row, name), name, note)
    return _store(row, name, note)


def confirm_all(record):
    """
    Confirm every stated value of ``record`` and of its rows that the machine can neither
    confirm nor refute, as one change of the record; returns their labels ("kind", "plant
    capacity “16 GWh/yr”: year").
    """
    refuse_unless_reviewer(record)
    index = ProvenanceIndex([record])
    confirmed = []
    with transaction.atomic(), one_change():
        for label, row, name, prov in index.values(record):
            if prov.basis == Basis.STATED and prov.checked is None and not prov.refuted:
                _store(row, name, "")
                confirmed.append(f"{label}: {name}" if label else name)
    return confirmed


def _store(row, name, note):
    confirmation, _ = ValueConfirmation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(row),
        object_id=row.pk,
        field=name,
        defaults={
            "value": confirmed_form(type(row), name, stored_values(row)),
            "note": note,
            "confirmed_by": current_actor().user,
            "confirmed_at": timezone.now(),
        },
    )
    return confirmation


def refuse_confirmation(provenance, name, note):
    """
    Raise a ValidationError if value ``name``, of ``provenance`` (a FieldProvenance or None),
    may not be confirmed with ``note``: only a stated value the machine does not confirm may be,
    and one whose passage it reads as not stating it only with a note saying why it stands.
    """
    if provenance is None or provenance.basis != Basis.STATED:
        raise ValidationError(
            f"“{name}” is not stated by a cited passage: cite the passage that states it first."
        )
    if provenance.refuted and not note:
        pk, quote, verdict = provenance.refuted[0]
        raise ValidationError(
            f"The machine reads citation {pk} “{quote}” as not stating “{name}” "
            f"({verdict.reason}): say in a note why the value stands to override it."
        )
    if provenance.checked == "machine" and not provenance.refuted:
        raise ValidationError(f"“{name}” is already confirmed by the machine.")
