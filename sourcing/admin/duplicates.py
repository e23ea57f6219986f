"""
Likely duplicates of a record about to be saved: a stake of the same holder in the same target,
an agreement of the same kind between the same companies. Sources restate facts; the editor is
warned, with a link, and decides whether to add a citation to the existing record instead.
"""

from django.db.models import Count, Q

from ..models import Agreement, Stake


def company_ids(values):
    from .desk_records import find_company

    companies = [find_company(value) for value in values]
    return [company.pk for company in companies if company is not None]


def duplicate_stakes(holder_id, target_id, exclude_pk=None):
    if not (holder_id and target_id):
        return Stake.objects.none()
    return Stake.objects.filter(holder_id=holder_id, target_id=target_id).exclude(pk=exclude_pk)


def duplicate_agreements(kind, party_company_ids, exclude_pk=None):
    """Agreements of ``kind`` whose companies are exactly ``party_company_ids``."""
    wanted = set(party_company_ids)
    if not (kind and wanted):
        return Agreement.objects.none()
    return (
        Agreement.objects.filter(kind=kind)
        .exclude(pk=exclude_pk)
        .annotate(
            wanted_parties=Count("companies", filter=Q(companies__in=wanted), distinct=True),
            all_parties=Count("companies", distinct=True),
        )
        .filter(wanted_parties=len(wanted), all_parties=len(wanted))
    )


def likely_duplicates(kind, fields):
    """Existing records a desk proposal of ``kind`` with ``fields`` would likely duplicate."""
    if kind == "stake":
        holder, target = company_ids([fields.get("holder")]), company_ids([fields.get("target")])
        if holder and target:
            return list(duplicate_stakes(holder[0], target[0]).select_related("holder", "target"))
    if kind == "agreement":
        parties = [party.get("company") for party in fields.get("parties") or []]
        ids = company_ids(parties)
        if ids and len(ids) == len(parties):
            return list(duplicate_agreements(fields.get("kind"), ids))
    return []
