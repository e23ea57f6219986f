"""Companies and the other names sources use for them."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from ..search import fold_for_search
from .articles import Citation
from .base import Alias
from .curation import CuratedRecord, NamedQuerySet, ReviewStatus
from .provenance import NOT_STATED, NOT_STATED_LABEL


class Company(CuratedRecord):
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
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, e.g. FR."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    description = models.TextField(blank=True)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)

    objects = NamedQuerySet.as_manager()

    factual_fields = ("name", "kind", "country", "parent", "description")
    stated_when_quoted = ("name",)
    provenance_rows = ("aliases",)

    class Meta:
        ordering = ["name"]
        verbose_name = "company"
        verbose_name_plural = "companies"
        permissions = [("verify_company", "Can mark companies verified")]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="company_not_own_parent"),
            models.CheckConstraint(condition=~Q(name=""), name="company_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        self.search_name = fold_for_search(self.name)
        if self.country:
            self.country = self.country.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("api:company-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A company cannot be its own parent."})

    def merge_into(self, target, user=None, needs_review=False):
        """
        Fold this company, a duplicate, into ``target`` and delete it; return ``target``.

        Everything that points at this company moves to ``target``: aliases, stakes (as holder
        and as target), agreement parties, operated plants, vehicle programmes, subsidiaries and
        citations. Its name stays findable as an alias of ``target``. Rows that become duplicates
        (the same alias twice, the same party with the same role in one agreement, the same
        passage cited twice) are dropped, their citations kept on the surviving row. The merge is
        refused, with nothing changed, when it would make a company hold a stake in itself or be
        its own ancestor. Every change is a history entry whose reason names the merge, by
        ``user`` when given. ``needs_review`` puts a verified ``target`` back in the review queue
        (a merge by someone who may not verify changes what was verified).
        """
        # Imported here: stakes.py and agreements.py import this module (circular import).
        from .agreements import AgreementParty
        from .stakes import Stake

        if target.pk == self.pk:
            raise ValidationError("A company cannot be merged into itself.")
        with transaction.atomic():
            locked = Company.objects.select_for_update().in_bulk([self.pk, target.pk])
            if len(locked) != 2:
                raise ValidationError("One of the companies to merge no longer exists.")
            source, target = locked[self.pk], locked[target.pk]
            reason = f"Merged “{source}” (id {source.pk}) into “{target}” (id {target.pk})"[:100]

            def save(record):
                record._change_reason = reason
                if user is not None:
                    record._history_user = user
                record.save()

            def delete(record, survivor):
                for citation in Citation.objects.for_record(record):
                    citation.object_id = survivor.pk
                    save(citation)
                record._change_reason = reason
                if user is not None:
                    record._history_user = user
                record.delete()

            self_stakes = list(
                Stake.objects.filter(
                    Q(holder=source, target=target) | Q(holder=target, target=source)
                )
            )
            if self_stakes:
                listing = "; ".join(f"stake {stake.pk}: {stake}" for stake in self_stakes)
                raise ValidationError(
                    f"Merging “{source}” into “{target}” would make “{target}” hold a stake in "
                    f"itself ({listing}). Correct or delete that stake first; nothing was merged."
                )
            if target.parent_id == source.pk:
                # The duplicate was recorded as the kept company's parent: the kept company
                # takes the duplicate's place under its own parent instead.
                target.parent_id = source.parent_id if source.parent_id != target.pk else None
            ancestor, seen = target.parent, {target.pk}
            while ancestor is not None and ancestor.pk not in seen:
                if ancestor.pk == source.pk:
                    raise ValidationError(
                        f"“{source}” is an ancestor of “{target}” through its subsidiaries: "
                        "merging would make a company its own parent; nothing was merged."
                    )
                seen.add(ancestor.pk)
                ancestor = ancestor.parent

            known_names = {
                target.search_name,
                *target.aliases.values_list("search_name", flat=True),
            }
            for alias in source.aliases.all():
                if alias.search_name in known_names:
                    delete(alias, target.aliases.get(search_name=alias.search_name))
                else:
                    alias.company = target
                    save(alias)
                    known_names.add(alias.search_name)
            if fold_for_search(source.name) not in known_names:
                save(CompanyAlias(company=target, name=source.name))

            for stake in Stake.objects.filter(holder=source):
                stake.holder = target
                save(stake)
            for stake in Stake.objects.filter(target=source):
                stake.target = target
                save(stake)
            for party in source.agreement_parties.all():
                twin = AgreementParty.objects.filter(
                    agreement_id=party.agreement_id, company=target, role=party.role
                ).first()
                if twin is not None:
                    delete(party, twin)
                else:
                    party.company = target
                    save(party)
            for plant in source.plants.all():
                plant.operator = target
                save(plant)
            for programme in source.programmes.all():
                programme.brand = target
                save(programme)
            for child in source.children.exclude(pk=target.pk):
                child.parent = target
                save(child)

            cited = set(
                Citation.objects.for_record(target).values_list("article_id", "field", "start")
            )
            for citation in Citation.objects.for_record(source):
                if (citation.article_id, citation.field, citation.start) in cited:
                    citation._change_reason = reason
                    citation.delete()
                    continue
                citation.object_id = target.pk
                save(citation)

            # The duplicate's notes on its values go with them, unless the kept company has its own.
            noted = set(target.value_bases.values_list("field", flat=True))
            for entry in source.value_bases.all():
                if entry.field in noted:
                    entry._change_reason = reason
                    entry.delete()
                else:
                    entry.object_id = target.pk
                    save(entry)

            for field in ("country", "description"):
                if not getattr(target, field):
                    setattr(target, field, getattr(source, field))
            if source.notes:
                merged_notes = f"From merged “{source}”: {source.notes}"
                target.notes = f"{target.notes}\n\n{merged_notes}" if target.notes else merged_notes
            if needs_review and target.review_status == ReviewStatus.VERIFIED:
                target.review_status = ReviewStatus.NEEDS_REVIEW
            save(target)
            source._change_reason = reason
            if user is not None:
                source._history_user = user
            source.delete()
        return target


class CompanyAlias(Alias):
    """Another name a source uses for a company ("le Losange", "AESC Envision")."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")

    history = HistoricalRecords()

    class Meta:
        ordering = ["company", "name"]
        verbose_name = "company alias"
        verbose_name_plural = "company aliases"
        constraints = [
            models.UniqueConstraint(fields=["company", "name"], name="unique_alias_per_company"),
            models.CheckConstraint(condition=~Q(name=""), name="alias_name_not_empty"),
        ]
