"""
Keyset (cursor) pagination for every API list: a page is "the rows after this one", found by
comparing sort keys, so the database reads one page wherever it is in the list (an index range,
not OFFSET's walk past every earlier row) and no exact COUNT repeats the filters. Records added or
removed between two requests shift nothing: a reader following ``next`` sees each record that
stays visible exactly once.

Hand-written because DRF's ``CursorPagination`` cannot page these orderings: it compares on the
first ordering field alone (ties are skipped with an offset, which an insert shifts), takes
orderings as field names (no ``NULLS LAST``, no blank text read as NULL), and reverses every key
for ``previous`` without moving NULLs. Here the ordering is read from the query
(``ordering.sort_keys``), and the condition "after this row" expands over every key, honouring
each key's direction and NULLs last.

A cursor is opaque to readers (URL-safe base64 of JSON, ``params.encode_cursor``): the row's key
values, the direction of travel, and a fingerprint of the ordering, so a cursor given to a list
ordered otherwise is refused rather than read as nonsense.
"""

import datetime
import functools
import operator
import re
import zlib

from django.db import connection
from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from . import params
from .ordering import sort_keys

ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


class KeysetPagination(BasePagination):
    page_size = 20
    max_page_size = 100
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    # Read only to be answered with directions (and not offered among the accepted parameters
    # when a name is unknown): DRF's default page numbers.
    refused_parameters = {"page": "Pages are not numbered: follow the `next` link (its `cursor`)."}
    # Every parameter a list reads for paging.
    query_parameters = ("cursor", "page_size", *refused_parameters)

    def paginate_queryset(self, queryset, request, view=None):
        for name, directions in self.refused_parameters.items():
            if name in request.query_params:
                raise ValidationError({name: [directions]})
        self.request = request
        self.page_size = page_size(request, self.page_size, self.max_page_size)
        keys = sort_keys(queryset)
        self.fingerprint = fingerprint(keys)
        cursor = self.read_cursor(keys)
        names = [f"keyset_{index}" for index in range(len(keys))]
        self.annotations = {n: key.expression for n, key in zip(names, keys, strict=True)}
        rows = queryset.annotate(**self.annotations)
        self.backwards = cursor is not None and cursor["backwards"]
        if self.backwards:
            rows = rows.order_by(*(key.order_by(reverse=True) for key in keys))
        if cursor is None:
            rows = list(rows[: self.page_size + 1])
        else:
            regions = regions_after(names, keys, cursor["values"], self.backwards)
            rows = self.rows_in(rows, regions, view)
        self.has_more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if self.backwards:
            rows.reverse()
        self.cursor = cursor
        self.first, self.last = (
            ([getattr(row, name) for name in names] for row in (rows[0], rows[-1]))
            if rows
            else (None, None)
        )
        return rows

    def rows_in(self, rows, regions, view):
        """
        The first rows of ``rows`` in the union of ``regions``, at most one more than a page.
        Two regions are read as a UNION ALL of two index scans of a page each, their ids then
        loaded with the view's related rows; where the database cannot slice the parts of a
        UNION (SQLite), as one query with the regions OR-ed.
        """
        limit = self.page_size + 1
        if len(regions) == 1 or not connection.features.supports_slicing_ordering_in_compound:
            return list(rows.filter(functools.reduce(operator.or_, regions))[:limit])
        first, *others = (rows.filter(region).values("pk")[:limit] for region in regions)
        # The ids already passed every filter: the outer query loads them with their related
        # rows, without the filters (a search would run again).
        load = view.get_queryset().annotate(**self.annotations).order_by(*rows.query.order_by)
        return list(load.filter(pk__in=first.union(*others, all=True))[:limit])

    def read_cursor(self, keys):
        text = self.request.query_params.get(self.cursor_query_param)
        if text is None:
            return None
        content = params.decode_cursor(text)
        values = content.get("values")
        backwards = content.get("backwards", False)
        if (
            content.keys() - {"values", "backwards", "ordering"}
            or content.get("ordering") != self.fingerprint
            or not isinstance(backwards, bool)
            or not isinstance(values, list)
            or len(values) != len(keys)
        ):
            params.raise_bad_cursor()
        return {
            "values": [read_value(k, v) for k, v in zip(keys, values, strict=True)],
            "backwards": backwards,
        }

    def get_paginated_response(self, data):
        next_url, previous_url = self.get_next_link(), self.get_previous_link()
        response = Response({"next": next_url, "previous": previous_url, "results": data})
        # CSV has no room for the links: the standard Link header carries them for every format.
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", next_url), ("prev", previous_url))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        return response

    def get_next_link(self):
        if self.backwards:
            # Back from a later page: the rows after this page are there (the reader came from
            # them), even if this page came back empty.
            return self.link(self.last or self.cursor["values"], backwards=False)
        return self.link(self.last, backwards=False) if self.has_more else None

    def get_previous_link(self):
        if self.cursor is None or (self.backwards and not self.has_more):
            return None  # the first page
        return self.link(self.first or self.cursor["values"], backwards=True)

    def link(self, values, backwards):
        url = self.request.build_absolute_uri()
        if self.page_size_query_param in self.request.query_params:
            url = replace_query_param(url, self.page_size_query_param, self.page_size)
        content = {"values": values, "ordering": self.fingerprint}
        if backwards:
            content["backwards"] = True
        return replace_query_param(url, self.cursor_query_param, params.encode_cursor(content))

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    **link,
                    "description": "The next page, or null on the last: the way through a list.",
                },
                "previous": {**link, "description": "The previous page, or null on the first."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where a page starts: opaque, taken from a `next` or `previous` "
                "link (with the same filters and ordering). Leave it out for the first page.",
                "schema": params.CURSOR_SCHEMA,
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Records per page, from 1; default {self.page_size}. Larger values "
                f"are accepted and capped at {self.max_page_size} (the `next` link then carries "
                "the page size actually used).",
                # A page_size above max_page_size is accepted (and capped), so it is no maximum.
                "schema": params.COUNT_SCHEMA,
            },
        ]


