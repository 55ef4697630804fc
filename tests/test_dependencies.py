"""The two locks: requirements.lock pins what building needs (`make site` installs only it), requirements-test.lock
what the tests add (`make test` installs both). Each is closed: whatever a locked package needs is locked beside
it, or (for the tests) in the building lock, so neither install fetches an unpinned package."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement

from conftest import ROOT


def name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def lock(file: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / file).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.-]+==[A-Za-z0-9_.+-]+", line), f"{file}: {line!r} is not an exact pin"
            package, version = line.split("==")
            pins[name(package)] = version
    return pins


BUILD, TEST = lock("requirements.lock"), lock("requirements-test.lock")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def needs(package: str) -> set[str]:
    """What an installed package requires (no extras of its own), by name."""
    found = set()
    for text in metadata.requires(package) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.add(name(requirement.name))
    return found


def test_the_project_pins_are_in_their_lock():
    for wanted, pins in ((PROJECT["dependencies"], BUILD), (PROJECT["optional-dependencies"]["test"], TEST)):
        for text in wanted:
            requirement = Requirement(text.split("#")[0])
            assert pins.get(name(requirement.name)) in requirement.specifier, text


def test_no_package_in_both_locks():
    assert BUILD.keys() & TEST.keys() == set()


def test_each_lock_holds_what_its_packages_need_and_is_installed_as_pinned():
    for pins, allowed in ((BUILD, BUILD), (TEST, BUILD | TEST)):
        for package, version in pins.items():
            assert metadata.version(package) == version, package
            assert needs(package) - allowed.keys() == set(), package
