"""
Who may see what, applied in one place by the read API and the source view.

The rule itself lives on the models' querysets (``visible_to(user)``: anonymous readers see
verified records only, a stake only when both companies are visible, a party only when its
company is). This module is the one way the views and filters reach it, so no call site restates
it: the API's filter backend narrows every list and detail, and the filters look up companies,
plants and rows through ``visible``.
"""

from rest_framework.filters import BaseFilterBackend


def visible(queryset, user):
    """
    The records of ``queryset`` that ``user`` may see. Models without ``visible_to`` (articles,
    volumes, capacities, milestones) have no draft state of their own: their rows are public, or
    hidden with the record they belong to.
    """
    narrow = getattr(queryset, "visible_to", None)
    return narrow(user) if narrow is not None else queryset


def user_of(request):
    return getattr(request, "user", None)


def visible_for_request(model):
    """
    A callable giving the records of ``model`` the request's user may see: the ``queryset`` of
    django-filter's ``QuerySetRequestMixin`` filters (a company slug of a draft is as unknown to
    an anonymous reader as one that does not exist).
    """
    return lambda request: visible(model.objects.all(), user_of(request))


class VisibleToReaderBackend(BaseFilterBackend):
    """Every API list and detail: only the records the requesting user may see."""

    def filter_queryset(self, request, queryset, view):
        return visible(queryset, user_of(request))
