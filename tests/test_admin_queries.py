"""
The admin pages that list citations cost a fixed number of queries, however many citations
there are: the cited records are fetched once per kind of record, not once per row.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sourcing.desk.views import desk_url
from sourcing.models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    PlantCapacity,
    PlantMilestone,
)

from .factories import (
    SUPPLIER,
    change_url,
    changelist_url,
    cite,
    client_for,
    desk_act,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
    make_user,
)

pytestmark = pytest.mark.django_db

QUOTE = "Verkor will supply Renault Group"


def cite_one_record_of_each_kind(article, rounds):
    """
    Citations of a stake, an agreement's party, a plant's milestone and a company, ``rounds``
    times: most are records whose names are made of other rows (a stake is "holder in target").
    """
    cited = []
    for _ in range(rounds):
        party = AgreementParty.objects.create(
            agreement=make_agreement(), company=make_company(), role=AgreementParty.Role.BUYER
        )
        milestone = PlantMilestone.objects.create(
            plant=make_plant(), kind=PlantMilestone.Kind.OPERATION_START, year=2025
        )
        for record in (make_stake(), party, milestone, make_company()):
            cite(record, article, QUOTE)
            cited.append(record)
    return cited


def queries_to_show(client, url):
    """Queries of a page view once the process-wide caches (content types) are warm."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.fixture
def editor_client(client):
    return client_for(client, make_user("edith", "Editors"))


@pytest.mark.parametrize("rounds", [1, 10])
def test_citation_list_costs_the_same_queries_for_4_or_40_rows(editor_client, rounds):
    cited = cite_one_record_of_each_kind(make_article(), rounds)

    count, response = queries_to_show(editor_client, changelist_url(Citation))

    # Session, user, the editor's two permission lookups, content types (filter), one count (of
    # the list, never of the whole table beside it; on PostgreSQL, read after the planner's
    # estimate of the table's size), the citations with their articles and content types, then
    # one query per kind of cited record (stake, party, milestone, company), each with the rows
    # its name is made of.
    assert count == (12 if connection.vendor == "postgresql" else 11)
    page = response.content.decode()
    assert all(str(record) in page for record in cited)


@pytest.mark.parametrize("rounds", [1, 10])
def test_article_page_costs_the_same_queries_for_4_or_40_citations(editor_client, rounds):
    article = make_article()
    cited = cite_one_record_of_each_kind(article, rounds)

    count, response = queries_to_show(editor_client, change_url(article))

    # Session, user, article, two permission lookups, its stored version, spans (inline, then
    # highlighting), citations, one query per kind of cited record (stake, party, milestone,
    # company).
    assert count == 13
    page = response.content.decode()
    assert all(str(record) in page for record in cited)
    assert page.count('class="citation-link"') == 4 * rounds


@pytest.mark.parametrize("citations", [1, 10])
def test_record_page_reads_each_cited_passage_without_a_query_per_row(editor_client, citations):
    agreement = make_agreement()
    article = make_article()
    for _ in range(citations):
        cite(agreement, article, QUOTE)

    count, response = queries_to_show(editor_client, change_url(agreement))

    # Session, user, agreement, its parties, two permission lookups, programmes, its stored
    # version, the parties, volumes, citations and value bases inlines (citations with their
    # articles, so the passages cost nothing more). What still grows, by one query per citation
    # row, is Django's own autocomplete widget looking up the label of the article each row
    # selects. The new row starts on the article last cited: that citation, and the article's
    # label. The checked values panel reads the record's rows (parties with their companies,
    # volumes, programmes: a query each), its citations, value bases with confirmations and who
    # confirmed: a fixed 5 more, however many citations.
    assert count == 12 + citations + 2 + 5
    passage = f"“{QUOTE}” [74–106]"  # the passage as published, with its offsets
    assert response.content.decode().count(passage) == citations


def cite_agreements_with_parties_and_volumes(article, rounds):
    """``rounds`` agreements citing ``article``, each with two parties and a volume."""
    agreements = []
    for _ in range(rounds):
        agreement = make_agreement(
            parties=[(make_company(), AgreementParty.Role.BUYER), (make_company(), SUPPLIER)]
        )
        AgreementVolume.objects.create(agreement=agreement, gwh_per_year=5)
        cite(agreement, article, QUOTE)
        agreements.append(agreement)
    return agreements


def test_desk_costs_the_same_queries_for_1_or_3_cited_agreements(editor_client):
    article = make_article()
    cite_agreements_with_parties_and_volumes(article, 1)
    url = reverse("admin:sourcing_article_desk", args=[article.pk])
    count_for_one, _ = queries_to_show(editor_client, url)
    cited = cite_agreements_with_parties_and_volumes(article, 2)

    count_for_three, response = queries_to_show(editor_client, url)

    # The panel lists each agreement with its parties and volumes and their checked values: their
    # rows are read once for all the records, not once per record.
    assert count_for_three == count_for_one
    page = response.content.decode()
    assert all(
        str(party.company) in page for agreement in cited for party in agreement.parties.all()
    )


