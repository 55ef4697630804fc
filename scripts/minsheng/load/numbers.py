"""Read a number typed by a person into a spreadsheet cell.

Forgiving where the meaning is certain (full-width characters, stray spaces, thousands separators,
a trailing unit the column already implies), strict everywhere else: anything that could be read
two ways is refused with a reason.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

PLAIN = re.compile(r"^\d+(\.\d+)?$")
ASCII_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
LARGEST = 1e12  # no figure in a district's monthly report comes near this


@dataclass(frozen=True)
class Parsed:
    value: float | None  # None: the cell is empty (or the text was refused)
    changes: tuple[str, ...] = field(default=())  # what was normalised, in Chinese, for a notice
    error: str | None = None  # why the text was refused, in Chinese


EMPTY = Parsed(None)


def parse_number(text: str, suffixes: tuple[str, ...] = ()) -> Parsed:
    """Parse `text`; a trailing suffix from `suffixes` (e.g. "%", "万元") is dropped with a notice."""
    if not text:
        return EMPTY
    if ASCII_PLAIN.fullmatch(text) and float(text) <= LARGEST:  # most cells: a plain number, nothing to explain
        return Parsed(float(text))
    changes: list[str] = []
    normal = unicodedata.normalize("NFKC", text)
    if normal != text:
        changes.append("全角字符改为半角")
    stripped = re.sub(r"\s+", "", normal)
    if stripped != normal.strip():
        return Parsed(None, tuple(changes), "数字中间有空格，无法确定是一个数还是几个数")
    if stripped != normal:
        changes.append("去掉多余空格")
    if not stripped:
        return Parsed(None, tuple(changes))
    for suffix in sorted(suffixes, key=len, reverse=True):
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            stripped = stripped[: -len(suffix)]
            changes.append(f"去掉单位“{suffix}”")
            break
    if stripped.startswith("="):
        return Parsed(None, tuple(changes), "单元格是公式，请粘贴为数值")
    if stripped.startswith("-") and PLAIN.match(stripped[1:].replace(",", "")):
        return Parsed(None, tuple(changes), "不能为负数")
    if stripped.lower() in ("nan", "inf", "+inf", "-inf", "infinity", "#n/a", "#value!", "#div/0!"):
        return Parsed(None, tuple(changes), "不是有效的数（可能是公式出错）")
    if "," in stripped:
        if not THOUSANDS.match(stripped):
            return Parsed(None, tuple(changes), "逗号位置不符合千位分隔，无法确定是小数点还是分隔符")
        stripped = stripped.replace(",", "")
        changes.append("去掉千位分隔符")
    if not PLAIN.match(stripped):
        return Parsed(None, tuple(changes), _why_not(stripped, suffixes))
    value = float(stripped)
    if not math.isfinite(value) or value > LARGEST:
        return Parsed(None, tuple(changes), "数值过大")
    return Parsed(value, tuple(changes))


def _why_not(text: str, suffixes: tuple[str, ...]) -> str:
    if re.search(r"\d[eE][+-]?\d", text):
        return "科学计数法（如 1.2E+05）可能已丢失精度，请把单元格设为数值格式后重新填写"
    if re.search(r"[万亿千百]", text):
        return "带“万”“千”等数量词，无法确定单位" if "万元" not in suffixes else "本列单位已是万元，请只填数字"
    if re.search(r"\d", text):
        return "含有数字以外的文字或符号"
    return "不是数字"
