"""
Reconciling the database with the curation file, one row at a time, from the seed's ownership
records (see ``SeedOwnership``): never from history, which may be pruned. History only names who
made a change in the messages, when it still knows.
"""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from ..models import Citation
from .ownership import Ledger
from .report import SEED_CHANGE_REASON, SeedReport, who_and_when
from .sources import SeedError, describe_validation_error

_DELETED = object()


class Reconciler:
    """Writes curated rows the seed still owns, and reports those editors changed or deleted."""

    def __init__(self):
        self.report = SeedReport()
        self.ledger = Ledger()

    def sync(self, model, key, values, label, many=None):
        """
        Make sure the row identified by ``key`` holds ``values`` (and the ``many`` relations);
        returns the row, or None when someone other than the seed deleted it. A row that differs
        is updated only while it still holds what the seed last wrote to it.
        """
        many = many or {}
        row = model._default_manager.filter(**key).first()
        if row is None:
            row = self.find_rekeyed(model, key)
            if row is _DELETED:
                self.report.kept.append(f"{label} was deleted after it was seeded: not recreated.")
                return None
        if row is None:
            return self.create(model, key, values, label, many)
        wanted = {**key, **values}
        changed_fields = [name for name, value in wanted.items() if differs(row, name, value)]
        changed_many = [
            name
            for name, related in many.items()
            if set(getattr(row, name).values_list("pk", flat=True)) != {r.pk for r in related}
        ]
        if changed_fields or changed_many:
            self.update_or_keep(row, key, wanted, many, label, changed_fields + changed_many)
        self.report.add(row)
        return row

    def create(self, model, key, values, label, many):
        row = model(**key, **values)
        self.save(row, label)
        for name, related in many.items():
            getattr(row, name).set(related)
        self.ledger.record(row, list(key), [*key, *values, *many])
        self.report.created += 1
        self.report.add(row)
        return row

    def update_or_keep(self, row, key, wanted, many, label, changed):
        if not self.ledger.owns(row):
            self.report.kept.append(
                f"{label} was changed{who_and_when(last_change(row))} after it was seeded: left "
                f"as it is (it differs from the curation file in: {', '.join(changed)})."
            )
            return
        if any(name in wanted for name in changed):
            for name, value in wanted.items():
                setattr(row, name, value)
            self.save(row, label)
        for name in changed:
            if name in many:
                getattr(row, name).set(many[name])
        self.ledger.record(row, list(key), [*wanted, *many])
        self.report.updated += 1

    def find_rekeyed(self, model, key):
        """
        A row once seeded under ``key`` that is no longer found by it was renamed or deleted
        by someone else: its ownership record tells which. Returns the row, ``_DELETED`` or None
        (never seeded, or a citation the seed itself withdrew and the curation file makes again).
        """
        ownership = self.ledger.under_key(model, key)
        if ownership is None:
            return None
        row = model._default_manager.filter(pk=ownership.object_id).first()
        return _DELETED if row is None else row

    @staticmethod
    def save(row, label):
        row._change_reason = SEED_CHANGE_REASON
        # Fields the model computes on save (offsets, hashes, search names) are not checked here.
        computed = [f.name for f in row._meta.fields if not f.editable]
        # Records are cited after they are saved: check_seeded_provenance checks them at the end.
        row.provenance_checked_later = True
        try:
            row.full_clean(exclude=computed)
            row.save()
        except ValidationError as error:
            raise SeedError(f"{label}: {describe_validation_error(error)}") from None

    # -- citations the curation file no longer makes ------------------------------------------

    def withdraw_citations(self):
        """
        Citations of the rows seeded in this run that the curation file no longer makes. Without
        this a database seeded earlier would keep a quote an editor has since judged not to
        support the fact, and the seed's counts would not be what the database holds.
        """
        curated = set(self.report.records.get(Citation, []))
        cited = [
            Q(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
            for model, pks in self.report.records.items()
            if model is not Citation and pks
        ]
        if not cited:
            return
        stale = (
            Citation.objects.filter(reduce(operator.or_, cited))
            .exclude(pk__in=curated)
            .select_related("article", "content_type")
            .order_by("pk")
        )
        for citation in stale:
            if self.ledger.owns(citation):
                # Forgotten first: deleting clears the citation's primary key.
                self.ledger.forget(citation)
                citation._change_reason = SEED_CHANGE_REASON
                citation.delete()
                self.report.withdrawn += 1
            else:
                self.keep_editors_citation(citation)

    def keep_editors_citation(self, citation):
        if self.ledger.of(citation) is None:
            first = citation.history.order_by("history_date", "history_id").first()
            added = first if first is not None and first.history_type == "+" else None
            how = f"was added{who_and_when(added) or ' by an editor'}"
        else:
            how = f"was changed{who_and_when(last_change(citation))} after it was seeded"
        self.report.kept.append(
            f"{citation.describe()} in {citation.article.source_filename} {how} and is not "
            "in the curation file: kept."
        )
        self.report.add(citation)

    def verify_citations(self):
        """Re-check the stored offsets of every citation of the curated rows, old or new."""
        citations = Citation.objects.filter(pk__in=self.report.records.get(Citation, []))
        citations = citations.select_related("article", "content_type")
        for citation in citations.prefetch_related("article__non_editorial_spans"):
            problems = citation.check_stored_offsets()
            if problems:
                raise SeedError(
                    f"citation {citation.pk} of {citation.target_label()} in "
                    f"{citation.article.source_filename} does not verify: {'; '.join(problems)}"
                )


def differs(row, name, value):
    model_field = row._meta.get_field(name)
    if isinstance(value, models.Model):
        value = value.pk
    return getattr(row, model_field.attname) != value


def last_change(row):
    """The newest history entry not written by the seed, if history still has one."""
    latest = row.history.order_by("-history_date", "-history_id").first()
    if latest is None or (
        latest.history_change_reason == SEED_CHANGE_REASON and latest.history_user_id is None
    ):
        return None
    return latest
