"""
Rows nested in the API's records (citations, their article references, value bases) read with
``.values()`` and written straight into the API's JSON.

Model instances cost several times more than the rows they hold: a page of 100 agreements
carried about 2,400 of them (parties, companies, citations and an article per citation), and
building them, their related managers and DRF's field loop took most of a request. The writers
here are the one home of the citation and article-reference shapes: ``CitationSerializer`` and
``ArticleReferenceSerializer`` call them for instances too.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import get_script_prefix, reverse

from ..models import Citation
from ..models.confirmations import holding
from ..models.dates import format_partial_date
from ..models.provenance import held_values, notes_on_values, provenance_of
from ..models.statements import RecordNames


def origin(request):
    """
    ``scheme://host`` of ``request`` ("" without one), worked out once per request: every link
    of a page shares it, and ``build_absolute_uri`` per link was a large part of a page's cost.
    Equal to ``request.build_absolute_uri`` for the plain ASCII paths ``record_path`` gives.
    """
    if request is None:
        return ""
    try:
        return request.api_origin
    except AttributeError:
        request.api_origin = request.build_absolute_uri("/")[:-1]
        return request.api_origin


# A stand-in id, replaced by "{}" in a reversed URL to make a template of it.
_ID_PLACEHOLDER = 918273645
_PATH_TEMPLATES = {}


def record_path(view_name, lookup_value, kwarg="pk"):
    """
    ``reverse(view_name, kwargs={kwarg: lookup_value})``, reversed once per process (and script
    prefix) rather than once per row: a page of citations made thousands of ``reverse`` calls.
    """
    return path_template(view_name, kwarg).format(lookup_value)


class Links:
    """
    The links of one response: its origin and the template of each kind of record URL, worked
    out once (``get_script_prefix`` and dictionary look-ups per link were a tenth of a page).
    """

    def __init__(self, request):
        self.prefix = origin(request)
        self.templates = {}

    def template(self, view_name, kwarg="pk"):
        """The absolute URL of a record of ``view_name`` with "{}" for its id (or ``kwarg``)."""
        template = self.templates.get((view_name, kwarg))
        if template is None:
            template = self.prefix + path_template(view_name, kwarg)
            self.templates[(view_name, kwarg)] = template
        return template


def links(request):
    """The ``Links`` of ``request``, made on first use."""
    if request is None:
        return Links(None)
    try:
        return request.api_links
    except AttributeError:
        request.api_links = Links(request)
        return request.api_links


def path_template(view_name, kwarg="pk"):
    """``record_path``'s template ("/api/v1/agreements/{}/"), for loops that format it often."""
    key = (view_name, kwarg, get_script_prefix())
    template = _PATH_TEMPLATES.get(key)
    if template is None:
        reversed_url = reverse(view_name, kwargs={kwarg: _ID_PLACEHOLDER})
        template = reversed_url.replace(str(_ID_PLACEHOLDER), "{}")
        _PATH_TEMPLATES[key] = template
    return template


# -- Citations --------------------------------------------------------------------------------


def article_reference_json(
    links, pk, title, publisher, language, published_on, precision, inferred
):
    """A cited article as a citation shows it (``ArticleReferenceSerializer``'s fields)."""
    return {
        "id": pk,
        "api_url": links.template("api:article-detail").format(pk),
        "title": title,
        "publisher": publisher,
        "language": language,
        "published": format_partial_date(published_on, precision) or None,
        "published_precision": precision or None,
        "published_inferred": inferred,
    }


def citation_json(links, pk, article, article_id, field, quote, start, end):
    """A citation (``CitationSerializer``'s fields); ``article`` is its article's reference."""
    # The article's source view (Article.get_absolute_url), from its id alone.
    source_view = links.template("pages:article-source").format(article_id)
    return {
        "id": pk,
        "article": article,
        "field": field or None,
        "quote": quote,
        "start": start,
        "end": end,
        "source_url": f"{source_view}#citation-{pk}",
    }


ARTICLE_COLUMNS = ("title", "publisher", "language", "published_on", "published_precision",
                   "published_inferred")  # fmt: skip
CITATION_COLUMNS = ("pk", "content_type_id", "object_id", "field", "quote", "start", "end",
                    "article_id", *(f"article__{name}" for name in ARTICLE_COLUMNS))  # fmt: skip


def about_keys(keys):
    """A filter on generic relations matching any (content type id, object ids) of ``keys``."""
    condition = Q(pk__in=[])
    for content_type_id, ids in keys:
        if ids:
            condition |= Q(content_type_id=content_type_id, object_id__in=ids)
    return condition


class NestedCitations:
    """
    The citations, value bases and confirmations of rows of several kinds, in two queries:
    ``keys`` are (model, ids) pairs. ``of(model, pk)`` gives a row's citations as the API writes
    them and ``provenance(...)`` the provenance the API writes for it. ``named_rows``: (model,
    {field: stored value}) of the rows whose provenance is asked for, whose referred records'
    names the statement checker reads (one more query, when they refer to any). ``notes=False``
    reads the citations alone, for a reader that shows passages but no provenance (one query).
    """

    def __init__(self, keys, request, named_rows=(), notes=True):
        self.types = {model: ContentType.objects.get_for_model(model).pk for model, _ in keys}
        keys = [(self.types[model], ids) for model, ids in keys]
        self.rows, self.json, self.bases, self.confirmations = {}, {}, {}, {}
        self.names = RecordNames.of(named_rows)
        if not any(ids for _, ids in keys):
            return
        response_links, articles = links(request), {}
        # Citation's own order (by article, offset, id): what a prefetch of them gives.
        for row in Citation.objects.filter(about_keys(keys)).values_list(*CITATION_COLUMNS):
            pk, ct, object_id, field, quote, start, end, article_id, *article = row
            reference = articles.get(article_id)
            if reference is None:
                reference = articles[article_id] = article_reference_json(
                    response_links, article_id, *article
                )
            key = (ct, object_id)
            language = article[ARTICLE_COLUMNS.index("language")]
            self.rows.setdefault(key, []).append(
                {"pk": pk, "field": field, "quote": quote, "language": language}
            )
            self.json.setdefault(key, []).append(
                citation_json(response_links, pk, reference, article_id, field, quote, start, end)
            )
        if notes:
            self.bases, self.confirmations = notes_on_values(about_keys(keys))

    def of(self, model, pk):
        return self.json.get((self.types[model], pk), [])

    def provenance(self, model, pk, values, parent=None):
        """
        The ``provenance`` of a row of ``model`` whose factual fields hold ``values`` ({name:
        stored value}, a list for a relation to many), part of record ``parent`` (model, pk).
        """
        held = held_values(model, values, self.names)
        key = (self.types[model], pk)
        parent_rows = None if parent is None else self.rows.get((self.types[parent[0]], parent[1]))
        provenance = provenance_of(
            model,
            held,
            self.rows.get(key, []),
            self.bases.get(key, {}),
            None if parent is None else (parent_rows or []),
            holding(model, values, self.confirmations.get(key, {})),
        )
        return {name: why.as_dict() for name, why in provenance.items()}
