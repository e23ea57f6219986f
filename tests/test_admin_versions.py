"""
No lost edits beyond the curated records: articles, citations, the parts of a record edited on
their own pages and non-editorial spans refuse a save made from a page opened before someone
else saved the same row.
"""

import pytest
from django.contrib import admin
from django.test import Client

from sourcing.admin import RecordPartAdmin, VersionedChangesMixin
from sourcing.forms import VersionedForm
from sourcing.models import (
    AgreementParty,
    AgreementVolume,
    CompanyAlias,
    NonEditorialSpan,
    PlantAlias,
    PlantCapacity,
    PlantMilestone,
    ValueBasis,
    ValueConfirmation,
    registry,
)

from .factories import (
    change_url,
    changeform_data,
    cite,
    client_for,
    error_text,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_user,
)

pytestmark = pytest.mark.django_db


def make_citation():
    return cite(make_company(), make_article(), "Verkor will supply Renault Group")


def make_alias():
    return CompanyAlias.objects.create(company=make_company("Verkor"), name="Verkor SAS")


def make_capacity():
    return PlantCapacity.objects.create(plant=make_plant(), gwh_per_year=16, year=2025)


def make_milestone():
    return PlantMilestone.objects.create(
        plant=make_plant(), kind=PlantMilestone.Kind.OPERATION_START, year=2025
    )


def make_party():
    return AgreementParty.objects.create(
        agreement=make_agreement(), company=make_company(), role=AgreementParty.Role.BUYER
    )


def make_volume():
    return AgreementVolume.objects.create(agreement=make_agreement(), gwh_per_year=12)


def make_span():
    return NonEditorialSpan.objects.create(
        article=make_article(), kind=NonEditorialSpan.Kind.BOILERPLATE, start=0, end=10
    )


# (what the row is, how to make one, the field two editors change, Anna's value, Ben's value)
ROWS_EDITED_ON_THEIR_OWN_PAGE = [
    ("article", make_article, "title", "Anna's title", "Ben's title"),
    (
        "citation",
        make_citation,
        "quote",
        "12 GWh of batteries each year",
        "Renault Group and Verkor",
    ),
    ("company alias", make_alias, "name", "Verkor S.A.S.", "Verkor Group"),
    ("plant capacity", make_capacity, "gwh_per_year", "20.00", "24.00"),
    ("plant milestone", make_milestone, "year", "2026", "2027"),
    ("agreement party", make_party, "role", "supplier", "partner"),
    ("agreement volume", make_volume, "gwh_per_year", "20.00", "24.00"),
    ("non-editorial span", make_span, "end", "20", "30"),
]


def editors_session(username):
    session = Client()
    session.force_login(make_user(username, "Editors"))
    return session


@pytest.mark.parametrize(
    "make_row, field, annas_value, bens_value",
    [case[1:] for case in ROWS_EDITED_ON_THEIR_OWN_PAGE],
    ids=[case[0] for case in ROWS_EDITED_ON_THEIR_OWN_PAGE],
)
def test_second_of_two_editors_saving_the_same_row_is_refused_and_told_who(
    make_row, field, annas_value, bens_value
):
    row = make_row()
    anna, ben = editors_session("anna"), editors_session("ben")
    annas_form = changeform_data(anna.get(change_url(row)))
    bens_form = changeform_data(ben.get(change_url(row)))

    annas_form[field] = annas_value
    assert anna.post(change_url(row), annas_form).status_code == 302
    bens_form[field] = bens_value
    response = ben.post(change_url(row), bens_form)

    assert response.status_code == 200
    message = error_text(response)
    assert "This record was changed by anna at" in message
    assert "since you opened it; reload to see their changes" in message
    row.refresh_from_db()
    assert str(getattr(row, field)) == annas_value
    assert row.version == 2


@pytest.mark.parametrize(
    "make_row", [case[1] for case in ROWS_EDITED_ON_THEIR_OWN_PAGE], ids=lambda f: f.__name__
)
def test_saving_a_fresh_page_twice_works_and_history_keeps_each_version(client, make_row):
    row = make_row()
    client_for(client, make_user("edith", "Editors"))
    for expected in (2, 3):
        data = changeform_data(client.get(change_url(row)))
        assert client.post(change_url(row), data).status_code == 302
        row.refresh_from_db()
        assert row.version == expected
    assert [entry.version for entry in row.history.order_by("history_date")] == [1, 2, 3]


