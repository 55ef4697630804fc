"""An item's status in a month: what it is called, its symbol, its CSS class and its look in the status chart.

compute/progress.py decides which status an item has; the pages show its word and symbol (the symbol
carries the meaning without colour), portal.css colours its class, and render/charts.py draws its bars
in its chart style. The order of the members is the order of the status table and of the chart's stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The Okabe–Ito palette, safe for colour-blind readers: the charts' colours (render/charts.py)
OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "grey": "#6B6B6B", "black": "#000000"}


@dataclass(frozen=True)
class BarStyle:
    """How a status's bars look in the status chart: no two statuses are told apart by colour alone."""

    colour: str
    hatch: str  # SVG path of the marks on a 6 × 6 px tile ("" for none)
    ink: str  # the marks' colour, in contrast with `colour`


class Status(StrEnum):
    """Equal to its value ("done", …), so it reads and compares as the text it is stored as."""

    word: str
    symbol: str
    bar: BarStyle

    def __new__(cls, value: str, word: str, symbol: str, bar: BarStyle) -> Status:
        member = str.__new__(cls, value)
        member._value_ = value
        member.word, member.symbol, member.bar = word, symbol, bar
        return member

    DONE = "done", "已完成", "✔", BarStyle(OKABE_ITO["green"], "", "#ffffff")  # solid
    AHEAD = "ahead", "超序时", "▲", BarStyle(OKABE_ITO["blue"], "M0 6L6 0M-1 1L1 -1M5 7L7 5", "#ffffff")  # ／
    ON_PACE = "on_pace", "正常推进", "●", BarStyle(OKABE_ITO["sky"], "M0 0L6 6M-1 5L1 7M5 -1L7 1", "#000000")  # ＼
    BEHIND = "behind", "滞后", "▼", BarStyle(OKABE_ITO["orange"], "M0 3H6", "#000000")  # horizontal lines
    FAR_BEHIND = ("far_behind", "严重滞后", "✖",
                  BarStyle(OKABE_ITO["vermillion"], "M0 6L6 0M-1 1L1 -1M5 7L7 5M0 0L6 6M-1 5L1 7M5 -1L7 1", "#ffffff"))  # ×
    # after the year's deadline, short of its targets
    NOT_DONE = "not_done", "未完成", "◐", BarStyle(OKABE_ITO["black"], "M1 3H5", "#ffffff")  # short dashes
    NOT_REPORTED = ("not_reported", "未报送", "○",
                    BarStyle(OKABE_ITO["grey"], "M2.2 3a0.8 0.8 0 1 0 1.6 0a0.8 0.8 0 1 0 -1.6 0", "#ffffff"))  # dots
    QUALITATIVE = "qualitative", "定性任务", "◆", BarStyle(OKABE_ITO["purple"], "M3 0V6", "#000000")  # vertical lines
    NO_TASK = "no_task", "无任务", "—", BarStyle(OKABE_ITO["yellow"], "M0 3H6M3 0V6", "#000000")  # grid

    @property
    def css_class(self) -> str:
        """The class portal.css styles the status's badge by."""
        return f"ms-status--{self.value}"

    @property
    def paced(self) -> bool:
        """Measured against 序时进度: only before the year's deadline."""
        return self in PACED

    @property
    def lagging(self) -> bool:
        """Short of what the schedule asks by now."""
        return self in LAGGING


PACED = frozenset({Status.AHEAD, Status.ON_PACE, Status.BEHIND, Status.FAR_BEHIND})
LAGGING = frozenset({Status.BEHIND, Status.FAR_BEHIND, Status.NOT_DONE})  # short of what the schedule asks by now


def possible_statuses(ended: bool) -> tuple[Status, ...]:
    """The statuses a month can have: after the deadline done or not done, before it never not done."""
    return tuple(s for s in Status if (not s.paced if ended else s != Status.NOT_DONE))


def lagging_word(ended: bool) -> str:
    """What the items short of the schedule are called: 未完成 once the year's deadline has come, 滞后 before."""
    return Status.NOT_DONE.word if ended else Status.BEHIND.word
