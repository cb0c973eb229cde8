"""Print the book's chapter pages as handouts: one PDF per chapter (``make handouts``).

    python scripts/print_handouts.py [--book build/book] [--out build/handouts]

Each page ``<edition>/NN_name.html`` of the built book (``make book``) is opened from
disk in the system Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``, driven by
Playwright; no browser is downloaded), MathJax is let finish, and ``page.pdf()``
writes ``<out>/<edition>/NN_name.pdf`` (A4, page numbers in the footer). Hangul needs
a Korean font on the system (Debian: fonts-nanum, installed by scripts/ensure_chromium.sh).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS  # scripts/ is on the path when run as a script

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = ROOT / "build" / "book"
DEFAULT_OUT = ROOT / "build" / "handouts"
FOOTER = (
    '<div style="font-size:8px; width:100%; text-align:center; color:#555;">'
    '<span class="title"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span>'
    "</div>"
)
# Resolves once MathJax has typeset the page (or at once on a page without maths).
MATHJAX_DONE_JS = """
async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  await document.fonts.ready;
  return true;
}
"""


def chapter_pages(book: Path) -> list[Path]:
    """Every chapter page of every edition: ``<book>/<edition>/NN_name.html``."""
    return sorted(book.glob("*/[0-9][0-9]_*.html"))


def print_pages(pages: list[Path], book: Path, out: Path, browser) -> list[Path]:
    """Print each page to ``out/<edition>/NN_name.pdf``; return the PDF paths."""
    pdfs = []
    page = browser.new_page()
    try:
        for html in pages:
            pdf = out / html.relative_to(book).with_suffix(".pdf")
            pdf.parent.mkdir(parents=True, exist_ok=True)
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.evaluate(MATHJAX_DONE_JS)
            page.emulate_media(media="print")
            page.pdf(
                path=str(pdf),
                format="A4",
                margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
                print_background=True,
                display_header_footer=True,
                header_template="<div></div>",
                footer_template=FOOTER,
            )
            pdfs.append(pdf)
    finally:
        page.close()
    return pdfs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK, help="the built book")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    pages = chapter_pages(args.book)
    if not pages:
        raise SystemExit(f"no chapter pages in {args.book}: build the book first (`make book`)")
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"no Chromium at {CHROMIUM}: run `make chromium` (Debian: as root)")
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pdfs = print_pages(pages, args.book, args.out, browser)
        finally:
            browser.close()
    print(f"handouts: {len(pdfs)} PDFs in {args.out} ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
