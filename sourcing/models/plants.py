"""Plants, their capacities, the dated steps of their lives and their investment and jobs."""

from decimal import Decimal

from babel.numbers import list_currencies
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .articles import Citation
from .base import Alias, FoldedForSearch, QuantityQualifier, Versioned
from .companies import Company
from .curation import CuratedManager, CuratedRecord, NamedQuerySet
from .provenance import NOT_STATED, NOT_STATED_LABEL
from .quantities import Quantity, QuantityQuerySet, of_the_same_year_or_undated


class Plant(FoldedForSearch, CuratedRecord):
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
        NOT_STATED = NOT_STATED, NOT_STATED_LABEL

    name = models.CharField(max_length=200)
    operator = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="plants"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    city = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code.")
    # Filled on save (and for plants older than the column, by its migration).
    search_name = models.CharField(max_length=200, editable=False, db_index=True, default="")
    folded_for_search = {"search_name": "name"}

    objects = CuratedManager.from_queryset(NamedQuerySet)()

    # The name is an editorial label ("Verkor Gigafactory Dunkirk"); what sources call the plant
    # is in its aliases.
    factual_fields = ("operator", "kind", "status", "city", "region", "country")
    provenance_rows = ("aliases", "capacities", "milestones", "figures")

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


class PlantAlias(Alias):
    """Another name a source uses for a plant ("la gigafactory Verkor de Dunkerque")."""

    plant = models.ForeignKey(Plant, on_delete=models.CASCADE, related_name="aliases")
    parent_field = "plant"

    history = HistoricalRecords()

    class Meta:
        ordering = ["plant", "name"]
        verbose_name = "plant alias"
        verbose_name_plural = "plant aliases"
        constraints = [
            models.UniqueConstraint(fields=["plant", "name"], name="unique_alias_per_plant"),
            models.CheckConstraint(condition=~Q(name=""), name="plant_alias_name_not_empty"),
        ]


