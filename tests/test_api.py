"""
The read API through DRF's test client: filter semantics, serialization, visibility of drafts,
CSV, pagination and query counts. The contract essentials are also exercised over a real socket
in test_api_http.py, which builds on the same data.
"""

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from sourcing.api import filters
from sourcing.models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    PlantAlias,
)
from tests.factories import (
    PARTNER,
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
)


@pytest.fixture
def api():
    return APIClient()


def get(api, path, **params):
    return api.get(path, params, format="json")


def ids(response):
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["results"]]


# -- Representation -------------------------------------------------------------------------------


def test_agreement_carries_parties_roles_volumes_dates_and_citations(api, world):
    record = get(api, f"/api/v1/agreements/{world.supply.pk}/").json()

    assert record["title"] == "Renault–Verkor battery supply"
    assert record["announced"] == "2021-06-28"
    assert record["announced_precision"] == "day"
    assert record["signed"] is None and record["signed_precision"] is None
    assert [(p["company"]["slug"], p["role"]) for p in record["parties"]] == [
        ("renault-group", "buyer"),
        ("verkor", "supplier"),
    ]
    assert record["parties"][0]["company"]["api_url"].endswith(
        f"/api/v1/companies/{world.renault.pk}/"
    )
    [volume] = record["volumes"]
    assert volume["gwh_per_year"] == 12
    assert volume["qualifier"] == "about"
    assert volume["display"] == "about 12 GWh/yr (target, 2025)"
    assert [c["quote"] for c in volume["citations"]] == ["equivalent of 12 GWh"]
    assert record["plant"]["name"] == "Verkor Dunkirk gigafactory"
    [citation] = record["citations"]
    assert citation["quote"] == "long-term commercial partnership"
    assert citation["field"] == "kind"
    assert world.a_en.body[citation["start"] : citation["end"]] == citation["quote"]
    assert citation["article"] == {
        "id": world.a_en.pk,
        "api_url": f"http://testserver/api/v1/articles/{world.a_en.pk}/",
        "title": "Renault and Verkor sign",
        "publisher": "Renault Group",
        "language": "en",
        "published": "2021-06-28",
        "published_precision": "day",
        "published_inferred": False,
    }
    assert citation["source_url"] == (
        f"http://testserver/articles/{world.a_en.pk}/source/#citation-{world.c_partnership.pk}"
    )


def test_stake_exposes_its_share_range_as_stated(api, world):
    record = get(api, f"/api/v1/stakes/{world.renault_in_verkor.pk}/").json()

    assert record["share_exact"] is None
    assert record["share_min"] == 20
    assert record["share_min_exclusive"] is True
    assert record["share_max"] is None
    assert record["share_max_exclusive"] is False
    assert record["share_display"] == "over 20%"
    assert (record["as_of"], record["as_of_precision"]) == ("2021", "year")
    assert record["holder"]["slug"] == "renault-group"
    assert [c["quote"] for c in record["citations"]] == ["over 20%"]


def test_plant_carries_capacities_and_milestones_with_their_citations(api, world):
    record = get(api, f"/api/v1/plants/{world.dunkirk.pk}/").json()

    capacities = record["capacities"]
    assert [(c["gwh_per_year"], c["qualifier"], c["basis"], c["year"]) for c in capacities] == [
        (16, "exact", "initial", 2025),
        (50, "up_to", "target", 2030),
    ]
    assert record["capacities"][1]["citations"][0]["quote"] == "Verkor will supply"
    [milestone] = record["milestones"]
    assert (milestone["kind"], milestone["year"]) == ("operation_start", 2025)
    assert record["milestones"][0]["citations"][0]["quote"] == "each year"
    assert record["operator"]["slug"] == "verkor"


def test_company_lists_aliases_country_and_parent(api, world):
    record = get(api, f"/api/v1/companies/{world.ampere.pk}/").json()

    assert record["name"] == "Ampère"
    assert record["parent"]["slug"] == "renault-group"
    assert record["country"] == "FR"
    renault = get(api, f"/api/v1/companies/{world.renault.pk}/").json()
    assert [(a["name"], a["language"]) for a in renault["aliases"]] == [("le Losange", None)]
    assert [c["quote"] for c in renault["citations"]] == ["« le Losange »"]
    assert "notes" not in renault


def test_article_detail_has_the_body_and_the_list_leaves_it_out(api, world):
    detail = get(api, f"/api/v1/articles/{world.a_fr.pk}/").json()
    listing = get(api, "/api/v1/articles/").json()["results"]

    assert detail["body"] == world.a_fr.body
    assert detail["non_editorial_spans"] == [
        {"kind": "reader_comments", "start": 77, "end": len(world.a_fr.body)}
    ]
    assert detail["source_url"] == f"http://testserver/articles/{world.a_fr.pk}/source/"
    assert all("body" not in article for article in listing)
    assert {"published": None, "published_precision": None}.items() <= next(
        a for a in listing if a["id"] == world.a_undated.pk
    ).items()


