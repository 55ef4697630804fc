"""Problems found in the data, and the report that collects them.

Modelled on frictionless-py's errors: every problem has a stable code, a position (file, line,
column, field), the value found and what was expected, and prints as one line of Chinese.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

# code → what the problem means, in Chinese (shown in the data dictionary and `minsheng validate --codes`)
CODES: dict[str, str] = {
    "encoding": "文件不是 UTF-8 编码的文本",
    "yaml-syntax": "YAML 语法错误",
    "yaml-duplicate-key": "同一层级出现重复的字段名",
    "yaml-alias": "使用了 YAML 锚点或别名（& 或 *），数据文件中不允许",
    "file-missing": "缺少必需的文件",
    "file-name": "文件名与记录编号不一致",
    "missing-field": "缺少必填字段",
    "unknown-field": "出现未定义的字段",
    "wrong-type": "值的类型不对",
    "wrong-value": "值不在允许范围内",
    "duplicate-id": "编号重复",
    "unknown-reference": "引用了不存在的编号",
    "category-count": "类别的项目数与通知不符",
    "not-verbatim": "原文字段与通知全文不一致",
    "number-mismatch": "序号与编号不一致",
    "no-task": "无任务项目的字段不一致",
    "percent-range": "百分比超出 0–100",
    "placeholder": "占位内容尚未填写",
    "csv-structure": "CSV 文件的结构不对（空文件、表头、列数、单元格）",
    "number": "数字无法读取，或被规范化（全角、千分位、单位）",
    "month": "月份文件的命名、年度或连续性不对",
    "duplicate-row": "同一项目（指标、资金来源）在一个月中出现多行",
    "missing-row": "项目或指标在本月缺少一行",
    "decrease": "累计数比上月小，但没有更正说明",
    "funds-order": "拨付资金超过到位资金",
    "far-above-target": "数值超过年度目标的3倍",
    "revision": "已发布的数字被改动，须登记并公布更正",
    "privacy": "含有身份证号、手机号或银行卡号等个人信息",
}


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None  # Chinese name, then the path: 目标值（indicators[0].target）
    value: object = None
    expected: str | None = None
    severity: str = "error"  # "error" stops the build; "warning" and "notice" are printed and allowed

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    def position(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" 第{self.line}行"
            if self.column is not None:
                where += f"第{self.column}列"
        return where

    def __str__(self) -> str:
        label = {"error": "错误", "warning": "警告", "notice": "提示"}[self.severity]
        parts = [f"{self.position()}：{label}[{self.code}]"]
        if self.field:
            parts.append(f" 字段 {self.field}：")
        else:
            parts.append(" ")
        parts.append(self.message)
        if self.value is not None:
            parts.append(f"；发现的值：{format_value(self.value)}")
        if self.expected:
            parts.append(f"；应为：{self.expected}")
        return "".join(parts) + "。"


def format_value(value: object, limit: int = 60) -> str:
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return f"“{text}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= limit else text[:limit] + "…"
    return str(value)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "notice"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code))

    def as_json(self) -> str:
        return json.dumps([asdict(p) for p in self.sorted()], ensure_ascii=False, indent=2, default=str)


def relative(path: Path, root: Path) -> str:
    """The path as office staff see it in the repository: relative to the data folder's parent."""
    try:
        inside = path.relative_to(root)  # by name, without asking the file system, for the many files in it
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve().parent).as_posix()
        except ValueError:
            return path.as_posix()
    return _folder_name(root.absolute()) + ("" if inside == Path() else "/" + inside.as_posix())


@cache
def _folder_name(root: Path) -> str:  # `root` made absolute first, so that a change of folder is a new entry
    return root.resolve().name
