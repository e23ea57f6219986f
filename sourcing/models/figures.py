"""
Dated figures other than GWh: an amount invested, a number of jobs, a number of vehicles, as one
source states it, with its bound, its unit and the year it applies to or is due by. Shared by a
plant's figures and a company's (``CompanyFigure``: figures of a company in a country or region,
"4,500 direct jobs in France by 2030").
"""

from decimal import Decimal

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from .base import QuantityQualifier
from .cited import CitedRow
from .provenance import NOT_STATED, NOT_STATED_LABEL
from .quantities import of_the_same_year_or_undated

INVESTMENT = "investment"
JOBS = "jobs"


class FigureQuerySet(models.QuerySet):
    def in_conflict(self):
        """
        Figures for which another source gives the same figure of the same record otherwise: the
        same kind, currency, jobs counted (and area, for a company's), for the same year or where
        either gives none (``of_the_same_year_or_undated``), a different value or bound.
        """
        parent_field = self.model.parent_field
        same = {field: OuterRef(field) for field in self.model.comparable_fields}
        rivals = (
            of_the_same_year_or_undated(self.model._default_manager.all())
            .filter(**{parent_field: OuterRef(parent_field)}, **same)
            .exclude(pk=OuterRef("pk"))
            .exclude(value=OuterRef("value"), qualifier=OuterRef("qualifier"))
        )
        return self.filter(Exists(rivals))


def figure_constraints(prefix):
    """
    A figure is not negative; an amount needs its currency and counts no jobs; jobs have no
    currency and say which jobs they count (or that the source does not say); any other kind
    (vehicles) has neither.
    """
    return [
        models.CheckConstraint(condition=Q(value__gte=0), name=f"{prefix}_not_negative"),
        models.CheckConstraint(
            condition=(
                Q(kind=INVESTMENT, scope="") & ~Q(currency="")
                | Q(kind=JOBS, currency="") & ~Q(scope="")
                | ~Q(kind__in=(INVESTMENT, JOBS)) & Q(currency="", scope="")
            ),
            name=f"{prefix}_currency_or_scope_by_kind",
        ),
    ]


class Figure(CitedRow):
    """
    The value, unit and bound of a figure. Subclasses give ``kind`` (its choices: "investment"
    and "jobs", and for a company "vehicles"), the record it belongs to and ``Meta.constraints``
    from ``figure_constraints``.
    """

    class Scope(models.TextChoices):
        DIRECT = "direct", "Direct jobs"
        TOTAL = "total", "Total (direct and indirect)"
        NOT_STATED = NOT_STATED, NOT_STATED_LABEL

    value = models.DecimalField(
        max_digits=17,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="An amount of money for an investment; a whole number of jobs.",
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        help_text="ISO 4217 code of an investment's amount (EUR, USD); empty for jobs.",
    )
    scope = models.CharField(
        "jobs counted",
        max_length=10,
        choices=Scope.choices,
        blank=True,
        help_text="Jobs only: direct jobs, or direct and indirect; empty for an investment.",
    )
    qualifier = models.CharField(
        max_length=10, choices=QuantityQualifier.choices, default=QuantityQualifier.EXACT
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year the figure applies to or is due by."
    )

    # Besides the record and the year, what makes two rows the same figure (``in_conflict``).
    comparable_fields = ("kind", "currency", "scope")
    # Counted figures (not money), and the word readers see after the number.
    counted_units = {JOBS: "jobs"}

    class Meta:
        abstract = True

    def __str__(self):
        return self.label_for(
            self.kind,
            self.value,
            self.currency,
            self.scope,
            self.qualifier,
            self.year,
            getattr(self, "area", ""),
        )

    @classmethod
    def label_for(cls, kind, value, currency, scope, qualifier, year, area=""):
        """
        "investment of about 2,000,000,000 EUR (2030)", "up to 1,200 direct jobs", "about 4,500
        direct jobs in France (2030)": a figure as readers see it, from its stored values.
        """
        bound = "" if qualifier == QuantityQualifier.EXACT else f"{qualifier.replace('_', ' ')} "
        # Decimal(): a figure set in code (1200) is an int until the row is loaded again.
        figure = f"{bound}{Decimal(str(value)).normalize():,f}"
        if kind == INVESTMENT:
            label = f"investment of {figure}{f' {currency}' if currency else ''}"
        elif kind == JOBS:
            counted = {cls.Scope.DIRECT: "direct jobs", cls.Scope.TOTAL: "jobs in total"}
            label = f"{figure} {counted.get(scope, 'jobs')}"
        else:
            label = f"{figure} {cls.counted_units.get(kind, kind)}"
        return label + (f" in {area}" if area else "") + (f" ({year})" if year else "")

    def clean(self):
        super().clean()
        self.currency = (self.currency or "").strip().upper()
        errors = {}
        if self.kind == INVESTMENT:
            if not self.currency:
                errors["currency"] = "Give the currency of the amount (an ISO 4217 code: EUR, USD)."
            # The ISO 4217 codes, current and historical, as CLDR (through Babel) lists them.
            elif self.currency not in list_currencies():
                errors["currency"] = f"“{self.currency}” is not an ISO 4217 currency code."
            if self.scope:
                errors["scope"] = "An investment counts no jobs: leave this empty."
        elif self.kind:
            unit = self.counted_units.get(self.kind, self.kind)
            if self.currency:
                errors["currency"] = f"{unit.capitalize()} have no currency: leave this empty."
            if self.kind == JOBS and not self.scope:
                errors["scope"] = (
                    f"Say which jobs the source counts: direct, total, or “{NOT_STATED_LABEL}”."
                )
            elif self.kind != JOBS and self.scope:
                errors["scope"] = "Only jobs say which jobs they count: leave this empty."
            if self.value is not None and Decimal(self.value) % 1:
                errors["value"] = f"A number of {unit} is a whole number."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.currency = (self.currency or "").upper()
        super().save(*args, **kwargs)