# -- Company filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ampere", ["ampere"]),
        ("ampère", ["ampere"]),
        ("AMPÈRE", ["ampere"]),
        ("losange", ["renault-group"]),
        ("LE LOSANGE", ["renault-group"]),
        ("renault group", ["renault-group"]),
        ("aesc envision", ["envision-aesc"]),
        ("envision", ["envision-aesc"]),
        ("  verkor  ", ["verkor"]),
        ("secret", ["secret-subsidiary"]),  # the draft "Secret Motors" stays hidden
        ("100%", []),
        ("_", []),
    ],
)
def test_company_search_matches_names_and_aliases_ignoring_case_and_accents(
    api, world, query, expected
):
    response = get(api, "/api/v1/companies/", search=query)

    assert [c["slug"] for c in response.json()["results"]] == expected


def test_company_kind_and_country_filters(api, world):
    assert ids(get(api, "/api/v1/companies/", kind="cell_maker")) == [
        world.envision.pk,
        world.verkor.pk,
    ]
    assert ids(get(api, "/api/v1/companies/", country="cn")) == [world.envision.pk]
    assert ids(get(api, "/api/v1/companies/", country="LU", kind="bank")) == [world.bank.pk]
    assert ids(get(api, "/api/v1/companies/", country="LU", kind="carmaker")) == []


def test_company_ordering(api, world):
    by_country = ids(get(api, "/api/v1/companies/", ordering="-country,name"))
    assert by_country[:3] == [world.bank.pk, world.ampere.pk, world.renault.pk]
    assert by_country[-1] == world.envision.pk


def test_company_ordering_sorts_blank_countries_last_in_both_directions(api, world):
    stateless = make_company("Stateless", country="", review_status=VERIFIED)
    also_stateless = make_company("Also stateless", country="", review_status=VERIFIED)

    ascending = ids(get(api, "/api/v1/companies/", ordering="country"))
    descending = ids(get(api, "/api/v1/companies/", ordering="-country"))

    assert ascending[0] == world.envision.pk  # CN
    # Ties are broken by id in the direction asked: "-country" is "country" reversed, blanks aside.
    assert ascending[-2:] == [stateless.pk, also_stateless.pk]
    assert descending[-2:] == [also_stateless.pk, stateless.pk]
    assert descending[0] == world.bank.pk  # LU


def test_company_parent_that_is_a_draft_is_null_for_the_public(api, world):
    record = get(api, f"/api/v1/companies/{world.child_of_secret.pk}/").json()
    assert record["parent"] is None


# -- Stake filters --------------------------------------------------------------------------------


def test_stake_holder_and_target_accept_a_slug_or_an_id(api, world):
    by_slug = ids(get(api, "/api/v1/stakes/", holder="eib"))
    by_id = ids(get(api, "/api/v1/stakes/", holder=str(world.bank.pk)))

    assert by_slug == by_id == [world.range_stake.pk, world.bank_in_verkor.pk]
    assert ids(get(api, "/api/v1/stakes/", holder="eib", target="verkor")) == [
        world.bank_in_verkor.pk
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", {"bank_in_verkor", "renault_in_verkor", "range_stake"}),
        ("5.5", {"bank_in_verkor", "renault_in_verkor", "range_stake"}),
        ("5.51", {"renault_in_verkor", "range_stake"}),
        ("10", {"renault_in_verkor", "range_stake"}),
        ("15", {"renault_in_verkor"}),  # "10–30%" is not known to reach 15; "up to 15%" neither
        ("20", {"renault_in_verkor"}),  # "over 20%" is at least 20
        ("20.01", set()),
        ("0", {"bank_in_verkor", "renault_in_verkor", "range_stake"}),
        ("100", set()),
    ],
)
def test_min_percent_matches_shares_known_to_be_at_least_the_value(api, world, value, expected):
    found = set(ids(get(api, "/api/v1/stakes/", min_percent=value)))
    assert found == {getattr(world, name).pk for name in expected}


def test_stake_status_cited_in_and_ordering(api, world):
    assert ids(get(api, "/api/v1/stakes/", cited_in=world.a_en.pk)) == [world.renault_in_verkor.pk]
    assert ids(get(api, "/api/v1/stakes/", cited_in=world.a_fr.pk)) == []
    assert ids(get(api, "/api/v1/stakes/", status="divested")) == []
    assert len(ids(get(api, "/api/v1/stakes/", status="completed"))) == 4
    assert ids(get(api, "/api/v1/stakes/", ordering="holder,-target")) == [
        world.bank_in_verkor.pk,
        world.range_stake.pk,
        world.renault_in_verkor.pk,
        world.ceiling_stake.pk,
    ]


# -- Agreement filters ----------------------------------------------------------------------------


