import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import Article, DatePrecision
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CRLF_TEXT = "Northvolt opens a plant\r\n\r\nThe plant’s capacity is 16\u00a0GWh.\r\n"


def run_import(*files, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_article", *map(str, files), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def write(directory, name, content):
    path = directory / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def test_imports_a_file_its_text_as_text_and_its_original_byte_for_byte(tmp_path):
    path = write(tmp_path, "northvolt.txt", CRLF_TEXT)

    out, err = run_import(path, language="en", publisher="Reuters", published="2024-03")

    article = Article.objects.get()
    assert article.body == CRLF_TEXT.replace("\r\n", "\n")
    assert article.original.file.read() == path.read_bytes()
    assert (article.extractor, article.original.media_type) == ("plain text", "text/plain")
    assert article.title == "Northvolt opens a plant"
    assert article.source_filename == "northvolt.txt"
    assert (article.language, article.publisher) == ("en", "Reuters")
    assert (article.published, article.published_precision) == ("2024-03", DatePrecision.MONTH)
    assert not article.published_inferred
    assert out == "Imported 1 article(s).\n"


def test_the_published_option_sets_the_precision_its_form_gives(tmp_path):
    run_import(write(tmp_path, "a.txt", "A\n"), language="fr", published="2021")
    run_import(write(tmp_path, "b.txt", "B\n"), language="fr", published="2021-06-28")

    precisions = dict(Article.objects.values_list("source_filename", "published_precision"))

    assert precisions == {"a.txt": DatePrecision.YEAR, "b.txt": DatePrecision.DAY}


def test_a_title_given_on_the_command_line_wins(tmp_path):
    run_import(write(tmp_path, "a.txt", CRLF_TEXT), language="en", title="Northvolt, Sweden")

    assert Article.objects.get().title == "Northvolt, Sweden"


def test_many_files_report_their_progress(tmp_path):
    files = [write(tmp_path, f"{n:02d}.txt", f"Document {n}\n") for n in range(1, 4)]

    out, err = run_import(*files, language="en")

    assert err.splitlines() == [
        f"[{n}/3] imported {n:02d}.txt as article {article.pk}: “Document {n}”"
        for n, article in enumerate(Article.objects.order_by("pk"), start=1)
    ]
    assert out == "Imported 3 article(s).\n"


def test_a_duplicate_is_refused_naming_the_existing_article(tmp_path):
    existing = make_article(body="Verkor will supply Renault.\n", source_filename="verkor.txt")
    path = write(tmp_path, "copy.txt", "Verkor will supply Renault.\n")

    with pytest.raises(CommandError) as error:
        run_import(path, language="en")

    assert f"copy.txt: the same text is already article {existing.pk} “{existing}”" in str(
        error.value
    )
    assert Article.objects.count() == 1


def test_the_same_text_twice_in_one_batch_is_imported_once(tmp_path):
    first = write(tmp_path, "first.txt", "Same text\n")
    second = write(tmp_path, "second.txt", "Same text\r\n")  # other bytes, the same text

    with pytest.raises(CommandError, match="second.txt: the same text is already article"):
        run_import(first, second, language="en")

    assert Article.objects.get().source_filename == "first.txt"


def test_an_empty_file_is_refused(tmp_path):
    path = write(tmp_path, "empty.txt", " \n\n")

    with pytest.raises(CommandError, match="empty.txt: The file is empty"):
        run_import(path, language="en")


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = write(tmp_path, "latin1.txt", "Renault possède 20 %".encode("latin-1"))

    with pytest.raises(CommandError, match=r"latin1.txt: The file is not UTF-8 text \(byte 0xe8"):
        run_import(path, language="fr")


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="nowhere.txt: cannot be read"):
        run_import(tmp_path / "nowhere.txt", language="en")


def test_bad_files_are_listed_and_the_good_ones_imported(tmp_path):
    good = write(tmp_path, "good.txt", "A good document\n")
    empty = write(tmp_path, "empty.txt", "")
    binary = write(tmp_path, "binary.txt", b"\xff\xfe\x00\x00")

    with pytest.raises(CommandError) as error:
        run_import(good, empty, binary, language="en")

    message = str(error.value)
    assert message.startswith("2 of 3 file(s) refused, nothing stored for them:")
    assert "empty.txt: The file is empty" in message
    assert "binary.txt: The file is UTF-16 text" in message
    assert "good.txt" not in message
    assert Article.objects.get().source_filename == "good.txt"


def test_a_different_document_under_a_known_file_name_is_refused(tmp_path):
    make_article(source_filename="report.txt", body="The first report.\n")
    path = write(tmp_path, "report.txt", "Another report.\n")

    with pytest.raises(CommandError, match="a different document named report.txt"):
        run_import(path, language="en")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"language": "english"}, "--language “english” is not one of: en (English), fr"),
        ({"language": "en", "published": "28/06/2021"}, "--published: “28/06/2021” is not a date"),
        ({"language": "en", "published": "2021-02-30"}, "--published: “2021-02-30” is not a valid"),
        ({"language": "en", "published": "٢٠٢١"}, "--published: “٢٠٢١” is not a date"),
    ],
)
def test_bad_options_are_refused_with_the_option_named(tmp_path, options, message):
    path = write(tmp_path, "a.txt", "A\n")

    with pytest.raises(CommandError) as error:
        run_import(path, **options)

    assert message in str(error.value)
    assert not Article.objects.exists()


def test_a_title_for_several_files_is_refused(tmp_path):
    files = [write(tmp_path, name, name) for name in ("a.txt", "b.txt")]

    with pytest.raises(CommandError, match="--title names one document"):
        run_import(*files, language="en", title="One title")


def test_a_language_the_text_does_not_tell_must_be_given(tmp_path):
    with pytest.raises(
        CommandError, match=r"a.txt: The language of the text could not be told.*\(--language\)"
    ):
        run_import(write(tmp_path, "a.txt", "A\n"))
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "--title is empty"),
        ("  \t ", "--title is empty"),
        ("Northvolt\x07 opens", "--title contains control characters"),
    ],
)
def test_an_empty_or_control_character_title_is_refused(tmp_path, title, message):
    with pytest.raises(CommandError, match=message):
        run_import(write(tmp_path, "a.txt", CRLF_TEXT), language="en", title=title)
    assert not Article.objects.exists()


def test_a_file_with_only_invisible_characters_is_refused(tmp_path):
    path = write(tmp_path, "blank.txt", "\u00a0\u200b\n\ufeff \n")
    with pytest.raises(CommandError, match="has no visible text"):
        run_import(path, language="en")
    assert not Article.objects.exists()


def test_the_title_from_the_first_line_leaves_out_invisible_characters(tmp_path):
    run_import(write(tmp_path, "a.txt", "\ufeff\u200bNorthvolt\u200b opens\nBody\n"), language="en")
    assert Article.objects.get().title == "Northvolt opens"
