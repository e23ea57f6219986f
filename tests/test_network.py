"""The network around a company, as the API publishes it: steps, kinds, the cap, drafts, errors."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from sourcing import network

from .factories import (
    BUYER,
    DRAFT,
    PARTNER,
    SUPPLIER,
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_stake,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def get(api, ref, **query):
    return api.get(f"/api/v1/companies/{ref}/network/", query)


def names(answer):
    return {node["name"] for node in answer["nodes"]}


@pytest.fixture
def chain():
    """A -stake-> B -supplies-> C -operates-> plant; D is the parent of A; E a draft tied to A."""
    article = make_article()
    a, b, c, d = (make_company(name, review_status=VERIFIED) for name in "ABCD")
    a.parent = d
    a.save()
    stake = make_stake(a, b, share_exact=20, review_status=VERIFIED)
    cite(stake, article, "Renault Group’s stake – taken in 2021 – is “over 20%”.")
    supply = make_agreement([(b, SUPPLIER), (c, BUYER)], review_status=VERIFIED, title="Cells")
    cite(supply, article, "Verkor will supply Renault Group")
    plant = make_plant(c, name="C works", review_status=VERIFIED)
    draft = make_company("E", review_status=DRAFT)
    make_stake(draft, a, review_status=VERIFIED)
    return {"A": a, "B": b, "C": c, "D": d, "E": draft, "plant": plant}


def test_depth_counts_steps_from_the_company(api, chain):
    one = get(api, chain["A"].slug).json()
    two = get(api, chain["A"].slug, depth=2).json()
    three = get(api, chain["A"].pk, depth=3).json()

    assert names(one) == {"A", "B", "D"}
    assert names(two) == {"A", "B", "C", "D"}
    assert names(three) == {"A", "B", "C", "D", "C works"}
    assert not three["truncated"]


def test_every_tie_names_its_record_and_cites_its_passage(api, chain):
    answer = get(api, chain["A"].slug, depth=2).json()

    by_kind = {edge["kind"]: edge for edge in answer["edges"]}
    assert set(by_kind) == {"stake", "agreement", "parent"}
    stake = by_kind["stake"]
    assert (stake["source"], stake["target"]) == (
        f"company:{chain['A'].pk}",
        f"company:{chain['B'].pk}",
    )
    assert stake["label"] == "holds 20%"
    assert stake["record"].endswith(
        f"/api/v1/stakes/{chain['A'].holdings.get(target=chain['B']).pk}/"
    )
    assert stake["citations"][0]["quote"].startswith("Renault Group’s stake")
    assert "#citation-" in stake["citations"][0]["source_url"]
    supply = by_kind["agreement"]
    # A supplier's tie runs towards its buyer.
    assert (supply["source"], supply["target"]) == (
        f"company:{chain['B'].pk}",
        f"company:{chain['C'].pk}",
    )
    node = next(node for node in answer["nodes"] if node["name"] == "B")
    assert node["page_url"].endswith(f"/companies/{chain['B'].slug}/")
    assert node["api_url"].endswith(f"/api/v1/companies/{chain['B'].pk}/")


def test_kinds_choose_the_ties_followed(api, chain):
    answer = get(api, chain["A"].slug, depth=3, kind="stake,plant").json()

    assert {edge["kind"] for edge in answer["edges"]} == {"stake"}
    assert names(answer) == {"A", "B"}


def test_drafts_are_never_in_the_network_of_an_anonymous_reader(api, chain):
    answer = get(api, chain["A"].slug, depth=3).json()

    assert "E" not in names(answer)
    assert get(api, chain["E"].slug).status_code == 404


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"depth": "0"}, "depth"),
        ({"depth": "4"}, "depth"),
        ({"depth": "two"}, "depth"),
        ({"depth": "-1"}, "depth"),
        ({"kind": "stake,shares"}, "kind"),
        ({"kind": ""}, "kind"),
        ({"depht": "2"}, "depht"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api, chain, query, parameter):
    answer = get(api, chain["A"].slug, **query)

    assert answer.status_code == 400
    assert parameter in answer.json()


def test_an_unknown_company_is_a_404(api, chain):
    for ref in ("nobody", "999999", "01", "a%00b"):
        assert get(api, ref).status_code == 404


def test_the_network_is_cut_at_the_cap_and_says_so(api, monkeypatch):
    hub = make_company("Hub", review_status=VERIFIED)
    for number in range(6):
        make_stake(
            hub, make_company(f"Spoke {number}", review_status=VERIFIED), review_status=VERIFIED
        )
    monkeypatch.setattr(network, "MAX_NODES", 4)

    answer = get(api, hub.slug).json()

    assert len(answer["nodes"]) == 4
    assert answer["truncated"] is True
    node_ids = {node["id"] for node in answer["nodes"]}
    assert all({edge["source"], edge["target"]} <= node_ids for edge in answer["edges"])


def test_the_query_count_does_not_grow_with_the_network(api):
    def queries_for(spokes):
        hub = make_company(f"Hub {spokes}", review_status=VERIFIED)
        article = make_article()
        for number in range(spokes):
            spoke = make_company(f"Spoke {spokes}-{number}", review_status=VERIFIED)
            stake = make_stake(hub, spoke, review_status=VERIFIED)
            cite(stake, article, "Verkor will supply Renault Group")
            make_agreement([(hub, PARTNER), (spoke, PARTNER)], review_status=VERIFIED)
            make_plant(spoke, review_status=VERIFIED)
        with CaptureQueriesContext(connection) as captured:
            assert get(api, hub.slug, depth=2).status_code == 200
        return len(captured)

    assert queries_for(2) == queries_for(12)


def test_each_step_reads_each_kind_of_tie_in_one_query_and_citations_in_one_more(api):
    hub = make_company("Hub", review_status=VERIFIED)
    hub.parent = make_company("Hub parent", review_status=VERIFIED)
    hub.save()
    article = make_article()
    for number in range(3):
        spoke = make_company(f"Spoke {number}", review_status=VERIFIED)
        cite(make_stake(hub, spoke, review_status=VERIFIED), article, "Verkor will supply")
        make_agreement([(hub, PARTNER), (spoke, PARTNER)], review_status=VERIFIED)
        make_plant(spoke, review_status=VERIFIED)
    network.company_network(hub, AnonymousUser(), None, depth=2)  # content types cached

    with CaptureQueriesContext(connection) as captured:
        answer = network.company_network(hub, AnonymousUser(), None, depth=2)

    assert {edge["kind"] for edge in answer["edges"]} == {
        "stake",
        "agreement",
        "operates",
        "parent",
    }
    # Nothing else: no query per tie or per record, nor for notes the answer does not show.
    assert len(captured) == 2 * len(network.KINDS) + 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_a_busy_companys_agreements_are_read_in_index_order_not_sorted(api):
    hub = make_company("Hub", review_status=VERIFIED)
    for number in range(3):
        spoke = make_company(f"Spoke {number}", review_status=VERIFIED)
        make_agreement([(hub, PARTNER), (spoke, PARTNER)], review_status=VERIFIED)
    with CaptureQueriesContext(connection) as captured:
        network.company_network(hub, AnonymousUser(), None, kinds=("agreement",))
    (parties,) = [q["sql"] for q in captured if "sourcing_agreementparty" in q["sql"]]

    # A handful of rows costs nothing either way: forbid the sort a large table would need, and
    # the plan shows whether an index gives the order (at 20,000 agreements: 150 ms against 5).
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {parties}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "sourcing_agreement_in_order" in plan


def test_the_network_is_in_the_schema(api, db):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/v1/companies/{ref}/network/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"ref", "depth", "kind"}
    assert {"200", "400", "404"} <= set(operation["responses"])
