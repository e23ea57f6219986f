"""
Published stays published: a change to a verified record by someone who may not verify it is
held as the record's *pending version*, and readers keep the reviewed one until a reviewer
publishes the change or rejects it.

The pending version is a copy of the record and of its rows (aliases, parties, volumes,
capacities, milestones, figures, citations, value bases, confirmations, at every depth) in the same
tables, whose ``pending_of`` names the published record. Editors' tools work on it as on any
record (the admin opens it in place of the published record; the desk's writes land on it), and
readers never meet it: the curated models' default manager leaves pending versions out, and they
are never verified. ``row_map`` tells which row of the copy stands for which row of the published
record, so that publishing writes the reviewed values back onto the published rows (their ids,
which API consumers keep, do not change) and a change an editor makes to a published row, from
any path, lands on its copy instead.

Whoever saves goes through the models (``CuratedRecord.save``, ``Versioned.save`` and
``delete``), so these rules hold for the admin, the desk, merges, scripts and the shell alike.
"""

from contextvars import ContextVar
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from .base import StaleRecordError, hold_writes_with
from .changes import unlogged
from .confirmations import top_record
from .editing import current_actor, one_change
from .provenance import refuse_unsupported_verification
from .registry import record_parts
from .review_status import ReviewStatus

# Columns a copy never takes from what it copies, nor gives back when published.
OWN_COLUMNS = {"id", "version", "pending_of", "row_map", "created_at", "updated_at"}


class RejectedChange(models.Model):
    """A pending change a reviewer discarded: what it changed, who rejected it and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    reason = models.TextField()
    changes = models.TextField(blank=True, help_text="What the rejected change changed.")
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-rejected_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = "rejected change"
        verbose_name_plural = "rejected changes"

    def __str__(self):
        return f"Change rejected on {self.rejected_at:%Y-%m-%d}: {self.reason}"


# -- Which rows belong to which -------------------------------------------------------------------


def part_links(model):
    """
    ``(part model, parent field)`` for each kind of row that belongs directly to a row of
    ``model`` (``Versioned.parent_field``): a plant's capacities, a party's citations.
    """
    links = []
    for part in record_parts():
        field = part._meta.get_field(part.parent_field)
        if isinstance(field, GenericForeignKey) or field.related_model is model:
            links.append((part, field))
    return links


def parts_of(row):
    """``(part model, parent field, [rows])`` for every kind of row directly below ``row``."""
    for part, field in part_links(type(row)):
        if isinstance(field, GenericForeignKey):
            content_type = ContentType.objects.get_for_model(type(row))
            rows = part._base_manager.filter(
                **{field.ct_field: content_type, field.fk_field: row.pk}
            )
        else:
            rows = part._base_manager.filter(**{field.attname: row.pk})
        yield part, field, list(rows.order_by("pk"))


def point_at(row, field, parent):
    """Make ``row``'s parent field (``field``, a ForeignKey or GenericForeignKey) ``parent``."""
    if isinstance(field, GenericForeignKey):
        setattr(row, field.ct_field + "_id", ContentType.objects.get_for_model(type(parent)).pk)
        setattr(row, field.fk_field, parent.pk)
    else:
        setattr(row, field.attname, parent.pk)
    field_cache = getattr(field, "cache_name", None) or field.name
    row._state.fields_cache.pop(field_cache, None)


def plain_many_to_many(model):
    """
    The many-to-many fields of ``model`` that are links only (an agreement's programmes): one
    through a model of its own (an agreement's companies, through its parties) is copied as rows.
    """
    return [
        field for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created
    ]


def row_key(row):
    return f"{row._meta.label_lower}:{row.pk}"


def copied_columns(model):
    """The columns a copy takes over: every concrete one but its own keys and bookkeeping."""
    return [field for field in model._meta.concrete_fields if field.name not in OWN_COLUMNS]


# -- Who is held back -----------------------------------------------------------------------------


def is_published(record):
    """Whether ``record`` (a curated record) is a verified, published one, as stored."""

    if record is None or record.pk is None or getattr(record, "pending_of_id", True) is not None:
        return False
    return (
        type(record)
        ._base_manager.filter(pk=record.pk, review_status=ReviewStatus.VERIFIED)
        .exists()
    )


_publishing = ContextVar("publishing_a_pending_version", default=False)


def held_back(record):
    """
    Whether a change to ``record`` by the current writer is held as its pending version: any
    change by someone who may not verify it, and, once it has a pending version, anyone's (a
    reviewer's change straight to the published record would be undone when that version is
    published), except the publication's own writes.
    """
    if _publishing.get() or not is_published(record):
        return False
    if not current_actor().may_verify(type(record)):
        return True
    return type(record)._base_manager.filter(pending_of=record.pk).exists()


