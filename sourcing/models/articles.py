"""Source articles, their non-editorial parts, and the citations that point into their text."""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..text import quotes
from ..text.search import fold_fields_for_search, fold_for_search
from . import registry
from .base import Language, Versioned
from .dates import (
    DatePrecision,
    clean_partial_date,
    date_with_precision_constraint,
    format_partial_date,
    normalize_partial_dates,
)
from .registry import edited_models


class ArticleQuerySet(models.QuerySet):
    def search(self, text):
        """
        Articles whose title, authors or text contain ``text``, ignoring case, accents and
        typography (see ``sourcing.text.search``). Blank text matches every article.
        """
        folded = fold_for_search(text)
        return self.filter(search_text__contains=folded) if folded else self

    def cited(self):
        return self.filter(citations__isnull=False).distinct()

    def annotate_citation_count(self):
        return self.annotate(citation_count=models.Count("citations"))


class Article(Versioned):
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    authors = models.CharField(
        max_length=300, blank=True, help_text="As named in the document, comma-separated."
    )
    language = models.CharField(max_length=8, choices=Language.choices)
    published_on = models.DateField(null=True, blank=True)
    published_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    published_inferred = models.BooleanField(
        default=False,
        help_text="The date is not stated by the document itself but inferred (see the notes).",
    )
    metadata_notes = models.TextField(
        blank=True, help_text="Where each piece of metadata comes from when it is not obvious."
    )
    url = models.URLField(max_length=1000, blank=True)
    source_filename = models.CharField(
        max_length=255, unique=True, help_text="Name of the file the text was received as."
    )
    body = models.TextField(help_text="The text exactly as received. Citations point into it.")
    # What read the text out of the document received (its original): "pypdf" 6.4.0,
    # "trafilatura" 2.0.0, "plain text". Blank for texts that came before originals were kept.
    extractor = models.CharField(max_length=50, blank=True, editable=False)
    extractor_version = models.CharField(max_length=50, blank=True, editable=False)
    content_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="SHA-256 of the body."
    )
    search_text = models.TextField(
        editable=False, blank=True, help_text="Title, authors and body folded for search."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The search column is derived from the other fields: a copy in every version is only weight.
    history = HistoricalRecords(excluded_fields=["search_text"])
    objects = ArticleQuerySet.as_manager()

    partial_dates = [("published_on", "published_precision")]

    class Meta:
        ordering = ["published_on", "title"]
        verbose_name = "article"
        verbose_name_plural = "articles"
        constraints = [
            date_with_precision_constraint("article", "published_on", "published_precision"),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.content_hash = self.hash_body(self.body)
        self.search_text = fold_fields_for_search(self.title, self.authors, self.body)
        normalize_partial_dates(self)
        with transaction.atomic():
            if self.pk:
                self._follow_body_edit(save=True)
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:article-source", args=[self.pk])

    @property
    def published(self):
        return format_partial_date(self.published_on, self.published_precision)

    @staticmethod
    def hash_body(body):
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    @staticmethod
    def size_problem(size, what="text", advice=": keep only the article itself"):
        """
        Why ``what`` of ``size`` bytes (a body in UTF-8, a file as received) cannot be an
        article's; None if it can be. The one statement of ARTICLE_MAX_BYTES, for the admin's
        form and for intake alike.
        """
        limit = settings.ARTICLE_MAX_BYTES
        if size <= limit:
            return None
        return (
            f"The {what} is {size:,} bytes, over the limit of {limit:,} bytes "
            f"({limit / 1e6:g} MB) for one article set by ARTICLE_MAX_BYTES{advice}."
        )

    def clean(self):
        super().clean()
        # First, so an oversize text is refused before any work is done on it.
        size_problem = self.size_problem(len(self.body.encode("utf-8")))
        if size_problem:
            raise ValidationError({"body": size_problem})
        self.published_on = clean_partial_date(
            self.published_on, self.published_precision, "published_on", "published_precision"
        )
        if self.pk and self.body:
            self._follow_body_edit(save=False)

    def _follow_body_edit(self, save):
        """
        Carry the non-editorial spans and the citations of this article over to its new body;
        refuse the body if a citation would be lost or would fall in a non-editorial part.

        An edit elsewhere in the text (a fixed typo, an added paragraph) moves passages: their
        offsets follow. An edit inside a cited passage removes it: that is refused with the list
        of citations it would break, so a stored fact never loses its source silently. With
        ``save`` the new offsets are stored; without it (form validation) nothing is.
        """
        stored = Article.objects.filter(pk=self.pk)
        if save:
            # Two edits of one article must not both carry offsets over from the same old body.
            stored = stored.select_for_update(no_key=True)
        old_body = stored.values_list("body", flat=True).first()
        if old_body is None or old_body == self.body:
            return
        edit = quotes.TextEdit.between(old_body, self.body)
        spans, moved_spans, vanished_spans = self._spans_after(edit)
        moved_citations, lost, covered = self._citations_after(edit, spans)
        errors = []
        if lost:
            errors.append(
                f"This change would break {len(lost)} citation(s): {describe_citations(lost)}"
            )
        if covered:
            errors.append(
                f"This change would put {len(covered)} citation(s) in a non-editorial part: "
                f"{describe_citations(covered)}"
            )
        if errors:
            raise ValidationError({"body": errors})
        if save:
            # Offsets only: following the text is bookkeeping, not an editorial change.
            NonEditorialSpan.objects.bulk_update(moved_spans, ["start", "end"])
            NonEditorialSpan.objects.filter(pk__in=[span.pk for span in vanished_spans]).delete()
            Citation.objects.bulk_update(moved_citations, ["start", "end"])

    def _spans_after(self, edit):
        """
        The spans as they stand after ``edit``: those that remain, those of them that moved, and
        those whose whole text the edit deleted (there is nothing left for them to mark).
        """
        remaining, moved, vanished = [], [], []
        for span in NonEditorialSpan.objects.filter(article_id=self.pk):
            followed = edit.follow(span.start, span.end)
            if followed is None:
                vanished.append(span)
                continue
            if followed != (span.start, span.end):
                span.start, span.end = followed
                moved.append(span)
            remaining.append(span)
        return remaining, moved, vanished

    def _citations_after(self, edit, spans):
        """
        The citations after ``edit``, each re-found in the new body near where its passage went:
        those that moved, those whose quote is gone, and those found only inside ``spans``.
        """
        moved, lost, covered = [], [], []
        folded_body = quotes.fold(self.body)
        for citation in Citation.objects.filter(article_id=self.pk):
            followed = edit.follow(citation.start, citation.end)
            near = followed[0] if followed else edit.start
            try:
                matches = quotes.locate_all(
                    self.body, citation.quote, near=near, folded_text=folded_body
                )
            except quotes.QuoteNotFound:
                lost.append(citation)
                continue
            match = first_editorial(matches, spans)
            if match is None:
                covered.append(citation)
                continue
            if (match.start, match.end) != (citation.start, citation.end):
                citation.start, citation.end = match.start, match.end
                moved.append(citation)
        return moved, lost, covered

    def non_editorial_overlap(self, start, end):
        """The non-editorial span overlapping [start, end), if any."""
        # .all() rather than a query of its own, so that prefetched spans are used.
        return overlapping_span(self.non_editorial_spans.all(), start, end)

    def citable_occurrences(self, quote):
        """Each occurrence of ``quote`` outside non-editorial parts (QuoteNotFound if none)."""
        spans = list(self.non_editorial_spans.all())
        return [
            match
            for match in quotes.locate_all(self.body, quote)
            if overlapping_span(spans, match.start, match.end) is None
        ]


def overlapping_span(spans, start, end):
    """The first of ``spans`` that overlaps [start, end), if any."""
    return next((span for span in spans if span.start < end and span.end > start), None)


def first_editorial(matches, spans):
    """The first of ``matches`` that no non-editorial span overlaps; None if all are covered."""
    return next(
        (match for match in matches if overlapping_span(spans, match.start, match.end) is None),
        None,
    )


def describe_citations(citations):
    """Citations listed for an editor: which record each supports and what it quotes."""
    return "; ".join(citation.describe() for citation in citations)


class NonEditorialSpan(Versioned):
    """A part of an article that is not the publisher's reporting and must never be cited."""

    class Kind(models.TextChoices):
        READER_COMMENTS = "reader_comments", "Reader comments"
        PRESS_CONTACT = "press_contact", "Press contact"
        NAVIGATION = "navigation", "Navigation / site furniture"
        BOILERPLATE = "boilerplate", "Boilerplate"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="non_editorial_spans"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    parent_field = "article"  # the article's page lists its spans

    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "non-editorial span"
        verbose_name_plural = "non-editorial spans"
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="span_start_before_end"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} [{self.start}:{self.end}] of {self.article}"

    def save(self, *args, **kwargs):
        # Forms call clean(); the shell, scripts and history restores do not, and a span laid
        # over a citation would leave a stored fact citing text that may not be cited.
        if self.start is not None and self.end is not None:
            self._refuse_misplacement()
        super().save(*args, **kwargs)

    @property
    def text(self):
        return self.article.body[self.start : self.end]

    def clean(self):
        super().clean()
        if self.start is not None and self.end is not None:
            if self.start >= self.end:
                raise ValidationError({"end": "The span must end after it starts."})
            if self.article_id and not self._is_as_stored():
                self._refuse_misplacement()

    def _is_as_stored(self):
        """
        Whether the span is saved with these very offsets. The article form validates its span
        rows against the edited, unsaved text, while their offsets still point into the stored
        text; saving the article carries them over. Only a new or moved span needs checking.
        """
        return (
            self.pk is not None
            and NonEditorialSpan.objects.filter(
                pk=self.pk, article_id=self.article_id, start=self.start, end=self.end
            ).exists()
        )

    def _refuse_misplacement(self):
        if self.end > len(self.article.body):
            raise ValidationError({"end": "The span runs past the end of the article."})
        covered = list(
            Citation.objects.filter(
                article_id=self.article_id, start__lt=self.end, end__gt=self.start
            )
        )
        if covered:
            raise ValidationError(
                f"This span would cover {len(covered)} citation(s), and cited text must stay "
                f"citable: {describe_citations(covered)}"
            )


# -- Citations ------------------------------------------------------------------------------------


# Where ``CitationQuerySet.prefetch_for_api`` leaves each record's citations.
PREFETCHED_FOR_API = "citations_for_api"


class CitationQuerySet(models.QuerySet):
    # What the API shows of a cited article: never its body or search text (megabytes per page).
    ARTICLE_FIELDS_NOT_SHOWN = ("body", "search_text", "metadata_notes")

    def for_api(self):
        """Citations with the article columns a reference to it shows, and no others."""
        return self.select_related("article").defer(
            *(f"article__{name}" for name in self.ARTICLE_FIELDS_NOT_SHOWN)
        )

    def prefetch_for_api(self):
        """
        A record's citations for the API, kept as a plain list in ``PREFETCHED_FOR_API``: a
        prefetch into ``citations`` itself builds a related manager and a filtered queryset per
        record, which cost more than the rows on a page of agreements.
        """
        return models.Prefetch("citations", queryset=self.for_api(), to_attr=PREFETCHED_FOR_API)

    def with_records(self):
        """
        These citations with the records they cite, fetched once per kind of record together
        with what those records' labels read (``str_related``: a stake names its holder and
        target).
        """
        labelled = [
            model.objects.select_related(*model.str_related)
            for model in edited_models()
            if getattr(model, "str_related", ())
        ]
        return self.prefetch_related(GenericPrefetch("record", labelled))

    def for_record(self, record):
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


class Citation(Versioned):
    """
    A verbatim quote from an article that supports a record, or one named field of it.

    Saving locates the quote in the article body (tolerating typography, never different words)
    and stores the offsets of the passage as published.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, limit_choices_to=registry.citable_content_types
    )
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    parent_field = "record"
    field = models.CharField(
        max_length=100, blank=True, help_text="The field of the record the quote supports, if one."
    )
    # PROTECT: an article that something cites cannot be deleted.
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(help_text="Paste the passage; offsets are computed on save.")
    start = models.PositiveIntegerField(editable=False)
    end = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "pk"]
        verbose_name = "citation"
        verbose_name_plural = "citations"
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="citation_start_before_end"
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="citation_quote_not_empty"),
        ]

    def __str__(self):
        return f"“{self.quote[:60]}” ({self.article})"

    def save(self, *args, **kwargs):
        self.check_target()
        self.locate()
        super().save(*args, **kwargs)

    def check_target(self):
        """Refuse a record that is neither a curated record nor a cited row of one (registry)."""
        if not self.content_type_id:
            return
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        citable = registry.citable_models()
        if model not in citable:
            kinds = ", ".join(str(each._meta.verbose_name) for each in citable)
            name = model._meta.verbose_name if model else "record of an unknown kind"
            raise ValidationError(
                {"content_type": f"A citation supports one of: {kinds}; not a {name}."}
            )

    @property
    def passage(self):
        """The cited passage exactly as it reads in the article."""
        return self.article.body[self.start : self.end]

    def target_label(self):
        """
        The cited record as editors know it: company “Renault Group” (field country). The record
        is fetched (a generic relation cannot be joined), so this is for messages, not listings.
        """
        if not self.content_type_id:
            label = "record"
        else:
            model_name = ContentType.objects.get_for_id(self.content_type_id).name
            record = self.record
            label = (
                f"{model_name} “{record}”"
                if record is not None
                else f"{model_name} {self.object_id}"
            )
        return f"{label} (field {self.field})" if self.field else label

    def describe(self):
        """This citation for an editor: citation 12 of company “Renault Group”: “quote”."""
        quote = self.quote if len(self.quote) <= 80 else f"{self.quote[:79]}…"
        return f"citation {self.pk} of {self.target_label()}: “{quote}”"

    def locate(self):
        """Find the quote in the article and set the offsets, or raise a ValidationError."""
        if not self.quote or not self.quote.strip():
            raise ValidationError({"quote": "A citation needs a quote."})
        too_long = quotes.length_problem(self.quote)
        if too_long:
            raise ValidationError({"quote": too_long})
        article = self.article
        try:
            matches = quotes.locate_all(article.body, self.quote, near=self.start)
        except quotes.QuoteNotFound as missing:
            closest = missing.closest
            hint = f" The closest passage is: “{closest}”." if closest else ""
            raise ValidationError(
                {
                    "quote": f"The quote is not in article “{article}” "
                    f"(id {article.pk}, {article.source_filename}).{hint}"
                }
            ) from None
        # A headline repeated in a navigation line is still citable where it is the headline.
        spans = list(article.non_editorial_spans.all())
        match = first_editorial(matches, spans)
        if match is None:
            span = overlapping_span(spans, matches[0].start, matches[0].end)
            raise ValidationError(
                {
                    "quote": f"The quote falls in the {span.get_kind_display().lower()} of "
                    f"“{article}” (characters {span.start}–{span.end}), which is not editorial "
                    "content and cannot be cited."
                }
            )
        self.start, self.end = match.start, match.end

    def check_stored_offsets(self):
        """Problems with the stored citation, as messages ([] when it verifies)."""
        body = self.article.body
        if self.end > len(body) or not quotes.same_passage(body[self.start : self.end], self.quote):
            try:
                quotes.locate(body, self.quote)
            except quotes.QuoteNotFound as missing:
                hint = f"; closest passage: “{missing.closest}”" if missing.closest else ""
                return [f"quote not found{hint}"]
            return [f"offsets {self.start}–{self.end} do not point at the quote"]
        span = self.article.non_editorial_overlap(self.start, self.end)
        if span is not None:
            return [f"quote lies in a non-editorial part ({span.get_kind_display().lower()})"]
        return []

    def clean(self):
        super().clean()
        self.check_target()
        if self.field and self.content_type_id:
            model = self.content_type.model_class()
            field_names = {f.name for f in model._meta.get_fields()} if model else set()
            if self.field not in field_names:
                raise ValidationError({"field": f"{model.__name__} has no field “{self.field}”."})
        if self.article_id:
            self.locate()