def cite_records_with_rows(article, rounds):
    """
    Citations of an agreement with two parties, a plant with an operator and a capacity, and a
    stake, ``rounds`` times: the records the desk's side panel lists with their rows and values.
    """
    cited = []
    for _ in range(rounds):
        agreement = make_agreement(
            parties=[
                (make_company(), AgreementParty.Role.BUYER),
                (make_company(), AgreementParty.Role.SUPPLIER),
            ]
        )
        plant = make_plant(operator=make_company())
        PlantCapacity.objects.create(plant=plant, gwh_per_year=8, year=2027)
        for record in (agreement, plant, make_stake()):
            cite(record, article, QUOTE)
            cited.append(record)
    return cited


def cite_rows_of_uncited_records(article, rounds):
    """
    Citations of an agreement's party, another agreement's volume and a plant's capacity,
    ``rounds`` times, none of their records cited itself: the desk lists each record they
    belong to.
    """
    records = []
    for _ in range(rounds):
        party = AgreementParty.objects.create(
            agreement=make_agreement(), company=make_company(), role=AgreementParty.Role.BUYER
        )
        volume = AgreementVolume.objects.create(agreement=make_agreement(), gwh_per_year=5)
        capacity = PlantCapacity.objects.create(plant=make_plant(), gwh_per_year=8, year=2027)
        for row in (party, volume, capacity):
            cite(row, article, QUOTE)
        records += [party.agreement, volume.agreement, capacity.plant]
    return records


@pytest.mark.parametrize(
    "cite_some, rounds",
    [(cite_records_with_rows, 5), (cite_rows_of_uncited_records, 3)],
    ids=["records with rows", "rows of uncited records"],
)
def test_desk_page_costs_the_same_queries_for_one_or_more_rounds_of_citations(
    editor_client, cite_some, rounds
):
    few, many = make_article(), make_article()
    cite_some(few, 1)
    shown = cite_some(many, rounds)

    baseline, _ = queries_to_show(editor_client, desk_url(few))
    count, response = queries_to_show(editor_client, desk_url(many))

    # The records' rows (parties with their companies, capacities...), the records their values
    # name (an operator, a holder), the programmes inside agreements and the records that cited
    # rows belong to are fetched once per relation or kind of row, not once per record or row.
    assert count == baseline
    page = response.content.decode()
    assert all(str(record) in page for record in shown)
    agreements = [record for record in shown if isinstance(record, Agreement)]
    assert all(str(party) in page for record in agreements for party in record.parties.all())


def desk_cite_queries(client, article, record):
    """The queries of a citation made at the desk, whose answer renders the panel again."""
    key = f"{ContentType.objects.get_for_model(record).pk}:{record.pk}"
    start = article.body.index(QUOTE)
    payload = {"action": "cite", "target": key, "start": start, "end": start + len(QUOTE)}
    assert desk_act(client, article, **payload).status_code == 200  # warm the caches
    payload["version"] = Article.objects.get(pk=article.pk).version
    with CaptureQueriesContext(connection) as captured:
        reply = client.post(
            reverse("admin:sourcing_article_desk_act", args=[article.pk]),
            json.dumps(payload),
            content_type="application/json",
        )
    assert reply.status_code == 200, reply.json()
    return [query["sql"] for query in captured.captured_queries], reply.json()


def test_a_desk_action_reads_the_article_and_its_citations_once_for_its_answer(editor_client):
    article = make_article()
    cite_records_with_rows(article, 2)
    agreement = Citation.objects.filter(article=article).first().record

    queries, answer = desk_cite_queries(editor_client, article, agreement)

    # After the action, the answer's text and panel are built from one read of the article's
    # citations (the text highlights them, the panel lists them by record) and of the article's
    # new version alone, not of its whole row and text again.
    whole_citations = [
        sql
        for sql in queries
        if sql.startswith('SELECT "sourcing_citation"."id", "sourcing_citation"."version"')
        and f'"sourcing_citation"."article_id" = {article.pk}' in sql
    ]
    articles_read = [
        sql.split(" FROM ")[0]
        for sql in queries
        if sql.startswith('SELECT "sourcing_article"."id"')
    ]
    assert len(whole_citations) == 1
    # The article locked for the action, then its version.
    assert len(articles_read) == 2
    assert articles_read[-1] == 'SELECT "sourcing_article"."id", "sourcing_article"."version"'
    assert answer["text_html"].count('class="seg cited"') >= 1
    assert answer["version"] == Article.objects.get(pk=article.pk).version
