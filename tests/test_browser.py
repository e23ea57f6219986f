"""
End to end in a real headless Chromium: an editor curates an agreement in the admin, a reviewer
verifies it, and it appears in the public API.

Debian's chromium and chromedriver are used at fixed paths; Selenium Manager is never asked to
download anything. The admin's autocomplete widgets (select2) are driven as a user does: click
the widget, type part of a name, wait for the search result and click it.
"""

import json
import os
import urllib.request

import pytest
from django.contrib.auth.models import User
from django.test import Client
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from sourcing.models import Agreement, Company, ReviewStatus, ValueBasis

from .factories import (
    PASSWORD,
    changeform_data,
    cite,
    make_article,
    make_company,
    make_user,
)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT_SECONDS = 15

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

ARTICLE_BODY = (
    "Renault Group and Verkor have entered a long-term commercial partnership. "
    "Verkor will supply Renault Group with the equivalent of 12\u00a0GWh of batteries each year "
    "from 2025.\n\nThe two companies will also develop a high-performance battery for the "
    "Alpine C-segment crossover GT."
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.fail(f"{CHROMIUM} and {CHROMEDRIVER} are needed: run `make browser`.")
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager fetch a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1100",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    # What the pages' scripts log, read by tests that expect no console errors.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except WebDriverException as error:
        pytest.fail(f"Chromium did not start: {error.msg}")
    yield driver
    driver.quit()


@pytest.fixture
def screenshot_dir(tmp_path):
    """Where screenshots go: BROWSER_SCREENSHOTS to keep them for a look, a tmp dir otherwise."""
    kept = os.environ.get("BROWSER_SCREENSHOTS")
    if kept:
        os.makedirs(kept, exist_ok=True)
        return kept
    return str(tmp_path)


class AdminUser:
    """What a person does in the admin, in words close to theirs."""

    def __init__(self, driver, base_url):
        self.driver = driver
        self.base_url = base_url
        self.wait = WebDriverWait(driver, WAIT_SECONDS)

    def open(self, path):
        self.driver.get(self.base_url + path)

    def find(self, selector):
        return self.wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))

    def click_through(self, selector):
        """Click what loads a new page, and wait until the new page has replaced the old one."""
        # The old page is marked in its own JavaScript world, which dies with it. Waiting on a
        # node of the old page instead is racy: Chromium may answer a query about it with a
        # stale-element error or with "does not belong to the document", depending on timing.
        self.find("html")
        self.driver.execute_script("window.leftBehindByTheTest = true;")
        # Found and clicked in one step, again if the page swapped the node in between (the
        # browser still settling a navigation): a stale node is a race of the test, not a bug.
        self.wait.until(lambda driver: self.clicked(selector))
        self.wait.until(lambda driver: self.on_a_new_loaded_page())

    def on_a_new_loaded_page(self):
        try:
            return self.driver.execute_script(
                "return !window.leftBehindByTheTest && document.readyState === 'complete';"
            )
        except WebDriverException:
            return False  # the navigation is under way: no document to ask yet

    def clicked(self, selector):
        try:
            self.driver.find_element(By.CSS_SELECTOR, selector).click()
        except (NoSuchElementException, StaleElementReferenceException):
            return False
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return False
            raise
        return True

    def log_in(self, username):
        self.driver.delete_all_cookies()
        self.open("/admin/login/?next=/admin/")
        self.find("#id_username").send_keys(username)
        self.find("#id_password").send_keys(PASSWORD)
        self.click_through("#login-form [type=submit]")
        self.find("#site-name")
        assert "Log in" not in self.driver.title

    def type_into(self, name, text):
        field = self.find(f"[name='{name}']")
        field.clear()
        field.send_keys(text)

    def choose(self, name, label):
        Select(self.find(f"select[name='{name}']")).select_by_visible_text(label)

    def pick(self, name, typed, expected):
        """Pick ``expected`` in the autocomplete widget of field ``name`` by typing ``typed``."""
        select = self.find(f"select[name='{name}']")
        container = select.find_element(
            By.XPATH, "following-sibling::span[contains(@class, 'select2')]"
        )
        container.find_element(By.CSS_SELECTOR, ".select2-selection").click()
        search = self.find(".select2-container--open .select2-search__field")
        search.send_keys(typed)
        option = (
            By.XPATH,
            "//li[contains(@class, 'select2-results__option') and "
            f"not(contains(@class, 'loading-results')) and normalize-space()='{expected}']",
        )

        def click_option(driver):
            # Select2 redraws the list when a later search answer arrives: an option found just
            # before is then stale, and the click is tried again on the redrawn one.
            try:
                conditions.element_to_be_clickable(option)(driver).click()
            except (StaleElementReferenceException, AttributeError):
                return False
            return True

        self.wait.until(click_option)
        self.wait.until(
            lambda driver: (
                expected in container.find_element(By.CSS_SELECTOR, ".select2-selection").text
            )
        )

    def save(self):
        self.click_through("input[name='_save']")

    def messages(self):
        return self.find("ul.messagelist").text

    def errors(self):
        return " ".join(
            error.text
            for error in self.driver.find_elements(By.CSS_SELECTOR, ".errorlist, .errornote")
        )


def api_agreements(base_url):
    with urllib.request.urlopen(f"{base_url}/api/v1/agreements/", timeout=WAIT_SECONDS) as reply:
        assert reply.status == 200
        return json.load(reply)["results"]


