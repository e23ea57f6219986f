"""
The bases of every admin here (review workflow for curated records, and the admin of their
parts), the citations inline, and the helpers they share. What a part's change does to its record
is the models' rule (``Versioned.parent_field``), not the admin's.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from simple_history.admin import SimpleHistoryAdmin

from ..forms import CuratedRecordForm
from ..models import Citation, ReviewStatus, may_verify
from ..models.confirmations import top_record
from ..models.curation import HISTORY_REASON_LENGTH
from ..models.pending import counterpart, pending_version_of
from ..text import quotes
from .confirmations import ValueChecksMixin
from .counts import EstimatedCountMixin
from .fields import PartialDatesAdminMixin
from .mixins import HistoryUrlIdsMixin, InvalidFilterValuesMixin, VersionedChangesMixin
from .pending import PendingChangeMixin
from .record_pages import BackToRecordMixin, PrefilledArticleInlineMixin
from .search import FoldedSearchMixin
from .widgets import KnownIdsAutocompleteMixin


def change_summary(modeladmin, request, form, formsets, add=False):
    """The admin's own change message ("Changed name. Added citation …") as plain text."""
    message = modeladmin.construct_change_message(request, form, formsets, add)
    return LogEntry(change_message=json.dumps(message)).get_change_message()


class EditorialAdmin(
    PartialDatesAdminMixin,
    FoldedSearchMixin,
    EstimatedCountMixin,
    HistoryUrlIdsMixin,
    InvalidFilterValuesMixin,
    KnownIdsAutocompleteMixin,
    VersionedChangesMixin,
    SimpleHistoryAdmin,
):
    """
    Base of every admin here: no lost edits, a history, no 500 on a hand-edited URL, the API's
    search (``search_fields`` as ``admin/search.py`` reads them) and no costly count.
    """


# -- Citations ------------------------------------------------------------------------------------


class CitationInlineForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("field")
        cited = self.instance.field
        if field is not None and cited and cited not in dict(field.choices):
            # A citation loaded from elsewhere may name a field the list leaves out: keep it.
            field.choices = [*field.choices, (cited, cited)]

    def clean(self):
        cleaned_data = super().clean()
        article, quote = cleaned_data.get("article"), cleaned_data.get("quote")
        if article and quote and {"article", "quote"} & set(self.changed_data):
            refuse_ambiguous_quote(self, article, quote)
        return cleaned_data


def refuse_ambiguous_quote(form, article, quote):
    """A quote found at several places would be anchored to one silently: ask for a longer one."""
    try:
        found = len(article.citable_occurrences(quote))
    except quotes.QuoteNotFound:
        return  # the citation's own check says so, with the closest passage
    if found > 1:
        form.add_error(
            "quote",
            f"“{quote}” occurs {found} times in the article: quote a longer passage that occurs "
            "once, or select the passage on the article's curation desk.",
        )


class CitationInline(PrefilledArticleInlineMixin, KnownIdsAutocompleteMixin, GenericTabularInline):
    """Pick an article and paste the passage: the offsets are found when the record is saved."""

    model = Citation
    form = CitationInlineForm
    fields = ["article", "field", "quote", "passage_as_published"]
    readonly_fields = ["passage_as_published"]
    autocomplete_fields = ["article"]
    extra = 1
    verbose_name = "citation"
    verbose_name_plural = "citations (article and verbatim quote)"

    def get_queryset(self, request):
        # Each row shows its passage, read from the article's body.
        return super().get_queryset(request).select_related("article")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "field":
            # A typo in a free-text field name would cite nothing: offer the record's fields.
            opts = self.parent_model._meta
            cited_fields = [
                field
                for field in [*opts.concrete_fields, *opts.many_to_many]
                if field.editable
                and not field.primary_key
                and field.name not in ("notes", "review_status")
            ]
            choices = [("", "— the whole record —")] + [
                (field.name, capfirst(field.verbose_name)) for field in cited_fields
            ]
            return forms.ChoiceField(choices=choices, required=False, label="Field")
        if db_field.name == "quote":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 60})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="Passage as published (characters)")
    def passage_as_published(self, citation):
        if citation.pk is None:
            return "—"
        return format_html("“{}” [{}–{}]", citation.passage, citation.start, citation.end)


# -- Review workflow for curated records ---------------------------------------------------------

REVIEW_FIELDSET = (
    "Review",
    {"fields": ["review_status", "notes", "opened_version", ("version", "updated_at")]},
)


