"""URLs of the read API, version 1: mounted at /api/v1/ under the namespace "api"."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import routers
from rest_framework.renderers import JSONRenderer

from . import feed, params, renderers
from . import views as api_views
from .suggestions import suggestions_view

app_name = "api"


class APIRootView(routers.APIRootView):
    """
    The index of the resources, in JSON only. The browsable renderer DRF adds by default drew a
    page whose links carry ``?format=api``, which no resource serves (they answer 400).
    """

    renderer_classes = [JSONRenderer]


class SchemaView(renderers.JSONErrorsMixin, SpectacularAPIView):
    """The OpenAPI schema, YAML or JSON; its errors (``?format=csv``) are JSON like the API's."""

    def initial(self, request, *args, **kwargs):
        # As on every operation: a misspelt or repeated parameter is refused, not ignored. The
        # known ones are drf-spectacular's (the docs page passes its lang and version on).
        params.check_query_string(request.query_params, known={"format", "lang", "version"})
        super().initial(request, *args, **kwargs)


# No ".json"/".csv" suffixes: the format is chosen by ?format= or the Accept header, and a path
# like /agreements/1.5/ is then simply an unknown id (404).
router = routers.DefaultRouter()
router.APIRootView = APIRootView
router.include_format_suffixes = False
router.register("articles", api_views.ArticleViewSet, basename="article")
router.register("companies", api_views.CompanyViewSet, basename="company")
router.register("stakes", api_views.StakeViewSet, basename="stake")
router.register("agreements", api_views.AgreementViewSet, basename="agreement")
router.register("plants", api_views.PlantViewSet, basename="plant")
router.register("programmes", api_views.ProgrammeViewSet, basename="programme")

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("changes/", feed.ChangesView.as_view(), name="changes"),
    path("export/<str:resource>/", feed.ExportView.as_view(), name="export"),
    path("articles/<int:pk>/suggestions/", suggestions_view, name="article-suggestions"),
    *router.urls,
]
