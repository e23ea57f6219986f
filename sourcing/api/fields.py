"""
The field types of the API's serializers: record links, partial dates and their precision, URIs,
optional text, the provenance of a record or row, and which fields a serializer builds from its
model (``built_fields``: what the agreement writer and the CSV columns write as stored).
"""

import re
from functools import cache
from urllib.parse import urlsplit, urlunsplit

from django.utils.encoding import iri_to_uri
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import DatePrecision, ProvenanceIndex
from .nested_rows import origin, record_path


@cache
def built_fields(serializer_class):
    """
    The names of the fields ``serializer_class`` builds from its model: those not declared on
    it (nor on its bases), in its order. Each is the model field's value as stored.
    """
    declared = serializer_class._declared_fields
    return tuple(name for name in serializer_class().fields if name not in declared)


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


class RecordLinkField(serializers.HyperlinkedIdentityField):
    """
    The API URL of a record, the same whatever format the listing was asked in: DRF's
    hyperlinked fields repeat the request's ``?format=``, so ``?format=csv`` would give every
    record a second, CSV-only URL. (Pagination links keep the format: they are the same listing.)
    """

    def get_url(self, obj, view_name, request, format):
        lookup_value = getattr(obj, self.lookup_field)
        if lookup_value in (None, ""):
            return None
        return origin(request) + record_path(view_name, lookup_value, self.lookup_url_kwarg)


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
        "example": "2023-04",
        "description": "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only as precise as the source; "
        "null when unknown.",
    }
)
class PartialDateField(serializers.ReadOnlyField):
    """A date as precise as its source ("2021", "2021-06", "2021-06-28"), or null."""

    def to_representation(self, value):
        return value or None


class PrecisionField(serializers.ChoiceField):
    """The precision of a partial date; null exactly when the date is unknown."""

    def __init__(self, **kwargs):
        super().__init__(choices=DatePrecision.choices, allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


LONE_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")


def as_uri(iri):
    """
    ``iri`` written as a URI (RFC 3986: ASCII only), as the schema's ``format: uri`` promises:
    an internationalised host in punycode, other non-ASCII characters and spaces percent-encoded
    as UTF-8. Editors paste addresses as browsers show them ("https://exemple.fr/électrique").
    """
    parts = urlsplit(iri)
    host = parts.hostname or ""
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:  # not a valid domain name: percent-encoded below like the rest
            ascii_host = host
        parts = parts._replace(netloc=parts.netloc.replace(host, ascii_host))
    # iri_to_uri keeps "%" (an IRI may hold escapes already): a lone one is escaped here.
    return LONE_PERCENT.sub("%25", iri_to_uri(urlunsplit(parts)))


# "" when no address was recorded, which is no URI: the schema says both.
@extend_schema_field({"type": "string", "anyOf": [{"format": "uri"}, {"maxLength": 0}]})
class UriField(serializers.ReadOnlyField):
    """A stored web address, as a valid URI ("" when none was recorded)."""

    def to_representation(self, value):
        return as_uri(value) if value else value


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice stored as "" where it does not apply (a plant figure's scope): null in the API."""

    def __init__(self, choices, **kwargs):
        super().__init__(choices=choices, allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


@extend_schema_field({"type": "string", "nullable": True})
class BlankAsNullField(serializers.ReadOnlyField):
    """Optional text stored as "" (a country, a cited field): null in the API when absent."""

    def to_representation(self, value):
        return value or None


# -- Provenance -----------------------------------------------------------------------------------

PROVENANCE_SCHEMA = {
    "type": "object",
    "description": "Why each value is held, for every factual field that holds a value (empty "
    "fields and “not stated” choices are left out). `stated`: the `citations` (ids in "
    "`citations`) state it; `inferred`: reasoned from stated facts, `note` says how, `citations` "
    "are the passages it is reasoned from; `general_knowledge`: no source here states it, `note` "
    "says why it is held. `null` only on a draft whose value has no basis yet. `checked`, for a "
    "stated value: `machine` when the statement checker finds the value in a cited passage (the "
    "company named, the figure with its bound, the date at its precision...), `reviewer` when a "
    "reviewer confirmed what the machine cannot tell, `null` when neither has.",
    "additionalProperties": {
        "type": "object",
        "properties": {
            "basis": {
                "type": "string",
                "enum": ["stated", "inferred", "general_knowledge"],
                "nullable": True,
            },
            "citations": {"type": "array", "items": {"type": "integer"}},
            "note": {"type": "string"},
            "checked": {"type": "string", "enum": ["machine", "reviewer"], "nullable": True},
        },
        "required": ["basis", "citations", "note", "checked"],
    },
    "example": {
        "status": {
            "basis": "inferred",
            "citations": [12],
            "note": "“dont l'implantation est en cours” read as under construction.",
            "checked": None,
        },
        "city": {"basis": "stated", "citations": [12], "note": "", "checked": "machine"},
    },
}


@extend_schema_field(PROVENANCE_SCHEMA)
class ProvenanceField(serializers.Field):
    """
    The provenance of the record or row being serialized. The first use in a response works it
    out for every record of the response and their rows at once (two queries, whatever the page
    size), from the instance the response serializes.
    """

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        index, parents = self._index(obj)
        return {
            name: provenance.as_dict()
            for name, provenance in index.of(obj, parents.get(row_key(obj))).items()
        }

    def _index(self, obj):
        context = self.root._context if hasattr(self.root, "_context") else {}
        cached = context.get("provenance_index")
        if cached is not None and row_key(obj) in cached[2]:
            return cached[0], cached[1]
        instance = self.root.instance
        many = isinstance(instance, list | tuple) or hasattr(instance, "model")
        records = list(instance) if many else [instance]
        if row_key(obj) not in {row_key(record) for record in records}:
            records.append(obj)
        index = ProvenanceIndex(records)
        parents = {
            row_key(row): record for record in records for row, _ in index.rows_with_parent(record)
        }
        known = set(index.keys)
        context["provenance_index"] = (index, parents, known)
        return index, parents


def row_key(obj):
    return (type(obj), obj.pk)


class ProvenanceMixin(serializers.Serializer):
    """Adds ``provenance`` to a record's or row's fields."""

    provenance = ProvenanceField()

    def get_field_names(self, declared_fields, info):
        return [*super().get_field_names(declared_fields, info), "provenance"]
