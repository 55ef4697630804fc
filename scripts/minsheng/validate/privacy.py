"""Privacy guard: no resident ID number, mobile number or bank card number is ever published.

政府信息公开条例 Art. 15 and PIPL Art. 28: personal information is not disclosed. The guard looks at
every free text the office writes (notes, corrections, problem descriptions and resolutions, revision
notes, item texts) and refuses resident ID numbers, mainland mobile numbers and bank card numbers,
written the way people write them.

How a text is read:

1. Normalised once: NFKC turns full-width digits, plus signs, brackets, hyphens, dots, X and spaces into
   ASCII (１３９－１２３４ → 139-1234), and a number that Excel wrote in scientific notation
   (3.40102199001011e+17) is written out digit for digit (340102199001011000), by string, never through
   a float, so no digit changes.
2. Numbers are found as digit groups joined by a separator: a space, or one of - . · (spaces around it
   allowed). A group may end in X, the check character of an ID. "+86 139 1234 5678", "139-1234-5678",
   "340102 19900101 123X" and "6222 0212 3456 7890 128" are each one run of groups.
3. In a run, the leftmost, longest stretch of whole groups that is a personal number is refused, and the
   search goes on after it, so two numbers side by side are both found. In a stretch of several groups,
   every group but the last has at least three digits: dates (2024-07-31) and amounts (12 345 元) are
   never joined into a longer number.
   - 居民身份证号码: 18 characters whose GB 11643-1999 check digit is right; or, by its shape, 18 characters
     that begin with an area code (a province code, then not 0000) and a birth date (19xx or 20xx, a real
     day), whatever the check digit: an ID with one digit mistyped still shows where and when a person was
     born, and an ID typed into an Excel number cell keeps 15 significant digits and arrives as 18 digits
     ending in 000 (or as 3.40102199001011e+17). Written in groups, it must also have that shape, so that
     unrelated numbers side by side are not taken for one.
   - 手机号码: 11 digits 1[3-9]…, also after 86 or 0086 (+86, (+86), 0086 …).
   - 银行卡号: 16–19 digits that pass the Luhn check, unbroken or in groups of four.

What passes, and why: masked forms (139****5678, 139 **** 5678, 340102********123X,
6222 **** **** 0128) — the * splits them into groups too short to be a number; landlines with their
area code (0559-5512345, (0559)5512345, 05595512345) — they start with 0, not with 1[3-9]; the 12345
hotline, amounts (1,234,567.89 — a comma is no separator), dates (20240731 is eight digits), document
numbers, percentages, item numbers, sums like 11.228 — too short; an 18-digit number whose check digit is
wrong and that Excel did not round (110105194912310021).

A message shows a found number as 139…5678（中间已隐去）: never the whole number, and never in the masked
form that is allowed, so that nobody copies the message back into the data thinking it is fine.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from ..load.data_folder import Year
from ..model import FUND_HEADERS, PROGRESS_HEADERS
from ..problems import Problem

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# The first two digits of an ID: provinces (GB/T 2260), and 71/81/82/83 of Taiwan, Hong Kong and Macao.
PROVINCES = frozenset({"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
                       "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
                       "63", "64", "65", "71", "81", "82", "83"})
# Excel's scientific notation of a whole number: one digit, a point, the other digits, e+ and the exponent.
_SCIENTIFIC = re.compile(r"(?<![0-9.])([0-9])\.([0-9]+)[eE]\+?([0-9]{1,2})(?![0-9])")
# A run of digit groups, each optionally ending in X, joined by a space or by - . · (spaces around allowed).
_GROUP = r"[0-9]+(?:[Xx](?![A-Za-z]))?"
_RUN = re.compile(rf"{_GROUP}(?:(?: *[-.·] *| +){_GROUP})*")
_SEPARATOR = re.compile(r" *[-.·] *| +")
_MOBILE = re.compile(r"(?:0086|86)?(1[3-9][0-9]{9})")
_LONGEST = 19  # no personal number has more digits: a stretch longer than this is not looked at


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


def born(number: str) -> bool:
    """An ID's first eight digits look like one: a province code, then a birth date in 19xx or 20xx."""
    if number[:2] not in PROVINCES or number[6:8] not in ("19", "20") or not number[6:14].isdigit():
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return True


def normalise(text: str) -> str:
    """Full-width forms to ASCII (NFKC), and Excel's scientific notation of a whole number written out."""
    def written_out(match: re.Match) -> str:
        first, rest, exponent = match.group(1), match.group(2), int(match.group(3))
        return first + rest + "0" * (exponent - len(rest)) if exponent >= len(rest) else match.group()
    return _SCIENTIFIC.sub(written_out, unicodedata.normalize("NFKC", text))


