"""Plants, their capacities, the dated steps of their lives and their investment and jobs."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .base import Alias, FoldedForSearch
from .cited import CitedRow
from .companies import Company
from .curation import CuratedManager, CuratedRecord, NamedQuerySet
from .figures import Figure, FigureQuerySet, figure_constraints
from .provenance import NOT_STATED, NOT_STATED_LABEL
from .quantities import Quantity, QuantityQuerySet


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


class PlantMilestone(CitedRow):
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


class PlantFigure(Figure):
    """
    An amount invested in a plant, or a number of jobs it has or will have, as one source states
    it: with its bound ("up to 1,200 jobs"), its currency or the kind of jobs counted, and the
    year it applies to or is due by. Sources that disagree get a row each.
    """

    class Kind(models.TextChoices):
        INVESTMENT = "investment", "Investment"
        JOBS = "jobs", "Jobs"

    plant = models.ForeignKey(Plant, on_delete=models.CASCADE, related_name="figures")
    parent_field = "plant"
    kind = models.CharField(max_length=10, choices=Kind.choices)

    history = HistoricalRecords()
    objects = FigureQuerySet.as_manager()

    factual_fields = ("plant", "kind", "value", "currency", "scope", "qualifier", "year")

    class Meta:
        # Undated figures first on every database (PostgreSQL puts nulls last by default).
        ordering = ["plant", "kind", F("year").asc(nulls_first=True), "value"]
        verbose_name = "plant figure"
        verbose_name_plural = "plant figures"
        constraints = figure_constraints("plant_figure")
