"""
Likely duplicates of a record about to be saved: a stake of the same holder in the same target,
an agreement of the same kind between the same companies. Sources restate facts; the editor is
warned, with a link, and decides whether to add a citation to the existing record instead. (The
desk asks the same of its proposals: ``sourcing.desk.duplicates``.)
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join

from ..models import Agreement, AgreementParty, Stake
from .links import admin_link


def duplicate_stakes(holder_id, target_id, exclude_pk=None):
    if not (holder_id and target_id):
        return Stake.objects.none()
    return Stake.objects.filter(holder_id=holder_id, target_id=target_id).exclude(pk=exclude_pk)


def duplicate_agreements(kind, party_company_ids, exclude_pk=None):
    """Agreements of ``kind`` whose companies are exactly ``party_company_ids``."""
    wanted = set(party_company_ids)
    if not (kind and wanted):
        return Agreement.objects.none()
    agreements = Agreement.objects.filter(kind=kind)
    for company_id in wanted:
        # Only agreements with a party of each company are counted, found by the parties' index
        # on companies: counting the parties of every agreement of the kind took 200 ms at
        # 100,000 agreements, for each proposal the desk shows.
        parties = AgreementParty.objects.filter(company_id=company_id).order_by()
        agreements = agreements.filter(pk__in=parties.values("agreement_id"))
    return (
        agreements.exclude(pk=exclude_pk)
        .annotate(
            wanted_parties=Count("companies", filter=Q(companies__in=wanted), distinct=True),
            all_parties=Count("companies", distinct=True),
        )
        .filter(wanted_parties=len(wanted), all_parties=len(wanted))
    )


# -- Warnings on the record pages -----------------------------------------------------------------

CONFIRM_FIELD = "save_as_distinct"


def confirmed(data):
    return bool(data.get(CONFIRM_FIELD))


def duplicate_warning(records):
    """
    The refusal an editor sees, linking each likely duplicate, with the box that lets the same
    save through once ticked (it is part of the message, so no page layout has to make room).
    """
    links = format_html_join(", ", "{}", ((admin_link(record),) for record in records[:5]))
    return ValidationError(
        format_html(
            "This looks like a duplicate of {}: the same fact from another source is better cited "
            "on the existing record. "
            '<label><input type="checkbox" name="{}" value="1"> It is a different fact: '
            "save it anyway</label>",
            links,
            CONFIRM_FIELD,
        ),
        code="likely_duplicate",
    )


class StakeDuplicateFormMixin:
    """A stake of the same holder in the same target is saved only once the editor confirms."""

    def clean(self):
        cleaned_data = super().clean()
        holder, target = cleaned_data.get("holder"), cleaned_data.get("target")
        moved = self.instance.pk is None or {"holder", "target"} & set(self.changed_data)
        if holder and target and moved and not confirmed(self.data):
            rivals = list(
                duplicate_stakes(holder.pk, target.pk, exclude_pk=self.instance.pk).select_related(
                    "holder", "target"
                )
            )
            if rivals:
                raise duplicate_warning(rivals)
        return cleaned_data


class PartiesDuplicateFormSet(BaseInlineFormSet):
    """An agreement of the same kind between the same companies is saved once confirmed."""

    def clean(self):
        super().clean()
        agreement = self.instance
        companies = {
            form.cleaned_data["company"].pk
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("company")
            and not form.cleaned_data.get("DELETE")
        }
        moved = agreement.pk is None or self.has_changed()
        if not (companies and moved and agreement.kind) or confirmed(self.data):
            return
        rivals = list(duplicate_agreements(agreement.kind, companies, exclude_pk=agreement.pk))
        if rivals:
            raise duplicate_warning(rivals)
