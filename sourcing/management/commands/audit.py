"""
``manage.py audit``: every value of every verified record has a basis, and no passage cited for
a value is one the statement checker reads as not stating it.

Each stated value is counted as machine-confirmed (the checker finds it in a supporting
passage), reviewer-confirmed (a reviewer confirmed what the machine cannot tell) or cannot tell.
Exits non-zero, listing them, if a value has no basis or a cited passage does not state it.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from sourcing.management.database import require_migrated_database
from sourcing.models import Basis, CuratedRecord


@dataclass
class Tally:
    records: int = 0
    stated: int = 0
    machine: int = 0
    reviewer: int = 0
    cannot_tell: int = 0
    unsupported: list = field(default_factory=list)  # (record label, [values])
    refuted: list = field(default_factory=list)  # one readable line per passage

    def count(self, prov):
        if prov.basis != Basis.STATED:
            return
        self.stated += 1
        if prov.checked == "machine":
            self.machine += 1
        elif prov.checked == "reviewer":
            self.reviewer += 1
        else:
            self.cannot_tell += 1

    @property
    def summary(self):
        return (
            f"{self.records} verified records; {self.stated} stated values: "
            f"{self.machine} machine-confirmed, {self.reviewer} reviewer-confirmed, "
            f"{self.cannot_tell} cannot tell by machine; {len(self.refuted)} cited passages "
            "the machine reads as not stating their value."
        )


class Command(BaseCommand):
    help = (
        "Check every verified record: each value (its own and its rows') has a basis, and no "
        "passage cited for a value is one the statement checker reads as not stating it. Counts "
        "stated values as machine-confirmed, reviewer-confirmed or cannot tell. Exits non-zero, "
        "listing the values, if any value lacks a basis or is not stated by its passage."
    )

    def handle(self, *args, **options):
        require_migrated_database()
        tally = Tally()
        for model in curated_models():
            for record, index in model._default_manager.verified().with_provenance():
                tally.records += 1
                self.audit_record(model, record, index, tally)
        for label, missing in tally.unsupported:
            self.stderr.write(f"{label} is verified but these values have no basis: {missing}")
        for line in tally.refuted:
            self.stderr.write(line)
        if tally.unsupported or tally.refuted:
            raise CommandError(
                f"{len(tally.unsupported)} of {tally.records} verified records have values "
                f"without a basis; {len(tally.refuted)} cited passages do not state their "
                f"value. {tally.summary}"
            )
        self.stdout.write(f"All {tally.records} verified records have a basis for every value.")
        self.stdout.write(tally.summary)

    def audit_record(self, model, record, index, tally):
        title = f"{model._meta.verbose_name.capitalize()} {record.pk} “{record}”"
        missing = []
        for label, obj, name, prov in index.values(record):
            where = f"{label}: {name}" if label else name
            tally.count(prov)
            if prov.basis is None:
                missing.append(where)
            for pk, quote, verdict in prov.refuted:
                tally.refuted.append(
                    f"{title}, {where} = {shown(obj, name)}: citation {pk} “{quote}” "
                    f"does not state it ({verdict.reason})."
                )
        if missing:
            tally.unsupported.append((title, "; ".join(missing)))


def shown(obj, name):
    """A stored value as readers see it: a choice's label, a related record's name."""
    if obj._meta.get_field(name).many_to_many:
        return "“" + ", ".join(str(related) for related in getattr(obj, name).all()) + "”"
    display = getattr(obj, f"get_{name}_display", None)
    return f"“{display() if display else getattr(obj, name)}”"


def curated_models():
    return [
        model
        for model in apps.get_app_config("sourcing").get_models()
        if issubclass(model, CuratedRecord)
    ]
