"""Choices and the abstract base shared by every module of the data model."""

import functools
from contextlib import contextmanager

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, router, transaction
from django.db.models import F
from django.db.models.signals import post_delete, pre_delete
from django.utils import formats, timezone

from ..text.search import fold_for_search
from .changes import changes_logged_together
from .editing import first_change_of
from .registry import record_parts

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "French"
    GERMAN = "de", "German"
    JAPANESE = "ja", "Japanese"
    CHINESE = "zh", "Chinese"


@functools.cache
def choice_labels(choices):
    """{value: label} of a choices class, as ``get_FOO_display`` reads it (built once)."""
    return dict(choices.choices)


class QuantityQualifier(models.TextChoices):
    """How a source bounds a figure: "over 20%" is not "20%"."""

    EXACT = "exact", "Exactly"
    ABOUT = "about", "About / equivalent of"
    OVER = "over", "Over"
    AT_LEAST = "at_least", "At least"
    UP_TO = "up_to", "Up to"
    UNDER = "under", "Under"


def latest_change(record):
    """
    The newest history entry of ``record`` or of a row that belongs to it (a citation, an alias,
    a capacity...): a change of a part moves the record's version on without an entry of its own.
    """
    entries = [record.history.first()]
    for part in record_parts():
        parent = part._meta.get_field(part.parent_field)
        if isinstance(parent, GenericForeignKey):
            content_type = ContentType.objects.get_for_model(record)
            rows = {parent.ct_field: content_type.pk, parent.fk_field: record.pk}
        elif isinstance(record, parent.related_model):
            rows = {parent.attname: record.pk}
        else:
            continue
        entries.append(part.history.filter(**rows).first())
    return max(filter(None, entries), key=lambda entry: entry.history_date, default=None)


def stale_record_message(record):
    """Who changed ``record`` last and when, as the editor whose save is refused should read it."""
    latest = latest_change(record)
    who = "another editor"
    # Not every versioned row keeps an update time; its history entry has one anyway.
    when = timezone.localtime(getattr(record, "updated_at", None) or timezone.now())
    if latest is not None:
        when = timezone.localtime(latest.history_date)
        if latest.history_user is not None:
            who = latest.history_user.get_username()
    return (
        f"This record was changed by {who} at {formats.date_format(when, 'DATETIME_FORMAT')} "
        "since you opened it; reload to see their changes. Nothing you entered was saved."
    )


@contextmanager
def locks_in_order(using):
    """
    One transaction for a save or deletion, in which the rows it writes are locked first (the
    row, then each row above it) and its change-log rows last, all together and in key order
    (``changes_logged_together``).

    Two transactions then cannot deadlock over the log: a post_save signal logs a citation's
    record before the record's version moves on, and a rename of that record locks the record
    before its log row; taken as they come, each would hold what the other waits for.
    """
    with transaction.atomic(using=using), changes_logged_together():
        yield


class NothingHeld:
    """Until ``pending.py`` registers its rules (``hold_writes_with``): every write goes through."""

    @staticmethod
    def redirect_row_save(row, adding):
        return False

    @staticmethod
    def redirect_row_deletion(row):
        return False

    @staticmethod
    def refuse_bulk_deletion_of_published_parts(sender, instance, origin=None, **kwargs):
        return None


# Which writes of a part are held as a published record's pending version: the rules of
# ``pending.py``, which builds on these models and registers itself when imported (as
# ``changes.set_public_test`` does for the feed), so this module does not import it.
_held_writes = NothingHeld


def hold_writes_with(rules):
    """Name the module whose rules hold parts' writes (see ``_held_writes``)."""
    global _held_writes
    _held_writes = rules


class StaleRecordError(Exception):
    """The row's version moved on since the form that saves it was opened (a lost race)."""

    def __init__(self, record):
        self.record = record
        super().__init__(stale_record_message(record))


