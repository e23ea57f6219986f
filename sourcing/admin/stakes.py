"""Stakes: the share one company holds in another, as a source states it."""

from django.contrib import admin

from ..forms import CuratedRecordForm
from ..models import Stake
from .base import REVIEW_FIELDSET, CitationInline, CuratedRecordAdmin
from .duplicates import StakeDuplicateFormMixin
from .provenance import ValueBasisInline


class StakeForm(StakeDuplicateFormMixin, CuratedRecordForm):
    pass


# -- Stakes ---------------------------------------------------------------------------------------


@admin.register(Stake)
class StakeAdmin(CuratedRecordAdmin):
    form = StakeForm
    list_display = ["holder", "target", "share", "status", "as_of_display", "review_status"]
    list_filter = ["review_status", "status", "as_of_precision"]
    date_hierarchy = "as_of"
    search_fields = ["holder__search", "target__search"]
    autocomplete_fields = ["holder", "target"]
    list_select_related = ["holder", "target"]
    inlines = [ValueBasisInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["holder", "target", "status", ("as_of", "as_of_precision")]}),
        (
            "Share",
            {
                "fields": [
                    "share_exact",
                    ("share_min", "share_min_exclusive"),
                    ("share_max", "share_max_exclusive"),
                ],
                "description": "An exact share, or a range as the source put it: “over 20%” is a "
                "minimum of 20, exclusive.",
            },
        ),
        REVIEW_FIELDSET,
    ]

    @admin.display(description="Share", ordering="share_exact")
    def share(self, stake):
        return stake.share_display or "—"

    @admin.display(description="As of", ordering="as_of")
    def as_of_display(self, stake):
        return stake.as_of_display or "—"
