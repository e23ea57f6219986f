"""
Benchmark of ``import_article`` on a folder: prints figures, asserts nothing.

    .venv/bin/python benchmarks/import_batch.py [--files 40]

Makes a folder of distinct documents, half web pages and half three-page PDFs (the tests'
news page and press release, each with a paragraph of its own so that none is a duplicate), and
imports it into a throwaway SQLite database and media folder, as an editor would: reading, the
duplicate checks, storing the article, its spans and its original. Prints the whole run, the
time per file, and the space the originals take.
"""

import argparse
import io
import os
import tempfile
import time
from pathlib import Path

from common import setup_django  # benchmarks/common.py: also puts the project on the path


def make_folder(folder, count):
    from tests.document_samples import BODY, PRESS_RELEASE, page, typeset_pdf

    news = page("news-page.html").decode("utf-8")
    for number in range(count):
        own = f"Dispatch {number} of the batch benchmark adds this paragraph of its own."
        if number % 2:
            blocks = [*PRESS_RELEASE, (BODY, [own])]
            (folder / f"{number:03d}.pdf").write_bytes(typeset_pdf(blocks))
        else:
            html = news.replace("</article>", f"<p>{own}</p></article>")
            (folder / f"{number:03d}.html").write_text(html, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=40, help="documents in the folder")
    count = parser.parse_args().files
    work = Path(tempfile.mkdtemp(prefix="import-batch-"))
    os.environ["MEDIA_ROOT"] = str(work / "media")
    setup_django(work / "bench.sqlite3")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    folder = work / "inbox"
    folder.mkdir()
    make_folder(folder, count)
    size = sum(path.stat().st_size for path in folder.iterdir())

    start = time.perf_counter()
    call_command("import_article", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    seconds = time.perf_counter() - start

    stored = sum(p.stat().st_size for p in (work / "media").rglob("*") if p.is_file())
    print(f"{count} files ({size / 1000:.0f} kB), half web pages, half 3-page PDFs")
    print(f"whole run: {seconds:.2f} s, {seconds / count * 1000:.0f} ms per file")
    print(f"originals stored: {stored / 1000:.0f} kB under {work / 'media'}")


if __name__ == "__main__":
    main()
