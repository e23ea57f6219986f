"""
Concurrent writers on PostgreSQL never deadlock: two threads, each with its own connection,
save records, rows and citations that share records and change-log rows, in many short
transactions, and not one is chosen as a deadlock victim; the feed still numbers every change in
commit order (sourcing.models.changes).
"""

import json
import random
import threading

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, connection, transaction
from django.test import RequestFactory

from sourcing.desk.views import act_view
from sourcing.models import (
    Agreement,
    AgreementParty,
    Article,
    Change,
    Citation,
    Company,
    Plant,
    PlantCapacity,
    Stake,
)
from tests.factories import (
    PARTNER,
    SUPPLIER,
    VERIFIED,
    make_agreement,
    make_article,
    make_company,
    make_editorial_groups,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite has one writer at a time: transactions cannot interleave",
    ),
    pytest.mark.django_db(transaction=True),
]

BODY = (
    "Verkor will supply Renault with 12 GWh of batteries a year from its Dunkirk plant. "
    "The plant will make 16 GWh by 2025. Renault holds a stake of over 20% in Verkor."
)
QUOTES = ("Verkor will supply Renault", "12 GWh of batteries", "The plant will make 16 GWh")
TRANSACTIONS_PER_WRITER = 150


@pytest.fixture(autouse=True)
def _fresh_content_types():
    yield
    # The flush and restore around a transactional test renumber content types.
    ContentType.objects.clear_cache()


@pytest.fixture
def records():
    make_editorial_groups()  # emptied by an earlier transactional test's flush
    renault = make_company("Renault", review_status=VERIFIED)
    verkor = make_company("Verkor", review_status=VERIFIED)
    plant = make_plant(operator=verkor, name="Dunkirk", review_status=VERIFIED)
    return {
        "article": make_article(body=BODY),
        "companies": [renault, verkor],
        "agreement": make_agreement(
            [(renault, PARTNER), (verkor, SUPPLIER)], plant=plant, review_status=VERIFIED
        ),
        "plant": plant,
        "capacity": PlantCapacity.objects.create(plant=plant, gwh_per_year=16),
        "stake": make_stake(renault, verkor, review_status=VERIFIED),
        "editor": make_user("edith", "Editors"),
    }


# -- Single-record saves, as the admin and the desk make them -------------------------------------


def rename_company(r, n):
    company = Company.objects.get(pk=random.choice(r["companies"]).pk)
    company.name = f"{company.name.split()[0]} {n}"
    company.save()


def retitle_agreement(r, n):
    agreement = Agreement.objects.get(pk=r["agreement"].pk)
    agreement.title = f"Supply deal {n}"
    agreement.save()


def cite_a_row_or_record(r, n):
    targets = [
        Agreement.objects.get(pk=r["agreement"].pk),
        AgreementParty.objects.filter(agreement=r["agreement"]).order_by("?").first(),
        PlantCapacity.objects.get(pk=r["capacity"].pk),
    ]
    Citation.objects.create(
        record=random.choice(targets), article=r["article"], quote=random.choice(QUOTES)
    )


def withdraw_a_citation(r, n):
    citation = Citation.objects.order_by("?").first()
    if citation is not None:
        citation.delete()


def change_a_party(r, n):
    party = AgreementParty.objects.filter(agreement=r["agreement"]).order_by("?").first()
    party.role = random.choice([PARTNER, SUPPLIER])
    party.save()


def move_the_plant(r, n):
    plant = Plant.objects.get(pk=r["plant"].pk)
    plant.city = f"Dunkirk {n}"
    plant.save()


def change_the_stake(r, n):
    stake = Stake.objects.get(pk=r["stake"].pk)
    stake.status = random.choice([Stake.Status.COMPLETED, Stake.Status.ANNOUNCED])
    stake.save()


def retitle_the_article(r, n):
    article = Article.objects.get(pk=r["article"].pk)
    article.title = f"Verkor and Renault {n}"
    article.save()


def cite_at_the_desk(r, n):
    """The desk's own action: it locks the article, cites, and moves the article's version on."""
    article = Article.objects.get(pk=r["article"].pk)
    quote = random.choice(QUOTES)
    start = article.body.index(quote)
    action = {
        "action": "cite",
        "version": article.version,
        "target": f"{ContentType.objects.get_for_model(Agreement).pk}:{r['agreement'].pk}",
        "start": start,
        "end": start + len(quote),
    }
    request = RequestFactory().post("/", json.dumps(action), content_type="application/json")
    request.user = r["editor"]
    reply = act_view(request, admin.site._registry[Article], article.pk)
    assert reply.status_code in (200, 409), reply.content  # 409: the other writer came first


SAVES = [
    rename_company,
    retitle_agreement,
    cite_a_row_or_record,
    withdraw_a_citation,
    change_a_party,
    move_the_plant,
    change_the_stake,
    retitle_the_article,
    cite_at_the_desk,
]


def is_deadlock_or_serialization_failure(error):
    return getattr(error.__cause__, "sqlstate", None) in ("40P01", "40001")


def write_many(records, seed, start, failures):
    rng = random.Random(seed)
    try:
        with connection.cursor() as cursor:
            # Found in 50 ms rather than the server's default second: the test stays short.
            cursor.execute("SET deadlock_timeout = '50ms'")
        start.wait(10)
        for n in range(TRANSACTIONS_PER_WRITER):
            save = rng.choice(SAVES)
            try:
                with transaction.atomic():
                    save(records, n)
            except OperationalError as error:
                if not is_deadlock_or_serialization_failure(error):
                    raise
                failures.append(f"{save.__name__}: {error}")
    except Exception as error:  # a thread's exception would otherwise pass unseen
        failures.append(f"the writer stopped: {error!r}")
    finally:
        connection.close()


def test_two_writers_saving_shared_records_never_deadlock(records):
    start = threading.Barrier(2)
    failures = []
    writers = [
        threading.Thread(target=write_many, args=(records, seed, start, failures))
        for seed in (1, 2)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)

    assert not any(writer.is_alive() for writer in writers)
    assert failures == []
    seqs = list(Change.objects.published().values_list("seq", flat=True))
    assert seqs == sorted(seqs) and not Change.objects.filter(seq__isnull=True).exists()
