"""
End to end in headless Chromium: the intake page takes a web page and a PDF as an editor uploads
them. Choosing the file fills in what the document says about itself (title, date, authors,
language) for the editor to check, replacing what an earlier choice proposed; saving stores the
article with its original and opens the desk. A file that cannot be imported is named as soon as
it is chosen.
"""

import pytest
from selenium.webdriver.support.ui import Select

from sourcing.models import Article
from tests.document_samples import page, press_release_pdf, scanned_pdf

from .factories import make_user
from .test_browser import (  # noqa: F401 (the browser and screenshot_dir fixtures)
    AdminUser,
    browser,
    screenshot_dir,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_file(person, path):
    person.find("[name=upload]").send_keys(str(path))


def proposed(person, name):
    """The value proposed for field ``name``, once the page's script has filled it in."""
    field = person.find(f"[name={name}]")
    person.wait.until(lambda driver: field.get_attribute("value"))
    return field.get_attribute("value")


def test_the_intake_page_takes_a_web_page_and_a_pdf(
    browser,  # noqa: F811
    live_server,
    tmp_path,
    screenshot_dir,  # noqa: F811
):
    make_user("edith", "Editors")
    news, release = tmp_path / "voltaria.html", tmp_path / "halden.pdf"
    news.write_bytes(page("news-page.html"))
    release.write_bytes(press_release_pdf())
    person = AdminUser(browser, live_server.url)
    person.log_in("edith")

    person.open("/admin/sourcing/article/add/")
    choose_file(person, news)
    assert proposed(person, "title") == "Voltaria to build €1.4bn cathode plant in Ostrava"
    assert proposed(person, "published") == "2024-03-12"
    assert proposed(person, "authors") == "Hana Král, Tom Brennan"
    assert Select(person.find("[name=language]")).first_selected_option.text == "English"
    assert "Proposed from the document" in person.find("#proposed-title").text
    person.type_into("publisher", "Battery Wire")
    browser.save_screenshot(f"{screenshot_dir}/intake-web-page.png")
    person.save()
    assert "was added" in person.messages()
    article = Article.objects.get(source_filename="voltaria.html")
    assert browser.current_url.endswith(f"/admin/sourcing/article/{article.pk}/desk/")
    assert (article.publisher, article.published) == ("Battery Wire", "2024-03-12")
    assert article.original.file.read() == news.read_bytes()

    person.open("/admin/sourcing/article/add/")
    choose_file(person, news)  # the wrong file first: its proposals give way to the right one's
    assert proposed(person, "authors") == "Hana Král, Tom Brennan"
    choose_file(person, release)
    title = "Halden Materials picks Kokkola for its second precursor plant"
    person.wait.until(lambda driver: person.find("[name=title]").get_attribute("value") == title)
    assert proposed(person, "authors") == "Halden Materials Communications"
    person.type_into("title", "Halden chooses Kokkola")  # the editor's word wins
    person.save()
    article = Article.objects.get(source_filename="halden.pdf")
    assert (article.title, article.published) == ("Halden chooses Kokkola", "2024-10-03")
    assert article.original.media_type == "application/pdf"
    assert article.non_editorial_spans.filter(kind="boilerplate").exists()


def test_a_scanned_pdf_is_named_as_soon_as_it_is_chosen(
    browser,  # noqa: F811
    live_server,
    tmp_path,
):
    make_user("edith", "Editors")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf(1))
    person = AdminUser(browser, live_server.url)
    person.log_in("edith")

    person.open("/admin/sourcing/article/add/")
    choose_file(person, scan)

    note = person.find("#proposed-upload")
    person.wait.until(lambda driver: note.text)
    assert "This file cannot be imported" in note.text and "OCR is not supported" in note.text
    person.save()
    assert "OCR is not supported" in person.find(".field-upload .errorlist").text
    assert not Article.objects.exists()
