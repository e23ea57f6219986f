"""Record pages: new citation rows start on the right article; parts are cited on their page."""

import pytest

from sourcing.models import AgreementParty, PlantCapacity

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

CITATIONS = "sourcing-citation-content_type-object_id"


@pytest.fixture
def editor_client(client):
    return client_for(client, make_user("edith", "Editors"))


def new_row_article(page):
    formset = page.context["inline_admin_formsets"][-1].formset
    return formset.forms[-1]["article"].value()


def test_new_citation_rows_start_on_the_article_of_the_last_citation(editor_client):
    older, newer = make_article(), make_article()
    company = make_company("Verkor")
    cite(company, older, "Verkor will supply")
    cite(company, newer, "Verkor will supply")

    assert new_row_article(editor_client.get(change_url(company))) == newer.pk


def test_the_article_the_editor_came_from_wins(editor_client):
    older, newer = make_article(), make_article()
    company = make_company("Verkor")
    cite(company, newer, "Verkor will supply")

    page = editor_client.get(change_url(company) + f"?article={older.pk}")

    assert new_row_article(page) == older.pk
    # An id that is no article is ignored, not an error.
    assert editor_client.get(change_url(company) + "?article=99999999").status_code == 200


def test_a_party_is_cited_on_its_own_page_and_saving_goes_back_to_the_agreement(editor_client):
    article = make_article()
    agreement = make_agreement(parties=[(make_company("Verkor"), AgreementParty.Role.SUPPLIER)])
    party = agreement.parties.get()
    page = editor_client.get(change_url(party) + f"?article={article.pk}")
    data = changeform_data(page)
    assert data[f"{CITATIONS}-0-article"] == str(article.pk)
    data[f"{CITATIONS}-0-quote"] = "Verkor will supply"
    data[f"{CITATIONS}-0-field"] = "role"

    reply = editor_client.post(change_url(party), data)

    assert reply.status_code == 302
    assert reply["Location"] == change_url(agreement)
    assert party.citations.get().passage == "Verkor will supply"


def test_saving_a_capacity_goes_back_to_its_plant(editor_client):
    plant = make_plant()
    capacity = PlantCapacity.objects.create(plant=plant, gwh_per_year=8)
    data = changeform_data(editor_client.get(change_url(capacity)))
    data["year"] = "2030"

    reply = editor_client.post(change_url(capacity), data)

    assert reply["Location"] == change_url(plant)


def test_a_prefilled_row_left_without_a_quote_is_not_a_citation_nor_an_error(editor_client):
    article = make_article()
    company = make_company("Verkor")
    cite(company, article, "Verkor will supply")
    data = changeform_data(editor_client.get(change_url(company)))
    data["description"] = "A cell maker."

    reply = editor_client.post(change_url(company), data)

    assert reply.status_code == 302
    assert company.citations.count() == 1


def test_a_quote_found_twice_on_a_record_page_asks_for_a_longer_one(editor_client):
    article = make_article()  # names Verkor twice
    company = make_company("Verkor")
    data = changeform_data(editor_client.get(change_url(company) + f"?article={article.pk}"))
    data[f"{CITATIONS}-0-quote"] = "Verkor"

    reply = editor_client.post(change_url(company), data)

    assert reply.status_code == 200
    assert "“Verkor” occurs 2 times in the article" in error_text(reply)
    assert not company.citations.exists()
