"""Vehicle programmes, and agreements with their parties and volumes."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..text.search import fold_for_search
from .base import FoldedForSearch, choice_labels
from .cited import CitedRow
from .companies import Company
from .curation import CuratedManager, CuratedQuerySet, CuratedRecord, matches_or_among
from .dates import (
    DatePrecision,
    clean_partial_date,
    date_with_precision_constraint,
    format_partial_date,
)
from .plants import Plant
from .provenance import NOT_STATED, NOT_STATED_LABEL
from .quantities import Quantity, QuantityQuerySet


class VehicleProgramme(FoldedForSearch, CuratedRecord):
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
    # Filled on save (and for programmes older than the column, by its migration), so a search
    # is one LIKE in the database instead of folding every programme's name per request.
    search_name = models.CharField(max_length=200, editable=False, default="")
    folded_for_search = {"search_name": "name"}

    # The name is an editorial label ("Alpine larger crossovers (two models)").
    factual_fields = ("brand", "segment", "assembly_plant", "start_year")

    class Meta:
        ordering = ["name"]
        verbose_name = "vehicle programme"
        verbose_name_plural = "vehicle programmes"
        permissions = [("verify_vehicleprogramme", "Can mark vehicle programmes verified")]

    def __str__(self):
        return self.name


class AgreementQuerySet(CuratedQuerySet):
    def search(self, text, companies=None, programme_ids=None):
        """
        Agreements whose title contains ``text``, or with a party among ``companies`` (all
        companies by default) whose name or alias contains it, ignoring case, accents and
        typography, or with a programme among ``programme_ids`` (ids, or a subquery of them).
        Blank text matches every agreement.
        """
        folded = fold_for_search(text)
        if not folded:
            return self
        if companies is None:
            companies = Company.objects.all()
        parties = AgreementParty.objects.filter(company__in=companies.search(folded))
        ids = parties.order_by().values("agreement")
        if programme_ids is not None:
            programmes = Agreement.programmes.through.objects.filter(
                vehicleprogramme_id__in=programme_ids
            )
            ids = ids.union(programmes.values("agreement_id"))
        return self.filter(matches_or_among(Q(search_title__contains=folded), ids))


class Agreement(FoldedForSearch, CuratedRecord):
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
        NOT_STATED = NOT_STATED, NOT_STATED_LABEL

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
    folded_for_search = {"search_title": "title"}

    objects = CuratedManager.from_queryset(AgreementQuerySet)()

    partial_dates = [("announced_on", "announced_precision"), ("signed_on", "signed_precision")]
    # The title is an editorial label; the parties and volumes are rows with their own values.
    factual_fields = (
        "kind",
        "status",
        "announced_on",
        "signed_on",
        "start_year",
        "plant",
        "programmes",
    )
    provenance_rows = ("parties", "volumes")
    provenance_nested = ("programmes",)

    class Meta:
        ordering = ["-announced_on", "title"]
        # Walked in this order, a query reading the first agreements of a company stops early
        # instead of sorting all of them: the network of a company in 20,000 agreements read
        # its first 600 parties in 150 ms by sorting, in a few ms walking this index.
        indexes = [
            models.Index(fields=["-announced_on", "title"], name="sourcing_agreement_in_order")
        ]
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


class AgreementPartyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The parties ``user`` may see: those whose company they may see."""
        return self.filter(company__in=Company.objects.visible_to(user))


# Sources name advisers in passages of their own: a party's role is a fact with its citation.
class AgreementParty(CitedRow):
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
    parent_field = "agreement"
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="agreement_parties")
    role = models.CharField(max_length=20, choices=Role.choices)

    history = HistoricalRecords()
    objects = AgreementPartyQuerySet.as_manager()

    factual_fields = ("company", "role")
    # A passage about the whole agreement ("Renault et Verkor ont annoncé ...") states its parties.
    stated_by_record_citations = ("company", "role")

    class Meta:
        ordering = ["agreement", "role", "company__name"]
        verbose_name = "agreement party"
        verbose_name_plural = "agreement parties"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "company", "role"], name="unique_party_role_per_agreement"
            ),
        ]

    # What __str__ reads beyond the row: loaded alongside where labels are listed.
    str_related = ("company",)

    def __str__(self):
        return self.label_for(str(self.company), self.role)

    @classmethod
    def label_for(cls, company_name, role):
        """ "Verkor (partner)": a party as readers see it, from its stored values."""
        label = choice_labels(cls.Role).get(role, role)  # as get_role_display()
        return f"{company_name} ({label.lower()})"

    def is_visible_to(self, user):
        """``AgreementPartyQuerySet.visible_to`` for a party already loaded."""
        return self.company.is_visible_to(user)


class AgreementVolume(Quantity):
    """A volume an agreement covers ("12 GWh per year", "of which 20 GWh by 2030")."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="volumes")
    parent_field = "agreement"

    history = HistoricalRecords()
    objects = QuantityQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "year", "gwh_per_year"]
        verbose_name = "agreement volume"
        verbose_name_plural = "agreement volumes"
        constraints = [
            models.CheckConstraint(condition=Q(gwh_per_year__gte=0), name="volume_not_negative"),
        ]
