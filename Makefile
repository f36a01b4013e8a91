# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/niger-2023
OUT ?= out/niger-2023
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval eval-t17 system-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsweave brief $(CORPUS) --out $(OUT)

# The T17 scorer runs the ROUGE-1.5.5 Perl script, which needs Perl's XML::DOM (Debian: libxml-dom-perl).
system-deps:
	@perl -MXML::DOM -e 1 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml-dom-perl; \
	  else echo "Perl's XML::DOM is missing: sudo apt-get install libxml-dom-perl" >&2; exit 1; fi; }

test: $(STAMP) system-deps
	$(BIN)/ruff check src tests $(wildcard bench eval)
	$(BIN)/mypy
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench eval)
	$(BIN)/ruff format --check src tests $(wildcard bench eval)

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py

# TempEval-3: tag the platinum input into PLATINUM_OUT, score the reported TBAQ part, time it against HeidelTime.
PLATINUM_OUT ?= out/te3-platinum
TE3 := ../shared/data/tempeval3

eval: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[eval]'
	$(BIN)/python eval/tempeval3.py predict $(TE3)/te3-platinum-input $(PLATINUM_OUT)
	$(BIN)/python eval/tempeval3.py split --write out/te3-split
	$(BIN)/python eval/tempeval3.py predict out/te3-split/AQUAINT-report out/te3-aquaint-report
	$(BIN)/python eval/tempeval3.py score out/te3-split/AQUAINT-report out/te3-aquaint-report
	$(BIN)/python bench/timex.py

# Timeline summarisation on the 12 T17 development timelines (analysed articles cached in /tmp).
T17 ?= ../shared/data/tls-t17/raw
eval-t17: $(STAMP) system-deps
	$(BIN)/python eval/t17.py predict $(T17) out/t17 --cache /tmp/newsweave-t17-cache
	$(BIN)/python eval/t17.py score $(T17) out/t17

clean:
	rm -rf $(VENV) out

.PHONY: bench-corpus bench-stories
bench-corpus: $(STAMP)
	$(BIN)/python bench/corpus.py --repeat 3

bench-stories: $(STAMP)
	$(BIN)/python bench/stories.py
