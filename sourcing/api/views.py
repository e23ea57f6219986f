"""
The read API (version 1): one read-only viewset per resource, JSON or CSV.

What a reader may see is decided by the models' ``visible_to`` and applied by one filter backend
(``visibility.VisibleToReaderBackend``) to every list and detail; nested rows go through
``visibility.visible`` too. Query strings are checked by ``params.check_query_string`` before
anything else reads them, and on PostgreSQL every request runs under a statement timeout.
"""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound

from ..models import (
    Agreement,
    Article,
    Citation,
    Company,
    CompanyFigure,
    Plant,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    Stake,
    VehicleProgramme,
)
from . import filters, params, renderers, serializers
from .conditional import ConditionalGetMixin
from .ordering import sort_by
from .pagination import KeysetPagination
from .schema import FORMAT_PARAMETER, ReadOnlySchema
from .statement_timeout import StatementTimeoutMixin
from .visibility import VisibleToReaderBackend


def rows_with_citations(lookup, model):
    """A record's nested rows (``lookup``, rows of ``model``), each with its own citations."""
    return Prefetch(
        lookup, queryset=model.objects.prefetch_related(Citation.objects.prefetch_for_api())
    )


@extend_schema_view(
    list=extend_schema(parameters=[FORMAT_PARAMETER]),
    retrieve=extend_schema(parameters=[FORMAT_PARAMETER]),
)
class ReadOnlyViewSet(
    StatementTimeoutMixin,
    renderers.JSONErrorsMixin,
    ConditionalGetMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Read-only, filtered, paginated, JSON or CSV; writes answer 405."""

    # Visibility first: the filters then only ever see records the reader may see.
    filter_backends = [VisibleToReaderBackend, DjangoFilterBackend]
    schema = ReadOnlySchema()
    pagination_class = KeysetPagination
    renderer_classes = [renderers.FastJSONRenderer, renderers.CSVRenderer]
    csv_columns = {}
    # ASCII digits without leading zeros: int() would read "١", "１" or "01" as 1 and give a
    # record several URLs. Any other segment (x, -3, 1.0) is an unknown path, a JSON 404 like an
    # unknown id's.
    lookup_value_regex = params.RECORD_ID.pattern

    def initial(self, request, *args, **kwargs):
        params.check_query_string(
            request.query_params,
            self.known_parameters(),
            self.repeatable_parameters(),
            unlisted=self.pagination_class.refused_parameters,
        )
        super().initial(request, *args, **kwargs)

    def known_parameters(self):
        if self.action == "retrieve":
            # A record is not a listing: a filter or page given to it would quietly turn a
            # visible record into a 404 (``/stakes/1/?holder=x``), so it is refused instead.
            return {"format"}
        known = {"format", *self.pagination_class.query_parameters}
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


def record_columns(*rows):
    """
    The last columns of every curated resource's CSV: the record's citations followed by those
    of its ``rows`` (the nested rows citing passages of their own, labelled by the row), its
    review status, its link and why each value is held.
    """
    return {
        "citations": lambda record: renderers.all_citations(record, *rows),
        "citation_urls": lambda record: renderers.citation_urls(record, *rows),
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
        "original_filename": "original.filename",
        "original_media_type": "original.media_type",
        "original_sha256": "original.sha256",
        "original_url": "original.url",
    }

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer

    def get_queryset(self):
        articles = sort_by(
            Article.objects.select_related("original").prefetch_related("non_editorial_spans"),
            "published_on",
            "title",
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
        "aliases": renderers.joined("aliases", "name"),
        "figures": renderers.joined("figures", "display"),
        **record_columns("figures"),
    }

    def get_queryset(self):
        companies = Company.objects.select_related("parent").prefetch_related(
            "aliases", rows_with_citations("figures", CompanyFigure)
        )
        return sort_by(companies.with_citations(), "name")


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
        **record_columns(),
    }

    def get_queryset(self):
        stakes = Stake.objects.select_related("holder", "target").with_citations()
        return sort_by(stakes, "target__name", "holder__name", "as_of")


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
        "parties": renderers.joined("parties", "display"),
        "volumes": renderers.joined("volumes", "display"),
        "plant": "plant.name",
        "programmes": renderers.joined("programmes", "name"),
        **record_columns("parties", "volumes"),
    }

    def get_queryset(self):
        # What an agreement carries is read with .values() by its writer (agreement_json), for
        # the whole page or chunk at once: no prefetch here.
        agreements = Agreement.objects.select_related("plant")
        return sort_by(agreements, "-announced_on", "title")


class PlantViewSet(ReadOnlyViewSet):
    queryset = Plant.objects.all()
    serializer_class = serializers.PlantSerializer
    filterset_class = filters.PlantFilter
    csv_columns = {
        "id": "id",
        "name": "name",
        "aliases": renderers.joined("aliases", "name"),
        "operator": "operator.name",
        "kind": "kind",
        "status": "status",
        "city": "city",
        "region": "region",
        "country": "country",
        "capacities": renderers.joined("capacities", "display"),
        "milestones": renderers.joined(
            "milestones", lambda milestone: f"{milestone['kind']} {milestone['year']}"
        ),
        "figures": renderers.joined("figures", "display"),
        **record_columns("capacities", "milestones", "figures"),
    }

    def get_queryset(self):
        plants = (
            Plant.objects.select_related("operator")
            .prefetch_related(
                "aliases",
                rows_with_citations("capacities", PlantCapacity),
                rows_with_citations("milestones", PlantMilestone),
                rows_with_citations("figures", PlantFigure),
            )
            .with_citations()
        )
        return sort_by(plants, "name")


class ProgrammeViewSet(ReadOnlyViewSet):
    """Vehicle programmes (models or ranges) that sources name, with their brand and plant."""

    queryset = VehicleProgramme.objects.all()
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeFilter
    csv_columns = {
        "id": "id",
        "name": "name",
        "brand": "brand.name",
        "segment": "segment",
        "assembly_plant": "assembly_plant.name",
        "start_year": "start_year",
        **record_columns(),
    }

    def get_queryset(self):
        programmes = VehicleProgramme.objects.select_related("brand", "assembly_plant")
        return sort_by(programmes.with_citations(), "name")


@csrf_exempt  # a POST to an unknown API path is told 404 too, not failed by the CSRF check
def api_not_found(request, *args, **kwargs):
    """
    Any other path under /api/: a JSON 404 like an unknown id's, since API consumers parse the
    body (Django's would be an HTML page, whatever DEBUG is).
    """
    return JsonResponse({"detail": NotFound.default_detail}, status=404)
