"""
The editorial data model: source articles, the records curated from them, and the citations that
tie every record (or one field of it) to the exact passage of an article that states it.
"""

import calendar
import datetime
import hashlib
import re

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from . import quotes
from .search import fold_fields_for_search, fold_for_search

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year"
    MONTH = "month", "Month"
    DAY = "day", "Day"


def date_with_precision_constraint(prefix, field, precision_field):
    """A date and its precision are set together or not at all: unknown stays unknown."""
    return models.CheckConstraint(
        condition=(Q(**{f"{field}__isnull": True}) & Q(**{precision_field: ""}))
        | (Q(**{f"{field}__isnull": False}) & ~Q(**{precision_field: ""})),
        name=f"{prefix}_{field}_has_precision",
    )


def format_partial_date(value, precision):
    """'2021', '2021-06' or '2021-06-28' as the source gave it; '' when unknown."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def clean_partial_date(value, precision, field, precision_field):
    """Form-level version of the database rule, plus the canonical first day of a year/month."""
    if (value is None) != (not precision):
        raise ValidationError(
            {precision_field: "Give a precision exactly when a date is given."}
            if value is not None
            else {field: "A precision was given without a date."}
        )
    return truncate_to_precision(value, precision)


# ASCII digits only: \d would also read other scripts' digits ("٢٠٢١").
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class NotACalendarDate(ValueError):
    """A partial date of the right form naming no day of the calendar ("2023-02-30")."""


def parse_partial_date(text):
    """
    ``"2021"``, ``"2021-06"`` or ``"2021-06-28"`` as ``(first day, precision)``: the precision is
    the one the writer gave. Raises ValueError when ``text`` is not of that form, and its
    subclass NotACalendarDate when it is but names no real date.
    """
    match = PARTIAL_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"“{text}” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        first = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise NotACalendarDate(f"“{text}” is not a valid date: no such day") from None
    if day:
        return first, DatePrecision.DAY
    return first, DatePrecision.MONTH if month else DatePrecision.YEAR


def last_day_of_period(first, precision):
    """The last day of the year, month or day that starts on ``first``."""
    if precision == DatePrecision.YEAR:
        return first.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first


def truncate_to_precision(value, precision):
    """
    The stored form of a partial date: the first day of its year or month. Date filters compare
    stored dates, so "2021-06" must never be kept as 2021-06-15.
    """
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def normalize_partial_dates(record):
    """Truncate each (date, precision) pair a model lists in ``partial_dates``; see above."""
    for date_field, precision_field in record.partial_dates:
        value = getattr(record, date_field)
        setattr(record, date_field, truncate_to_precision(value, getattr(record, precision_field)))


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "French"
    GERMAN = "de", "German"
    JAPANESE = "ja", "Japanese"
    CHINESE = "zh", "Chinese"


class QuantityQualifier(models.TextChoices):
    """How a source bounds a figure: "over 20%" is not "20%"."""

    EXACT = "exact", "Exactly"
    ABOUT = "about", "About / equivalent of"
    OVER = "over", "Over"
    AT_LEAST = "at_least", "At least"
    UP_TO = "up_to", "Up to"
    UNDER = "under", "Under"


class Versioned(models.Model):
    """
    A row editors change: ``version`` goes up on every save, so a form opened on an older version
    is refused on save and two editors never overwrite each other silently.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


# -- Articles -------------------------------------------------------------------------------------


