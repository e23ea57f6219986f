"""
A request whose transaction PostgreSQL rolled back as a deadlock victim or a serialization
failure is run again once (sourcing.middleware.RetryTransientFailuresMiddleware): the editor's
save goes through once, and a second failure is a 503 "try again", never a 500.
"""

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError

from sourcing.admin.companies import CompanyAdmin
from sourcing.desk import writes
from sourcing.models import Article, Citation, Company

from .factories import (
    change_url,
    changeform_data,
    client_for,
    desk_act,
    make_article,
    make_company,
    make_user,
)

pytestmark = pytest.mark.django_db

BODY = "Verkor will supply Renault with 12 GWh of batteries a year."
QUOTE = "Verkor will supply Renault"


def failing(function, times, cause=psycopg.errors.DeadlockDetected):
    """``function``, raising PostgreSQL's ``cause`` after doing its work, the first ``times``."""
    calls = []

    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("rolled back") from cause("rolled back")
        return result

    return wrapper


@pytest.fixture
def editor_client(client):
    return client_for(client, make_user("rita", "Reviewers"))


@pytest.fixture
def article():
    return make_article(body=BODY)


def cite(client, article):
    company = make_company("Verkor")
    target = f"{ContentType.objects.get_for_model(Company).pk}:{company.pk}"
    return desk_act(client, article, action="cite", target=target, start=0, end=len(QUOTE))


@pytest.mark.parametrize(
    "cause", [psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure]
)
def test_a_desk_action_chosen_as_a_deadlock_victim_is_run_again_once(
    editor_client, article, monkeypatch, cause
):
    monkeypatch.setattr(writes, "cite", failing(writes.cite, times=1, cause=cause))

    reply = cite(editor_client, article)

    assert reply.status_code == 200, reply.content
    assert Citation.objects.count() == 1
    assert Article.objects.get(pk=article.pk).version == article.version + 1


def test_a_desk_action_failing_twice_is_a_503_saying_nothing_was_saved(
    editor_client, article, monkeypatch
):
    monkeypatch.setattr(writes, "cite", failing(writes.cite, times=2))

    reply = cite(editor_client, article)

    assert reply.status_code == 503 and reply["Retry-After"] == "5"
    assert "nothing was saved" in reply.json()["error"]
    assert not Citation.objects.exists()
    assert Article.objects.get(pk=article.pk).version == article.version


def test_an_admin_save_chosen_as_a_deadlock_victim_is_saved_once(editor_client, monkeypatch):
    company = make_company("Verkor")
    data = changeform_data(editor_client.get(change_url(company)))
    data["name"] = "Verkor SAS"
    monkeypatch.setattr(CompanyAdmin, "save_model", failing(CompanyAdmin.save_model, times=1))

    reply = editor_client.post(change_url(company), data)

    assert reply.status_code == 302, reply.content
    company.refresh_from_db()
    assert company.name == "Verkor SAS" and company.version == 2
    assert company.history.count() == 2


def test_other_database_errors_are_not_run_again(editor_client, article, monkeypatch):
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise OperationalError("no such table: sourcing_citation")

    monkeypatch.setattr(writes, "cite", broken)

    with pytest.raises(OperationalError):
        cite(editor_client, article)
    assert calls == [1]
