"""
Query-string filters of the read API: one FilterSet per resource.

Every value is validated by a form field before any query runs, so bad input becomes a 400 whose
body names the parameter (django-filter turns the form errors into that) and never reaches the
database as an overflow, a NUL byte or an unknown company.
"""

import datetime
import re
from typing import NamedTuple

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import CharField, F, Q, TextField, Value
from django.db.models.functions import NullIf
from drf_spectacular.plumbing import build_array_type, build_basic_type
from drf_spectacular.utils import extend_schema_field

from .models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Company,
    DatePrecision,
    Language,
    NotACalendarDate,
    Plant,
    PlantCapacity,
    QuantityQualifier,
    Stake,
    last_day_of_period,
    parse_partial_date,
)
from .search import fold_for_search

# The largest value of a BigAutoField: larger "ids" cannot name a record and would overflow the
# database's integer type if they reached a query.
MAX_ID = 2**63 - 1

COMPANY_HELP = "A company's slug or numeric id."


def documented(schema_type, filter_):
    """
    State the OpenAPI type of a filter, which drf-spectacular cannot infer for custom ones or
    infers without the bounds the form field enforces, keeping its help text as the parameter
    description (an explicit type otherwise drops it).
    """
    schema = schema_type if isinstance(schema_type, dict) else build_basic_type(schema_type)
    return extend_schema_field({**schema, "description": filter_.extra["help_text"]})(filter_)


# Numbers in the query string are written plainly: ASCII digits and, in a decimal, one point with
# digits on both sides. No sign (no parameter takes a negative number, so "+" is refused as much
# as "-"), spaces, exponent or "_". [0-9], not \d, which Python matches in any script.
WHOLE_NUMBER = re.compile("[0-9]+")
DECIMAL_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
# Shares and GWh figures are stored, and so compared, to the hundredth: more decimal places are
# refused ("Ensure that there are no more than 2 decimal places").
DECIMAL_PLACES = 2

# The schemas below state what the form fields enforce, so that a value the schema allows is never
# refused (and the reverse). An empty value is refused for every parameter (see the viewsets).
# NUL bytes are refused in every parameter (see the viewsets): the pattern says so. A pattern
# constrains the text of the value, as written in the query string, for numbers too.
TEXT_SCHEMA = {"type": "string", "minLength": 1, "pattern": r"^[^\u0000]*$"}
ID_SCHEMA = {
    "type": "integer",
    "minimum": 1,
    "maximum": MAX_ID,
    "pattern": f"^{WHOLE_NUMBER.pattern}$",
}
HUNDREDTHS_SCHEMA = {
    "type": "number",
    "multipleOf": 0.01,
    "pattern": rf"^[0-9]+(\.[0-9]{{1,{DECIMAL_PLACES}}})?$",
}
# The partial dates the server accepts, exactly: years 0001-9999, months 01-12, and only the days
# of the calendar (30 April, 29 February of leap years), so that no value the schema allows is
# refused. ASCII digits only: [0-9], not \d, which some regex engines read in any script.
_YEAR = "(?!0000)[0-9]{4}"
_LEAP_YEAR = "(?!0000)([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
_DAY_OF_ANY_MONTH = "(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"
_DAY_29_OR_30 = "(0[13-9]|1[0-2])-(29|30)"
_DAY_31 = "(0[13578]|1[02])-31"
PARTIAL_DATE_SCHEMA = {
    "type": "string",
    "pattern": f"^({_YEAR}(-(0[1-9]|1[0-2]))?"
    f"|{_YEAR}-({_DAY_OF_ANY_MONTH}|{_DAY_29_OR_30}|{_DAY_31})"
    f"|{_LEAP_YEAR}-02-29)$",
    # No "example": Swagger UI's "Try it out" fills examples in, and would send a date filter
    # the reader never asked for. The parameter descriptions give examples in words.
}


def has_non_ascii_digits(text):
    return any(char.isdigit() and not char.isascii() for char in text)


