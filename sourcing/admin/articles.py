"""Articles with their non-editorial spans, citations, and the view of disagreeing sources."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst

from ..api.params import parse_id
from ..desk.intake import document_metadata_view, intake_view
from ..desk.views import desk_urls
from ..forms import ArticleForm, NonEditorialSpanFormSet
from ..models import (
    AgreementVolume,
    Article,
    Citation,
    CompanyFigure,
    NonEditorialSpan,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    Stake,
    dates_disagree,
)
from ..text.highlighting import highlight_body
from .base import EditorialAdmin, RecordPartAdmin
from .links import admin_link, admin_url

# -- Citations ------------------------------------------------------------------------------------


@admin.register(Citation)
class CitationAdmin(RecordPartAdmin):
    list_display = ["short_quote", "article", "cited_record", "field", "start", "end"]
    list_filter = ["content_type", "article__language"]
    # A quote is a passage of its article: the citations of the articles whose text has the term.
    search_fields = ["article__search", "=article__source_filename"]
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
        # The list shows each citation's record: one query per kind of record, not per row. Its
        # article is shown by title: not its text twice over (as published and folded) per row.
        return (
            super()
            .get_queryset(request)
            .with_records()
            .defer("article__body", "article__search_text")
        )

    def has_add_permission(self, request):
        # A citation belongs to a record: it is added from that record's page.
        return False

    @admin.display(description="Quote")
    def short_quote(self, citation):
        return Truncator(citation.quote).chars(90)

    @admin.display(description="Cited record")
    def cited_record(self, citation):
        return admin_link(citation.record) if citation.record else citation.target_label()


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
class ArticleAdmin(EditorialAdmin):
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
    search_fields = ["search", "=source_filename"]  # title, authors, text; a file name
    readonly_fields = [
        "content_hash",
        "text_with_citations",
        "citing_records",
        "updated_at",
        "original_document",
        "text_read_by",
    ]
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
                    ("original_document", "text_read_by"),
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
        # Counted per row shown (a subquery on the citations' article index), not by grouping
        # every article with every citation before the page is cut: at a million citations that
        # took seconds for any list page.
        cited = Citation.objects.filter(article=OuterRef("pk")).order_by().values("article")
        total = cited.annotate(total=Count("pk")).values("total")
        return (
            super()
            .get_queryset(request)
            .select_related("original")
            .annotate(citation_total=Coalesce(Subquery(total), 0))
        )

    def get_urls(self):
        conflicts = path(
            "conflicts/",
            self.admin_site.admin_view(self.conflicts_view),
            name="sourcing_conflicts",
        )
        document_metadata = path(
            "intake/document-metadata/",
            self.admin_site.admin_view(document_metadata_view),
            name="sourcing_article_document_metadata",
        )
        return [conflicts, document_metadata, *desk_urls(self), *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        """Paste or upload the text: the import's rules apply, and the desk opens on it."""
        if not self.has_add_permission(request):
            return super().add_view(request, form_url, extra_context)
        return intake_view(self, request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {"desk_url": self.desk_url_of(object_id), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def desk_url_of(object_id):
        pk = parse_id(object_id)
        return "" if pk is None else reverse("admin:sourcing_article_desk", args=[pk])

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "conflicts_url": reverse("admin:sourcing_conflicts"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description="Published", ordering="published_on")
    def published_display(self, article):
        return article.published or "—"

    @admin.display(description="Original")
    def original_document(self, article):
        original = getattr(article, "original", None) if article.pk else None
        if original is None:
            return "None stored (the text was entered before originals were kept)."
        return format_html(
            '<a href="{}" download>Download {}</a><br>{}, {} bytes, SHA-256 {}',
            original.get_absolute_url(),
            original.filename,
            original.media_type,
            f"{original.size:,}",
            original.sha256,
        )

    @admin.display(description="Text read by")
    def text_read_by(self, article):
        reader = " ".join(filter(None, (article.extractor, article.extractor_version)))
        return reader or "—"

    @admin.display(description="Citations", ordering="citation_total")
    def citation_count(self, article):
        return article.citation_total

    def article_citations(self, article):
        if not hasattr(article, "_admin_citations"):
            # Read by both the highlighted text and the table of citing records.
            article._admin_citations = list(
                article.citations.select_related("content_type")
                .with_records()
                .order_by("start", "pk")
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


def stake_date(stake):
    return (stake.as_of, stake.as_of_precision) if stake.as_of else None


def stake_status(stake):
    return stake.status if stake.status != Stake.Status.NOT_STATED else None


def disagreement_groups(queryset, key, subject, value, keep=list):
    """
    [(subject, [(value, record, url, citations), ...]), ...]: the rows of ``queryset`` grouped
    by the fact they state (``key``), each group narrowed by ``keep`` and left out if empty.
    """
    cited = Prefetch("citations", queryset=Citation.objects.select_related("article"))
    # Grouped by key, not by runs of the queryset's order: two records of one name (or a record
    # and another's rows sorted between them) must not split a group.
    grouped = {}
    for row in queryset.prefetch_related(cited):
        grouped.setdefault(key(row), []).append(row)
    result = []
    for rows in grouped.values():
        rows = keep(rows)
        if rows:
            values = [(value(row), row, admin_url(row), list(row.citations.all())) for row in rows]
            result.append((subject(rows[0]), values))
    return result


def stake_value(stake):
    as_of = f"as of {stake.as_of_display}" if stake.as_of else ""
    parts = (stake.share_display, stake.get_status_display().lower(), as_of)
    return ", ".join(part for part in parts if part)


def stake_sections():
    """
    Stakes of one holder in one target that differ on the share or the status at the same time.
    A stake row is the stake as of its date: rows at dates that do not overlap are its history
    ("20% as of 2021", "15% as of 2023"), not sources disagreeing, and are never compared.
    """

    def stake_groups(keep):
        return disagreement_groups(
            Stake.objects.with_same_holder_and_target()
            .select_related("holder", "target")
            .order_by("holder__name", "target__name", "holder", "target", "as_of", "pk"),
            key=lambda s: (s.holder_id, s.target_id),
            subject=lambda s: f"{s.holder} in {s.target}",
            value=stake_value,
            keep=keep,
        )

    return [
        (
            "Stakes: same holder and target at the same time, different shares",
            stake_groups(lambda rows: disagreeing_at_the_same_time(rows, stake_share)),
        ),
        (
            "Stakes: same holder and target at the same time, different statuses",
            stake_groups(lambda rows: disagreeing_at_the_same_time(rows, stake_status)),
        ),
    ]


def stake_share(stake):
    """The share as stated (its bounds and their flags), or None if the row states none."""
    bounds = (stake.share_exact, stake.share_min, stake.share_max)
    if all(bound is None for bound in bounds):
        return None
    return (*bounds, stake.share_min_exclusive, stake.share_max_exclusive)


def at_the_same_time(first, second):
    """Whether two rows of a stake speak of the same time: one is undated, or periods overlap."""
    first_date, second_date = stake_date(first), stake_date(second)
    return (
        first_date is None or second_date is None or not dates_disagree(*first_date, *second_date)
    )


def disagreeing_at_the_same_time(rows, value):
    """The rows stating a ``value`` that another row of the same time states otherwise."""
    stated = [row for row in rows if value(row) is not None]
    return [
        row
        for row in stated
        if any(
            other is not row and value(other) != value(row) and at_the_same_time(row, other)
            for other in stated
        )
    ]


def published_rows(rows):
    """
    ``rows`` of published records only: a pending version's rows are an editor's change
    awaiting review (its page shows them), not what sources say.
    """
    return rows.filter(**{f"{rows.model.parent_field}__pending_of__isnull": True})


def row_section(model, parent_order, compared, value_field, heading, subject):
    """
    The rows of ``model`` (capacities, volumes, figures) in conflict, grouped as ``in_conflict``
    compares them: same record and ``compared`` fields. ``parent_order`` sorts the records;
    ``heading`` follows "same <record>" in the section's title, ``subject(row)`` "<record>: ".
    """
    parent = model.parent_field
    parent_name = model._meta.get_field(parent).related_model._meta.verbose_name
    rows = published_rows(model.objects.in_conflict()).select_related(parent)
    return (
        f"{model._meta.verbose_name_plural.capitalize()}: same {parent_name}{heading}",
        disagreement_groups(
            rows.order_by(parent_order, parent, *compared, "year", value_field),
            key=lambda row: (getattr(row, f"{parent}_id"), *(getattr(row, f) for f in compared)),
            subject=lambda row: f"{getattr(row, parent)}: {subject(row)}",
            value=str,
        ),
    )


def quantity_section(model, parent_order, noun):
    """A ``Quantity`` model's rows in conflict (capacities, volumes): same record and basis."""
    return row_section(
        model,
        parent_order,
        ("basis",),
        "gwh_per_year",
        " and basis, same year or undated, different figures",
        lambda row: f"{row.get_basis_display().lower()} {noun}",
    )


def figure_section(model, parent_order):
    """
    A ``Figure`` model's rows in conflict (a plant's, a company's): same record, kind, currency,
    jobs counted (and area).
    """
    compared = model.comparable_fields
    area = " and area" if "area" in compared else ""
    return row_section(
        model,
        parent_order,
        compared,
        "value",
        f", kind, currency or jobs counted{area}, same year or undated, "
        "different figures or bounds",
        lambda row: (
            row.get_kind_display().lower() + (f" in {row.area}" if getattr(row, "area", "") else "")
        ),
    )


def disagreement_sections():
    """[(heading, [(subject, [(value, record, url, citations), ...]), ...]), ...] for the view."""
    milestones = published_rows(PlantMilestone.objects.in_conflict()).select_related("plant")
    return [
        *stake_sections(),
        (
            "Plant milestones: same plant and step, different years",
            disagreement_groups(
                milestones.order_by("plant__name", "plant", "kind", "year"),
                key=lambda m: (m.plant_id, m.kind),
                subject=lambda m: f"{m.plant}: {m.get_kind_display()}",
                value=lambda m: str(m.year),
            ),
        ),
        quantity_section(PlantCapacity, "plant__name", "capacity"),
        figure_section(PlantFigure, "plant__name"),
        figure_section(CompanyFigure, "company__name"),
        quantity_section(AgreementVolume, "agreement__title", "volume"),
    ]


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
    search_fields = ["article__search"]
    autocomplete_fields = ["article"]
    list_select_related = ["article"]