def test_a_part_save_losing_the_race_after_the_form_check_changes_nothing(client, monkeypatch):
    """The conditional UPDATE in save_model catches a save that slipped past the form check."""
    capacity = make_capacity()
    client_for(client, make_user("edith", "Editors"))
    data = changeform_data(client.get(change_url(capacity)))
    PlantCapacity.objects.filter(pk=capacity.pk).update(version=2)
    monkeypatch.setattr(VersionedForm, "check_not_stale", lambda form, version: None)
    data["gwh_per_year"] = "99.00"

    response = client.post(change_url(capacity), data, follow=True)

    assert "since you opened it; reload to see their changes" in response.content.decode()
    capacity.refresh_from_db()
    assert capacity.gwh_per_year == 16
    assert capacity.version == 2


def test_article_edited_on_its_page_refuses_a_stale_change_of_its_spans_too():
    article = make_article()
    NonEditorialSpan.objects.create(
        article=article, kind=NonEditorialSpan.Kind.BOILERPLATE, start=0, end=10
    )
    anna, ben = editors_session("anna"), editors_session("ben")
    annas_form = changeform_data(anna.get(change_url(article)))
    bens_form = changeform_data(ben.get(change_url(article)))
    annas_form["publisher"] = "Verkor"
    assert anna.post(change_url(article), annas_form).status_code == 302
    bens_form["non_editorial_spans-0-end"] = "20"

    response = ben.post(change_url(article), bens_form)

    assert "This record was changed by anna at" in error_text(response)
    assert article.non_editorial_spans.get().end == 10


def test_every_edited_model_has_an_admin_that_checks_versions():
    sourcing_admins = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "sourcing"
    }
    # Plant aliases and value bases are edited on their record's page only; confirmations are
    # made there by its buttons.
    assert set(sourcing_admins) == set(registry.edited_models()) - {
        PlantAlias,
        ValueBasis,
        ValueConfirmation,
    }
    for model_admin in sourcing_admins.values():
        assert isinstance(model_admin, VersionedChangesMixin), model_admin
        assert issubclass(model_admin.form, VersionedForm), model_admin
    for model in set(registry.record_parts()) & set(sourcing_admins):
        assert isinstance(sourcing_admins[model], RecordPartAdmin), model


def test_a_span_saved_on_its_own_page_makes_an_open_article_page_stale():
    # The article page lists its spans: saving it as opened would write the old span back.
    span = make_span()
    article = span.article
    anna, ben = editors_session("anna"), editors_session("ben")
    annas_article_form = changeform_data(anna.get(change_url(article)))
    bens_span_form = changeform_data(ben.get(change_url(span)))

    bens_span_form["kind"] = NonEditorialSpan.Kind.PRESS_CONTACT
    assert ben.post(change_url(span), bens_span_form).status_code == 302
    annas_article_form["publisher"] = "Verkor"
    response = anna.post(change_url(article), annas_article_form)

    assert response.status_code == 200
    assert "This record was changed by ben at" in error_text(response)
    span.refresh_from_db()
    article.refresh_from_db()
    assert span.kind == NonEditorialSpan.Kind.PRESS_CONTACT
    assert article.publisher != "Verkor"


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_a_citation_changed_on_its_own_page_makes_an_open_capacity_page_stale(change):
    # A capacity's page lists its citations; its plant's version alone does not protect it.
    capacity = make_capacity()
    citation = cite(capacity, make_article(), "Verkor will supply Renault Group", field="year")
    anna, ben = editors_session("anna"), editors_session("ben")
    annas_capacity_form = changeform_data(anna.get(change_url(capacity)))

    if change == "edit":
        bens_citation_form = changeform_data(ben.get(change_url(citation)))
        bens_citation_form["field"] = "gwh_per_year"
        assert ben.post(change_url(citation), bens_citation_form).status_code == 302
    else:
        delete_url = change_url(citation).replace("/change/", "/delete/")
        assert ben.post(delete_url, {"post": "yes"}).status_code == 302
    annas_capacity_form["gwh_per_year"] = "20.00"
    response = anna.post(change_url(capacity), annas_capacity_form)

    assert response.status_code == 200
    assert "This record was changed by ben at" in error_text(response)
    capacity.refresh_from_db()
    assert capacity.gwh_per_year == 16
    if change == "edit":
        citation.refresh_from_db()
        assert citation.field == "gwh_per_year"