class ArticleQuerySet(models.QuerySet):
    def search(self, text):
        """
        Articles whose title, authors or text contain ``text``, ignoring case, accents and
        typography (see ``sourcing.search``). Blank text matches every article.
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
        return reverse("sourcing:article-source", args=[self.pk])

    @property
    def published(self):
        return format_partial_date(self.published_on, self.published_precision)

    @staticmethod
    def hash_body(body):
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def clean(self):
        super().clean()
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
            stored = stored.select_for_update()
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


class CitationQuerySet(models.QuerySet):
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

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
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
        self.locate()
        super().save(*args, **kwargs)

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
                return [f"quote not found; closest passage: “{missing.closest}”"]
            return [f"offsets {self.start}–{self.end} do not point at the quote"]
        span = self.article.non_editorial_overlap(self.start, self.end)
        if span is not None:
            return [f"quote lies in a non-editorial part ({span.get_kind_display().lower()})"]
        return []

    def clean(self):
        super().clean()
        if self.field and self.content_type_id:
            model = self.content_type.model_class()
            field_names = {f.name for f in model._meta.get_fields()} if model else set()
            if self.field not in field_names:
                raise ValidationError({"field": f"{model.__name__} has no field “{self.field}”."})
        if self.article_id:
            self.locate()


# -- Curated records ------------------------------------------------------------------------------


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    NEEDS_REVIEW = "needs_review", "Needs review"
    VERIFIED = "verified", "Verified"


def sees_drafts(user):
    """Anonymous readers see verified records only; signed-in staff see drafts too."""
    return user is not None and user.is_authenticated and user.is_staff


class CuratedQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(review_status=ReviewStatus.VERIFIED)

    def visible_to(self, user):
        return self if sees_drafts(user) else self.verified()

    def with_citations(self):
        """Each record's citations and their articles in two queries, however many records."""
        return self.prefetch_related(
            models.Prefetch("citations", queryset=Citation.objects.select_related("article"))
        )

    def cited_in(self, article, children=()):
        """
        Records citing ``article`` themselves or through one of their ``children`` rows (reverse
        relation names such as "capacities"): a figure cited on a plant's capacity row is a fact
        about the plant. Subqueries rather than joins, so no record is listed twice.
        """
        condition = Q(pk__in=self.model.objects.filter(citations__article=article).values("pk"))
        for name in children:
            relation = self.model._meta.get_field(name)
            cited_rows = relation.related_model.objects.filter(citations__article=article)
            condition |= Q(pk__in=cited_rows.values(relation.field.attname))
        return self.filter(condition)


