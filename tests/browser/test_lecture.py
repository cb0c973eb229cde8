"""Lecture mode (``make lecture``) in a real browser.

1. Lecture mode on ``00_start_here`` (the fastest notebook with an explorer): the page
   opens presenting the deck on the title slide; ``deck:forward`` reaches the explorer's
   slide; its slider handles are large (lecture CSS); an arrow key on a slider moves it
   and redraws the picture while the deck is still presenting.
2. Then JupyterLab without lecture mode (the browser tests' own server), whose settings
   folder lecture mode was launched with as the "user's": a notebook opened there is not
   in the deck, and lecture mode left no deck setting in that folder
   (jupyterlab-slideshow's ``active`` setting persists wherever it is written).
"""

from __future__ import annotations

import json
import os

import pytest
from book_harness import load_script

NOTEBOOK = "notebooks/00_start_here.ipynb"
PRESENTING = "body[data-jp-deck-mode=presenting]"
EXPLORER_CELL = ".jp-Cell:has(.rnnlib-explorer)"
MAX_FORWARD_STEPS = 80
MIN_HANDLE_PX = 24  # large enough to hit from a lectern (JupyterLab's default: 16)


@pytest.fixture(scope="module")
def lecture_server(tmp_path_factory, lab_server, playwright_browser):
    lecture = load_script("lecture")
    # Launched from an environment whose own settings are the plain server's.
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(lab_server.settings_dir))
    server = lecture.LectureServer(tmp_path_factory.mktemp("lecture"), env=env)
    try:
        server.run_notebook(NOTEBOOK)
        yield server
    finally:
        server.stop()


def _execute(page, command: str) -> None:
    page.evaluate("command => window.jupyterapp.commands.execute(command)", command)


def _onscreen(locator) -> bool:
    return "jp-deck-mod-onscreen" in (locator.get_attribute("class") or "")


def test_deck_presents_and_an_explorer_redraws(lecture_server, playwright_browser):
    context = playwright_browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(lecture_server.url(NOTEBOOK))
        page.locator(PRESENTING).wait_for(state="attached", timeout=120_000)
        title = page.locator(".jp-Notebook .jp-Cell").first
        page.wait_for_function(
            "cell => cell.classList.contains('jp-deck-mod-onscreen')", arg=title.element_handle()
        )
        explorer = page.locator(EXPLORER_CELL).first
        explorer.wait_for(state="attached")
        assert not _onscreen(explorer), "the deck should start on the title, not the explorer"
        for _ in range(MAX_FORWARD_STEPS):
            if _onscreen(explorer):
                break
            _execute(page, "deck:forward")
            page.wait_for_timeout(100)
        assert _onscreen(explorer), f"no explorer slide within {MAX_FORWARD_STEPS} steps"
        assert not page.get_by_text("Error displaying widget").count()

        handle = explorer.locator(".widget-slider .noUi-handle").first
        handle.wait_for(state="visible")
        box = handle.bounding_box()
        assert box["width"] >= MIN_HANDLE_PX and box["height"] >= MIN_HANDLE_PX, (
            f"slider handle {box['width']:.0f}x{box['height']:.0f} px: lecture CSS not applied?"
        )
        image = explorer.locator("img.widget-image").first
        before = image.get_attribute("src")
        value = handle.get_attribute("aria-valuenow")
        at_end = value == handle.get_attribute("aria-valuemax")
        handle.focus()
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        page.wait_for_function(
            "([img, old]) => img.src && img.src !== old",
            arg=[image.element_handle(), before],
            timeout=30_000,
        )
        assert handle.get_attribute("aria-valuenow") != value
        assert page.locator(PRESENTING).count() == 1, "the deck stopped presenting"
        assert _onscreen(explorer)
    finally:
        context.close()


def test_lab_without_lecture_mode_does_not_open_in_the_deck(lecture_server, lab_server, lab_page):
    deck_settings = list(lab_server.settings_dir.rglob("*slideshow*"))
    assert not deck_settings, f"lecture mode wrote deck settings to the user's: {deck_settings}"
    page = lab_page
    page.goto(lab_server.url(NOTEBOOK))
    page.get_by_text("Python 3 (ipykernel) | Idle", exact=True).wait_for(
        state="attached", timeout=120_000
    )
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.wait_for_timeout(1000)  # the deck, when active, starts as the notebook opens
    mode = page.evaluate("document.body.dataset.jpDeckMode || null")
    assert mode != "presenting", "JupyterLab opened in the deck without lecture mode"
    saved = [
        json.loads(p.read_text()) for p in lab_server.settings_dir.rglob("*.jupyterlab-settings")
    ]
    assert not any(s.get("active") for s in saved), f"a deck setting is active: {saved}"