# -- Starting a pending version -------------------------------------------------------------------


def pending_version_of(record, create=False):
    """
    The pending version of published ``record``, or None; with ``create``, made (record and
    rows copied) if there is none yet.
    """
    model = type(record)
    pending = model._base_manager.filter(pending_of=record.pk).first()
    if pending is not None or not create:
        return pending

    published = model._base_manager.select_for_update(no_key=True).get(pk=record.pk)
    pending = model._base_manager.filter(pending_of=record.pk).first()
    if pending is not None:  # made while this transaction waited for the lock
        return pending
    pending = model(
        **{field.attname: getattr(published, field.attname) for field in copied_columns(model)}
    )
    pending.pending_of_id = published.pk
    pending.review_status = ReviewStatus.NEEDS_REVIEW
    # Going on from the published version's number: a form opened on the published record
    # before the copy was made is refused as stale, not saved over the copy.
    pending.version = published.version + 1
    row_map = {}
    # bulk_create: a copy is not a change of anything (no history, no change-log entry).
    model._base_manager.bulk_create([pending])
    for field in plain_many_to_many(model):
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = through._base_manager.filter(**{source: published.pk})
        through._base_manager.bulk_create(
            [
                through(
                    **{source + "_id": pending.pk, target + "_id": getattr(link, target + "_id")}
                )
                for link in links
            ]
        )
    copy_rows(published, pending, row_map)
    pending.row_map = row_map
    model._base_manager.filter(pk=pending.pk).update(row_map=row_map)
    pending._remember_stored()
    return pending


def copy_rows(source, target, row_map):
    """Copy every row below ``source`` (at every depth) below ``target``, noting each copy."""
    for part, field, rows in parts_of(source):
        if not rows:
            continue
        copies = []
        for row in rows:
            copy = copy_of(row)
            point_at(copy, field, target)
            copy.version = row.version
            copies.append(copy)
        part._base_manager.bulk_create(copies)
        for row, copy in zip(rows, copies, strict=True):
            row_map[row_key(row)] = copy.pk
            copy_rows(row, copy, row_map)


def originals_of(pending):
    """``{(model label, copy's id): id of the published row it copies}`` of ``pending``."""
    originals = {}
    for key, copy_pk in pending.row_map.items():
        label, original_pk = key.split(":", 1)
        originals[(label, copy_pk)] = int(original_pk)
    return originals


def counterpart(pending, row):
    """The copy, in ``pending``, of ``row`` of its published record (None: deleted there)."""
    copy_pk = pending.row_map.get(row_key(row))
    return None if copy_pk is None else type(row)._base_manager.filter(pk=copy_pk).first()


def pending_side(pending, row):
    """``row`` if it is the published record itself or not copied; else its copy in ``pending``."""
    if row.pk == pending.pending_of_id and type(row) is type(pending):
        return pending
    return counterpart(pending, row)


# -- Holding back a change ------------------------------------------------------------------------


def hold_record_change(record):
    """
    Save ``record``'s change (an instance of a published record) onto its pending version,
    leaving the published row as it is. Returns the pending version.
    """

    model = type(record)
    with transaction.atomic():
        published = model._base_manager.select_for_update(no_key=True).get(pk=record.pk)
        expected = getattr(record, "_expected_version", None)
        if expected is not None and expected != published.version:
            raise StaleRecordError(published)
        pending = pending_version_of(published, create=True)
        changed = record.changed_fields()
        names = (
            [field.name for field in copied_columns(model) if field.editable]
            if changed is None
            else changed
        )
        for name in names:
            field = model._meta.get_field(name)
            if field.name in OWN_COLUMNS:
                continue
            setattr(pending, field.attname, getattr(record, field.attname))
        if pending.review_status == ReviewStatus.VERIFIED:
            pending.review_status = ReviewStatus.NEEDS_REVIEW
        reason = getattr(record, "_change_reason", None)
        if reason:
            pending._change_reason = reason
        pending.save()
    record._expected_version = None
    record.version = published.version
    record.review_status = published.review_status
    record._remember_stored()
    record.pending = pending
    return pending


