"""`make lab LANG=ko`: JupyterLab on the Korean start page, with its own menus in Korean.

Starts JupyterLab the way the Makefile does (``scripts/lab.py ko``), on a free port with a
token and no browser of its own, then checks that the page it would open is the Korean
edition's start page and that Chromium shows the File menu as "파일" (the Korean language pack,
chosen for this launch only). The start page is not opened in the browser, so no kernel
starts and nothing is saved into the working tree.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request

from lab_harness import ROOT
from lab_server import SERVER_START_TIMEOUT_S, free_port

SCRIPT = ROOT / "scripts" / "lab.py"


def _wait_until_up(process, port: int, token: str) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("JupyterLab (scripts/lab.py ko) exited early")
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/status", headers={"Authorization": f"token {token}"}
            )
            urllib.request.urlopen(request, timeout=5).close()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer within {SERVER_START_TIMEOUT_S} s")


def test_make_lab_ko_opens_the_korean_start_page_with_korean_menus(playwright_browser, tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    env = {
        k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "JUPYTERLAB_SETTINGS_DIR")
    }
    env.update(
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    command = [
        sys.executable,
        str(SCRIPT),
        "ko",
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--ServerApp.token={token}",
    ]
    with open(tmp_path / "jupyterlab.log", "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            _wait_until_up(process, port, token)
            # the page the browser of `make lab` opens (jupyter_server's redirect page for
            # the file on the command line, whose folder becomes the served root) ...
            (opens,) = (tmp_path / "runtime").glob("jpserver-file-to-run-*-open.html")
            assert f"/lab/tree/00_start_here.ipynb?token={token}" in opens.read_text("utf-8")
            # ... is the Korean edition's start page
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/contents/00_start_here.ipynb",
                headers={"Authorization": f"token {token}"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                notebook = json.loads(response.read())["content"]
            title = "".join(notebook["cells"][0]["source"]).splitlines()[0]
            assert title.startswith("# 시작하기"), title

            page = playwright_browser.new_page()
            try:
                page.goto(f"http://127.0.0.1:{port}/lab?reset&token={token}")
                menu_bar = page.locator(".lm-MenuBar-itemLabel")
                menu_bar.first.wait_for(timeout=30_000)
                labels = menu_bar.all_inner_texts()
                assert labels[0] == "파일", labels
                assert "실행" in labels and "커널" in labels, labels
            finally:
                page.close()
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
