"""
The public page of a company and of a plant: every fact as the API publishes it (the same
serializers, the same visibility), each linked to the passage that states it in the source view.
A company's page lists its network as plain ties and draws it when scripts run; a plant's page
draws its capacities by year on the server and quotes the passages stating its investment and jobs.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from ..api.export import representations
from ..api.params import MAX_ID, MAX_SEARCH_LENGTH
from ..api.resources import BY_MODEL
from ..api.visibility import visible
from ..models import Agreement, Company, CompanyFigure, Plant, Stake
from ..network import company_network
from ..text.search import fold_for_search
from .charts import capacity_chart, figure_label


def published(model, request, records):
    """``records`` of ``model`` as the API's detail representation for ``request``'s reader."""
    viewset = BY_MODEL[model].viewset_for(request, "retrieve")
    records = visible(viewset.get_queryset(), request.user).filter(pk__in=records)
    return representations(viewset, list(records))


def one(model, request, **lookup):
    """The one record of ``model`` matching ``lookup`` the reader may see, or a 404."""
    found = visible(model.objects.filter(**lookup), request.user).values_list("pk", flat=True)
    records = published(model, request, found[:1])
    if not records:
        raise Http404(f"No such {model._meta.verbose_name}.")
    return records[0]


@csrf_exempt  # read-only page: a POST is told 405, not failed by the CSRF check with a 403
@require_safe
def company_page(request, slug):
    company = one(Company, request, slug=slug)
    pk = company["id"]
    stakes = Stake.objects.filter(holder=pk) | Stake.objects.filter(target=pk)
    stakes = published(Stake, request, stakes.values("pk"))
    agreements = published(
        Agreement, request, Agreement.objects.filter(parties__company=pk).values("pk")
    )
    plants = published(Plant, request, Plant.objects.filter(operator=pk).values("pk"))
    network = company_network(Company.objects.get(pk=pk), request.user, request, depth=2)
    context = {
        "company": company,
        "stakes_held": [s for s in stakes if s["holder"]["id"] == pk],
        "stakes_received": [s for s in stakes if s["target"]["id"] == pk],
        "agreements": agreements,
        "plants": plants,
        "network": network,
        "ties": ties(network),
        "figures": figures_shown(company["figures"]),
    }
    return render(request, "pages/company.html", context)


def ties(network):
    """Each edge of ``network`` with its two nodes, for the page's plain list."""
    nodes = {node["id"]: node for node in network["nodes"]}
    return [
        {"edge": edge, "source": nodes[edge["source"]], "target": nodes[edge["target"]]}
        for edge in network["edges"]
    ]


@csrf_exempt
@require_safe
def plant_page(request, pk):
    plant = one(Plant, request, pk=pk if pk <= MAX_ID else 0)
    capacities = [
        {**capacity, "figure": figure_label(capacity)} for capacity in plant["capacities"]
    ]
    context = {
        "plant": plant,
        "capacities": capacities,
        "chart": capacity_chart(plant["capacities"]),
        "milestones": sorted(plant["milestones"], key=lambda m: (m["year"] or 0, m["kind"])),
        "figures": figures_shown(plant["figures"]),
    }
    return render(request, "pages/plant.html", context)


def figures_shown(figures):
    """A record's figures by kind and year, each with its text (``figure_text``)."""
    return [
        {**figure, "figure": figure_text(figure)}
        for figure in sorted(
            figures, key=lambda f: (f["kind"], f.get("area") or "", f["year"] or 0)
        )
    ]


def figure_text(figure):
    """
    "Investment of about 1,200,000,000 EUR", "About 4,500 direct jobs in France": a plant's or a
    company's figure as the API writes it, its year aside.
    """
    text = CompanyFigure.label_for(
        figure["kind"],
        figure["value"],
        figure["currency"] or "",
        figure["scope"] or "",
        figure["qualifier"],
        None,
        figure.get("area") or "",
    )
    return text[:1].upper() + text[1:]


@csrf_exempt
@require_safe
def search_page(request):
    """Companies and plants whose name or an alias contains ``q``, folded as the API folds."""
    query = request.GET.get("q", "")[:MAX_SEARCH_LENGTH]
    companies = plants = []
    if fold_for_search(query):
        companies = visible(Company.objects.search(query), request.user).order_by("name")[:50]
        plants = visible(Plant.objects.search(query), request.user).order_by("name")[:50]
    context = {"query": query, "companies": companies, "plants": plants}
    return render(request, "pages/search.html", context)
