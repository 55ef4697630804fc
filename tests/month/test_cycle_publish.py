"""A published step of the yearly cycle is kept as published, as a month is: `minsheng publish --cycle` records it,
a later change is refused until its row's 更正说明 says why, and the correction is recorded once and shown (the
年度流程 page, the 更正记录 page, the open data); a new oversight entry, or what followed a rating given since, is
news, not a correction."""

from __future__ import annotations

import csv

import yaml
from openpyxl import load_workbook

from conftest import edit_csv, generated_pages, generated_text
from minsheng.cli import main
from minsheng.website.build import BESIDE

NOTE = "计票复核后更正赞成票数（合成）"


def files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_published_step_changes_only_with_a_correction_note_and_the_correction_is_shown(cycle_copy, tmp_path, capsys):
    data, year = cycle_copy, cycle_copy / "2024"
    at = ["--data", str(data)]
    assert main(["publish", "--cycle", "2024", "--date", "2025-01-25", *at]) == 0
    released = yaml.safe_load((year / "releases.yaml").read_text(encoding="utf-8"))["cycle"]
    assert {r["file"] for r in released} == {"proposals", "candidates", "adjustments", "oversight", "ratings"}
    assert (year / "published/cycle/candidates.csv").read_bytes() == (year / "cycle/candidates.csv").read_bytes()
    assert main(["validate", *at]) == 0

    book = tmp_path / "年度流程.xlsx"
    assert main(["import", str(book), "--cycle", "2024", "--template", *at]) == 0
    workbook = load_workbook(book)
    vote = workbook["票决"]
    assert (vote["A2"].value, vote["H1"].value, vote["L1"].value) == ("H01", "赞成", "更正说明")
    before_votes = int(vote["H2"].value)
    vote["H2"].value = before_votes - 1  # a number cell, as Excel stores a typed number
    oversight = workbook["监督"]
    oversight.append(["2024-11-20", "视察", "", "视察年底收尾情况（合成）", "合成办公室", "", "", ""])
    workbook.save(book)
    before = files(year)
    capsys.readouterr()
    assert main(["import", str(book), "--cycle", "2024", *at]) == 1  # changed without saying why: nothing written
    printed = capsys.readouterr().out
    assert "年度流程.xlsx 工作表“票决” 第2行第8列：错误[revision] 字段 赞成：已发布的内容被改动但未登记更正" in printed
    assert "监督" not in printed and files(year) == before

    vote["L2"].value = NOTE
    workbook.save(book)
    assert main(["import", str(book), "--cycle", "2024", *at]) == 0
    printed = capsys.readouterr().out
    assert "correction-pending" in printed and "minsheng publish --cycle 2024" in printed
    assert main(["validate", *at]) == 1  # written, and waiting to be disclosed

    edit_csv(year / "cycle" / "ratings.csv", {"项目编号": "0002"}, {"整改情况": "已制定整改方案（合成）"})  # news
    edit_csv(year / "cycle" / "candidates.csv", {"候选编号": "H02"}, {"完成时限": "2024年11月底"})
    capsys.readouterr()
    assert main(["publish", "--cycle", "2024", "--date", "2025-02-10", *at]) == 1  # the other change has no note
    assert capsys.readouterr().err.endswith("所在行没有填写更正说明：cycle/candidates.csv “H02”这一行的完成时限（第3行）\n")
    edit_csv(year / "cycle" / "candidates.csv", {"候选编号": "H02"}, {"更正说明": "完成时限按公告更正（合成）"})

    assert main(["publish", "--cycle", "2024", "--date", "2025-02-10", *at]) == 0
    recorded = yaml.safe_load((year / "revisions.yaml").read_text(encoding="utf-8"))["cycle"]
    assert [(r["file"], r["row"], r["field"], r["old"], r["new"], r["note"], str(r["date"])) for r in recorded] == [
        ("candidates", "H01", "for", before_votes, before_votes - 1, NOTE, "2025-02-10"),
        ("candidates", "H02", "deadline", "2024年12月底", "2024年11月底", "完成时限按公告更正（合成）", "2025-02-10")]
    assert main(["validate", *at]) == 0

    docs = generated_pages(data, tmp_path / "work")
    title = next(row["项目名称"] for row in csv.DictReader((year / "cycle/candidates.csv").open(encoding="utf-8-sig"))
                 if row["候选编号"] == "H01")
    line = f"| 票决 | H01 {title} | 赞成 | {before_votes} | {before_votes - 1} | 2025年2月10日 | {NOTE} |"
    page = generated_text(docs, "2024/cycle")
    assert "## 更正记录" in page and line in page
    assert "## 年度流程的更正" in generated_text(docs, "2024/revisions") and line in generated_text(docs, "2024/revisions")
    assert "H01,for," in (docs.parent / BESIDE / "2024/downloads/data/cycle-revisions.csv").read_text(encoding="utf-8-sig")


def test_a_published_step_cannot_lose_a_row_or_be_deleted(cycle_copy, capsys):
    data, year = cycle_copy, cycle_copy / "2024"
    assert main(["publish", "--cycle", "2024", "--date", "2025-01-25", "--data", str(data)]) == 0
    assert main(["publish", "2024-01", "--date", "2024-02-10", "--data", str(data)]) == 0  # a month's keeps the cycle's
    releases = yaml.safe_load((year / "releases.yaml").read_text(encoding="utf-8"))
    assert [r["month"] for r in releases["releases"]] == ["2024-01"] and len(releases["cycle"]) == 5
    ratings = year / "cycle" / "ratings.csv"
    lines = ratings.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    ratings.write_text("".join(lines[:2] + lines[3:]), encoding="utf-8-sig")
    (year / "cycle" / "proposals.csv").unlink()
    capsys.readouterr()
    assert main(["validate", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert "data/2024/cycle/ratings.csv：错误[revision] 字段 满意：已发布的内容被改动但未登记更正（“0002”这一行的满意" in out
    assert "data/2024/published/cycle/proposals.csv：错误[revision] 已发布的年度流程文件被删除" in out
