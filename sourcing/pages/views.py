"""
The public HTML pages: the human-readable source view of each article and the home page. (The
read API is in ``sourcing.api``.)

A reader sees on the source view only the citations of records they may see: the same rule as
the API (``visibility.visible``).
"""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import F
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from ..api.params import MAX_ID
from ..api.resources import BY_MODEL
from ..api.visibility import visible
from ..models import Article, Company, Plant, ValueBasis
from ..models.registry import edited_models
from ..text.highlighting import highlight_body

# -- Human-readable source view -------------------------------------------------------------------


def cited_models():
    """
    For each model that citations point at (records and rows with ``citations``): a function
    giving the rows a reader may see, with what their labels read (``str_related``) loaded
    alongside; the relation from a row to the record the API publishes it in (None: the row is
    that record); and the resource publishing that record.
    """
    cited = {}
    for model in edited_models():
        if not hasattr(model, "citations"):
            continue
        if model in BY_MODEL:
            cited[model] = (records_of(model), None, BY_MODEL[model])
        else:
            parent = model._meta.get_field(model.parent_field)
            cited[model] = (
                rows_of(model, parent.name),
                parent.name,
                BY_MODEL[parent.related_model],
            )
    return cited


def records_of(model):
    """The records of ``model`` the reader may see, with what their labels read."""
    related = getattr(model, "str_related", ())
    return lambda user: visible(model.objects.select_related(*related), user)


def rows_of(model, parent):
    """
    The rows of ``model`` whose ``parent`` record the reader may see (and that the reader may
    see: a party only while its company is), the parent and what the label reads loaded.
    """
    parents = model._meta.get_field(parent).related_model.objects.all()
    related = (parent, *getattr(model, "str_related", ()))
    return lambda user: visible(
        model.objects.filter(**{f"{parent}__in": visible(parents, user)}), user
    ).select_related(*related)


def visible_citations(article, user):
    """
    The citations of ``article`` whose records ``user`` may see, each given ``record_label`` and
    ``record_url`` (the API detail of the record). One query for the citations and one
    per cited model, however many records are cited.
    """
    # A record the reader may not see is missing from its queryset: its citation's ``record``
    # is then None, as for a deleted record.
    cited = cited_models()
    records = GenericPrefetch("record", [rows(user) for rows, _, _ in cited.values()])
    citations = article.citations.prefetch_related(records).order_by("start", "pk")
    shown = []
    for citation in citations:
        row = citation.record
        if row is None or type(row) not in cited:
            continue
        _, parent, resource = cited[type(row)]
        record = getattr(row, parent) if parent else row
        label = f"{record._meta.verbose_name}: {record}"
        if parent is not None:
            label += f" — {row._meta.verbose_name} {row}"
        citation.record_label = label + (f" ({citation.field})" if citation.field else "")
        citation.record_url = reverse(f"api:{resource.basename}-detail", args=[record.pk])
        shown.append(citation)
    return shown


# Read-only, so no CSRF token is needed, and a POST (which the CSRF check would otherwise answer
# with a 403 page first) is told the method is not allowed.
@csrf_exempt
@require_safe
def article_source(request, pk):
    """The article as received, every cited passage highlighted and linked to its records."""
    article = get_object_or_404(
        Article.objects.prefetch_related("non_editorial_spans"),
        pk=pk if pk <= MAX_ID else 0,  # a larger number names no article
    )
    citations = visible_citations(article, request.user)
    # The values of the cited rows that no passage states, with the notes that say why: listed
    # once per row, under its first citation.
    bases = ValueBasis.objects.by_object(citation.record for citation in citations)
    for citation in citations:
        citation.value_bases = bases.pop((citation.content_type_id, citation.object_id), [])
    body_html = highlight_body(
        article,
        citations,
        link_for=lambda citation: citation.record_url,
        label_for=lambda citation: citation.record_label,
    )
    return render(
        request,
        "sourcing/article_source.html",
        {
            "article": article,
            "body_html": body_html,
            "citations": citations,
            "non_editorial_spans": article.non_editorial_spans.all(),
            "api_url": reverse("api:article-detail", args=[article.pk]),
        },
    )


# Companies and plants listed on the home page; the search box finds the others.
HOME_LIST = 100


@csrf_exempt  # read-only page: a POST should be told 405, not fail the CSRF check with a 403
@require_safe
def home(request):
    """Where a newcomer lands: the source documents and the ways into the data."""
    articles = Article.objects.annotate_citation_count().order_by(
        F("published_on").asc(nulls_last=True), "title"
    )
    context = {
        "articles": articles,
        "companies": visible(Company.objects.all(), request.user).order_by("name")[:HOME_LIST],
        "plants": visible(Plant.objects.all(), request.user).order_by("name")[:HOME_LIST],
    }
    return render(request, "sourcing/home.html", context)
