"""
A reviewer's confirmation of one stated value the statement checker cannot confirm.

The checker (``sourcing.statements``) reads names, figures, dates and places; what it cannot tell
(a description, a kind it has no trigger word for) a reviewer reads in the cited passage and
confirms, and a value it reads as *not stated* a reviewer may override, saying why in a note.
Either is stored here, one row per value of a row (content type, object id, field), with who
confirmed it and when.

A confirmation holds for the value it was given for, and only that one: ``value`` keeps the value
as confirmed (``confirmed_form``), and once the row holds another value the confirmation no
longer counts (``holding``), until a reviewer confirms the new one. Only someone who may verify
the record (``verify_<model>``) may confirm; ``save`` refuses anyone else, whatever the path.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .base import AboutOneValue
from .editing import current_actor
from .statements import qualifying_columns


class ValueConfirmation(AboutOneValue):
    """One value of one row that a reviewer read in its cited passage and confirmed."""

    field = models.CharField(max_length=100, help_text="The factual field confirmed.")
    value = models.TextField(
        editable=False, help_text="The value as confirmed: another value is unconfirmed."
    )
    note = models.TextField(
        blank=True,
        help_text="Why the value stands although the machine reads its passage as not stating "
        "it (required then); optional otherwise.",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta(AboutOneValue.Meta):
        verbose_name = "value confirmation"
        verbose_name_plural = "value confirmations"
        constraints = [AboutOneValue.one_per_value("one_confirmation_per_value")]

    def __str__(self):
        return f"{self.field} confirmed"

    def save(self, *args, **kwargs):
        refuse_unless_reviewer(self.record)
        super().save(*args, **kwargs)


def refuse_unless_reviewer(row):
    """Raise PermissionDenied unless the current user may verify the record ``row`` is part of."""
    record = top_record(row)
    if not current_actor().may_verify(type(record)):
        raise PermissionDenied(
            f"Only a reviewer who may verify {record._meta.verbose_name_plural} may confirm "
            "their values."
        )


def top_record(row):
    """
    The curated record ``row`` belongs to (itself for a record): whose reviewers confirm, and
    whose pending version holds its changes. None when a row on the way is gone.
    """
    while row is not None and row.parent_field:
        row = row.parent_row()
    return row


def confirmed_form(model, name, values):
    """
    The text a confirmation keeps of field ``name`` of a row of ``model`` holding ``values``
    ({field: stored value}, as ``provenance.stored_values`` or the API reads them): the value,
    a related record by id, several by their sorted ids, and what qualifies it (a date's
    precision, a share's exclusive flag, a volume's qualifier), so that any change to what the
    reviewer read unconfirms it.
    """
    value = values.get(name)
    if isinstance(value, list):
        shown = ",".join(sorted(str(_key(item)) for item in value))
    else:
        shown = str(_key(value))
    qualifiers = [f"{column}={values.get(column)}" for column in qualifying_columns(model, name)]
    return "|".join([shown, *qualifiers])


def _key(value):
    if isinstance(value, dict):  # a related row the API read as a dict
        return value.get("id", value.get("pk"))
    if isinstance(value, Decimal):
        # 25, 25.0 and 25.00 are one figure, however a database or a form returns it.
        return format(value.normalize(), "f")
    return getattr(value, "pk", value)


def holding(model, values, entries):
    """
    {field: entry} of the confirmations ``entries`` ({field: {"value", "note"...}}) of one row
    of ``model`` that still hold: those given for the value the row holds now (``values``).
    """
    return {
        name: entry
        for name, entry in entries.items()
        if name in values and entry["value"] == confirmed_form(model, name, values)
    }
