"""The human-readable source view of an article and the highlighting it is built on."""

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sourcing.models import AgreementParty, AgreementVolume, Article, NonEditorialSpan, ReviewStatus
from sourcing.text.highlighting import highlight_body
from tests.factories import (
    VERIFIED,
    cite,
    make_agreement,
    make_article,
    make_company,
    make_stake,
)

VOID_ELEMENTS = {"meta", "br", "hr", "img", "input", "link"}


class TagBalance(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.open = []
        self.ids = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def assert_well_formed(html):
    parser = TagBalance()
    parser.feed(str(html))
    parser.close()
    assert parser.open == [], f"unclosed: {parser.open}"
    return parser


def text_of(html):
    chunks = []
    parser = HTMLParser()
    parser.handle_data = chunks.append
    parser.feed(str(html))
    return "".join(chunks)


def citation(pk, start, end):
    return SimpleNamespace(pk=pk, start=start, end=end)


def article(body):
    return SimpleNamespace(body=body)


def test_highlight_marks_each_citation_with_its_anchor_and_link():
    html = highlight_body(
        article("Renault and Verkor agree."),
        [citation(7, 12, 18)],
        link_for=lambda c: f"/api/v1/agreements/{c.pk}/",
        label_for=lambda c: "agreement: Supply",
        non_editorial_spans=[],
    )

    assert str(html) == (
        'Renault and <mark id="citation-7" class="citation" data-citation="7" '
        'title="agreement: Supply">Verkor<sup class="citation-link">'
        '<a href="/api/v1/agreements/7/">[7]</a></sup></mark> agree.'
    )


def test_highlight_escapes_the_body_and_the_labels():
    body = 'a <script>alert("x")</script> & b'
    html = highlight_body(
        article(body),
        [citation(1, 2, 10)],
        link_for=lambda c: '/x?a=1&b="2"',
        label_for=lambda c: '<b>"label"</b>',
        non_editorial_spans=[],
    )

    assert "<script>" not in html
    assert ">&lt;script&gt;<sup" in html  # the cited part, inside the mark
    assert "</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; b" in html
    assert text_of(html).replace("[1]", "") == body
    assert 'title="&lt;b&gt;&quot;label&quot;&lt;/b&gt;"' in html
    assert 'href="/x?a=1&amp;b=&quot;2&quot;"' in html
    assert_well_formed(html)


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 10), (5, 15)],  # overlapping
        [(0, 20), (5, 10)],  # nested
        [(5, 10), (5, 10)],  # identical
        [(5, 10), (0, 20), (8, 25), (9, 12), (24, 30)],  # tangled
        [(0, 30)],  # the whole body
        [(28, 99), (-4, 2)],  # clipped to the body
        [(10, 10)],  # empty: ignored
    ],
)
def test_overlapping_citations_give_well_formed_html_with_every_anchor_once(ranges):
    body = "0123456789abcdefghij<&>\"'klmn"[:30].ljust(30, ".")
    citations = [citation(n + 1, start, end) for n, (start, end) in enumerate(ranges)]

    html = highlight_body(
        article(body), citations, link_for=lambda c: f"/r/{c.pk}/", non_editorial_spans=[]
    )

    parser = assert_well_formed(html)
    visible = [c for c in citations if max(c.start, 0) < min(c.end, len(body))]
    assert sorted(parser.ids) == sorted(f"citation-{c.pk}" for c in visible)
    # The text survives intact once the link markers are taken out.
    stripped = text_of(html)
    for c in visible:
        stripped = stripped.replace(f"[{c.pk}]", "", 1)
    assert stripped == body


def test_non_editorial_spans_are_labelled_and_overlaps_stay_nested():
    body = "Reporting. Comments: great! The end."
    span = SimpleNamespace(
        start=11, end=28, kind="reader_comments", get_kind_display=lambda: "Reader comments"
    )
    html = highlight_body(
        article(body), [citation(3, 0, 15)], non_editorial_spans=[span], link_for=None
    )

    assert_well_formed(html)
    assert '<span class="non-editorial" data-kind="reader_comments"' in html
    assert "Reader comments — not editorial content" in html
    assert text_of(html).replace("Reader comments — not editorial content", "") == body


# -- The view ------------------------------------------------------------------------------------


def test_source_view_highlights_cited_passages_linked_to_their_records(client, world):
    response = client.get(f"/articles/{world.a_en.pk}/source/")
    html = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    for cited in (world.c_partnership, world.c_volume, world.c_stake):
        assert f'id="citation-{cited.pk}"' in html
    assert f'href="/api/v1/agreements/{world.supply.pk}/"' in html
    assert f'href="/api/v1/stakes/{world.renault_in_verkor.pk}/"' in html
    assert "agreement: Renault–Verkor battery supply — agreement volume" in html
    assert_well_formed(html.split("<body>", 1)[1].rsplit("</body>", 1)[0])


def test_source_view_labels_non_editorial_parts_and_escapes_the_body(client, world):
    html = client.get(f"/articles/{world.a_fr.pk}/source/").content.decode()

    assert "Reader comments — not editorial content" in html
    assert "super &lt;b&gt;article&lt;/b&gt; &amp; co" in html
    assert "<b>article</b>" not in html
    assert f'id="citation-{world.c_losange.pk}"' in html


def test_anonymous_readers_see_no_highlight_for_draft_records(client, world):
    fr = client.get(f"/articles/{world.a_fr.pk}/source/").content.decode()
    en = client.get(f"/articles/{world.a_en.pk}/source/").content.decode()

    assert f'id="citation-{world.c_secret.pk}"' not in fr  # cites the draft company
    assert f'id="citation-{world.c_draft_deal.pk}"' not in en  # cites a draft agreement
    assert "Secret Motors" not in fr and "Draft Renault–Verkor deal" not in en