def redirect_row_save(row, adding):
    """
    Before ``row`` (a part of a record) is saved: if the save would change a published record
    and the writer may not verify it, make it change the pending version instead. Returns True
    when the save is done (onto the copy of a published row), False when ``row`` itself is to be
    saved, pointed, if need be, at the pending version.
    """
    if not adding:
        stored = row.stored_parent() or row.parent_row()
        record = top_record(stored)
        if record is not None and held_back(record):
            moved_out = top_record(row.parent_row()) != record
            with transaction.atomic():
                pending = pending_version_of(record, create=True)
                copy = counterpart(pending, row)
                if moved_out:
                    # The published row stays where readers see it; the pending version loses
                    # its copy, and the new place gets a row of its own (held back in turn if
                    # that place is published too).
                    if copy is not None:
                        copy.delete()
                    moved = copy_of(row)
                    moved.save()
                    # Its citations and notes go with it, held back in turn where they land.
                    for _part, field, rows in parts_of(row):
                        for below in rows:
                            below_copy = copy_of(below)
                            point_at(below_copy, field, moved)
                            below_copy.save()
                    return True
                if copy is None:
                    raise ValidationError(
                        f"{row._meta.verbose_name} “{row}” was deleted in the pending change "
                        f"of “{record}”: edit that change instead."
                    )
                take_values(copy, row, pending)
                copy.save()
            row._remember_stored()
            return True
    record = top_record(row.parent_row())
    if record is not None and held_back(record):
        with transaction.atomic():
            pending = pending_version_of(record, create=True)
            parent = row.parent_row()
            side = pending_side(pending, parent)
            if side is None:
                raise ValidationError(
                    f"{parent._meta.verbose_name} “{parent}” was deleted in the pending change "
                    f"of “{record}”: nothing can be added to it."
                )
            point_at(row, row._meta.get_field(row.parent_field), side)
    return False


def copy_of(row):
    """A new, unsaved row of ``row``'s model with its values, parent included."""
    copy = type(row)(
        **{field.attname: getattr(row, field.attname) for field in copied_columns(type(row))}
    )
    reason = getattr(row, "_change_reason", None)
    if reason:
        copy._change_reason = reason
    return copy


def take_values(copy, row, pending):
    """
    ``copy`` takes the values ``row``'s writer changed (all of them when that is unknown), its
    parent mapped to the pending side: a second edit of the published row keeps the first.
    """
    changed = row.changed_fields()
    for field in copied_columns(type(row)):
        if changed is None or field.name in changed:
            setattr(copy, field.attname, getattr(row, field.attname))
    field = row._meta.get_field(row.parent_field)
    parent = row.parent_row()
    point_at(copy, field, pending_side(pending, parent))
    reason = getattr(row, "_change_reason", None)
    if reason:
        copy._change_reason = reason


def redirect_row_deletion(row):
    """
    Before ``row`` is deleted: if it belongs to a published record that the writer may not
    verify, delete its copy in the pending version instead and return True.
    """
    parent = row.parent_row()
    record = top_record(parent)
    if record is None or not held_back(record):
        return False
    with transaction.atomic():
        pending = pending_version_of(record, create=True)
        copy = counterpart(pending, row)
        if copy is not None:
            copy.delete()
    return True


# -- Publishing and rejecting ---------------------------------------------------------------------


def publish(pending, reason="Published the pending change"):
    """
    Make ``pending``'s values the published record's, rows included, in one transaction, and
    drop the copy: readers see the new values, and the change feed carries one change of the
    published record. Raises ValidationError when a value lacks a basis (nothing changes then).
    """
    model = type(pending)
    token = _publishing.set(True)
    try:
        with transaction.atomic(), one_change():
            published, pending = lock_both(pending)
            refuse_unsupported_verification(pending)
            for field in copied_columns(model):
                setattr(published, field.attname, getattr(pending, field.attname))
            published.review_status = ReviewStatus.VERIFIED
            published._change_reason = reason
            published.save()
            for field in plain_many_to_many(model):
                getattr(published, field.name).set(getattr(pending, field.name).all())
            merge_rows(pending, published, originals_of(pending))
            drop(pending)
    finally:
        _publishing.reset(token)
    return published


def lock_both(pending):
    """The published record and ``pending``, locked in that order, as stored now."""
    model = type(pending)
    rows = model._base_manager.select_for_update(no_key=True)
    published = rows.get(pk=pending.pending_of_id)
    pending = rows.filter(pk=pending.pk).first()
    if pending is None:
        raise ValidationError(f"The change to “{published}” was published or rejected meanwhile.")
    return published, pending


def merge_rows(source, target, copied_from):
    """
    Make the rows below ``target`` (published) those below ``source`` (its pending version): a
    row whose copy was deleted is deleted, a copy's values go back onto the row it copies, a new
    row moves over; in that order, so a row deleted and added again meets no unique key twice.
    """
    for part, field, pairs, removed in paired_rows(source, target, copied_from):
        for original in removed:
            original.delete()
        for row, original in pairs:
            if original is None:
                continue
            for column in copied_columns(part):
                if column.attname != field_attname(field):
                    setattr(original, column.attname, getattr(row, column.attname))
            if original.changed_fields():
                original.save()
            merge_rows(row, original, copied_from)
        for row, original in pairs:
            if original is None:
                point_at(row, field, target)
                row.save()