class AsciiDigitsMixin:
    """
    Numbers and dates in the query string are written with the ASCII digits 0-9. Python's int(),
    Decimal() and regex ``\\d`` also read other scripts' digits ("٢٠٢١", "２０"), which would make
    some filters accept them and others not: every numeric or date field refuses them here.
    """

    default_error_messages = {"non_ascii_digits": "Write numbers with the ASCII digits 0-9."}

    def to_python(self, value):
        if isinstance(value, str) and has_non_ascii_digits(value):
            raise ValidationError(self.error_messages["non_ascii_digits"], code="invalid")
        return super().to_python(value)


class PlainNumberMixin(AsciiDigitsMixin):
    """
    A number must match ``syntax`` (WHOLE_NUMBER or DECIMAL_NUMBER) as written. int() and
    Decimal() also read a sign, surrounding spaces, "1_0" (as 10), "1e1" and, in Django's
    IntegerField, "1.0": a filter would read a value the consumer did not write, and filters
    disagreed on which of these they took (``cited_in=+1`` was read, ``holder=+1`` refused).
    """

    syntax = None

    def to_python(self, value):
        if (
            isinstance(value, str)
            and value not in self.empty_values
            and not has_non_ascii_digits(value)  # AsciiDigitsMixin's message says more
            and not self.syntax.fullmatch(value)
        ):
            raise ValidationError(self.error_messages["not_plain"], code="invalid")
        return super().to_python(value)


class PlainIntegerField(PlainNumberMixin, forms.IntegerField):
    syntax = WHOLE_NUMBER
    default_error_messages = {
        "not_plain": "Enter a whole number with the digits 0-9 only (no sign, point or spaces)."
    }


class PlainDecimalField(PlainNumberMixin, forms.DecimalField):
    syntax = DECIMAL_NUMBER
    default_error_messages = {
        "not_plain": "Enter a number with the digits 0-9 and at most one decimal point, e.g. 20 "
        "or 20.5 (no sign, exponent or spaces)."
    }


class NumberFilter(filters.NumberFilter):
    field_class = PlainDecimalField


def parse_id(text):
    """The integer ``text`` spells if it is written plainly and can be a database id, else None."""
    text = str(text)
    # The length check comes first: int() of a huge digit string is slow and may raise.
    if WHOLE_NUMBER.fullmatch(text) and len(text.lstrip("0")) <= len(str(MAX_ID)):
        number = int(text)
        if 1 <= number <= MAX_ID:
            return number
    return None


def resolve_companies(queryset, references):
    """
    The companies of ``queryset`` named by slugs or ids, in the order given, in one query.
    A reference that is a number is an id first and a slug second (slugs may be all digits).
    """
    ids = {number for number in map(parse_id, references) if number is not None}
    found = list(queryset.filter(Q(slug__in=references) | Q(pk__in=ids)))
    by_id = {company.pk: company for company in found}
    by_slug = {company.slug: company for company in found}
    companies, unknown = [], []
    for reference in references:
        company = by_id.get(parse_id(reference)) or by_slug.get(reference)
        if company is None:
            unknown.append(reference)
        else:
            companies.append(company)
    if unknown:
        raise ValidationError(
            "No company has the slug or id %(unknown)s.",
            code="invalid_choice",
            params={"unknown": ", ".join(f"“{reference}”" for reference in unknown)},
        )
    return companies


class VisibleQuerysetMixin:
    """
    Look records up among those the requesting user may see: a draft company's slug is as
    unknown to an anonymous reader as a slug that does not exist.
    """

    # Not "model": FilterSet sets that attribute on every filter to the model being filtered.
    lookup_model = None

    @property
    def field(self):
        request = getattr(self.parent, "request", None)
        user = getattr(request, "user", None)
        self.extra["queryset"] = self.lookup_model.objects.visible_to(user)
        return super().field


class CompanyReferenceField(forms.CharField):
    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def clean(self, value):
        reference = super().clean(value)  # runs the NUL-byte validator before any lookup
        return resolve_companies(self.queryset, [reference])[0] if reference else None


