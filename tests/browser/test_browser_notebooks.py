"""Every notebook in a real JupyterLab: runs clean, and every explorer reads at a glance.

For each notebook of both editions, ``notebooks/*.ipynb`` and ``notebooks_ko/*.ipynb``
(served from a temporary copy, one server per test worker):

1. open it; before the kernel runs, every saved explorer output shows its static
   first-state picture and the instruction to run the cell;
2. clear all outputs, then "Run" > "Run All Cells" and wait until every code cell has
   an execution count (or an error appears); fail on any traceback or the text
   "Error displaying widget"; save the run and compare the text outputs of the cells
   tagged ``nbval-check-output`` with the committed ones (``notebook_outputs.py``: what
   nbval's lax mode checks, on this one execution of the notebook);
3. for every explorer (an ``rnnlib.widgets.Explorer``: a VBox of controls, an ``Image``
   and an HTML note) move EVERY control (slider: ArrowRight, or ArrowLeft at the end of
   its range; dropdown and toggle buttons: another option; text box: a shorter text +
   Enter; checkbox: click) and assert that the picture or the note changed;
4. at 1366x768 (laptop) and 1280x720 (projector), with JupyterLab's file browser open,
   measure every explorer: it fits the notebook's view without scrolling (height and
   width), its picture is shown at its drawn size (within 5 %), no control label or
   toggle button is cut, and its controls take at most two rows; in the Korean edition
   its title, controls and note include Hangul.

On failure a full-page screenshot is saved to a temporary directory and its path
printed; ``BROWSER_SCREENSHOTS=<dir>`` also saves a screenshot of every explorer at both
sizes. Timeouts are generous (slow shared machines) but bounded.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from lab_harness import NOTEBOOKS, ROOT
from notebook_outputs import output_problems

from rnnlib.messages import KOREAN
from rnnlib.widgets import RUN_INSTRUCTION

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


def _saved_explorers(path: Path) -> int:
    """Explorer outputs saved in the notebook (each carries a static first-state picture)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return sum(
        1
        for c in cells
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
        if "rnnlib-explorer-static" in "".join(o.get("data", {}).get("text/html", ""))
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


SIZES = [(1366, 768), (1280, 720)]  # a laptop screen, a projector view
SIZE_TOLERANCE = 0.05
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SAVE_TIMEOUT_S = 30
LAYOUT_SETTLE_S = 5.0  # how long a layout may take to settle before it is judged
STATIC_PICTURE = ".jp-OutputArea-output .rnnlib-explorer-static img"

# One explorer's layout, measured in the page: what the learner sees without scrolling.
MEASURE_JS = """
(explorer) => {
  const view = explorer.closest('.jp-WindowedPanel-outer') ||
               explorer.closest('.jp-NotebookPanel-notebook');
  const viewBox = view.getBoundingClientRect();
  const box = explorer.getBoundingClientRect();
  const img = explorer.querySelector(':scope > img.widget-image');
  const imgBox = img.getBoundingClientRect();
  const cut = [];
  for (const el of explorer.querySelectorAll(
      '.widget-label, .widget-toggle-button, .widget-readout, label')) {
    if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      cut.push(el.textContent.trim());
  }
  const controlBox = explorer.querySelector(':scope > .widget-hbox');
  const tops = new Set([...controlBox.children].map(c => Math.round(c.offsetTop / 8)));
  let widest = "";
  let widestRight = box.right;
  for (const el of explorer.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right > widestRight + 1) {
      widestRight = right;
      const r = el.getBoundingClientRect();
      widest = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} from ${Math.round(r.left - box.left)} to ${Math.round(right - box.left)} px (natural width ${el.naturalWidth}, style width ${el.style.width})`;
    }
  }
  return {
    height: box.height, width: box.width, right: box.right, widest: widest,
    viewHeight: viewBox.height, viewRight: viewBox.right,
    overflowX: explorer.scrollWidth - explorer.clientWidth,
    shown: [imgBox.width, imgBox.height], drawn: [img.naturalWidth, img.naturalHeight],
    cut: cut, rows: tops.size,
  };
}
"""


def _measure(page, explorer, size, where) -> list[str]:
    """Problems with one explorer's layout at one window size (empty: it reads well)."""
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    explorer.locator(":scope > img.widget-image").evaluate(
        "img => img.decode ? img.decode().catch(() => null) : null"
    )  # the picture is loaded before it is measured
    label = f"{where} at {size[0]}x{size[1]}"
    # JupyterLab lays a resized or scrolled notebook out over several frames, and on a busy
    # machine (two workers, each with a browser, a server and a kernel) one measurement can
    # catch it half done: a problem counts only if it is still there after a few seconds.
    deadline = time.monotonic() + LAYOUT_SETTLE_S
    while True:
        problems = _layout_problems(explorer.evaluate(MEASURE_JS), label)
        if not problems or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        name = re.sub(r"\W+", "_", label)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))
    return problems


