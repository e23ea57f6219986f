"""
The provenance of every factual value: why a reader may believe it.

A value is ``stated`` when a citation of its own row supports it: a citation naming the field, or
one naming no field (a passage about the whole row) in which the statement checker
(``sourcing.statements``, given the value by ``models.statements``) finds the value. That basis
is derived from the citations and never stored. The checker's verdict on each supporting passage
is kept with it: a value the checker finds stated is "machine-confirmed" (``checked``:
``"machine"``); a citation naming the field states it whatever the checker says, and a passage
there that the checker finds not stating it keeps the record from being verified, and is listed
by ``manage.py audit``, unless a reviewer overrode it with a note. A stated value the machine
cannot tell is "reviewer-confirmed" (``"reviewer"``) once a reviewer confirmed it
(``ValueConfirmation``, for the value it holds now). A value no passage
states is ``inferred`` (reasoned from stated facts) or ``general_knowledge`` (held without a
source here): editors say so with a ``ValueBasis`` entry for that field of that row, whose note
tells readers the reasoning or why it is held. An entry wins over citations: a status read into a
passage ("l'implantation est en cours" taken as "under construction") is an inference from that
passage, shown with it.

Each model lists its factual fields in ``factual_fields``; a field holds a value unless it is
empty or the explicit "not stated" choice, which needs no basis. ``ProvenanceIndex`` works out
the provenance of a set of records and of their rows (``provenance_rows``) in a fixed number of
queries (citations, value bases with confirmations, and the names of the records their values refer
to); verdicts
are computed in Python from the quotes already fetched, each (value, quote) once per process.
"""

import operator
from dataclasses import dataclass
from functools import cache, reduce

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import CharField, F, Q, Value
from simple_history.models import HistoricalRecords

from ..statements import NOT_STATED as VERDICT_NOT_STATED
from .articles import PREFETCHED_FOR_API, Citation
from .base import AboutOneValue
from .confirmations import ValueConfirmation, holding
from .statements import RecordNames, checkable, context_columns, verdict

# The choice value of every "not stated" option: a status or kind no source gives.
NOT_STATED = "not_stated"
NOT_STATED_LABEL = "Not stated"


class Basis(models.TextChoices):
    STATED = "stated", "Stated by a cited passage"
    INFERRED = "inferred", "Inferred"
    GENERAL_KNOWLEDGE = "general_knowledge", "General knowledge"


class ValueBasisQuerySet(models.QuerySet):
    def by_object(self, objects):
        """{(content type id, pk): [entries]} for ``objects`` (records or rows), in one query."""
        objects = [obj for obj in objects if obj is not None and obj.pk is not None]
        result = {}
        if objects:
            for entry in self.filter(about(objects)).order_by("field"):
                result.setdefault((entry.content_type_id, entry.object_id), []).append(entry)
        return result


class ValueBasis(AboutOneValue):
    """One value that no passage states, marked inferred or general knowledge, with why."""

    STORED_BASES = [
        (Basis.INFERRED.value, Basis.INFERRED.label),
        (Basis.GENERAL_KNOWLEDGE.value, Basis.GENERAL_KNOWLEDGE.label),
    ]

    field = models.CharField(max_length=100, help_text="The factual field the note is about.")
    basis = models.CharField(max_length=20, choices=STORED_BASES)
    note = models.TextField(
        help_text="For readers: the reasoning (inferred) or why the value is held (general "
        "knowledge)."
    )

    history = HistoricalRecords()
    objects = ValueBasisQuerySet.as_manager()

    class Meta(AboutOneValue.Meta):
        verbose_name = "value basis"
        verbose_name_plural = "value bases"
        constraints = [
            AboutOneValue.one_per_value("one_basis_per_value"),
            models.CheckConstraint(
                condition=Q(basis__in=[Basis.INFERRED, Basis.GENERAL_KNOWLEDGE]),
                name="value_basis_stored_kinds",
            ),
            models.CheckConstraint(condition=~Q(note=""), name="value_basis_has_note"),
        ]

    def __str__(self):
        return f"{self.field}: {self.get_basis_display().lower()}"

    def clean(self):
        super().clean()
        if not self.note or not self.note.strip():
            raise ValidationError({"note": "Say why the value is held: readers see this note."})
        model = self.content_type.model_class() if self.content_type_id else None
        factual = getattr(model, "factual_fields", ())
        if model is not None and self.field not in factual:
            raise ValidationError(
                {
                    "field": f"“{self.field}” is not a factual field of {model.__name__}; "
                    f"choose one of: {', '.join(factual)}."
                }
            )