class CuratedRecord(Versioned):
    """Fields every record that editors curate and reviewers verify shares."""

    review_status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT, db_index=True
    )
    notes = models.TextField(blank=True, help_text="Editorial notes; not shown to API consumers.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    citations = GenericRelation(Citation)

    history = HistoricalRecords(inherit=True)
    objects = CuratedQuerySet.as_manager()

    partial_dates = []

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        normalize_partial_dates(self)
        super().save(*args, **kwargs)

    def is_visible_to(self, user):
        """``CuratedQuerySet.visible_to`` for a record already loaded."""
        return self.review_status == ReviewStatus.VERIFIED or sees_drafts(user)


class CompanyQuerySet(CuratedQuerySet):
    def search(self, text):
        """
        Companies whose name or an alias contains ``text``, ignoring case and accents ("ampere"
        finds "Ampère"): both sides are folded in Python, so SQLite and PostgreSQL agree. Blank
        text matches every company.
        """
        folded = fold_for_search(text)
        if not folded:
            return self
        by_alias = CompanyAlias.objects.filter(search_name__contains=folded).values("company_id")
        return self.filter(Q(search_name__contains=folded) | Q(pk__in=by_alias))


class Company(CuratedRecord):
    class Kind(models.TextChoices):
        CARMAKER = "carmaker", "Carmaker"
        CELL_MAKER = "cell_maker", "Battery cell maker"
        INVESTOR = "investor", "Investor"
        BANK = "bank", "Bank"
        ADVISER = "adviser", "Adviser"
        LAW_FIRM = "law_firm", "Law firm"
        BRAND = "brand", "Brand"
        BUSINESS_UNIT = "business_unit", "Business unit"
        INDUSTRIAL = "industrial", "Industrial group"
        TECHNOLOGY = "technology", "Technology company"
        ENERGY = "energy", "Energy company"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, e.g. FR."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    description = models.TextField(blank=True)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "company"
        verbose_name_plural = "companies"
        permissions = [("verify_company", "Can mark companies verified")]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="company_not_own_parent"),
            models.CheckConstraint(condition=~Q(name=""), name="company_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        self.search_name = fold_for_search(self.name)
        if self.country:
            self.country = self.country.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("api:company-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A company cannot be its own parent."})

    def merge_into(self, target, user=None, needs_review=False):
        """
        Fold this company, a duplicate, into ``target`` and delete it; return ``target``.

        Everything that points at this company moves to ``target``: aliases, stakes (as holder
        and as target), agreement parties, operated plants, vehicle programmes, subsidiaries and
        citations. Its name stays findable as an alias of ``target``. Rows that become duplicates
        (the same alias twice, the same party with the same role in one agreement, the same
        passage cited twice) are dropped, their citations kept on the surviving row. The merge is
        refused, with nothing changed, when it would make a company hold a stake in itself or be
        its own ancestor. Every change is a history entry whose reason names the merge, by
        ``user`` when given. ``needs_review`` puts a verified ``target`` back in the review queue
        (a merge by someone who may not verify changes what was verified).
        """
        if target.pk == self.pk:
            raise ValidationError("A company cannot be merged into itself.")
        with transaction.atomic():
            locked = Company.objects.select_for_update().in_bulk([self.pk, target.pk])
            if len(locked) != 2:
                raise ValidationError("One of the companies to merge no longer exists.")
            source, target = locked[self.pk], locked[target.pk]
            reason = f"Merged “{source}” (id {source.pk}) into “{target}” (id {target.pk})"[:100]

            def save(record):
                record._change_reason = reason
                if user is not None:
                    record._history_user = user
                record.save()

            def delete(record, survivor):
                for citation in Citation.objects.for_record(record):
                    citation.object_id = survivor.pk
                    save(citation)
                record._change_reason = reason
                if user is not None:
                    record._history_user = user
                record.delete()

            self_stakes = list(
                Stake.objects.filter(
                    Q(holder=source, target=target) | Q(holder=target, target=source)
                )
            )
            if self_stakes:
                listing = "; ".join(f"stake {stake.pk}: {stake}" for stake in self_stakes)
                raise ValidationError(
                    f"Merging “{source}” into “{target}” would make “{target}” hold a stake in "
                    f"itself ({listing}). Correct or delete that stake first; nothing was merged."
                )
            if target.parent_id == source.pk:
                # The duplicate was recorded as the kept company's parent: the kept company
                # takes the duplicate's place under its own parent instead.
                target.parent_id = source.parent_id if source.parent_id != target.pk else None
            ancestor, seen = target.parent, {target.pk}
            while ancestor is not None and ancestor.pk not in seen:
                if ancestor.pk == source.pk:
                    raise ValidationError(
                        f"“{source}” is an ancestor of “{target}” through its subsidiaries: "
                        "merging would make a company its own parent; nothing was merged."
                    )
                seen.add(ancestor.pk)
                ancestor = ancestor.parent

            known_names = {
                target.search_name,
                *target.aliases.values_list("search_name", flat=True),
            }
            for alias in source.aliases.all():
                if alias.search_name in known_names:
                    delete(alias, target.aliases.get(search_name=alias.search_name))
                else:
                    alias.company = target
                    save(alias)
                    known_names.add(alias.search_name)
            if fold_for_search(source.name) not in known_names:
                save(CompanyAlias(company=target, name=source.name))

            for stake in Stake.objects.filter(holder=source):
                stake.holder = target
                save(stake)
            for stake in Stake.objects.filter(target=source):
                stake.target = target
                save(stake)
            for party in source.agreement_parties.all():
                twin = AgreementParty.objects.filter(
                    agreement_id=party.agreement_id, company=target, role=party.role
                ).first()
                if twin is not None:
                    delete(party, twin)
                else:
                    party.company = target
                    save(party)
            for plant in source.plants.all():
                plant.operator = target
                save(plant)
            for programme in source.programmes.all():
                programme.brand = target
                save(programme)
            for child in source.children.exclude(pk=target.pk):
                child.parent = target
                save(child)

            cited = set(
                Citation.objects.for_record(target).values_list("article_id", "field", "start")
            )
            for citation in Citation.objects.for_record(source):
                if (citation.article_id, citation.field, citation.start) in cited:
                    citation._change_reason = reason
                    citation.delete()
                    continue
                citation.object_id = target.pk
                save(citation)

            for field in ("country", "description"):
                if not getattr(target, field):
                    setattr(target, field, getattr(source, field))
            if source.notes:
                merged_notes = f"From merged “{source}”: {source.notes}"
                target.notes = f"{target.notes}\n\n{merged_notes}" if target.notes else merged_notes
            if needs_review and target.review_status == ReviewStatus.VERIFIED:
                target.review_status = ReviewStatus.NEEDS_REVIEW
            save(target)
            source._change_reason = reason
            if user is not None:
                source._history_user = user
            source.delete()
        return target


