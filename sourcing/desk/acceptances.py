"""
A proposal is accepted once (``sourcing.models.acceptances``): the desk's accept and attach
actions go through ``accept_once``, and the panel shows each accepted proposal with the records it
made, as they are now.
"""

import re

from django.apps import apps
from django.db.models import prefetch_related_objects
from django.utils.formats import localize
from django.utils.text import capfirst

from ..admin.links import editing_page_url
from ..models import AcceptedProposal
from .fingerprints import fingerprint
from .writes import DeskError, StaleRecord

FINGERPRINT = re.compile(r"[0-9a-f]{64}")


class AlreadyAccepted(StaleRecord):
    """A second acceptance of one proposal: a conflict (409), naming what the first one made."""


def fingerprint_of(proposal):
    """The fingerprint the panel drew the proposal with, or, if none was sent, its own."""
    sent = proposal.get("fingerprint")
    if sent in (None, ""):
        return fingerprint(proposal)
    if not FINGERPRINT.fullmatch(str(sent)):
        raise DeskError("“fingerprint” is not a proposal's fingerprint (64 hexadecimal digits).")
    return str(sent)


def accept_once(article, proposal, user, make):
    """
    Run ``make()`` (which writes and returns the records of ``proposal``) unless the proposal was
    already accepted, and store the acceptance with those records. Called with the article row
    locked, so two acceptances of one proposal cannot both pass the check; the unique constraint
    stands behind it.
    """
    key = fingerprint_of(proposal)
    earlier = AcceptedProposal.objects.filter(article=article, fingerprint=key).first()
    if earlier is not None:
        raise AlreadyAccepted(already_accepted_message(earlier))
    records = make()
    AcceptedProposal.objects.create(
        article=article,
        fingerprint=key,
        kind=str(proposal.get("kind") or "")[:20],
        quote=str(proposal.get("quote") or ""),
        records=[{"model": r._meta.label_lower, "id": r.pk} for r in records],
        accepted_by=user if getattr(user, "pk", None) else None,
    )
    return records


def already_accepted_message(acceptance):
    who = acceptance.accepted_by.get_username() if acceptance.accepted_by else "someone"
    made = "; ".join(f"{capfirst(r._meta.verbose_name)} “{r}”" for r in records_of(acceptance))
    return (
        f"This proposal was already accepted by {who} on "
        f"{localize(acceptance.accepted_at)}: {made or 'its records have since been deleted'}."
        " Reload the desk to see it."
    )


def records_of(acceptance, loaded=None):
    """
    The records an acceptance made that still exist, in the order it made them; ``loaded``
    ({(model label, id): record}, from ``load_records``) saves a query per record.
    """
    loaded = loaded if loaded is not None else load_records([acceptance])
    found = (loaded.get((entry.get("model"), entry.get("id"))) for entry in acceptance.records)
    return [record for record in found if record is not None]


def load_records(acceptances):
    """{(model label, id): record} of every record ``acceptances`` made: a query per model."""
    wanted = {}
    for acceptance in acceptances:
        for entry in acceptance.records:
            wanted.setdefault(entry.get("model"), set()).add(entry.get("id"))
    loaded = {}
    for label, ids in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError, TypeError):
            continue  # a model since removed: its records are simply not found
        for record in model._default_manager.filter(pk__in=[pk for pk in ids if pk]):
            loaded[(label, record.pk)] = record
    return loaded


def accepted_proposals(article):
    """
    {fingerprint: {"kind", "quote", "records"}} of the article's accepted proposals, in the
    order they were accepted, each record they made as it is now: {"record", "url", "status"
    (its review status, if it has one), "values"}.
    """
    acceptances = list(AcceptedProposal.objects.filter(article=article).order_by("pk"))
    loaded = load_records(acceptances)
    return {
        acceptance.fingerprint: {
            "kind": acceptance.kind,
            "quote": acceptance.quote,
            "records": [
                {
                    "record": record,
                    "url": editing_page_url(record),
                    "status": record.get_review_status_display()
                    if hasattr(record, "review_status")
                    else "",
                    "values": current_values(record),
                }
                for record in records_of(acceptance, loaded)
            ],
        }
        for acceptance in acceptances
    }


def prefetch_current_values(records):
    """
    Fetch the records that ``current_values`` of ``records`` name (a stake's holder, a plant's
    operator): one query per field for all the records of a model, not one per record.
    """
    by_model = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record)
    for model, group in by_model.items():
        names = [
            name
            for name in getattr(model, "factual_fields", ())
            if model._meta.get_field(name).many_to_one
        ]
        prefetch_related_objects(group, *names)


def current_values(record):
    """The record's factual values as an editor reads them: "Kind: Supply; Status: Announced"."""
    values = []
    for name in getattr(record, "factual_fields", ()):
        field = record._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            continue
        display = getattr(record, f"get_{name}_display", None)
        value = display() if display else getattr(record, name)
        if value not in (None, ""):
            values.append(f"{capfirst(field.verbose_name)}: {value}")
    return "; ".join(values)
