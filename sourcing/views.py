"""
The read API (version 1) and the human-readable source view of each article.

What a reader may see is decided here once and used everywhere (lists, details, filters, the
source view): anonymous readers see verified records only, and a stake only when both companies
are visible too, since a stake in an unpublished company would publish it.
"""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import F, Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import JSONRenderer

from . import filters, renderers, serializers
from .highlighting import highlight_body
from .middleware import parameter_holding_nul
from .models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    Plant,
    PlantCapacity,
    PlantMilestone,
    Stake,
    ValueBasis,
    VehicleProgramme,
)
from .pagination import PageNumberPagination


def citations_with_articles():
    return Prefetch("citations", queryset=Citation.objects.select_related("article"))


def reject_nul_bytes(query_params):
    """
    NUL cannot be stored in PostgreSQL text and is never meaningful in a query string: refuse it
    in any parameter, including ones no filter reads, before anything else looks at them.
    """
    name = parameter_holding_nul(query_params)
    if name is not None:
        raise ValidationError({name: ["Null characters are not allowed."]})


def reject_empty_values(query_params):
    """
    ``?kind=`` filters nothing and names no page, format or ordering: a consumer who sends it
    has lost a value on the way (an unset variable), and answering the unfiltered list would
    hide that. Every parameter therefore needs a value; leave it out to not filter. A value of
    only whitespace (any Unicode space, ``?search=%C2%A0``) is as empty: the text fields strip
    it and would otherwise not filter.
    """
    empty = sorted(
        name for name, values in query_params.lists() if any(not value.strip() for value in values)
    )
    if empty:
        raise ValidationError(
            {name: ["Give this parameter a value, or leave it out."] for name in empty}
        )


def reject_repeated_parameters(query_params, repeatable):
    """
    ``?holder=a&holder=b`` would silently use the last value, which reads like "either company":
    a parameter that takes one value must be given once. ``repeatable`` ones (``party``) are
    the exception.
    """
    repeated = sorted(
        name for name, values in query_params.lists() if len(values) > 1 and name not in repeatable
    )
    if repeated:
        raise ValidationError(
            {name: ["Give this parameter once; it takes a single value."] for name in repeated}
        )


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="`csv` for one row per record with citations and nested rows flattened into "
    "readable cells (also chosen by `Accept: text/csv`). Default: JSON.",
)

# Errors are JSON whatever format was asked for (see ``ReadOnlyViewSet.finalize_response``).
BAD_REQUEST = OpenApiResponse(
    serializers.ParameterErrorsSerializer,
    description="Bad input: the body names each offending parameter (malformed, out of range, "
    "empty, repeated, unknown, an unknown company or record).",
)
ERROR_RESPONSES = {
    "list": {
        400: BAD_REQUEST,
        404: OpenApiResponse(serializers.NotFoundSerializer, description="A page past the last."),
    },
    "retrieve": {
        400: BAD_REQUEST,
        404: OpenApiResponse(
            serializers.NotFoundSerializer,
            description="No record with this id that the reader may see.",
        ),
    },
}


class ReadOnlySchema(AutoSchema):
    """
    The success response drf-spectacular infers for each resource, plus the error responses of
    the contract. ``extend_schema(responses=...)`` would replace the inferred success response,
    which differs per resource and action, so the errors are added here once for every viewset.
    """

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        # An empty value is refused (see reject_empty_values): for a list parameter such as
        # ``ordering=`` that is an empty list, which only minItems rules out.
        for parameter in (operation or {}).get("parameters", []):
            if parameter["schema"].get("type") == "array":
                parameter["schema"]["minItems"] = 1
        return operation

    def get_response_serializers(self):
        errors = ERROR_RESPONSES.get(getattr(self.view, "action", None), {})
        return {
            200: super().get_response_serializers(),
            **{(code, JSONRenderer.media_type): response for code, response in errors.items()},
        }


