"""
What the OpenAPI schema says beyond what drf-spectacular infers: the ``format`` parameter, the
error responses of the contract, and the list parameters' ``minItems``.
"""

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

# -- Errors (documentation only: DRF's exception handler writes these bodies) --------------------


class ParameterErrorsSerializer(serializers.Serializer):
    """A 400: the offending query parameters, each with what is wrong with it."""


class ParameterErrorsSchema(OpenApiSerializerExtension):
    """Its keys are parameter names, which no field list can state: the schema is given here."""

    target_class = ParameterErrorsSerializer

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": "Keyed by the name of each offending query parameter; the values "
            "say what is wrong with it.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "minProperties": 1,
            "example": {"min_percent": ["Enter a number."]},
        }


class NotFoundSerializer(serializers.Serializer):
    """A 404: no such record."""

    detail = serializers.CharField(read_only=True)


class TimedOutSerializer(serializers.Serializer):
    """A 503: the database took too long, and the request was stopped."""

    detail = serializers.CharField(read_only=True)


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="`csv` for one row per record with citations and nested rows flattened into "
    "readable cells (also chosen by `Accept: text/csv`). Default: JSON.",
)

# Errors are JSON whatever format was asked for (``renderers.JSONErrorsMixin``).
BAD_REQUEST = OpenApiResponse(
    ParameterErrorsSerializer,
    description="Bad input: the body names each offending parameter (malformed, out of range, "
    "empty, repeated, unknown, an unknown company or record).",
)
TIMED_OUT = OpenApiResponse(
    TimedOutSerializer,
    description="The database took too long and the request was stopped (PostgreSQL only; "
    "the limit is the API_STATEMENT_TIMEOUT_MS setting): narrow the filters or try again later.",
)
ERROR_RESPONSES = {
    "list": {
        400: BAD_REQUEST,
        503: TIMED_OUT,
    },
    "retrieve": {
        400: BAD_REQUEST,
        404: OpenApiResponse(
            NotFoundSerializer,
            description="No record with this id that the reader may see.",
        ),
        503: TIMED_OUT,
    },
}


class ReadOnlySchema(AutoSchema):
    """
    The success response drf-spectacular infers for each resource, plus the error responses of
    the contract. ``extend_schema(responses=...)`` would replace the inferred success response,
    which differs per resource and action, so the errors are added here once for every viewset.
    """

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        # An empty value is refused (see params.check_query_string): for a list parameter such as
        # ``ordering=`` that is an empty list, which only minItems rules out.
        for parameter in (operation or {}).get("parameters", []):
            if parameter["schema"].get("type") == "array":
                parameter["schema"]["minItems"] = 1
        return operation

    def get_response_serializers(self):
        errors = ERROR_RESPONSES.get(getattr(self.view, "action", None), {})
        return {
            200: super().get_response_serializers(),
            **{(code, JSONRenderer.media_type): response for code, response in errors.items()},
        }