@dataclass(frozen=True)
class FieldProvenance:
    """
    Why one value is held: its basis (None: none yet), the citations and the note; for a stated
    value, ``checked`` ("machine" when the checker finds it in a supporting passage, "reviewer"
    when a reviewer confirmed it, else None), ``verdicts``: (citation id, quote, Verdict) of each
    supporting passage, and ``confirmation``: the reviewer's confirmation that counts for it
    ({"note"...}; its note is required to override a passage the machine reads as not stating).
    """

    basis: str | None
    citations: tuple = ()
    note: str = ""
    checked: str | None = None
    verdicts: tuple = ()
    confirmation: dict | None = None

    @property
    def refuted(self):
        """The supporting passages the checker finds not stating the value: (id, quote, Verdict)."""
        return tuple(entry for entry in self.verdicts if entry[2].status == VERDICT_NOT_STATED)

    @property
    def blocking(self):
        """The ``refuted`` passages no reviewer overrode: they keep the record from verification."""
        return () if self.confirmation is not None else self.refuted

    @property
    def confirmation_note(self):
        return self.confirmation["note"] if self.confirmation is not None else ""

    def as_dict(self):
        return {
            "basis": self.basis,
            "citations": list(self.citations),
            "note": self.note,
            "checked": self.checked,
            "confirmation_note": self.confirmation_note,
        }


def holds_value(record, name):
    """Whether ``record`` gives a value for field ``name`` (empty and "not stated" give none)."""
    model_field = record._meta.get_field(name)
    if model_field.many_to_many:
        return record.pk is not None and bool(getattr(record, name).all())
    return is_held(getattr(record, model_field.attname))


def fetch_rows(records):
    """
    Fetch what the provenance of ``records`` reads beyond their own columns, in one query per
    kind of record and relation, however many records: their rows (``provenance_rows``), the
    records shown inside them (``provenance_nested``) and their values that are relations to
    many, each row with what its label reads (``str_related``: a party names its company).
    Relations fetched already (the API's prefetches) are not fetched again.
    """
    by_model = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record)
    for model, instances in by_model.items():
        many = [name for name, attname in factual_columns(model) if attname is None]
        relations = dict.fromkeys(
            [
                *getattr(model, "provenance_rows", ()),
                *getattr(model, "provenance_nested", ()),
                *many,
            ]
        )
        lookups = []
        for name in relations:
            related = model._meta.get_field(name).related_model
            rows = related._default_manager.select_related(*getattr(related, "str_related", ()))
            lookups.append(models.Prefetch(name, queryset=rows))
        models.prefetch_related_objects(instances, *lookups)


def rows_of(record, relations="provenance_rows"):
    """The rows that belong to ``record`` (capacities, parties...), prefetched ones if fetched."""
    if record.pk is None:
        return []
    names = getattr(record, relations, ())
    return [row for name in names for row in getattr(record, name).all()]


# What the provenance rules read of a value basis or a confirmation (see provenance_of), and the
# column telling which of the two a row of ``notes_on_values`` is.
NOTE_COLUMNS = ("entry", "content_type_id", "object_id", "field", "basis", "note", "value")


