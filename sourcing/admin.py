"""
The editors' admin.

Three rules hold for every curated record (companies, stakes, plants, vehicle programmes,
agreements), whichever page the change is made from, including the pages of the rows that hang
off a record (aliases, parties, volumes, capacities, milestones, citations):

- only reviewers (the ``verify_<model>`` permission) can mark a record verified, and a verified
  record an editor changes goes back to "needs review";
- a save made from a form opened on an older version of the record is refused (no lost edits);
- every change is a history entry with who, when and what (django-simple-history).
"""

import itertools
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, F, Prefetch
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from simple_history.admin import SimpleHistoryAdmin

from .forms import (
    ArticleForm,
    CuratedRecordForm,
    MergeCompaniesForm,
    NonEditorialSpanFormSet,
    StaleRecordError,
    VersionedForm,
)
from .highlighting import highlight_body
from .models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    CuratedRecord,
    NonEditorialSpan,
    Plant,
    PlantCapacity,
    PlantMilestone,
    ReviewStatus,
    Stake,
    VehicleProgramme,
    Versioned,
)

# The index links to the conflicts view next to the models (see templates/admin/sourcing/).
admin.site.index_template = "admin/sourcing/site_index.html"

HISTORY_REASON_LENGTH = 100  # simple-history's history_change_reason column


