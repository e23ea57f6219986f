from django.apps import AppConfig


class SourcingConfig(AppConfig):
    name = "sourcing"
    verbose_name = "Sourcing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import changes, signals  # noqa: F401

        changes.connect()