def test_party_repeated_means_every_company_is_a_party(api, world):
    renault = ids(get(api, "/api/v1/agreements/", party="renault-group"))
    both = ids(api.get("/api/v1/agreements/?party=renault-group&party=verkor"))
    mixed = ids(api.get(f"/api/v1/agreements/?party={world.verkor.pk}&party=eib"))
    none = ids(api.get("/api/v1/agreements/?party=envision-aesc&party=verkor"))

    assert renault == [world.with_secret.pk, world.supply.pk, world.envision_deal.pk]
    assert both == [world.supply.pk]
    assert mixed == [world.undated_deal.pk]
    assert none == []


def test_party_combined_with_kind_and_announced_after(api, world):
    response = api.get(
        "/api/v1/agreements/?party=renault-group&kind=supply&announced_after=2021-06"
    )
    assert ids(response) == [world.supply.pk]
    response = api.get(
        "/api/v1/agreements/?party=renault-group&kind=partnership&announced_after=2021-06"
    )
    assert ids(response) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # supply: 2021-06-28 (day); envision_deal: 2021 (year); with_secret: 2023-04 (month)
        ({"announced_after": "2021"}, {"supply", "envision_deal", "with_secret"}),
        ({"announced_after": "2021-01-01"}, {"supply", "envision_deal", "with_secret"}),
        ({"announced_after": "2021-01-02"}, {"supply", "with_secret"}),
        ({"announced_after": "2021-06-28"}, {"supply", "with_secret"}),
        ({"announced_after": "2021-06-29"}, {"with_secret"}),
        ({"announced_after": "2023-04"}, {"with_secret"}),
        ({"announced_after": "2023-04-02"}, set()),
        ({"announced_before": "2021"}, {"supply", "envision_deal"}),
        ({"announced_before": "2021-12-31"}, {"supply", "envision_deal"}),
        ({"announced_before": "2021-12-30"}, {"supply"}),
        ({"announced_before": "2021-06-28"}, {"supply"}),
        ({"announced_before": "2021-06-27"}, set()),
        ({"announced_before": "2023-04-29"}, {"supply", "envision_deal"}),
        ({"announced_before": "2023-04-30"}, {"supply", "envision_deal", "with_secret"}),
        ({"announced_before": "2023-04"}, {"supply", "envision_deal", "with_secret"}),
        ({"announced_after": "2021", "announced_before": "2021"}, {"supply", "envision_deal"}),
        ({"announced_before": "9999-12-31"}, {"supply", "envision_deal", "with_secret"}),
        ({"announced_after": "0001"}, {"supply", "envision_deal", "with_secret"}),
        ({"announced_before": "0001-01-01"}, set()),
    ],
)
def test_announced_after_and_before_respect_the_precision_of_both_dates(
    api, world, params, expected
):
    found = set(ids(get(api, "/api/v1/agreements/", **params)))
    assert found == {getattr(world, name).pk for name in expected}


def test_the_documented_date_pattern_is_exactly_what_the_date_filters_accept():
    """The OpenAPI pattern must allow no date the server refuses, and refuse none it accepts."""
    pattern = re.compile(filters.PARTIAL_DATE_SCHEMA["pattern"])
    field = filters.PartialDateField(required=False)
    mismatches = []
    for year in ["0000", "0001", "0004", "0100", "0400", "1900", "2000", "2023", "2024", "9999"]:
        months = [f"{year}-{month:02d}" for month in range(14)]
        days = [f"{month}-{day:02d}" for month in months for day in range(33)]
        for text in [year, *months, *days, f"{year}-1", f"{year}-01-1", f"{year}-٠١"]:
            try:
                field.clean(text)
                accepted = True
            except ValidationError:
                accepted = False
            if accepted != bool(pattern.search(text)):
                mismatches.append(text)
    assert mismatches == []


def test_agreement_kind_status_plant_volume_cited_in_and_search(api, world):
    assert ids(get(api, "/api/v1/agreements/", kind="partnership")) == [world.envision_deal.pk]
    assert ids(get(api, "/api/v1/agreements/", status="active")) == [world.envision_deal.pk]
    assert ids(get(api, "/api/v1/agreements/", plant=world.dunkirk.pk)) == [world.supply.pk]
    # "about 12" counts as 12; "up to 20" never proves a minimum.
    assert ids(get(api, "/api/v1/agreements/", min_volume_gwh="12")) == [world.supply.pk]
    assert ids(get(api, "/api/v1/agreements/", min_volume_gwh="12.01")) == []
    assert ids(get(api, "/api/v1/agreements/", min_volume_gwh="20")) == []
    # cited on its volume row only counts for the agreement
    assert ids(get(api, "/api/v1/agreements/", cited_in=world.a_en.pk)) == [world.supply.pk]
    assert ids(get(api, "/api/v1/agreements/", search="coopération")) == [world.envision_deal.pk]
    assert ids(get(api, "/api/v1/agreements/", search="aesc envision")) == [world.envision_deal.pk]
    assert ids(get(api, "/api/v1/agreements/", search="EIB LOAN")) == [world.undated_deal.pk]


def test_agreement_search_does_not_reveal_draft_parties(api, world):
    assert ids(get(api, "/api/v1/agreements/", search="secret motors")) == []


