"""
import_article on web pages, PDFs and folders of them: what is read from each document, batches
that go on past a bad file, the progress shown, and every kind of file that cannot be imported
refused with its reason and nothing stored for it.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

from sourcing.models import Article, NonEditorialSpan, Original
from tests.document_samples import (
    PRESS_RELEASE,
    PRESS_RELEASE_INFO,
    encrypted_copy,
    page,
    press_release_pdf,
    scanned_pdf,
    typeset_pdf,
)

pytestmark = pytest.mark.django_db

NEWS_TITLE = "Voltaria to build €1.4bn cathode plant in Ostrava"
RELEASE_TITLE = "Halden Materials picks Kokkola for its second precursor plant"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run_import(*paths, stderr=None, **options):
    out, err = io.StringIO(), stderr or io.StringIO()
    call_command("import_article", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def run_refused(*paths, **options):
    """The command's output and its error, for a run in which some file is refused."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_article", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue(), str(refused.value)


def stored_files(settings):
    """The originals in storage (the tests' files to import sit beside them in MEDIA_ROOT)."""
    return [path for path in (settings.MEDIA_ROOT / "originals").rglob("*") if path.is_file()]


@pytest.fixture
def folder(tmp_path):
    documents = tmp_path / "inbox"
    documents.mkdir()
    (documents / "a-voltaria.html").write_bytes(page("news-page.html"))
    (documents / "b-halden.pdf").write_bytes(press_release_pdf())
    (documents / "c-locked.pdf").write_bytes(encrypted_copy(press_release_pdf(), "secret"))
    (documents / ".DS_Store").write_bytes(b"\x00\x01")
    (documents / "later").mkdir()
    (documents / "later" / "d.txt").write_text("Not imported: in a subfolder.\n")
    return documents


def test_a_folder_is_imported_in_name_order_past_a_bad_file_with_a_summary(folder, settings):
    out, err, error = run_refused(folder)

    news, release = Article.objects.order_by("pk")
    assert err.splitlines() == [
        f"[1/3] imported a-voltaria.html as article {news.pk}: “{NEWS_TITLE}”",
        f"[2/3] imported b-halden.pdf as article {release.pk}: “{RELEASE_TITLE}”",
        f"[3/3] refused {folder / 'c-locked.pdf'}: The PDF is protected by a password, so its "
        "text cannot be read. Ask the sender for a copy without a password.",
    ]
    assert out == "Imported 2 article(s); 1 of 3 refused.\n"
    assert error.startswith("1 of 3 file(s) refused, nothing stored for them:\n")
    assert f"{folder / 'c-locked.pdf'}: The PDF is protected by a password" in error
    assert len(stored_files(settings)) == 2


def test_each_document_gives_its_own_metadata_and_keeps_its_original(folder):
    run_refused(folder, publisher="Battery Wire")

    news = Article.objects.get(source_filename="a-voltaria.html")
    assert (news.title, news.language, news.published) == (NEWS_TITLE, "en", "2024-03-12")
    assert (news.authors, news.publisher) == ("Hana Král, Tom Brennan", "Battery Wire")
    assert news.original.file.read() == (folder / "a-voltaria.html").read_bytes()
    assert (news.original.media_type, news.extractor) == ("text/html", "trafilatura")
    release = Article.objects.get(source_filename="b-halden.pdf")
    assert (release.title, release.published) == (RELEASE_TITLE, "2024-10-03")
    assert release.authors == "Halden Materials Communications"
    assert release.original.sha256 == Original.objects.get(article=release).sha256
    assert NonEditorialSpan.objects.filter(article=release, kind="boilerplate").count() == 6


def test_options_override_what_the_document_says(tmp_path):
    path = tmp_path / "halden.pdf"
    path.write_bytes(press_release_pdf())

    run_import(path, title="Halden goes to Kokkola", published="2024-10", authors="", language="fr")

    article = Article.objects.get()
    assert (article.title, article.published, article.authors, article.language) == (
        "Halden goes to Kokkola",
        "2024-10",
        "",
        "fr",
    )


