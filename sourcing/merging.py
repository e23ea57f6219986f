"""
Merging a duplicate company into the one that is kept (``merge_companies``), step by step.

Everything that points at the duplicate moves to the kept company: aliases, stakes (as holder and
as target), agreement parties, operated plants, vehicle programmes, subsidiaries, the company's
own figures and citations. Rows that become duplicates are dropped, their citations kept on the
surviving row. Every change is a history entry whose reason names the merge, by the user when
one is given.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .models import (
    Agreement,
    AgreementParty,
    Citation,
    Company,
    CompanyAlias,
    Plant,
    ReviewStatus,
    Stake,
    VehicleProgramme,
)
from .models.pending import held_back
from .text.search import fold_for_search


class Merge:
    """One merge of ``source`` into ``target``, both locked for the length of the transaction."""

    def __init__(self, source, target, user=None):
        self.source, self.target, self.user = source, target, user
        self.reason = f"Merged “{source}” (id {source.pk}) into “{target}” (id {target.pk})"[:100]

    def save(self, record):
        self.attribute(record)
        record.save()

    def name_the_kept_company(self, rows, field):
        """
        Each of ``rows`` (which name the duplicate in ``field``) made to name the kept company,
        saved one by one so that every row's history and version move on.
        """
        for row in rows:
            setattr(row, field, self.target)
            self.save(row)

    def delete(self, record, survivor):
        """Drop ``record``, a row that would duplicate ``survivor``, keeping its citations."""
        for citation in Citation.objects.for_record(record):
            citation.object_id = survivor.pk
            self.save(citation)
        self.attribute(record)
        record.delete()

    def attribute(self, record):
        record._change_reason = self.reason
        if self.user is not None:
            record._history_user = self.user

    # -- refusals, checked before anything is written -----------------------------------------

    def refuse_stakes_in_itself(self):
        source, target = self.source, self.target
        self_stakes = list(
            Stake.objects.filter(Q(holder=source, target=target) | Q(holder=target, target=source))
        )
        if self_stakes:
            listing = "; ".join(f"stake {stake.pk}: {stake}" for stake in self_stakes)
            raise ValidationError(
                f"Merging “{source}” into “{target}” would make “{target}” hold a stake in "
                f"itself ({listing}). Correct or delete that stake first; nothing was merged."
            )

    def refuse_references_held_back(self):
        """
        Records naming the duplicate that the merge could not move: a published one whose
        change would wait for review (it would keep naming the duplicate meanwhile), or a pending
        version (moved with its published record, when that is published).
        """
        source = self.source
        referrers = [
            *Plant._base_manager.filter(operator=source),
            *VehicleProgramme._base_manager.filter(brand=source),
            *Company._base_manager.filter(parent=source).exclude(pk=self.target.pk),
            *Stake._base_manager.filter(Q(holder=source) | Q(target=source)),
            *Agreement._base_manager.filter(parties__company=source).distinct(),
        ]
        # By published record: a pending version and its published record are one record.
        stuck = list(
            {
                (type(record), record.pending_of_id or record.pk): record
                for record in referrers
                if record.pending_of_id is not None or held_back(record)
            }.values()
        )
        if stuck:
            listing = "; ".join(
                f"{record._meta.verbose_name} {record.pending_of_id or record.pk} “{record}”"
                for record in stuck[:5]
            )
            raise ValidationError(
                f"“{source}” is named by records whose change would wait for review, or whose "
                f"change awaits it ({listing}): a reviewer merges it once those are published "
                "or rejected; nothing was merged."
            )

    def take_the_duplicates_place_or_refuse_a_cycle(self):
        source, target = self.source, self.target
        if target.parent_id == source.pk:
            # The duplicate was recorded as the kept company's parent: the kept company takes
            # the duplicate's place under its own parent instead.
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

    # -- moving what points at the duplicate --------------------------------------------------

    def move_aliases(self):
        """The duplicate's aliases, and its own name, become the kept company's aliases."""
        source, target = self.source, self.target
        known_names = {target.search_name, *target.aliases.values_list("search_name", flat=True)}
        for alias in source.aliases.all():
            if alias.search_name in known_names:
                self.delete(alias, target.aliases.get(search_name=alias.search_name))
            else:
                alias.company = target
                self.save(alias)
                known_names.add(alias.search_name)
        if fold_for_search(source.name) not in known_names:
            self.save(CompanyAlias(company=target, name=source.name))

    def move_stakes(self):
        self.name_the_kept_company(Stake.objects.filter(holder=self.source), "holder")
        self.name_the_kept_company(Stake.objects.filter(target=self.source), "target")

    def move_agreement_parties(self):
        for party in self.source.agreement_parties.all():
            twin = AgreementParty.objects.filter(
                agreement_id=party.agreement_id, company=self.target, role=party.role
            ).first()
            if twin is not None:
                self.delete(party, twin)
            else:
                party.company = self.target
                self.save(party)

    def move_plants_programmes_and_subsidiaries(self):
        self.name_the_kept_company(self.source.plants.all(), "operator")
        self.name_the_kept_company(self.source.programmes.all(), "brand")
        self.name_the_kept_company(self.source.children.exclude(pk=self.target.pk), "parent")

    def move_figures(self):
        """The duplicate's figures, with their citations: each is one source's statement."""
        self.name_the_kept_company(self.source.figures.all(), "company")

    def move_citations(self):
        """The duplicate's citations, except passages the kept company already cites."""
        cited = set(
            Citation.objects.for_record(self.target).values_list("article_id", "field", "start")
        )
        for citation in Citation.objects.for_record(self.source):
            if (citation.article_id, citation.field, citation.start) in cited:
                citation._change_reason = self.reason
                citation.delete()
                continue
            citation.object_id = self.target.pk
            self.save(citation)

    def move_value_bases(self):
        """The duplicate's notes on its values go with them, unless the kept company has its own."""
        noted = set(self.target.value_bases.values_list("field", flat=True))
        for entry in self.source.value_bases.all():
            if entry.field in noted:
                entry._change_reason = self.reason
                entry.delete()
            else:
                entry.object_id = self.target.pk
                self.save(entry)

    # -- the kept company itself --------------------------------------------------------------

    def fold_in_fields(self, needs_review):
        """Blank fields of the kept company take the duplicate's values; notes are joined."""
        source, target = self.source, self.target
        for field in ("country", "description"):
            if not getattr(target, field):
                setattr(target, field, getattr(source, field))
        if source.notes:
            merged_notes = f"From merged “{source}”: {source.notes}"
            target.notes = f"{target.notes}\n\n{merged_notes}" if target.notes else merged_notes
        if needs_review and target.review_status == ReviewStatus.VERIFIED:
            target.review_status = ReviewStatus.NEEDS_REVIEW
        self.save(target)

    def run(self, needs_review):
        self.refuse_references_held_back()
        self.refuse_stakes_in_itself()
        self.take_the_duplicates_place_or_refuse_a_cycle()
        self.move_aliases()
        self.move_stakes()
        self.move_agreement_parties()
        self.move_plants_programmes_and_subsidiaries()
        self.move_figures()
        self.move_citations()
        self.move_value_bases()
        self.fold_in_fields(needs_review)
        self.attribute(self.source)
        self.source.delete()
        return self.target


def merge_companies(duplicate, target, user=None, needs_review=False):
    """
    Fold ``duplicate`` into ``target`` and delete it; return ``target``.

    Everything that points at the duplicate moves to ``target``: aliases, stakes (as holder and
    as target), agreement parties, operated plants, vehicle programmes, subsidiaries, figures and
    citations. Its name stays findable as an alias of ``target``. Rows that become duplicates
    (the same alias twice, the same party with the same role in one agreement, the same passage
    cited twice) are dropped, their citations kept on the surviving row. The merge is refused,
    with nothing changed, when it would make a company hold a stake in itself or be its own
    ancestor. Every change is a history entry whose reason names the merge, by ``user`` when
    given. ``needs_review`` puts a verified ``target`` back in the review queue (a merge by
    someone who may not verify changes what was verified).
    """
    if target.pk == duplicate.pk:
        raise ValidationError("A company cannot be merged into itself.")
    with transaction.atomic():
        locked = Company.objects.select_for_update().in_bulk([duplicate.pk, target.pk])
        if len(locked) != 2:
            raise ValidationError("One of the companies to merge no longer exists.")
        return Merge(locked[duplicate.pk], locked[target.pk], user).run(needs_review)