def notes_on_values(condition):
    """
    (value bases, confirmations) of the rows ``condition`` matches, each {(content type id,
    object id): {field: {"basis"/"value", "note"...}}}, in one query: a page's provenance costs
    no more queries for the reviewers' confirmations it shows.
    """
    blank = Value("", output_field=CharField())
    bases = (
        ValueBasis.objects.filter(condition)
        .annotate(entry=Value("basis", output_field=CharField()), value=blank)
        .values_list(*NOTE_COLUMNS)
        .order_by()
    )
    confirmations = (
        ValueConfirmation.objects.filter(condition)
        .annotate(entry=Value("confirmation", output_field=CharField()), basis=blank)
        .values_list(*NOTE_COLUMNS)
        .order_by()
    )
    found = {"basis": {}, "confirmation": {}}
    for row in bases.union(confirmations, all=True):
        entry = dict(zip(NOTE_COLUMNS, row, strict=True))
        key = (entry["content_type_id"], entry["object_id"])
        found[entry["entry"]].setdefault(key, {})[entry["field"]] = entry
    return found["basis"], found["confirmation"]


class ProvenanceIndex:
    """
    The provenance of ``records`` and of their rows, from one query for citations and one for
    value bases, however many records: build it once for a page and ask it about each row.
    """

    def __init__(self, records):
        records = [record for record in records if record.pk is not None]
        fetch_rows(records)
        self.rows = {record_key(record): rows_of(record) for record in records}
        # Records shown inside others (an agreement's programmes) are looked up in the same go.
        shown_inside = [row for record in records for row in rows_of(record, "provenance_nested")]
        everything = [
            *records,
            *(row for rows in self.rows.values() for row in rows),
            *shown_inside,
        ]
        self.keys = {(type(obj), obj.pk) for obj in everything}
        self.citations, self.bases, self.confirmations = {}, {}, {}
        if not everything:
            return
        unfetched = []
        for obj in everything:
            if not hasattr(type(obj), "citations"):
                # Aliases are cited through their record's passages (see _quoted_by_parent).
                continue
            prefetched = getattr(obj, "_prefetched_objects_cache", {}).get("citations")
            if prefetched is None:
                # The API prefetches them into a plain list (Citation.objects.prefetch_for_api).
                prefetched = getattr(obj, PREFETCHED_FOR_API, None)
            if prefetched is None:
                unfetched.append(obj)
                continue
            self.citations[record_key(obj)] = [
                {"pk": c.pk, "field": c.field, "quote": c.quote, "language": _language(c)}
                for c in prefetched
            ]
        if unfetched:
            cited = Citation.objects.filter(about(unfetched)).order_by("pk")
            columns = ("pk", "content_type_id", "object_id", "field", "quote")
            for citation in cited.values(*columns, language=F("article__language")):
                key = (citation["content_type_id"], citation["object_id"])
                self.citations.setdefault(key, []).append(citation)
        self.bases, self.confirmations = notes_on_values(about(everything))
        self.names = RecordNames.of((type(obj), stored_values(obj)) for obj in everything)

    def of(self, obj, parent=None):
        """{field: FieldProvenance} for every factual field of ``obj`` that holds a value."""
        values = stored_values(obj)
        held = held_values(type(obj), values, self.names)
        parent_citations = None if parent is None else self.citations.get(record_key(parent), [])
        key = record_key(obj)
        return provenance_of(
            type(obj),
            held,
            self.citations.get(key, []),
            self.bases.get(key, {}),
            parent_citations,
            holding(type(obj), values, self.confirmations.get(key, {})),
        )

    def rows_with_parent(self, record):
        return [(row, record) for row in self.rows.get(record_key(record), [])]

    def values(self, record):
        """
        (label, record or row, field, FieldProvenance) of every value ``record`` and its rows
        hold; ``label`` is "" for the record's own values and names the row otherwise
        ("plant capacity “16 GWh/yr”").
        """
        for name, prov in self.of(record).items():
            yield "", record, name, prov
        for row, parent in self.rows_with_parent(record):
            label = f"{row._meta.verbose_name} “{row}”"
            for name, prov in self.of(row, parent).items():
                yield label, row, name, prov

    def unsupported(self, record):
        """
        The values of ``record`` and of its rows that have no basis, as readable labels:
        ["kind", "plant capacity “16 GWh/yr”: year"].
        """
        return [
            f"{label}: {name}" if label else name
            for label, _, name, prov in self.values(record)
            if prov.basis is None
        ]

    def not_stated(self, record):
        """
        The values of ``record`` and of its rows whose cited passage the machine reads as not
        stating them, no reviewer having overridden it, as readable lines naming the value, the
        passage and the reason.
        """
        return [
            f"{f'{label}: {name}' if label else name} = {shown(obj, name)}: citation {pk} "
            f"“{quote}” does not state it ({found.reason})"
            for label, obj, name, prov in self.values(record)
            for pk, quote, found in prov.blocking
        ]


