# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/niger-2023
OUT ?= out/niger-2023
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsweave brief $(CORPUS) --out $(OUT)

test: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench eval)
	$(BIN)/mypy
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench eval)
	$(BIN)/ruff format --check src tests $(wildcard bench eval)

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py

clean:
	rm -rf $(VENV) out

.PHONY: bench-corpus bench-stories
bench-corpus: $(STAMP)
	$(BIN)/python bench/corpus.py --repeat 3

bench-stories: $(STAMP)
	$(BIN)/python bench/stories.py
