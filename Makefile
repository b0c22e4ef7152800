PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED := ../shared

.PHONY: help install system run test eval fuzz bench report clean

help:  ## list the targets (plain `make`)
	@echo "make install   create .venv and install the package with its test extras"
	@echo "make run       install, then: extract seeds/ --json"
	@echo "make system    Debian packages some tests drive (chromium, tmux), when missing"
	@echo "make test      install and system, then the whole test suite (pytest)"
	@echo "make eval      score seeds, dev and dev2 against the shared gold sets"
	@echo "make fuzz      10,000 random texts through the extractor"
	@echo "make bench     the benchmark (docs/performance.md; BENCH_ARGS=--quick)"
	@echo "make report    the seeds' HTML report in headless Chromium: docs/report.png"
	@echo "make clean     remove .venv and build files"

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	@$(BIN)/pip install --quiet --upgrade pip >&2
	@$(BIN)/pip install --quiet -e '.[test,html,dask]' >&2
	@touch $(STAMP)

install: $(STAMP)

run: install
	@$(BIN)/extract seeds/ --json

system:
	@bash tools/system-packages.sh

test: install system
	$(BIN)/pytest -q

eval: install
	@for set in seeds dev dev2; do \
	  if [ "$$set" = seeds ]; then in=seeds; else in=$(SHARED)/eval/$$set/texts; fi; \
	  echo "== $$set"; \
	  out=$$(mktemp); $(BIN)/extract $$in --json > $$out; \
	  $(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/gold/$$set.json $$out; rm -f $$out; \
	done

fuzz: install
	$(BIN)/python -m tests.fuzz --count 10000

bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

report: install system
	VNLAO_REPORT_PNG=$(CURDIR)/docs/report.png $(BIN)/pytest -q tests/views/test_html.py -k chromium

clean:
	rm -rf $(VENV) build *.egg-info
