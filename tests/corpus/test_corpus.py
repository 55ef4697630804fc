"""A corpus of broken and hostile inputs. Each case either gets a clear error (file, position, value,
expected) and a non-zero exit, or is published safely as plain text; the case says which."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import edit_csv, shared_build, unpublish
from minsheng.cli import main

ITEM = Path("2024/items/01.yaml")
PROGRESS = Path("2024/progress/2024-12.csv")
FUNDS = Path("2024/funds/2024-12.csv")
NOTE = {"项目编号": "02", "指标编号": ""}


@dataclass(frozen=True)
class Case:
    name: str
    apply: Callable[[Path, Path], object]  # (data folder, scratch folder): breaks the data
    expect: str  # "error", "notice" (accepted, said so) or "safe" (published as plain text)
    code: str = ""  # the problem code expected in the output
    shown: str = ""  # for "safe": the text that must appear, literally, on the page of the item it is noted on
    text: str = ""  # for "safe": the note itself, as typed into the progress report


def write(relative: Path, content: str | bytes):
    def apply(data: Path, _: Path) -> None:
        path = data / relative
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return apply


def replace(relative: Path, old: str, new: str, encoding: str = "utf-8"):
    def apply(data: Path, _: Path) -> None:
        path = data / relative
        text = path.read_text(encoding="utf-8-sig")
        assert old in text, (relative, old)
        path.write_bytes(text.replace(old, new, 1).encode(encoding))
    return apply


def cell(relative: Path, match: dict, changes: dict):
    return lambda data, _: edit_csv(data / relative, match, changes)


def note(text: str, item: str = NOTE["项目编号"]):
    return cell(PROGRESS, {**NOTE, "项目编号": item}, {"进展情况": text})


def safe(name: str, text: str, shown: str) -> Case:
    """A note that validates and must be published as plain text, shown as `shown`."""
    return Case(name, note(text), "safe", shown=shown, text=text)


def progress_rows(transform):
    def apply(data: Path, _: Path) -> None:
        path = data / PROGRESS
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(transform(rows))
        path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    return apply







CASES = [
    # YAML
    Case("yaml-truncated", replace(ITEM, "measures:", 'measures: "未闭合'), "error", "yaml-syntax"),
    Case("yaml-tabs", replace(ITEM, "level: district", "level:\tdistrict\n\tcategory: x"), "error", "yaml-syntax"),
    Case("yaml-wrong-type-number", replace(ITEM, "target: 1150", "target: 很多"), "error", "wrong-type"),
    Case("yaml-wrong-type-list", replace(ITEM, "lead_units: [hrss]", "lead_units: hrss"), "error", "wrong-type"),
    Case("yaml-unquoted-id", replace(ITEM, 'id: "01"', "id: 01"), "error", "wrong-type"),
    Case("yaml-duplicate-key", replace(ITEM, "level: district", "level: district\nlevel: city"), "error",
         "yaml-duplicate-key"),
    Case("yaml-alias-bomb", write(ITEM, 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'), "error",
         "yaml-alias"),
    Case("yaml-not-utf8", lambda data, _: (data / ITEM).write_bytes((data / ITEM).read_text(encoding="utf-8")
                                                                    .encode("gb18030")), "error", "encoding"),
    Case("yaml-missing-field", replace(ITEM, "title: 促进重点群体稳定就业\n", ""), "error", "missing-field"),
    Case("yaml-unknown-field", replace(ITEM, "level: district", "level: district\nbudget: 100"), "error",
         "unknown-field"),
    Case("yaml-empty-file", write(ITEM, ""), "error", "wrong-type"),
    Case("yaml-top-level-list", write(ITEM, "- id: '01'\n"), "error", "wrong-type"),
    Case("yaml-date-as-text", replace(Path("2024/notice.yaml"), "by: 2024-06-30", "by: 六月底"), "error", "wrong-type"),
    Case("yaml-percent-over-100", replace(ITEM, "target: 60", "target: 160"), "error", "percent-range"),
    Case("yaml-byte-order-mark", lambda data, _: (data / ITEM).write_bytes(b"\xef\xbb\xbf" + (data / ITEM).read_bytes()),
         "notice"),
    # CSV
    Case("csv-missing-column", progress_rows(lambda rows: [r[:-1] for r in rows]), "error", "csv-structure"),
    Case("csv-extra-column", progress_rows(lambda rows: [r + ["x"] for r in rows]), "error", "csv-structure"),
    Case("csv-empty-file", write(PROGRESS, b""), "error", "csv-structure"),
    Case("csv-header-only", progress_rows(lambda rows: rows[:1]), "error", "missing-row"),
    Case("csv-mixed-encodings", lambda data, _: (data / PROGRESS).write_bytes(
        (data / PROGRESS).read_bytes() + "02,补充,,,,,,按计划推进,,\r\n".encode("gbk")), "error", "encoding"),
    Case("csv-excel-date-in-number", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"},
                                          {"截至月底累计": "2024/12/31"}), "error", "number"),
    Case("csv-formula", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"}, {"截至月底累计": "=1+1"}),
         "error", "number"),
    Case("csv-nan", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"}, {"截至月底累计": "NaN"}), "error",
         "number"),
    Case("csv-infinity", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"}, {"截至月底累计": "inf"}),
         "error", "number"),
    Case("csv-huge-number", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"}, {"截至月底累计": "9" * 30}),
         "error", "number"),
    Case("csv-negative", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"}, {"截至月底累计": "-3"}),
         "error", "number"),
    Case("csv-ambiguous-comma", cell(PROGRESS, {"项目编号": "01", "指标编号": "new-urban-jobs"}, {"截至月底累计": "1,15"}),
         "error", "number"),
    Case("csv-10mb-cell", note("长" * 10_000_001), "error", "csv-structure"),
    Case("csv-unclosed-quote", lambda data, _: (data / PROGRESS).write_bytes(
        (data / PROGRESS).read_bytes() + '02,"未闭合,,,,,,,,\r\n'.encode()), "error", ""),
    Case("csv-duplicate-row", progress_rows(lambda rows: rows + [rows[2]]), "error", "duplicate-row"),
    Case("csv-unknown-item", cell(PROGRESS, {"项目编号": "03", "指标编号": ""}, {"项目编号": "77"}), "error",
         "unknown-reference"),
    Case("csv-funds-disbursed-above", cell(FUNDS, {"项目编号": "01"}, {"累计拨付（万元）": "99999"}), "error", "funds-order"),
    Case("csv-funds-unknown-source", cell(FUNDS, {"项目编号": "01"}, {"资金来源": "县"}), "error", "not-an-option"),
    Case("csv-gbk", lambda data, _: (data / PROGRESS).write_bytes((data / PROGRESS).read_text(encoding="utf-8-sig")
                                                                  .encode("gbk")), "notice"),
    Case("csv-no-byte-order-mark", lambda data, _: (data / PROGRESS).write_bytes(
        (data / PROGRESS).read_text(encoding="utf-8-sig").encode()), "notice"),
    safe("csv-quotes-and-newlines", '他说"好"\r\n第二行', shown='他说"好" 第二行'),
    # XLSX, through `minsheng import`
    # Text that must be shown as typed
    safe("text-script", '<script>alert("x")</script>', shown='<script>alert("x")</script>'),
    safe("text-img-onerror", "<img src=x onerror=alert(1)>", shown="<img src=x onerror=alert(1)>"),
    safe("text-javascript-link", "[点我](javascript:alert(1))", shown="[点我](javascript:alert(1))"),
    safe("text-template", "{{ site.name }}{% if 1 %}x{% endif %}", shown="{{ site.name }}{% if 1 %}x{% endif %}"),
    safe("text-markdown-heading", "# 不是标题", shown="# 不是标题"),
    safe("text-markdown-table", "| a | b |", shown="| a | b |"),
    # Personal information
    Case("privacy-id-number", note("联系人身份证11010519491231002X"), "error", "privacy"),
    Case("privacy-mobile-spaces", note("如有疑问请联系 139 1234 5678"), "error", "privacy"),
    Case("privacy-mobile-dashes", note("联系电话：139-1234-5678"), "error", "privacy"),
    Case("privacy-mobile-full-width", note("联系电话：＋８６ １３９－１２３４－５６７８"), "error", "privacy"),
    Case("privacy-id-in-groups", note("身份证 340102 19900101 009X"), "error", "privacy"),
    Case("privacy-id-from-excel-number", note("身份证号 3.40102199001017e+17"), "error", "privacy"),
    safe("privacy-not-personal", "办公室 0559-5512345，热线 12345，手机 139 **** 5678，12 345 元，2024-07-31",
         shown="办公室 0559-5512345，热线 12345，手机 139 **** 5678，12 345 元，2024-07-31"),
]


SAFE = [case for case in CASES if case.expect == "safe"]
# Each safe case's note goes to an item of its own in the one build below (02, 03, …), so that each
# is checked on its own page.
SAFE_ITEMS = {case.name: f"{number:02d}" for number, case in enumerate(SAFE, start=2)}
LIVE_MARKUP = ("<script>alert", "<img src=x", 'href="javascript')


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case(case, draft_copy, tmp_path, capsys):
    case.apply(draft_copy, tmp_path)  # workbooks have a corpus of their own: tests/month/test_office_input.py
    code = main(["validate", "--data", str(draft_copy)])
    out = capsys.readouterr()
    printed = out.out + out.err
    if case.expect == "error":
        assert code == 1, printed[-2000:]
        assert f"错误[{case.code}]" in printed if case.code else "错误[" in printed
        line = next(line for line in printed.splitlines() if "错误[" in line)
        assert "：" in line and ("第" in line or "找不到" in line or "缺少" in line), line  # names where
        return
    assert code == 0, printed[-2000:]
    if case.code:
        assert f"提示[{case.code}]" in printed


@pytest.fixture(scope="session")
def safe_site(tmp_path_factory) -> Path:
    """One site built from a copy of the data (months as drafts) with every safe case's note on its own item:
    once per run for both pytest-xdist workers (conftest.shared_build)."""

    def with_notes(data: Path) -> None:
        unpublish(data)
        for case in SAFE:
            note(case.text, SAFE_ITEMS[case.name])(data, data.parent)

    return shared_build(tmp_path_factory, "corpus-safe", with_notes)


@pytest.mark.parametrize("case", SAFE, ids=lambda c: c.name)
def test_safe_case_is_published_as_plain_text(case, safe_site):
    raw = (safe_site / "2024" / "items" / SAFE_ITEMS[case.name] / "index.html").read_text(encoding="utf-8")
    assert not [markup for markup in LIVE_MARKUP if markup in raw]
    assert case.shown in html.unescape(raw)


def test_no_page_carries_a_note_as_live_markup(safe_site):
    """Notes may be quoted beyond their item's page (lists, bulletins): nowhere as markup."""
    pages = sorted(safe_site.rglob("*.html"))
    assert len(pages) > len(SAFE)
    assert [(path.relative_to(safe_site).as_posix(), markup) for path in pages
            for markup in LIVE_MARKUP if markup in path.read_text(encoding="utf-8")] == []