def test_editor_curates_an_agreement_a_reviewer_verifies_it_and_the_api_publishes_it(
    browser, live_server, screenshot_dir
):
    article = make_article(title="Renault Group and Verkor: battery partnership", body=ARTICLE_BODY)
    make_company("Renault Group", review_status=ReviewStatus.VERIFIED)
    make_user("edith", "Editors")
    make_user("rita", "Reviewers")
    person = AdminUser(browser, live_server.url)
    assert api_agreements(live_server.url) == []

    # The editor adds Verkor with the alias a news agency uses.
    person.log_in("edith")
    person.open("/admin/sourcing/company/add/")
    person.type_into("name", "Verkor")
    person.choose("kind", "Battery cell maker")
    person.type_into("country", "FR")
    person.type_into("aliases-0-name", "Verkor SAS")
    person.save()
    assert "was added successfully" in person.messages()
    verkor = Company.objects.get(name="Verkor")
    assert verkor.slug == "verkor"  # filled in from the name by the admin's own script
    assert list(verkor.aliases.values_list("name", flat=True)) == ["Verkor SAS"]
    # A passage that states it (the agreement's citation below is typed in the browser): without
    # one for each of its values, the reviewer could not verify it.
    cite(verkor, article, "Verkor will supply Renault Group")
    ValueBasis.objects.create(
        record=verkor.aliases.get(),
        field="name",
        basis="general_knowledge",
        note="Verkor's registered name; the article says plain “Verkor”.",
    )

    # Then the agreement, its two parties, and a citation pasted with the wrong figure.
    person.open("/admin/sourcing/agreement/add/")
    person.type_into("title", "Renault–Verkor battery supply")
    person.choose("kind", "Supply")
    person.choose("status", "Signed")
    person.pick("parties-0-company", "renault", "Renault Group")
    person.choose("parties-0-role", "Buyer")
    person.pick("parties-1-company", "verkor sas", "Verkor")
    person.choose("parties-1-role", "Supplier")
    citation = "sourcing-citation-content_type-object_id-0"
    person.pick(f"{citation}-article", "Verkor", article.title)
    person.type_into(f"{citation}-quote", "the equivalent of 15 GWh of batteries each year")
    person.save()
    errors = person.errors()
    assert "The quote is not in article" in errors
    # The browser shows the article's no-break space as a plain space.
    assert "The closest passage is: “the equivalent of 12 GWh of batteries each year”" in errors
    assert not Agreement.objects.exists()

    # The form kept what was entered: correcting the quote is enough.
    person.type_into(f"{citation}-quote", "the equivalent of 12 GWh of batteries each year")
    person.save()
    assert "was added successfully" in person.messages()
    agreement = Agreement.objects.get()
    assert agreement.review_status == ReviewStatus.DRAFT
    assert sorted(agreement.parties.values_list("company__name", "role")) == [
        ("Renault Group", "buyer"),
        ("Verkor", "supplier"),
    ]
    assert (
        agreement.citations.get().passage == "the equivalent of 12\u00a0GWh of batteries each year"
    )
    assert api_agreements(live_server.url) == []  # drafts are not public

    # The article page shows the passage highlighted, linked to the agreement.
    person.open(f"/admin/sourcing/article/{article.pk}/change/")
    mark = person.find(f"mark#citation-{agreement.citations.get().pk}")
    assert mark.text.startswith("the equivalent of 12")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    browser.save_screenshot(os.path.join(screenshot_dir, "article_admin_page.png"))

    # The reviewer verifies the agreement and the new company with the changelist action.
    person.log_in("rita")
    for record in (agreement, verkor):
        person.open(f"/admin/sourcing/{record._meta.model_name}/")
        checkbox = person.find(f"#result_list input.action-select[value='{record.pk}']")
        checkbox.click()
        person.choose("action", "Mark verified")
        person.click_through("button[name='index']")
        assert "1 record(s) marked verified." in person.messages()

    published = api_agreements(live_server.url)
    assert [record["title"] for record in published] == ["Renault–Verkor battery supply"]
    assert sorted(party["company"]["name"] for party in published[0]["parties"]) == [
        "Renault Group",
        "Verkor",
    ]
    assert (
        published[0]["citations"][0]["quote"] == "the equivalent of 12 GWh of batteries each year"
    )


def test_second_editor_saving_a_stale_form_in_the_browser_sees_who_changed_it(browser, live_server):
    verkor = make_company("Verkor")
    make_user("anna", "Editors")
    make_user("edith", "Editors")
    person = AdminUser(browser, live_server.url)
    person.log_in("edith")
    person.open(f"/admin/sourcing/company/{verkor.pk}/change/")
    person.type_into("description", "Edith's description.")
    # Meanwhile Anna saves the same record from her own session.
    change_url = f"/admin/sourcing/company/{verkor.pk}/change/"
    anna = Client()
    anna.force_login(User.objects.get(username="anna"))
    data = changeform_data(anna.get(change_url))
    data["description"] = "Anna's description."
    assert anna.post(change_url, data).status_code == 302

    person.save()
    assert "This record was changed by anna at" in person.errors()
    verkor.refresh_from_db()
    assert verkor.description == "Anna's description."


def test_saving_an_articles_publisher_in_the_browser_keeps_its_text_byte_for_byte(
    browser, live_server
):
    # A leading space and paragraphs, as article 000 of the seed has: a browser submits every
    # textarea with CRLF line endings, and a stripping form would drop the space.
    body = " " + ARTICLE_BODY + "\n"
    article = make_article(title="Renault Group and Verkor", body=body)
    original_hash = article.content_hash
    make_user("edith", "Editors")
    person = AdminUser(browser, live_server.url)
    person.log_in("edith")
    person.open(f"/admin/sourcing/article/{article.pk}/change/")
    person.type_into("publisher", "Verkor")
    person.save()
    assert "was changed successfully" in person.messages()

    article.refresh_from_db()
    assert article.publisher == "Verkor"
    assert article.body == body
    assert article.content_hash == original_hash
