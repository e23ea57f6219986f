"""
A company's own figures, where no plant holds them: the jobs its projects create in a country,
the vehicles it means to build in a region, an amount it invests, as one source states each
("nearly 4,500 direct jobs in France by 2030", "one million electric cars in Europe by 2030").
"""

from django.db import models
from django.db.models import F
from simple_history.models import HistoricalRecords

from .companies import Company
from .figures import Figure, FigureQuerySet, figure_constraints


class CompanyFigure(Figure):
    class Kind(models.TextChoices):
        INVESTMENT = "investment", "Investment"
        JOBS = "jobs", "Jobs"
        VEHICLES = "vehicles", "Vehicles produced"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="figures")
    parent_field = "company"
    kind = models.CharField(max_length=10, choices=Kind.choices)
    area = models.CharField(
        max_length=100,
        blank=True,
        help_text=(
            "Where the figure applies, as the source names it (a country or region: France, "
            "Europe); empty for the whole company."
        ),
    )

    history = HistoricalRecords()
    objects = FigureQuerySet.as_manager()

    factual_fields = ("company", "kind", "value", "currency", "scope", "qualifier", "year", "area")
    comparable_fields = (*Figure.comparable_fields, "area")
    counted_units = {**Figure.counted_units, "vehicles": "vehicles"}

    class Meta:
        ordering = ["company", "kind", "area", F("year").asc(nulls_first=True), "value"]
        verbose_name = "company figure"
        verbose_name_plural = "company figures"
        constraints = figure_constraints("company_figure")
