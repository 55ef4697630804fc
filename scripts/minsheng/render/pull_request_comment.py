"""The pull request's comment (Markdown, in Chinese): what became of each workbook handed in, the
publication recorded, the data check, and the change report. Problems are placed as Excel shows them:
the sheet, the row number and the column letter."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..problems import CATALOGUE, Problem
from .pages import environment

# What to do, said for the browser route where the catalogue speaks of commands
IN_THE_BROWSER = {
    "correction-pending": "更正说明已写好。在本拉取请求说明的“发布日期：”后面填上更正公开的日期并保存，检查会登记这项更正，"
                          "合并后网站的“更正记录”会公开它（年度流程的更正，“发布月份：”写年度流程，如 2025年度流程）。",
    "revision": "已发布月份的内容被改动了。确是更正的，在 Excel 里同一行的“更正说明”中写明原因，再上传；不是要改的，改回原来的值"
                "（删去的行要恢复）。",
    "csv-structure": "表格的样子不对（缺工作表、表头被改动、有合并单元格，或不是 .xlsx 文件）。请用“取月报表格”生成的表格填写，"
                     "不增删列、不改表头；在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再上传。",
    "lost-zero": "项目编号被当成了数字（1 而不是 01），已按计划认出，不用改。",
    "edit-conflict": "您下载表格之后，同事已经交回了这个月，改了同一个格子（或一个说“无变化”、一个填了数）。先和同事核对应当是哪个值："
                     "同事的对，就把您表格里这个格子改回消息中“取表格时”的值再上传；您的对，请同事在他的表格里改回，"
                     "或请审核人在合并后用“取月报表格”重新取这个月的表格来改。",
}

# What is expected, said for the browser route where a check's message names a command
EXPECTED_IN_THE_BROWSER = {
    "correction-pending": "在本拉取请求说明的“发布日期：”后面填上更正公开的日期",
    "revision": "在 Excel 同一行的“更正说明”中写明原因后再上传；不是要改的，改回原来的值",
}


@dataclass
class Line:
    """One problem as a table row: where (sheet or file, row, column), what, the value found, what is expected."""

    where: str
    message: str
    value: str
    expected: str


def column_letter(number: int) -> str:
    """Excel's name of a column: 1 → A, 27 → AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def line(problem: Problem) -> Line:
    from ..problems import format_value

    where = problem.file
    if "工作表“" in where:
        where = "工作表“" + where.split("工作表“", 1)[1]  # the workbook is named by its section
    tabular = "工作表“" in where or where.endswith(".csv")
    if problem.line is not None:
        if tabular:
            where += f" 第 {problem.line} 行"
            if problem.column is not None:
                where += f" {column_letter(problem.column)} 列"
        else:
            where += f" 第{problem.line}行" + (f"第{problem.column}列" if problem.column is not None else "")
    if problem.field:
        where += f"（{problem.field}）"
    value = "" if problem.value is None else format_value(problem.value)
    expected = problem.expected or ""
    if "minsheng " in expected:
        expected = EXPECTED_IN_THE_BROWSER.get(problem.code, expected)
    return Line(where, problem.message, value, expected)


def lines(problems: list[Problem]) -> list[Line]:
    """The table's rows: one per problem, except items not yet filled in (unconfirmed), one row for all of a file's:
    while a second clerk's workbook is to come, they are many and say one thing."""
    result, waiting = [], {}
    for problem in problems:
        if problem.code == "unconfirmed":
            waiting.setdefault(problem.file, []).append(problem)
        else:
            result.append(line(problem))
    for file, found in waiting.items():
        items = "、".join(p.message.split("（", 1)[0].removeprefix("项目 ") for p in found)
        first = line(found[0])
        result.append(Line(first.where.split(" 第 ")[0] + "（报送状态）",
                           f"{len(found)} 个项目与上月相比没有任何变化，也没有写进展情况：{items}", "", first.expected))
    return result


def advice(problems: list[Problem]) -> list[tuple[str, str]]:
    """(title, what to do) for each kind of problem among `problems`, once each, in order of first appearance."""
    seen: dict[str, tuple[str, str]] = {}
    for problem in problems:
        if problem.code not in seen:
            kind = CATALOGUE[problem.code]
            seen[problem.code] = (kind.title, IN_THE_BROWSER.get(problem.code, kind.description))
    return list(seen.values())


def pull_request_comment(outcome, marker: str) -> str:
    """The comment for `outcome` (a github.inbox.Outcome), starting with the hidden `marker`."""
    env = environment()
    env.globals.update(lines=lines, advice=advice)
    return env.get_template("pull-request-comment.md.j2").render(
        marker=Markup(marker), outcome=outcome, changes=Markup(outcome.changes) if outcome.changes else None)