@cache
def factual_columns(model):
    """
    ``[(field, attname)]`` of ``model``'s factual fields: the column a ``.values()`` row holds
    each in (a foreign key's id), None for a relation to many.
    """
    columns = []
    for name in model.factual_fields:
        field = model._meta.get_field(name)
        columns.append((name, None if field.many_to_many else field.attname))
    return tuple(columns)


def stored_values(obj):
    """
    {factual field: stored value} of a record or row instance (a list for a relation to many),
    with the columns checking them reads (``models.statements.context_columns``).
    """
    values = {
        name: (list(getattr(obj, name).all()) if obj.pk is not None else [])
        if attname is None
        else getattr(obj, attname)
        for name, attname in factual_columns(type(obj))
    }
    values.update({column: getattr(obj, column) for column in context_columns(type(obj))})
    return values


def held_values(model, values, names=None):
    """
    The factual ``values`` ({field: stored value}, with their context columns) that hold a
    value, each mapped to what the statement checker is given for it (None: nothing it can
    read): what ``provenance_of`` reads. ``names``: the ``RecordNames`` of referred records.
    """
    names = names if names is not None else RecordNames()
    return {
        name: checkable(model, name, values, names)
        for name in model.factual_fields
        if name in values
        and (values[name] if isinstance(values[name], list) else is_held(values[name]))
    }


def is_held(value):
    """Whether a stored value is a value (empty and "not stated" are none; see holds_value)."""
    return value not in (None, "", NOT_STATED)


def provenance_of(model, held, citations, bases, parent_citations=None, confirmations=None):
    """
    {field: FieldProvenance} of a row of ``model``: ``held`` maps each factual field that holds a
    value to what the checker is given for it (``held_values``); ``citations`` are the row's own
    ({"pk", "field", "quote", "language"}), ``bases`` its entries by field ({"basis", "note"}),
    ``parent_citations`` those of the record it belongs to (None: it belongs to none),
    ``confirmations`` the reviewers' confirmations that hold for its values, by field
    (``confirmations.holding``).
    The one home of the rules, for rows loaded as models (ProvenanceIndex) or as values (the API).
    """
    result = {}
    for name, value in held.items():
        own = [c for c in citations if c["field"] == name]
        whole_row = [c for c in citations if c["field"] == ""]
        entry = bases.get(name)
        if entry is not None:
            # An inference is drawn from the row's passages: those naming the field, else those
            # about the whole row. General knowledge comes from none of them.
            drawn_from = (own or whole_row) if entry["basis"] == Basis.INFERRED else own
            result[name] = FieldProvenance(entry["basis"], _pks(drawn_from), entry["note"])
            continue
        # A passage about the whole row states only what the checker finds in it.
        confirmed = _confirmed(value, whole_row)
        if not (own or confirmed):
            confirmed = _stated_by_record(model, name, value, citations, parent_citations)
        result[name] = _stated(value, own + confirmed, (confirmations or {}).get(name))
    return result


