"""
The seed's part of provenance: the ``inferred`` and ``general_knowledge`` entries of the curation
file, and the rule that a seeded record is verified only with a basis for every value.

In the curation file, a record or row (company, plant, capacity, milestone, figure, programme,
stake, agreement, party, volume) may carry::

    inferred:
      status: "How the value is reasoned from the cited passages."
    general_knowledge:
      kind: "Why the value is held though no document here states it."

Each becomes a ``ValueBasis`` of that field, reconciled like citations: one the curation file no
longer makes is withdrawn while it is as the seed wrote it (its ``SeedOwnership``), kept and
reported if an editor added or changed it.
"""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from ..models import Basis, CuratedRecord, ReviewStatus, ValueBasis
from .report import SEED_CHANGE_REASON
from .sources import SeedError

BASIS_KEYS = (Basis.INFERRED.value, Basis.GENERAL_KNOWLEDGE.value)


def seed_value_bases(reconciler, record, entry, label):
    """Sync the basis entries ``entry`` gives for ``record``."""
    content_type = ContentType.objects.get_for_model(record)
    for basis in BASIS_KEYS:
        notes = entry.get(basis) or {}
        if not isinstance(notes, dict):
            raise SeedError(f"{label}: {basis} must map field names to notes for readers")
        for field_name, note in notes.items():
            if field_name not in record.factual_fields:
                raise SeedError(
                    f"{label}: {basis} names “{field_name}”, which is not one of its factual "
                    f"fields ({', '.join(record.factual_fields)})"
                )
            reconciler.sync(
                ValueBasis,
                {"content_type": content_type, "object_id": record.pk, "field": field_name},
                {"basis": basis, "note": " ".join(str(note or "").split())},
                f"{basis} basis of {label} (field {field_name})",
            )


def withdraw_value_bases(reconciler):
    """Delete the bases of seeded rows the curation file no longer gives, while the seed's own."""
    report = reconciler.report
    curated = set(report.records.get(ValueBasis, []))
    rows = [
        Q(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
        for model, pks in report.records.items()
        if model is not ValueBasis and pks and hasattr(model, "factual_fields")
    ]
    if not rows:
        return
    for entry in ValueBasis.objects.filter(reduce(operator.or_, rows)).exclude(pk__in=curated):
        if reconciler.ledger.owns(entry):
            reconciler.ledger.forget(entry)  # first: deleting clears the primary key
            entry._change_reason = SEED_CHANGE_REASON
            entry.delete()
            report.withdrawn += 1
        else:
            report.kept.append(
                f"{entry.get_basis_display()} basis of field {entry.field} of "
                f"{entry.content_type.name} {entry.object_id} was set by an editor and is not in "
                "the curation file: kept."
            )
            report.add(entry)


def check_seeded_provenance(report):
    """Refuse the seed if a verified record it wrote has a value without a basis."""
    problems = []
    for model, pks in report.records.items():
        if not issubclass(model, CuratedRecord):
            continue
        verified = model._default_manager.filter(pk__in=pks, review_status=ReviewStatus.VERIFIED)
        for record, missing in verified.unsupported_values():
            problems.append(f"{model._meta.verbose_name} “{record}”: {', '.join(missing)}")
    if problems:
        raise SeedError(
            "Seeded as verified, but no cited passage states these values and no inferred or "
            "general_knowledge note is given for them: " + "; ".join(problems)
        )