def may_verify(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.verify_{opts.model_name}")


def admin_url(record):
    """The admin change page of ``record``, or "" when its model has no admin."""
    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


def admin_link(record):
    url = admin_url(record)
    return format_html('<a href="{}">{}</a>', url, record) if url else str(record)


# The curated record that a change to one of its parts changes.
PARENT_OF_PART = {
    CompanyAlias: "company",
    AgreementParty: "agreement",
    AgreementVolume: "agreement",
    PlantCapacity: "plant",
    PlantMilestone: "plant",
}


def page_holder(row):
    """The row whose admin page shows ``row`` inline (a citation's record, a span's article)."""
    if isinstance(row, Citation):
        return row.record
    if isinstance(row, NonEditorialSpan):
        return row.article
    parent_field = PARENT_OF_PART.get(type(row))
    return getattr(row, parent_field) if parent_field else None


def invalidate_open_forms(part):
    """
    Move on the version of every page that shows ``part`` inline, up to (not including) its
    curated record, which ``record_part_changed`` saves. A capacity's page lists its citations,
    an article's page its spans: a form opened there before ``part`` changed would otherwise
    write the old inline values back without a word.
    """
    row = page_holder(part)
    while row is not None and not isinstance(row, CuratedRecord):
        if isinstance(row, Versioned):
            type(row)._default_manager.filter(pk=row.pk).update(version=F("version") + 1)
        row = page_holder(row)


def curated_record_of(row):
    """The curated record ``row`` belongs to (itself, if it is one), or None (a span, say)."""
    while row is not None and not isinstance(row, CuratedRecord):
        row = page_holder(row)
    return row


def with_cited_records(citations):
    """
    ``citations`` with the records they cite fetched once per kind of record, together with
    what those records' names are made of (a stake is named after its holder and target).
    """
    return citations.prefetch_related(
        GenericPrefetch(
            "record",
            [
                Stake.objects.select_related("holder", "target"),
                PlantMilestone.objects.select_related("plant"),
                AgreementParty.objects.select_related("company"),
            ],
        )
    )


def record_part_changed(request, part, reason):
    """
    A change to a part of a curated record (an alias, a capacity, a citation...) is a change to
    the record: it gets a new version, so forms opened before are refused, a history entry saying
    what changed, and, when it was verified and the user is no reviewer, goes back to review.
    """
    invalidate_open_forms(part)
    record = curated_record_of(part)
    if record is None:
        return
    model = type(record)
    with transaction.atomic():
        record = model._default_manager.select_for_update().get(pk=record.pk)
        if record.review_status == ReviewStatus.VERIFIED and not may_verify(request.user, model):
            record.review_status = ReviewStatus.NEEDS_REVIEW
        record._change_reason = Truncator(reason).chars(HISTORY_REASON_LENGTH)
        record.save()


def parts_deleted(request, queryset, delete, reason):
    """Bulk deletion of parts: each page that showed one is invalidated, each record saved once."""
    parts = list(queryset)
    delete(request, queryset)
    for part in parts:
        invalidate_open_forms(part)
    for record in {curated_record_of(part) for part in parts} - {None}:
        record_part_changed(request, record, reason)


def change_summary(modeladmin, request, form, formsets, add=False):
    """The admin's own change message ("Changed name. Added citation …") as plain text."""
    message = modeladmin.construct_change_message(request, form, formsets, add)
    return LogEntry(change_message=json.dumps(message)).get_change_message()


class InvalidFilterValuesMixin:
    """
    A filter value that no date or number can hold (``?published_on__year=99999999999999999999``,
    December of year 9999, whose next month the date hierarchy cannot compute) is the admin's
    usual "invalid filter" redirect, as a malformed one already is, rather than a server error.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class VersionedChangesMixin:
    """
    Refuses a save made from a form opened on an older version of the row (a ``Versioned``
    model edited with a ``VersionedForm``), and keeps the inline formsets of the request at hand.
    """

    form = VersionedForm

    def save_model(self, request, obj, form, change):
        if change:
            self.claim_version(obj, form.cleaned_data["opened_version"])
        super().save_model(request, obj, form, change)

    @staticmethod
    def claim_version(obj, opened_version):
        # The conditional UPDATE is the race-proof half of the check in the form's clean():
        # of two saves of the same version, only one can move it on.
        rows = type(obj)._default_manager.filter(pk=obj.pk)
        if not rows.filter(version=opened_version).update(version=opened_version + 1):
            raise StaleRecordError(rows.get())
        obj.version = opened_version  # save() moves it to the version just claimed

    def _create_formsets(self, request, obj, change):
        # Django hands the formsets to save_related but not to save_model, which needs them to
        # know whether a save changed anything at all (a change to a citation only, say).
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        request.sourcing_formsets = formsets
        return formsets, inline_instances

    @staticmethod
    def changed_anything(request, form):
        formsets = getattr(request, "sourcing_formsets", [])
        return form.has_changed() or any(formset.has_changed() for formset in formsets)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecordError as stale:
            # Lost the race after the form's own check passed: the transaction is rolled back.
            self.message_user(request, str(stale), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        request.sourcing_restoring = version_id
        try:
            # simple-history saves a revert outside a transaction: the version check and the
            # save must not be separated.
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except StaleRecordError as stale:
            self.message_user(request, str(stale), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def restored_reason(self, request, obj):
        version_id = getattr(request, "sourcing_restoring", None)
        if version_id is None:
            return None
        restored = obj.history.model.objects.filter(history_id=version_id).first()
        when = restored.history_date.strftime("%Y-%m-%d %H:%M:%S") if restored else "?"
        return f"Restored the version of {when} UTC"


class HistoryUrlIdsMixin:
    """
    A history URL whose record or version id is not a number (``/company/x/history/``) goes
    where a change URL with such an id goes: back to the admin index saying the record does not
    exist. simple-history's views would pass the text to the database and fail with a 500.
    """

    def history_view(self, request, object_id, extra_context=None):
        if not self.is_id(object_id):
            return self.no_such_record(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not (self.is_id(object_id) and self.is_id(version_id)):
            return self.no_such_record(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    @staticmethod
    def is_id(value):
        return str(value).isascii() and str(value).isdigit()

    def no_such_record(self, request, object_id):
        self.message_user(
            request,
            f"{self.opts.verbose_name.capitalize()} with ID “{object_id}” doesn’t exist. "
            "Perhaps it was deleted?",
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))


class FoldedSearchMixin:
    """
    The search box and autocomplete also use the model's own ``search``, which ignores accents
    and typography ("ampere" finds "Ampère", "l'usine" finds "l’usine"); Django's search
    ignores case only.
    """

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results |= queryset.search(search_term)
        return results, may_have_duplicates


class EditorialAdmin(
    HistoryUrlIdsMixin, InvalidFilterValuesMixin, VersionedChangesMixin, SimpleHistoryAdmin
):
    """Base of every admin here: no lost edits, a history, and no 500 on a hand-edited URL."""


# -- Citations ------------------------------------------------------------------------------------


class CitationInlineForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("field")
        cited = self.instance.field
        if field is not None and cited and cited not in dict(field.choices):
            # A citation loaded from elsewhere may name a field the list leaves out: keep it.
            field.choices = [*field.choices, (cited, cited)]


class CitationInline(GenericTabularInline):
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


@admin.register(Citation)
class CitationAdmin(EditorialAdmin):
    list_display = ["short_quote", "article", "cited_record", "field", "start", "end"]
    list_filter = ["content_type", "article__language"]
    search_fields = ["quote", "article__title", "article__source_filename"]
    autocomplete_fields = ["article"]
    fields = [
        "cited_record",
        "field",
        "article",
        "quote",
        "start",
        "end",
        "created_at",
        "opened_version",
    ]
    readonly_fields = ["cited_record", "start", "end", "created_at"]
    list_select_related = ["article", "content_type"]

    def get_queryset(self, request):
        # The list shows each citation's record: one query per kind of record, not per row.
        return with_cited_records(super().get_queryset(request))

    def has_add_permission(self, request):
        # A citation belongs to a record: it is added from that record's page.
        return False

    @admin.display(description="Quote")
    def short_quote(self, citation):
        return Truncator(citation.quote).chars(90)

    @admin.display(description="Cited record")
    def cited_record(self, citation):
        return admin_link(citation.record) if citation.record else citation.target_label()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.has_changed():
            record_part_changed(request, obj, f"Changed citation {obj.pk}")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        record_part_changed(request, obj, f"Deleted citation “{obj.quote}”")

    def delete_queryset(self, request, queryset):
        parts_deleted(request, queryset, super().delete_queryset, "Deleted citations")


# -- Review workflow for curated records ---------------------------------------------------------

REVIEW_FIELDSET = (
    "Review",
    {"fields": ["review_status", "notes", "opened_version", ("version", "updated_at")]},
)


class CuratedRecordAdmin(EditorialAdmin):
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
        # Locked by primary key alone: the changelist's queryset may outer-join a nullable
        # relation (a company's parent), which PostgreSQL cannot lock FOR UPDATE.
        selected = list(queryset.values_list("pk", flat=True))
        with transaction.atomic():
            for record in self.model._default_manager.select_for_update().filter(pk__in=selected):
                if record.review_status == status:
                    continue
                record.review_status = status
                record._change_reason = reason
                record.save()
                changed += 1
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


class RecordPartAdmin(EditorialAdmin):
    """Admin of a row that belongs to a curated record: saving it counts as changing the record."""

    def save_model(self, request, obj, form, change):
        restored = self.restored_reason(request, obj) if change else None
        obj._change_reason = restored
        super().save_model(request, obj, form, change)
        if restored:
            # simple-history's revert view never calls save_related, where this is done else.
            record_part_changed(request, obj, f"{self.opts.verbose_name} “{obj}”: {restored}")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change or self.changed_anything(request, form):
            summary = change_summary(self, request, form, formsets, add=not change)
            verb = "Changed" if change else "Added"
            record_part_changed(
                request,
                form.instance,
                f"{verb} {self.opts.verbose_name} “{form.instance}”: {summary}",
            )

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        record_part_changed(request, obj, f"Deleted {self.opts.verbose_name} “{obj}”")

    def delete_queryset(self, request, queryset):
        reason = f"Deleted {self.opts.verbose_name_plural}"
        parts_deleted(request, queryset, super().delete_queryset, reason)


# -- Articles -------------------------------------------------------------------------------------


class NonEditorialSpanInline(admin.TabularInline):
    model = NonEditorialSpan
    formset = NonEditorialSpanFormSet
    fields = ["kind", "start", "end", "excerpt"]
    readonly_fields = ["excerpt"]
    extra = 0

    def get_queryset(self, request):
        # Each row shows its excerpt, read from the article's body.
        return super().get_queryset(request).select_related("article")

    @admin.display(description="Text")
    def excerpt(self, span):
        return Truncator(span.text).chars(120) if span.pk else "—"


@admin.register(Article)
class ArticleAdmin(FoldedSearchMixin, EditorialAdmin):
    form = ArticleForm
    list_display = [
        "title",
        "publisher",
        "language",
        "published_display",
        "citation_count",
        "source_filename",
    ]
    list_filter = ["language", "publisher", "published_precision", "published_inferred"]
    date_hierarchy = "published_on"
    search_fields = ["title", "publisher", "authors", "source_filename"]
    readonly_fields = ["content_hash", "text_with_citations", "citing_records", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("publisher", "authors"),
                    "language",
                    ("published_on", "published_precision", "published_inferred"),
                    "metadata_notes",
                    "url",
                    "source_filename",
                    "opened_version",
                ]
            },
        ),
        ("Cited passages", {"fields": ["text_with_citations", "citing_records"]}),
        (
            "Text as received",
            {
                "fields": ["body", "content_hash", "updated_at"],
                "classes": ["collapse"],
                "description": "An edit that would remove a cited passage is refused.",
            },
        ),
    ]
    inlines = [NonEditorialSpanInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "metadata_notes":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        # The count groups rows, which drops the model's default ordering: restate it, or the
        # autocomplete's paginator gets an unordered list.
        return (
            super()
            .get_queryset(request)
            .annotate(citation_total=Count("citations"))
            .order_by(*Article._meta.ordering)
        )

    def get_urls(self):
        conflicts = path(
            "conflicts/",
            self.admin_site.admin_view(self.conflicts_view),
            name="sourcing_conflicts",
        )
        return [conflicts, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "conflicts_url": reverse("admin:sourcing_conflicts"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description="Published", ordering="published_on")
    def published_display(self, article):
        return article.published or "—"

    @admin.display(description="Citations", ordering="citation_total")
    def citation_count(self, article):
        return article.citation_total

    def article_citations(self, article):
        if not hasattr(article, "_admin_citations"):
            # Read by both the highlighted text and the table of citing records.
            article._admin_citations = list(
                with_cited_records(article.citations.select_related("content_type")).order_by(
                    "start", "pk"
                )
            )
        return article._admin_citations

    @admin.display(description="Text, cited passages highlighted")
    def text_with_citations(self, article):
        if article.pk is None:
            return "—"

        def link_for(citation):
            return admin_url(citation.record) if citation.record else None

        highlighted = highlight_body(article, self.article_citations(article), link_for=link_for)
        return format_html('<div class="cited-text">{}</div>', highlighted)

    @admin.display(description="Records citing this article")
    def citing_records(self, article):
        citations = self.article_citations(article) if article.pk else []
        if not citations:
            return "None yet."
        rows = format_html_join(
            "",
            '<tr><td>{}</td><td>{}</td><td><a href="#citation-{}">“{}”</a></td></tr>',
            (
                (
                    capfirst(citation.content_type.name),
                    admin_link(citation.record) if citation.record else citation.target_label(),
                    citation.pk,
                    Truncator(citation.quote).chars(120),
                )
                for citation in citations
            ),
        )
        return format_html(
            '<table class="citing-records"><thead><tr><th>Kind</th><th>Record</th>'
            "<th>Quote</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    def conflicts_view(self, request):
        """Facts on which cited sources disagree, each value with the passages that state it."""
        context = {
            **self.admin_site.each_context(request),
            "title": "Disagreeing sources",
            "opts": self.opts,
            "sections": disagreement_sections(),
        }
        return TemplateResponse(request, "admin/sourcing/conflicts.html", context)


def disagreement_sections():
    """[(heading, [(subject, [(value, record, url, citations), ...]), ...]), ...] for the view."""
    cited = Prefetch("citations", queryset=Citation.objects.select_related("article"))

    def groups(queryset, key, subject, value):
        result = []
        for _, rows in itertools.groupby(queryset.prefetch_related(cited), key=key):
            rows = list(rows)
            values = [(value(row), row, admin_url(row), list(row.citations.all())) for row in rows]
            result.append((subject(rows[0]), values))
        return result

    def stake_value(stake):
        as_of = f"as of {stake.as_of_display}" if stake.as_of else ""
        parts = (stake.share_display, stake.get_status_display().lower(), as_of)
        return ", ".join(part for part in parts if part)

    stakes = Stake.objects.in_conflict().select_related("holder", "target")
    milestones = PlantMilestone.objects.in_conflict().select_related("plant")
    capacities = PlantCapacity.objects.in_conflict().select_related("plant")
    volumes = AgreementVolume.objects.in_conflict().select_related("agreement")
    return [
        (
            "Stakes: same holder and target, different shares",
            groups(
                stakes.order_by("holder__name", "target__name", "holder", "target", "pk"),
                key=lambda s: (s.holder_id, s.target_id),
                subject=lambda s: f"{s.holder} in {s.target}",
                value=stake_value,
            ),
        ),
        (
            "Plant milestones: same plant and step, different years",
            groups(
                milestones.order_by("plant__name", "plant", "kind", "year"),
                key=lambda m: (m.plant_id, m.kind),
                subject=lambda m: f"{m.plant}: {m.get_kind_display()}",
                value=lambda m: str(m.year),
            ),
        ),
        (
            "Plant capacities: same plant, basis and year, different figures",
            groups(
                capacities.order_by("plant__name", "plant", "basis", "year", "gwh_per_year"),
                key=lambda c: (c.plant_id, c.basis, c.year),
                subject=lambda c: (
                    f"{c.plant}: {c.get_basis_display().lower()} capacity"
                    + (f" for {c.year}" if c.year else ", undated")
                ),
                value=str,
            ),
        ),
        (
            "Agreement volumes: same agreement, basis and year, different figures",
            groups(
                volumes.order_by("agreement__title", "agreement", "basis", "year", "gwh_per_year"),
                key=lambda v: (v.agreement_id, v.basis, v.year),
                subject=lambda v: (
                    f"{v.agreement}: {v.get_basis_display().lower()} volume"
                    + (f" for {v.year}" if v.year else ", undated")
                ),
                value=str,
            ),
        ),
    ]


# -- Companies ------------------------------------------------------------------------------------


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    fields = ["name", "language"]
    extra = 1


@admin.register(Company)
class CompanyAdmin(FoldedSearchMixin, CuratedRecordAdmin):
    list_display = ["name", "kind", "country", "parent", "alias_names", "review_status"]
    list_filter = ["review_status", "kind", "country"]
    search_fields = ["name", "aliases__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    inlines = [CompanyAliasInline, CitationInline]
    actions = [*CuratedRecordAdmin.actions, "merge_companies"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "parent", "description"]}),
        REVIEW_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="Aliases")
    def alias_names(self, company):
        return ", ".join(alias.name for alias in company.aliases.all()) or "—"

    def has_merge_permission(self, request):
        # A merge rewrites references and deletes the duplicate.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected companies…", permissions=["merge"])
    def merge_companies(self, request, queryset):
        companies = list(queryset.order_by("name"))
        if "apply" in request.POST:
            form = MergeCompaniesForm(request.POST, companies=companies, admin_site=self.admin_site)
            if form.is_valid():
                keep = form.cleaned_data["keep"]
                needs_review = not may_verify(request.user, Company)
                try:
                    with transaction.atomic():
                        for duplicate in form.merged:
                            duplicate.merge_into(keep, user=request.user, needs_review=needs_review)
                except ValidationError as refusal:
                    self.message_user(request, " ".join(refusal.messages), messages.ERROR)
                    return None
                names = ", ".join(f"“{company}”" for company in form.merged)
                self.message_user(request, f"Merged {names} into “{keep}”.", messages.SUCCESS)
                return HttpResponseRedirect(admin_url(keep))
        else:
            form = MergeCompaniesForm(companies=companies, admin_site=self.admin_site)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge duplicate companies",
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
            "companies": companies,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/sourcing/company/merge.html", context)


@admin.register(CompanyAlias)
class CompanyAliasAdmin(RecordPartAdmin):
    list_display = ["name", "company", "language"]
    list_filter = ["language"]
    search_fields = ["name", "company__name"]
    autocomplete_fields = ["company"]
    list_select_related = ["company"]


# -- Stakes ---------------------------------------------------------------------------------------


@admin.register(Stake)
class StakeAdmin(CuratedRecordAdmin):
    list_display = ["holder", "target", "share", "status", "as_of_display", "review_status"]
    list_filter = ["review_status", "status", "as_of_precision"]
    date_hierarchy = "as_of"
    search_fields = [
        "holder__name",
        "holder__aliases__name",
        "target__name",
        "target__aliases__name",
    ]
    autocomplete_fields = ["holder", "target"]
    list_select_related = ["holder", "target"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["holder", "target", "status", ("as_of", "as_of_precision")]}),
        (
            "Share",
            {
                "fields": [
                    "share_exact",
                    ("share_min", "share_min_exclusive"),
                    ("share_max", "share_max_exclusive"),
                ],
                "description": "An exact share, or a range as the source put it: “over 20%” is a "
                "minimum of 20, exclusive.",
            },
        ),
        REVIEW_FIELDSET,
    ]

    @admin.display(description="Share", ordering="share_exact")
    def share(self, stake):
        return stake.share_display or "—"

    @admin.display(description="As of", ordering="as_of")
    def as_of_display(self, stake):
        return stake.as_of_display or "—"


# -- Plants ---------------------------------------------------------------------------------------


class PlantCapacityInline(admin.TabularInline):
    model = PlantCapacity
    fields = ["gwh_per_year", "qualifier", "basis", "year"]
    extra = 0
    # Each capacity carries its own citations, edited on its own page.
    show_change_link = True


class PlantMilestoneInline(admin.TabularInline):
    model = PlantMilestone
    fields = ["kind", "year"]
    extra = 0
    show_change_link = True


@admin.register(Plant)
class PlantAdmin(CuratedRecordAdmin):
    list_display = ["name", "operator", "kind", "status", "city", "country", "review_status"]
    list_filter = ["review_status", "kind", "status", "country"]
    search_fields = ["name", "city", "region", "operator__name", "operator__aliases__name"]
    autocomplete_fields = ["operator"]
    list_select_related = ["operator"]
    inlines = [PlantCapacityInline, PlantMilestoneInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "operator", "kind", "status", ("city", "region", "country")]}),
        REVIEW_FIELDSET,
    ]


@admin.register(PlantCapacity)
class PlantCapacityAdmin(RecordPartAdmin):
    list_display = ["__str__", "plant", "basis", "year"]
    list_filter = ["basis", "qualifier", "year"]
    search_fields = ["plant__name"]
    autocomplete_fields = ["plant"]
    list_select_related = ["plant"]
    inlines = [CitationInline]


@admin.register(PlantMilestone)
class PlantMilestoneAdmin(RecordPartAdmin):
    list_display = ["plant", "kind", "year"]
    list_filter = ["kind", "year"]
    search_fields = ["plant__name"]
    autocomplete_fields = ["plant"]
    list_select_related = ["plant"]
    inlines = [CitationInline]


# -- Vehicle programmes ---------------------------------------------------------------------------


@admin.register(VehicleProgramme)
class VehicleProgrammeAdmin(CuratedRecordAdmin):
    list_display = ["name", "brand", "segment", "assembly_plant", "start_year", "review_status"]
    list_filter = ["review_status", "start_year", "segment"]
    search_fields = ["name", "brand__name", "segment"]
    autocomplete_fields = ["brand", "assembly_plant"]
    list_select_related = ["brand", "assembly_plant"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "brand", "segment", "assembly_plant", "start_year"]}),
        REVIEW_FIELDSET,
    ]


# -- Agreements -----------------------------------------------------------------------------------


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    fields = ["company", "role"]
    autocomplete_fields = ["company"]
    extra = 2


class AgreementVolumeInline(admin.TabularInline):
    model = AgreementVolume
    fields = ["gwh_per_year", "qualifier", "basis", "year"]
    extra = 0
    show_change_link = True


@admin.register(Agreement)
class AgreementAdmin(FoldedSearchMixin, CuratedRecordAdmin):
    list_display = ["title", "kind", "status", "party_names", "announced_display", "review_status"]
    list_filter = ["review_status", "kind", "status", "start_year", "announced_precision"]
    date_hierarchy = "announced_on"
    search_fields = ["title", "parties__company__name", "parties__company__aliases__name"]
    autocomplete_fields = ["plant", "programmes"]
    inlines = [AgreementPartyInline, AgreementVolumeInline, CitationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "kind",
                    "status",
                    ("announced_on", "announced_precision"),
                    ("signed_on", "signed_precision"),
                    "start_year",
                    "plant",
                    "programmes",
                ]
            },
        ),
        REVIEW_FIELDSET,
    ]

    def get_queryset(self, request):
        parties = Prefetch("parties", queryset=AgreementParty.objects.select_related("company"))
        return super().get_queryset(request).prefetch_related(parties)

    @admin.display(description="Parties")
    def party_names(self, agreement):
        return ", ".join(
            f"{party.company} ({party.get_role_display().lower()})"
            for party in agreement.parties.all()
        )

    @admin.display(description="Announced", ordering="announced_on")
    def announced_display(self, agreement):
        return agreement.announced or "—"


@admin.register(AgreementParty)
class AgreementPartyAdmin(RecordPartAdmin):
    list_display = ["agreement", "company", "role"]
    list_filter = ["role"]
    search_fields = ["agreement__title", "company__name", "company__aliases__name"]
    autocomplete_fields = ["agreement", "company"]
    list_select_related = ["agreement", "company"]


@admin.register(AgreementVolume)
class AgreementVolumeAdmin(RecordPartAdmin):
    list_display = ["__str__", "agreement", "basis", "year"]
    list_filter = ["basis", "qualifier", "year"]
    search_fields = ["agreement__title"]
    autocomplete_fields = ["agreement"]
    list_select_related = ["agreement"]
    inlines = [CitationInline]


@admin.register(NonEditorialSpan)
class NonEditorialSpanAdmin(RecordPartAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A span's offsets count characters of the article text as it was when that version was
        # saved; restored over a text edited since, they would mark some other passage.
        version = (
            NonEditorialSpan.history.filter(history_id=version_id).first()
            if self.is_id(version_id)
            else None
        )
        if version is not None and self.text_changed_since(version):
            self.message_user(
                request,
                "This version of the span was saved against an earlier text of the article, so "
                "its offsets would mark another passage now; set the span anew instead.",
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse("admin:sourcing_noneditorialspan_history", args=[object_id])
            )
        return super().history_form_view(request, object_id, version_id, extra_context)

    @staticmethod
    def text_changed_since(span_version):
        article = Article.objects.filter(pk=span_version.article_id).only("body").first()
        text_then = (
            Article.history.filter(id=span_version.article_id)
            .filter(history_date__lte=span_version.history_date)
            .order_by("-history_date", "-history_id")
            .values_list("body", flat=True)
            .first()
        )
        return article is not None and text_then is not None and text_then != article.body

    list_display = ["article", "kind", "start", "end"]
    list_filter = ["kind"]
    search_fields = ["article__title"]
    autocomplete_fields = ["article"]
    list_select_related = ["article"]
