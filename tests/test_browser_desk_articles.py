"""
Two short articles written for this test, one in English and one in French, each with a supply
agreement, a stake, a new plant with its capacity and milestone, a known plant's capacity, a press
contact and a reader comment thread, go from intake to the public API in headless Chromium: the
editor curates each from the desk's proposals in at most 4 page loads, the reviewer verifies it
in at most 2, and the API then publishes every fact with the passage that states it.
"""

import json
import urllib.request

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from sourcing.models import Article, Company, Plant, ReviewStatus

from .factories import (
    cite,
    make_article,
    make_company,
    make_editorial_groups,
    make_plant,
    make_user,
)
from .test_browser import (  # noqa: F401 (the browser and screenshot_dir fixtures)
    WAIT_SECONDS,
    browser,
    screenshot_dir,
)
from .test_browser_desk import CountingUser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = """Korvia and Halden Motors agree battery cell supply

Turin, 2 June 2026 - Korvia, the Italian cell maker, said on Tuesday it had signed a supply \
agreement with the carmaker Halden Motors. Under the agreement, Korvia will supply Halden Motors \
with up to 6 GWh of cells a year from 2027.

The cells will be made at a new gigafactory in Foggia, where Korvia plans to start construction \
in 2026. The Foggia plant will have a capacity of 10 GWh a year by 2029 and will create about \
900 jobs.

Halden Motors will also take a 20% stake in Korvia, the two companies said. Korvia's Novara \
plant, which opened last year, will reach 4 GWh a year in 2026.

Press contact: Giulia Ferri, press@korvia.example, +39 011 555 0100

Comments
Luca, 2 June 2026: 20% of Korvia for Halden? I doubt it will happen.
Reply | Report
"""

FRENCH = """Lumeris et Ostra Automobiles s'allient pour les batteries

Bordeaux, 9 juin 2026 - Le fabricant de cellules Lumeris a signé jeudi un contrat \
d'approvisionnement avec le constructeur Ostra Automobiles. Lumeris fournira à Ostra Automobiles \
jusqu'à 5 GWh de cellules par an à partir de 2028.

Pour y parvenir, Lumeris construira une nouvelle usine à Pau, dont la construction doit \
commencer en 2027. L'usine de Pau aura une capacité de 12 GWh par an en 2030 et créera environ \
700 emplois.

Ostra Automobiles prendra par ailleurs une participation de 25 % dans Lumeris. Le site de \
Blanquefort de Lumeris atteindra 3 GWh par an en 2027.

Contact presse : Claire Martin, presse@lumeris.example, 05 56 00 00 00

Commentaires
Paul, 9 juin 2026 : 25 % pour Ostra, vraiment ? J'en doute.
Répondre | Signaler
"""


class Curator(CountingUser):
    """An editor or reviewer at the desk, counting page loads and the desk actions sent."""

    actions = 0

    def log_in(self, username):
        super().log_in(username)
        self.page_loads = 0  # logins are not counted

    def accept(self, kind, containing, edits=None):
        """Accept the ``kind`` proposal whose values or quote contain ``containing``."""
        form = self.proposal(kind, containing)
        for name, value in (edits or {}).items():
            field = form.find_element("css selector", f"[name='{name}']")
            if field.tag_name == "select":
                Select(field).select_by_visible_text(value)
            else:
                field.clear()
                field.send_keys(value)
        form.find_element("css selector", "[value=accept]").click()
        self.actions += 1
        try:  # the panel is drawn anew after an action that succeeded
            self.wait.until(expected_conditions.staleness_of(form))
        except TimeoutException:
            errors = [e.text for e in self.driver.find_elements("css selector", ".desk-error")]
            errors.append(self.find("#desk-messages").text)
            raise AssertionError(f"accepting the {kind} {containing!r}: {errors}") from None

    def take_in(self, text):
        """Paste ``text`` on the intake page and add it; returns the language proposed."""
        self.open("/admin/sourcing/article/add/")
        self.driver.execute_script(
            "const box = document.querySelector('[name=text]');"
            "box.value = arguments[0]; box.dispatchEvent(new Event('change'));",
            text,
        )
        self.wait.until(lambda d: self.find("[name=published]").get_attribute("value"))
        language = self.find("[name=language]").get_attribute("value")
        self.click_through("input[name='_save']")
        return language

    def verify_all(self, article):
        self.open(f"/admin/sourcing/article/{article.pk}/desk/")
        for box in self.driver.find_elements("css selector", ".verify-target"):
            box.click()
        self.find("#verify-button").click()
        self.actions += 1
        self.desk_message("marked verified")


def api(base_url, path):
    with urllib.request.urlopen(f"{base_url}/api/v1/{path}", timeout=WAIT_SECONDS) as reply:
        return json.load(reply)