def test_agreement_ordering(api, world):
    assert ids(get(api, "/api/v1/agreements/", ordering="announced")) == [
        world.envision_deal.pk,
        world.supply.pk,
        world.with_secret.pk,
        world.undated_deal.pk,  # unknown dates last, whichever the direction
    ]
    assert ids(get(api, "/api/v1/agreements/", ordering="-announced"))[-1] == world.undated_deal.pk
    assert ids(get(api, "/api/v1/agreements/")) == [
        world.with_secret.pk,
        world.supply.pk,
        world.envision_deal.pk,
        world.undated_deal.pk,
    ]


# -- Plant filters --------------------------------------------------------------------------------


def test_plant_filters(api, world):
    assert ids(get(api, "/api/v1/plants/", operator="verkor")) == [world.dunkirk.pk]
    assert ids(get(api, "/api/v1/plants/", country="de")) == [world.secret_plant_op.pk]
    assert ids(get(api, "/api/v1/plants/", status="operating")) == [world.secret_plant_op.pk]
    assert ids(get(api, "/api/v1/plants/", kind="vehicle_assembly")) == [world.secret_plant_op.pk]
    # 16 exact counts, "up to 50" does not; "about 9" counts as 9.
    assert ids(get(api, "/api/v1/plants/", min_capacity_gwh="16")) == [world.dunkirk.pk]
    assert ids(get(api, "/api/v1/plants/", min_capacity_gwh="17")) == []
    assert ids(get(api, "/api/v1/plants/", min_capacity_gwh="9")) == [
        world.douai.pk,
        world.dunkirk.pk,
    ]
    assert ids(get(api, "/api/v1/plants/", ordering="-name")) == [
        world.dunkirk.pk,
        world.secret_plant_op.pk,
        world.douai.pk,
    ]


def test_plant_cited_in_counts_citations_on_capacities_and_milestones(api, world):
    assert ids(get(api, "/api/v1/plants/", cited_in=world.a_year.pk)) == [world.dunkirk.pk]
    world.c_capacity.delete()
    assert ids(get(api, "/api/v1/plants/", cited_in=world.a_year.pk)) == [world.dunkirk.pk]
    world.c_milestone.delete()
    assert ids(get(api, "/api/v1/plants/", cited_in=world.a_year.pk)) == []


# -- Article filters ------------------------------------------------------------------------------


def test_article_filters(api, world):
    assert ids(get(api, "/api/v1/articles/", language="fr")) == [world.a_fr.pk]
    assert ids(get(api, "/api/v1/articles/", publisher="battery weekly")) == [
        world.a_year.pk,
        world.a_undated.pk,
    ]
    assert ids(get(api, "/api/v1/articles/", published_after="2021-06")) == [
        world.a_en.pk,
        world.a_fr.pk,
    ]
    assert ids(get(api, "/api/v1/articles/", published_before="2021")) == [
        world.a_year.pk,
        world.a_en.pk,
    ]
    assert ids(get(api, "/api/v1/articles/", published_before="2021-06-28")) == [world.a_en.pk]
    assert ids(get(api, "/api/v1/articles/", search="LOSANGE")) == [world.a_fr.pk]
    assert ids(get(api, "/api/v1/articles/", search="annual")) == [world.a_year.pk]
    assert ids(get(api, "/api/v1/articles/", ordering="-published")) == [
        world.a_fr.pk,
        world.a_en.pk,
        world.a_year.pk,
        world.a_undated.pk,
    ]


def test_article_ordering_sorts_blank_publishers_last_in_both_directions(api, world):
    unpublished = make_article(title="No publisher", publisher="")

    ascending = ids(get(api, "/api/v1/articles/", ordering="publisher"))
    descending = ids(get(api, "/api/v1/articles/", ordering="-publisher"))

    assert ascending == [
        world.a_year.pk,  # Battery Weekly
        world.a_undated.pk,
        world.a_fr.pk,  # Les Echos
        world.a_en.pk,  # Renault Group
        unpublished.pk,
    ]
    assert descending == [
        world.a_en.pk,
        world.a_fr.pk,
        world.a_undated.pk,  # Battery Weekly twice: ties by id, descending too
        world.a_year.pk,
        unpublished.pk,
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("AMPÈRE", ["ampere", "by_body"]),
        ("ampère", ["ampere", "by_body"]),
        ("ÉLECTRIQUE", ["ampere", "by_body"]),
        ("électrique", ["ampere", "by_body"]),
        ("ÉlEcTrIqUe", ["ampere", "by_body"]),
        ("équipe", ["ampere"]),  # in the authors
        ("ampere", ["ampere", "by_body"]),
        ("ELECTRIQUE", ["ampere", "by_body"]),
        ("equipe le monde", ["ampere"]),
        ("l’entité", ["ampere"]),  # typographic apostrophe typed, straight one printed
        ("d'ampere", ["by_body"]),  # and the other way round
        ("rapport  annuel", ["by_body"]),  # a no-break space and a line break in the text
        ("untitled le rapport", []),  # never across the end of one field and the next
    ],
)
def test_article_search_ignores_case_accents_and_typography_on_every_database(
    api, world, query, expected
):
    articles = {
        "ampere": make_article(title="Ampère, l'entité électrique", authors="Équipe Le Monde"),
        "by_body": make_article(
            title="Untitled", body="Le rapport\u00a0\nannuel d’Ampère ÉLECTRIQUE."
        ),
    }

    assert ids(get(api, "/api/v1/articles/", search=query)) == [articles[n].pk for n in expected]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("LES ÉCHOS", True),
        ("les échos", True),
        ("Les Échos", True),
        ("les", False),
        ("échos", False),
    ],
)
def test_publisher_matches_exactly_ignoring_the_case_of_accented_letters(api, world, query, found):
    article = make_article(publisher="Les Échos")
    make_article(publisher="Les Échos\n")  # not the same name ("$" would have matched it)

    assert ids(get(api, "/api/v1/articles/", publisher=query)) == ([article.pk] if found else [])


