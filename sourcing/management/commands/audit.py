from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from sourcing.management.database import require_migrated_database
from sourcing.models import CuratedRecord


class Command(BaseCommand):
    help = (
        "List every verified record whose values (its own or its rows') lack a basis: no cited "
        "passage states them and no note marks them inferred or general knowledge. Exits "
        "non-zero if there is any; prints a one-line summary otherwise."
    )

    def handle(self, *args, **options):
        require_migrated_database()
        checked = failing = 0
        for model in curated_models():
            verified = model._default_manager.verified()
            checked += verified.count()
            for record, missing in verified.unsupported_values():
                failing += 1
                self.stderr.write(
                    f"{model._meta.verbose_name.capitalize()} {record.pk} “{record}” is verified "
                    f"but these values have no basis: {'; '.join(missing)}"
                )
        if failing:
            raise CommandError(
                f"{failing} of {checked} verified records have values without a basis."
            )
        self.stdout.write(f"All {checked} verified records have a basis for every value.")


def curated_models():
    return [
        model
        for model in apps.get_app_config("sourcing").get_models()
        if issubclass(model, CuratedRecord)
    ]
