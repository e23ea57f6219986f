"""
The change feed: ``/api/v1/changes/?after=<seq>`` lists the committed changes in commit order,
each with the record's current detail representation (the export's, see ``export``) or as a
deletion for a reader who may no longer see it. Replaying it from the start rebuilds the export.
"""

from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import Change, ChangeFeedHorizon
from ..models.changes import number_own_changes
from ..models.curation import sees_drafts
from . import params, renderers
from .export import representations
from .resources import BY_PREFIX
from .statement_timeout import StatementTimeoutMixin
from .visibility import visible

FEED_PAGE_SIZE = 100
FEED_MAX_PAGE_SIZE = 1000


class ChangesQueryForm(forms.Form):
    after = params.PlainIntegerField(min_value=0, max_value=params.MAX_ID, required=False)
    resource = forms.ChoiceField(required=False)
    page_size = params.PlainIntegerField(min_value=1, max_value=params.MAX_ID, required=False)
    format = forms.ChoiceField(choices=[("json", "json")], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource"].choices = [(name, name) for name in BY_PREFIX]


class ChangeSerializer(serializers.Serializer):
    """Documentation of one entry of the feed."""

    seq = serializers.IntegerField()
    resource = serializers.CharField()
    id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["upsert", "delete"])
    at = serializers.DateTimeField()
    record = serializers.JSONField(
        allow_null=True, help_text="The detail representation for an upsert; null for a delete."
    )


class ChangePageSerializer(serializers.Serializer):
    results = ChangeSerializer(many=True)
    next = serializers.URLField(allow_null=True)
    last_seq = serializers.IntegerField()


def readers_changes(request):
    """The log rows ``request``'s reader may be told of (``ChangeQuerySet.seen_by``)."""
    return Change.objects.seen_by(sees_drafts(request.user))


class ChangesView(StatementTimeoutMixin, renderers.JSONErrorsMixin, APIView):
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
        query = self.parameters(request)
        number_own_changes()
        after = query["after"] or 0
        horizon = ChangeFeedHorizon.current()
        if after and after < horizon:
            # A plain response: an exception's detail would turn last_seq into a string.
            return Response(
                {
                    "detail": f"Changes after {after} are no longer all kept (the feed reaches "
                    f"back to {horizon}). Take the export of every resource "
                    "(/api/v1/export/<resource>/), then poll from the last_seq given here.",
                    "last_seq": self.last_seq(request),
                },
                status=410,
            )
        size = min(query["page_size"] or FEED_PAGE_SIZE, FEED_MAX_PAGE_SIZE)
        changes = readers_changes(request).published().filter(seq__gt=after)
        if query["resource"]:
            changes = changes.filter(resource=query["resource"])
        page = list(changes[: size + 1])
        if not page:
            self.refuse_unknown_seq(request, after, horizon)
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

    def refuse_unknown_seq(self, request, after, horizon):
        """
        A 400 for an ``after`` no change has reached: echoed back as ``last_seq``, a mistyped
        number, or one kept from before the database was restored, would skip every change up to
        it without a word.
        """
        newest = self.last_seq(request)
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
    def last_seq(request):
        changes = readers_changes(request).published().order_by("-seq")
        return changes.values_list("seq", flat=True).first() or 0

    @staticmethod
    def entries(request, page):
        """One entry per change, each record loaded and serialized with its resource's others."""
        by_resource = {}
        for change in page:
            by_resource.setdefault(change.resource, []).append(change.record_id)
        current = {}
        page = [change for change in page if change.resource in BY_PREFIX]
        for resource, ids in by_resource.items():
            if resource not in BY_PREFIX:
                continue  # logged for a resource this version of the API does not publish
            viewset = BY_PREFIX[resource].viewset_for(request, "retrieve")
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
