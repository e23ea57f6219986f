"""
The original of an article (the file as received), downloaded by staff: anyone else gets a 404,
as if there were none, so the address says nothing about which articles have one. The file is
always an attachment, never shown inline: a stored web page opened from this site would run its
scripts with the reader's session.
"""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from ..api.params import MAX_ID
from ..models import Original, may_download_originals


@require_safe
def article_original(request, pk):
    if not may_download_originals(request.user):
        raise Http404("No original here.")
    original = Original.objects.filter(article_id=pk).first() if pk <= MAX_ID else None
    if original is None:
        raise Http404("This article has no stored original.")
    try:
        stored = original.file.open("rb")
    except OSError:
        # The database names a file the storage no longer has (a restore of one without the
        # other): say so rather than fail with a 500.
        raise Http404("The original's file is missing from storage.") from None
    response = FileResponse(
        stored, as_attachment=True, filename=original.filename, content_type=original.media_type
    )
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
