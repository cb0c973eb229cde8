"""Every notebook in a real JupyterLab: runs clean, and every explorer redraws.

For each ``notebooks/*.ipynb`` (served from a temporary copy):

1. open it and wait for the status bar to say "Python 3 (ipykernel) | Idle";
2. clear all outputs, then "Run" > "Run All Cells" and wait until every code cell has
   an execution count (or an error appears);
3. fail on any error output (traceback) or the text "Error displaying widget";
4. for every explorer (an ``rnnlib.widgets.Explorer``: a VBox of controls, an
   ``Image`` and an HTML note) move one control (slider: focus the handle and press
   ArrowRight, or ArrowLeft at the end of its range; dropdown: pick another option)
   and assert that its picture was redrawn (the ``img`` got a new ``src``).

On failure a full-page screenshot is saved to a temporary directory and its path
printed. Timeouts are generous (slow shared machines) but bounded.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from lab_harness import NOTEBOOK_DIR

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
except ImportError:  # the fixtures skip (or fail under CI) with a hint
    PlaywrightTimeoutError = TimeoutError

RUN_ALL_TIMEOUT_S = float(os.environ.get("BROWSER_RUN_TIMEOUT", 420))
KERNEL_READY_TIMEOUT_S = 120
REDRAW_TIMEOUT_S = 30

IDLE = "Python 3 (ipykernel) | Idle"
EXPLORER = ".jp-OutputArea-output .rnnlib-explorer"  # rnnlib.widgets.Explorer adds this class
CODE_PROMPTS = ".jp-Notebook .jp-CodeCell .jp-InputArea-prompt"
STDERR_OUTPUTS = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'

# Resolves to "done" when the kernel is idle, no cell is queued or running ([*]) and every
# visible code cell has an execution count; to "error" as soon as a traceback is shown;
# to null (keep waiting) otherwise. Collapsed (source-hidden) cells show no prompt.
RUN_STATE_JS = """
([expected, promptSelector, stderrSelector]) => {
  for (const output of document.querySelectorAll(stderrSelector)) {
    if (output.textContent.includes("Traceback")) return "error";
  }
  const status = document.querySelector("#jp-main-statusbar");
  if (!status || !status.textContent.includes("| Idle")) return null;
  const prompts = [...document.querySelectorAll(promptSelector)].map(p => p.textContent);
  if (prompts.some(p => p.includes("*"))) return null;
  const counted = prompts.filter(p => /\\[\\d+\\]/.test(p)).length;
  return counted >= expected ? "done" : null;
}
"""

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def _visible_code_cells(path: Path) -> int:
    """Non-empty code cells whose source is not collapsed (those show an input prompt)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return sum(
        1
        for c in cells
        if c["cell_type"] == "code"
        and "".join(c["source"]).strip()
        and not c["metadata"].get("jupyter", {}).get("source_hidden")
    )


def _click_menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def _wait_idle(page, timeout_s: float = KERNEL_READY_TIMEOUT_S) -> None:
    page.get_by_text(IDLE, exact=True).wait_for(timeout=timeout_s * 1000)


def _error_texts(page) -> list[str]:
    texts = [t for t in page.locator(STDERR_OUTPUTS).all_inner_texts() if "Traceback" in t]
    if page.get_by_text("Error displaying widget").count():
        texts.append("Error displaying widget")
    return texts


def _move_one_control(page, explorer) -> str:
    """Move one control of an explorer; return a description of the move."""
    handles = explorer.locator(".widget-slider .noUi-handle")
    if handles.count():
        handle = handles.first
        before = handle.get_attribute("aria-valuenow")
        handle.focus()
        page.keyboard.press("ArrowRight")
        deadline = time.monotonic() + 2
        while handle.get_attribute("aria-valuenow") == before and time.monotonic() < deadline:
            time.sleep(0.1)
        if handle.get_attribute("aria-valuenow") == before:  # already at the maximum
            page.keyboard.press("ArrowLeft")
        return f"slider {before} -> {handle.get_attribute('aria-valuenow')}"
    selects = explorer.locator(".widget-dropdown select")
    if selects.count():
        select = selects.first
        options = select.locator("option").evaluate_all("options => options.map(o => o.value)")
        current = select.input_value()
        others = [value for value in options if value != current]
        assert others, f"dropdown with a single option {options}: nothing to move"
        select.select_option(value=others[0])
        return f"dropdown {current!r} -> {others[0]!r}"
    toggles = explorer.locator(".widget-toggle-buttons button:not(.mod-active)")
    if toggles.count():
        toggles.first.click()
        return "toggle button"
    checkboxes = explorer.locator(".widget-checkbox input[type=checkbox]")
    if checkboxes.count():
        checkboxes.first.click()
        return "checkbox"
    raise AssertionError("explorer has no slider, dropdown, toggle button or checkbox to move")


