"""
The kinds of filter the read API's FilterSets are made of (``sourcing.api.filters``): each reads its
value with a field from ``sourcing.api.params`` (so bad input is a 400 naming the parameter, before
any query runs), states its schema, and turns the value into a query the planner can serve.
"""

import datetime
import re

import django_filters as filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django_filters.filters import QuerySetRequestMixin
from drf_spectacular.plumbing import build_array_type, build_basic_type
from drf_spectacular.utils import extend_schema_field

from ..models import (
    AgreementParty,
    Article,
    Citation,
    Company,
    DatePrecision,
    PlantFigure,
    QuantityQualifier,
)
from ..text.search import fold_for_search
from . import params
from .ordering import sort_by
from .visibility import user_of, visible, visible_for_request

COMPANY_HELP = "A company's slug or numeric id."


def documented(schema_type, filter_):
    """
    State the OpenAPI type of a filter, which drf-spectacular cannot infer for custom ones or
    infers without the bounds the form field enforces, keeping its help text as the parameter
    description (an explicit type otherwise drops it).
    """
    schema = schema_type if isinstance(schema_type, dict) else build_basic_type(schema_type)
    return extend_schema_field({**schema, "description": filter_.extra["help_text"]})(filter_)


class NumberFilter(filters.NumberFilter):
    field_class = params.PlainDecimalField


# -- Companies and records named by the reader ---------------------------------------------------


def resolve_companies(queryset, references):
    """
    The companies of ``queryset`` named by slugs or ids, in the order given, in one query.
    A reference written as an id (``params.parse_id``) is an id first and a slug second (slugs
    may be all digits); any other, "01" included, is only a slug.
    """
    ids = {number for number in map(params.parse_id, references) if number is not None}
    found = list(queryset.filter(Q(slug__in=references) | Q(pk__in=ids)))
    by_id = {company.pk: company for company in found}
    by_slug = {company.slug: company for company in found}
    companies, unknown = [], []
    for reference in references:
        company = by_id.get(params.parse_id(reference)) or by_slug.get(reference)
        if company is None:
            unknown.append(reference)
        else:
            companies.append(company)
    if unknown:
        padded_ids = [r for r in unknown if params.parse_id(r) is None and params.parse_count(r)]
        raise ValidationError(
            "No company has the slug or id %(unknown)s.%(hint)s",
            code="invalid_choice",
            params={
                "unknown": ", ".join(f"“{reference}”" for reference in unknown),
                "hint": " Write an id without leading zeros." if padded_ids else "",
            },
        )
    return list(dict.fromkeys(companies))  # a slug and an id of one company name it once


class CompanyReferenceField(params.ReferenceField):
    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def clean(self, value):
        reference = super().clean(value)  # runs the NUL-byte validator before any lookup
        return resolve_companies(self.queryset, [reference])[0] if reference else None


class CompanyReferencesField(forms.Field):
    """Several companies, from a repeated parameter (``?party=a&party=b``), each once."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, queryset, maximum, parameter, **kwargs):
        self.queryset, self.maximum, self.parameter = queryset, maximum, parameter
        super().__init__(**kwargs)

    def clean(self, value):
        references = params.distinct_references(value, self.maximum, self.parameter)
        for reference in references:
            # Padding, NUL bytes and overlong values, as for a single company.
            params.ReferenceField().clean(reference)
        return resolve_companies(self.queryset, references) if references else []


class CompanyReferenceFilter(QuerySetRequestMixin, filters.Filter):
    """One company by slug or id, among those the reader may see, through ``field_name``."""

    field_class = CompanyReferenceField


class AllPartiesFilter(QuerySetRequestMixin, filters.Filter):
    """Agreements to which every named company is a party (in any role)."""

    field_class = CompanyReferencesField
    # Given several times (?party=a&party=b); any other parameter must be given once.
    repeatable = True

    def filter(self, qs, companies):
        for company in companies or ():
            qs = qs.filter(
                pk__in=AgreementParty.objects.filter(company=company).values("agreement_id")
            )
        return qs


class RecordIdField(params.PlainIdField):
    """A record's numeric id; it must exist (among the visible records) or it is an error."""

    default_error_messages = {"unknown": "No %(model)s has the id %(value)s."}

    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def clean(self, value):
        number = super().clean(value)
        if number is None:
            return None
        if not self.queryset.filter(pk=number).exists():
            raise ValidationError(
                self.error_messages["unknown"],
                code="invalid_choice",
                params={"model": self.queryset.model._meta.verbose_name, "value": number},
            )
        return number


