"""Words and symbols the pages show for computed values."""

# Status: its label, and a symbol that carries the meaning without colour.
STATUS = {
    "done": ("已完成", "✔"),
    "ahead": ("超序时", "▲"),
    "on_pace": ("正常推进", "●"),
    "behind": ("滞后", "▼"),
    "far_behind": ("严重滞后", "✖"),
    "not_done": ("未完成", "◐"),  # after the year's deadline, short of its targets
    "not_reported": ("未报送", "○"),
    "qualitative": ("定性任务", "◆"),
    "no_task": ("无任务", "—"),
}

# A problem of the 问题销号 ledger, as at a day.
LEDGER = {
    "overdue": "⚠ 逾期未销号",
    "open": "整改中",
    "closed_late": "逾期销号",
    "closed": "✔ 已销号",
}

# To whom a standard's money is paid (a policy parameter's paid_to).
PAID_TO = {
    "person": "本人",
    "institution": "拨给机构，不发给个人",
    "unstated": "通知未写明",
}
