"""
Who is tied to whom around one company: the companies and plants within a few steps of it, and
the ties between them (stakes, agreements, plants operated, parent companies), each with the
passages that state it. The API's network endpoint and the public company page both draw this.

The network is grown one step at a time from the company: each step reads each kind of tie of
the companies reached so far in one query, so the number of queries depends on the depth, never
on the size of the network. Only records the reader may see are read (``visible``). A network
stops growing at ``MAX_NODES`` nodes and says so (``truncated``); each step also reads at most
``MAX_TIES_PER_STEP`` ties of each kind, so one very busy company cannot make a request slow.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Q

from .api.nested_rows import NestedCitations, links
from .api.visibility import visible
from .models import Agreement, AgreementParty, Company, Plant, Stake
from .models.stakes import SHARE_FIELDS, share_display

MAX_DEPTH = 3
MAX_NODES = 150
MAX_TIES_PER_STEP = 4 * MAX_NODES
KINDS = ("stake", "agreement", "plant", "parent")
AGREEMENT_KINDS = dict(Agreement.Kind.choices)


@dataclass
class Network:
    """
    Nodes by key ("company:12", "plant:3") and edges by key, as the API writes them. Ties are
    read as plain rows (ids, names, slugs), not model instances: a step reads hundreds of them,
    and building instances was most of a request.
    """

    request: object
    nodes: dict = field(default_factory=dict)
    edges: dict = field(default_factory=dict)
    truncated: bool = False
    # The facts behind the edges, for their citations: (model, pk, field or None) per edge.
    facts: dict = field(default_factory=dict)

    def add_company(self, pk, name, slug):
        """Whether the company is a node (added now if there is room)."""
        return self.add_node("company", pk, name, slug)

    def add_plant(self, pk, name):
        return self.add_node("plant", pk, name)

    def add_node(self, kind, pk, name, slug=None):
        key = f"{kind}:{pk}"
        if key in self.nodes:
            return True
        if len(self.nodes) >= MAX_NODES:
            self.truncated = True
            return False
        self.nodes[key] = {"id": key, "type": kind, "pk": pk, "name": name, "slug": slug}
        return True

    def add_edge(self, key, source, target, kind, label, fact):
        """
        An edge between two nodes already in the network, for ``fact`` (model, pk, field or
        None): the edge links to the API page of the record that states it.
        """
        if source in self.nodes and target in self.nodes and key not in self.edges:
            model, pk, _ = fact
            self.edges[key] = {
                "id": key,
                "source": source,
                "target": target,
                "kind": kind,
                "label": label,
                "record": api_url(self, f"api:{model._meta.model_name}-detail", pk),
            }
            self.facts[key] = fact


def company_network(company, user, request, depth=1, kinds=KINDS):
    """The network of ``company`` within ``depth`` steps, as the API's JSON (see ``as_json``)."""
    network = Network(request)
    network.add_company(company.pk, company.name, company.slug)
    frontier = {company.pk}
    for _ in range(depth):
        reached = set(network.nodes)
        if "stake" in kinds:
            add_stakes(network, frontier, user)
        if "agreement" in kinds:
            add_agreements(network, frontier, user)
        if "plant" in kinds:
            add_plants(network, frontier, user)
        if "parent" in kinds:
            add_parents(network, frontier, user)
        frontier = {
            node["pk"]
            for key, node in network.nodes.items()
            if key not in reached and node["type"] == "company"
        }
        if not frontier:
            break
    return as_json(network)


def capped(network, rows):
    """At most MAX_TIES_PER_STEP of ``rows``; the network is truncated if there were more."""
    rows = list(rows[: MAX_TIES_PER_STEP + 1])
    if len(rows) > MAX_TIES_PER_STEP:
        network.truncated = True
    return rows[:MAX_TIES_PER_STEP]


def api_url(network, view_name, pk):
    return links(network.request).template(view_name).format(pk)


def add_stakes(network, frontier, user):
    stakes = visible(Stake.objects.all(), user).filter(
        Q(holder__in=frontier) | Q(target__in=frontier)
    )
    rows = stakes.order_by("pk").values_list(
        "pk",
        *("holder_id", "holder__name", "holder__slug"),
        *("target_id", "target__name", "target__slug"),
        *SHARE_FIELDS,
    )
    for row in capped(network, rows):
        pk, holder, target, share = row[0], row[1:4], row[4:7], row[7:]
        holder_in, target_in = network.add_company(*holder), network.add_company(*target)
        if holder_in and target_in:
            share = share_display(*share)
            network.add_edge(
                f"stake:{pk}",
                f"company:{holder[0]}",
                f"company:{target[0]}",
                "stake",
                f"holds {share}" if share else "holds a stake",
                (Stake, pk, None),
            )


class Party(NamedTuple):
    """A party of an agreement, as ``pairs`` reads it."""

    company_id: int
    name: str
    slug: str
    role: str


def add_agreements(network, frontier, user):
    """An edge between each two parties of every agreement a company of ``frontier`` is in."""
    by_agreement = {}
    for agreement_id, kind, title, *party in capped(network, agreement_parties(frontier, user)):
        by_agreement.setdefault((agreement_id, kind, title), []).append(Party(*party))
    for (agreement_id, kind, title), members in by_agreement.items():
        for first, second in pairs(members):
            if not (
                network.add_company(first.company_id, first.name, first.slug)
                and network.add_company(second.company_id, second.name, second.slug)
            ):
                continue
            network.add_edge(
                f"agreement:{agreement_id}:{first.company_id}-{second.company_id}",
                f"company:{first.company_id}",
                f"company:{second.company_id}",
                "agreement",
                f"{AGREEMENT_KINDS.get(kind, kind)}: {title}",
                (Agreement, agreement_id, None),
            )