def _layout_problems(m: dict, label: str) -> list[str]:
    """What is wrong with one measurement ``m`` of MEASURE_JS (empty: it reads well)."""
    problems = []
    if m["height"] > m["viewHeight"]:
        problems.append(f"{label}: {m['height']:.0f} px tall in a {m['viewHeight']:.0f} px view")
    if m["overflowX"] > 1 or m["right"] > m["viewRight"] + 1:
        problems.append(
            f"{label}: wider than the notebook ({m['width']:.0f} px; widest part: {m['widest']})"
        )
    (shown_w, shown_h), (drawn_w, drawn_h) = m["shown"], m["drawn"]
    if (
        not drawn_w
        or abs(shown_w / drawn_w - 1) > SIZE_TOLERANCE
        or (abs(shown_h / drawn_h - 1) > SIZE_TOLERANCE)
    ):
        problems.append(
            f"{label}: picture drawn {drawn_w}x{drawn_h} px, shown {shown_w:.0f}x{shown_h:.0f}"
        )
    if m["cut"]:
        problems.append(f"{label}: cut labels {m['cut']}")
    if m["rows"] > 2:
        problems.append(f"{label}: controls in {m['rows']} rows")
    return problems


def _slider_move(page, handle) -> str | None:
    if handle.evaluate("h => !!h.closest('[disabled]')"):
        return None  # disabled (e.g. beam k while greedy): the learner cannot move it
    before = handle.get_attribute("aria-valuenow")
    handle.focus()
    page.keyboard.press("ArrowRight")
    deadline = time.monotonic() + 2
    while handle.get_attribute("aria-valuenow") == before and time.monotonic() < deadline:
        time.sleep(0.1)
    if handle.get_attribute("aria-valuenow") == before:  # already at the maximum
        page.keyboard.press("ArrowLeft")
    return f"slider {before} -> {handle.get_attribute('aria-valuenow')}"


def _dropdown_move(select) -> str:
    options = select.locator("option").evaluate_all("options => options.map(o => o.value)")
    current = select.input_value()
    others = [value for value in options if value != current]
    assert others, f"dropdown with a single option {options}: nothing to move"
    select.select_option(value=others[0])
    return f"dropdown {current!r} -> {others[0]!r}"


def _toggle_move(group) -> str:
    buttons = group.locator("button:not(.mod-active)")
    assert buttons.count(), "toggle buttons with a single option: nothing to move"
    text = buttons.first.inner_text()
    buttons.first.click()
    return f"toggle {text!r}"


def _text_move(box) -> str:
    current = box.input_value()
    box.fill(current[:-1] if len(current) > 1 else current + current or "a")
    box.press("Enter")
    return f"text {current!r} -> {box.input_value()!r}"


def _checkbox_move(checkbox) -> str:
    checkbox.click()
    return "checkbox"


def _moves(page, explorer) -> list:
    """One callable per control of the explorer; each moves its control and describes it."""
    # toggles first: a control that matters in one mode only (beam k) is enabled by them
    moves = [lambda g=g: _toggle_move(g) for g in explorer.locator(".widget-toggle-buttons").all()]
    moves += [
        lambda s=s: _dropdown_move(s) for s in explorer.locator(".widget-dropdown select").all()
    ]
    moves += [lambda b=b: _text_move(b) for b in explorer.locator(".widget-text input").all()]
    moves += [
        lambda h=h: _slider_move(page, h)
        for h in explorer.locator(".widget-slider .noUi-handle").all()
    ]
    moves += [
        lambda c=c: _checkbox_move(c)
        for c in explorer.locator(".widget-checkbox input[type=checkbox]").all()
    ]
    return moves


def _picture_and_note(explorer) -> list[str]:
    return explorer.evaluate(
        "e => [e.querySelector(':scope > img.widget-image').src,"
        " e.querySelector(':scope > .widget-html').innerHTML]"
    )


def _screenshot_on_failure(page, name: str) -> str:
    folder = Path(tempfile.mkdtemp(prefix="rnn-course-browser-"))
    path = folder / f"{Path(name).stem}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception as error:  # the page may be gone
        return f"(no screenshot: {error})"
    return str(path)