def test_staff_see_highlights_for_drafts_too(client, world):
    client.force_login(User.objects.create_user("editor", password="x", is_staff=True))
    html = client.get(f"/articles/{world.a_en.pk}/source/").content.decode()

    assert f'id="citation-{world.c_draft_deal.pk}"' in html


def test_a_citation_link_from_the_api_lands_on_the_highlighted_passage(client, world):
    record = client.get(f"/api/v1/stakes/{world.renault_in_verkor.pk}/").json()
    page, anchor = record["citations"][0]["source_url"].split("#")

    html = client.get(page).content.decode()
    assert f'id="{anchor}"' in html


@pytest.mark.parametrize(
    "path", ["/articles/999999/source/", "/articles/99999999999999999999/source/"]
)
def test_unknown_articles_are_404(client, world, path):
    assert client.get(path).status_code == 404


def test_overlapping_citations_of_real_records_render(client, db):
    # Names of no other module's data: this module's ``world`` may be loaded alongside.
    lumiere = make_company("Lumiere Group", review_status=VERIFIED)
    source = make_article(body="Lumiere Group and Cellix sign a deal on 12 GWh.")
    deal = make_agreement(parties=[(lumiere, "buyer")], title="Deal", review_status=VERIFIED)
    cite(deal, source, "Lumiere Group and Cellix")
    cite(deal, source, "Cellix sign a deal")
    cite(lumiere, source, "Group and")
    NonEditorialSpan.objects.create(article=source, kind="boilerplate", start=41, end=46)

    html = client.get(Article.objects.get(pk=source.pk).get_absolute_url()).content.decode()

    assert html.count('class="citation"') == 3
    assert_well_formed(html.split("<body>", 1)[1].rsplit("</body>", 1)[0])


def source_view_queries(client, article):
    client.get(article.get_absolute_url())  # warm the content-type cache the citations use
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return len(queries), response.content.decode()


# article, its non-editorial spans, its citations, then one query per cited model (here: stakes,
# agreements, agreement volumes), however many records of that model are cited, and one for the
# inferred and general-knowledge notes of the cited rows.
SOURCE_VIEW_QUERIES = 7


def verified_stake(**fields):
    return make_stake(
        make_company(review_status=VERIFIED),
        make_company(review_status=VERIFIED),
        review_status=VERIFIED,
        **fields,
    )


def test_source_view_query_count_does_not_grow_with_the_cited_records(client, db):
    source = make_article()
    deal = make_agreement(
        parties=[(make_company(review_status=VERIFIED), "buyer")], review_status=VERIFIED
    )
    cite(deal, source, "long-term commercial partnership")
    cite(AgreementVolume.objects.create(agreement=deal, gwh_per_year=12), source, "12")
    cite(verified_stake(share_exact=20), source, "over 20%")
    one_stake, html = source_view_queries(client, source)
    assert html.count('class="citation"') == 3

    stakes = [verified_stake(share_max=n + 1) for n in range(4)]
    for stake, quote in zip(
        stakes, ["Renault Group", "Verkor", "batteries", "each year"], strict=True
    ):
        cite(stake, source, quote)
    five_stakes, html = source_view_queries(client, source)

    assert one_stake == five_stakes == SOURCE_VIEW_QUERIES
    assert html.count('class="citation"') == 7
    for stake in stakes:
        assert f"stake: {stake.holder} in {stake.target} (up to {stake.share_max}%)" in html


def test_source_view_hides_a_stake_whose_company_is_a_draft(client, db):
    source = make_article()
    hidden = make_stake(
        holder=make_company(review_status=ReviewStatus.DRAFT),
        target=make_company(review_status=VERIFIED),
        review_status=VERIFIED,
    )
    shown = make_stake(
        holder=make_company(review_status=VERIFIED),
        target=make_company(review_status=VERIFIED),
        review_status=VERIFIED,
    )
    hidden_citation = cite(hidden, source, "Verkor")
    shown_citation = cite(shown, source, "over 20%")

    html = client.get(source.get_absolute_url()).content.decode()

    assert f'id="citation-{shown_citation.pk}"' in html
    assert f'id="citation-{hidden_citation.pk}"' not in html


def test_source_view_highlights_a_partys_citation_unless_the_company_is_a_draft(client, db):
    source = make_article()
    deal = make_agreement(title="Supply deal", review_status=VERIFIED)
    adviser = AgreementParty.objects.create(
        agreement=deal,
        company=make_company("Santander", review_status=VERIFIED),
        role=AgreementParty.Role.FINANCIAL_ADVISER,
    )
    secret = AgreementParty.objects.create(
        agreement=deal,
        company=make_company("Secret Bank", review_status=ReviewStatus.DRAFT),
        role=AgreementParty.Role.ADVISER,
    )
    shown = cite(adviser, source, "long-term commercial partnership")
    hidden = cite(secret, source, "each year")

    html = client.get(source.get_absolute_url()).content.decode()

    assert f'id="citation-{shown.pk}"' in html
    assert "agreement: Supply deal — agreement party Santander (financial adviser)" in html
    assert f'id="citation-{hidden.pk}"' not in html
    assert "Secret Bank" not in html


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_source_view_answers_writes_with_405(client, world, method):
    response = getattr(client, method)(f"/articles/{world.a_en.pk}/source/")

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


def test_source_view_answers_head(client, world):
    assert client.head(f"/articles/{world.a_en.pk}/source/").status_code == 200