def _stated(value, supporting, confirmation=None):
    """
    The provenance of a value ``supporting`` passages state (none: it has no basis), which a
    reviewer may have confirmed (``confirmation``): that counts where the machine finds no
    passage stating the value, and overrides one it reads as not stating it only with a note.
    """
    if not supporting:
        return FieldProvenance(None)
    verdicts = tuple((c["pk"], c["quote"], verdict(value, c)) for c in supporting)
    machine = any(found.stated for _, _, found in verdicts)
    refuted = any(found.status == VERDICT_NOT_STATED for _, _, found in verdicts)
    if confirmation is not None and refuted and not confirmation["note"].strip():
        confirmation = None  # a confirmation without a note overrides no machine "not stated"
    checked = "machine" if machine else ("reviewer" if confirmation is not None else None)
    return FieldProvenance(
        Basis.STATED,
        _pks(supporting),
        checked=checked,
        verdicts=verdicts,
        confirmation=confirmation,
    )


def _confirmed(value, citations):
    """The ``citations`` in which the checker finds ``value`` stated."""
    return [c for c in citations if value is not None and verdict(value, c).stated]


def _pks(citations):
    return tuple(dict.fromkeys(c["pk"] for c in citations))


def stated_by_its_record(row):
    """
    Whether every value ``row`` holds may be stated by a passage about its whole record (an
    agreement's parties by "Renault et Verkor ont annoncé ..."): such a row needs no citation of
    its own, unlike a volume, whose figure only a passage cited for it states.
    """
    return set(row.factual_fields) <= set(getattr(row, "stated_by_record_citations", ()))


def _stated_by_record(model, name, value, citations, parent_citations):
    """
    Passages that state a value without naming it, where the checker finds it: a name printed
    in any passage of the record (``stated_when_quoted``: "le Losange" where a source calls
    Renault Group that), and a row's values in a passage about its whole record
    (``stated_by_record_citations``: "Renault et Verkor ont annoncé ..." names the parties).
    """
    if name in getattr(model, "stated_when_quoted", ()):
        return _confirmed(value, citations + (parent_citations or []))
    if parent_citations is not None and name in getattr(model, "stated_by_record_citations", ()):
        return _confirmed(value, [c for c in parent_citations if c["field"] == ""])
    return []


def about(objects):
    """A filter on generic relations (citations, value bases) matching any of ``objects``."""
    pairs = {}
    for obj in objects:
        pairs.setdefault(ContentType.objects.get_for_model(obj).pk, set()).add(obj.pk)
    return reduce(
        operator.or_, (Q(content_type_id=ct, object_id__in=pks) for ct, pks in pairs.items())
    )


def _language(citation):
    """The language of a fetched citation's article, if the article was fetched with it."""
    article = citation._state.fields_cache.get("article")
    return article.language if article is not None else None


def record_key(obj):
    return (ContentType.objects.get_for_model(obj).pk, obj.pk)


def refuse_unsupported_verification(record):
    """
    Raise a ValidationError naming the values of ``record`` that have no basis, and those whose
    cited passage the machine reads as not stating them (no reviewer having overridden it), if
    any.
    """
    not_stated = []
    if record.pk is None:
        # Nothing can cite a record before it exists.
        missing = [name for name in record.factual_fields if holds_value(record, name)]
    else:
        index = ProvenanceIndex([record])
        missing, not_stated = index.unsupported(record), index.not_stated(record)
    problems = []
    if missing:
        problems.append(
            "no cited passage states, and no note marks as inferred or general knowledge, these "
            "values: " + "; ".join(missing)
        )
    if not_stated:
        problems.append(
            "the machine reads these values' passages as not stating them (cite a passage that "
            "does, or have a reviewer override it with a note): " + "; ".join(not_stated)
        )
    if problems:
        raise ValidationError({"review_status": "Cannot mark verified: " + "; and ".join(problems)})


def shown(obj, name):
    """A stored value as readers see it: a choice's label, a related record's name."""
    if obj._meta.get_field(name).many_to_many:
        return "“" + ", ".join(str(related) for related in getattr(obj, name).all()) + "”"
    display = getattr(obj, f"get_{name}_display", None)
    return f"“{display() if display else getattr(obj, name)}”"
