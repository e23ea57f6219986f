"""
A citation supports a curated record or one of its cited rows (``registry.citable_models``), on
every path: the desk refuses any other target, the model refuses to save or validate one, and the
content type's choices offer no other.
"""

import pytest
from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from sourcing.models import (
    Article,
    Citation,
    CompanyAlias,
    NonEditorialSpan,
    PlantCapacity,
    registry,
)

from .factories import client_for, desk_act, make_article, make_company, make_plant, make_user

pytestmark = pytest.mark.django_db

BODY = "Verkor will build a 16 GWh plant in Dunkirk, its first gigafactory."
QUOTE = "Verkor will build a 16 GWh plant"


def key(record):
    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"


@pytest.fixture
def article():
    return make_article(body=BODY)


@pytest.fixture
def desk_client(client):
    return client_for(client, make_user("rita", "Reviewers"))


def test_the_desk_refuses_to_cite_a_passage_for_the_article_itself(desk_client, article):
    reply = desk_act(
        desk_client, article, action="cite", target=key(article), start=0, end=len(QUOTE)
    )

    assert reply.status_code == 400
    assert reply.json()["error"] == "Choose the record the passage supports."
    assert not Citation.objects.exists()
    assert Article.objects.get(pk=article.pk).version == article.version


@pytest.mark.parametrize(
    "make_row",
    [
        lambda article: make_company("Verkor", aliases=["Verkor SAS"]).aliases.get(),
        lambda article: NonEditorialSpan.objects.create(
            article=article, kind="comments", start=0, end=6
        ),
    ],
)
def test_the_desk_refuses_rows_that_are_not_cited_rows(desk_client, article, make_row):
    row = make_row(article)
    reply = desk_act(desk_client, article, action="cite", target=key(row), start=0, end=len(QUOTE))

    assert reply.status_code == 400
    assert not Citation.objects.exists()


def test_the_desk_still_cites_a_plant_capacity(desk_client, article):
    capacity = PlantCapacity.objects.create(plant=make_plant(name="Dunkirk"), gwh_per_year=16)

    reply = desk_act(
        desk_client, article, action="cite", target=key(capacity), start=0, end=len(QUOTE)
    )

    assert reply.status_code == 200, reply.content
    assert Citation.objects.get().record == capacity


@pytest.mark.parametrize("target", ["article", "alias"])
def test_the_model_refuses_a_citation_of_anything_else(article, target):
    record = article if target == "article" else make_company(aliases=["Verkor SAS"]).aliases.get()
    citation = Citation(record=record, article=article, quote=QUOTE)

    with pytest.raises(ValidationError) as refused:
        citation.full_clean()
    assert "A citation supports one of: company, stake" in str(refused.value)
    with pytest.raises(ValidationError):
        citation.save()
    assert not Citation.objects.exists()


def test_the_content_types_offered_for_a_citation_are_the_citable_models():
    form = modelform_factory(Citation, fields=["content_type"])()
    offered = form.fields["content_type"].queryset

    assert {content_type.model_class() for content_type in offered} == set(
        registry.citable_models()
    )
    assert ContentType.objects.get_for_model(Article) not in offered
    assert ContentType.objects.get_for_model(CompanyAlias) not in offered


def test_the_citable_models_are_those_with_citations_of_their_own():
    """A model that shows its citations (a GenericRelation to Citation) is in the registry."""
    with_citations = {
        model
        for model in apps.get_app_config("sourcing").get_models()
        for field in model._meta.private_fields
        if isinstance(field, GenericRelation) and field.related_model is Citation
    }
    assert with_citations == set(registry.citable_models())