@pytest.mark.parametrize(
    "query",
    ["COOPÉRATION", "coopération", "Coopération Renault", "ÉRATION", "cooperation", "OPERATION R"],
)
def test_agreement_title_search_ignores_case_and_accents(api, world, query):
    assert ids(get(api, "/api/v1/agreements/", search=query)) == [world.envision_deal.pk]


@pytest.mark.parametrize("query", ["a.c", "(?i)x", "[x", "*", "\\", "$", "^R", "a|b", "100%", "_"])
def test_search_text_is_literal_not_a_pattern(api, world, query):
    article = make_article(title=f"Literal {query} title", body="Nothing here.")

    assert ids(get(api, "/api/v1/articles/", search=query)) == [article.pk]
    assert ids(get(api, "/api/v1/agreements/", search=query)) == []


# -- Drafts ---------------------------------------------------------------------------------------


def test_drafts_are_invisible_to_anonymous_readers(api, world):
    assert get(api, f"/api/v1/agreements/{world.draft_deal.pk}/").status_code == 404
    assert get(api, f"/api/v1/companies/{world.secret.pk}/").status_code == 404
    assert get(api, f"/api/v1/plants/{world.draft_plant.pk}/").status_code == 404
    assert get(api, f"/api/v1/stakes/{world.draft_stake.pk}/").status_code == 404
    assert world.draft_deal.pk not in ids(get(api, "/api/v1/agreements/", ordering="title"))
    assert world.secret.pk not in ids(get(api, "/api/v1/companies/", ordering="-name"))


def test_a_stake_involving_a_draft_company_is_hidden(api, world):
    assert get(api, f"/api/v1/stakes/{world.stake_of_secret.pk}/").status_code == 404
    assert world.stake_of_secret.pk not in ids(get(api, "/api/v1/stakes/", target="verkor"))


def test_draft_companies_are_unknown_to_filters(api, world):
    for path, name in [
        ("/api/v1/stakes/", "holder"),
        ("/api/v1/plants/", "operator"),
        ("/api/v1/agreements/", "party"),
    ]:
        for reference in ("secret-motors", str(world.secret.pk)):
            response = get(api, path, **{name: reference})
            assert response.status_code == 400
            assert name in response.json()
    response = get(api, "/api/v1/agreements/", plant=world.draft_plant.pk)
    assert response.status_code == 400 and "plant" in response.json()


def test_verified_records_hide_their_draft_neighbours(api, world):
    deal = get(api, f"/api/v1/agreements/{world.with_secret.pk}/").json()
    plant = get(api, f"/api/v1/plants/{world.secret_plant_op.pk}/").json()
    supply = get(api, f"/api/v1/agreements/{world.supply.pk}/").json()

    assert [p["company"]["slug"] for p in deal["parties"]] == ["renault-group"]
    assert deal["plant"] is None
    assert plant["operator"] is None
    assert [p["name"] for p in supply["programmes"]] == ["Alpine GT crossover"]


def test_staff_see_drafts_and_their_neighbours(api, world):
    staff = User.objects.create_user("reviewer", password="x", is_staff=True)
    api.force_authenticate(staff)

    assert get(api, f"/api/v1/agreements/{world.draft_deal.pk}/").status_code == 200
    deal = get(api, f"/api/v1/agreements/{world.with_secret.pk}/").json()
    assert len(deal["parties"]) == 2
    assert deal["plant"]["name"] == "Draft plant"
    assert ids(get(api, "/api/v1/stakes/", holder="secret-motors")) == [world.stake_of_secret.pk]


