"""
The editorial data model: source articles, the records curated from them, and the citations that
tie every record (or one field of it) to the exact passage of an article that states it.
"""

# Django registers models in import order, and that order sets the order of content types and of
# reverse relations (so of cascades and of protected-object lists): the modules are imported in
# the order their models had when they were all in one models.py.
# isort: off
from .dates import (
    DatePrecision,
    NotACalendarDate,
    dates_disagree,
    format_partial_date,
    last_day_of_period,
    parse_partial_date,
)
from .editing import current_actor, editing_as, may_verify, one_change
from .base import Language, QuantityQualifier, StaleRecordError, Versioned
from .articles import Article, Citation, NonEditorialSpan
from .curation import CuratedRecord, ReviewStatus
from .companies import Company, CompanyAlias
from .stakes import Stake
from .plants import Plant, PlantAlias, PlantCapacity, PlantFigure, PlantMilestone
from .agreements import Agreement, AgreementParty, AgreementVolume, VehicleProgramme
from .company_figures import CompanyFigure
from .seeding import SeedOwnership
from .changes import Change, ChangeFeedHorizon
from .provenance import (
    NOT_STATED,
    Basis,
    FieldProvenance,
    ProvenanceIndex,
    ValueBasis,
    holds_value,
    fetch_rows,
)
from .confirmations import ValueConfirmation
from .originals import Original, may_download_originals
from .acceptances import AcceptedProposal
from .pending import RejectedChange

# isort: on

__all__ = [
    # Models
    "Article",
    "NonEditorialSpan",
    "Citation",
    "Original",
    "AcceptedProposal",
    "RejectedChange",
    "may_download_originals",
    "CuratedRecord",
    "Versioned",
    "Company",
    "CompanyAlias",
    "CompanyFigure",
    "Stake",
    "Plant",
    "PlantAlias",
    "PlantCapacity",
    "PlantMilestone",
    "PlantFigure",
    "VehicleProgramme",
    "Agreement",
    "AgreementParty",
    "AgreementVolume",
    # Who changes data, and the changes of one save
    "current_actor",
    "editing_as",
    "may_verify",
    "one_change",
    "StaleRecordError",
    "SeedOwnership",
    "Change",
    "ChangeFeedHorizon",
    "ValueBasis",
    "ValueConfirmation",
    # Provenance
    "Basis",
    "FieldProvenance",
    "NOT_STATED",
    "ProvenanceIndex",
    "holds_value",
    "fetch_rows",
    # Choices
    "DatePrecision",
    "Language",
    "QuantityQualifier",
    "ReviewStatus",
    # Partial dates
    "NotACalendarDate",
    "dates_disagree",
    "format_partial_date",
    "last_day_of_period",
    "parse_partial_date",
]