class RecordIdFilter(QuerySetRequestMixin, filters.Filter):
    field_class = RecordIdField


def citing(queryset, article_id, children, user):
    """
    Records of ``queryset`` citing the article themselves or through one of their ``children``
    rows (reverse relation names such as "capacities"): a figure cited on a plant's capacity row
    is a fact about the plant. Only rows ``user`` may see count (a party whose company is a draft
    does not). One UNION of id lists, each served by the citations' index, rather than OR-ed
    ``pk IN`` subqueries, which made PostgreSQL scan every record.
    """
    model = queryset.model
    ids = citations_of(model, article_id).values("object_id")
    for name in children:
        relation = model._meta.get_field(name)
        rows = visible(relation.related_model.objects.all(), user)
        cited_rows = rows.filter(
            pk__in=citations_of(relation.related_model, article_id).values("object_id")
        )
        ids = ids.union(cited_rows.order_by().values(relation.field.attname))
    return queryset.filter(pk__in=ids)


def citations_of(model, article_id):
    """The citations of ``article_id`` on rows of ``model``: the citations table alone."""
    content_type = ContentType.objects.get_for_model(model)
    return Citation.objects.filter(article_id=article_id, content_type=content_type).order_by()


class CitedInFilter(filters.Filter):
    """Records citing an article, directly or on one of their ``children`` rows."""

    field_class = RecordIdField

    def __init__(self, *args, children=(), **kwargs):
        self.children = children
        kwargs.setdefault("queryset", Article.objects.all())  # sources: all are public
        kwargs.setdefault(
            "help_text",
            "An article id: records citing that article"
            + (f" (or citing it on their {', '.join(children)})" if children else "")
            + ".",
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, article_id):
        if article_id is None:
            return qs
        return citing(qs, article_id, self.children, user_of(self.parent.request))


# -- Dates and figures ---------------------------------------------------------------------------


def months_before(day, months):
    """The first day of the month ``months`` before ``day``'s, or None before year 1."""
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1) if index >= 12 else None


class PartialDateFilter(filters.Filter):
    """
    ``after``: records whose date is known to fall on or after the first day of the value;
    ``before``: records whose date is known to fall on or before the last day of the value.

    A stored date is only as precise as the source: "2021" (year precision) means some day of
    2021, so it is after "2021" and before "2021", but neither after nor before "2021-06-28".
    Records without a date never match.
    """

    field_class = params.PartialDateField

    def __init__(self, *args, precision_field, bound, **kwargs):
        assert bound in ("after", "before")
        self.precision_field = precision_field
        self.bound = bound
        super().__init__(*args, **kwargs)

    def filter(self, qs, period):
        if period is None:
            return qs
        if self.bound == "after":
            # Stored dates are the first day of their year or month, so "starts on or after".
            return qs.filter(**{f"{self.field_name}__gte": period.first})
        return qs.filter(self.ends_by(period.last))

    def ends_by(self, last):
        """Records whose whole year, month or day lies on or before ``last``."""
        field, precision = self.field_name, self.precision_field
        if last == datetime.date.max:
            return Q(**{f"{field}__isnull": False})
        next_day = last + datetime.timedelta(days=1)
        condition = Q(**{precision: DatePrecision.DAY, f"{field}__lte": last})
        # A month has ended by ``last`` when it starts at least one month before next_day's month.
        if (month := months_before(next_day, 1)) is not None:
            condition |= Q(**{precision: DatePrecision.MONTH, f"{field}__lte": month})
        if next_day.year > 1:
            year = datetime.date(next_day.year - 1, 1, 1)
            condition |= Q(**{precision: DatePrecision.YEAR, f"{field}__lte": year})
        return condition


# A figure qualified "up to" or "under" is a ceiling, not a known amount: it never proves a minimum.
LOWER_BOUND_QUALIFIERS = [
    QuantityQualifier.EXACT,
    QuantityQualifier.ABOUT,
    QuantityQualifier.OVER,
    QuantityQualifier.AT_LEAST,
]


