import json

from django.core.management.base import BaseCommand, CommandError

from sourcing.api.params import parse_id
from sourcing.management.database import require_migrated_database
from sourcing.models import Article
from sourcing.suggestions import suggest


def article_id(text):
    """An article id written as in its URL (``parse_id``): "٢", "1e3" or "07" is not one."""
    number = parse_id(text)
    if number is None:
        raise CommandError(f"“{text}” is not an article id (a whole number such as 7).")
    return number


class Command(BaseCommand):
    help = (
        "Suggest what to curate from articles: the known companies and plants, candidate "
        "companies, figures and dates they mention, and candidate records with their passages."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="+", help="Article ids.")
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the API's JSON: one object for one id, a list for several.",
        )

    def handle(self, *args, **options):
        require_migrated_database()
        ids = [article_id(text) for text in options["ids"]]
        articles = Article.objects.in_bulk(ids)
        missing = [str(pk) for pk in ids if pk not in articles]
        if missing:
            raise CommandError(f"No article with id {', '.join(missing)}.")
        results = [suggest(articles[pk]) for pk in ids]
        if options["json"]:
            payload = results[0] if len(results) == 1 else results
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        for pk, result in zip(ids, results, strict=True):
            self.write_listing(articles[pk], result)

    def write_listing(self, article, result):
        self.stdout.write(f"Article {article.pk}: {article.title} [{article.source_filename}]")
        self.stdout.write(f"  Mentions ({len(result['mentions'])}):")
        for mention in result["mentions"]:
            self.stdout.write(
                f"    {mention['start']}–{mention['end']} {describe_mention(mention)}"
            )
        self.stdout.write(f"  Proposals ({len(result['proposals'])}):")
        for proposal in result["proposals"]:
            known = " (already cited)" if proposal["exists"] else ""
            fields = ", ".join(f"{key}={value}" for key, value in proposal["fields"].items())
            self.stdout.write(f"    {proposal['kind']}{known}: {fields}")
            self.stdout.write(
                f"      “{proposal['quote']}” [{proposal['start']}–{proposal['end']}]"
            )


def describe_mention(mention):
    kind, text = mention["kind"], mention["text"]
    if mention["record"]:
        return f"{kind} “{text}” → {mention['record']['name']} (id {mention['record']['id']})"
    if kind == "quantity":
        parts = [mention["qualifier"], str(mention["value"]), mention["unit"] or ""]
        year = f", year {mention['year']}" if mention["year"] else ""
        return f"quantity “{text}”: {' '.join(p for p in parts if p)}{year}"
    if kind == "date":
        return f"date “{text}”: {mention['date']} ({mention['precision']})"
    return f"{kind} “{text}”"
