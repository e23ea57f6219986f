"""make run's accounts: a superuser, an editor and a reviewer, each password printed once."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = re.compile(r"^\s+(\w+)\s+password (\S+) \(shown once\)", re.MULTILINE)


def local_login(capsys, **options):
    call_command("local_login", **options)
    return capsys.readouterr().out


def test_creates_a_superuser_an_editor_and_a_reviewer_with_random_passwords(capsys):
    out = local_login(capsys)
    passwords = dict(NEW_ACCOUNT.findall(out))
    assert sorted(passwords) == ["admin", "editor", "reviewer"]
    assert len(set(passwords.values())) == 3
    users = {user.username: user for user in get_user_model().objects.all()}
    for username, password in passwords.items():
        assert users[username].is_staff and users[username].check_password(password)
    assert users["admin"].is_superuser
    assert [g.name for g in users["editor"].groups.all()] == ["Editors"]
    assert [g.name for g in users["reviewer"].groups.all()] == ["Reviewers"]
    assert not users["editor"].is_superuser and not users["reviewer"].is_superuser
    assert not users["editor"].has_perm("sourcing.verify_company")
    assert users["reviewer"].has_perm("sourcing.verify_company")


def test_a_second_run_leaves_the_accounts_and_their_passwords_alone(capsys):
    first = dict(NEW_ACCOUNT.findall(local_login(capsys)))
    second = local_login(capsys)
    assert NEW_ACCOUNT.findall(second) == []
    assert second.count("the password set earlier") == 3
    for username, password in first.items():
        assert password not in second
        assert get_user_model().objects.get(username=username).check_password(password)


def test_prints_the_address_the_server_will_serve(capsys):
    out = local_login(capsys, url="http://127.0.0.1:8101/admin/")
    assert out.startswith("Log in at http://127.0.0.1:8101/admin/ as one of:")
    assert "8000" not in out
