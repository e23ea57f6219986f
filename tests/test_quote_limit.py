"""
A citation's quote has a length limit (quotes.MAX_QUOTE_LENGTH): the model's validation and the
curation desk refuse a longer one with a message giving the limit, even when the passage is in
the article, and a quote of exactly the limit is cited as usual. Non-editorial parts are not
quotes and may be longer.
"""

import pytest
from django.core.exceptions import ValidationError

from sourcing.models import Citation, Company, NonEditorialSpan, Stake
from sourcing.text import quotes

from .factories import client_for, desk_act, make_article, make_company, make_user

pytestmark = pytest.mark.django_db

LIMIT = quotes.MAX_QUOTE_LENGTH
SENTENCE = "Kestrel Cells will deliver {n}\u00a0GWh of batteries to Calder Motors in year {n}. "
BODY = "".join(SENTENCE.format(n=n) for n in range(1, 200))
TOO_LONG = f"at most {LIMIT:,} characters long"


def passage_of_length(length):
    """A passage of ``BODY`` exactly ``length`` characters long, starting and ending on words."""
    for space in range(BODY.index(" "), len(BODY) - length - 1):
        start, end = space + 1, space + 1 + length
        if BODY[space] == " " and BODY[end] == " " and BODY[end - 1] != " ":
            return start, end
    raise AssertionError(f"no passage of {length} characters")


@pytest.fixture
def article():
    assert len(BODY) > 2 * LIMIT
    return make_article(title="Kestrel deliveries", body=BODY)


def test_a_citation_quoting_more_than_the_limit_is_refused_though_the_passage_is_there(article):
    start, end = passage_of_length(LIMIT + 1)
    citation = Citation(record=make_company(), article=article, quote=BODY[start:end])

    with pytest.raises(ValidationError) as refused:
        citation.full_clean()

    message = " ".join(refused.value.message_dict["quote"])
    assert TOO_LONG in message
    assert f"this one has {LIMIT + 1:,}" in message
    with pytest.raises(ValidationError):
        citation.save()
    assert not Citation.objects.exists()


def test_a_citation_quoting_exactly_the_limit_is_saved(article):
    start, end = passage_of_length(LIMIT)
    citation = Citation(record=make_company(), article=article, quote=BODY[start:end])
    citation.full_clean()
    citation.save()
    assert (citation.start, citation.end) == (start, end)


@pytest.fixture
def desk(client):
    return client_for(client, make_user("edith", "Editors"))


def key(record):
    from django.contrib.contenttypes.models import ContentType

    return f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"


def test_the_desk_refuses_to_cite_a_selection_over_the_limit_and_says_why(desk, article):
    kestrel = make_company("Kestrel Cells")
    start, end = passage_of_length(LIMIT + 1)

    reply = desk_act(desk, article, action="cite", target=key(kestrel), start=start, end=end)

    assert reply.status_code == 400
    assert TOO_LONG in reply.json()["error"]
    assert not Citation.objects.exists()
    start, end = passage_of_length(LIMIT)
    reply = desk_act(desk, article, action="cite", target=key(kestrel), start=start, end=end)
    assert reply.status_code == 200, reply.json()
    assert kestrel.citations.get().passage == BODY[start:end]


def test_the_desk_refuses_a_proposal_quoting_over_the_limit_and_creates_nothing(desk, article):
    start, end = passage_of_length(LIMIT + 1)
    proposal = {
        "kind": "stake",
        "fields": {"holder": "Calder Motors", "target": "Kestrel Cells", "share_exact": "10"},
        "quote": BODY[start:end],
        "start": start,
        "end": end,
    }

    reply = desk_act(desk, article, action="accept", proposal=proposal)

    assert reply.status_code == 400
    assert TOO_LONG in reply.json()["error"]
    assert not Stake.objects.exists() and not Company.objects.exists()
    assert not Citation.objects.exists()


def test_a_non_editorial_part_longer_than_the_limit_can_still_be_marked(desk, article):
    start, end = passage_of_length(LIMIT + 500)

    reply = desk_act(desk, article, action="mark", kind="reader_comments", start=start, end=end)

    assert reply.status_code == 200, reply.json()
    span = NonEditorialSpan.objects.get()
    assert (span.start, span.end) == (start, end)
