"""
``/api/v1/reconcile/``: the Reconciliation Service API 0.2 for companies and plants, as
OpenRefine and other clients speak it (``sourcing.reconcile.service`` does the work).

- ``GET`` without parameters: the manifest. ``GET ?queries=`` or ``POST queries=``: a batch of
  queries. ``GET ?extend=`` or ``POST extend=``: data extension.
- ``suggest/entity/``, ``suggest/type/``, ``suggest/property/`` (``prefix``, ``cursor``),
  ``preview/?id=`` (an HTML card), ``properties/?type=`` (properties to extend with), and
  ``view/<id>/``, which sends a browser to the record's public page.

Anyone may use it, without a session (so no CSRF token for a POST), and it shows verified
records only. Cross-origin requests are allowed on these paths alone (``CORS_URLS_REGEX`` in
the settings, served by django-cors-headers). Every view runs under the statement timeout.
Not in the OpenAPI schema: the community group's JSON Schemas specify it (docs/api.md).
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import Citation
from ..reconcile import properties, service
from ..reconcile.entities import COMPANY, PLANT, TYPES, find_entity
from . import renderers
from .statement_timeout import StatementTimeoutMixin

PREVIEW_SIZE = {"width": 420, "height": 220}
MAX_CURSOR = 1000
SUGGESTIONS = 10


class BatchTooLarge(APIException):
    status_code = 413
    default_code = "too_large"


def refuse(error):
    """A ``service.ServiceError`` as DRF's error: JSON naming the parameter."""
    if error.status == 413:
        raise BatchTooLarge({error.parameter: [error.message]})
    raise ValidationError({error.parameter: [error.message]})


def one_parameter(request, name, source=None):
    """The value of ``name`` in the query string or form, given once; None when absent."""
    values = (source if source is not None else request.query_params).getlist(name)
    if len(values) > 1:
        raise ValidationError({name: ["Give this parameter once."]})
    return values[0] if values else None


def known_parameters(request, known):
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        raise ValidationError({unknown[0]: [f"Unknown parameter: use {', '.join(sorted(known))}."]})


