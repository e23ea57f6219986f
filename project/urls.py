from django.contrib import admin
from django.urls import include, path, re_path

from sourcing.views import api_not_found

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("sourcing.api_urls")),
    # Every other path under /api/ ending in a slash (any character, newlines included): a JSON
    # 404. Paths without the slash are left unmatched, so /api/v1/agreements still redirects.
    re_path(r"^api/(?:[\s\S]*/)?\Z", api_not_found),
    path("", include("sourcing.urls")),
]
