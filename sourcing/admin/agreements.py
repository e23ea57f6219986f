"""Vehicle programmes, and agreements with their parties and volumes."""

from django.contrib import admin
from django.db.models import Prefetch

from ..models import Agreement, AgreementParty, AgreementVolume, VehicleProgramme
from .base import REVIEW_FIELDSET, CitationInline, CuratedRecordAdmin, RecordPartAdmin
from .duplicates import PartiesDuplicateFormSet
from .provenance import ValueBasisInline
from .widgets import KnownIdsAutocompleteMixin

# -- Vehicle programmes ---------------------------------------------------------------------------


@admin.register(VehicleProgramme)
class VehicleProgrammeAdmin(CuratedRecordAdmin):
    list_display = ["name", "brand", "segment", "assembly_plant", "start_year", "review_status"]
    list_filter = ["review_status", "start_year", "segment"]
    search_fields = ["search_name", "brand__search"]
    autocomplete_fields = ["brand", "assembly_plant"]
    list_select_related = ["brand", "assembly_plant"]
    inlines = [ValueBasisInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "brand", "segment", "assembly_plant", "start_year"]}),
        REVIEW_FIELDSET,
    ]


# -- Agreements -----------------------------------------------------------------------------------


class AgreementPartyInline(KnownIdsAutocompleteMixin, admin.TabularInline):
    model = AgreementParty
    formset = PartiesDuplicateFormSet
    fields = ["company", "role"]
    autocomplete_fields = ["company"]
    extra = 2
    show_change_link = True  # the party's page, where its role is cited


class AgreementVolumeInline(admin.TabularInline):
    model = AgreementVolume
    fields = ["gwh_per_year", "qualifier", "basis", "year"]
    extra = 0
    show_change_link = True


@admin.register(Agreement)
class AgreementAdmin(CuratedRecordAdmin):
    list_display = ["title", "kind", "status", "party_names", "announced_display", "review_status"]
    list_filter = ["review_status", "kind", "status", "start_year", "announced_precision"]
    date_hierarchy = "announced_on"
    search_fields = ["search"]  # title, a party's name or alias
    autocomplete_fields = ["plant", "programmes"]
    inlines = [AgreementPartyInline, AgreementVolumeInline, ValueBasisInline, CitationInline]
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
    search_fields = ["agreement__search_title", "company__search"]
    autocomplete_fields = ["agreement", "company"]
    list_select_related = ["agreement", "company"]
    inlines = [CitationInline]


@admin.register(AgreementVolume)
class AgreementVolumeAdmin(RecordPartAdmin):
    list_display = ["__str__", "agreement", "basis", "year"]
    list_filter = ["basis", "qualifier", "year"]
    search_fields = ["agreement__search_title"]
    autocomplete_fields = ["agreement"]
    list_select_related = ["agreement"]
    inlines = [ValueBasisInline, CitationInline]
