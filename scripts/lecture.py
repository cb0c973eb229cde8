"""Lecture mode: one chapter as live slides in JupyterLab (``make lecture NB=...``).

    python scripts/lecture.py notebooks/04_lstm_and_gru.ipynb [--no-browser] [--port N]

1. Copies ``notebooks/`` into a temporary folder (JupyterLab saves into what it serves:
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
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import webbrowser
from pathlib import Path

import nbformat
from jupyter_client import BlockingKernelClient
from nbformat.sign import NotebookNotary

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
LECTURE_CSS = ROOT / "lecture" / "custom.css"
SERVER_START_TIMEOUT_S = 90
CELL_TIMEOUT_S = 300

# JupyterLab settings of lecture mode (one file per plugin in its settings folder).
LECTURE_SETTINGS = {
    # Present the notebook as slides from the start.
    "jupyterlab-slideshow/plugin.jupyterlab-settings": {"active": True},
    # No "get notified about Jupyter news" pop-up over the slide controls; no update check.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Every cell in the page, so the deck can show any of them.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def notebook_name(path: str | Path) -> str:
    """``notebooks/04_lstm_and_gru.ipynb`` (or its ``.py``) -> ``04_lstm_and_gru.ipynb``."""
    path = Path(path)
    candidate = NOTEBOOK_DIR / path.with_suffix(".ipynb").name
    if path.suffix not in {".ipynb", ".py"} or not candidate.is_file():
        chapters = ", ".join(p.name for p in sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb")))
        raise SystemExit(f"NB: expected one of the course notebooks ({chapters}), got {path}")
    return candidate.name


class LectureServer:
    """JupyterLab in lecture mode on 127.0.0.1, serving a copy of the notebooks."""

    def __init__(self, workdir: Path, port: int | None = None, env: dict | None = None):
        self.workdir = Path(workdir)
        self.root = self.workdir / "notebooks"
        shutil.copytree(NOTEBOOK_DIR, self.root, ignore=shutil.ignore_patterns(".ipynb_*"))
        # the start page reads ../benchmarks/run_times.json (the measured run times)
        (self.workdir / "benchmarks").mkdir()
        for results in sorted((ROOT / "benchmarks").glob("*.json")):
            shutil.copy2(results, self.workdir / "benchmarks" / results.name)
        settings = self.workdir / "lab-settings"
        for relative, values in LECTURE_SETTINGS.items():
            path = settings / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        config = self.workdir / "jupyter-config"
        (config / "custom").mkdir(parents=True)
        shutil.copy2(LECTURE_CSS, config / "custom" / "custom.css")
        self.runtime = self.workdir / "runtime"
        self.data = self.workdir / "jupyter-data"  # its notebook-signature database
        self.port = port or _free_port()
        self.token = secrets.token_hex(16)
        self.log_path = self.workdir / "jupyterlab.log"
        environment = dict(os.environ if env is None else env)
        environment.pop("MPLBACKEND", None)  # notebooks use `%matplotlib inline`
        environment.update(
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(self.workdir / "lab-workspaces"),
            JUPYTER_CONFIG_DIR=str(config),
            JUPYTER_RUNTIME_DIR=str(self.runtime),
            JUPYTER_DATA_DIR=str(self.data),
            JUPYTER_PLATFORM_DIRS="1",
            RNN_COURSE_STYLE="lecture",
        )
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            f"--ServerApp.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--LabApp.custom_css=True",
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(self.log_path, "wb")  # closed in stop()
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=environment, cwd=self.workdir
        )
        self._wait_until_up()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, name: str) -> str:
        # `?reset`: an empty workspace with only this notebook open.
        return f"{self.base_url}/lab/tree/{name}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET", body: dict | None = None):
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
        return json.loads(data) if data else None

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log_tail()}")
            try:
                self.api("/api/status")
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer in {SERVER_START_TIMEOUT_S} s")

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

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()


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
    name = notebook_name(args.notebook)
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
