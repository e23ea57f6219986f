"""
``GET /api/v1/companies/<id or slug>/network/?depth=&kind=``: the companies and plants within
``depth`` steps of a company and the ties between them, each tie with the passages that state it
(``sourcing.network`` builds it).
"""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import Company
from ..network import KINDS, MAX_DEPTH, MAX_NODES, company_network
from . import params, renderers
from .filter_types import resolve_companies
from .schema import BAD_REQUEST, TIMED_OUT, NotFoundSerializer
from .statement_timeout import StatementTimeoutMixin
from .visibility import visible


class KindsField(forms.CharField):
    """``kind=stake,agreement``: the kinds of tie to follow, each one of KINDS, once."""

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return []
        kinds = text.split(",")
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            raise forms.ValidationError(
                f"Unknown kind of tie {', '.join(map(repr, unknown))}: use {', '.join(KINDS)}, "
                "separated by commas."
            )
        return list(dict.fromkeys(kinds))


class NetworkQueryForm(forms.Form):
    depth = params.PlainIntegerField(min_value=1, max_value=MAX_DEPTH, required=False)
    kind = KindsField(required=False, max_length=100)
    format = forms.ChoiceField(choices=[("json", "json")], required=False)


class CitedPassageSerializer(serializers.Serializer):
    quote = serializers.CharField()
    article = serializers.JSONField(help_text="The cited article: id, api_url, title, date…")
    source_url = serializers.URLField(help_text="The passage highlighted in the source view.")


class NodeSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="“company:12” or “plant:3”.")
    type = serializers.ChoiceField(["company", "plant"])
    name = serializers.CharField()
    api_url = serializers.URLField()
    page_url = serializers.URLField(help_text="The record's public page.")


class EdgeSerializer(serializers.Serializer):
    id = serializers.CharField()
    source = serializers.CharField(help_text="A node id.")
    target = serializers.CharField(help_text="A node id.")
    kind = serializers.ChoiceField(["stake", "agreement", "operates", "parent"])
    label = serializers.CharField()
    record = serializers.URLField(help_text="The API URL of the record stating the tie.")
    citations = CitedPassageSerializer(many=True)


class NetworkSerializer(serializers.Serializer):
    nodes = NodeSerializer(many=True)
    edges = EdgeSerializer(many=True)
    truncated = serializers.BooleanField(
        help_text=f"True when the network was cut at {MAX_NODES} nodes (or a step read more "
        "ties than it may): narrow it with a smaller depth or fewer kinds."
    )


class NetworkView(StatementTimeoutMixin, renderers.JSONErrorsMixin, APIView):
    renderer_classes = [renderers.FastJSONRenderer]

    @extend_schema(
        operation_id="companies_network",
        tags=["companies"],
        summary="The network around a company",
        description="Companies and plants within `depth` steps of the company, and the ties "
        "between them (stakes, agreements, plants operated, parent companies), each tie with "
        f"the passages that state it. At most {MAX_NODES} nodes (`truncated` says when the cap "
        "was reached). Only records the reader may see.",
        parameters=[
            OpenApiParameter(
                "ref",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="The company's id or slug.",
            ),
            OpenApiParameter(
                "depth",
                OpenApiTypes.INT,
                description=f"Steps from the company, 1 to {MAX_DEPTH}; default 1.",
            ),
            OpenApiParameter(
                "kind",
                OpenApiTypes.STR,
                description="The kinds of tie to follow, separated by commas: "
                f"{', '.join(KINDS)} (plant: the plants a company operates). Default: all.",
            ),
        ],
        responses={
            200: NetworkSerializer,
            400: BAD_REQUEST,
            404: OpenApiResponse(NotFoundSerializer, description="No such company."),
            503: TIMED_OUT,
        },
    )
    def get(self, request, ref):
        form = NetworkQueryForm(request.query_params)
        params.check_query_string(request.query_params, known=set(form.fields))
        if not form.is_valid():
            raise ValidationError(form.errors)
        companies = visible(Company.objects.all(), request.user)
        try:
            params.ReferenceField().clean(ref)  # no NUL, no padding, not overlong
            company = resolve_companies(companies, [ref])[0]
        except forms.ValidationError:
            raise NotFound() from None
        depth = form.cleaned_data["depth"] or 1
        kinds = form.cleaned_data["kind"] or KINDS
        return Response(company_network(company, request.user, request, depth, kinds))
