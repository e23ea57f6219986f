from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from sourcing.api.views import api_not_found


class FaviconView(RedirectView):
    """Browsers ask every site for /favicon.ico: send them to the static file (not a 404)."""

    def get_redirect_url(self, *args, **kwargs):
        # Its hashed name in production, so not a permanent redirect: a release may change it.
        return static("sourcing/favicon.ico")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    path("admin/", admin.site.urls),
    path("api/v1/", include("sourcing.api.urls")),
    # Every other path under /api/ ending in a slash (any character, newlines included): a JSON
    # 404. Paths without the slash are left unmatched, so /api/v1/agreements still redirects.
    re_path(r"^api/(?:[\s\S]*/)?\Z", api_not_found),
    path("", include("sourcing.pages.urls")),
]
