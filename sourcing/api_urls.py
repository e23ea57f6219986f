"""URLs of the read API, version 1: mounted at /api/v1/ under the namespace "api"."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

# No ".json"/".csv" suffixes: the format is chosen by ?format= or the Accept header, and a path
# like /agreements/1.5/ is then simply an unknown id (404).
router = DefaultRouter()
router.include_format_suffixes = False
router.register("articles", views.ArticleViewSet, basename="article")
router.register("companies", views.CompanyViewSet, basename="company")
router.register("stakes", views.StakeViewSet, basename="stake")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("plants", views.PlantViewSet, basename="plant")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
