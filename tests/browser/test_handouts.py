"""Handouts (``make handouts``): one PDF per chapter page of the book, printed by the
system Chromium, with a plausible number of pages and the Hangul of the page in the PDF's
text layer (read with pdftotext), drawn with a Korean font."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from book_harness import load_script
from lab_harness import no_browser
from pypdf import PdfReader

HANGUL = re.compile(r"[가-힣]+")
MIN_PAGES, MAX_PAGES = 3, 80


@pytest.fixture(scope="module")
def handouts(built_book, playwright_browser, tmp_path_factory):
    printer = load_script("print_handouts")
    pages = printer.chapter_pages(built_book)
    out = tmp_path_factory.mktemp("handouts")
    return pages, printer.print_pages(pages, built_book, out, playwright_browser)


def _pdf_text(pdf) -> str:
    """The PDF's text layer (poppler's pdftotext: pypdf takes seconds per CJK page)."""
    if shutil.which("pdftotext") is None:
        no_browser("no pdftotext (Debian: poppler-utils)")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    assert result.returncode == 0, f"pdftotext {pdf.name}: {result.stderr.decode()[-500:]}"
    return result.stdout.decode("utf-8")


def _font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object().get("/BaseFont", "")))
    return names


def test_one_pdf_per_chapter(handouts, built_book):
    pages, pdfs = handouts
    assert pages, "the book has no chapter pages"
    assert [p.stem for p in pdfs] == [p.stem for p in pages]
    assert all(p.is_file() for p in pdfs)


def test_page_counts_are_plausible(handouts):
    _, pdfs = handouts
    counts = {pdf.stem: len(PdfReader(pdf).pages) for pdf in pdfs}
    bad = {name: n for name, n in counts.items() if not MIN_PAGES <= n <= MAX_PAGES}
    assert not bad, f"page counts outside {MIN_PAGES}-{MAX_PAGES}: {bad}"


def _article_hangul(html) -> set[str]:
    """The Hangul words of a book page's article (its text, without the navigation)."""
    page = html.read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return set(HANGUL.findall(re.sub(r"<[^>]+>", " ", article)))


def test_hangul_is_in_the_text_layer_in_a_korean_font(handouts):
    pages, pdfs = handouts
    checked = 0
    for html, pdf in zip(pages, pdfs, strict=True):
        words = _article_hangul(html)
        if not words:
            continue
        text = re.sub(r"\s+", "", _pdf_text(pdf))
        missing = sorted(w for w in words if w not in text)
        assert len(missing) <= 0.05 * len(words), (
            f"{pdf.name}: {len(missing)} of {len(words)} Hangul words not in the PDF text, "
            f"e.g. {missing[:8]}"
        )
        fonts = _font_names(PdfReader(pdf))
        assert any("Nanum" in name for name in fonts), (
            f"{pdf.name}: no Korean font embedded ({sorted(fonts)})"
        )
        checked += 1
    assert checked >= 1, "no chapter page has Hangul to check"
