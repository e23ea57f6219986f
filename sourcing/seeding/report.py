"""What one run of the seed did, as the command reports it."""

from dataclasses import dataclass, field

from ..models import Agreement, Article, Citation, Company, Plant, Stake, VehicleProgramme

SEED_CHANGE_REASON = "seed"


def who_and_when(entry):
    """' by claire on 2026-11-22 10:00' for a history entry; history only words messages."""
    if entry is None:
        return ""
    who = f"by {entry.history_user}" if entry.history_user_id else "by someone"
    return f" {who} on {entry.history_date:%Y-%m-%d %H:%M}"


@dataclass
class SeedReport:
    # Model -> primary keys of the curated rows, in the order the curation file gives them, and
    # after them the citations editors added to those rows: what the database holds for them.
    records: dict = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    # Citations of curated rows that the curation file no longer makes, deleted.
    withdrawn: int = 0
    # One message per curated row an editor has changed or deleted since it was seeded, and per
    # citation an editor added or changed that the curation file does not make.
    kept: list = field(default_factory=list)

    def add(self, instance):
        pks = self.records.setdefault(type(instance), [])
        if instance.pk not in pks:
            pks.append(instance.pk)

    def count(self, model):
        return len(self.records.get(model, []))

    def contents(self):
        counts = [
            (Article, "articles"),
            (Company, "companies"),
            (Stake, "stakes"),
            (Agreement, "agreements"),
            (Plant, "plants"),
            (VehicleProgramme, "vehicle programmes"),
        ]
        listed = ", ".join(f"{self.count(model)} {name}" for model, name in counts)
        return f"{listed} and {self.count(Citation)} citations (each quote found in its article)"

    def summary(self):
        kept = (
            f"; {len(self.kept)} row(s) changed or added by editors since seeding were left as "
            "they are"
            if self.kept
            else ""
        )
        if not (self.created or self.updated or self.withdrawn):
            return f"Nothing changed: {self.contents()} were already seeded{kept}."
        withdrawn = (
            f", {self.withdrawn} citation{'' if self.withdrawn == 1 else 's'} withdrawn"
            if self.withdrawn
            else ""
        )
        return (
            f"Seeded {self.contents()}: {self.created} rows created, {self.updated} updated"
            f"{withdrawn}{kept}."
        )