class CompanyReferencesField(forms.Field):
    """Several companies, from a repeated parameter (``?party=a&party=b``)."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def clean(self, value):
        references = [str(item).strip() for item in (value or [])]
        references = [reference for reference in references if reference]
        for reference in references:
            forms.CharField().run_validators(reference)  # NUL bytes, like any text field
        return resolve_companies(self.queryset, references) if references else []


class CompanyReferenceFilter(VisibleQuerysetMixin, filters.Filter):
    """One company by slug or id; records must refer to it through ``field_name``."""

    lookup_model = Company
    field_class = CompanyReferenceField


class AllPartiesFilter(VisibleQuerysetMixin, filters.Filter):
    """Agreements to which every named company is a party (in any role)."""

    lookup_model = Company
    field_class = CompanyReferencesField
    # Given several times (?party=a&party=b); any other parameter must be given once.
    repeatable = True

    def filter(self, qs, companies):
        for company in companies or ():
            qs = qs.filter(
                pk__in=AgreementParty.objects.filter(company=company).values("agreement_id")
            )
        return qs


class RecordIdField(PlainIntegerField):
    """A record's numeric id; it must exist (among the visible records) or it is an error."""

    default_error_messages = {"unknown": "No %(model)s has the id %(value)s."}

    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)

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


class RecordIdFilter(VisibleQuerysetMixin, filters.Filter):
    field_class = RecordIdField

    def __init__(self, *args, model, **kwargs):
        self.lookup_model = model
        super().__init__(*args, **kwargs)


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
        user = getattr(self.parent.request, "user", None)
        return qs.cited_in(article_id, children=self.children, user=user)


class PartialDate(NamedTuple):
    """The days a date given as a year, a month or a day covers."""

    first: datetime.date
    last: datetime.date


class PartialDateField(AsciiDigitsMixin, forms.CharField):
    default_error_messages = {
        "invalid": "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.",
        "no_such_date": "“%(value)s” is not a date in the calendar.",
    }

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            first, precision = parse_partial_date(text)
        except NotACalendarDate:
            raise ValidationError(
                self.error_messages["no_such_date"], code="invalid", params={"value": text}
            ) from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return PartialDate(first, last_day_of_period(first, precision))


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

    field_class = PartialDateField

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
            min_value=0, max_value=self.MAX_GWH, max_digits=8, decimal_places=DECIMAL_PLACES
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        rows = self.rows.objects.filter(
            gwh_per_year__gte=value, qualifier__in=LOWER_BOUND_QUALIFIERS
        )
        return qs.filter(pk__in=rows.values(self.field_name))


def is_text(model, path):
    """Whether the field ``path`` ("holder__name") of ``model`` holds text."""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        model = field.related_model
    return isinstance(field, (CharField, TextField))


class OrderingFilter(filters.OrderingFilter):
    """
    Ordering that sorts unknown values last on every database (PostgreSQL and SQLite disagree by
    default) and breaks ties by id, so pages never repeat or skip a record.
    """

    def filter(self, qs, value):
        if not value:
            return qs
        expressions = []
        for param in [param for param in value if param]:  # "name,," has empty items
            name = self.get_ordering_value(param)
            descending = name.startswith("-")
            name = name.removeprefix("-")
            # An unknown text is stored as "", not NULL: compared as NULL, it sorts last too.
            field = NullIf(F(name), Value("")) if is_text(qs.model, name) else F(name)
            expressions.append(
                field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
            )
        return qs.order_by(*expressions, "pk")


def ordering_filter(*fields):
    """An ``ordering`` filter on (parameter value, model field) pairs, documented."""
    names = ", ".join(f"`{param}`" for _, param in fields)
    return OrderingFilter(
        fields=fields,
        help_text=f"Sort by {names}; prefix with `-` for descending; separate several by commas. "
        "Unknown values sort last; ties are broken by id. An unknown field is a 400.",
    )


def choice_filter(choices, help_text):
    return filters.ChoiceFilter(choices=choices, help_text=help_text)


def text_filter(**kwargs):
    return documented(TEXT_SCHEMA, filters.CharFilter(**kwargs))


def has_something_to_search(value):
    if value and not fold_for_search(value):
        raise ValidationError(
            "Enter something to search for: this value holds only invisible characters, spaces "
            "or accents without letters.",
            code="nothing_to_search",
        )


def search_filter(**kwargs):
    """A ``search`` parameter, which the model's ``search`` folds (see ``sourcing.search``)."""
    return text_filter(method="filter_search", validators=[has_something_to_search], **kwargs)