def paired_rows(source, target, copied_from):
    """
    For each kind of row directly below ``source`` (a pending version, or a row of one) and
    ``target`` (what it copies): ``(part model, parent field, [(copy, the row it copies, or None
    for a new row)], [rows of target no copy stands for any more])``.
    """
    published_parts = {part: rows for part, _, rows in parts_of(target)}
    for part, field, rows in parts_of(source):
        originals = {row.pk: row for row in published_parts.get(part, [])}
        label = part._meta.label_lower
        pairs = [(row, originals.get(copied_from.get((label, row.pk)))) for row in rows]
        kept = {original.pk for _, original in pairs if original is not None}
        removed = [original for pk, original in originals.items() if pk not in kept]
        yield part, field, pairs, removed


def field_attname(field):
    return field.fk_field if isinstance(field, GenericForeignKey) else field.attname


def drop(pending):
    """
    Delete ``pending`` and every row below it, unlogged: the rows on generic relations too,
    which no cascade reaches from a row without a GenericRelation (an alias's notes).
    """
    with unlogged():
        drop_rows(pending)
        type(pending)._base_manager.filter(pk=pending.pk).delete()


def drop_rows(row):
    for part, _, rows in parts_of(row):
        for below in rows:
            drop_rows(below)
        if rows:
            part._base_manager.filter(pk__in=[below.pk for below in rows]).delete()


def reject(pending, reason, user=None):
    """Discard ``pending``, noting who rejected it and why on its published record."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the change is rejected: the editor reads it.")
    model = type(pending)
    with transaction.atomic():
        published, pending = lock_both(pending)
        RejectedChange.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_id=published.pk,
            reason=reason,
            changes="\n".join(describe_differences(pending)),
            rejected_by=user,
        )
        drop(pending)
    return published


# -- What a pending version changes ---------------------------------------------------------------


def describe_differences(pending):
    """Lines saying how ``pending`` differs from its published record, rows included."""
    model = type(pending)
    published = model._base_manager.get(pk=pending.pending_of_id)
    lines = []
    for field in copied_columns(model):
        if not field.editable or field.name in ("notes", "review_status"):
            continue
        before, after = value_text(published, field), value_text(pending, field)
        if before != after:
            lines.append(f"{field.verbose_name}: “{before}” → “{after}”")
    for field in plain_many_to_many(model):
        before = sorted(str(item) for item in getattr(published, field.name).all())
        after = sorted(str(item) for item in getattr(pending, field.name).all())
        if before != after:
            lines.append(f"{field.verbose_name}: {', '.join(before)} → {', '.join(after)}")
    lines.extend(row_differences(pending, published, originals_of(pending)))
    return lines


def row_differences(source, target, copied_from, depth=0):
    lines = []
    indent = "  " * depth
    for part, field, pairs, removed in paired_rows(source, target, copied_from):
        label = part._meta.verbose_name
        for row, original in pairs:
            if original is None:
                lines.append(f"{indent}added {label} “{row}”")
                continue
            changes = [
                f"{column.verbose_name} “{value_text(original, column)}” → "
                f"“{value_text(row, column)}”"
                for column in copied_columns(part)
                if column.editable
                and column.attname != field_attname(field)
                and value_text(original, column) != value_text(row, column)
            ]
            if changes:
                lines.append(f"{indent}changed {label} “{original}”: {'; '.join(changes)}")
            lines.extend(row_differences(row, original, copied_from, depth + 1))
        lines.extend(f"{indent}removed {label} “{original}”" for original in removed)
    return lines


def value_text(row, field):
    if isinstance(field, models.ForeignKey):
        related = getattr(row, field.name)
        return "" if related is None else str(related)
    if field.choices:
        return str(getattr(row, f"get_{field.name}_display")())
    value = getattr(row, field.attname)
    return "" if value is None else str(value)


def refuse_bulk_deletion_of_published_parts(sender, instance, origin=None, **kwargs):
    """
    ``pre_delete`` of a part: a ``QuerySet.delete()`` of parts (which calls no ``delete()``) may
    not remove a published record's rows behind the reviewers' back: refused, naming the way
    that holds the deletion for review. Parts deleted with their record are not concerned.
    """
    if not (isinstance(origin, models.QuerySet) and issubclass(origin.model, sender)):
        return
    parent = instance.parent_row()
    record = top_record(parent)
    if record is not None and held_back(record):
        raise ValidationError(
            f"Deleting {sender._meta.verbose_name_plural} of the published “{record}” in bulk "
            "would change what readers see without review: delete them one by one "
            "(row.delete()), which holds each deletion in its pending version."
        )


hold_writes_with(
    SimpleNamespace(
        redirect_row_save=redirect_row_save,
        redirect_row_deletion=redirect_row_deletion,
        refuse_bulk_deletion_of_published_parts=refuse_bulk_deletion_of_published_parts,
    )
)
