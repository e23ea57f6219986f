"""
``GET /api/v1/articles/<id>/suggestions/``: the suggestions for one article, for signed-in staff.
Anyone else is told 404, as for any hidden thing, so the endpoint does not reveal itself.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import Article, DatePrecision, QuantityQualifier
from ..models.curation import sees_drafts
from ..suggestions.engine import suggest
from . import params, renderers
from .schema import NotFoundSerializer
from .statement_timeout import StatementTimeoutMixin


class RecordReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(allow_null=True, help_text="Companies only; null for plants.")
    name = serializers.CharField()


class MentionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(["company", "plant", "candidate_company", "quantity", "date"])
    start = serializers.IntegerField(help_text="Offset into the article body.")
    end = serializers.IntegerField(help_text="body[start:end] == text.")
    text = serializers.CharField()
    record = RecordReferenceSerializer(allow_null=True, help_text="The known record named.")
    value = serializers.FloatField(allow_null=True, help_text="A figure's value, scaled.")
    unit = serializers.ChoiceField(
        ["GWh", "GWh/yr", "GW", "%", "EUR", "USD", "jobs"], allow_null=True
    )
    # The model's choices, so the schema shares one enum with the capacities' qualifier.
    qualifier = serializers.ChoiceField(QuantityQualifier.choices, allow_null=True)
    year = serializers.IntegerField(allow_null=True, help_text="The year the clause binds.")
    date = serializers.CharField(allow_null=True, help_text="YYYY, YYYY-MM or YYYY-MM-DD.")
    precision = serializers.ChoiceField(DatePrecision.choices, allow_null=True)


class ProposalSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        [
            "stake",
            "agreement",
            "plant_capacity",
            "plant_milestone",
            "plant_figure",
            "plant",
            "company",
            "alias",
            "non_editorial",
        ]
    )
    fields = serializers.DictField(
        help_text="The record's fields under the API's names; companies by slug when known, "
        "by proposed name otherwise."
    )
    quote = serializers.CharField(help_text="The sentence or clause stating it, as published.")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    exists = serializers.BooleanField(help_text="The same fact is already cited from this article.")


class SuggestionsSerializer(serializers.Serializer):
    article = serializers.IntegerField()
    mentions = MentionSerializer(many=True)
    proposals = ProposalSerializer(many=True)


class ArticleSuggestionsView(StatementTimeoutMixin, renderers.JSONErrorsMixin, APIView):
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="articles_suggestions",
        tags=["articles"],
        summary="Suggestions for curating an article (staff only)",
        description="Known companies and plants, candidate companies, figures with unit, "
        "qualifier and year, and dates the article mentions, and the records an editor could "
        "make from them, each with its passage. Signed-in staff only: anyone else gets 404.",
        responses={
            200: SuggestionsSerializer,
            404: OpenApiResponse(
                NotFoundSerializer, description="No such article, or not signed in as staff."
            ),
        },
    )
    def get(self, request, pk):
        params.check_query_string(request.query_params, known={"format"})
        if not sees_drafts(request.user) or pk > params.MAX_ID:
            raise NotFound()
        article = Article.objects.filter(pk=pk).first()
        if article is None:
            raise NotFound()
        return Response(suggest(article))