def company_filter(field_name, help_text):
    return documented(
        TEXT_SCHEMA, CompanyReferenceFilter(field_name=field_name, help_text=help_text)
    )


def cited_in_filter(children=()):
    return documented(ID_SCHEMA, CitedInFilter(children=children))


def partial_date_filter(**kwargs):
    return documented(PARTIAL_DATE_SCHEMA, PartialDateFilter(**kwargs))


def minimum_gwh_filter(**kwargs):
    return documented(
        {**HUNDREDTHS_SCHEMA, "minimum": 0, "maximum": MinimumGwhFilter.MAX_GWH},
        MinimumGwhFilter(**kwargs),
    )


COUNTRY_CODE = RegexValidator(r"^[A-Za-z]{2}\Z", "Enter a two-letter ISO 3166-1 country code.")


class CountryFilter(filters.CharFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "ISO 3166-1 alpha-2 country code, e.g. `FR` (any case).")
        super().__init__(*args, validators=[COUNTRY_CODE], **kwargs)

    def filter(self, qs, value):
        return qs.filter(**{self.field_name: value.upper()}) if value else qs


def country_filter():
    return documented({"type": "string", "pattern": "^[A-Za-z]{2}$"}, CountryFilter())


def equals_text(field_name, text):
    """
    Records whose ``field_name`` is ``text`` ignoring case in any script. ``iexact`` would not do
    on SQLite, whose LIKE folds only ASCII letters; a case-insensitive regex of the escaped text
    is matched by Python's ``re`` on SQLite and by ``~*`` on PostgreSQL, both Unicode-aware.
    """
    # \A and \Z (not ^ and $, which allow a final newline in Python) mean the same in both engines.
    return Q(**{f"{field_name}__iregex": rf"\A{re.escape(text)}\Z"})


# -- FilterSets -----------------------------------------------------------------------------------


class ArticleFilter(filters.FilterSet):
    language = choice_filter(Language.choices, "Language of the article.")
    publisher = text_filter(
        method="filter_publisher", help_text="Publisher name, exactly but in any case."
    )
    published_after = partial_date_filter(
        field_name="published_on",
        precision_field="published_precision",
        bound="after",
        help_text="`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: articles whose publication date is known "
        "to be on or after the first day of that year, month or day (inclusive). An article "
        "dated only by its year matches only if that whole year qualifies.",
    )
    published_before = partial_date_filter(
        field_name="published_on",
        precision_field="published_precision",
        bound="before",
        help_text="`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: articles whose publication date is known "
        "to be on or before the last day of that year, month or day (inclusive): `2021` "
        "includes 31 December 2021. An article dated only by its year or month matches only if "
        "that whole period qualifies.",
    )
    search = search_filter(
        help_text="Text contained in the title, authors or body, ignoring case, accents and "
        "typography: `electrique` finds “électrique”, `l'usine` finds “l’usine”.",
    )
    ordering = ordering_filter(
        ("published_on", "published"), ("title", "title"), ("publisher", "publisher"), ("id", "id")
    )

    class Meta:
        model = Article
        fields = []

    def filter_publisher(self, queryset, name, value):
        return queryset.filter(equals_text("publisher", value)) if value else queryset

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class CompanyFilter(filters.FilterSet):
    search = search_filter(
        help_text="Part of the company's name or of one of its aliases, ignoring case and "
        "accents: `ampere` finds Ampère, `losange` finds Renault Group (alias “le Losange”).",
    )
    kind = choice_filter(Company.Kind.choices, "Kind of company.")
    country = country_filter()
    ordering = ordering_filter(
        ("name", "name"), ("slug", "slug"), ("kind", "kind"), ("country", "country"), ("id", "id")
    )

    class Meta:
        model = Company
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class StakeFilter(filters.FilterSet):
    holder = company_filter("holder", f"{COMPANY_HELP} Stakes held by that company.")
    target = company_filter("target", f"{COMPANY_HELP} Stakes held in that company.")
    min_percent = documented(
        {**HUNDREDTHS_SCHEMA, "minimum": 0, "maximum": 100},
        NumberFilter(
            method="filter_min_percent",
            min_value=0,
            max_value=100,
            max_digits=5,
            decimal_places=DECIMAL_PLACES,
            help_text="A percentage (0–100): stakes whose share is *known* to be at least this. "
            "An exact share matches when it is ≥ the value; a range when its lower bound is ≥ the "
            "value (so “over 20%” matches 20, and “10–30%” does not match 15). Shares stated only "
            "as a maximum (“up to 15%”) or not stated never match.",
        ),
    )
    status = choice_filter(Stake.Status.choices, "Status of the stake.")
    cited_in = cited_in_filter()
    ordering = ordering_filter(
        ("holder__name", "holder"),
        ("target__name", "target"),
        ("as_of", "as_of"),
        ("status", "status"),
        ("id", "id"),
    )

    class Meta:
        model = Stake
        fields = []

    def filter_min_percent(self, queryset, name, value):
        return queryset.filter(Q(share_exact__gte=value) | Q(share_min__gte=value))


