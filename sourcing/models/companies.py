"""Companies and the other names sources use for them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .base import Alias, FoldedForSearch
from .curation import CuratedManager, CuratedRecord, NamedQuerySet
from .provenance import NOT_STATED, NOT_STATED_LABEL


class Company(FoldedForSearch, CuratedRecord):
    class Kind(models.TextChoices):
        CARMAKER = "carmaker", "Carmaker"
        CELL_MAKER = "cell_maker", "Battery cell maker"
        INVESTOR = "investor", "Investor"
        BANK = "bank", "Bank"
        ADVISER = "adviser", "Adviser"
        LAW_FIRM = "law_firm", "Law firm"
        BRAND = "brand", "Brand"
        BUSINESS_UNIT = "business_unit", "Business unit"
        INDUSTRIAL = "industrial", "Industrial group"
        TECHNOLOGY = "technology", "Technology company"
        ENERGY = "energy", "Energy company"
        OTHER = "other", "Other"
        NOT_STATED = NOT_STATED, NOT_STATED_LABEL

    name = models.CharField(max_length=200)
    # Unique among published records (the constraint below): a pending version shares its slug.
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, e.g. FR."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    description = models.TextField(blank=True)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    folded_for_search = {"search_name": "name"}

    objects = CuratedManager.from_queryset(NamedQuerySet)()

    factual_fields = ("name", "kind", "country", "parent", "description")
    stated_when_quoted = ("name",)
    provenance_rows = ("aliases", "figures")

    class Meta:
        ordering = ["name"]
        verbose_name = "company"
        verbose_name_plural = "companies"
        permissions = [("verify_company", "Can mark companies verified")]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="company_not_own_parent"),
            models.CheckConstraint(condition=~Q(name=""), name="company_name_not_empty"),
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(pending_of__isnull=True),
                name="unique_company_slug",
                violation_error_message="Company with this Slug already exists.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        if self.country:
            self.country = self.country.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("api:company-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A company cannot be its own parent."})


class CompanyAlias(Alias):
    """Another name a source uses for a company ("le Losange", "AESC Envision")."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")
    parent_field = "company"

    history = HistoricalRecords()

    class Meta:
        ordering = ["company", "name"]
        verbose_name = "company alias"
        verbose_name_plural = "company aliases"
        constraints = [
            models.UniqueConstraint(fields=["company", "name"], name="unique_alias_per_company"),
            models.CheckConstraint(condition=~Q(name=""), name="alias_name_not_empty"),
        ]
