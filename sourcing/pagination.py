"""Page-number pagination whose bad input is a 400 naming the parameter, like the filters'."""

from rest_framework import pagination
from rest_framework.exceptions import ValidationError

from .params import ID_SCHEMA, MAX_ID, parse_id


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_query_description = (
        "Records per page, from 1; default 20. Larger values are accepted and capped at 100 "
        "(the response's `next` link then carries the page size actually used)."
    )
    page_query_description = "Page number, from 1. A page past the last one is a 404."

    def get_schema_operation_parameters(self, view):
        # Both are parsed by parse_id: whole numbers from 1 up to the largest database id, in
        # plain digits. A page_size above max_page_size is accepted (and capped), so it is no
        # maximum here.
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"].update(minimum=1, maximum=MAX_ID, pattern=ID_SCHEMA["pattern"])
        return parameters

    def get_page_number(self, request, paginator):
        text = request.query_params.get(self.page_query_param)
        if text is None or text in self.last_page_strings:
            return super().get_page_number(request, paginator)
        if parse_id(text) is None:
            raise ValidationError({self.page_query_param: ["Enter a whole number from 1."]})
        return text

    def get_page_size(self, request):
        text = request.query_params.get(self.page_size_query_param)
        if text is None:
            return self.page_size
        size = parse_id(text)
        if size is None:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        f"Enter a whole number from 1 to {self.max_page_size}."
                    ]
                }
            )
        return min(size, self.max_page_size)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # CSV has no room for the links: the standard Link header carries them for every format.
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        return response