def _kind(groups: list[str]) -> tuple[str, str] | None:
    """(kind, number) when these groups, read together, are a personal number."""
    number = "".join(groups)
    grouped = len(groups) > 1
    if resident_id(number) and (born(number) or not grouped):
        return "居民身份证号码", number
    # By its shape: an area code and a birth date are personal whatever the check digit (one digit mistyped), and
    # an Excel number cell keeps 15 significant digits (…000)
    if re.fullmatch(r"[0-9]{17}[0-9Xx]", number) and born(number) and number[2:6] != "0000":
        return "居民身份证号码", number
    if mobile := _MOBILE.fullmatch(number):
        return "手机号码", mobile.group(1)
    if (16 <= len(number) <= 19 and number.isdigit() and luhn(number)
            and all(len(group) == 4 for group in groups[:-1])):
        return "银行卡号", number
    return None


def shown(number: str) -> str:
    """How a found number is named in a message: 139…5678（中间已隐去）, never whole, never like a mask."""
    return f"{number[:3]}…{number[-4:]}（中间已隐去）"


def personal_numbers(text: object) -> list[tuple[str, str]]:
    """(kind, the number as shown in messages) for each personal number in `text`.

    `text` is a string; a workbook cell's int or float is read as Python writes it (str), None as nothing."""
    if text is None or text == "":  # most notes and corrections are empty
        return []
    return [(kind, shown(number)) for kind, number, _, _ in _found(normalise(str(text)))]


def hidden(text: str) -> str:
    """`text` with each personal number in the allowed masked form (139****5678): for a published text
    that held one, quoted again in the 更正记录 when it is corrected. Text without one is unchanged."""
    normal, origin = "", []  # full-width forms as ASCII, each character's place in `text` kept
    for index, char in enumerate(text):
        ascii_ = unicodedata.normalize("NFKC", char)
        normal += ascii_
        origin += [index] * len(ascii_)
    pieces, last = [], 0
    for _, number, start, end in _found(normal):
        pieces += [text[last:origin[start]], number[:3] + "*" * (len(number) - 7) + number[-4:]]
        last = origin[end - 1] + 1
    return "".join(pieces) + text[last:]


def _found(normal: str):
    """(kind, number, start, end) of each personal number in normalised text: the leftmost, longest stretch of
    whole digit groups that is one, then on after it."""
    for run in _RUN.finditer(normal):
        groups, spans, position = _SEPARATOR.split(run.group()), [], 0
        for group in groups:
            position = run.group().index(group, position)
            spans.append((run.start() + position, run.start() + position + len(group)))
            position += len(group)
        start = 0
        while start < len(groups):
            longest = None
            for end in range(start + 1, len(groups) + 1):
                stretch = groups[start:end]
                if sum(map(len, stretch)) > _LONGEST or any(len(group) < 3 for group in stretch[:-1]):
                    break
                if named := _kind(stretch):
                    longest = (end, named)
            if longest:
                end, (kind, number) = longest
                yield kind, number, spans[start][0], spans[end - 1][1]
                start = end
            else:
                start += 1


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
                    for kind, number in personal_numbers(getattr(row, name, "")):
                        problems.append(Problem("privacy", file, f"含有{kind}，个人信息不得公开", value=number,
                                                expected="删去，或用遮挡形式（如 138****1234）", line=row.row,
                                                column=columns.get(name), field=headers[name]))
    for table in year.cycle_files.values():  # the cycle's texts: reasons, contents, decisions, responses
        for row in table.rows:
            for name, value in row.cells.items():
                for kind, number in personal_numbers(value if isinstance(value, str) else ""):
                    problems.append(Problem("privacy", table.file, f"含有{kind}，个人信息不得公开", value=number,
                                            expected="删去，或用遮挡形式（如 138****1234）", line=row.row,
                                            column=table.columns[name], field=table.header(name)))
    records = [(year.ledger_source, ("problems", index), entry, ("description", "resolution"))
               for index, entry in enumerate(year.ledger.entries if year.ledger else [])]
    records += [(year.revisions_source, ("revisions", index), revision,
                 ("note", *(name for name in ("old", "new") if isinstance(getattr(revision, name), str))))
                for index, revision in enumerate(year.revisions.revisions if year.revisions else [])]
    records += [(year.revisions_source, ("cycle", index), revision,
                 ("note", *(name for name in ("old", "new") if isinstance(getattr(revision, name), str))))
                for index, revision in enumerate(year.revisions.cycle if year.revisions else [])]
    records += [(year.item_sources[item.id], (), item, ("beneficiaries", "eligibility", "how_to_apply"))
                for item in year.items]
    for source, path, record, fields in records:
        for name in fields:
            for kind, number in personal_numbers(getattr(record, name) or ""):
                problems.append(source.problem("privacy", f"含有{kind}，个人信息不得公开", path + (name,), value=number,
                                               expected="删去，或用遮挡形式（如 138****1234）"))
    return problems

