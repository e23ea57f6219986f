import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from sourcing.management.database import require_migrated_database

# The local accounts: username, the group it belongs to (None: superuser), what it may do.
LOCAL_ACCOUNTS = [
    ("admin", None, "superuser: everything, including accounts"),
    ("editor", "Editors", "Editors: add and change records, cannot mark them verified"),
    ("reviewer", "Reviewers", "Reviewers: what editors do, and mark records verified"),
]


class Command(BaseCommand):
    help = (
        "Make sure the local accounts exist (a superuser, an editor and a reviewer) and print how "
        "to log in. A new account gets a random password shown once; an existing one is left "
        "alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000/admin/",
            help="The admin's address as the server started next will serve it.",
        )

    def handle(self, *args, url, **options):
        require_migrated_database()
        self.stdout.write(f"Log in at {url} as one of:")
        for username, group_name, role in LOCAL_ACCOUNTS:
            password = self.ensure_account(username, group_name)
            shown = (
                self.style.SUCCESS(f"password {password} (shown once)")
                if password
                else "the password set earlier"
            )
            self.stdout.write(f"  {username:<9} {shown}  [{role}]")
        self.stdout.write(
            "Forgotten a password? `.venv/bin/python manage.py changepassword USERNAME`."
        )

    @staticmethod
    def ensure_account(username, group_name):
        """The new account's password, or None when the account already exists."""
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return None
        password = secrets.token_urlsafe(12)
        if group_name is None:
            User.objects.create_superuser(username=username, email="", password=password)
        else:
            user = User.objects.create_user(username=username, password=password, is_staff=True)
            user.groups.add(Group.objects.get(name=group_name))
        return password
