"""
Conditional GET: ``ETag`` and ``Last-Modified`` on lists and details, from the change feed's log,
so that a consumer can re-ask for a list or a record cheaply. A list changes when any record of
its resource (or shown in one) changes, a record when it does. The tag also depends on who reads
(anonymous readers and staff see different records) and on the URL.
"""

import zlib

from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from ..models import Change
from ..models.changes import number_own_changes
from ..models.curation import sees_drafts
from . import params


class ConditionalGetMixin:
    """For the resources' viewsets: ``self.resource`` is set by the router (``resources``)."""

    resource = None

    def validators(self, pk=None):
        number_own_changes()
        seen = Change.objects.seen_by(sees_drafts(self.request.user))
        changes = seen.filter(resource=self.resource.prefix)
        if pk is not None:
            changes = changes.filter(record_id=pk)
        latest = changes.latest_published()
        if latest is None:
            return None, None
        reader = "staff" if sees_drafts(self.request.user) else "public"
        accept = self.request.META.get("HTTP_ACCEPT", "")
        url_key = f"{self.request.get_full_path()}|{accept}"
        tag = f'W/"{latest["seq"]}-{reader}-{abs(hash_text(url_key)):x}"'
        return tag, latest["at"]

    def conditional(self, handler, request, record_id, *args, **kwargs):
        etag, last_modified = self.validators(record_id)
        if etag is not None:
            timestamp = int(last_modified.timestamp())
            not_modified = get_conditional_response(
                request._request, etag=etag, last_modified=timestamp
            )
            if not_modified is not None:
                patch_vary_headers(not_modified, ["Accept", "Cookie"])
                return not_modified
        response = handler(request, *args, **kwargs)
        if etag is not None and response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(int(last_modified.timestamp()))
            patch_vary_headers(response, ["Accept", "Cookie"])
        return response

    def list(self, request, *args, **kwargs):
        return self.conditional(super().list, request, None, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        pk = params.parse_id(kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        return self.conditional(super().retrieve, request, pk, *args, **kwargs)


def hash_text(text):
    """A hash stable across processes (``hash()`` of a str is salted per process)."""
    return zlib.crc32(text.encode("utf-8"))
