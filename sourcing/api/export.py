"""
The bulk export: every record of a resource the reader may see, in its detail representation,
streamed as JSON Lines or CSV with memory flat in the number of records.

Every record appears in the export and the change feed (``feed``) in its detail representation,
built by the resource's own viewset (its queryset, visibility rules and serializer), so that
replaying the feed from the start gives exactly what the export gives.
"""

import csv
import io
import itertools

from django.http import StreamingHttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.gzip import gzip_page
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from . import renderers
from .resources import resource_named
from .statement_timeout import StatementTimeoutMixin, statement_timeout

JSON = renderers.FastJSONRenderer()

# Records serialized together: one round of prefetch queries per chunk, memory flat in the total.
EXPORT_CHUNK = 200


def representations(viewset, records):
    """The detail representation of ``records`` as ``viewset`` publishes them."""
    serializer_class = viewset.get_serializer_class()
    context = viewset.get_serializer_context()
    # The records are set, not passed: DRF keeps the arguments a serializer was made with, and
    # a serializer and its fields refer to each other, so it lives until the garbage collector
    # finds the cycle. What it holds (the records, the provenance index in its context) goes at
    # the end instead, or the export's memory grew with the chunks streamed before a collection.
    serializer = serializer_class(many=True, context=context)
    serializer.instance = records  # what ProvenanceField indexes
    try:
        return serializer.to_representation(records)  # not .data, a list that refers back
    finally:
        serializer.instance = None
        context.clear()


@method_decorator(gzip_page, name="dispatch")
class ExportView(StatementTimeoutMixin, renderers.JSONErrorsMixin, APIView):
    """
    Every record of a resource the reader may see, in the detail representation, one JSON object
    per line (JSON Lines), by id; ``?format=csv`` gives the list's CSV. The list filters apply.
    Streamed in chunks read by id; compressed when the client accepts gzip.
    """

    # JSON first, so that errors answer ``Accept: */*`` in JSON; JSON Lines for a client asking
    # for the stream's own media type.
    renderer_classes = [
        renderers.FastJSONRenderer,
        renderers.JSONLinesRenderer,
        renderers.CSVRenderer,
    ]
    # What the list reads that the export has no use for: refused, not silently ignored.
    NOT_READ = {"ordering": "is always by id"}

    @extend_schema(
        operation_id="export_resource",
        parameters=[
            OpenApiParameter("resource", OpenApiTypes.STR, OpenApiParameter.PATH),
            OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"]),
        ],
        responses={
            (200, "application/x-ndjson"): OpenApiResponse(
                OpenApiTypes.STR, description="One detail representation per line, by id."
            ),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
            404: OpenApiResponse(description="No such resource."),
        },
    )
    def get(self, request, resource):
        viewset = resource_named(resource).viewset_for(request, "list")
        viewset.renderer_classes = self.renderer_classes  # negotiated against the export's types
        viewset.initial(request)  # the list's parameter checks: unknown, empty, repeated, NUL
        not_read = {
            **dict.fromkeys(viewset.pagination_class.query_parameters, "is not paginated"),
            **self.NOT_READ,
        }
        for name, why in not_read.items():
            if name in request.query_params:
                raise ValidationError({name: [f"The export {why}: leave this out."]})
        records = viewset.filter_queryset(viewset.get_queryset()).order_by("pk")
        columns = renderers.csv_columns(viewset)  # the list's
        viewset.action = "retrieve"  # each line is the record's detail representation
        if request.accepted_renderer.format == "csv":
            lines, content_type = csv_lines(viewset, records, columns), "text/csv; charset=utf-8"
        else:
            lines, content_type = json_lines(viewset, records), "application/x-ndjson"
        # The first piece is written here, under the view's statement timeout, so that a filter
        # too costly to answer is a 503 rather than a stream cut short; the rest is streamed, each
        # statement under the same limit.
        first = [piece for piece in [next(lines, None)] if piece is not None]
        response = StreamingHttpResponse(
            itertools.chain(first, limited(lines)), content_type=content_type
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{resource}.{"csv" if "csv" in content_type else "jsonl"}"'
        )
        return response


def limited(pieces):
    """``pieces``, each produced under the statement timeout (the stream outlives the view)."""
    while True:
        with statement_timeout():
            piece = next(pieces, None)
        if piece is None:
            return
        yield piece


def chunks(records):
    """
    Lists of at most EXPORT_CHUNK of ``records`` (ordered by id), each read by its own keyset
    query (ids after the last one sent). No cursor or transaction is held open between chunks,
    so every statement runs under the statement timeout and a slow client holds nothing in the
    database. A caller that drops each chunk before asking for the next (``del``) holds one chunk
    at a time, not two.
    """
    last = None
    while True:
        page = records if last is None else records.filter(pk__gt=last)
        chunk = list(page[:EXPORT_CHUNK])
        if not chunk:
            return
        last, complete = chunk[-1].pk, len(chunk) == EXPORT_CHUNK
        yield chunk
        del chunk
        if not complete:
            return


def json_lines(viewset, records):
    for chunk in chunks(records):
        lines = b"".join(JSON.render(item) + b"\n" for item in representations(viewset, chunk))
        del chunk
        yield lines


def csv_lines(viewset, records, columns):
    """The CSV header, then the rows of each chunk (the header alone when there are none)."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(columns)
    yielded = False
    for chunk in chunks(records):
        rows = representations(viewset, chunk)
        writer.writerows(renderers.csv_row(record, columns) for record in rows)
        del chunk
        yield output.getvalue()
        yielded = True
        output.seek(0)
        output.truncate()
    if not yielded:
        yield output.getvalue()
