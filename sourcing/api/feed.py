"""
Keeping a full copy current: the streamed bulk export of each resource, the change feed, and the
validators (ETag, Last-Modified) that let a consumer re-ask for a list or a record cheaply.

Every record appears in the export and the feed in its detail representation, built by the
resource's own viewset (its queryset, visibility rules and serializer), so that replaying the feed
from the start gives exactly what the export gives.
"""

import csv
import io
import itertools

from django import forms
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.http import http_date, urlencode
from django.views.decorators.gzip import gzip_page
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import Change, ChangeFeedHorizon
from ..models.changes import number_own_changes
from ..models.curation import sees_drafts
from . import params, renderers
from .visibility import visible

JSON = renderers.FastJSONRenderer()

# Records serialized together: one round of prefetch queries per chunk, memory flat in the total.
EXPORT_CHUNK = 200
FEED_PAGE_SIZE = 100
FEED_MAX_PAGE_SIZE = 1000


def resource_viewsets():
    """Router prefix -> viewset class of every published resource."""
    from .urls import router  # the router imports the views, which import this module

    return {prefix: viewset for prefix, viewset, _ in router.registry}


def viewset_for(resource, request, action):
    viewset_class = resource_viewsets().get(resource)
    if viewset_class is None:
        raise NotFound()
    viewset = viewset_class(request=request, format_kwarg=None, action=action, kwargs={})
    viewset.headers = {}
    return viewset


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


def to_json(data):
    """One record as the API writes it (compact UTF-8 JSON, by orjson)."""
    return JSON.render(data)


# -- Conditional GET ------------------------------------------------------------------------------


