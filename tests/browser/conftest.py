"""Fixtures for the real-browser test: one JupyterLab server and one Chromium per session."""

from __future__ import annotations

import os

import pytest
from lab_harness import CHROMIUM, CHROMIUM_ARGS, LabServer, no_browser


@pytest.fixture(scope="session")
def playwright_browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        no_browser(f"no Chromium executable at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        no_browser("the Python package `playwright` is not installed (run `make setup`)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, playwright_browser):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def lab_page(playwright_browser, lab_server):
    context = playwright_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
        lab_server.shutdown_sessions()


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """The static book: ``build/book`` when it is newer than every notebook (``make test``
    builds it just before), otherwise built once here into a temporary folder."""
    from book_harness import BOOK_DIR, book_is_current, build_book

    if book_is_current(BOOK_DIR):
        return BOOK_DIR
    return build_book(tmp_path_factory.mktemp("book") / "book")
