"""The change report as Markdown (for a pull request's job summary and the terminal)."""

from __future__ import annotations

from ..compute.diff import YearDiff
from .pages import environment



def change_report(diffs: list[YearDiff], errors: list | None = None) -> str:
    """The report; `errors` are the new version's problems still to fix (e.g. unrecorded corrections)."""
    env = environment()
    return env.get_template("change-report.md.j2").render(diffs=diffs, errors=errors or [], error_count=len(errors or []))