class ConditionalGetMixin:
    """
    ``ETag`` and ``Last-Modified`` on lists and details, from the change feed's log: a list changes
    when any record of its resource (or shown in one) changes, a record when it does. The tag also
    depends on who reads (anonymous readers and staff see different records) and on the URL.
    """

    def validators(self, pk=None):
        number_own_changes()
        changes = Change.objects.filter(resource=self.basename_resource())
        if pk is not None:
            changes = changes.filter(record_id=pk)
        latest = changes.latest_published()
        if latest is None:
            return None, None
        reader = "staff" if sees_drafts(self.request.user) else "public"
        accept = self.request.META.get("HTTP_ACCEPT", "")
        url_key = f"{self.request.get_full_path()}|{accept}"
        tag = f'W/"{latest["seq"]}-{reader}-{abs(hash_text(url_key)):x}"'
        return tag, latest["at"]

    def basename_resource(self):
        for prefix, viewset in resource_viewsets().items():
            if isinstance(self, viewset):
                return prefix
        return None

    def conditional(self, handler, request, record_id, *args, **kwargs):
        etag, last_modified = self.validators(record_id)
        if etag is not None:
            timestamp = int(last_modified.timestamp())
            not_modified = get_conditional_response(
                request._request, etag=etag, last_modified=timestamp
            )
            if not_modified is not None:
                patch_vary_headers(not_modified, ["Accept", "Cookie"])
                return not_modified
        response = handler(request, *args, **kwargs)
        if etag is not None and response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(int(last_modified.timestamp()))
            patch_vary_headers(response, ["Accept", "Cookie"])
        return response

    def list(self, request, *args, **kwargs):
        return self.conditional(super().list, request, None, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        pk = params.parse_id(kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        return self.conditional(super().retrieve, request, pk, *args, **kwargs)


def hash_text(text):
    """A hash stable across processes (``hash()`` of a str is salted per process)."""
    import zlib

    return zlib.crc32(text.encode("utf-8"))


# -- Bulk export ----------------------------------------------------------------------------------


@method_decorator(gzip_page, name="dispatch")
class ExportView(renderers.JSONErrorsMixin, APIView):
    """
    Every record of a resource the reader may see, in the detail representation, one JSON object
    per line (JSON Lines), by id; ``?format=csv`` gives the list's CSV. The list filters apply.
    Streamed in chunks from a server-side cursor; compressed when the client accepts gzip.
    """

    # JSON first, so that errors answer ``Accept: */*`` in JSON; JSON Lines for a client asking
    # for the stream's own media type.
    renderer_classes = [
        renderers.FastJSONRenderer,
        renderers.JSONLinesRenderer,
        renderers.CSVRenderer,
    ]

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
        viewset = viewset_for(resource, request, "list")
        viewset.renderer_classes = self.renderer_classes  # negotiated against the export's types
        viewset.initial(request)  # the list's parameter checks: unknown, empty, repeated, NUL
        # What the list reads that the export has no use for: refused, not silently ignored.
        not_read = {
            **dict.fromkeys(viewset.pagination_class.query_parameters, "is not paginated"),
            "ordering": "is always by id",
        }
        for name, why in not_read.items():
            if name in request.query_params:
                raise ValidationError({name: [f"The export {why}: leave this out."]})
        records = viewset.filter_queryset(viewset.get_queryset()).order_by("pk")
        viewset.action = "retrieve"  # each line is the record's detail representation
        if request.accepted_renderer.format == "csv":
            lines, content_type = csv_lines(viewset, records), "text/csv; charset=utf-8"
        else:
            lines, content_type = json_lines(viewset, records), "application/x-ndjson"
        response = StreamingHttpResponse(lines, content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{resource}.{"csv" if "csv" in content_type else "jsonl"}"'
        )
        return response


def chunks(records):
    """
    Lists of at most EXPORT_CHUNK records from a server-side cursor. A caller that drops each
    chunk before asking for the next (``del``) holds one chunk at a time, not two.
    """
    iterator = records.iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(itertools.islice(iterator, EXPORT_CHUNK)):
        yield chunk
        del chunk


def json_lines(viewset, records):
    for chunk in chunks(records):
        lines = b"".join(to_json(item) + b"\n" for item in representations(viewset, chunk))
        del chunk
        yield lines


def csv_lines(viewset, records):
    columns = viewset.csv_columns
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(columns)
    for chunk in chunks(records):
        for record in representations(viewset, chunk):
            writer.writerow(
                renderers.cell(
                    source(record) if callable(source) else renderers.value_at(record, source)
                )
                for source in columns.values()
            )
        del chunk
        yield output.getvalue()
        output.seek(0)
        output.truncate()
    yield output.getvalue()


# -- Change feed ----------------------------------------------------------------------------------


class ChangesQueryForm(forms.Form):
    after = params.PlainIntegerField(min_value=0, max_value=params.MAX_ID, required=False)
    resource = forms.ChoiceField(required=False)
    page_size = params.PlainIntegerField(min_value=1, max_value=params.MAX_ID, required=False)
    format = forms.ChoiceField(choices=[("json", "json")], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource"].choices = [(name, name) for name in resource_viewsets()]


class ChangeSerializer(drf_serializers.Serializer):
    """Documentation of one entry of the feed."""

    seq = drf_serializers.IntegerField()
    resource = drf_serializers.CharField()
    id = drf_serializers.IntegerField()
    action = drf_serializers.ChoiceField(choices=["upsert", "delete"])
    at = drf_serializers.DateTimeField()
    record = drf_serializers.JSONField(
        allow_null=True, help_text="The detail representation for an upsert; null for a delete."
    )


class ChangePageSerializer(drf_serializers.Serializer):
    results = ChangeSerializer(many=True)
    next = drf_serializers.URLField(allow_null=True)
    last_seq = drf_serializers.IntegerField()


class ChangesView(APIView):
    """
    The committed changes after ``after``, in commit order. A record the reader may not see (or
    that was deleted) is a ``delete`` for them; otherwise an ``upsert`` with its current detail
    representation. Poll with ``after=<last_seq>``; follow ``next`` while it is not null.
    """

    renderer_classes = [renderers.FastJSONRenderer]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "after",
                OpenApiTypes.INT,
                description="The last `seq` already "
                "applied; 0 (the default) replays the whole feed.",
            ),
            OpenApiParameter(
                "resource",
                OpenApiTypes.STR,
                enum=None,
                description="Only the changes of this resource (`agreements`...).",
            ),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=f"Changes per page; default {FEED_PAGE_SIZE}, "
                f"capped at {FEED_MAX_PAGE_SIZE}.",
            ),
        ],
        responses={
            200: ChangePageSerializer,
            400: OpenApiResponse(description="Bad input, keyed by parameter."),
            410: OpenApiResponse(
                description="`after` is older than the feed reaches: take the export, then "
                "poll from the `last_seq` this answer gives."
            ),
        },
    )
    def get(self, request):
        params = self.parameters(request)
        number_own_changes()
        after = params["after"] or 0
        horizon = ChangeFeedHorizon.current()
        if after and after < horizon:
            # A plain response: an exception's detail would turn last_seq into a string.
            return Response(
                {
                    "detail": f"Changes after {after} are no longer all kept (the feed reaches "
                    f"back to {horizon}). Take the export of every resource "
                    "(/api/v1/export/<resource>/), then poll from the last_seq given here.",
                    "last_seq": self.last_seq(),
                },
                status=410,
            )
        size = min(params["page_size"] or FEED_PAGE_SIZE, FEED_MAX_PAGE_SIZE)
        changes = Change.objects.published().filter(seq__gt=after)
        if params["resource"]:
            changes = changes.filter(resource=params["resource"])
        page = list(changes[: size + 1])
        if not page:
            self.refuse_unknown_seq(after, horizon)
        more, page = len(page) > size, page[:size]
        last_seq = page[-1].seq if page else after
        next_url = None
        if more:
            query = {**request.query_params.dict(), "after": last_seq}
            next_url = request.build_absolute_uri(f"{reverse('api:changes')}?{urlencode(query)}")
        return Response(
            {"results": self.entries(request, page), "next": next_url, "last_seq": last_seq}
        )

    @staticmethod
    def parameters(request):
        form = ChangesQueryForm(request.query_params)
        params.check_query_string(request.query_params, known=set(form.fields))
        if not form.is_valid():
            raise ValidationError(form.errors)
        return form.cleaned_data

    def refuse_unknown_seq(self, after, horizon):
        """
        A 400 for an ``after`` no change has reached: echoed back as ``last_seq``, a mistyped
        number, or one kept from before the database was restored, would skip every change up to
        it without a word.
        """
        newest = self.last_seq()
        if after > max(newest, horizon):
            raise ValidationError(
                {
                    "after": [
                        f"No change has a number above {newest} yet. If your copy holds later "
                        "changes, it was taken from a database since restored to an earlier "
                        "state: take the export of every resource again, then poll from "
                        f"after={newest}."
                    ]
                }
            )

    @staticmethod
    def last_seq():
        return (
            Change.objects.published().order_by("-seq").values_list("seq", flat=True).first() or 0
        )

    @staticmethod
    def entries(request, page):
        """One entry per change, each record loaded and serialized with its resource's others."""
        by_resource = {}
        for change in page:
            by_resource.setdefault(change.resource, []).append(change.record_id)
        current = {}
        published = resource_viewsets()
        page = [change for change in page if change.resource in published]
        for resource, ids in by_resource.items():
            if resource not in published:
                continue  # logged for a resource this version of the API does not publish
            viewset = viewset_for(resource, request, "retrieve")
            records = visible(viewset.get_queryset(), request.user).filter(pk__in=ids)
            for data in representations(viewset, list(records)):
                current[resource, data["id"]] = data
        return [
            {
                "seq": change.seq,
                "resource": change.resource,
                "id": change.record_id,
                "action": "upsert" if (change.resource, change.record_id) in current else "delete",
                "at": change.at,
                "record": current.get((change.resource, change.record_id)),
            }
            for change in page
        ]
