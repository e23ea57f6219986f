"""Plants, their capacities, the dated steps of their lives and their investment and jobs."""

from django.contrib import admin

from ..models import Plant, PlantAlias, PlantCapacity, PlantFigure, PlantMilestone
from .base import REVIEW_FIELDSET, CitationInline, CuratedRecordAdmin, RecordPartAdmin
from .provenance import ValueBasisInline

# -- Plants ---------------------------------------------------------------------------------------


class PlantAliasInline(admin.TabularInline):
    model = PlantAlias
    fields = ["name", "language"]
    extra = 0


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


class PlantFigureInline(admin.TabularInline):
    model = PlantFigure
    fields = ["kind", "value", "currency", "scope", "qualifier", "year"]
    extra = 0
    # Each figure carries its own citations, edited on its own page.
    show_change_link = True


@admin.register(Plant)
class PlantAdmin(CuratedRecordAdmin):
    list_display = ["name", "operator", "kind", "status", "city", "country", "review_status"]
    list_filter = ["review_status", "kind", "status", "country"]
    search_fields = ["search", "operator__search"]  # name, aliases; the operator's
    autocomplete_fields = ["operator"]
    list_select_related = ["operator"]
    inlines = [
        PlantAliasInline,
        PlantCapacityInline,
        PlantMilestoneInline,
        PlantFigureInline,
        ValueBasisInline,
        CitationInline,
    ]
    fieldsets = [
        (None, {"fields": ["name", "operator", "kind", "status", ("city", "region", "country")]}),
        REVIEW_FIELDSET,
    ]


class PlantPartAdmin(RecordPartAdmin):
    """A row of a plant, on its own page: listed with its plant, found by the plant's names."""

    search_fields = ["plant__search"]
    autocomplete_fields = ["plant"]
    list_select_related = ["plant"]
    inlines = [ValueBasisInline, CitationInline]


@admin.register(PlantCapacity)
class PlantCapacityAdmin(PlantPartAdmin):
    list_display = ["__str__", "plant", "basis", "year"]
    list_filter = ["basis", "qualifier", "year"]


@admin.register(PlantMilestone)
class PlantMilestoneAdmin(PlantPartAdmin):
    list_display = ["plant", "kind", "year"]
    list_filter = ["kind", "year"]


@admin.register(PlantFigure)
class PlantFigureAdmin(PlantPartAdmin):
    list_display = ["__str__", "plant", "kind", "year"]
    list_filter = ["kind", "scope", "qualifier", "year"]