class PlantCapacity(Quantity):
    plant = models.ForeignKey(Plant, on_delete=models.CASCADE, related_name="capacities")
    parent_field = "plant"

    history = HistoricalRecords()
    objects = QuantityQuerySet.as_manager()

    # "plant": a figure a source gives for a company's plans may be placed at one plant.
    factual_fields = ("plant", *Quantity.factual_fields)

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
    parent_field = "plant"
    kind = models.CharField(max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    citations = GenericRelation(Citation)
    value_bases = GenericRelation("sourcing.ValueBasis")
    value_confirmations = GenericRelation("sourcing.ValueConfirmation")

    history = HistoricalRecords()
    objects = PlantMilestoneQuerySet.as_manager()

    factual_fields = ("plant", "kind", "year")

    class Meta:
        ordering = ["plant", "kind", "year"]
        verbose_name = "plant milestone"
        verbose_name_plural = "plant milestones"
        constraints = [
            models.UniqueConstraint(
                fields=["plant", "kind", "year"], name="unique_milestone_per_plant_kind_year"
            ),
        ]

    # What __str__ reads beyond the row: loaded alongside where labels are listed.
    str_related = ("plant",)

    def __str__(self):
        return f"{self.plant}: {self.get_kind_display()} {self.year}"


class PlantFigureQuerySet(models.QuerySet):
    def in_conflict(self):
        """
        Figures for which another source gives the same plant's same figure otherwise: the same
        kind, currency or scope of jobs, for the same year or where either gives none
        (``of_the_same_year_or_undated``), a different value or bound.
        """
        rivals = (
            of_the_same_year_or_undated(PlantFigure.objects.all())
            .filter(
                plant=OuterRef("plant"),
                kind=OuterRef("kind"),
                currency=OuterRef("currency"),
                scope=OuterRef("scope"),
            )
            .exclude(pk=OuterRef("pk"))
            .exclude(value=OuterRef("value"), qualifier=OuterRef("qualifier"))
        )
        return self.filter(Exists(rivals))


class PlantFigure(Versioned):
    """
    An amount invested in a plant, or a number of jobs it has or will have, as one source states
    it: with its bound ("up to 1,200 jobs"), its currency or the kind of jobs counted, and the
    year it applies to or is due by. Sources that disagree get a row each.
    """

    class Kind(models.TextChoices):
        INVESTMENT = "investment", "Investment"
        JOBS = "jobs", "Jobs"

    class Scope(models.TextChoices):
        DIRECT = "direct", "Direct jobs"
        TOTAL = "total", "Total (direct and indirect)"
        NOT_STATED = NOT_STATED, NOT_STATED_LABEL

    plant = models.ForeignKey(Plant, on_delete=models.CASCADE, related_name="figures")
    parent_field = "plant"
    kind = models.CharField(max_length=10, choices=Kind.choices)
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
    citations = GenericRelation(Citation)
    value_bases = GenericRelation("sourcing.ValueBasis")
    value_confirmations = GenericRelation("sourcing.ValueConfirmation")

    history = HistoricalRecords()
    objects = PlantFigureQuerySet.as_manager()

    factual_fields = ("plant", "kind", "value", "currency", "scope", "qualifier", "year")

    class Meta:
        # Undated figures first on every database (PostgreSQL puts nulls last by default).
        ordering = ["plant", "kind", F("year").asc(nulls_first=True), "value"]
        verbose_name = "plant figure"
        verbose_name_plural = "plant figures"
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="plant_figure_not_negative"),
            # An amount needs its currency and counts no jobs; jobs have no currency and say
            # which jobs they count (or that the source does not say).
            models.CheckConstraint(
                condition=(
                    Q(kind="investment", scope="") & ~Q(currency="")
                    | Q(kind="jobs", currency="") & ~Q(scope="")
                ),
                name="plant_figure_currency_or_scope_by_kind",
            ),
        ]

    def __str__(self):
        return self.label_for(
            self.kind, self.value, self.currency, self.scope, self.qualifier, self.year
        )

    @classmethod
    def label_for(cls, kind, value, currency, scope, qualifier, year):
        """
        "investment of about 2,000,000,000 EUR (2030)", "up to 1,200 direct jobs": a figure as
        readers see it, from its stored values.
        """
        bound = "" if qualifier == QuantityQualifier.EXACT else f"{qualifier.replace('_', ' ')} "
        # Decimal(): a figure set in code (1200) is an int until the row is loaded again.
        figure = f"{bound}{Decimal(str(value)).normalize():,f}"
        when = f" ({year})" if year else ""
        if kind == cls.Kind.INVESTMENT:
            return f"investment of {figure}{f' {currency}' if currency else ''}{when}"
        counted = {cls.Scope.DIRECT: "direct jobs", cls.Scope.TOTAL: "jobs in total"}
        return f"{figure} {counted.get(scope, 'jobs')}{when}"

    def clean(self):
        super().clean()
        self.currency = (self.currency or "").strip().upper()
        errors = {}
        if self.kind == self.Kind.INVESTMENT:
            if not self.currency:
                errors["currency"] = "Give the currency of the amount (an ISO 4217 code: EUR, USD)."
            # The ISO 4217 codes, current and historical, as CLDR (through Babel) lists them.
            elif self.currency not in list_currencies():
                errors["currency"] = f"“{self.currency}” is not an ISO 4217 currency code."
            if self.scope:
                errors["scope"] = "An investment counts no jobs: leave this empty."
        elif self.kind == self.Kind.JOBS:
            if self.currency:
                errors["currency"] = "Jobs have no currency: leave this empty."
            if not self.scope:
                errors["scope"] = (
                    f"Say which jobs the source counts: direct, total, or “{NOT_STATED_LABEL}”."
                )
            if self.value is not None and Decimal(self.value) % 1:
                errors["value"] = "A number of jobs is a whole number."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.currency = (self.currency or "").upper()
        super().save(*args, **kwargs)