def page_size(request, default, maximum):
    text = request.query_params.get("page_size")
    if text is None:
        return default
    size = params.parse_count(text)
    if size is None:
        raise ValidationError({"page_size": [f"Enter a whole number from 1 to {maximum}."]})
    return min(size, maximum)


def fingerprint(keys):
    """A short tag of the ordering, which a cursor must carry to be read in this list."""
    signature = ",".join(
        f"{'-' if key.descending else ''}{key.path}{'?' if key.blank_is_null else ''}"
        for key in keys
    )
    return f"{zlib.crc32(signature.encode()):08x}"


def read_value(key, value):
    """A cursor's value for ``key`` as a Python value of the key's type, or a 400."""
    if value is None:
        if key.nullable:
            return None
    elif key.value_type is int:
        # Any 64-bit integer: a larger one would overflow the database's parameter type.
        if type(value) is int and -params.MAX_ID - 1 <= value <= params.MAX_ID:
            return value
    elif key.value_type is str:
        length = key.field.max_length or params.MAX_CURSOR_LENGTH
        if isinstance(value, str) and params.NUL not in value and len(value) <= length:
            return value
    elif isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    params.raise_bad_cursor()


def regions_after(names, keys, values, backwards):
    """
    The rows after ``values`` in the list's order (before them when ``backwards``), as one or two
    conditions whose union they are, each a range of an index on the keys. NULLs come last going
    forwards, so first going backwards.

    Each condition leads with a bound on the first key that an index scan can start from
    (``announced_on <= v AND (announced_on < v OR ...)``), so PostgreSQL reads from the cursor on
    instead of filtering every row before it. The rows of the other side of NULL on the first key
    (those with no date, after a dated cursor) are a second condition, not OR-ed into the first:
    an OR of the two would stop PostgreSQL starting the scan at the cursor.
    """
    name, key, value = names[0], keys[0], values[0]
    rest = later(names[1:], keys[1:], values[1:], backwards)
    if value is None:  # never the last key, the id: ``rest`` is a condition
        regions = [Q(**{f"{name}__isnull": True}) & rest]
        if backwards:
            regions.append(Q(**{f"{name}__isnull": False}))
        return regions
    ascending = key.descending == backwards
    bound = Q(**{f"{name}__{'gte' if ascending else 'lte'}": value})
    beyond = Q(**{f"{name}__{'gt' if ascending else 'lt'}": value})
    # The id alone (``ordering=id``) has no ties: nothing after the equal ones.
    regions = [bound & (beyond | Q(**{name: value}) & rest) if rest is not None else beyond]
    if key.nullable and not backwards:
        regions.append(Q(**{f"{name}__isnull": True}))
    return regions


def later(names, keys, values, backwards):
    """Rows after ``values`` on these keys: after on the first, or equal on it and after later."""
    condition = None
    for name, key, value in reversed(list(zip(names, keys, values, strict=True))):
        if value is None:
            beyond = Q(**{f"{name}__isnull": False}) if backwards else None
            same = Q(**{f"{name}__isnull": True})
        else:
            ascending = key.descending == backwards
            beyond = Q(**{f"{name}__{'gt' if ascending else 'lt'}": value})
            if key.nullable and not backwards:
                beyond |= Q(**{f"{name}__isnull": True})
            same = Q(**{name: value})
        tail = same & condition if condition is not None else None
        condition = beyond | tail if beyond is not None and tail is not None else beyond or tail
    return condition
