from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from sourcing.management.database import require_migrated_database
from sourcing.models import Citation


class Command(BaseCommand):
    help = (
        "Re-check every citation against the text of its article. Lists each failure and exits "
        "non-zero if there is any; prints a one-line summary otherwise."
    )

    def handle(self, *args, **options):
        require_migrated_database()
        citations = Citation.objects.select_related("article", "content_type").prefetch_related(
            "article__non_editorial_spans"
        )
        checked = 0
        failures = 0
        articles = set()
        cited_ids = defaultdict(set)
        for citation in citations.iterator(chunk_size=500):
            checked += 1
            articles.add(citation.article_id)
            cited_ids[citation.content_type].add(citation.object_id)
            for problem in citation.check_stored_offsets():
                failures += 1
                self.report(citation, problem)
        for citation in self.orphans(cited_ids):
            failures += 1
            self.report(citation, "the record it supports no longer exists")
        if failures:
            raise CommandError(f"{failures} of {checked} citations failed verification.")
        self.stdout.write(f"All {checked} citations verify against {len(articles)} articles.")

    def report(self, citation, problem):
        self.stderr.write(
            f"Citation {citation.pk} ({citation.target_label()}) in "
            f"“{citation.article}” [{citation.article.source_filename}]: {problem}"
        )

    def orphans(self, cited_ids):
        """Citations whose record is gone: a generic relation has no foreign key to stop that."""
        for content_type, object_ids in cited_ids.items():
            model = content_type.model_class()
            existing = (
                set(model._base_manager.filter(pk__in=object_ids).values_list("pk", flat=True))
                if model is not None
                else set()
            )
            missing = object_ids - existing
            if missing:
                yield from Citation.objects.select_related("article", "content_type").filter(
                    content_type=content_type, object_id__in=missing
                )
