"""Lecture mode: one chapter as live slides in JupyterLab (``make lecture NB=...``).

    python scripts/lecture.py notebooks/04_lstm_and_gru.ipynb [--no-browser] [--port N]
    python scripts/lecture.py notebooks_ko/04_lstm_and_gru.ipynb   # the Korean edition

1. Copies both editions (``notebooks/``, ``notebooks_ko/``) into a temporary folder (JupyterLab saves into what it serves:
   the committed notebooks stay as they are) with JupyterLab settings and workspaces of
   its own: the deck (jupyterlab-slideshow) starts presenting, the news pop-up is off,
   and the user's own settings are never touched, so a later ``make lab`` does not open
   in the deck.
2. Starts JupyterLab with the lecture style for figures (``RNN_COURSE_STYLE=lecture``,
   read by ``rnnlib.viz.use_course_style``) and ``lecture/custom.css`` (large explorer
   controls).
3. Starts the chapter's kernel and runs every code cell in it, saving the outputs into
   the served copy, signed as trusted; the browser then opens the notebook on that same
   live kernel, so the explorers respond (their widgets are restored from the kernel).
4. Opens the browser on the deck and waits; Ctrl+C stops the server and removes the copy.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
import webbrowser
from pathlib import Path

import nbformat
from jupyter_client import BlockingKernelClient
from nbformat.sign import NotebookNotary

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from lab_server import EDITION_DIRS, LabServer  # noqa: E402

LECTURE_CSS = ROOT / "lecture" / "custom.css"
SERVER_START_TIMEOUT_S = 90
CELL_TIMEOUT_S = 300

# JupyterLab settings of lecture mode (one file per plugin in its settings folder).
LECTURE_SETTINGS = {
    # Present the notebook as slides from the start (the news pop-up, which would cover
    # the slide controls, is off in every server of the course: lab_server.BASE_SETTINGS).
    "jupyterlab-slideshow/plugin.jupyterlab-settings": {"active": True},
}


def notebook_path(path: str | Path) -> str:
    """``notebooks/04_lstm_and_gru.ipynb`` (or its ``.py``; or the Korean edition's
    ``notebooks_ko/...``) -> its path in the served copy, ``notebooks/04_lstm_and_gru.ipynb``."""
    path = Path(path)
    edition = path.parent.name if path.parent.name in EDITION_DIRS else EDITION_DIRS[0]
    candidate = ROOT / edition / path.with_suffix(".ipynb").name
    if path.suffix not in {".ipynb", ".py"} or not candidate.is_file():
        chapters = ", ".join(
            p.relative_to(ROOT).as_posix()
            for folder in EDITION_DIRS
            for p in sorted((ROOT / folder).glob("[0-9][0-9]_*.ipynb"))
        )
        raise SystemExit(f"NB: expected one of the course notebooks ({chapters}), got {path}")
    return f"{edition}/{candidate.name}"


class LectureServer(LabServer):
    """JupyterLab in lecture mode: the deck presents from the start, figures in the lecture
    style (``RNN_COURSE_STYLE=lecture``), large explorer controls (``lecture/custom.css``)."""

    def __init__(self, workdir: Path, port: int | None = None, env: dict | None = None):
        config = Path(workdir) / "jupyter-config"
        (config / "custom").mkdir(parents=True)
        shutil.copy2(LECTURE_CSS, config / "custom" / "custom.css")
        super().__init__(
            workdir,
            settings=LECTURE_SETTINGS,
            environment={"JUPYTER_CONFIG_DIR": str(config), "RNN_COURSE_STYLE": "lecture"},
            arguments=["--LabApp.custom_css=True", "--LabApp.expose_app_in_browser=True"],
            port=port,
            env=env,
        )

    def run_notebook(self, name: str) -> float:
        """Start the kernel of ``name``'s session, run every code cell in it and save the
        outputs into the served copy. Returns the seconds it took."""
        start = time.monotonic()
        session = self.api(
            "/api/sessions",
            method="POST",
            body={"path": name, "name": name, "type": "notebook", "kernel": {"name": "python3"}},
        )
        connection_file = self.runtime / f"kernel-{session['kernel']['id']}.json"
        path = self.root / name
        notebook = nbformat.read(path, as_version=4)
        client = BlockingKernelClient()
        client.load_connection_file(str(connection_file))
        client.start_channels(hb=False)  # no heartbeat: it may lag on a busy machine
        try:
            client.wait_for_ready(timeout=60)
            for cell in notebook.cells:
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                cell.outputs, cell.execution_count = _execute(client, cell.source)
                if any(output.output_type == "error" for output in cell.outputs):
                    print(f"{name}: a cell raised; the deck opens at it", file=sys.stderr)
                    break
        finally:
            client.stop_channels()
        # Trusted, or JupyterLab shows the explorers' text stand-ins instead of the widgets.
        NotebookNotary(data_dir=str(self.data)).sign(notebook)
        nbformat.write(notebook, path)
        return time.monotonic() - start


def _execute(client: BlockingKernelClient, source: str) -> tuple[list, int | None]:
    """Run one cell's source; return its nbformat outputs and execution count."""
    outputs: list = []
    clear_on_next = False

    def on_message(message: dict) -> None:
        nonlocal outputs, clear_on_next
        kind = message["header"]["msg_type"]
        if kind == "clear_output":
            if message["content"].get("wait"):
                clear_on_next = True
            else:
                outputs = []
            return
        if kind not in {"stream", "display_data", "execute_result", "error"}:
            return
        if clear_on_next:
            outputs, clear_on_next = [], False
        outputs.append(nbformat.v4.output_from_msg(message))

    reply = client.execute_interactive(
        source, output_hook=on_message, timeout=CELL_TIMEOUT_S, allow_stdin=False
    )
    return outputs, reply["content"].get("execution_count")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", help="notebooks/NN_name.ipynb")
    parser.add_argument("--no-browser", action="store_true", help="print the address only")
    parser.add_argument("--port", type=int, default=None)
    args = parser.parse_args(argv)
    name = notebook_path(args.notebook)
    workdir = Path(tempfile.mkdtemp(prefix="rnn-lecture-"))
    server = None
    try:
        print(f"Lecture mode: starting JupyterLab for {name}...", flush=True)
        server = LectureServer(workdir, port=args.port)
        print(f"Running {name} in its kernel (the deck opens when it is done)...", flush=True)
        seconds = server.run_notebook(name)
        print(f"Ran {name} in {seconds:.0f} s.")
        url = server.url(name)
        print(f"\n  {url}\n\nKeys: Space / arrows move through slides; Esc leaves the deck.")
        print("Ctrl+C stops lecture mode (edits live in a temporary copy and are discarded).")
        if not args.no_browser:
            webbrowser.open(url)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        server.process.wait()
    except KeyboardInterrupt:
        print("\nStopping lecture mode.")
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
