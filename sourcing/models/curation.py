"""What every record that editors curate and reviewers verify shares."""

from django.db import connection, models, transaction
from django.db.models import BooleanField, F, Func, Q
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.models import HistoricalRecords

from ..text.search import fold_for_search
from .articles import Citation
from .cited import CitedRow
from .dates import normalize_partial_dates
from .editing import current_actor
from .pending import held_back, hold_record_change, pending_version_of, publish
from .provenance import ProvenanceIndex, refuse_unsupported_verification
from .review_status import ReviewStatus

HISTORY_REASON_LENGTH = 100  # simple-history's history_change_reason column


def matches_or_among(matches, ids):
    """
    ``matches`` (a condition on the searched table's own columns) OR its id among ``ids`` (a
    one-column subquery), shaped so PostgreSQL can still use an index for either side. Written
    ``id IN (subquery)``, the OR is a filter evaluated on every row (a sequential scan: the
    trigram index on the matched column goes unused); as ``id = ANY(ARRAY(subquery))`` the ids
    are read once, and the planner can OR the trigram index with the primary key for a rare
    term, or walk the list's ordering index and stop at the page for a common one.
    """
    return matches | among("pk", ids)


def among(field, ids):
    """
    ``field`` (a column of the searched table, or a foreign key) among ``ids`` (a one-column
    subquery), in the shape ``matches_or_among`` explains: ORed with other conditions, it still
    lets PostgreSQL use the index on ``field``.
    """
    if connection.vendor != "postgresql":
        return Q(**{f"{field}__in": ids})
    return Q(AmongArray(F(field), ids))


class AmongArray(Func):
    """``value = ANY(ARRAY(subquery))``: PostgreSQL's, see ``matches_or_among``."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY(ARRAY"
    output_field = BooleanField()


def sees_drafts(user):
    """Anonymous readers see verified records only; signed-in staff see drafts too."""
    return user is not None and user.is_authenticated and user.is_staff


class CuratedQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(review_status=ReviewStatus.VERIFIED)

    def visible_to(self, user):
        return self if sees_drafts(user) else self.verified()

    def with_provenance(self, chunk_size=200):
        """
        (record, its ProvenanceIndex) for each record here, by id: a constant number of
        queries per ``chunk_size`` records.
        """
        relations = [*self.model.provenance_rows, *getattr(self.model, "provenance_nested", ())]
        records = self.order_by("pk").prefetch_related(*relations)
        for start in range(0, records.count(), chunk_size):
            chunk = list(records[start : start + chunk_size])
            index = ProvenanceIndex(chunk)
            for record in chunk:
                yield record, index

    def unsupported_values(self, chunk_size=200):
        """
        (record, [values without a basis]) for each record here that has any, its rows' values
        included: a constant number of queries per ``chunk_size`` records.
        """
        for record, index in self.with_provenance(chunk_size):
            missing = index.unsupported(record)
            if missing:
                yield record, missing

    def with_citations(self):
        """Each record's citations and their articles in one query, however many records."""
        return self.prefetch_related(
            models.Prefetch("citations", queryset=Citation.objects.for_api())
        )


class CuratedManager(models.Manager):
    """
    Every record but pending versions (``pending.py``): those are reached through their
    published record alone, so no list, lookup, choice or count meets a record twice.
    """

    # Also what a search tests through a join to these records (``admin/search.py``).
    condition = Q(pending_of__isnull=True)

    def get_queryset(self):
        return super().get_queryset().filter(self.condition)


class NamedQuerySet(CuratedQuerySet):
    """Records with a folded ``search_name`` and ``aliases`` (see ``base.Alias``)."""

    def search(self, text):
        """
        Records whose name or an alias contains ``text``, ignoring case, accents and typography
        ("ampere" finds "Ampère", "dunkerque" the Dunkirk gigafactory): both sides are folded in
        Python, so SQLite and PostgreSQL agree. Blank text matches every record.
        """
        folded = fold_for_search(text)
        if not folded:
            return self
        aliases = self.model._meta.get_field("aliases")
        by_alias = aliases.related_model.objects.filter(search_name__contains=folded)
        by_alias_ids = by_alias.order_by().values(aliases.field.attname)
        return self.filter(matches_or_among(Q(search_name__contains=folded), by_alias_ids))