def _screenshot_on_failure(page, name: str) -> str:
    folder = Path(tempfile.mkdtemp(prefix="rnn-course-browser-"))
    path = folder / f"{Path(name).stem}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception as error:  # the page may be gone
        return f"(no screenshot: {error})"
    return str(path)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_every_explorer_redraws(notebook, lab_page, lab_server):
    page = lab_page
    page.set_default_timeout(30_000)
    expected_cells = _visible_code_cells(notebook)
    step = "opening the notebook"
    start = time.monotonic()
    try:
        page.goto(lab_server.url(notebook.name))
        ready = page.get_by_text(IDLE, exact=True).or_(page.locator(".jp-Dialog"))
        ready.first.wait_for(timeout=KERNEL_READY_TIMEOUT_S * 1000)
        dialog = page.locator(".jp-Dialog")
        assert not dialog.count(), (
            f"JupyterLab opened a dialog instead of starting the kernel: {dialog.inner_text()!r} "
            "(no kernelspec in the notebook's metadata? build it with `make notebook`)"
        )
        _wait_idle(page)
        assert not _error_texts(page), f"errors before running: {_error_texts(page)}"

        step = "running all cells"
        _click_menu(page, "Edit", "Clear Outputs of All Cells")
        _click_menu(page, "Run", "Run All Cells")
        state = page.wait_for_function(
            RUN_STATE_JS,
            arg=[expected_cells, CODE_PROMPTS, STDERR_OUTPUTS],
            timeout=RUN_ALL_TIMEOUT_S * 1000,
            polling=250,
        ).json_value()
        assert state == "done", f"a cell raised:\n{_error_texts(page)[0][-3000:]}"
        _wait_idle(page)
        run_seconds = time.monotonic() - start
        errors = _error_texts(page)
        assert not errors, "error output after Run All:\n" + "\n---\n".join(errors)[-3000:]

        step = "moving the explorers' controls"
        explorers = page.locator(EXPLORER)
        count = explorers.count()
        assert count >= 1, "no rnnlib.widgets.Explorer found in the notebook's outputs"
        for index in range(count):
            explorer = explorers.nth(index)
            explorer.scroll_into_view_if_needed()
            image = explorer.locator(":scope > img.widget-image")
            before = image.get_attribute("src")
            move = _move_one_control(page, explorer)
            step = f"explorer {index + 1}/{count}: {move}"
            try:
                page.wait_for_function(
                    "([img, old]) => img.src && img.src !== old",
                    arg=[image.element_handle(), before],
                    timeout=REDRAW_TIMEOUT_S * 1000,
                )
            except PlaywrightTimeoutError:
                raise AssertionError(
                    f"{step}: the picture did not redraw within {REDRAW_TIMEOUT_S} s "
                    "(did draw() raise? Its traceback goes to JupyterLab's log console)"
                ) from None
            _wait_idle(page)
        errors = _error_texts(page)
        assert not errors, "error after moving controls:\n" + "\n---\n".join(errors)[-3000:]
        print(
            f"{notebook.name}: ran all cells in {run_seconds:.1f} s, "
            f"{count} explorer(s) redrew; total {time.monotonic() - start:.1f} s"
        )
    except Exception as error:
        shot = _screenshot_on_failure(page, notebook.name)
        print(f"{notebook.name}: failed while {step}; screenshot: {shot}")
        print(f"JupyterLab log (tail):\n{lab_server.log_tail()}")
        if isinstance(error, AssertionError):
            raise
        raise AssertionError(f"{notebook.name}: failed while {step}: {error}") from error