class MinimumGwhFilter(NumberFilter):
    """Records with a row of ``rows`` (capacities, volumes) stating at least the value in GWh/yr."""

    MAX_GWH = 999999

    def __init__(self, *args, rows, **kwargs):
        self.rows = rows
        kwargs.update(
            min_value=0, max_value=self.MAX_GWH, max_digits=8, decimal_places=params.DECIMAL_PLACES
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        rows = self.rows.objects.filter(
            gwh_per_year__gte=value, qualifier__in=LOWER_BOUND_QUALIFIERS
        )
        return qs.filter(pk__in=rows.values(self.field_name))


class MinimumFigureFilter(filters.Filter):
    """
    Plants with a figure of ``kind`` (investment, jobs) known to reach the value, as
    ``MinimumGwhFilter`` reads capacities: "up to" and "under" figures are ceilings and never
    match. An amount of money is only compared with amounts in the same currency: the filter of
    ``currency_parameter`` must be given too (``FigureFilterForm``).
    """

    # The largest value a figure can hold (PlantFigure.value: 17 digits, 2 of them decimal).
    MAX_VALUE = 10**15 - 1

    def __init__(self, *args, kind, currency_parameter=None, **kwargs):
        self.kind, self.currency_parameter = kind, currency_parameter
        super().__init__(*args, min_value=0, max_value=self.MAX_VALUE, **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        rows = PlantFigure.objects.filter(
            kind=self.kind, value__gte=value, qualifier__in=LOWER_BOUND_QUALIFIERS
        )
        if self.currency_parameter:
            currency = self.parent.form.cleaned_data[self.currency_parameter]
            rows = rows.filter(currency=currency.upper())
        return qs.filter(pk__in=rows.values("plant_id"))


class MinimumJobsFilter(MinimumFigureFilter):
    field_class = params.PlainIntegerField


class MinimumAmountFilter(MinimumFigureFilter):
    field_class = params.PlainDecimalField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, max_digits=17, decimal_places=params.DECIMAL_PLACES, **kwargs)

    @property
    def field(self):
        # What ``FigureFilterForm`` reads to require the currency with the amount.
        field = super().field
        field.currency_parameter = self.currency_parameter
        return field


CURRENCY_CODE = re.compile(r"[A-Za-z]{3}")


def is_currency_code(value):
    if value and not CURRENCY_CODE.fullmatch(value):
        raise ValidationError("Enter a three-letter ISO 4217 currency code.", code="invalid")


class CurrencyFilter(filters.CharFilter):
    """Plants with an investment stated in a currency (an ISO 4217 code, any case)."""

    def __init__(self, *args, **kwargs):
        # Not stripped: " EUR" is refused as the schema's pattern refuses it, not read as "EUR".
        super().__init__(*args, strip=False, validators=[is_currency_code], **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        rows = PlantFigure.objects.filter(kind=PlantFigure.Kind.INVESTMENT, currency=value.upper())
        return qs.filter(pk__in=rows.values("plant_id"))


class FigureFilterForm(forms.Form):
    """
    The form of a FilterSet with a ``MinimumAmountFilter``: a minimum amount is given with its
    currency (500 million of what?). The error names the minimum's parameter, as any other 400
    names the parameter at fault.
    """

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            currency = getattr(field, "currency_parameter", None)
            if currency and cleaned.get(name) is not None and not cleaned.get(currency):
                self.add_error(name, f"Give the currency of the amount too: `{currency}=EUR`.")
        return cleaned


# -- Ordering ------------------------------------------------------------------------------------


class OrderingFilter(filters.OrderingFilter):
    """
    The ``ordering`` parameter, applied by ``ordering.sort_by``: unknown values last on every
    database, ties broken by id (so pages never repeat or skip a record). An empty item
    (``title,``) is refused, as the schema's ``minLength`` of each item says.
    """

    base_field_class = params.NoEmptyItemsCSVField

    def filter(self, qs, value):
        if not value:
            return qs
        return sort_by(qs, *(self.get_ordering_value(param) for param in value))


def ordering_filter(*fields):
    """An ``ordering`` filter on (model field, parameter value) pairs, documented."""
    names = ", ".join(f"`{param}`" for _, param in fields)
    return OrderingFilter(
        fields=fields,
        help_text=f"Sort by {names}; prefix with `-` for descending; separate several by commas. "
        "Unknown values sort last either way; ties are broken by id, in the direction of the last "
        "field. An unknown field is a 400.",
    )


# -- Text ----------------------------------------------------------------------------------------


class SearchFilter(filters.CharFilter):
    """
    A ``search`` parameter: the queryset's own ``search(text)`` finds the records, or
    ``search(queryset, text, user)`` when the records' search depends on what the reader may
    see, folding the text as ``sourcing.text.search`` does. A term that folds to nothing (a lone
    accent, a zero-width space) matches nothing: the schema cannot tell such terms apart (JSON
    Schema patterns have no Unicode categories), and an empty list is the honest answer to
    "records containing this".
    """

    def __init__(self, *args, search=None, **kwargs):
        self.search = search
        super().__init__(*args, max_length=params.MAX_SEARCH_LENGTH, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if not fold_for_search(value):
            return qs.none()
        if self.search is None:
            return qs.search(value)
        return self.search(qs, value, user_of(self.parent.request))


def search_filter(help_text, search=None):
    return documented(params.SEARCH_SCHEMA, SearchFilter(search=search, help_text=help_text))


def choice_filter(choices, help_text):
    return filters.ChoiceFilter(choices=choices, help_text=help_text)


def text_filter(**kwargs):
    return documented(
        params.TEXT_SCHEMA, filters.CharFilter(max_length=params.MAX_TEXT_LENGTH, **kwargs)
    )


def company_filter(field_name, help_text):
    return documented(
        params.REFERENCE_SCHEMA,
        CompanyReferenceFilter(
            field_name=field_name, queryset=companies_for_request(), help_text=help_text
        ),
    )


def companies_for_request():
    return visible_for_request(Company)


def parties_filter(help_text):
    return documented(
        {**build_array_type(params.REFERENCE_SCHEMA), "maxItems": params.MAX_PARTIES},
        AllPartiesFilter(
            queryset=companies_for_request(),
            maximum=params.MAX_PARTIES,
            parameter="party",
            help_text=help_text,
        ),
    )


def record_id_filter(model, field_name, help_text):
    return documented(
        params.ID_SCHEMA,
        RecordIdFilter(
            field_name=field_name, queryset=visible_for_request(model), help_text=help_text
        ),
    )


def cited_in_filter(children=()):
    return documented(params.ID_SCHEMA, CitedInFilter(children=children))


def partial_date_filter(**kwargs):
    return documented(params.PARTIAL_DATE_SCHEMA, PartialDateFilter(**kwargs))


def minimum_jobs_filter(help_text):
    return documented(
        {**params.COUNT_SCHEMA, "minimum": 0, "maximum": MinimumFigureFilter.MAX_VALUE},
        MinimumJobsFilter(kind="jobs", help_text=help_text),
    )


def minimum_amount_filter(currency_parameter, help_text):
    return documented(
        {**params.HUNDREDTHS_SCHEMA, "minimum": 0, "maximum": MinimumFigureFilter.MAX_VALUE},
        MinimumAmountFilter(
            kind="investment", currency_parameter=currency_parameter, help_text=help_text
        ),
    )


def currency_filter(help_text):
    return documented(params.CURRENCY_SCHEMA, CurrencyFilter(help_text=help_text))


def minimum_gwh_filter(**kwargs):
    return documented(
        {**params.HUNDREDTHS_SCHEMA, "minimum": 0, "maximum": MinimumGwhFilter.MAX_GWH},
        MinimumGwhFilter(**kwargs),
    )


COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


class CountryFilter(filters.CharFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "ISO 3166-1 alpha-2 country code, e.g. `FR` (any case).")
        # Not stripped: " FR" is refused as the schema's pattern refuses it, not read as "FR".
        super().__init__(*args, strip=False, validators=[is_country_code], **kwargs)

    def filter(self, qs, value):
        return qs.filter(**{self.field_name: value.upper()}) if value else qs


def is_country_code(value):
    if value and not COUNTRY_CODE.fullmatch(value):
        raise ValidationError("Enter a two-letter ISO 3166-1 country code.", code="invalid")


def country_filter():
    return documented(params.COUNTRY_SCHEMA, CountryFilter())


def equals_text(field_name, text):
    """
    Records whose ``field_name`` is ``text`` ignoring case in any script. ``iexact`` would not do
    on SQLite, whose LIKE folds only ASCII letters; a case-insensitive regex of the escaped text
    is matched by Python's ``re`` on SQLite and by ``~*`` on PostgreSQL, both Unicode-aware.
    """
    # \A and \Z (not ^ and $, which allow a final newline in Python) mean the same in both engines.
    return Q(**{f"{field_name}__iregex": rf"\A{re.escape(text)}\Z"})
