"""
The read API's resources, in one table. Each row says what a resource is called (its URL prefix,
which is also its name in the change feed, and the basename of its URL names), which model it
publishes, which viewset serves it (its queryset, filters, serializer and CSV columns), and which
other records show it inside their own representation.

Everything that needs the list of resources derives it from here: the router (``urls``), the
bulk export and the change feed (``export``, ``feed``), the conditional-GET validators
(``conditional``: a viewset is told its resource when the router builds it), the change log
(``sourcing.changes``: what a write changes) and the source view's links (``sourcing.pages``).
"""

from dataclasses import dataclass

from rest_framework.exceptions import NotFound

from ..models import Agreement, Article, Company, Plant, Stake, VehicleProgramme
from . import views


@dataclass(frozen=True)
class Resource:
    prefix: str
    basename: str
    model: type
    viewset: type
    # Records of other resources whose representation shows this one (so a change to it is a
    # change to them) or whose visibility depends on it: {prefix: (lookups to this record)}.
    # A stake names its companies and is public only while both are; an agreement shows its
    # parties' names, its plant and its programmes.
    shown_in: tuple = ()
    # Every record citing it shows it too (a citation carries its article's title and date).
    shown_in_citations: bool = False

    def viewset_for(self, request, action):
        """The viewset serving ``request`` as the router would build it, for ``action``."""
        viewset = self.viewset(
            request=request, format_kwarg=None, action=action, kwargs={}, resource=self
        )
        viewset.headers = {}
        return viewset


RESOURCES = (
    Resource("articles", "article", Article, views.ArticleViewSet, shown_in_citations=True),
    Resource(
        "companies",
        "company",
        Company,
        views.CompanyViewSet,
        shown_in=(
            ("stakes", ("holder", "target")),
            ("agreements", ("parties__company",)),
            ("plants", ("operator",)),
            ("programmes", ("brand",)),
            ("companies", ("parent",)),
        ),
    ),
    Resource("stakes", "stake", Stake, views.StakeViewSet),
    Resource("agreements", "agreement", Agreement, views.AgreementViewSet),
    Resource(
        "plants",
        "plant",
        Plant,
        views.PlantViewSet,
        shown_in=(("agreements", ("plant",)), ("programmes", ("assembly_plant",))),
    ),
    Resource(
        "programmes",
        "programme",
        VehicleProgramme,
        views.ProgrammeViewSet,
        shown_in=(("agreements", ("programmes",)),),
    ),
)

BY_PREFIX = {resource.prefix: resource for resource in RESOURCES}
BY_MODEL = {resource.model: resource for resource in RESOURCES}


def resource_named(prefix):
    """The resource published under ``prefix``; a 404 for any other name."""
    try:
        return BY_PREFIX[prefix]
    except KeyError:
        raise NotFound() from None
