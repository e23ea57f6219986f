"""
Query-string filters of the read API: one FilterSet per resource, built from the filter kinds of
``sourcing.api.filter_types``.

Every value is validated by a form field (``sourcing.api.params``) before any query runs, so bad
input becomes a 400 whose body names the parameter (django-filter turns the form errors into
that) and never reaches the database as an overflow, a NUL byte or an unknown company.
"""

import django_filters as filters
from django.db.models import Q

from ..models import (
    Agreement,
    AgreementVolume,
    Article,
    Company,
    Language,
    Plant,
    PlantCapacity,
    Stake,
    VehicleProgramme,
)
from ..text.search import fold_for_search
from .filter_types import (
    COMPANY_HELP,
    FigureFilterForm,
    NumberFilter,
    choice_filter,
    cited_in_filter,
    company_filter,
    country_filter,
    currency_filter,
    documented,
    equals_text,
    minimum_amount_filter,
    minimum_gwh_filter,
    minimum_jobs_filter,
    ordering_filter,
    partial_date_filter,
    parties_filter,
    record_id_filter,
    search_filter,
    text_filter,
)
from .params import (  # noqa: F401 (PARTIAL_DATE_SCHEMA, PartialDateField: read by the tests)
    DECIMAL_PLACES,
    HUNDREDTHS_SCHEMA,
    MAX_PARTIES,
    PARTIAL_DATE_SCHEMA,
    PartialDateField,
)
from .visibility import visible


def programmes_named(text, user):
    """The ids of the programmes ``user`` may see whose name contains ``text``, folded."""
    named = VehicleProgramme.objects.filter(search_name__contains=fold_for_search(text))
    return visible(named, user).order_by().values("pk")


def search_agreements(queryset, text, user):
    """
    Agreements by title, by a party's name or alias (visible companies only: a search must not
    reveal which agreements a draft is party to), or by a programme's name ("R5").
    """
    companies = visible(Company.objects, user)
    return queryset.search(text, companies, programme_ids=programmes_named(text, user))


def search_programmes(queryset, text, user):
    return queryset.filter(pk__in=programmes_named(text, user))


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
        "Text contained in the title, authors or body, ignoring case, accents and "
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


class CompanyFilter(filters.FilterSet):
    search = search_filter(
        "Part of the company's name or of one of its aliases, ignoring case and "
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
    party = parties_filter(
        f"{COMPANY_HELP} Repeat the parameter to name several "
        "(`?party=renault-group&party=verkor`): agreements to which *all* of them are "
        f"parties, in any role. At most {MAX_PARTIES} different companies."
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
    plant = record_id_filter(Plant, "plant", "A plant id.")
    min_volume_gwh = minimum_gwh_filter(
        rows=AgreementVolume,
        field_name="agreement_id",
        help_text="GWh per year: agreements with a stated volume of at least this much. Volumes "
        "stated as exact, about, over or at least a figure count; “up to” and “under” figures "
        "are ceilings and never match.",
    )
    cited_in = cited_in_filter(children=("parties", "volumes"))
    search = search_filter(
        "Text in the title, part of a party's name or alias, or part of a vehicle programme's "
        "name, ignoring case, accents and typography: `ampere` finds agreements of Ampère, "
        "`city car` those of the Alpine electric city car.",
        search=search_agreements,
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


class PlantFilter(filters.FilterSet):
    search = search_filter(
        "Part of the plant's name or of one of its aliases, ignoring case, accents and "
        "typography: `dunkerque` finds the Dunkirk gigafactory.",
    )
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
    min_jobs = minimum_jobs_filter(
        "Plants with a stated number of jobs (direct or total, now or due by a year) of at "
        "least this many. Figures stated as exact, about, over or at least a number count; "
        "“up to” and “under” figures are ceilings and never match."
    )
    min_investment = minimum_amount_filter(
        "currency",
        "Plants with a stated investment of at least this amount in `currency`, which must be "
        "given too (amounts in other currencies are not converted). Figures stated as exact, "
        "about, over or at least an amount count; “up to” and “under” figures never match.",
    )
    currency = currency_filter(
        "ISO 4217 currency code, e.g. `EUR` (any case): plants with an investment stated in "
        "that currency; with `min_investment`, the currency of the minimum."
    )
    cited_in = cited_in_filter(children=("capacities", "milestones", "figures"))
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
        form = FigureFilterForm


class ProgrammeFilter(filters.FilterSet):
    search = search_filter(
        "Part of the programme's name, ignoring case, accents and typography: `berlinette` "
        "finds the “Alpine A110 (new electric berlinette)”.",
        search=search_programmes,
    )
    maker = company_filter(
        "brand", f"{COMPANY_HELP} Programmes of that company's brand (the carmaker)."
    )
    cited_in = cited_in_filter()
    ordering = ordering_filter(("name", "name"), ("start_year", "start_year"), ("id", "id"))

    class Meta:
        model = VehicleProgramme
        fields = []
