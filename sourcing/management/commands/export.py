"""``manage.py export DIR``: the bulk export of every resource as files, for nightly dumps."""

import gzip
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory
from rest_framework.request import Request

from sourcing.api.export import csv_lines, json_lines
from sourcing.api.renderers import csv_columns
from sourcing.api.resources import RESOURCES
from sourcing.api.visibility import visible


class Command(BaseCommand):
    help = (
        "Write every published (verified) record of each resource to DIR as <resource>.jsonl "
        "(the API's /api/v1/export/<resource>/), or .csv with --format csv; --gzip compresses."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--gzip", action="store_true", help="Write .jsonl.gz / .csv.gz files.")
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="Where the API is served, for the records' links (default: %(default)s).",
        )

    def handle(self, directory, format, gzip, base_url, **options):
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                f"{directory}: cannot create the directory ({error.strerror})"
            ) from None
        # What an anonymous API reader sees: verified records only, with public URLs.
        request = Request(reader_at(base_url))
        for resource in RESOURCES:
            # The list's CSV columns, each line the record's detail representation (as the API).
            columns = csv_columns(resource.viewset_for(request, "list"))
            viewset = resource.viewset_for(request, "retrieve")
            records = visible(viewset.get_queryset(), request.user).order_by("pk")
            if format == "csv":
                lines = csv_lines(viewset, records, columns)
            else:
                lines = json_lines(viewset, records)
            path = directory / (f"{resource.prefix}.{format}" + (".gz" if gzip else ""))
            written = self.write(path, lines, gzip)
            self.stderr.write(f"{resource.prefix}: {written} bytes to {path}")
        self.stdout.write(f"Exported {len(RESOURCES)} resources to {directory}.")

    @staticmethod
    def write(path, lines, compress):
        partial = path.with_name(path.name + ".partial")
        opener = gzip.open if compress else open
        written = 0
        with opener(partial, "wb") as output:
            # JSON Lines come as UTF-8 bytes (as orjson writes them), CSV as text.
            for piece in lines:
                data = piece.encode("utf-8") if isinstance(piece, str) else piece
                output.write(data)
                written += len(data)
        partial.replace(path)  # a dump is whole or absent, never half written
        return written


def reader_at(base_url):
    """
    An anonymous request as if made to ``base_url``, for the absolute links of the records. The
    host is the operator's word, not a client's, so it is not checked against ALLOWED_HOSTS.
    """
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CommandError(
            f"--base-url must be an http(s) URL such as https://example.org, not {base_url!r}"
        )
    request = RequestFactory().get("/api/v1/")
    request.user = AnonymousUser()
    request.__dict__["_current_scheme_host"] = f"{parts.scheme}://{parts.netloc}"
    return request
