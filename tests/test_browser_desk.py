"""
End to end in headless Chromium: a new article, written for this test, goes from intake to
verified records in the public API through the curation desk, and the page loads are counted.

The passages are selected in the page's own document (a DOM Range set on the text, then the
mouse-up the desk listens to), as a mouse drag would leave them: pixel-exact drags are the flaky
part of browser tests, and what is under test is the desk turning a selection into offsets.
"""

import json
import os
import urllib.request

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select

from sourcing.models import (
    Agreement,
    Article,
    Company,
    NonEditorialSpan,
    Plant,
    ReviewStatus,
    Stake,
)

from .factories import (
    cite,
    make_agreement,
    make_article,
    make_company,
    make_plant,
    make_user,
)
from .test_browser import (  # noqa: F401 (the browser and screenshot_dir fixtures)
    WAIT_SECONDS,
    AdminUser,
    browser,
    screenshot_dir,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# About 0.7 kB, six facts and a reader comment that repeats one of them.
ARTICLE = (
    "Stellantis and Voltaris sign battery supply deal for Douai\n\n"
    "Douai, 14 March 2024 – Stellantis and the French start-up Voltaris have signed a supply "
    "agreement for lithium-iron-phosphate cells, the two companies said on Thursday.\n\n"
    "Under the agreement, Voltaris will supply Stellantis with up to 8 GWh of cells a year "
    "from 2026. Stellantis will also take a 15% stake in Voltaris.\n\n"
    "Voltaris will build the cells at the Voltaris Douai plant, where construction starts in "
    "2024. The plant's initial capacity will be 4 GWh a year, rising to 16 GWh by 2030.\n\n"
    "The plant will create about 1,200 jobs, Voltaris said.\n\n"
    "Comments\n"
    "Marc, 14 March 2024: I doubt Stellantis will take a 15% stake in anything this year.\n"
    "Reply | Report\n"
)
CAPACITY_PASSAGE = "initial capacity will be 4 GWh a year, rising to 16 GWh by 2030"
PARTY_PASSAGE = "Voltaris will supply Stellantis with up to 8 GWh of cells a year from 2026"
COMMENTS = ARTICLE[ARTICLE.index("Comments") : ARTICLE.index("Reply | Report") + 14]

SELECT_PASSAGE = """
const [start, end] = arguments;
const segments = Array.from(document.querySelectorAll('#desk-text .seg'));
function point(offset) {
  for (const segment of segments) {
    const node = segment.firstChild, from = Number(segment.dataset.start);
    if (node && offset >= from && offset <= from + node.length) return [node, offset - from];
  }
  throw new Error('no segment holds offset ' + offset);
}
const range = document.createRange();
range.setStart(...point(start));
range.setEnd(...point(end));
const selection = window.getSelection();
selection.removeAllRanges();
selection.addRange(range);
document.getElementById('desk-text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
return document.getElementById('selected-quote').textContent;
"""


class CountingUser(AdminUser):
    """An admin user whose every page load (typed address or navigating click) is counted."""

    page_loads = 0

    def open(self, path):
        self.page_loads += 1
        super().open(path)

    def click_through(self, selector):
        self.page_loads += 1
        super().click_through(selector)

    def desk_message(self, expected):
        try:
            self.wait.until(lambda driver: expected in self.find("#desk-messages").text)
        except TimeoutException:
            errors = [e.text for e in self.driver.find_elements("css selector", ".desk-error")]
            shown = self.find("#desk-messages").text
            message = f"waited for {expected!r}; the desk says {shown!r}, {errors}"
            raise AssertionError(message) from None
        return self.find("#desk-messages").text

    def select_passage(self, passage):
        start = ARTICLE.index(passage)
        return self.driver.execute_script(SELECT_PASSAGE, start, start + len(passage))

    def proposal(self, kind, containing=""):
        for form in self.driver.find_elements("css selector", f"form.proposal-{kind}"):
            if containing in form.get_attribute("data-proposal"):
                return form
        raise AssertionError(f"no {kind} proposal with {containing!r}")


def api(base_url, resource):
    with urllib.request.urlopen(f"{base_url}/api/v1/{resource}/", timeout=WAIT_SECONDS) as reply:
        return json.load(reply)["results"]


def test_a_new_article_is_curated_from_intake_to_verified_in_at_most_ten_page_loads(
    browser,  # noqa: F811
    live_server,
    screenshot_dir,  # noqa: F811
):
    make_company("Stellantis", review_status=ReviewStatus.VERIFIED, country="NL")
    plant = make_plant(name="Voltaris Douai", review_status=ReviewStatus.VERIFIED)
    # Verified from an earlier source, which states it whole: the reviewer can verify it again.
    earlier = make_article(body="Voltaris plans to build the Voltaris Douai cell plant in France.")
    cite(plant, earlier, "plans to build the Voltaris Douai cell plant in France")
    make_user("edith", "Editors")
    make_user("rita", "Reviewers")
    person = CountingUser(browser, live_server.url)

    # Intake: the text pasted, the date printed in it proposed.
    person.log_in("edith")
    person.open("/admin/sourcing/article/add/")
    browser.execute_script(
        "const box = document.querySelector('[name=text]');"
        "box.value = arguments[0]; box.dispatchEvent(new Event('change'));",
        ARTICLE,
    )
    person.wait.until(lambda d: person.find("[name=published]").get_attribute("value"))
    assert person.find("[name=published]").get_attribute("value") == "2024-03-14"
    person.choose("language", "English")
    person.type_into("publisher", "Battery Wire")
    person.click_through("input[name='_save']")
    article = Article.objects.get(body=ARTICLE)
    assert article.body == ARTICLE and article.published == "2024-03-14"
    browser.execute_script("window.stillTheSamePage = true;")

    # Accept the agreement, signed as its first sentence says: Voltaris, new to the database, is
    # created with it, and the desk cites that sentence for the status its own passage omits.
    agreement_form = person.proposal("agreement")
    Select(
        agreement_form.find_element("css selector", "[name='fields.status']")
    ).select_by_visible_text("Signed")
    agreement_form.find_element("css selector", "[value=accept]").click()
    person.desk_message("Created")
    # Every field of a proposal is editable: the editor retypes the stake's target.
    stake_form = person.proposal("stake")
    target = stake_form.find_element("css selector", "[name='fields.target']")
    target.clear()
    target.send_keys("Voltaris")
    stake_form.find_element("css selector", "[value=accept]").click()
    person.desk_message("Stellantis in Voltaris")
    # Accepted, the proposal shows the stake as it now is, and cannot be accepted again.
    accepted = person.find("div.proposal-stake.accepted")
    assert "Stellantis in Voltaris" in accepted.text and "15" in accepted.text
    assert not browser.find_elements("css selector", "form.proposal-stake")
    # The capacity's sentence says "the plant": the desk names the plant the text spoke of.
    capacity_form = person.proposal("plant_capacity", '"gwh_per_year": 16')
    plant_box = capacity_form.find_element("css selector", "[name='fields.plant']")
    assert plant_box.get_attribute("value") == "Voltaris Douai"
    # The quote narrowed to what states the figure: the selection becomes the proposal's quote.
    assert person.select_passage(CAPACITY_PASSAGE) == CAPACITY_PASSAGE
    capacity_form.find_element("css selector", ".use-selection").click()
    quote_box = capacity_form.find_element("css selector", "[name=quote]")
    assert quote_box.get_attribute("value") == CAPACITY_PASSAGE
    capacity_form.find_element("css selector", "[value=accept]").click()
    person.desk_message("16 GWh/yr")

    # Select-to-cite: the supplier's role, on its party row.
    assert person.select_passage(PARTY_PASSAGE) == PARTY_PASSAGE
    Select(person.find("#cite-target")).select_by_visible_text(
        "Agreement party: Voltaris (supplier)"
    )
    Select(person.find("#cite-field")).select_by_visible_text("Role")
    person.find("#cite-button").click()
    person.desk_message("Cited")

    # The reader comment repeats a fact: marked non-editorial, it can no longer be cited.
    person.select_passage(COMMENTS)
    Select(person.find("#mark-kind")).select_by_visible_text("Reader comments")
    person.find("#mark-button").click()
    person.desk_message("reader comments")
    assert browser.execute_script("return window.stillTheSamePage === true;")
    browser.save_screenshot(os.path.join(screenshot_dir, "desk.png"))
    editor_loads = person.page_loads

    # The reviewer verifies everything the article supports from the same desk.
    person.log_in("rita")
    person.open(f"/admin/sourcing/article/{article.pk}/desk/")
    for box in browser.find_elements("css selector", ".verify-target"):
        box.click()
    person.find("#verify-button").click()
    person.desk_message("marked verified")

    assert Agreement.objects.get().review_status == ReviewStatus.VERIFIED
    assert Stake.objects.get().review_status == ReviewStatus.VERIFIED
    assert Company.objects.get(name="Voltaris").review_status == ReviewStatus.VERIFIED
    assert Plant.objects.get(pk=plant.pk).review_status == ReviewStatus.VERIFIED
    span = NonEditorialSpan.objects.get()
    assert ARTICLE[span.start : span.end] == COMMENTS

    agreements = api(live_server.url, "agreements")
    assert [a["title"] for a in agreements] == ["Voltaris–Stellantis supply agreement"]
    supplier = next(p for p in agreements[0]["parties"] if p["role"] == "supplier")
    # The editor's passage cites the role, beside the sentence the desk proposed it from.
    assert PARTY_PASSAGE in [c["quote"] for c in supplier["citations"]]
    # The sentence that states the supply and who supplies whom, as the desk proposed it.
    quotes = [citation["quote"] for citation in agreements[0]["citations"]]
    assert any(quote.startswith("Under the agreement, Voltaris") for quote in quotes)
    stakes = api(live_server.url, "stakes")
    assert stakes[0]["share_display"] == "15%"
    # Its own passage, and the sentence that dates it (the desk cites it for the date).
    assert "Stellantis will also take a 15% stake in Voltaris." in [
        citation["quote"] for citation in stakes[0]["citations"]
    ]
    plants = api(live_server.url, "plants")
    capacity = next(c for c in plants[0]["capacities"] if c["year"] == 2030)
    # The passage selected, and the sentence naming the plant it leaves unnamed.
    assert CAPACITY_PASSAGE in [citation["quote"] for citation in capacity["citations"]]

    print(f"\npage loads: editor {editor_loads}, in all {person.page_loads}")
    assert person.page_loads <= 10


def test_a_record_page_with_a_refused_citation_fits_a_1280_pixel_screen(
    browser,  # noqa: F811
    live_server,
):
    article = make_article(title="Voltaris", body=ARTICLE)
    agreement = make_agreement(
        title="Stellantis–Voltaris supply",
        parties=[(make_company("Stellantis"), "buyer"), (make_company("Voltaris"), "supplier")],
    )
    make_user("edith", "Editors")
    person = CountingUser(browser, live_server.url)
    browser.set_window_size(1280, 1000)
    try:
        person.log_in("edith")
        person.open(f"/admin/sourcing/agreement/{agreement.pk}/change/?article={article.pk}")
        person.type_into(
            "sourcing-citation-content_type-object_id-0-quote",
            "Voltaris will supply Stellantis with up to 9 GWh of cells a year from 2026",
        )
        person.save()
        assert "The quote is not in article" in person.errors()
        page_width = browser.execute_script("return document.documentElement.scrollWidth;")
        window_width = browser.execute_script("return window.innerWidth;")
        assert page_width <= window_width
        error = person.find(".inline-group .errorlist")
        quote = person.find("[name='sourcing-citation-content_type-object_id-0-quote']")
        # The error stands right above its own row, not across the page.
        assert 0 <= quote.location["y"] - error.location["y"] < 150
    finally:
        browser.set_window_size(1400, 1100)