class AgreementFilter(filters.FilterSet):
    party = documented(
        build_array_type(TEXT_SCHEMA),
        AllPartiesFilter(
            help_text=f"{COMPANY_HELP} Repeat the parameter to name several "
            "(`?party=renault-group&party=verkor`): agreements to which *all* of them are "
            "parties, in any role."
        ),
    )
    kind = choice_filter(Agreement.Kind.choices, "Kind of agreement.")
    status = choice_filter(Agreement.Status.choices, "Status of the agreement.")
    announced_after = partial_date_filter(
        field_name="announced_on",
        precision_field="announced_precision",
        bound="after",
        help_text="`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: agreements announced, as far as is known, "
        "on or after the first day of that year, month or day (inclusive: `2021` means from "
        "1 January 2021). An agreement dated only `2021-04` matches `2021-04` but not "
        "`2021-04-15`, since it may have come earlier in April.",
    )
    announced_before = partial_date_filter(
        field_name="announced_on",
        precision_field="announced_precision",
        bound="before",
        help_text="`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: agreements announced, as far as is known, "
        "on or before the last day of that year, month or day (inclusive: `2021` means up to "
        "31 December 2021). An agreement dated only `2021` does not match `2021-06-28`.",
    )
    plant = documented(
        ID_SCHEMA,
        RecordIdFilter(model=Plant, field_name="plant", help_text="A plant id."),
    )
    min_volume_gwh = minimum_gwh_filter(
        rows=AgreementVolume,
        field_name="agreement_id",
        help_text="GWh per year: agreements with a stated volume of at least this much. Volumes "
        "stated as exact, about, over or at least a figure count; “up to” and “under” figures "
        "are ceilings and never match.",
    )
    cited_in = cited_in_filter(children=("parties", "volumes"))
    search = search_filter(
        help_text="Text in the title, or part of a party's name or alias, ignoring case, "
        "accents and typography: `ampere` finds agreements of Ampère.",
    )
    ordering = ordering_filter(
        ("announced_on", "announced"),
        ("signed_on", "signed"),
        ("title", "title"),
        ("kind", "kind"),
        ("status", "status"),
        ("start_year", "start_year"),
        ("id", "id"),
    )

    class Meta:
        model = Agreement
        fields = []

    def filter_search(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        # Only visible companies: a search must not reveal which agreements a draft is party to.
        return queryset.search(value, companies=Company.objects.visible_to(user))


class PlantFilter(filters.FilterSet):
    operator = company_filter("operator", f"{COMPANY_HELP} Plants that company operates.")
    country = country_filter()
    status = choice_filter(Plant.Status.choices, "Status of the plant.")
    kind = choice_filter(Plant.Kind.choices, "Kind of plant.")
    min_capacity_gwh = minimum_gwh_filter(
        rows=PlantCapacity,
        field_name="plant_id",
        help_text="GWh per year: plants with a stated capacity (initial, current or target) of "
        "at least this much. Capacities stated as exact, about, over or at least a figure count; "
        "“up to” and “under” figures are ceilings and never match.",
    )
    cited_in = cited_in_filter(children=("capacities", "milestones"))
    ordering = ordering_filter(
        ("name", "name"),
        ("country", "country"),
        ("kind", "kind"),
        ("status", "status"),
        ("id", "id"),
    )

    class Meta:
        model = Plant
        fields = []
