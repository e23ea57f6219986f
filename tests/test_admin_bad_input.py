"""
Hand-edited admin URLs never end in a server error: a NUL byte in a filter or search term is a
400 naming the parameter, a date out of the calendar is the admin's own "invalid filter" page.
"""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from sourcing.admin import InvalidFilterValuesMixin
from sourcing.models import Article, Citation, Company

from .factories import (
    change_url,
    changeform_data,
    changelist_url,
    client_for,
    make_article,
    make_company,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db

HUGE_YEAR = "99999999999999999999"

SOURCING_ADMINS = [
    model_admin
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "sourcing"
]


def admin_id(model_admin):
    return model_admin.model._meta.model_name


def out_of_calendar_dates(field):
    return [
        {f"{field}__year": HUGE_YEAR},
        {f"{field}__year": "9999"},  # the year after it does not exist
        {f"{field}__year": "9999", f"{field}__month": "12"},
        {f"{field}__year": "9999", f"{field}__month": "12", f"{field}__day": "31"},
        {f"{field}__year": "2024", f"{field}__month": HUGE_YEAR},
        {f"{field}__year": "-5"},
    ]


@pytest.fixture
def superuser_client(client):
    return client_for(client, make_user("sam", is_superuser=True))


def test_the_date_hierarchies_tested_are_those_of_articles_stakes_and_agreements():
    with_dates = {admin_id(a): a.date_hierarchy for a in SOURCING_ADMINS if a.date_hierarchy}
    assert with_dates == {
        "article": "published_on",
        "stake": "as_of",
        "agreement": "announced_on",
    }


@pytest.mark.parametrize(
    "model_admin", [a for a in SOURCING_ADMINS if a.date_hierarchy], ids=admin_id
)
def test_date_out_of_the_calendar_shows_the_invalid_filter_page(superuser_client, model_admin):
    url = changelist_url(model_admin.model)
    for params in out_of_calendar_dates(model_admin.date_hierarchy):
        response = superuser_client.get(url, params)
        assert response.status_code == 302, params
        assert response["Location"].endswith("?e=1"), params
    page = superuser_client.get(url + "?e=1")
    assert page.status_code == 200
    assert page.context["title"]


@pytest.mark.parametrize("model_admin", SOURCING_ADMINS, ids=admin_id)
def test_nul_byte_in_a_list_filter_is_a_400_naming_the_parameter(superuser_client, model_admin):
    make_article()
    make_company()
    url = changelist_url(model_admin.model)
    first_filter = next(f for f in model_admin.list_filter if isinstance(f, str))
    for parameter in ("q", f"{first_filter}__exact"):
        response = superuser_client.get(url, {parameter: "a\x00b"})
        assert response.status_code == 400, parameter
        assert response["Content-Type"].startswith("text/plain")
        assert f"“{parameter}”" in response.content.decode()


def test_nul_byte_in_a_review_status_filter_is_a_400(superuser_client):
    response = superuser_client.get(changelist_url(Company), {"review_status__exact": "\x00"})
    assert response.status_code == 400
    assert "review_status__exact" in response.content.decode()


def test_nul_byte_in_an_autocomplete_term_is_a_400(superuser_client):
    make_company("Verkor")
    params = {
        "term": "\x00",
        "app_label": "sourcing",
        "model_name": "company",
        "field_name": "parent",
    }
    response = superuser_client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 400
    assert "“term”" in response.content.decode()


def test_nul_byte_in_posted_form_data_is_a_400(superuser_client):
    article = make_article()
    url = reverse("admin:sourcing_article_change", args=[article.pk])
    response = superuser_client.post(url, {"title": "Verkor\x00"})
    assert response.status_code == 400
    assert "“title”" in response.content.decode()
    article.refresh_from_db()
    assert "\x00" not in article.title


def test_ordinary_filters_still_work(superuser_client):
    make_article(title="Verkor supply deal", published_on="2022-03-01", published_precision="day")
    response = superuser_client.get(
        changelist_url(Article), {"published_on__year": "2022", "q": "Verkor"}
    )
    assert response.status_code == 200
    assert [article.title for article in response.context["cl"].result_list] == [
        "Verkor supply deal"
    ]


@pytest.mark.parametrize("model_admin", SOURCING_ADMINS, ids=admin_id)
def test_every_admin_turns_impossible_filter_values_into_the_invalid_filter_page(model_admin):
    assert isinstance(model_admin, InvalidFilterValuesMixin)


@pytest.mark.parametrize("model_admin", SOURCING_ADMINS, ids=admin_id)
@pytest.mark.parametrize("path", ["x/history/", "1/history/x/", "1/history/%C2%B2/", "٢/history/"])
def test_history_url_with_an_id_that_is_no_number_goes_back_to_the_index(
    superuser_client, model_admin, path
):
    opts = model_admin.model._meta
    response = superuser_client.get(f"/admin/{opts.app_label}/{opts.model_name}/{path}")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    followed = superuser_client.get(response["Location"])
    assert "doesn’t exist" in followed.content.decode()


# Citations are added through their records' inlines only (tested below), never on their own.
AUTOCOMPLETE_FIELDS = [
    (model_admin, field)
    for model_admin in SOURCING_ADMINS
    if model_admin.model is not Citation
    for field in model_admin.autocomplete_fields
]


@pytest.mark.parametrize(
    ("model_admin", "field"),
    AUTOCOMPLETE_FIELDS,
    ids=[f"{admin_id(a)}.{field}" for a, field in AUTOCOMPLETE_FIELDS],
)
@pytest.mark.parametrize("value", ["abc", "99999999999999999999999", "-1.5"])
def test_an_add_form_prefilled_with_an_impossible_id_opens_empty(
    superuser_client, model_admin, field, value
):
    opts = model_admin.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    response = superuser_client.get(url, {field: value})
    assert response.status_code == 200
    rendered = response.context["adminform"].form[field].as_widget()
    assert not re.search(r"<option[^>]*\bselected\b", rendered)


def test_an_impossible_id_in_a_citation_inline_is_a_form_error(superuser_client):
    stake = make_stake()
    url = change_url(stake)
    data = changeform_data(superuser_client.get(url))
    prefix = next(
        key for key in data if "citation" in key and key.endswith("-TOTAL_FORMS")
    ).removesuffix("TOTAL_FORMS")
    for value in ("abc", "99999999999999999999999"):
        data.update({f"{prefix}0-article": value, f"{prefix}0-quote": "Verkor"})
        response = superuser_client.post(url, data)
        assert response.status_code == 200, value
        assert "Select a valid choice" in response.content.decode(), value


@pytest.mark.parametrize("value", ["abc", "9223372036854775808", "99999999999999999999"])
def test_an_impossible_id_among_several_choices_is_a_form_error(superuser_client, value):
    url = reverse("admin:sourcing_agreement_add")
    data = changeform_data(superuser_client.get(url))
    data.update({"title": "Supply deal", "kind": "supply", "status": "signed"})
    data["programmes"] = [value]
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
