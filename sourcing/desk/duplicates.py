"""
Existing records that a desk proposal would likely duplicate, found by the same rules as the
admin's warnings (``sourcing.admin.duplicates``), from the companies the proposal names.
"""

from ..admin.duplicates import duplicate_agreements, duplicate_stakes
from .writes import find_company


def company_ids(values):
    companies = [find_company(value) for value in values]
    return [company.pk for company in companies if company is not None]


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