@pytest.mark.parametrize("served", NOTEBOOKS, ids=lambda p: p.with_suffix("").as_posix())
def test_notebook_runs_and_every_explorer_reads_at_a_glance(served, lab_page, lab_server):
    notebook = ROOT / served
    label = served.with_suffix("").as_posix()  # notebooks_ko/04_lstm_and_gru
    korean = served.parts[0] == "notebooks_ko"
    page = lab_page
    page.set_default_timeout(30_000)
    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    expected_cells = _visible_code_cells(notebook)
    step = "opening the notebook"
    start = time.monotonic()
    try:
        page.goto(lab_server.url(served.as_posix()))
        ready = page.get_by_text(IDLE, exact=True).or_(page.locator(".jp-Dialog"))
        ready.first.wait_for(timeout=KERNEL_READY_TIMEOUT_S * 1000)
        dialog = page.locator(".jp-Dialog")
        assert not dialog.count(), (
            f"JupyterLab opened a dialog instead of starting the kernel: {dialog.inner_text()!r} "
            "(no kernelspec in the notebook's metadata? build it with `make notebook`)"
        )
        _wait_idle(page)
        assert not _error_texts(page), f"errors before running: {_error_texts(page)}"

        step = "looking at the saved explorers before running"
        saved = _saved_explorers(notebook)
        pictures = page.locator(STATIC_PICTURE)
        assert pictures.count() == saved, (
            f"{saved} saved explorer outputs, {pictures.count()} static pictures shown "
            "before the kernel ran"
        )
        for picture in pictures.all():
            assert picture.evaluate("img => img.complete && img.naturalWidth > 100")
        if saved:
            instruction = KOREAN[RUN_INSTRUCTION] if korean else RUN_INSTRUCTION
            assert page.get_by_text(instruction).count() >= saved, (
                "the saved explorers do not all say how to bring them to life, in the "
                "edition's language"
            )

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

        step = "saving the run and comparing its guarded outputs with the committed ones"
        saved_copy = lab_server.root / served
        before = saved_copy.stat().st_mtime_ns
        _click_menu(page, "File", "Save Notebook")
        deadline = time.monotonic() + SAVE_TIMEOUT_S
        while saved_copy.stat().st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert saved_copy.stat().st_mtime_ns != before, f"not saved in {SAVE_TIMEOUT_S} s"
        time.sleep(0.5)  # the server writes the file in one go; let it finish
        changed = output_problems(notebook, saved_copy)
        assert not changed, (
            "outputs of cells tagged nbval-check-output differ from the committed ones "
            "(re-execute with `make notebook NB=...` if the change is intended):\n"
            + "\n".join(changed)
        )

        explorers = page.locator(EXPLORER)
        count = explorers.count()
        assert count == saved, f"{saved} explorers in the saved notebook, {count} after Run All"
        problems, moves = [], 0
        for index in range(count):
            explorer = explorers.nth(index)
            where = f"{label} explorer {index + 1} of {count}"
            step = f"{where}: measuring at {SIZES[0]}"
            problems += _measure(page, explorer, SIZES[0], where)
            if korean:  # the Korean edition's explorers speak Korean
                text = explorer.inner_text()
                if not HANGUL.search(text):
                    problems.append(f"{where}: no Hangul in its title, controls or note: {text!r}")
            controls = _moves(page, explorer)
            assert controls, f"{where} has no control to move"
            for move in controls:
                before = _picture_and_note(explorer)
                described = move()
                if described is None:
                    continue
                step = f"{where}: {described}"
                try:
                    page.wait_for_function(
                        "([e, old]) => { const img = e.querySelector(':scope > img.widget-image');"
                        " const note = e.querySelector(':scope > .widget-html');"
                        " return img.src !== old[0] || note.innerHTML !== old[1]; }",
                        arg=[explorer.element_handle(), before],
                        timeout=REDRAW_TIMEOUT_S * 1000,
                    )
                except PlaywrightTimeoutError:
                    raise AssertionError(
                        f"{step}: neither the picture nor the note changed within "
                        f"{REDRAW_TIMEOUT_S} s (did draw() raise? Its traceback goes to "
                        "JupyterLab's log console)"
                    ) from None
                _wait_idle(page)
                moves += 1
        step = f"measuring at {SIZES[1]}"
        page.set_viewport_size({"width": SIZES[1][0], "height": SIZES[1][1]})
        page.wait_for_function(  # JupyterLab lays its panels out again after a resize
            "() => document.querySelector('.jp-NotebookPanel').getBoundingClientRect().right"
            " <= window.innerWidth"
        )
        time.sleep(1.0)
        for index in range(count):
            where = f"{label} explorer {index + 1} of {count}"
            problems += _measure(page, explorers.nth(index), SIZES[1], where)
        errors = _error_texts(page)
        assert not errors, "error after moving controls:\n" + "\n---\n".join(errors)[-3000:]
        assert not problems, "explorers that do not read at a glance:\n" + "\n".join(problems)
        print(
            f"{label}: ran all cells in {run_seconds:.1f} s, {count} explorer(s), "
            f"{moves} control moves redrew; total {time.monotonic() - start:.1f} s"
        )
    except Exception as error:
        shot = _screenshot_on_failure(page, label.replace("/", "_"))
        print(f"{label}: failed while {step}; screenshot: {shot}")
        print(f"JupyterLab log (tail):\n{lab_server.log_tail()}")
        if isinstance(error, AssertionError):
            raise
        raise AssertionError(f"{label}: failed while {step}: {error}") from error