class ReconcileAPIView(StatementTimeoutMixin, renderers.JSONErrorsMixin, APIView):
    """What every reconciliation view shares: public, sessionless, JSON."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]


@extend_schema(exclude=True)
class ReconcileView(ReconcileAPIView):
    def get(self, request):
        known_parameters(request, {"queries", "extend"})
        return self.answer(request, request.query_params)

    def post(self, request):
        known_parameters(request, set())
        return self.answer(request, request.POST)

    def answer(self, request, params):
        queries, extension = (
            one_parameter(request, "queries", params),
            one_parameter(request, "extend", params),
        )
        try:
            if queries is not None and extension is not None:
                raise service.ServiceError("queries", "Give either queries or extend, not both.")
            if queries is not None:
                return Response(service.answer_batch(queries))
            if extension is not None:
                return Response(service.extend(extension))
        except service.ServiceError as error:
            refuse(error)
        if request.method == "POST":
            raise ValidationError({"queries": ["Send queries or extend as a form field."]})
        return Response(manifest(request))


def manifest(request):
    base = request.build_absolute_uri(reverse("api:reconcile"))
    root = request.build_absolute_uri("/").rstrip("/")

    def path(name):
        return reverse(f"api:{name}")

    return {
        "versions": ["0.2"],
        "name": "Battery industry sourcing database",
        "identifierSpace": request.build_absolute_uri(path("reconcile") + "view/"),
        "schemaSpace": request.build_absolute_uri(path("reconcile-suggest-type")),
        "documentation": request.build_absolute_uri(reverse("api:docs")),
        "defaultTypes": [service.type_json(COMPANY), service.type_json(PLANT)],
        "view": {"url": base + "view/{{id}}/"},
        "preview": {"url": base + "preview/?id={{id}}", **PREVIEW_SIZE},
        "suggest": {
            kind: {"service_url": root, "service_path": path(f"reconcile-suggest-{kind}")}
            for kind in ("entity", "type", "property")
        },
        "extend": {
            "propose_properties": {
                "service_url": root,
                "service_path": path("reconcile-properties"),
            }
        },
        "batchSize": service.MAX_BATCH,
    }


def type_parameter(request):
    type_id = one_parameter(request, "type")
    if type_id is not None and type_id not in TYPES:
        raise ValidationError({"type": [f"Unknown type: use {' or '.join(TYPES)}."]})
    return type_id or None


def cursor_parameter(request):
    text = one_parameter(request, "cursor") or "0"
    if not text.isascii() or not text.isdigit() or int(text) > MAX_CURSOR:
        raise ValidationError({"cursor": [f"A whole number from 0 to {MAX_CURSOR}."]})
    return int(text)


@extend_schema(exclude=True)
class SuggestEntityView(ReconcileAPIView):
    def get(self, request):
        known_parameters(request, {"prefix", "cursor", "type"})
        prefix = one_parameter(request, "prefix") or ""
        if len(prefix) > service.MAX_QUERY_LENGTH:
            raise ValidationError({"prefix": [f"At most {service.MAX_QUERY_LENGTH} characters."]})
        return Response(
            service.suggest_entities(
                prefix, type_parameter(request), cursor_parameter(request), SUGGESTIONS
            )
        )


@extend_schema(exclude=True)
class SuggestTypeView(ReconcileAPIView):
    def get(self, request):
        known_parameters(request, {"prefix", "cursor"})
        cursor_parameter(request)
        return Response(service.suggest_types(one_parameter(request, "prefix") or ""))


@extend_schema(exclude=True)
class SuggestPropertyView(ReconcileAPIView):
    def get(self, request):
        known_parameters(request, {"prefix", "cursor", "type"})
        cursor_parameter(request)
        prefix = one_parameter(request, "prefix") or ""
        return Response(service.suggest_properties(prefix, type_parameter(request)))


@extend_schema(exclude=True)
class ProposePropertiesView(ReconcileAPIView):
    def get(self, request):
        known_parameters(request, {"type", "limit"})
        type_id = type_parameter(request)
        if type_id is None:
            raise ValidationError({"type": [f"Required: {' or '.join(TYPES)}."]})
        limit = one_parameter(request, "limit")
        if limit is not None and (not limit.isascii() or not limit.isdigit() or int(limit) < 1):
            raise ValidationError({"limit": ["A positive whole number."]})
        return Response(service.propose_properties(type_id, int(limit) if limit else None))


def entity_or_404(request):
    known_parameters(request, {"id"})
    entity_type, record = find_entity(one_parameter(request, "id") or "")
    if record is None:
        raise Http404("No such entity.")
    return entity_type, record


def page_url(request, entity_type, record):
    if entity_type is COMPANY:
        return request.build_absolute_uri(reverse("pages:company", args=[record.slug]))
    return request.build_absolute_uri(reverse("pages:plant", args=[record.pk]))


@extend_schema(exclude=True)
class PreviewView(ReconcileAPIView):
    """A small HTML card: what the record is, and the first passage cited for it."""

    def get(self, request):
        entity_type, record = entity_or_404(request)
        facts = [
            (prop.name, value)
            for prop in properties.PROPERTIES[entity_type.id]
            if prop.id in {"kind", "country", "city", "status", "operator", "parent", "capacity"}
            for value in [", ".join(preview_value(v) for v in prop.extend(record))]
            if value
        ]
        citation = (
            (
                Citation.objects.for_api().filter(
                    content_type__model=entity_type.model._meta.model_name, object_id=record.pk
                )
            )
            .order_by("pk")
            .first()
        )
        context = {
            "record": record,
            "entity_type": entity_type,
            "entity_id": entity_type.entity_id(record),
            "page_url": page_url(request, entity_type, record),
            "facts": facts,
            "aliases": [alias.name for alias in record.aliases.all()],
            "citation": citation,
            "citation_url": citation
            and request.build_absolute_uri(
                f"{citation.article.get_absolute_url()}#citation-{citation.pk}"
            ),
        }
        response = render(request._request, "reconcile/preview.html", context)
        # Shown in an iframe of the client's page, on another origin.
        response.xframe_options_exempt = True
        return response


def preview_value(value):
    return str(value.get("name") or value.get("str") or value.get("float", ""))


@extend_schema(exclude=True)
class EntityPageView(ReconcileAPIView):
    """``view/<id>/``: the manifest's view URL, a redirect to the record's public page."""

    def get(self, request, entity_id):
        known_parameters(request, set())
        entity_type, record = find_entity(entity_id)
        if record is None:
            raise Http404("No such entity.")
        return redirect(page_url(request, entity_type, record))