class CompanyAlias(Versioned):
    """Another name a source uses for a company ("le Losange", "AESC Envision")."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    language = models.CharField(
        max_length=8, choices=Language.choices, blank=True, help_text="Blank: any language."
    )
    search_name = models.CharField(max_length=200, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["company", "name"]
        verbose_name = "company alias"
        verbose_name_plural = "company aliases"
        constraints = [
            models.UniqueConstraint(fields=["company", "name"], name="unique_alias_per_company"),
            models.CheckConstraint(condition=~Q(name=""), name="alias_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold_for_search(self.name)
        super().save(*args, **kwargs)


SHARE_FIELDS = ("share_exact", "share_min", "share_max")
# Shares lie in 0..100: -1 stands for "not stated" so that unstated bounds compare as equal.
UNSTATED_SHARE = Value(-1, output_field=models.DecimalField(max_digits=5, decimal_places=2))


class StakeQuerySet(CuratedQuerySet):
    def visible_to(self, user):
        # A stake in a company the reader may not see would publish that company.
        companies = Company.objects.visible_to(user)
        return super().visible_to(user).filter(holder__in=companies, target__in=companies)

    def in_conflict(self):
        """
        Stakes for which another stake of the same holder in the same target gives a different
        share ("20%" against "over 20%" or "25%"). Stakes that state no share disagree with none.
        """
        states_share = (
            Q(share_exact__isnull=False) | Q(share_min__isnull=False) | Q(share_max__isnull=False)
        )
        same_share = Q(
            share_min_exclusive=OuterRef("share_min_exclusive"),
            share_max_exclusive=OuterRef("share_max_exclusive"),
            **{f"{field}_key": Coalesce(OuterRef(field), UNSTATED_SHARE) for field in SHARE_FIELDS},
        )
        rivals = (
            Stake.objects.annotate(
                **{f"{field}_key": Coalesce(field, UNSTATED_SHARE) for field in SHARE_FIELDS}
            )
            .filter(states_share, holder=OuterRef("holder"), target=OuterRef("target"))
            .exclude(pk=OuterRef("pk"))
            .exclude(same_share)
        )
        return self.filter(states_share).filter(Exists(rivals))


class Stake(CuratedRecord):
    """
    A holding of one company in another. The share is a range in the manner of the Beneficial
    Ownership Data Standard: an exact value, or bounds with exclusive flags, so "over 20%" is
    minimum 20 exclusive and "up to 15%" is maximum 15 inclusive, as the source said.
    """

    class Status(models.TextChoices):
        ANNOUNCED = "announced", "Announced"
        PLANNED = "planned", "Planned"
        COMPLETED = "completed", "Completed"
        DIVESTED = "divested", "Divested"

    holder = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="holdings")
    target = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="shareholdings")
    share_exact = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT_VALIDATORS
    )
    share_min = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT_VALIDATORS
    )
    share_min_exclusive = models.BooleanField(default=False)
    share_max = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT_VALIDATORS
    )
    share_max_exclusive = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices)
    as_of = models.DateField(null=True, blank=True)
    as_of_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)

    partial_dates = [("as_of", "as_of_precision")]

    objects = StakeQuerySet.as_manager()

    class Meta:
        ordering = ["target__name", "holder__name", "as_of"]
        verbose_name = "stake"
        verbose_name_plural = "stakes"
        permissions = [("verify_stake", "Can mark stakes verified")]
        constraints = [
            models.CheckConstraint(condition=~Q(holder=F("target")), name="stake_not_in_itself"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True})
                    | Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
                    name=f"stake_{field}_is_percentage",
                )
                for field in ("share_exact", "share_min", "share_max")
            ],
            models.CheckConstraint(
                condition=Q(share_min__isnull=True)
                | Q(share_max__isnull=True)
                | Q(share_min__lte=F("share_max")),
                name="stake_min_not_above_max",
            ),
            models.CheckConstraint(
                condition=Q(share_exact__isnull=True)
                | (Q(share_min__isnull=True) & Q(share_max__isnull=True)),
                name="stake_exact_or_range",
            ),
            models.CheckConstraint(
                condition=Q(share_min_exclusive=False) | Q(share_min__isnull=False),
                name="stake_min_exclusive_needs_min",
            ),
            models.CheckConstraint(
                condition=Q(share_max_exclusive=False) | Q(share_max__isnull=False),
                name="stake_max_exclusive_needs_max",
            ),
            date_with_precision_constraint("stake", "as_of", "as_of_precision"),
        ]

    def __str__(self):
        share = self.share_display
        return f"{self.holder} in {self.target}" + (f" ({share})" if share else "")

    def get_absolute_url(self):
        return reverse("api:stake-detail", args=[self.pk])

    @property
    def share_display(self):
        """The share as the source put it: "20%", "over 20%", "up to 15%", "10–15%"."""

        def pct(value):
            return f"{value.normalize():f}%"

        if self.share_exact is not None:
            return pct(self.share_exact)
        low, high = self.share_min, self.share_max
        if low is not None and high is not None:
            return f"{pct(low)}–{pct(high)}"
        if low is not None:
            return ("over " if self.share_min_exclusive else "at least ") + pct(low)
        if high is not None:
            return ("under " if self.share_max_exclusive else "up to ") + pct(high)
        return ""

    @property
    def as_of_display(self):
        return format_partial_date(self.as_of, self.as_of_precision)

    def clean(self):
        super().clean()
        errors = {}
        if self.holder_id and self.holder_id == self.target_id:
            errors["target"] = "A company cannot hold a stake in itself."
        if self.share_exact is not None and (
            self.share_min is not None or self.share_max is not None
        ):
            errors["share_exact"] = "Give either an exact share or a range, not both."
        if (
            self.share_min is not None
            and self.share_max is not None
            and self.share_min > self.share_max
        ):
            errors["share_max"] = "The maximum share is below the minimum."
        if self.share_min_exclusive and self.share_min is None:
            errors["share_min_exclusive"] = "An exclusive minimum needs a minimum."
        if self.share_max_exclusive and self.share_max is None:
            errors["share_max_exclusive"] = "An exclusive maximum needs a maximum."
        if errors:
            raise ValidationError(errors)
        self.as_of = clean_partial_date(
            self.as_of, self.as_of_precision, "as_of", "as_of_precision"
        )


class Plant(CuratedRecord):
    class Kind(models.TextChoices):
        CELL_GIGAFACTORY = "cell_gigafactory", "Cell gigafactory"
        RESEARCH_PILOT = "research_pilot", "R&D centre / pilot line"
        VEHICLE_ASSEMBLY = "vehicle_assembly", "Vehicle assembly"
        MODULE_ASSEMBLY = "module_assembly", "Battery module / pack assembly"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        ANNOUNCED = "announced", "Announced"
        UNDER_CONSTRUCTION = "under_construction", "Under construction"
        OPERATING = "operating", "Operating"
        SHELVED = "shelved", "Shelved"
        CANCELLED = "cancelled", "Cancelled"

    name = models.CharField(max_length=200)
    operator = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="plants"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    city = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code.")

    class Meta:
        ordering = ["name"]
        verbose_name = "plant"
        verbose_name_plural = "plants"
        permissions = [("verify_plant", "Can mark plants verified")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.country:
            self.country = self.country.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("api:plant-detail", args=[self.pk])


class QuantityQuerySet(models.QuerySet):
    parent_field = None  # the ForeignKey to the record the figure belongs to

    def in_conflict(self):
        """
        Figures for which another figure of the same parent, basis and year (or both undated)
        differs: one source says 12 GWh for 2025 where another says 15 GWh.
        """
        rivals = (
            self.model._default_manager.annotate(year_key=Coalesce("year", 0))
            .filter(
                basis=OuterRef("basis"),
                year_key=Coalesce(OuterRef("year"), 0),
                **{self.parent_field: OuterRef(self.parent_field)},
            )
            .exclude(pk=OuterRef("pk"))
            .exclude(gwh_per_year=OuterRef("gwh_per_year"))
        )
        return self.filter(Exists(rivals))


class PlantCapacityQuerySet(QuantityQuerySet):
    parent_field = "plant"


class AgreementVolumeQuerySet(QuantityQuerySet):
    parent_field = "agreement"


class Quantity(Versioned):
    """A figure in GWh per year as a source states it, with its bound and the year it applies to."""

    class Basis(models.TextChoices):
        INITIAL = "initial", "Initial"
        TARGET = "target", "Target"
        CURRENT = "current", "Current"

    gwh_per_year = models.DecimalField(
        "GWh per year", max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    qualifier = models.CharField(
        max_length=10, choices=QuantityQualifier.choices, default=QuantityQualifier.EXACT
    )
    basis = models.CharField(max_length=10, choices=Basis.choices, default=Basis.TARGET)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year the figure applies from or is due by."
    )
    citations = GenericRelation(Citation)

    class Meta:
        abstract = True

    def __str__(self):
        qualifier = "" if self.qualifier == QuantityQualifier.EXACT else f"{self.qualifier} "
        year = f" ({self.get_basis_display().lower()}, {self.year})" if self.year else ""
        return f"{qualifier.replace('_', ' ')}{self.gwh_per_year.normalize():f} GWh/yr{year}"


class PlantCapacity(Quantity):
    plant = models.ForeignKey(Plant, on_delete=models.CASCADE, related_name="capacities")

    history = HistoricalRecords()
    objects = PlantCapacityQuerySet.as_manager()

    class Meta:
        ordering = ["plant", "year", "gwh_per_year"]
        verbose_name = "plant capacity"
        verbose_name_plural = "plant capacities"
        constraints = [
            models.CheckConstraint(condition=Q(gwh_per_year__gte=0), name="capacity_not_negative"),
        ]


class PlantMilestoneQuerySet(models.QuerySet):
    def in_conflict(self):
        """Milestones for which another source dates the same step of the same plant otherwise."""
        rivals = PlantMilestone.objects.filter(
            plant=OuterRef("plant"), kind=OuterRef("kind")
        ).exclude(year=OuterRef("year"))
        return self.filter(Exists(rivals))


class PlantMilestone(Versioned):
    """A dated step in a plant's life per source; sources that disagree get a row each."""

    class Kind(models.TextChoices):
        CONSTRUCTION_START = "construction_start", "Construction starts"
        PILOT_START = "pilot_start", "Pilot line opens"
        OPERATION_START = "operation_start", "Production starts / plant completed"
        CLOSURE = "closure", "Closure"

    plant = models.ForeignKey(Plant, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    citations = GenericRelation(Citation)

    history = HistoricalRecords()
    objects = PlantMilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["plant", "kind", "year"]
        verbose_name = "plant milestone"
        verbose_name_plural = "plant milestones"
        constraints = [
            models.UniqueConstraint(
                fields=["plant", "kind", "year"], name="unique_milestone_per_plant_kind_year"
            ),
        ]

    def __str__(self):
        return f"{self.plant}: {self.get_kind_display()} {self.year}"


class VehicleProgramme(CuratedRecord):
    """A vehicle model or range named by a source ("Alpine C-segment crossover GT", "R5")."""

    name = models.CharField(max_length=200)
    brand = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="programmes"
    )
    segment = models.CharField(max_length=50, blank=True)
    assembly_plant = models.ForeignKey(
        Plant, null=True, blank=True, on_delete=models.SET_NULL, related_name="programmes"
    )
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "vehicle programme"
        verbose_name_plural = "vehicle programmes"
        permissions = [("verify_vehicleprogramme", "Can mark vehicle programmes verified")]

    def __str__(self):
        return self.name


