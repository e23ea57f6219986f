"""Figures in GWh per year, shared by plant capacities and agreement volumes."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from .base import QuantityQualifier, choice_labels
from .cited import CitedRow


class QuantityQuerySet(models.QuerySet):
    def in_conflict(self):
        """
        Figures for which another figure of the same parent and basis, for the same year or with
        no year on either side, differs: one source says 12 GWh for 2025 where another says
        15 GWh, "about 12 GWh" where another says "12 GWh from 2025", or "up to 50 GWh" where
        another says "50 GWh". A row without a year may be about any year: it is compared with
        them all.
        """
        parent_field = self.model.parent_field  # the record the figure belongs to
        rivals = (
            of_the_same_year_or_undated(self.model._default_manager.all())
            .filter(basis=OuterRef("basis"), **{parent_field: OuterRef(parent_field)})
            .exclude(pk=OuterRef("pk"))
            .exclude(gwh_per_year=OuterRef("gwh_per_year"), qualifier=OuterRef("qualifier"))
        )
        return self.filter(Exists(rivals))


def of_the_same_year_or_undated(rivals):
    """
    ``rivals``, rows compared with an outer row (a subquery), narrowed to those of the outer
    row's year, or of any year when either gives none: the rule of every dated figure's
    conflicts (capacities, volumes, plant figures).
    """
    outer_year = Coalesce(OuterRef("year"), 0, output_field=models.IntegerField())
    return rivals.annotate(outer_year=outer_year).filter(
        Q(year=OuterRef("year")) | Q(year__isnull=True) | Q(outer_year=0)
    )


class Quantity(CitedRow):
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

    factual_fields = ("gwh_per_year", "qualifier", "basis", "year")

    class Meta:
        abstract = True

    def __str__(self):
        return self.label_for(self.gwh_per_year, self.qualifier, self.basis, self.year)

    @classmethod
    def label_for(cls, gwh_per_year, qualifier, basis, year):
        """ "about 16 GWh/yr (target, 2030)": a figure as readers see it, from its stored values."""
        bound = "" if qualifier == QuantityQualifier.EXACT else f"{qualifier} "
        label = choice_labels(cls.Basis).get(basis, basis)  # as get_basis_display()
        when = f" ({label.lower()}, {year})" if year else ""
        # Decimal(): a figure set in code (16) is an int until the row is loaded again.
        figure = Decimal(str(gwh_per_year)).normalize()
        return f"{bound.replace('_', ' ')}{figure:f} GWh/yr{when}"
