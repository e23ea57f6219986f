"""The size limit on an article's text: import_article, the admin and any other full_clean()."""

import io
import os
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import Article

from .factories import change_url, changeform_data, client_for, error_text, make_article, make_user

pytestmark = pytest.mark.django_db

LIMIT = 10_000


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.ARTICLE_MAX_BYTES = LIMIT


def run_import(*files):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_article", *map(str, files), language="en", stdout=out, stderr=err)
    return out.getvalue()


def text_of_bytes(size):
    line = "Northvolt’s plant makes 16 GWh a year.\n"  # the apostrophe is 3 bytes in UTF-8
    text = line * (size // len(line.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def test_a_file_at_the_limit_is_imported(tmp_path):
    path = tmp_path / "at_limit.txt"
    path.write_bytes(text_of_bytes(LIMIT).encode("utf-8"))
    run_import(path)
    assert Article.objects.get(source_filename="at_limit.txt").body == path.read_text("utf-8")


def test_an_oversize_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    small = tmp_path / "small.txt"
    small.write_text("Verkor opens a plant.", encoding="utf-8")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as sparse:  # 20 MB on paper, nothing on disk
        sparse.truncate(20_000_000)

    def no_reading_of_the_huge_file(path):
        assert path != huge, "the oversize file was read"
        return read_bytes(path)

    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", no_reading_of_the_huge_file)
    with pytest.raises(CommandError) as refused:
        run_import(small, huge)
    message = str(refused.value)
    assert "1 of 2 file(s) refused" in message
    assert f"{huge}: The file is 20,000,000 bytes, over the limit of 10,000 bytes" in message
    assert "ARTICLE_MAX_BYTES" in message
    assert Article.objects.get().source_filename == "small.txt"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_rather_than_read_forever(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(CommandError, match="not a regular file"):
        run_import(pipe)


def test_full_clean_refuses_an_oversize_body_on_the_body_field():
    article = Article(title="Too long", language="en", source_filename="long.txt", body="é" * LIMIT)
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    (message,) = refused.value.message_dict["body"]
    assert message.startswith("The text is 20,000 bytes, over the limit of 10,000 bytes")


def test_the_admin_refuses_an_oversize_body_and_keeps_the_stored_one(client):
    article = make_article()
    stored_body = article.body
    client_for(client, make_user("edith", "Editors"))
    data = changeform_data(client.get(change_url(article)))
    data["body"] = text_of_bytes(LIMIT + 1)
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "over the limit of 10,000 bytes" in error_text(response)
    article.refresh_from_db()
    assert article.body == stored_body
