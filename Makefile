PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED := ../shared

.PHONY: install run test eval fuzz bench clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	@$(BIN)/pip install --quiet --upgrade pip >&2
	@$(BIN)/pip install --quiet -e '.[test,html,dask]' >&2
	@touch $(STAMP)

install: $(STAMP)

run: install
	@$(BIN)/extract seeds/ --json

test: install
	$(BIN)/pytest -q

eval: install
	@for set in seeds dev; do \
	  if [ "$$set" = seeds ]; then in=seeds; else in=$(SHARED)/eval/dev/texts; fi; \
	  echo "== $$set"; \
	  out=$$(mktemp); $(BIN)/extract $$in --json > $$out; \
	  $(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/gold/$$set.json $$out; rm -f $$out; \
	done

fuzz: install
	$(BIN)/python -m tests.fuzz --count 10000

bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
