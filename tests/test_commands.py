import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sourcing.models import Citation

from .factories import cite, make_article, make_company

pytestmark = pytest.mark.django_db


def test_verify_citations_prints_one_line_when_all_verify(capsys):
    article = make_article()
    cite(make_company(), article, "Verkor will supply")
    cite(make_company(), article, "over 20%")
    call_command("verify_citations")
    out, err = capsys.readouterr()
    assert out == "All 2 citations verify against 1 articles.\n"
    assert err == ""


def test_verify_citations_fails_on_a_tampered_quote_and_names_it(capsys):
    article = make_article()
    good = cite(make_company(), article, "Verkor will supply")
    tampered = cite(make_company("Verkor"), article, "12 GWh of batteries")
    Citation.objects.filter(pk=tampered.pk).update(quote="15 GWh of batteries")
    with pytest.raises(CommandError, match="1 of 2 citations failed"):
        call_command("verify_citations")
    err = capsys.readouterr().err
    assert f"Citation {tampered.pk}" in err
    assert "quote not found; closest passage: “12\u00a0GWh of batteries”" in err
    assert f"Citation {good.pk}" not in err


def test_verify_citations_offers_no_closest_passage_for_a_quote_nothing_is_like(capsys):
    article = make_article()
    tampered = cite(make_company(), article, "12 GWh of batteries")
    Citation.objects.filter(pk=tampered.pk).update(quote="Nobody here sells electric scooters")
    with pytest.raises(CommandError, match="1 of 1 citations failed"):
        call_command("verify_citations")
    err = capsys.readouterr().err
    assert f"Citation {tampered.pk}" in err
    assert "quote not found" in err
    assert "closest passage" not in err


def test_verify_citations_fails_on_tampered_offsets(capsys):
    article = make_article()
    citation = cite(make_company(), article, "Verkor will supply")
    Citation.objects.filter(pk=citation.pk).update(start=0, end=5)
    with pytest.raises(CommandError):
        call_command("verify_citations")
    assert "do not point at the quote" in capsys.readouterr().err


def test_verify_citations_exits_non_zero_from_the_shell(tmp_path):
    # The exit code is what scripts and CI see: CommandError becomes status 1.
    article = make_article()
    citation = cite(make_company(), article, "Verkor will supply")
    Citation.objects.filter(pk=citation.pk).update(quote="Verkor will not supply")
    with pytest.raises(SystemExit) as exit_info:
        from django.core.management import ManagementUtility

        ManagementUtility(["manage.py", "verify_citations"]).execute()
    assert exit_info.value.code == 1


def test_verify_citations_fails_on_a_citation_whose_record_is_gone(capsys):
    article = make_article()
    company = make_company()
    citation = cite(company, article, "Verkor will supply")
    # A queryset update bypasses the generic relation's cascade, as a raw SQL edit would.
    Citation.objects.filter(pk=citation.pk).update(object_id=company.pk + 1000)
    with pytest.raises(CommandError, match="1 of 1 citations failed"):
        call_command("verify_citations")
    assert "no longer exists" in capsys.readouterr().err


def test_deleting_a_record_deletes_its_citations():
    company = make_company()
    cite(company, make_article(), "Verkor will supply")
    company.delete()
    assert not Citation.objects.exists()


@pytest.mark.parametrize(
    ("command", "arguments"),
    [
        ("verify_citations", []),
        ("import_article", ["--language", "en", __file__]),
        ("seed", []),
    ],
)
def test_commands_on_an_unmigrated_database_say_to_migrate(tmp_path, command, arguments):
    # A real, empty database file, as on a machine where nobody ran migrate yet.
    environment = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "manage.py", command, *arguments],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "run `python manage.py migrate` first" in result.stderr
    assert "Traceback" not in result.stderr