@extend_schema_view(
    list=extend_schema(parameters=[FORMAT_PARAMETER]),
    retrieve=extend_schema(parameters=[FORMAT_PARAMETER]),
)
class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only, filtered, paginated, JSON or CSV; writes answer 405."""

    filter_backends = [DjangoFilterBackend]
    schema = ReadOnlySchema()
    pagination_class = PageNumberPagination
    renderer_classes = [JSONRenderer, renderers.CSVRenderer]
    csv_columns = {}
    # ASCII digits without leading zeros: int() would read "١", "１" or "01" as 1 and give a
    # record several URLs. Any other segment (x, -3, 1.0) is an unknown path, a JSON 404 like an
    # unknown id's.
    lookup_value_regex = "[1-9][0-9]*"

    def initial(self, request, *args, **kwargs):
        reject_nul_bytes(request.query_params)
        self.reject_unknown_parameters(request.query_params)
        reject_repeated_parameters(request.query_params, self.repeatable_parameters())
        reject_empty_values(request.query_params)
        super().initial(request, *args, **kwargs)

    def known_parameters(self):
        if self.action == "retrieve":
            # A record is not a listing: a filter or page given to it would quietly turn a
            # visible record into a 404 (``/stakes/1/?holder=x``), so it is refused instead.
            return {"format"}
        known = {"format", "page", self.pagination_class.page_size_query_param}
        if self.filterset_class is not None:
            known.update(self.filterset_class.base_filters)
        return known

    def repeatable_parameters(self):
        """The filters that take several values (``party``)."""
        if self.filterset_class is None:
            return set()
        return {
            name
            for name, filter_ in self.filterset_class.base_filters.items()
            if getattr(filter_, "repeatable", False)
        }

    def reject_unknown_parameters(self, query_params):
        """
        A misspelt filter (``parti=`` for ``party=``) must not quietly return the unfiltered
        list, which a consumer would take for an answer: name it and list the ones that exist.
        """
        known = self.known_parameters()
        unknown = sorted(set(query_params) - known)
        if unknown:
            accepted = ", ".join(sorted(known))
            raise ValidationError(
                {name: [f"Unknown parameter. Accepted here: {accepted}."] for name in unknown}
            )

    def finalize_response(self, request, response, *args, **kwargs):
        # An error has no rows: send it as JSON even to a CSV client, so its message is readable.
        if response.status_code >= 400 and isinstance(
            getattr(request, "accepted_renderer", None), renderers.CSVRenderer
        ):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


# Last columns of every curated resource's CSV.
RECORD_COLUMNS = {
    "review_status": "review_status",
    "api_url": "api_url",
    "provenance": renderers.provenance_text,
}


class ArticleViewSet(ReadOnlyViewSet):
    """Source documents. All are public: they are what the records cite."""

    queryset = Article.objects.all()
    filterset_class = filters.ArticleFilter
    csv_columns = {
        "id": "id",
        "title": "title",
        "publisher": "publisher",
        "authors": "authors",
        "language": "language",
        "published": "published",
        "published_precision": "published_precision",
        "url": "url",
        "source_filename": "source_filename",
        "source_url": "source_url",
        "api_url": "api_url",
    }

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer

    def get_queryset(self):
        articles = Article.objects.prefetch_related("non_editorial_spans").order_by(
            F("published_on").asc(nulls_last=True), "title", "pk"
        )
        return articles if self.action == "retrieve" else articles.defer("body")


class CompanyViewSet(ReadOnlyViewSet):
    queryset = Company.objects.all()
    serializer_class = serializers.CompanySerializer
    filterset_class = filters.CompanyFilter
    csv_columns = {
        "id": "id",
        "name": "name",
        "slug": "slug",
        "kind": "kind",
        "country": "country",
        "parent": "parent.name",
        "aliases": renderers.joined("aliases", lambda alias: alias["name"]),
        "citations": renderers.all_citations,
        "citation_urls": renderers.citation_urls,
        **RECORD_COLUMNS,
    }

    def get_queryset(self):
        return (
            Company.objects.visible_to(self.request.user)
            .select_related("parent")
            .prefetch_related("aliases")
            .with_citations()
            .order_by("name", "pk")
        )


class StakeViewSet(ReadOnlyViewSet):
    queryset = Stake.objects.all()
    serializer_class = serializers.StakeSerializer
    filterset_class = filters.StakeFilter
    csv_columns = {
        "id": "id",
        "holder": "holder.name",
        "target": "target.name",
        "share": "share_display",
        "share_exact": "share_exact",
        "share_min": "share_min",
        "share_min_exclusive": "share_min_exclusive",
        "share_max": "share_max",
        "share_max_exclusive": "share_max_exclusive",
        "status": "status",
        "as_of": "as_of",
        "citations": renderers.all_citations,
        "citation_urls": renderers.citation_urls,
        **RECORD_COLUMNS,
    }

    def get_queryset(self):
        return (
            Stake.objects.visible_to(self.request.user)
            .select_related("holder", "target")
            .with_citations()
            .order_by("target__name", "holder__name", F("as_of").asc(nulls_last=True), "pk")
        )


class AgreementViewSet(ReadOnlyViewSet):
    queryset = Agreement.objects.all()
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter
    csv_columns = {
        "id": "id",
        "title": "title",
        "kind": "kind",
        "status": "status",
        "announced": "announced",
        "signed": "signed",
        "start_year": "start_year",
        "parties": renderers.joined("parties", lambda party: party["display"]),
        "volumes": renderers.joined("volumes", lambda volume: volume["display"]),
        "plant": "plant.name",
        "programmes": renderers.joined("programmes", lambda programme: programme["name"]),
        "citations": lambda record: renderers.all_citations(record, "parties", "volumes"),
        "citation_urls": lambda record: renderers.citation_urls(record, "parties", "volumes"),
        **RECORD_COLUMNS,
    }

    def get_queryset(self):
        user = self.request.user
        # Parties that are draft companies are left out for readers who may not see drafts.
        parties = AgreementParty.objects.visible_to(user)
        return (
            Agreement.objects.visible_to(user)
            .select_related("plant")
            .prefetch_related(
                Prefetch(
                    "parties",
                    queryset=parties.select_related("company").prefetch_related(
                        citations_with_articles()
                    ),
                ),
                Prefetch(
                    "volumes",
                    queryset=AgreementVolume.objects.prefetch_related(citations_with_articles()),
                ),
                Prefetch("programmes", queryset=VehicleProgramme.objects.visible_to(user)),
            )
            .with_citations()
            .order_by(F("announced_on").desc(nulls_last=True), "title", "pk")
        )


class PlantViewSet(ReadOnlyViewSet):
    queryset = Plant.objects.all()
    serializer_class = serializers.PlantSerializer
    filterset_class = filters.PlantFilter
    csv_columns = {
        "id": "id",
        "name": "name",
        "aliases": renderers.joined("aliases", lambda alias: alias["name"]),
        "operator": "operator.name",
        "kind": "kind",
        "status": "status",
        "city": "city",
        "region": "region",
        "country": "country",
        "capacities": renderers.joined("capacities", lambda capacity: capacity["display"]),
        "milestones": renderers.joined(
            "milestones", lambda milestone: f"{milestone['kind']} {milestone['year']}"
        ),
        "citations": lambda record: renderers.all_citations(record, "capacities", "milestones"),
        "citation_urls": lambda record: renderers.citation_urls(record, "capacities", "milestones"),
        **RECORD_COLUMNS,
    }

    def get_queryset(self):
        return (
            Plant.objects.visible_to(self.request.user)
            .select_related("operator")
            .prefetch_related(
                "aliases",
                Prefetch(
                    "capacities",
                    queryset=PlantCapacity.objects.prefetch_related(citations_with_articles()),
                ),
                Prefetch(
                    "milestones",
                    queryset=PlantMilestone.objects.prefetch_related(citations_with_articles()),
                ),
            )
            .with_citations()
            .order_by("name", "pk")
        )


@csrf_exempt  # a POST to an unknown API path is told 404 too, not failed by the CSRF check
def api_not_found(request, *args, **kwargs):
    """
    Any other path under /api/: a JSON 404 like an unknown id's, since API consumers parse the
    body (Django's would be an HTML page, whatever DEBUG is).
    """
    return JsonResponse({"detail": NotFound.default_detail}, status=404)


# -- Human-readable source view -------------------------------------------------------------------


def nested_rows(model, parent):
    """The rows of ``model`` whose ``parent`` record the reader may see, the parent loaded."""
    parents = model._meta.get_field(parent).related_model.objects
    return lambda user: model.objects.filter(
        **{f"{parent}__in": parents.visible_to(user)}
    ).select_related(parent)


# For each model that citations point at: the rows a reader may see, with what their labels read
# loaded alongside (a stake's label names both companies); the relation from a nested row to the
# record the API publishes it in (None: the row is that record); and the router basename of its
# API detail (None: not published on its own).
CITED_MODELS = {
    Company: (Company.objects.visible_to, None, "company"),
    Stake: (
        lambda user: Stake.objects.visible_to(user).select_related("holder", "target"),
        None,
        "stake",
    ),
    Agreement: (Agreement.objects.visible_to, None, "agreement"),
    Plant: (Plant.objects.visible_to, None, "plant"),
    VehicleProgramme: (VehicleProgramme.objects.visible_to, None, None),
    AgreementParty: (
        # The party's company must be visible too: its name is in the label.
        lambda user: (
            nested_rows(AgreementParty, "agreement")(user)
            .visible_to(user)
            .select_related("company")
        ),
        "agreement",
        "agreement",
    ),
    AgreementVolume: (nested_rows(AgreementVolume, "agreement"), "agreement", "agreement"),
    PlantCapacity: (nested_rows(PlantCapacity, "plant"), "plant", "plant"),
    PlantMilestone: (nested_rows(PlantMilestone, "plant"), "plant", "plant"),
}


def visible_citations(article, user):
    """
    The citations of ``article`` whose records ``user`` may see, each given ``record_label`` and
    ``record_url`` (the API detail of the record, or None). One query for the citations and one
    per cited model, however many records are cited.
    """
    # A record the reader may not see is missing from its queryset: its citation's ``record``
    # is then None, as for a deleted record.
    records = GenericPrefetch("record", [rows(user) for rows, _, _ in CITED_MODELS.values()])
    citations = article.citations.prefetch_related(records).order_by("start", "pk")
    shown = []
    for citation in citations:
        row = citation.record
        if row is None or type(row) not in CITED_MODELS:
            continue
        _, parent, basename = CITED_MODELS[type(row)]
        record = getattr(row, parent) if parent else row
        label = f"{record._meta.verbose_name}: {record}"
        if parent is not None:
            label += f" — {row._meta.verbose_name} {row}"
        citation.record_label = label + (f" ({citation.field})" if citation.field else "")
        citation.record_url = (
            reverse(f"api:{basename}-detail", args=[record.pk]) if basename else None
        )
        shown.append(citation)
    return shown


# Read-only, so no CSRF token is needed, and a POST (which the CSRF check would otherwise answer
# with a 403 page first) is told the method is not allowed.
@csrf_exempt
@require_safe
def article_source(request, pk):
    """The article as received, every cited passage highlighted and linked to its records."""
    article = get_object_or_404(
        Article.objects.prefetch_related("non_editorial_spans"),
        pk=pk if pk <= filters.MAX_ID else 0,  # a larger number names no article
    )
    citations = visible_citations(article, request.user)
    # The values of the cited rows that no passage states, with the notes that say why: listed
    # once per row, under its first citation.
    bases = ValueBasis.objects.by_object(citation.record for citation in citations)
    for citation in citations:
        citation.value_bases = bases.pop((citation.content_type_id, citation.object_id), [])
    body_html = highlight_body(
        article,
        citations,
        link_for=lambda citation: citation.record_url,
        label_for=lambda citation: citation.record_label,
    )
    return render(
        request,
        "sourcing/article_source.html",
        {
            "article": article,
            "body_html": body_html,
            "citations": citations,
            "non_editorial_spans": article.non_editorial_spans.all(),
            "api_url": reverse("api:article-detail", args=[article.pk]),
        },
    )


@csrf_exempt  # read-only page: a POST should be told 405, not fail the CSRF check with a 403
@require_safe
def home(request):
    """Where a newcomer lands: the source documents and the ways into the data."""
    articles = Article.objects.annotate_citation_count().order_by(
        F("published_on").asc(nulls_last=True), "title"
    )
    return render(request, "sourcing/home.html", {"articles": articles})
