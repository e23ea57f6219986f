"""
Desk action bodies a hostile or broken client might send: each is a 400 (or a 413 for a body too
large) whose JSON names what was wrong, never a 500, and nothing is saved.
"""

import json

import pytest
from django.urls import reverse

from sourcing.desk.payload import MAX_DEPTH
from sourcing.models import Article, Citation, Company

from .factories import client_for, make_article, make_company, make_user

pytestmark = pytest.mark.django_db

BODY = "Stellantis will take a 30% stake in Voltaris. The Douvrin plant will make 13 GWh a year."
DEEP = 100_000


@pytest.fixture
def article():
    return make_article(body=BODY)


@pytest.fixture
def desk_client(client):
    return client_for(client, make_user("rita", "Reviewers"))


def post_raw(client, article, body):
    return client.post(
        reverse("admin:sourcing_article_desk_act", args=[article.pk]),
        body,
        content_type="application/json",
    )


def refusal(reply, status=400):
    assert reply.status_code == status, reply.content[:300]
    return reply.json()["error"]


def nested(depth):
    return "[" * depth + "]" * depth


def assert_nothing_saved(article):
    assert Article.objects.get(pk=article.pk).version == article.version
    assert not Citation.objects.exists()


def test_a_body_nested_a_hundred_thousand_levels_deep_is_refused(desk_client, article):
    body = f'{{"action": "cite", "version": {article.version}, "a": {nested(DEEP)}}}'

    error = refusal(post_raw(desk_client, article, body))

    assert error == f"The request is nested more than {MAX_DEPTH} levels deep."
    assert_nothing_saved(article)


def test_deep_nesting_inside_a_proposal_is_refused(desk_client, article):
    body = (
        f'{{"action": "accept", "version": {article.version}, '
        f'"proposal": {{"kind": "company", "fields": {{"name": {nested(DEEP)}}}}}}}'
    )

    error = refusal(post_raw(desk_client, article, body))

    assert error == f"The request is nested more than {MAX_DEPTH} levels deep."
    assert not Company.objects.exists()


def test_nesting_just_past_the_limit_is_refused_and_at_the_limit_is_read(desk_client, article):
    # The root object is the first level: "a" holds the other MAX_DEPTH - 1.
    at_limit = f'{{"action": "verify", "version": {article.version}, "a": {nested(MAX_DEPTH - 1)}}}'
    past_limit = f'{{"action": "verify", "version": {article.version}, "a": {nested(MAX_DEPTH)}}}'

    assert refusal(post_raw(desk_client, article, at_limit)) == "Tick the records to mark verified."
    assert refusal(post_raw(desk_client, article, past_limit)) == (
        f"The request is nested more than {MAX_DEPTH} levels deep."
    )


def test_rows_within_rows_are_refused_by_depth_before_the_shape_check(desk_client, article):
    # Parties inside parties, 600 deep: the shape check recurses on each row.
    fields = '{"parties": [' * 600 + '{"name": "x"}' + "]}" * 600
    body = f'{{"action": "accept", "version": {article.version}, "proposal": {fields}}}'

    error = refusal(post_raw(desk_client, article, body))

    assert error == f"The request is nested more than {MAX_DEPTH} levels deep."


def test_a_body_over_the_size_limit_is_a_413_naming_the_limit(desk_client, article, settings):
    settings.DESK_ACTION_MAX_BYTES = 1000
    body = json.dumps({"action": "cite", "version": article.version, "field": "x" * 2000})

    error = refusal(post_raw(desk_client, article, body), status=413)

    assert error == (
        f"The request is {len(body.encode())} bytes; a desk action may be at most 1,000 bytes."
    )
    assert_nothing_saved(article)


@pytest.mark.parametrize(
    "body, message",
    [
        (b"\xff\xfe", "The request is not JSON: it is not valid UTF-8."),
        (b'{"action": "cite"', "The request is not JSON"),
        (b'{"action": "cite", "start": NaN}', "The request is not JSON"),
        (b'{"action": "cite", "start": 1e400}', "The request is not JSON"),
        (b'{"action": "cite", "field": "\\ud800"}', "The request is not JSON"),
        (b"[1, 2]", "The request is not a JSON object."),
    ],
)
def test_bodies_that_are_not_json_objects_are_refused(desk_client, article, body, message):
    error = refusal(post_raw(desk_client, article, body))

    assert error.startswith(message)
    assert_nothing_saved(article)


def test_a_nul_character_anywhere_is_refused_naming_where(desk_client, article):
    proposal = {"kind": "company", "fields": {"name": "Volt\u0000aris"}, "quote": "Voltaris"}
    body = json.dumps({"action": "accept", "version": article.version, "proposal": proposal})

    error = refusal(post_raw(desk_client, article, body))

    assert error == "“proposal.fields.name” contains a NUL character, which is never valid."
    assert not Company.objects.exists()


@pytest.mark.parametrize(
    "target",
    ["1:99999999999999999999999", "99999999999999999999999:1", "1:-5", "1:1:1", "a:b"],
)
def test_a_target_naming_no_record_is_refused(desk_client, article, target):
    make_company("Stellantis")
    body = json.dumps(
        {"action": "cite", "version": article.version, "target": target, "start": 0, "end": 10}
    )

    error = refusal(post_raw(desk_client, article, body))

    assert error == "Choose the record the passage supports."
    assert_nothing_saved(article)
