"""
The public pages in headless Chromium, on the seeded documents: the company page of Verkor draws
its network and a click on a tie shows its quotes; a plant page draws its capacities; no console
errors; headings, labels, keyboard focus and text alternatives as a screen reader needs them.
"""

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from sourcing.models import Plant

from .factories import run_seed
from .test_browser import WAIT_SECONDS, browser  # noqa: F401 (the browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded_site(live_server, transactional_db):
    run_seed()
    return live_server.url


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def graph(driver, script):
    """Run ``script`` with ``cy``, the page's Cytoscape instance, once it is drawn."""
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.execute_script(
            "const c = document.getElementById('network-graph');"
            "return !!(c && c._cyreg && c._cyreg.cy);"
        )
    )
    return driver.execute_script(
        "const cy = document.getElementById('network-graph')._cyreg.cy;" + script
    )


def click_a_tie(driver, attempts=3):
    """
    Click, as a mouse does and where the graph draws it, a tie at a point no node covers, until
    the page shows its quote. The layout is random and the seed's network dense: a node or its
    label may lie across a tie, and a click there opens the node's page instead, so the tie and
    the point are chosen on the drawing; the page is reloaded (a new layout) if no tie is free.
    Returns the tie's source, label and quote.
    """
    for _ in range(attempts):
        container = driver.find_element(By.ID, "network-graph")
        point = graph(
            driver,
            """
            const inside = (box, x, y) => x > box.x1 - 4 && x < box.x2 + 4
              && y > box.y1 - 4 && y < box.y2 + 4;
            const near = (edge, x, y) => {  // within 8 px of the edge's straight line
              const a = edge.renderedSourceEndpoint(), b = edge.renderedTargetEndpoint();
              const dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy || 1;
              const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / length));
              return Math.hypot(a.x + t * dx - x, a.y + t * dy - y) < 8;
            };
            // Ties drawn as curves (two ties between the same pair) are left out.
            for (const edge of cy.edges().filter(e => e.parallelEdges().length === 1)) {
              const a = edge.renderedSourceEndpoint(), b = edge.renderedTargetEndpoint();
              for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
                if (!cy.nodes().some(n => inside(n.renderedBoundingBox(), x, y))
                    && !cy.edges().not(edge).some(other => near(other, x, y))) {
                  return {x, y, label: edge.data('label'),
                          source: cy.getElementById(edge.data('source')).data('name'),
                          quote: edge.data('citations')[0].quote};
                }
              }
            }
            return null;
            """,
        )
        if point is not None:
            size = container.size
            ActionChains(driver).move_to_element_with_offset(
                container, point["x"] - size["width"] / 2, point["y"] - size["height"] / 2
            ).click().perform()
            try:
                WebDriverWait(driver, WAIT_SECONDS / attempts).until(
                    lambda d, point=point: all(
                        text in d.find_element(By.ID, "tie-details").text
                        for text in (point["quote"], f"{point['source']} — {point['label']}")
                    )
                )
                return point
            except TimeoutException:
                pass
        driver.refresh()
    raise AssertionError("no click on a tie showed its quote")


def accessibility_problems(driver):
    """Basic checks: one h1, no skipped heading level, every field labelled, every image named."""
    return driver.execute_script(
        """
        const problems = [];
        const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
        if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');
        let last = 0;
        for (const h of headings) {
          const level = Number(h.tagName[1]);
          if (level > last + 1) problems.push('skipped heading level at ' + h.textContent);
          last = level;
        }
        const fields = 'input:not([type=hidden]), select, textarea';
        for (const field of document.querySelectorAll(fields)) {
          if (!(field.labels && field.labels.length) && !field.getAttribute('aria-label'))
            problems.push('unlabelled field ' + field.name);
        }
        for (const image of document.querySelectorAll('img, svg, [role=img]')) {
          const named = image.getAttribute('alt') || image.getAttribute('aria-label')
            || image.getAttribute('aria-labelledby') || image.querySelector('title');
          if (!named) problems.push('image without a text alternative');
        }
        if (!document.documentElement.lang) problems.push('no page language');
        return problems;
        """
    )


def test_the_company_page_draws_the_network_and_a_click_on_a_tie_shows_its_quote(
    browser,  # noqa: F811
    seeded_site,
):
    browser.get(f"{seeded_site}/companies/verkor/")

    names = graph(browser, "return cy.nodes().map(n => n.data('name'));")
    assert {"Verkor", "Renault Group", "EIT InnoEnergy", "Verkor Gigafactory Dunkirk"} <= set(names)
    point = click_a_tie(browser)
    details = browser.find_element(By.ID, "tie-details")  # the page may have been reloaded
    assert point["source"] in details.text and point["label"] in details.text
    assert console_errors(browser) == []
    assert accessibility_problems(browser) == []


def test_the_company_page_reads_as_lists_and_takes_keyboard_focus(browser, seeded_site):  # noqa: F811
    browser.get(f"{seeded_site}/companies/verkor/")

    ties = browser.find_elements(By.CSS_SELECTOR, "ul.ties li")
    assert any("Renault Group" in tie.text for tie in ties)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.tag_name == "a" and focused.text  # the first link takes the focus


def test_a_plant_page_draws_its_capacities(browser, seeded_site):  # noqa: F811
    dunkirk = Plant.objects.get(name="Verkor Gigafactory Dunkirk")
    browser.get(f"{seeded_site}/plants/{dunkirk.pk}/")

    bars = browser.find_elements(By.CSS_SELECTOR, "svg.capacity-chart g.bar")
    assert len(bars) == dunkirk.capacities.count()
    labels = [bar.find_element(By.CSS_SELECTOR, "text.figure").text for bar in bars]
    assert "16" in labels and "50" in labels
    assert all(bar.find_element(By.TAG_NAME, "rect").size["height"] > 0 for bar in bars)
    assert console_errors(browser) == []
    assert accessibility_problems(browser) == []
