"""Stakes: the share one company holds in another, as a source states it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse

from .base import PERCENT_VALIDATORS
from .companies import Company
from .curation import CuratedManager, CuratedQuerySet, CuratedRecord
from .dates import (
    DatePrecision,
    clean_partial_date,
    date_with_precision_constraint,
    format_partial_date,
)
from .provenance import NOT_STATED, NOT_STATED_LABEL

# The columns ``share_display`` reads, in its order: readers of plain rows select these.
SHARE_FIELDS = (
    "share_exact",
    "share_min",
    "share_max",
    "share_min_exclusive",
    "share_max_exclusive",
)


def share_display(exact, low, high, low_exclusive, high_exclusive):
    """A stake's share as the source put it: "20%", "over 20%", "up to 15%", "10–15%"."""

    def pct(value):
        return f"{value.normalize():f}%"

    if exact is not None:
        return pct(exact)
    if low is not None and high is not None:
        return f"{pct(low)}–{pct(high)}"
    if low is not None:
        return ("over " if low_exclusive else "at least ") + pct(low)
    if high is not None:
        return ("under " if high_exclusive else "up to ") + pct(high)
    return ""


class StakeQuerySet(CuratedQuerySet):
    def visible_to(self, user):
        # A stake in a company the reader may not see would publish that company.
        companies = Company.objects.visible_to(user)
        return super().visible_to(user).filter(holder__in=companies, target__in=companies)

    def with_same_holder_and_target(self):
        """
        Stakes for which another stake of the same holder in the same target exists: the rows
        among which sources may disagree on the share or the status at one time (the admin's
        conflicts view compares them).
        """
        siblings = Stake.objects.filter(
            holder=OuterRef("holder"), target=OuterRef("target")
        ).exclude(pk=OuterRef("pk"))
        return self.filter(Exists(siblings))


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
        NOT_STATED = NOT_STATED, NOT_STATED_LABEL

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
    # The exclusive flags belong to their bound: a basis for share_min covers "over".
    factual_fields = (
        "holder",
        "target",
        "share_exact",
        "share_min",
        "share_max",
        "status",
        "as_of",
    )

    objects = CuratedManager.from_queryset(StakeQuerySet)()

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

    # What __str__ reads beyond the row: loaded alongside where labels are listed.
    str_related = ("holder", "target")

    def __str__(self):
        share = self.share_display
        return f"{self.holder} in {self.target}" + (f" ({share})" if share else "")

    def get_absolute_url(self):
        return reverse("api:stake-detail", args=[self.pk])

    @property
    def share_display(self):
        """This stake's share as the source put it (``share_display``)."""
        return share_display(*(getattr(self, name) for name in SHARE_FIELDS))

    @property
    def as_of_display(self):
        return format_partial_date(self.as_of, self.as_of_precision)

    def is_visible_to(self, user):
        """``StakeQuerySet.visible_to`` for a stake already loaded: both companies visible too."""
        return (
            super().is_visible_to(user)
            and self.holder.is_visible_to(user)
            and self.target.is_visible_to(user)
        )

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