class Versioned(models.Model):
    """
    A row editors change: ``version`` goes up on every save, so a form opened on an older version
    is refused on save and two editors never overwrite each other silently.

    A row that belongs to another (a plant's capacity, a record's citation, an article's span)
    names it in ``parent_field`` (a ForeignKey or GenericForeignKey): saving or deleting the row
    is then a change of every row above it. Each of those moves on its version (so a form opened
    on the page that shows this row is refused), and the curated record at the top applies its
    review rules (``CuratedRecord.part_changed``). Whoever saves (admin, ``seed``, a merge, the
    shell) gets the same rules; ``QuerySet.update()`` and ``bulk_update()`` bypass them, for
    bookkeeping only.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    parent_field = None

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.parent_field:
            # QuerySet.delete() (the admin's bulk deletion) calls no delete(), but sends these.
            post_delete.connect(record_deleted_part, sender=cls, weak=False)
            pre_delete.connect(refuse_bulk_deletion_of_published_parts, sender=cls, weak=False)

    def save(self, *args, **kwargs):
        adding = self._state.adding or self.pk is None
        if self.parent_field and _held_writes.redirect_row_save(self, adding):
            return  # saved onto its copy in the pending version of a published record
        changed = self.changed_fields()
        if not adding:
            expected = getattr(self, "_expected_version", None)
            self.version = (self.version if expected is None else expected) + 1
        previous_parent = None if adding else self.stored_parent()
        # The row and the rows above it change together, or not at all (a refused save leaves
        # the caller's transaction usable, as a plain save does). Their change-log rows are
        # written last, after every row this save locks (see ``locks_in_order``).
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with locks_in_order(using):
            super().save(*args, **kwargs)
            self._expected_version = None
            first_change_of(self)  # this save is its change: its parts do not move it on again
            if adding or changed is None or changed:
                verb = "Added" if adding else "Changed"
                self.record_change_above(verb, previous_parent)
        self._remember_stored()

    def delete(self, *args, **kwargs):
        if self.parent_field and _held_writes.redirect_row_deletion(self):
            return 0, {}  # its copy was deleted from the pending version instead
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with locks_in_order(using):
            return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        row = super().from_db(db, field_names, values)
        row._stored = dict(zip(field_names, values, strict=True))
        return row

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self._remember_stored(fields)

    def _remember_stored(self, names=None):
        # A new dict: a copied instance (copy.copy) must not share its snapshot with this one.
        self._stored = {
            **getattr(self, "_stored", {}),
            **{
                field.attname: getattr(self, field.attname)
                for field in self._meta.concrete_fields
                if field.attname in self.__dict__ and (names is None or field.attname in names)
            },
        }

    def changed_fields(self):
        """
        The editable fields that differ from the row as loaded, or None when that is unknown
        (a new row, or one built rather than loaded, such as a version restored from history).
        Fields editors never set (the version, search columns, offsets) do not count.
        """
        stored = getattr(self, "_stored", None)
        if self._state.adding or stored is None:
            return None
        return [
            field.name
            for field in self._meta.concrete_fields
            if field.editable
            and field.attname in stored
            and field.attname in self.__dict__
            and getattr(self, field.attname) != stored[field.attname]
        ]

    def expect_version(self, opened_version):
        """
        Make the next save refuse, with ``StaleRecordError``, unless the stored row is still at
        ``opened_version``: the version check and the write are one conditional UPDATE.
        """
        self._expected_version = opened_version

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        expected = getattr(self, "_expected_version", None)
        if expected is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        rows = base_qs.filter(pk=pk_val)
        if not rows.filter(version=expected)._update(values):
            # Someone saved the row since the form was opened; or deleted it, and then the
            # form's own check tells the editor so on the next try.
            raise StaleRecordError(rows.get())
        return True

    # -- A change of a part is a change of what it belongs to -----------------------------------

    def parent_row(self):
        """The row this one belongs to (see ``parent_field``), or None."""
        return getattr(self, self.parent_field) if self.parent_field else None

    def stored_parent(self):
        """The row this one belonged to as loaded, when it has moved since; else None."""
        stored = getattr(self, "_stored", None)
        if not self.parent_field or stored is None:
            return None
        field = self._meta.get_field(self.parent_field)
        if isinstance(field, GenericForeignKey):
            type_name = self._meta.get_field(field.ct_field).attname
            keys = (type_name, field.fk_field)
        else:
            keys = (field.attname,)
        if any(key not in stored for key in keys):
            return None
        if all(stored[key] == getattr(self, key) for key in keys):
            return None
        if isinstance(field, GenericForeignKey):
            model = ContentType.objects.get_for_id(stored[keys[0]]).model_class()
            key = stored[keys[1]]
        else:
            model, key = field.related_model, stored[keys[0]]
        return model._base_manager.filter(pk=key).first() if model and key else None

    def record_change_above(self, verb, previous_parent=None):
        """Tell every row above this one (and above where it was, if it moved) that it changed."""
        if self.parent_field is None:
            return
        for row in (previous_parent, self.parent_row()):
            while row is not None:
                if first_change_of(row):
                    row.part_changed(self, verb)
                row = row.parent_row() if isinstance(row, Versioned) else None

    def describe_change(self, verb):
        """How a record's history names this row's change: Changed plant capacity “16 GWh/yr”."""
        reason = f"{verb} {self._meta.verbose_name} “{self}”"
        own_reason = getattr(self, "_change_reason", None)
        return f"{reason}: {own_reason}" if own_reason else reason

    def part_changed(self, part, verb):
        """``part`` (a row below this one) changed: forms opened on this row's page are stale."""
        type(self)._base_manager.filter(pk=self.pk).update(**self.moved_on_by_a_part())
        self.version += 1

    def moved_on_by_a_part(self):
        """The columns a change of a part updates (see ``part_changed``)."""
        return {"version": F("version") + 1}


