"""
An article's body is stored exactly as received: saving its admin page as a browser does (CRLF
line endings in every textarea, whitespace at the ends kept) must not rewrite it.
"""

import pytest
from django.urls import reverse

from sourcing.models import Article

from .factories import (
    change_url,
    changeform_data,
    cite,
    client_for,
    make_article,
    make_company,
    make_user,
)

pytestmark = pytest.mark.django_db

BODY_WITH_PARAGRAPHS = (
    " Renault Group and Verkor have entered a long-term commercial partnership.\n\n"
    "Verkor will supply Renault Group with the equivalent of 12\u00a0GWh of batteries each year.\n"
)


def as_a_browser_submits(text):
    return text.replace("\n", "\r\n")


@pytest.fixture
def editor_client(client):
    return client_for(client, make_user("edith", "Editors"))


def test_saving_only_the_publisher_keeps_the_body_and_its_hash_byte_for_byte(editor_client):
    article = make_article(body=BODY_WITH_PARAGRAPHS)
    citation = cite(make_company(), article, "12 GWh of batteries each year")
    original_hash = article.content_hash
    data = changeform_data(editor_client.get(change_url(article)))
    data["body"] = as_a_browser_submits(data["body"])
    data["publisher"] = "Verkor"

    assert editor_client.post(change_url(article), data).status_code == 302

    article.refresh_from_db()
    assert article.publisher == "Verkor"
    assert article.body == BODY_WITH_PARAGRAPHS
    assert article.content_hash == original_hash
    citation.refresh_from_db()
    assert citation.passage == "12\u00a0GWh of batteries each year"


def test_saving_untouched_does_not_record_a_change_of_the_body(editor_client):
    article = make_article(body=BODY_WITH_PARAGRAPHS)
    data = changeform_data(editor_client.get(change_url(article)))
    data["body"] = as_a_browser_submits(data["body"])
    data["title"] = "Renault and Verkor"

    assert editor_client.post(change_url(article), data).status_code == 302

    latest = article.history.first()
    assert latest.history_type == "~"
    assert latest.prev_record.body == latest.body


def test_a_real_edit_of_the_body_keeps_the_texts_own_line_endings(editor_client):
    article = make_article(body=BODY_WITH_PARAGRAPHS)
    data = changeform_data(editor_client.get(change_url(article)))
    data["body"] = as_a_browser_submits(BODY_WITH_PARAGRAPHS + "\nA paragraph added.")

    assert editor_client.post(change_url(article), data).status_code == 302

    article.refresh_from_db()
    assert article.body == BODY_WITH_PARAGRAPHS + "\nA paragraph added."
    assert article.content_hash == Article.hash_body(article.body)


def test_a_body_received_with_crlf_line_endings_keeps_them(editor_client):
    body = as_a_browser_submits(BODY_WITH_PARAGRAPHS)
    article = make_article(body=body)
    data = changeform_data(editor_client.get(change_url(article)))
    data["body"] = body + "\r\nA paragraph added."

    assert editor_client.post(change_url(article), data).status_code == 302

    article.refresh_from_db()
    assert article.body == body + "\r\nA paragraph added."


@pytest.mark.parametrize("span_change", ["edit", "add"])
def test_editing_the_text_and_its_spans_in_one_save_is_refused_clearly(editor_client, span_change):
    # Span offsets typed next to a text edit could mean the old text or the new: ambiguous, so the
    # editor is asked to save one, then the other, and nothing of either is stored.
    from sourcing.models import NonEditorialSpan

    article = make_article(body=BODY_WITH_PARAGRAPHS + "Contact press relations\n")
    span = NonEditorialSpan.objects.create(
        article=article,
        kind="press_contact",
        start=len(BODY_WITH_PARAGRAPHS),
        end=len(article.body),
    )
    cite(make_company(), article, "12 GWh of batteries each year")
    data = changeform_data(editor_client.get(change_url(article)))
    data["body"] = "Press release.\n" + data["body"]
    if span_change == "edit":
        data["non_editorial_spans-0-start"] = str(span.start + 1)
    else:
        data.update(
            {
                "non_editorial_spans-TOTAL_FORMS": "2",
                "non_editorial_spans-1-kind": "navigation",
                "non_editorial_spans-1-start": "0",
                "non_editorial_spans-1-end": "14",
            }
        )

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "Save the change to the text first" in response.content.decode()
    article.refresh_from_db()
    span.refresh_from_db()
    assert article.body == BODY_WITH_PARAGRAPHS + "Contact press relations\n"
    assert (span.start, article.non_editorial_spans.count()) == (len(BODY_WITH_PARAGRAPHS), 1)


def test_restoring_a_span_version_saved_against_an_earlier_text_is_refused(editor_client):
    from sourcing.models import NonEditorialSpan

    article = make_article(body=BODY_WITH_PARAGRAPHS + "Contact press relations\n")
    span = NonEditorialSpan.objects.create(
        article=article,
        kind="press_contact",
        start=len(BODY_WITH_PARAGRAPHS),
        end=len(article.body),
    )
    first_version = span.history.get()
    article.body = "Press release.\n" + article.body
    article.save()  # the span follows the text: its first version's offsets no longer do
    span.refresh_from_db()
    restore_url = reverse(
        "admin:sourcing_noneditorialspan_simple_history", args=[span.pk, first_version.history_id]
    )

    response = editor_client.post(
        restore_url,
        {
            "kind": "press_contact",
            "article": article.pk,
            "start": first_version.start,
            "end": first_version.end,
        },
    )

    assert response.status_code == 302
    followed = editor_client.get(response["Location"]).content.decode()
    assert "saved against an earlier text of the article" in followed
    moved = (span.start, span.end)
    span.refresh_from_db()
    assert (span.start, span.end) == moved
    assert span.text == "Contact press relations\n"
