"""The static book (``make book``) opened from disk, with no network.

From ``index.html`` every chapter link of the navigation is followed. On each page:
no request leaves the file system (Playwright's request log), no request fails, every
picture loaded, every local link points at an existing file, every maths element was
typeset by MathJax (served from the book itself) with no TeX error, and the page has the
"Run this chapter" note. The search page finds a word of the course.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

LOCAL_SCHEMES = {"file", "data", "blob", "about"}
MATHJAX_DONE_JS = """
async () => {
  if (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) return false;
  await MathJax.startup.promise;
  return true;
}
"""


@pytest.fixture
def book_page(playwright_browser):
    context = playwright_browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.requests, page.failures = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("requestfailed", lambda request: page.failures.append((request.url, request.failure)))
    try:
        yield page
    finally:
        context.close()


def _chapter_links(page) -> list[str]:
    hrefs = page.locator(".bd-sidebar-primary nav a.reference.internal").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return list(dict.fromkeys(h.split("#")[0] for h in hrefs if "/index.html" not in h))


def _broken_local_links(page) -> list[str]:
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    broken = []
    for href in hrefs:
        parsed = urlparse(href)
        if parsed.scheme == "file" and not Path(unquote(parsed.path)).exists():
            broken.append(href)
    return broken


def test_every_chapter_page_works_offline(built_book, book_page):
    page = book_page
    page.goto((built_book / "index.html").as_uri())
    chapters = _chapter_links(page)
    typeset = 0
    expected = sorted(built_book.glob("*/[0-9][0-9]_*.html"))
    assert len(chapters) == len(expected) >= 1, (
        f"the navigation links {len(chapters)} chapters, the book has {len(expected)} pages"
    )
    for url in chapters:
        name = Path(urlparse(url).path).name
        page.goto(url, wait_until="load")
        maths = page.locator("span.math, div.math")
        if maths.count():  # Sphinx adds MathJax only to pages with maths
            assert page.evaluate(MATHJAX_DONE_JS), f"{name}: MathJax did not load"
            typeset += page.locator("mjx-container").count()
        missing_images = page.locator("img").evaluate_all(
            "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
        )
        assert not missing_images, f"{name}: images that did not load: {missing_images[:5]}"
        assert page.locator(".cell_output img").count() >= 1, f"{name}: no figure"
        assert not _broken_local_links(page), f"{name}: broken links {_broken_local_links(page)}"
        untypeset = maths.evaluate_all(
            "nodes => nodes.filter(n => !n.querySelector('mjx-container')).length"
        )
        assert untypeset == 0, f"{name}: {untypeset} of {maths.count()} maths not typeset"
        assert page.locator("mjx-merror").count() == 0, f"{name}: a TeX error in the maths"
        assert page.locator(".run-this-chapter").count() == 1, f"{name}: no 'Run this chapter'"
    assert typeset, "no chapter has typeset maths"
    remote = [u for u in page.requests if urlparse(u).scheme not in LOCAL_SCHEMES]
    assert not remote, f"network requests: {remote[:10]}"
    assert not page.failures, f"failed requests (missing files?): {page.failures[:10]}"
    assert len(page.requests) > len(chapters), "the request log recorded nothing"


def test_search_finds_a_course_word(built_book, book_page):
    page = book_page
    page.goto((built_book / "search.html").as_uri() + "?q=hidden")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=30_000)
    assert results.count() >= 3, f"search 'hidden' found {results.count()} pages"
    remote = [u for u in page.requests if urlparse(u).scheme not in LOCAL_SCHEMES]
    assert not remote, f"network requests: {remote[:10]}"
