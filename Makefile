# Two commands on a fresh machine (Python >= 3.10 and make):
#   make lab    create .venv if needed, install, open JupyterLab on the start page
#               (make lab LANG=ko: the Korean edition, JupyterLab's menus in Korean)
#   make test   same set-up, then ruff, unit tests, browser tests (every notebook of both
#               editions run once in JupyterLab, its guarded outputs compared as nbval does)
# In class and on paper: make lecture NB=..., make book, make handouts.
# A second run does not reinstall: pip runs only when pyproject.toml is newer than
# the stamp file inside .venv.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.rnnlib-installed

START_PAGE := notebooks/00_start_here.ipynb
# The English edition (the source) and the Korean one (notebooks_ko/, kept in step by
# scripts/edition.py).
EDITIONS := notebooks notebooks_ko
NOTEBOOK_SOURCES = $(sort $(wildcard $(addsuffix /[0-9]*.py,$(EDITIONS))))
NOTEBOOKS = $(sort $(wildcard $(addsuffix /*.ipynb,$(EDITIONS))))
LINT_PATHS = $(wildcard rnnlib tests benchmarks scripts) $(wildcard $(addsuffix /*.py,$(EDITIONS)))

# Quieter Jupyter start-up; matplotlib's backend is chosen per process (tests: Agg,
# notebooks: `%matplotlib inline` in their first cell).
export JUPYTER_PLATFORM_DIRS := 1
# The course's matrices are small (tens to hundreds of units): OpenBLAS's thread
# hand-offs cost more than a second core saves, 3-10x slower on a busy 2-core machine
# and no faster on an idle one. One BLAS thread for everything make runs, lab included
# (kernels inherit it); override with `make ... OPENBLAS_NUM_THREADS=2`.
OPENBLAS_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Tests fail on a Korean message missing from rnnlib/messages.py instead of showing English.
TEST_ENV := RNNLIB_STRICT_MESSAGES=1

# pytest exits 5 when it collected nothing (e.g. no notebooks yet): not a failure here.
allow_no_tests = || { rc=$$?; if [ $$rc -eq 5 ]; then echo "(no tests collected)"; else exit $$rc; fi; }

# Test processes (pytest-xdist): the machine's two cores. Unit tests are shared out one by
# one, notebooks one whole notebook per worker, browser tests one test per worker (each
# worker starts its own JupyterLab and Chromium). TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
NBVAL_FLAGS := -p no:cacheprovider --nbval-lax --nbval-current-env \
	--nbval-sanitize-with notebooks/nbval_sanitize.cfg --nbval-cell-timeout=300

.PHONY: help setup lab test lint unit nbval browser chromium notebook notebooks bench pretrain \
	format glossary clean distclean lecture book handouts slides

help:
	@echo "make lab        open JupyterLab on $(START_PAGE) (sets up .venv first)"
	@echo "make lab LANG=ko   the Korean edition, with JupyterLab's menus in Korean"
	@echo "make test       ruff + unit tests + browser tests (runs every notebook; builds the book)"
	@echo "make nbval      the notebooks through nbval, without a browser"
	@echo "make lecture NB=notebooks/04_lstm_and_gru.ipynb   present a chapter as live slides"
	@echo "make book       static HTML book from the executed notebooks: build/book/index.html"
	@echo "make handouts   one PDF per chapter, printed from the book: build/handouts/"
	@echo "make slides NB=notebooks/NN_name.py   copy slide metadata/notes into the .ipynb (no run)"
	@echo "make notebook NB=notebooks/NN_name.py   build, execute and sync one notebook"
	@echo "make notebooks  the same for every notebook"
	@echo "make glossary   regenerate GLOSSARY.md from the chapters' glossary tables"
	@echo "make bench      library speed and notebook run/redraw times"
	@echo "make pretrain   train chapter 5's larger character model (10-15 min), write pretrained/"
	@echo "make format     ruff format + ruff check --fix"
	@echo "make clean      remove caches and results (keeps .venv); distclean also removes .venv"

# --- set-up ---------------------------------------------------------------------------

$(PY):
	bash scripts/ensure_venv.sh "$(PYTHON)" "$(VENV)"

$(STAMP): pyproject.toml | $(PY)
	@echo "Installing rnnlib and the course tools into $(VENV) (pyproject.toml changed or first run)..."
	$(PY) -m pip install --disable-pip-version-check -e ".[dev]"
	touch $@

setup: $(STAMP)

chromium:
	bash scripts/ensure_chromium.sh

# `make lab LANG=ko` opens the Korean edition (notebooks_ko/) with JupyterLab's menus in
# Korean, for that launch only (scripts/lab.py). LANG is also the shell's locale variable, and
# make would hand a command-line LANG=ko on to JupyterLab and its kernels, where "ko" is no
# locale (Python's locale.setlocale(LC_ALL, "") fails on it). So a LANG given on make's
# command line only chooses the edition and is not exported; a LANG from the environment
# (the user's locale) is left alone and the edition is English.
ifeq ($(origin LANG),command line)
EDITION := $(LANG)
unexport LANG
else
EDITION := en
endif

lab: $(STAMP)
	@case "$(EDITION)" in en|ko) ;; *) echo "make lab LANG=$(EDITION): the editions are en and ko"; exit 2;; esac
	$(PY) scripts/lab.py $(EDITION) $(if $(filter 0,$(shell id -u)),--allow-root)

# --- tests ------------------------------------------------------------------------------

# The notebooks are executed once, by the browser test (a fresh kernel per notebook, every
# error fails it, tagged outputs compared with the committed ones: what nbval checks).
# Without a browser (the browser tests then skip, except under CI=true) nbval executes
# them instead, so no notebook goes untested.
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
test: setup chromium lint unit
	@if [ -x "$(CHROMIUM)" ]; then $(MAKE) --no-print-directory browser; \
	else echo "No browser at $(CHROMIUM): notebooks through nbval instead."; \
	$(MAKE) --no-print-directory nbval browser; fi
	@echo "make test: all checks passed."

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

unit: $(STAMP)
	$(TEST_ENV) MPLBACKEND=Agg $(BIN)/pytest tests --ignore=tests/browser -q -n $(TEST_WORKERS) $(allow_no_tests)

nbval: $(STAMP)
	$(if $(NOTEBOOKS),env -u MPLBACKEND $(TEST_ENV) $(BIN)/pytest $(NBVAL_FLAGS) -n $(TEST_WORKERS) --dist loadfile $(NOTEBOOKS) $(allow_no_tests),@echo "(no notebooks)")

browser: $(STAMP) chromium book
	env -u MPLBACKEND $(TEST_ENV) $(BIN)/pytest tests/browser -v -rs --durations=0 -n $(TEST_WORKERS) --dist load $(allow_no_tests)

# --- lecture, book, handouts --------------------------------------------------------------

# LECTURE_ARGS="--no-browser --port 8899": print the address instead of opening a browser.
lecture: $(STAMP)
	@test -n "$(NB)" || { echo "usage: make lecture NB=notebooks/04_lstm_and_gru.ipynb"; exit 2; }
	env -u MPLBACKEND $(PY) scripts/lecture.py $(NB) $(LECTURE_ARGS)

book: $(STAMP)
	$(PY) scripts/build_book.py

handouts: book chromium
	$(PY) scripts/print_handouts.py

slides: $(STAMP)
	@test -n "$(NB)" || { echo "usage: make slides NB=notebooks/NN_name.py"; exit 2; }
	$(PY) scripts/sync_cell_metadata.py $(NB)

# --- notebooks --------------------------------------------------------------------------

notebook: $(STAMP)
	@test -n "$(NB)" || { echo "usage: make notebook NB=notebooks/NN_name.py"; exit 2; }
	env -u MPLBACKEND $(PY) scripts/execute_notebook.py $(NB)
	$(PY) scripts/build_glossary.py

notebooks: $(STAMP)
	env -u MPLBACKEND $(PY) scripts/execute_notebook.py $(NOTEBOOK_SOURCES)
	$(PY) scripts/build_glossary.py

glossary: $(STAMP)
	$(PY) scripts/build_glossary.py

bench: $(STAMP)
	$(PY) benchmarks/core.py --threads 1 2
	$(PY) benchmarks/char_rnn.py
	$(PY) benchmarks/sequence_length.py
	env -u MPLBACKEND $(PY) benchmarks/notebooks.py

# Chapter 5's pretrained character model: weights and training log, committed to the repo.
pretrain: $(STAMP)
	$(PY) scripts/pretrain_char_model.py

format: $(STAMP)
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)
	@echo "If a notebooks/*.py changed, rebuild its pair: make notebook NB=notebooks/NN_name.py"

clean:
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \
		-o -name .pytest_cache -o -name .hypothesis -o -name .ruff_cache \) -prune -exec rm -rf {} +
	rm -rf benchmarks/results build

distclean: clean
	rm -rf $(VENV)
