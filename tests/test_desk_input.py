"""Desk actions of the wrong shape: a 400 naming the value that was wrong, and nothing saved."""

import pytest

from sourcing.models import Article, Citation, Company, PlantCapacity, Stake

from .factories import client_for, make_article, make_company, make_plant, make_user
from .factories import desk_act as act

pytestmark = pytest.mark.django_db

BODY = "Stellantis will take a 30% stake in Voltaris. The Douvrin plant will make 13 GWh a year."
STAKE_QUOTE = "Stellantis will take a 30% stake in Voltaris."
CAPACITY_QUOTE = "The Douvrin plant will make 13 GWh a year."


@pytest.fixture
def article():
    return make_article(body=BODY)


@pytest.fixture
def desk_client(client):
    return client_for(client, make_user("rita", "Reviewers"))


def refusal(reply):
    assert reply.status_code == 400, reply.content
    return reply.json()["error"]


def stake(**fields):
    return {
        "kind": "stake",
        "fields": {"holder": "Stellantis", "target": "Voltaris", "share_exact": 30, **fields},
        "quote": STAKE_QUOTE,
    }


def test_verify_with_targets_that_are_not_a_list_is_refused(desk_client, article):
    error = refusal(act(desk_client, article, action="verify", targets=5))

    assert error == "“targets” must be a list of records, not a number."


def test_a_company_named_by_an_id_that_is_no_number_is_refused(desk_client, article):
    make_company("Stellantis")
    proposal = stake(holder={"id": "abc", "name": "x"})

    error = refusal(act(desk_client, article, action="accept", proposal=proposal))

    assert error == "“holder”: the id “abc” is not a record's number."
    assert not Stake.objects.exists()
    assert list(Company.objects.values_list("name", flat=True)) == ["Stellantis"]


def test_a_plant_named_by_an_id_that_is_no_number_is_refused(desk_client, article):
    make_plant(name="Douvrin")
    proposal = {
        "kind": "plant_capacity",
        "fields": {"plant": {"id": "x"}, "gwh_per_year": 13, "year": None},
        "quote": CAPACITY_QUOTE,
    }

    error = refusal(act(desk_client, article, action="accept", proposal=proposal))

    assert error == "“plant”: the id “x” is not a record's number."
    assert not PlantCapacity.objects.exists()


def test_a_list_where_a_name_belongs_creates_no_company(desk_client, article):
    proposal = {"kind": "company", "fields": {"name": ["a"]}, "quote": STAKE_QUOTE}

    error = refusal(act(desk_client, article, action="accept", proposal=proposal))

    assert error == "“name” must be text, not a list."
    assert not Company.objects.exists()
    assert not Citation.objects.exists()


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"action": ["accept"]}, "“action” must be text, not a list."),
        ({"action": "verify", "version": "1"}, "“version” must be a whole number, not text."),
        ({"action": "accept", "proposal": "stake"}, "“proposal” must be an object, not text."),
        (
            {"action": "accept", "proposal": {"kind": "stake", "fields": ["holder"]}},
            "“fields” must be an object, not a list.",
        ),
        (
            {"action": "accept", "proposal": stake(target={"name": 7})},
            "“target”: the name must be text, not a number.",
        ),
        (
            {"action": "accept", "proposal": stake(status={"id": 1})},
            "“status” must be text, not an object.",
        ),
        (
            {"action": "accept", "proposal": {**stake(), "start": "0"}},
            "“start” must be a whole number, not text.",
        ),
        (
            {"action": "accept", "proposal": {**stake(), "quote": 5}},
            "“quote” must be text, not a number.",
        ),
        (
            {
                "action": "accept",
                "proposal": {"kind": "agreement", "fields": {"parties": ["Stellantis"]}},
            },
            "“parties.0” must be an object, not text.",
        ),
        ({"action": "cite", "target": ["1:1"], "start": 0, "end": 5}, "“target” must be text"),
    ],
)
def test_a_value_of_the_wrong_shape_is_named_in_the_refusal(desk_client, article, payload, message):
    payload.setdefault("version", article.version)

    error = refusal(act(desk_client, article, **payload))

    assert error.startswith(message)
    assert Article.objects.get(pk=article.pk).version == article.version