class AgreementQuerySet(CuratedQuerySet):
    def search(self, text, companies=None):
        """
        Agreements whose title contains ``text``, or with a party among ``companies`` (all
        companies by default) whose name or alias contains it, ignoring case, accents and
        typography. Blank text matches every agreement.
        """
        folded = fold_for_search(text)
        if not folded:
            return self
        if companies is None:
            companies = Company.objects.all()
        parties = AgreementParty.objects.filter(company__in=companies.search(folded))
        return self.filter(Q(search_title__contains=folded) | Q(pk__in=parties.values("agreement")))


class Agreement(CuratedRecord):
    class Kind(models.TextChoices):
        SUPPLY = "supply", "Supply"
        PARTNERSHIP = "partnership", "Partnership"
        LETTER_OF_INTENT = "letter_of_intent", "Letter of intent"
        JOINT_VENTURE = "joint_venture", "Joint venture"
        COOPERATION = "cooperation", "Cooperation"
        RESEARCH = "research", "Research"
        ADVISORY = "advisory", "Advisory"
        INVESTMENT = "investment", "Investment"

    class Status(models.TextChoices):
        ANNOUNCED = "announced", "Announced"
        IN_DISCUSSION = "in_discussion", "In discussion"
        LETTER_OF_INTENT = "letter_of_intent", "Letter of intent"
        SIGNED = "signed", "Signed"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"
        CANCELLED = "cancelled", "Cancelled"

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    companies = models.ManyToManyField(Company, through="AgreementParty", related_name="agreements")
    announced_on = models.DateField(null=True, blank=True)
    announced_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    signed_on = models.DateField(null=True, blank=True)
    signed_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    plant = models.ForeignKey(
        Plant, null=True, blank=True, on_delete=models.SET_NULL, related_name="agreements"
    )
    programmes = models.ManyToManyField(VehicleProgramme, blank=True, related_name="agreements")
    search_title = models.TextField(editable=False, blank=True)

    objects = AgreementQuerySet.as_manager()

    partial_dates = [("announced_on", "announced_precision"), ("signed_on", "signed_precision")]

    class Meta:
        ordering = ["-announced_on", "title"]
        verbose_name = "agreement"
        verbose_name_plural = "agreements"
        permissions = [("verify_agreement", "Can mark agreements verified")]
        constraints = [
            date_with_precision_constraint("agreement", "announced_on", "announced_precision"),
            date_with_precision_constraint("agreement", "signed_on", "signed_precision"),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(start_year__gte=1900, start_year__lte=2200),
                name="agreement_start_year_plausible",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_title = fold_for_search(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("api:agreement-detail", args=[self.pk])

    @property
    def announced(self):
        return format_partial_date(self.announced_on, self.announced_precision)

    @property
    def signed(self):
        return format_partial_date(self.signed_on, self.signed_precision)

    def clean(self):
        super().clean()
        self.announced_on = clean_partial_date(
            self.announced_on, self.announced_precision, "announced_on", "announced_precision"
        )
        self.signed_on = clean_partial_date(
            self.signed_on, self.signed_precision, "signed_on", "signed_precision"
        )


class AgreementParty(Versioned):
    class Role(models.TextChoices):
        BUYER = "buyer", "Buyer"
        SUPPLIER = "supplier", "Supplier"
        PARTNER = "partner", "Partner"
        INVESTOR = "investor", "Investor"
        INVESTEE = "investee", "Investee"
        FINANCIAL_ADVISER = "financial_adviser", "Financial adviser"
        LEGAL_ADVISER = "legal_adviser", "Legal adviser"
        ADVISER = "adviser", "Adviser"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="agreement_parties")
    role = models.CharField(max_length=20, choices=Role.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "role", "company__name"]
        verbose_name = "agreement party"
        verbose_name_plural = "agreement parties"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "company", "role"], name="unique_party_role_per_agreement"
            ),
        ]

    def __str__(self):
        return f"{self.company} ({self.get_role_display().lower()})"


class AgreementVolume(Quantity):
    """A volume an agreement covers ("12 GWh per year", "of which 20 GWh by 2030")."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="volumes")

    history = HistoricalRecords()
    objects = AgreementVolumeQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "year", "gwh_per_year"]
        verbose_name = "agreement volume"
        verbose_name_plural = "agreement volumes"
        constraints = [
            models.CheckConstraint(condition=Q(gwh_per_year__gte=0), name="volume_not_negative"),
        ]
