"""URLs of the read API, version 1: mounted at /api/v1/ under the namespace "api"."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import routers
from rest_framework.renderers import JSONRenderer

from . import params, renderers
from .export import ExportView
from .feed import ChangesView
from .network import NetworkView
from .reconcile import (
    EntityPageView,
    PreviewView,
    ProposePropertiesView,
    ReconcileView,
    SuggestEntityView,
    SuggestPropertyView,
    SuggestTypeView,
)
from .resources import RESOURCES
from .statement_timeout import StatementTimeoutMixin
from .suggestions import ArticleSuggestionsView

app_name = "api"


class APIRootView(routers.APIRootView):
    """
    The index of the resources, in JSON only. The browsable renderer DRF adds by default drew a
    page whose links carry ``?format=api``, which no resource serves (they answer 400).
    """

    renderer_classes = [JSONRenderer]


class SchemaView(StatementTimeoutMixin, renderers.JSONErrorsMixin, SpectacularAPIView):
    """The OpenAPI schema, YAML or JSON; its errors (``?format=csv``) are JSON like the API's."""

    def initial(self, request, *args, **kwargs):
        # As on every operation: a misspelt or repeated parameter is refused, not ignored. The
        # known ones are drf-spectacular's (the docs page passes its lang and version on).
        params.check_query_string(request.query_params, known={"format", "lang", "version"})
        super().initial(request, *args, **kwargs)


class ResourceRouter(routers.DefaultRouter):
    """
    Registers the table of resources, and tells each viewset which resource it serves (its
    ``resource`` attribute, read for the ETag and the CSV), as the export and the feed do.
    No ".json"/".csv" suffixes: the format is chosen by ?format= or the Accept header, and a
    path like /agreements/1.5/ is then simply an unknown id (404).
    """

    APIRootView = APIRootView
    include_format_suffixes = False

    def __init__(self, resources):
        super().__init__()
        self.resources = {resource.viewset: resource for resource in resources}
        for resource in resources:
            self.register(resource.prefix, resource.viewset, basename=resource.basename)

    def get_routes(self, viewset):
        resource = self.resources[viewset]
        return [
            route._replace(initkwargs={**route.initkwargs, "resource": resource})
            for route in super().get_routes(viewset)
        ]


router = ResourceRouter(RESOURCES)

# The reconciliation service, mounted at reconcile/ (``reconcile`` says what each path answers).
reconcile_urls = [
    path("", ReconcileView.as_view(), name="reconcile"),
    path("suggest/entity/", SuggestEntityView.as_view(), name="reconcile-suggest-entity"),
    path("suggest/type/", SuggestTypeView.as_view(), name="reconcile-suggest-type"),
    path("suggest/property/", SuggestPropertyView.as_view(), name="reconcile-suggest-property"),
    path("preview/", PreviewView.as_view(), name="reconcile-preview"),
    path("properties/", ProposePropertiesView.as_view(), name="reconcile-properties"),
    path("view/<str:entity_id>/", EntityPageView.as_view(), name="reconcile-view"),
]

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("changes/", ChangesView.as_view(), name="changes"),
    path("export/<str:resource>/", ExportView.as_view(), name="export"),
    path(
        "articles/<int:pk>/suggestions/",
        ArticleSuggestionsView.as_view(),
        name="article-suggestions",
    ),
    path("companies/<str:ref>/network/", NetworkView.as_view(), name="company-network"),
    path("reconcile/", include(reconcile_urls)),
    *router.urls,
]
