"""
Record pages made quicker to cite on: new citation rows start on the article the editor came
from (``?article=<id>``, as the desk links) or else the article of the record's last citation,
and saving a part of a record (a capacity, a party) goes back to the record's page.
"""

from django.http import HttpResponseRedirect

from ..api.params import parse_id
from ..models import Article, Citation
from .links import admin_url


def article_to_prefill(request, record):
    """The article new citation rows of ``record`` start on, as an id, or None."""
    wanted = parse_id(request.GET.get("article", ""))
    if wanted is not None and Article.objects.filter(pk=wanted).exists():
        return wanted
    if record is None or record.pk is None:
        return None
    last = Citation.objects.for_record(record).order_by("-created_at", "-pk").first()
    return last.article_id if last else None


class PrefilledArticleInlineMixin:
    """
    For the citations inline: the extra rows start on the article to cite (see above), and the
    table keeps to the width of a 1280 px screen.
    """

    class Media:
        css = {"all": ["sourcing/record_pages.css"]}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # On the POST too: a row left as it was offered is then unchanged, so not validated.
        article_id = article_to_prefill(request, obj)
        if article_id is None:
            return formset

        class PrefilledFormSet(formset):
            def __init__(self, *args, **kwargs):
                kwargs.setdefault("initial", [{"article": article_id}] * self.extra)
                super().__init__(*args, **kwargs)

        return PrefilledFormSet


class BackToRecordMixin:
    """For the admins of a record's parts: saving goes back to the record's page."""

    def response_post_save_add(self, request, obj):
        return self.back_to_record(request, obj) or super().response_post_save_add(request, obj)

    def response_post_save_change(self, request, obj):
        return self.back_to_record(request, obj) or super().response_post_save_change(request, obj)

    @staticmethod
    def back_to_record(request, part):
        # The row whose page lists this part (``Versioned.parent_field``): a capacity's plant, a
        # citation's record.
        holder = part.parent_row()
        url = admin_url(holder) if holder is not None else ""
        return HttpResponseRedirect(url) if url else None