def agreement_parties(frontier, user):
    """
    (agreement id, kind, title, company id, name, slug, role) of the parties of the agreements
    a company of ``frontier`` is in, the agreements in their order.
    """
    agreements = visible(Agreement.objects.all(), user).filter(parties__company__in=frontier)
    parties = visible(AgreementParty.objects.all(), user).filter(
        agreement__in=agreements.values("pk")
    )
    # In the agreements' order: PostgreSQL walks their index (migration 0023) and stops after
    # the first parties, where it sorted every agreement of a busy company (150 ms for 20,000).
    return parties.order_by("agreement", "pk").values_list(
        "agreement_id",
        "agreement__kind",
        "agreement__title",
        *("company_id", "company__name", "company__slug", "role"),
    )


# The parties an agreement is between; advisers are tied to them, not to each other.
PRINCIPAL_ROLES = {
    AgreementParty.Role.BUYER,
    AgreementParty.Role.SUPPLIER,
    AgreementParty.Role.PARTNER,
    AgreementParty.Role.INVESTOR,
    AgreementParty.Role.INVESTEE,
}
# Which side of a pair a tie starts from: a supplier towards its buyer, an investor towards the
# company it invests in.
GIVING_ROLES = {AgreementParty.Role.SUPPLIER: 0, AgreementParty.Role.INVESTOR: 0}
RECEIVING_ROLES = {AgreementParty.Role.BUYER: 2, AgreementParty.Role.INVESTEE: 2}


def pairs(parties):
    """
    Each two parties of one agreement once, at least one of them a principal (a company in two
    roles counts once), the giving side first.
    """
    companies = list({party.company_id: party for party in parties}.values())
    found = []
    for index, first in enumerate(companies):
        for second in companies[index + 1 :]:
            if first.role in PRINCIPAL_ROLES or second.role in PRINCIPAL_ROLES:
                found.append(tuple(sorted((first, second), key=side)))
    return found


def side(party):
    return GIVING_ROLES.get(party.role, RECEIVING_ROLES.get(party.role, 1))


def add_plants(network, frontier, user):
    plants = visible(Plant.objects.all(), user).filter(operator__in=frontier)
    for pk, name, operator_id in capped(
        network, plants.order_by("pk").values_list("pk", "name", "operator_id")
    ):
        if network.add_plant(pk, name):
            network.add_edge(
                f"operates:{pk}",
                f"company:{operator_id}",
                f"plant:{pk}",
                "operates",
                "operates",
                (Plant, pk, "operator"),
            )


def add_parents(network, frontier, user):
    """Parents of the companies of ``frontier`` and their subsidiaries (``Company.parent``)."""
    companies = visible(Company.objects.all(), user)
    related = companies.filter(Q(pk__in=frontier) | Q(parent__in=frontier))
    related = related.filter(parent__in=companies).order_by("pk")
    rows = related.values_list("pk", "name", "slug", "parent_id", "parent__name", "parent__slug")
    for pk, name, slug, parent_id, parent_name, parent_slug in capped(network, rows):
        child = network.add_company(pk, name, slug)
        parent = network.add_company(parent_id, parent_name, parent_slug)
        if child and parent:
            network.add_edge(
                f"parent:{pk}",
                f"company:{pk}",
                f"company:{parent_id}",
                "parent",
                "subsidiary of",
                (Company, pk, "parent"),
            )


def as_json(network):
    """The network as the API writes it, each edge with the passages that state its fact."""
    keys = {}
    for model, pk, _ in network.facts.values():
        keys.setdefault(model, set()).add(pk)
    cited = NestedCitations(
        [(model, list(ids)) for model, ids in keys.items()], network.request, notes=False
    )
    edges = []
    for key, edge in network.edges.items():
        model, pk, field_name = network.facts[key]
        edges.append({**edge, "citations": edge_citations(cited, model, pk, field_name)})
    nodes = [node_json(network, node) for node in network.nodes.values()]
    return {"nodes": nodes, "edges": edges, "truncated": network.truncated}


def edge_citations(cited, model, pk, field_name):
    """
    The passages stating an edge's fact: those cited for the field the tie is (a plant's
    operator, a company's parent), else every passage of the record (a stake, an agreement).
    """
    citations = cited.of(model, pk)
    if field_name is not None:
        citations = [c for c in citations if c["field"] in (field_name, None)]
    return [
        {"quote": c["quote"], "article": c["article"], "source_url": c["source_url"]}
        for c in citations
    ]


def node_json(network, node):
    response_links = links(network.request)
    if node["type"] == "company":
        # A slug is plain ASCII (SlugField): the page's URL template formats it as reverse would.
        detail, page = "api:company-detail", response_links.template("pages:company", "slug")
        page_url = page.format(node["slug"])
    else:
        detail, page = "api:plant-detail", response_links.template("pages:plant")
        page_url = page.format(node["pk"])
    return {
        "id": node["id"],
        "type": node["type"],
        "name": node["name"],
        "api_url": response_links.template(detail).format(node["pk"]),
        "page_url": page_url,
    }