class CuratedRecord(CitedRow):
    """Fields every record that editors curate and reviewers verify shares."""

    review_status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT, db_index=True
    )
    notes = models.TextField(blank=True, help_text="Editorial notes; not shown to API consumers.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Set on a pending version: the published record whose next version it is (pending.py),
    # and which of its rows copies which of the published record's.
    pending_of = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="pending_version",
    )
    row_map = models.JSONField(default=dict, blank=True, editable=False)

    history = HistoricalRecords(inherit=True)
    objects = CuratedManager.from_queryset(CuratedQuerySet)()

    partial_dates = []
    # The fields whose values are facts that need a basis (see provenance.py), and the reverse
    # relations to the rows whose values belong to the record (a plant's capacities).
    factual_fields = ()
    provenance_rows = ()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._stored_review_status = record.__dict__.get("review_status")
        return record

    def becomes_verified(self):
        """Whether this save or form marks the record verified (it was not when loaded)."""
        return self.review_status == ReviewStatus.VERIFIED and (
            getattr(self, "_stored_review_status", None) != ReviewStatus.VERIFIED
        )

    # True for a record whose citations are saved after it and checked together later (seed).
    provenance_checked_later = False

    def clean(self):
        super().clean()
        if self.becomes_verified() and not self.provenance_checked_later:
            refuse_unsupported_verification(self)

    def save(self, *args, **kwargs):
        normalize_partial_dates(self)
        if self.pending_of_id is None and self.holds_a_change_back():
            # A published record stays as reviewed; the change becomes its pending version.
            hold_record_change(self)
            return
        if self.pending_of_id is not None and self.becomes_verified():
            if getattr(self, "publish_after_its_rows", False):
                self.review_status = ReviewStatus.NEEDS_REVIEW  # published by the caller
            else:
                self.published = publish(self)
                return
        if self.review_status == ReviewStatus.VERIFIED and not self.may_stay_verified():
            self.review_status = ReviewStatus.NEEDS_REVIEW
        # A record created verified (seed, import, tests) is checked by `manage.py audit`; one
        # marked verified afterwards, by any path, is refused here while a value lacks a basis.
        checked_now = self.becomes_verified() and not self.provenance_checked_later
        if checked_now and self.pk is not None and not self._state.adding:
            refuse_unsupported_verification(self)
        super().save(*args, **kwargs)
        self._stored_review_status = self.review_status

    def holds_a_change_back(self):
        """Whether this save changes a published record as someone who may not verify it."""
        if self.pk is None or self._state.adding:
            return False
        changed = self.changed_fields()
        if changed is not None and not changed:
            return False  # saved untouched: nothing to review
        return held_back(self)

    def editing_version(self):
        """The version editors work on: the pending one if there is one, else this record."""
        if self.pending_of_id is not None:
            return self
        return pending_version_of(self) or self

    def published_record(self):
        """The record readers see for this one: its published record for a pending version."""
        if self.pending_of_id is None:
            return self
        return type(self)._base_manager.get(pk=self.pending_of_id)

    def may_stay_verified(self):
        """
        Whether this record may be saved verified: by someone who may verify it, or unchanged
        from a verified row. Anyone else's change (an editor's, a script's) goes back to review,
        and so does a stale copy saved over a row that its parts' changes sent back to review.
        """
        if current_actor().may_verify(type(self)):
            return True
        changed = self.changed_fields()
        if changed is None or [name for name in changed if name != "review_status"]:
            return False  # new, restored from history, or changed
        if self._stored.get("review_status") != ReviewStatus.VERIFIED:
            return False
        return (
            type(self)
            ._base_manager.filter(pk=self.pk, review_status=ReviewStatus.VERIFIED)
            .exists()
        )

    def part_changed(self, part, verb):
        """
        One of this record's parts (an alias, a capacity, a citation...) was added, changed or
        deleted: the record moves on its version and, if verified and the writer may not verify,
        goes back to review with a history entry saying which part changed.
        """
        model = type(self)
        if current_actor().may_verify(model):
            return super().part_changed(part, verb)
        with transaction.atomic():
            stored = (
                model._base_manager.select_for_update(no_key=True)
                .filter(pk=self.pk, review_status=ReviewStatus.VERIFIED)
                .first()
            )
            if stored is None:
                return super().part_changed(part, verb)
            stored.review_status = ReviewStatus.NEEDS_REVIEW
            stored._change_reason = Truncator(part.describe_change(verb)).chars(
                HISTORY_REASON_LENGTH
            )
            stored.save()
        self.version, self.review_status = stored.version, stored.review_status

    def moved_on_by_a_part(self):
        # A change of a part is a change of the record: "changed since" lists must show it.
        return {**super().moved_on_by_a_part(), "updated_at": timezone.now()}

    def is_visible_to(self, user):
        """``CuratedQuerySet.visible_to`` for a record already loaded."""
        return self.review_status == ReviewStatus.VERIFIED or sees_drafts(user)
