"""Small things a newcomer notices: the favicon and the shell's auto-imports."""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command


def test_favicon_is_found_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/sourcing/favicon.ico"
    with open(finders.find("sourcing/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # the ICO file signature


@pytest.mark.django_db
def test_shell_imports_the_models_without_complaining(capsys):
    call_command("shell", command="print(Article.__name__, Company.__name__)")
    out = capsys.readouterr().out
    assert "could not be automatically imported" not in out
    assert "Article Company" in out
