import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure a local superuser exists and print how to log in. A new account gets a random "
        "password shown once; an existing one is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email="", password=password)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Log in at http://127.0.0.1:8000/admin/ as “{username}” with password "
                    f"{password} (shown once; change it with "
                    f"`.venv/bin/python manage.py changepassword {username}`)."
                )
            )
        else:
            self.stdout.write(
                f"Log in at http://127.0.0.1:8000/admin/ as “{username}” with the password set "
                f"earlier (forgotten? `.venv/bin/python manage.py changepassword {username}`)."
            )
