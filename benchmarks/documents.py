"""
Benchmark of reading documents (sourcing.documents.read_document): prints figures, asserts
nothing.

    .venv/bin/python benchmarks/documents.py [--pages 40]

Measures, in one process: the first call (which loads the language model and dateparser's
month names), then the median of warm reads of the news page and the three-page press release
of the tests (tests/document_samples.py), a PDF of N pages typeset the same way, and 1 MB of
plain text (the default ARTICLE_MAX_BYTES); and the process's peak memory.
"""

import argparse
import resource
import time

from common import timed  # benchmarks/common.py: also puts the project on the path

PARAGRAPH = [
    "The company said it would build a second line at the site, adding capacity for",
    "cells used in stationary storage. Construction is due to start next year, subject",
    "to permits, and the line should reach full output two years later.",
]


def long_pdf(pages):
    from tests.document_samples import BODY, PAGE_BREAK, typeset_pdf

    blocks = []
    for page in range(pages):
        blocks += [(BODY, PARAGRAPH)] * 8
        blocks.append((BODY, [f"Paragraph {page} ends here.", PAGE_BREAK]))
    return typeset_pdf(blocks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40, help="pages of the long PDF")
    pages = parser.parse_args().pages

    from sourcing.documents import read_document
    from tests.document_samples import page, press_release_pdf

    news, release, long = page("news-page.html"), press_release_pdf(), long_pdf(pages)
    text = ("The plant will open in 2026, the company said. " * 21_000)[:1_000_000].encode()

    start = time.perf_counter()
    read_document(b"Paris, 3 May 2024 - The plant will open in 2026, the company said.")
    print(f"first call (a dateline and a language to detect): {time.perf_counter() - start:.2f} s")
    for label, data, repeat in [
        ("news page (HTML)", news, 10),
        ("press release, 3 pages (PDF)", release, 10),
        (f"{pages} pages (PDF)", long, 3),
        ("1 MB of plain text", text, 3),
    ]:
        seconds = timed(lambda data=data: read_document(data), repeat)
        print(f"{label:30} {len(data) / 1000:8.0f} kB  {seconds * 1000:8.0f} ms")
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {memory:.0f} MB")


if __name__ == "__main__":
    main()