def refuse_bulk_deletion_of_published_parts(sender, instance, origin=None, **kwargs):
    _held_writes.refuse_bulk_deletion_of_published_parts(sender, instance, origin, **kwargs)


def record_deleted_part(sender, instance, origin=None, **kwargs):
    """
    ``post_delete`` of a part: its deletion is a change of the rows above it, unless it goes
    because one of those is being deleted (a plant's capacities with the plant).
    """
    deleted_itself = isinstance(origin, sender) or (
        isinstance(origin, models.QuerySet) and issubclass(origin.model, sender)
    )
    if deleted_itself:
        instance.record_change_above("Deleted")


class AboutOneValue(Versioned):
    """
    A row about one value of a record or of one of its rows (content type, object id and the
    ``field`` its model declares): the value's basis or a reviewer's confirmation of it. It is
    part of that record: changing it changes the record (``parent_field``).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    parent_field = "record"

    class Meta:
        abstract = True
        ordering = ["content_type", "object_id", "field"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    @staticmethod
    def one_per_value(name):
        """The constraint that a value has at most one row of a model (one basis, one check)."""
        return models.UniqueConstraint(fields=["content_type", "object_id", "field"], name=name)


class FoldedForSearch:
    """
    A model keeping folded copies of text fields for search, ``{column: field}`` in
    ``folded_for_search``: written on every save, folded as the search folds its query
    (``sourcing.text.search``), so both databases compare the same text through plain indexes.
    """

    folded_for_search = {}

    def save(self, *args, **kwargs):
        for column, field in self.folded_for_search.items():
            setattr(self, column, fold_for_search(getattr(self, field)))
        super().save(*args, **kwargs)


class Alias(FoldedForSearch, Versioned):
    """
    Another name a source uses for a record, in the language it uses it ("le Losange" for
    Renault Group, "la gigafactory Verkor de Dunkerque"). Concrete aliases add the ForeignKey,
    named ``aliases`` on the record's side, that ``NamedQuerySet.search`` follows.
    """

    name = models.CharField(max_length=200)
    language = models.CharField(
        max_length=8, choices=Language.choices, blank=True, help_text="Blank: any language."
    )
    search_name = models.CharField(max_length=200, editable=False, db_index=True)

    folded_for_search = {"search_name": "name"}
    factual_fields = ("name",)
    # An alias needs no citation of its own: a passage of its record that prints it states it.
    stated_when_quoted = ("name",)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name