def test_a_terminal_gets_a_progress_bar_with_each_file_named_above_it(folder):
    terminal = Terminal()
    (folder / "c-locked.pdf").unlink()

    run_import(folder, stderr=terminal)

    shown = terminal.getvalue()
    assert "imported a-voltaria.html as article" in shown
    assert "2/2 [" in shown  # the bar, redrawn in place with carriage returns
    assert "\r" in shown


def test_lines_without_a_bar_when_stderr_is_no_terminal(folder):
    (folder / "c-locked.pdf").unlink()

    out, err = run_import(folder)

    assert "\r" not in err and "%|" not in err
    assert len(err.splitlines()) == 2


def test_a_folder_without_files_is_refused(tmp_path):
    with pytest.raises(CommandError, match="the folder has no files to import"):
        run_import(tmp_path)


def truncated_pdf():
    data = press_release_pdf()
    return data[: len(data) // 2]


BAD_FILES = [
    (
        "locked.pdf",
        lambda: encrypted_copy(press_release_pdf(), "secret"),
        "protected by a password",
    ),
    ("cut.pdf", truncated_pdf, "The PDF is incomplete: its end is missing"),
    ("scan.pdf", lambda: scanned_pdf(1), "OCR is not supported"),
    ("home.html", lambda: page("no-article.html"), "No article text was found on the page"),
    ("slides.pptx", lambda: b"PK\x03\x04" + bytes(64), "a ZIP archive (a Word .docx"),
    ("error.pdf", lambda: page("no-article.html"), "named or sent as a PDF, but its content is"),
    ("big.txt", lambda: b"Northvolt opens a plant.\n" * 500, "over the limit of 10,000 bytes"),
    (
        "valencia.txt",
        lambda: (
            "La empresa construirá una nueva fábrica de baterías en Valencia, que empleará a "
            "tres mil personas a partir de 2026, según ha informado hoy el consejero delegado.\n"
        ).encode(),
        "The document is in Spanish (es), which is not one of the languages an article can have",
    ),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES)
def test_a_bad_file_is_named_with_why_and_nothing_is_stored(
    tmp_path, settings, name, make, message
):
    settings.ARTICLE_MAX_BYTES = 10_000
    path = tmp_path / name
    path.write_bytes(make())

    out, err, error = run_refused(path)

    assert f"{path}: " in error and message in error
    assert out == "Imported 0 article(s); 1 of 1 refused.\n"
    assert not Article.objects.exists() and not stored_files(settings)


def test_a_duplicate_is_refused_naming_the_article_it_duplicates(tmp_path):
    first = tmp_path / "halden.pdf"
    first.write_bytes(press_release_pdf())
    run_import(first)
    article = Article.objects.get()
    # The same press release saved again a day later: other bytes, the same text.
    again = tmp_path / "halden-again.pdf"
    resaved = {**PRESS_RELEASE_INFO, "created": datetime.datetime(2024, 10, 3, tzinfo=datetime.UTC)}
    again.write_bytes(typeset_pdf(PRESS_RELEASE, info=resaved))
    assert again.read_bytes() != first.read_bytes()

    _, _, same_file = run_refused(first)
    _, _, same_text = run_refused(again)

    assert f"the same file is already the original of article {article.pk} “{RELEASE_TITLE}”" in (
        same_file
    )
    assert f"the same text is already article {article.pk} “{RELEASE_TITLE}”" in same_text
    assert Article.objects.count() == 1


def test_a_failed_save_leaves_neither_the_article_nor_the_file(tmp_path, settings, monkeypatch):
    path = tmp_path / "halden.pdf"
    path.write_bytes(press_release_pdf())

    def collide(original, *args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed: sourcing_original.sha256")

    monkeypatch.setattr(Original, "save", collide)
    _, _, error = run_refused(path)

    assert "another import stored the same document" in error
    assert not Article.objects.exists() and not NonEditorialSpan.objects.exists()
    assert not stored_files(settings)


def test_an_unexpected_failure_removes_the_stored_file_too(tmp_path, settings, monkeypatch):
    path = tmp_path / "halden.pdf"
    path.write_bytes(press_release_pdf())

    def fail(original, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Original, "save", fail)
    with pytest.raises(RuntimeError):
        run_import(path)

    assert not Article.objects.exists() and not stored_files(settings)