# -- Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/v1/agreements/", {"announced_after": "2021-13"}, "announced_after"),
        ("/api/v1/agreements/", {"announced_before": "2021-02-30"}, "announced_before"),
        ("/api/v1/agreements/", {"announced_after": "21"}, "announced_after"),
        ("/api/v1/agreements/", {"announced_after": "0000"}, "announced_after"),
        ("/api/v1/articles/", {"published_after": "yesterday"}, "published_after"),
        ("/api/v1/stakes/", {"min_percent": "lots"}, "min_percent"),
        ("/api/v1/stakes/", {"min_percent": "NaN"}, "min_percent"),
        ("/api/v1/stakes/", {"min_percent": "101"}, "min_percent"),
        ("/api/v1/stakes/", {"min_percent": "1e400"}, "min_percent"),
        ("/api/v1/agreements/", {"min_volume_gwh": "-1"}, "min_volume_gwh"),
        ("/api/v1/plants/", {"min_capacity_gwh": "1" * 30}, "min_capacity_gwh"),
        ("/api/v1/stakes/", {"holder": "nobody"}, "holder"),
        ("/api/v1/stakes/", {"target": "9223372036854775808"}, "target"),
        ("/api/v1/stakes/", {"holder": "9" * 5000}, "holder"),
        ("/api/v1/agreements/", {"party": ["verkor", "nobody"]}, "party"),
        ("/api/v1/stakes/", {"cited_in": "99999999999999999999999"}, "cited_in"),
        ("/api/v1/stakes/", {"cited_in": "9223372036854775807"}, "cited_in"),
        ("/api/v1/plants/", {"cited_in": "abc"}, "cited_in"),
        ("/api/v1/agreements/", {"plant": "-1"}, "plant"),
        ("/api/v1/agreements/", {"kind": "merger"}, "kind"),
        ("/api/v1/plants/", {"status": "OPERATING"}, "status"),
        ("/api/v1/companies/", {"country": "France"}, "country"),
        ("/api/v1/articles/", {"language": "xx"}, "language"),
        ("/api/v1/companies/", {"ordering": "notes"}, "ordering"),
        ("/api/v1/stakes/", {"ordering": "holder__review_status"}, "ordering"),
        ("/api/v1/companies/", {"search": "a\x00b"}, "search"),
        ("/api/v1/companies/", {"ordering": "name\x00"}, "ordering"),
        ("/api/v1/companies/", {"unrelated": "\x00"}, "unrelated"),
        ("/api/v1/agreements/", {"page": "2"}, "page"),
        ("/api/v1/agreements/", {"cursor": "not-a-cursor"}, "cursor"),
        ("/api/v1/agreements/", {"page_size": "many"}, "page_size"),
        ("/api/v1/agreements/", {"page_size": "0"}, "page_size"),
        ("/api/v1/agreements/", {"format": "xml"}, "format"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, world, path, params, parameter):
    response = api.get(path, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert parameter in response.json()


def test_an_unknown_ordering_field_is_named_in_the_error(api, world):
    response = get(api, "/api/v1/agreements/", ordering="title,price")
    assert response.status_code == 400
    assert "price" in str(response.json()["ordering"])


@pytest.mark.parametrize("record_id", ["999999", "9223372036854775808", "abc", "-1", "1.5"])
def test_unknown_ids_are_404(api, world, record_id):
    for resource in ("articles", "companies", "stakes", "agreements", "plants"):
        response = api.get(f"/api/v1/{resource}/{record_id}/")
        assert response.status_code == 404, (resource, record_id)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_answer_405(api, world, method):
    for path in ("/api/v1/agreements/", f"/api/v1/agreements/{world.supply.pk}/"):
        response = getattr(api, method)(path, {"title": "x"}, format="json")
        assert response.status_code == 405
    assert Agreement.objects.filter(title="x").count() == 0


# -- Pagination -----------------------------------------------------------------------------------


def test_pagination_links_and_page_size_cap(api, world):
    for n in range(110):
        make_company(f"Filler {n:03d}", review_status=VERIFIED)
    first = get(api, "/api/v1/companies/", page_size=2).json()
    capped = get(api, "/api/v1/companies/", page_size=1000).json()
    default = get(api, "/api/v1/companies/").json()

    assert list(first) == ["next", "previous", "results"]  # no count: it repeated every filter
    assert len(first["results"]) == 2 and first["previous"] is None
    assert "cursor=" in first["next"] and "page_size=2" in first["next"]
    assert len(capped["results"]) == 100 and "page_size=100" in capped["next"]
    assert len(default["results"]) == 20
    second = api.get(first["next"]).json()
    assert second["previous"] is not None
    assert {c["id"] for c in second["results"]}.isdisjoint(c["id"] for c in first["results"])
    assert ids(api.get(second["previous"])) == [c["id"] for c in first["results"]]


def test_a_page_number_is_refused_with_the_way_to_page(api, world):
    response = get(api, "/api/v1/companies/", page=2)

    assert response.status_code == 400
    assert "next" in response.json()["page"][0]


# -- CSV ------------------------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_agreements_as_csv_flatten_parties_volumes_and_citations(api, world):
    rows = read_csv(api.get("/api/v1/agreements/", {"format": "csv", "party": "verkor"}))

    assert [row["title"] for row in rows] == ["Renault–Verkor battery supply", "EIB loan to Verkor"]
    supply = rows[0]
    assert supply["parties"] == "Renault Group (buyer); Verkor (supplier)"
    assert supply["volumes"] == "about 12 GWh/yr (target, 2025)"
    assert supply["plant"] == "Verkor Dunkirk gigafactory"
    assert supply["announced"] == "2021-06-28"
    assert supply["citations"] == (
        f"Renault and Verkor sign [{world.c_partnership.start}–{world.c_partnership.end}] (kind): "
        "“long-term commercial partnership” | [about 12 GWh/yr (target, 2025)] "
        f"Renault and Verkor sign [{world.c_volume.start}–{world.c_volume.end}]: "
        "“equivalent of 12 GWh”"
    )
    assert supply["citation_urls"].count("#citation-") == 2
    assert rows[1]["citations"] == ""


def test_an_agreement_is_cited_in_an_article_that_cites_only_one_of_its_parties(api, world):
    source = make_article(title="Advisers")
    cite(world.supply.parties.get(company=world.verkor), source, "Verkor")

    assert ids(get(api, "/api/v1/agreements/", cited_in=source.pk)) == [world.supply.pk]


def test_a_citation_on_a_party_whose_company_is_a_draft_does_not_count_for_cited_in(api, world):
    source = make_article(title="Secret adviser")
    hidden = AgreementParty.objects.create(
        agreement=world.supply, company=world.secret, role=AgreementParty.Role.ADVISER
    )
    cite(hidden, source, "Verkor")

    assert ids(get(api, "/api/v1/agreements/", cited_in=source.pk)) == []


def test_a_plant_lists_the_names_sources_use_for_it_in_json_and_csv(api, world):
    PlantAlias.objects.create(
        plant=world.dunkirk, name="gigafactory Verkor de Dunkerque", language="fr"
    )
    PlantAlias.objects.create(plant=world.dunkirk, name="Dunkirk Gigafactory")

    record = get(api, f"/api/v1/plants/{world.dunkirk.pk}/").json()
    assert [(alias["name"], alias["language"]) for alias in record["aliases"]] == [
        ("Dunkirk Gigafactory", None),
        ("gigafactory Verkor de Dunkerque", "fr"),
    ]
    rows = read_csv(api.get("/api/v1/plants/", {"format": "csv", "operator": "verkor"}))
    dunkirk = next(row for row in rows if row["name"] == world.dunkirk.name)
    assert dunkirk["aliases"] == "Dunkirk Gigafactory; gigafactory Verkor de Dunkerque"


def test_a_partys_role_carries_its_citations_in_json_and_csv(api, world):
    adviser = make_company("Santander", review_status=VERIFIED)
    party = AgreementParty.objects.create(
        agreement=world.supply, company=adviser, role=AgreementParty.Role.FINANCIAL_ADVISER
    )
    passage = cite(party, world.a_en, "long-term commercial partnership")

    record = get(api, f"/api/v1/agreements/{world.supply.pk}/").json()
    cited = next(p for p in record["parties"] if p["company"]["slug"] == adviser.slug)
    assert cited["display"] == "Santander (financial adviser)"
    assert [c["quote"] for c in cited["citations"]] == ["long-term commercial partnership"]
    assert cited["citations"][0]["source_url"].endswith(f"#citation-{passage.pk}")

    rows = read_csv(api.get("/api/v1/agreements/", {"format": "csv", "party": "santander"}))
    assert "[Santander (financial adviser)] Renault and Verkor sign" in rows[0]["citations"]
    assert "Santander (financial adviser)" in rows[0]["parties"].split("; ")
    assert f"#citation-{passage.pk}" in rows[0]["citation_urls"]


def test_csv_by_accept_header_and_for_every_list(api, world):
    for resource in ("articles", "companies", "stakes", "agreements", "plants"):
        rows = read_csv(api.get(f"/api/v1/{resource}/", HTTP_ACCEPT="text/csv"))
        json_ids = ids(api.get(f"/api/v1/{resource}/"))
        assert [int(row["id"]) for row in rows] == json_ids


def test_csv_neutralises_formula_like_cells(api, world):
    make_company('=HYPERLINK("http://evil")', slug="evil", review_status=VERIFIED)
    rows = read_csv(api.get("/api/v1/companies/", {"format": "csv", "search": "hyperlink"}))
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil")'


def test_csv_of_a_detail_is_one_row(api, world):
    [row] = read_csv(api.get(f"/api/v1/plants/{world.dunkirk.pk}/", {"format": "csv"}))

    assert row["name"] == "Verkor Dunkirk gigafactory"
    assert row["capacities"] == "16 GWh/yr (initial, 2025); up to 50 GWh/yr (target, 2030)"
    assert row["milestones"] == "operation_start 2025"
    assert row["citations"].count("“") == 2


def test_csv_errors_stay_json(api, world):
    response = api.get("/api/v1/stakes/", {"format": "csv", "min_percent": "x"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "min_percent" in response.json()


# -- Query counts ---------------------------------------------------------------------------------


def count_queries(api, path, **params):
    get(api, path, **params)  # warm the content-type cache the generic relations use
    with CaptureQueriesContext(connection) as queries:
        response = get(api, path, **params)
    assert response.status_code == 200 and response.json()["results"]
    # On PostgreSQL each request sets its statement timeout in a (nested) transaction: those
    # statements read nothing.
    return len([q for q in queries if not q["sql"].startswith(TRANSACTION_STATEMENTS)])


# SET CONSTRAINTS: a request inside the test's transaction numbers that transaction's changes
# (sourcing.models.changes.number_own_changes); outside a test there are none to number.
TRANSACTION_STATEMENTS = (
    "SAVEPOINT",
    "RELEASE SAVEPOINT",
    "SET LOCAL statement_timeout",
    "SET CONSTRAINTS",
)


# count + page + the prefetches: independent of page size and of citations per record. Django
# skips a nested prefetch when the page has no row to fetch for (no volume, so no query for the
# volumes' citations), so a page of records without nested rows may use fewer, never more.
# Every list starts with one query for its ETag (the latest change of the resource); every
# resource of curated records adds one for the value bases of its page (provenance). Agreements
# read what they carry with .values() (sourcing.api.agreement_writer): one query per kind of row,
# and one for the citations of the agreements and of all their rows and programmes together.
EXPECTED_LIST_QUERIES = {
    # No COUNT: pages are found by cursor (sourcing.pagination), not numbered.
    "articles": 3,  # etag, page, non-editorial spans
    # Each resource whose values refer to other records (a parent, a holder, an operator) adds
    # one query for those records' names and aliases, which the statement checker reads.
    # etag, page (+ parent), aliases, figures (none in this world, so not their citations:
    # tests/test_company_figures.py counts them), citations (+ articles), value bases, names
    "companies": 7,
    "stakes": 5,  # etag, page (+ holder, target), citations, value bases, names
    # etag, page (+ plant), parties (+ companies), volumes, programmes, names, citations of all
    # of them (+ articles), value bases
    "agreements": 8,
    # etag, page (+ operator), aliases, capacities, their citations, milestones, theirs,
    # figures (none in this world, so not theirs: tests/test_plant_figures.py counts them), own,
    # value bases, names
    "plants": 11,
}
# Orderings that put first a record with every kind of nested row or reference, so page size 1
# has them too.
FULLEST_FIRST = {"agreements": "-title", "plants": "-name", "companies": "name"}


@pytest.mark.parametrize("resource", sorted(EXPECTED_LIST_QUERIES))
def test_list_query_count_does_not_depend_on_page_size(api, world, resource):
    ordering = FULLEST_FIRST.get(resource, "id")
    small = count_queries(api, f"/api/v1/{resource}/", page_size=1, ordering=ordering)
    large = count_queries(api, f"/api/v1/{resource}/", page_size=50, ordering=ordering)
    # A page found by its cursor costs what the first does: the condition is in the page query.
    # Back from the second page to the first, which has every kind of nested row.
    first = get(api, f"/api/v1/{resource}/", page_size=1, ordering=ordering).json()
    second = api.get(first["next"]).json()
    cursor = parse_qs(urlsplit(second["previous"]).query)["cursor"][0]
    back = count_queries(api, f"/api/v1/{resource}/", page_size=1, ordering=ordering, cursor=cursor)

    assert small == large == back == EXPECTED_LIST_QUERIES[resource]


def test_list_query_count_does_not_depend_on_citations_or_parties(api, world):
    article = make_article()
    one = make_agreement(
        parties=[(make_company(review_status=VERIFIED), PARTNER)],
        title="One of each",
        review_status=VERIFIED,
    )
    cite(one, article, "over 20%")
    cite(AgreementVolume.objects.create(agreement=one, gwh_per_year=1), article, "each year")
    cite(one.parties.get(), article, "Verkor")
    many = make_agreement(
        parties=[(make_company(review_status=VERIFIED), PARTNER) for _ in range(5)],
        title="Many of each",
        review_status=VERIFIED,
    )
    for party in many.parties.all():
        cite(party, article, "Renault Group")
        cite(party, article, "entered")
    for quote in ("Renault Group", "Verkor", "12", "GWh", "batteries", "over 20%"):
        cite(many, article, quote)
    for n in range(3):
        volume = AgreementVolume.objects.create(agreement=many, gwh_per_year=n)
        cite(volume, article, "each year")
        cite(volume, article, "entered")

    with_one = count_queries(api, "/api/v1/agreements/", search="one of each")
    with_many = count_queries(api, "/api/v1/agreements/", search="many of each")

    # A search matches programme names in the database (their stored folded name): no query of
    # its own. The citations of the agreements, parties and volumes are one query however many.
    assert with_one == with_many == EXPECTED_LIST_QUERIES["agreements"]