class CuratedRecordAdmin(PendingChangeMixin, ValueChecksMixin, EditorialAdmin):
    form = CuratedRecordForm
    readonly_fields = ["version", "updated_at"]
    actions = ["mark_verified", "send_back_for_review"]

    def has_verify_permission(self, request):
        return may_verify(request.user, self.model)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.may_verify = may_verify(request.user, self.model)
        return form

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "review_status" and not may_verify(request.user, self.model):
            # Not offered, and refused if posted anyway: the choice validates against this list.
            kwargs["choices"] = [
                (value, label)
                for value, label in ReviewStatus.choices
                if value != ReviewStatus.VERIFIED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            if form.stored_review_status == ReviewStatus.VERIFIED and not may_verify(
                request.user, self.model
            ):
                if not self.changed_anything(request, form):
                    # Saving a verified record untouched leaves it verified.
                    obj.review_status = ReviewStatus.VERIFIED
                elif obj.review_status == ReviewStatus.VERIFIED:
                    obj.review_status = ReviewStatus.NEEDS_REVIEW
            obj._change_reason = self.restored_reason(request, obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The history entry of the record says what changed, inlines included: its own diff
        # shows only the record's fields.
        latest = form.instance.history.first()
        if latest is not None and not latest.history_change_reason:
            summary = change_summary(self, request, form, formsets, add=not change)
            latest.history_change_reason = Truncator(summary).chars(HISTORY_REASON_LENGTH)
            latest.save(update_fields=["history_change_reason"])

    def _set_review_status(self, request, queryset, status, reason):
        changed = 0
        refused = []
        # Locked by primary key alone: the changelist's queryset may outer-join a nullable
        # relation (a company's parent), which PostgreSQL cannot lock FOR UPDATE.
        selected = list(queryset.values_list("pk", flat=True))
        with transaction.atomic():
            for record in self.model._default_manager.select_for_update(no_key=True).filter(
                pk__in=selected
            ):
                if (
                    status != ReviewStatus.VERIFIED
                    and record.review_status == ReviewStatus.VERIFIED
                ):
                    # Sent back, a published record stays public: its next version is reviewed.
                    pending_version_of(record, create=True)
                    changed += 1
                    continue
                record = record.editing_version()
                if record.review_status == status:
                    continue
                record.review_status = status
                record._change_reason = reason
                try:
                    record.save()
                except ValidationError as error:
                    # A record that may not be verified yet (a value without a basis) is left
                    # as it was; the others are changed.
                    refused.append(f"“{record}”: {' '.join(error.messages)}")
                    continue
                changed += 1
        for message in refused:
            self.message_user(request, message, messages.ERROR)
        return changed

    @admin.action(description="Mark verified", permissions=["verify"])
    def mark_verified(self, request, queryset):
        changed = self._set_review_status(
            request, queryset, ReviewStatus.VERIFIED, "Marked verified"
        )
        self.message_user(request, f"{changed} record(s) marked verified.", messages.SUCCESS)

    @admin.action(description="Send back for review", permissions=["change"])
    def send_back_for_review(self, request, queryset):
        changed = self._set_review_status(
            request, queryset, ReviewStatus.NEEDS_REVIEW, "Sent back for review"
        )
        self.message_user(request, f"{changed} record(s) sent back for review.", messages.SUCCESS)


class RecordPartAdmin(BackToRecordMixin, EditorialAdmin):
    """
    Admin of a row that belongs to a curated record, edited on its own page: saving or deleting
    it counts as changing the record, which the model does (``Versioned.parent_field``).
    """

    def save_model(self, request, obj, form, change):
        # The record's history entry then says the part was restored, not just changed.
        obj._change_reason = self.restored_reason(request, obj) if change else None
        super().save_model(request, obj, form, change)

    def get_object(self, request, object_id, from_field=None):
        row = super().get_object(request, object_id, from_field)
        if row is None or not row.parent_field:
            return row
        # A published record's part, while the record has a change awaiting review: its copy
        # there is what editors work on (``models/pending.py``), as on the record's own page.
        record = top_record(row)
        if record is None or getattr(record, "pending_of_id", True) is not None:
            return row  # an article's part, or a part of a pending version already
        pending = pending_version_of(record)
        return (counterpart(pending, row) if pending is not None else None) or row

    def delete_queryset(self, request, queryset):
        # One by one, through the model's delete(): a published record's part that an editor
        # deletes goes from its pending version only (``models/pending.py``), which a bulk
        # QuerySet.delete() would bypass.
        with transaction.atomic():
            for row in queryset:
                row.delete()
