"""
The editors' admin.

Three rules hold for every curated record (companies, stakes, plants, vehicle programmes,
agreements), whichever page the change is made from, including the pages of the rows that hang
off a record (aliases, parties, volumes, capacities, milestones, figures, citations):

- only reviewers (the ``verify_<model>`` permission) can mark a record verified, and a verified
  record an editor changes goes back to "needs review";
- a save made from a form opened on an older version of the record is refused (no lost edits);
- every change is a history entry with who, when and what (django-simple-history).
"""

from django.contrib import admin

# Importing the modules registers their admins with the site (Django autodiscovers this package).
from .agreements import (
    AgreementAdmin,
    AgreementPartyAdmin,
    AgreementVolumeAdmin,
    VehicleProgrammeAdmin,
)
from .articles import ArticleAdmin, CitationAdmin, NonEditorialSpanAdmin
from .base import CitationInline, CuratedRecordAdmin, EditorialAdmin, RecordPartAdmin
from .companies import CompanyAdmin, CompanyAliasAdmin, CompanyFigureAdmin
from .counts import EstimatedCountMixin
from .mixins import (
    HistoryUrlIdsMixin,
    InvalidFilterValuesMixin,
    VersionedChangesMixin,
)
from .plants import PlantAdmin, PlantCapacityAdmin, PlantFigureAdmin, PlantMilestoneAdmin
from .search import FoldedSearchMixin
from .stakes import StakeAdmin

# The index links to the conflicts view next to the models (see templates/admin/sourcing/).
admin.site.index_template = "admin/sourcing/site_index.html"

__all__ = [
    # Admins of the models
    "ArticleAdmin",
    "CitationAdmin",
    "NonEditorialSpanAdmin",
    "CompanyAdmin",
    "CompanyAliasAdmin",
    "CompanyFigureAdmin",
    "StakeAdmin",
    "PlantAdmin",
    "PlantCapacityAdmin",
    "PlantMilestoneAdmin",
    "PlantFigureAdmin",
    "VehicleProgrammeAdmin",
    "AgreementAdmin",
    "AgreementPartyAdmin",
    "AgreementVolumeAdmin",
    # Bases and inlines
    "EditorialAdmin",
    "CuratedRecordAdmin",
    "RecordPartAdmin",
    "CitationInline",
    # Mixins
    "InvalidFilterValuesMixin",
    "VersionedChangesMixin",
    "HistoryUrlIdsMixin",
    "FoldedSearchMixin",
    "EstimatedCountMixin",
]