def known_world():
    """What the database knows before the articles: the companies and the existing plants."""
    earlier = make_article(
        body=(
            "Korvia operates a cell plant in Novara, Italy. "
            "Lumeris operates a cell plant in Blanquefort, France."
        )
    )
    verified = {"review_status": ReviewStatus.VERIFIED}
    korvia = make_company("Korvia", country="IT", kind="cell_maker", **verified)
    lumeris = make_company("Lumeris", country="FR", kind="cell_maker", **verified)
    make_company("Halden Motors", country="DE", **verified)
    make_company("Ostra Automobiles", country="FR", **verified)
    places = ((korvia, "Novara", "IT", "Italy"), (lumeris, "Blanquefort", "FR", "France"))
    for operator, city, country, plant_country in places:
        plant = make_plant(
            name=f"{operator.name} {city}",
            operator=operator,
            city=city,
            country=country,
            kind=Plant.Kind.CELL_GIGAFACTORY,
            status=Plant.Status.OPERATING,
            **verified,
        )
        # A passage stating every value: operator, kind (cells), status, city and country.
        cite(plant, earlier, f"{operator.name} operates a cell plant in {city}, {plant_country}")
    for company in Company.objects.all():
        cite(company, earlier, company.name) if company.name in earlier.body else None


def test_two_new_articles_are_curated_from_intake_to_the_api_in_few_page_loads(
    browser,  # noqa: F811
    live_server,
):
    make_editorial_groups()
    known_world()
    make_user("edith", "Editors")
    make_user("rita", "Reviewers")
    editor = Curator(browser, live_server.url)
    editor.log_in("edith")

    # English: the engine's proposals, two of them corrected in place.
    assert editor.take_in(ENGLISH) == "en"
    english = Article.objects.get(body=ENGLISH)
    # The first sentence says the agreement is signed: the status is corrected in place (the
    # desk then cites that sentence for it, the proposal's own passage not saying so).
    editor.accept("agreement", "supply agreement", {"fields.status": "Signed"})
    editor.accept("plant", "Foggia")
    editor.accept("plant_milestone", "construction_start")
    editor.accept("plant_capacity", '"gwh_per_year": 10', {"fields.basis": "Target"})
    editor.accept("stake", "halden-motors")
    # "Korvia's Novara plant": the known plant, which the engine did not recognise.
    editor.accept("plant_capacity", '"gwh_per_year": 4', {"fields.plant": "Korvia Novara"})
    editor.accept("non_editorial", "press_contact")
    editor.accept("non_editorial", "reader_comments")
    english_loads = editor.page_loads

    # French: the plant's kind (cells, in the sentence before) and country corrected in place.
    assert editor.take_in(FRENCH) == "fr"
    french = Article.objects.get(body=FRENCH)
    # A plant box suggests the database's plants as the editor types, not only the article's.
    box = editor.proposal("plant_capacity", '"gwh_per_year": 12').find_element(
        "css selector", "[name='fields.plant']"
    )
    typed = box.get_attribute("value")
    box.clear()
    box.send_keys("Korvia N")
    editor.wait.until(
        lambda d: (
            "Korvia Novara"
            in d.execute_script(
                "return Array.from(document.querySelectorAll('#desk-plants option'), o => o.value);"
            )
        )
    )
    box.clear()
    box.send_keys(typed)
    editor.accept("agreement", "supply", {"fields.status": "Signed"})
    # No sentence names France: the country the engine took from the city is not kept.
    editor.accept("plant", "Pau", {"fields.kind": "Cell gigafactory", "fields.country": ""})
    editor.accept("plant_capacity", '"gwh_per_year": 12')
    editor.accept("stake", "ostra-automobiles")
    editor.accept("plant_capacity", '"gwh_per_year": 3', {"fields.plant": "Lumeris Blanquefort"})
    editor.accept("non_editorial", "press_contact")
    editor.accept("non_editorial", "reader_comments")
    french_loads = editor.page_loads - english_loads

    reviewer = Curator(browser, live_server.url)
    reviewer.log_in("rita")
    reviewer.verify_all(english)
    reviewer.verify_all(french)

    print(
        f"\npage loads: editor {english_loads} (English) and {french_loads} (French), reviewer "
        f"{reviewer.page_loads} for both; desk actions: editor {editor.actions}, reviewer "
        f"{reviewer.actions}"
    )
    assert english_loads <= 4 and french_loads <= 4
    assert reviewer.page_loads <= 4  # at most 2 per article: here 1 each

    # Public: every fact, with the passage of its article.
    agreements = api(live_server.url, "agreements/")["results"]
    assert sorted(a["title"] for a in agreements) == [
        "Korvia–Halden Motors supply agreement",
        "Lumeris–Ostra Automobiles supply agreement",
    ]
    stakes = {s["share_display"]: s for s in api(live_server.url, "stakes/")["results"]}
    assert any(
        citation["quote"].startswith("Ostra Automobiles prendra")
        for citation in stakes["25%"]["citations"]
    )
    assert stakes["20%"]["citations"][0]["article"]["id"] == english.pk
    plants = {p["name"]: p for p in api(live_server.url, "plants/")["results"]}
    assert plants["Korvia Foggia"]["kind"] == "cell_gigafactory"
    assert [m["kind"] for m in plants["Korvia Foggia"]["milestones"]] == ["construction_start"]
    assert plants["Lumeris Pau"]["kind"] == "cell_gigafactory"
    by_figure = {
        (name, float(c["gwh_per_year"])): c for name, p in plants.items() for c in p["capacities"]
    }
    assert by_figure[("Korvia Novara", 4)]["citations"][0]["article"]["id"] == english.pk
    assert by_figure[("Lumeris Blanquefort", 3)]["citations"][0]["article"]["id"] == french.pk
    assert any("12 GWh" in c["quote"] for c in by_figure[("Lumeris Pau", 12)]["citations"])
    assert Article.objects.get(pk=french.pk).language == "fr"
