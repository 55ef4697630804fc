# The project's commands. Each creates the virtual environment .venv on first use.
# `make site` builds the site from data/ into site/; `make test` runs every test.

VENV   := .venv
PYTHON := $(VENV)/bin/python
TOOL   := $(VENV)/bin/minsheng
STAMP  := $(VENV)/.installed

.PHONY: site test validate serve clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

validate: $(STAMP)
	$(TOOL) validate

site: $(STAMP)
	$(TOOL) build

serve: site
	@echo "预览：http://127.0.0.1:8000/ （Ctrl+C 结束）"
	$(PYTHON) -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP)
	$(PYTHON) -m pytest

clean:
	rm -rf site build
