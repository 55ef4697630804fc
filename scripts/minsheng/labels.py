"""Words and symbols the pages show for computed values (a status's: minsheng/status.py)."""

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
