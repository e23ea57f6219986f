"""
What a write changes in the published API, logged for the change feed in the same transaction.

Every path that writes (admin, desk, seed, merge, import, shell) goes through the ORM, so the
feed is fed here, from model signals, and not by each caller:

- a record's own save or deletion changes that record;
- a change to one of its rows (alias, party, volume, capacity, milestone) or to a citation of it
  or of one of its rows changes the record, since the API publishes them inside it;
- a change to a record that others show (a company's name in a stake, a plant in an agreement,
  an article's title in every citation of it) or whose visibility decides theirs (a stake is
  public only while both its companies are) changes those others too.

Which records show which others is the table of resources' (``sourcing.api.resources``). Whether
a logged change is an upsert or a deletion is decided when the feed is read, per reader: a record
that no longer exists, or that the reader may not see, is a deletion for them.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from .api.resources import BY_MODEL, BY_PREFIX
from .api.visibility import visible
from .models import Agreement, Citation, ValueBasis
from .models.changes import (
    ids_by_resource,
    log_changes,
    set_pending_versions_test,
    set_public_test,
)
from .models.registry import edited_models


def parent_key(model):
    """
    The foreign key from a row to the record the API publishes it in (``Versioned.parent_field``:
    an alias's company, a capacity's plant), or None: a record itself, or a row on a generic
    relation (a citation, a value basis), whose record is named by content type and id.
    """
    name = getattr(model, "parent_field", None)
    field = model._meta.get_field(name) if name else None
    return field if field is not None and field.many_to_one and field.concrete else None


def records_showing(resource, pk):
    """The ``(resource, id)`` of the records that show record ``pk`` of ``resource``."""
    for prefix, lookups in resource.shown_in:
        model = BY_PREFIX[prefix].model
        condition = reduce(or_, (Q(**{lookup: pk}) for lookup in lookups))
        ids = model.objects.filter(condition).values_list("pk", flat=True).distinct()
        yield from ((prefix, record_id) for record_id in ids)
    if resource.shown_in_citations:
        for citation in Citation.objects.filter(article=pk).select_related("content_type"):
            yield from cited_record(citation.content_type.model_class(), citation.object_id)


def cited_record(model, pk):
    """The published record that a citation of ``model`` ``pk`` appears in, if it still exists."""
    if model in BY_MODEL:
        return [(BY_MODEL[model].prefix, pk)]
    key = parent_key(model)
    if key is None:
        return []
    row = model._default_manager.filter(pk=pk).values(key.attname).first()
    if row is None:  # deleted with its record, which logs itself
        return []
    return [(BY_MODEL[key.related_model].prefix, row[key.attname])]


def changed_records(instance):
    """
    The ``(resource, id)`` of every record a save or deletion of ``instance`` changes: a row
    moved to another record (a figure given to another company, a citation to another record)
    changes the one it left too.
    """
    model = type(instance)
    if model in BY_MODEL:
        resource = BY_MODEL[model]
        return [(resource.prefix, instance.pk), *records_showing(resource, instance.pk)]
    key = parent_key(model)
    if key is not None:
        prefix = BY_MODEL[key.related_model].prefix
        parents = now_and_as_loaded(instance, key.attname)
        return [(prefix, pk) for (pk,) in parents if pk is not None]
    if model in (Citation, ValueBasis):  # shown inside the record (or row) it is about
        about = now_and_as_loaded(instance, "content_type_id", "object_id")
        return [
            record
            for type_id, object_id in about
            for record in cited_record(
                ContentType.objects.get_for_id(type_id).model_class(), object_id
            )
        ]
    return []


def now_and_as_loaded(instance, *attnames):
    """
    ``instance``'s values of ``attnames``, then those it was loaded with when they differ (read
    before ``save()`` updates them: a moved row's post_save still knows where it was).
    """
    stored = getattr(instance, "_stored", {})
    now = tuple(getattr(instance, name) for name in attnames)
    loaded = tuple(stored.get(name, value) for name, value in zip(attnames, now, strict=True))
    return [now] if loaded == now else [now, loaded]


def log_saved(sender, instance, raw=False, using="default", **kwargs):
    # A fixture loaded raw is logged too: a database built by loaddata has a feed like any other.
    log_changes(changed_records(instance), using=using)


def log_deleted(sender, instance, using="default", **kwargs):
    log_changes(changed_records(instance), using=using)


def log_programmes_changed(sender, instance, action, pk_set, reverse, using="default", **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # programme.agreements.add(...): the agreements named by pk_set changed
        agreements = pk_set or ()
        keys = [("programmes", instance.pk)]
    else:
        agreements = [instance.pk]
        keys = []
    log_changes(keys + [("agreements", pk) for pk in agreements], using=using)


def publicly_visible(keys, using="default"):
    """Which of the ``(resource, id)`` keys anonymous readers can see now (``visible``)."""
    found = set()
    for resource, ids in ids_by_resource(keys).items():
        if resource not in BY_PREFIX:
            continue
        records = visible(BY_PREFIX[resource].model._default_manager.using(using), None)
        found.update(
            (resource, pk) for pk in records.filter(pk__in=ids).values_list("pk", flat=True)
        )
    return found


def pending_versions(keys, using="default"):
    """Which of the ``(resource, id)`` keys name a pending version of a curated record."""
    found = set()
    for resource, ids in ids_by_resource(keys).items():
        model = BY_PREFIX[resource].model if resource in BY_PREFIX else None
        if model is None or not hasattr(model, "pending_of"):
            continue
        copies = model._base_manager.using(using).filter(pk__in=ids, pending_of__isnull=False)
        found.update((resource, pk) for pk in copies.values_list("pk", flat=True))
    return found


def connect():
    set_public_test(publicly_visible)
    set_pending_versions_test(pending_versions)
    for model in edited_models():  # every row that a record shows (sourcing.models.registry)
        uid = f"sourcing.changes.{model.__name__}"
        post_save.connect(log_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(log_deleted, sender=model, dispatch_uid=uid)
    m2m_changed.connect(
        log_programmes_changed,
        sender=Agreement.programmes.through,
        dispatch_uid="sourcing.changes.programmes",
    )
