"""Privacy guard: no resident ID number, mobile number or bank card number is ever published.

政府信息公开条例 Art. 15 and PIPL Art. 28: personal information is not disclosed. The guard looks at
every free text the office writes (notes, corrections, problem descriptions and resolutions) and
refuses an 18-digit resident ID whose GB 11643-1999 check digit is right, an 11-digit mainland mobile
number, and a 16–19 digit card number that passes the Luhn check. Masked forms (138****1234,
34**************12) have no run of digits long enough and pass.
"""

from __future__ import annotations

import re

from ..load.plan import Year
from ..model import FUND_HEADERS, PROGRESS_HEADERS
from ..problems import Problem

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
_DIGIT_RUNS = re.compile(r"(?<![0-9])[0-9]{11,19}[0-9Xx]?(?![0-9])")


def resident_id(text: str) -> bool:
    """An 18-character resident ID number (17 digits and a check digit or X) whose check digit is right."""
    if not re.fullmatch(r"[1-9][0-9]{16}[0-9Xx]", text):
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == text[17].upper()


def luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def personal_numbers(text: str) -> list[tuple[str, str]]:
    """(kind, the number masked) for each personal number in `text`."""
    found = []
    if not text:
        return found
    for match in _DIGIT_RUNS.finditer(text):
        run = match.group()
        if len(run) == 18 and resident_id(run):
            found.append(("居民身份证号码", _mask(run)))
        elif len(run) == 11 and re.fullmatch(r"1[3-9][0-9]{9}", run):
            found.append(("手机号码", _mask(run)))
        elif 16 <= len(run) <= 19 and run.isdigit() and luhn(run):
            found.append(("银行卡号", _mask(run)))
    return found


def _mask(number: str) -> str:
    """Shown in messages only masked, so the report itself leaks nothing: 138****1234."""
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def check_privacy(year: Year) -> list[Problem]:
    """Every personal number in the office's free text, named by file, row or line, and field."""
    problems = []

    for month in year.months:
        for rows, headers, file, columns in (
            (list(month.items.values()) + list(month.indicators.values()), PROGRESS_HEADERS, month.progress_file,
             month.progress_columns),
            (list(month.funds.values()), FUND_HEADERS, month.funds_file, month.funds_columns),
        ):
            for row in rows:
                for name in ("note", "correction"):
                    for kind, masked in personal_numbers(getattr(row, name, "")):
                        problems.append(Problem("privacy", file, f"含有{kind}，个人信息不得公开", value=masked,
                                                expected="删去，或用遮挡形式（如 138****1234）", line=row.row,
                                                column=columns.get(name), field=headers[name]))
    records = [(year.ledger_source, ("problems", index), entry, ("description", "resolution"))
               for index, entry in enumerate(year.ledger.problems if year.ledger else [])]
    records += [(year.revisions_source, ("revisions", index), revision, ("note",))
                for index, revision in enumerate(year.revisions.revisions if year.revisions else [])]
    records += [(year.item_sources[item.id], (), item, ("beneficiaries", "eligibility", "how_to_apply"))
                for item in year.items]
    for source, path, record, fields in records:
        for name in fields:
            for kind, masked in personal_numbers(getattr(record, name) or ""):
                problems.append(source.problem("privacy", f"含有{kind}，个人信息不得公开", path + (name,), value=masked,
                                               expected="删去，或用遮挡形式（如 138****1234）"))
    return problems
