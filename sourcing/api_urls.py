"""URLs of the read API, version 1: mounted at /api/v1/ under the namespace "api"."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import routers
from rest_framework.renderers import JSONRenderer

from . import views
from .suggestions.api import suggestions_view

app_name = "api"


class APIRootView(routers.APIRootView):
    """
    The index of the resources, in JSON only. The browsable renderer DRF adds by default drew a
    page whose links carry ``?format=api``, which no resource serves (they answer 400).
    """

    renderer_classes = [JSONRenderer]


# No ".json"/".csv" suffixes: the format is chosen by ?format= or the Accept header, and a path
# like /agreements/1.5/ is then simply an unknown id (404).
router = routers.DefaultRouter()
router.APIRootView = APIRootView
router.include_format_suffixes = False
router.register("articles", views.ArticleViewSet, basename="article")
router.register("companies", views.CompanyViewSet, basename="company")
router.register("stakes", views.StakeViewSet, basename="stake")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("plants", views.PlantViewSet, basename="plant")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("articles/<int:pk>/suggestions/", suggestions_view, name="article-suggestions"),
    *router.urls,
]
