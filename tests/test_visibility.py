"""
Who may see a row is one rule with two forms: ``Model.objects.visible_to(user)`` for lists and
``row.is_visible_to(user)`` for a row already loaded. They agree for every model that has them,
whatever the review status of the row and of every curated record it refers to.
"""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser, User

from sourcing.models import (
    Agreement,
    AgreementParty,
    Company,
    CuratedRecord,
    Plant,
    ReviewStatus,
    Stake,
    VehicleProgramme,
    editing_as,
)
from sourcing.models.registry import edited_models

from .factories import make_agreement, make_company, make_plant

pytestmark = pytest.mark.django_db

DRAFT, NEEDS_REVIEW, VERIFIED = ReviewStatus.values

# The fields each model needs besides its references to curated records.
OWN_FIELDS = {
    Company: {"name": "Verkor", "kind": Company.Kind.CELL_MAKER},
    Stake: {"status": Stake.Status.COMPLETED},
    Plant: {"name": "Dunkirk", "kind": Plant.Kind.CELL_GIGAFACTORY, "status": "announced"},
    VehicleProgramme: {"name": "R5"},
    Agreement: {"title": "Supply deal", "kind": "supply", "status": "signed"},
    AgreementParty: {"role": AgreementParty.Role.BUYER},
}
MAKE_REFERENCED = {Company: make_company, Plant: make_plant, Agreement: make_agreement}


def models_with_visibility():
    return [model for model in edited_models() if hasattr(model._default_manager, "visible_to")]


def curated_references(model):
    """The model's ForeignKeys to curated records (a stake's holder and target, say)."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, CuratedRecord)
    ]


def states(model):
    """Every combination of the row's own status and those of the records it refers to."""
    own = list(ReviewStatus.values) if issubclass(model, CuratedRecord) else [None]
    choices = [own]
    for field in curated_references(model):
        choices.append(([None] if field.null else []) + list(ReviewStatus.values))
    return list(itertools.product(*choices))


def make_row(model, own_status, referenced_statuses):
    fields = dict(OWN_FIELDS[model])
    if own_status is not None:
        fields["review_status"] = own_status
    for field, status in zip(curated_references(model), referenced_statuses, strict=True):
        make = MAKE_REFERENCED[field.related_model]
        fields[field.name] = None if status is None else make(review_status=status)
    with editing_as(None, trusted=True):
        return model.objects.create(**fields)


def readers():
    staff = User.objects.create_user("stella", is_staff=True)
    reader = User.objects.create_user("rachel")
    return {"nobody": None, "anonymous": AnonymousUser(), "signed in": reader, "staff": staff}


def test_every_model_with_a_visibility_rule_is_covered_here():
    assert set(models_with_visibility()) == set(OWN_FIELDS)


@pytest.mark.parametrize("model", list(OWN_FIELDS), ids=lambda model: model.__name__)
def test_a_loaded_row_and_the_queryset_agree_on_who_sees_it(model):
    users = readers()
    for own_status, *referenced in states(model):
        row = model.objects.get(pk=make_row(model, own_status, referenced).pk)
        for name, user in users.items():
            listed = model.objects.visible_to(user).filter(pk=row.pk).exists()
            assert row.is_visible_to(user) == listed, (name, own_status, referenced)
        model.objects.filter(pk=row.pk).delete()


def test_a_verified_stake_in_a_draft_company_is_hidden_both_ways():
    holder = make_company("Renault Group", review_status=VERIFIED)
    target = make_company("Verkor", review_status=DRAFT)
    stake = Stake.objects.create(holder=holder, target=target, status="completed")
    Stake.objects.filter(pk=stake.pk).update(review_status=VERIFIED)
    stake = Stake.objects.get(pk=stake.pk)
    assert not stake.is_visible_to(None)
    assert not Stake.objects.visible_to(None).exists()
