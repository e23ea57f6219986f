"""
The read API's output formats: JSON written by orjson exactly as DRF writes it, and CSV, one row
per record with nested data flattened into readable cells.

A resource's CSV columns (``csv_columns``) are those its viewset declares (a header and either a
dotted path into the serialized record, "plant.name", or a function of the serialized record),
followed by every plain field its serializer builds from the model that no declared column
reads: a field added to a model and its serializer reaches the CSV without a change here.
"""

import csv
import io
import json
from decimal import Decimal
from operator import itemgetter

import orjson
from rest_framework import renderers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.utils.encoders import JSONEncoder

from .fields import built_fields
from .params import refuse_unknown_choice

# Spreadsheets run cells that start with these as formulas; a quote from a source must not.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
JSON_ENCODER = JSONEncoder()


def value_at(record, path):
    for key in path.split("."):
        if record is None:
            return None
        record = record.get(key)
    return record


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # "20", "5.5": as a reader writes them
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def citation_text(citation):
    """'Article title [start–end]: “quote”': enough to find the passage again."""
    where = f"{citation['article']['title']} [{citation['start']}–{citation['end']}]"
    field = f" ({citation['field']})" if citation.get("field") else ""
    return f"{where}{field}: “{citation['quote']}”"


def all_citations(record, *children):
    """The record's citations, then those of its nested rows labelled by the row."""
    texts = [citation_text(citation) for citation in record.get("citations", [])]
    for child in children:
        for row in record.get(child) or []:
            label = row.get("display") or " ".join(str(row[key]) for key in ("kind", "year"))
            texts += [f"[{label}] {citation_text(c)}" for c in row.get("citations", [])]
    return " | ".join(texts)


def citation_urls(record, *children):
    urls = [citation["source_url"] for citation in record.get("citations", [])]
    for child in children:
        for row in record.get(child) or []:
            urls += [citation["source_url"] for citation in row.get("citations", [])]
    return " | ".join(urls)


def provenance_text(record):
    """
    Why each value is held, the record's own and then its nested rows' labelled by the row:
    "kind: stated (citations 3, 4), checked by machine | role: stated (citations 5), checked by
    reviewer (reviewer's note: ...) | status: inferred (citations 12): note |
    [16 GWh/yr] year: …".
    """
    texts = _provenance_texts(record.get("provenance") or {})
    for value in record.values():
        if not isinstance(value, list):
            continue
        for row in value:
            if isinstance(row, dict) and row.get("provenance"):
                label = row.get("display") or row.get("name") or row.get("kind") or ""
                texts += [f"[{label}] {text}" for text in _provenance_texts(row["provenance"])]
    return " | ".join(texts)


def _provenance_texts(provenance):
    texts = []
    for name, why in provenance.items():
        basis = (why["basis"] or "no basis").replace("_", " ")
        cited = ", ".join(str(pk) for pk in why["citations"])
        text = f"{name}: {basis}" + (f" (citations {cited})" if cited else "")
        if why.get("checked"):
            text += f", checked by {why['checked']}"
        if why.get("confirmation_note"):
            text += f" (reviewer's note: {why['confirmation_note']})"
        texts.append(f"{text}: {why['note']}" if why["note"] else text)
    return texts


def csv_columns(view):
    """The CSV columns of ``view``'s records: {header: path or function}."""
    declared = dict(getattr(view, "csv_columns", None) or {})
    if hasattr(view, "get_serializer_class"):
        read = {
            *declared,
            *(path.split(".")[0] for path in declared.values() if isinstance(path, str)),
        }
        for name in built_fields(view.get_serializer_class()):
            if name not in read:
                declared[name] = name
    return declared


def csv_row(record, columns):
    """The cells of ``record`` (a serialized record) under ``columns``."""
    return [
        cell(source(record) if callable(source) else value_at(record, source))
        for source in columns.values()
    ]


def joined(key, text_of, separator="; "):
    """
    A column listing nested rows: ``joined("parties", "display")``, each row's ``display``, or
    ``joined("milestones", milestone_text)``, a function of the row.
    """
    if isinstance(text_of, str):
        text_of = itemgetter(text_of)
    return lambda record: separator.join(text_of(row) for row in record.get(key) or [])


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        columns = csv_columns(view) if view is not None else {}
        if isinstance(data, dict) and "results" in data:
            records = data["results"]
        elif isinstance(data, dict):
            records = [data]
        else:
            records = data or []
        if not columns:  # not a resource: nothing sensible to tabulate
            columns = {key: key for key in (records[0] if records else {})}
        output = io.StringIO()
        writer = csv.writer(output, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(csv_row(record, columns) for record in records)
        return output.getvalue().encode(self.charset)


class ContentNegotiation(DefaultContentNegotiation):
    """An unknown ``?format=`` is bad input (400 naming the parameter), not a missing page."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            # A view may offer a format under several media types (the schema's YAML and JSON).
            known = dict.fromkeys(renderer.format for renderer in renderers)
            refuse_unknown_choice(self.settings.URL_FORMAT_OVERRIDE, "format", known)
        return matching


def _json_fallback(value):
    """What orjson cannot write itself, written exactly as DRF's encoder and ``json`` write it."""
    return orjson.Fragment(
        json.dumps(JSON_ENCODER.default(value), ensure_ascii=False, allow_nan=False)
    )


class FastJSONRenderer(renderers.JSONRenderer):
    """
    DRF's compact UTF-8 JSON, byte for byte, written by orjson (several times faster on a page
    of records). Indented output, asked for through the media type, is left to DRF.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        renderer_context = renderer_context or {}
        if self.get_indent(accepted_media_type, renderer_context):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            text = orjson.dumps(
                data, default=_json_fallback, option=orjson.OPT_PASSTHROUGH_DATETIME
            )
        except orjson.JSONEncodeError:  # beyond orjson (an integer over 64 bits, a non-str key)
            return super().render(data, accepted_media_type, renderer_context)
        # As DRF does: the two line separators JSON allows raw but JavaScript does not.
        return text.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


class JSONErrorsMixin:
    """
    For API views: an error is JSON (``application/json``) whatever format was asked for. It has
    no rows for CSV and is no schema for the schema's YAML, and consumers parse one shape of
    error everywhere. This covers a refused ``?format=`` too, which DRF would otherwise answer
    in the view's first renderer.
    """

    def finalize_response(self, request, response, *args, **kwargs):
        # Exactly FastJSONRenderer: the export's JSON Lines renderer is one too, by inheritance.
        if response.status_code >= 400 and (
            type(getattr(request, "accepted_renderer", None)) is not FastJSONRenderer
        ):
            request.accepted_renderer = FastJSONRenderer()
            request.accepted_media_type = FastJSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


class JSONLinesRenderer(FastJSONRenderer):
    """
    The export's media type, for clients that ask for it by ``Accept``. Only negotiated: the
    export streams its lines itself, and its errors are JSON (``JSONErrorsMixin``).
    """

    media_type = "application/x-ndjson"
