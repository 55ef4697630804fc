"""A month as the office does it, end to end: new-month → fill in Excel → import → validate → diff →
publish; then a published figure and a published note corrected through the month's own workbook
(export → edit with a 更正说明 → import → publish), and both shown on the 更正记录 page the build generates."""

from __future__ import annotations

import shutil


from conftest import DATA, generated_pages, generated_text
from minsheng.cli import main

from conftest import fill


def remove_december(data) -> None:
    for kind in ("progress", "funds"):
        (data / "2024" / kind / "2024-12.csv").unlink()
        (data / "2024" / "published" / kind / "2024-12.csv").unlink()
    releases = data / "2024" / "releases.yaml"
    releases.write_text(releases.read_text(encoding="utf-8").split("  - month: 2024-12")[0], encoding="utf-8")


def run(capsys, *args) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    return out.out


def test_a_month_from_new_month_to_a_corrected_publication(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    remove_december(data)
    book = tmp_path / "2024-12.xlsx"
    run(capsys, "new-month", "2024-12", "--xlsx", str(book), "--data", str(data))
    fill(book, {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1190},
                ("进展", "01", ""): {"进展情况": "全年新增城镇就业1190人"}})
    out = run(capsys, "import", str(book), "--month", "2024-12", "--force", "--data", str(data))
    assert "0 个错误" in out
    run(capsys, "validate", "--data", str(data))
    base = tmp_path / "before"
    shutil.copytree(DATA, base)
    remove_december(base)
    report = run(capsys, "diff", str(base), str(data), "--data", str(data))
    assert "新增月份：2024年12月" in report
    run(capsys, "publish", "2024-12", "--date", "2025-01-10", "--data", str(data))

    # a month later the office corrects published November: a figure and a note, through its own workbook
    november = tmp_path / "2024-11.xlsx"
    run(capsys, "export", "2024-11", "--xlsx", str(november), "--data", str(data))
    fill(november, {("进展", "01", "new-urban-jobs"): {"截至月底累计": 1111, "更正说明": "经复核，11月漏报1人"},
                    ("进展", "01", ""): {"进展情况": "11月新增就业人数已复核", "更正说明": "进展情况表述更正"}})
    bare = tmp_path / "bare.xlsx"
    shutil.copyfile(november, bare)
    fill(bare, {("进展", "01", ""): {"更正说明": None}})  # without its 更正说明 the note change is refused
    before = {p: p.read_bytes() for p in data.rglob("*.csv")}
    assert main(["import", str(bare), "--month", "2024-11", "--force", "--data", str(data)]) == 1
    assert "错误[revision]" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in data.rglob("*.csv")} == before
    run(capsys, "import", str(november), "--month", "2024-11", "--force", "--data", str(data))
    run(capsys, "publish", "2024-12", "--date", "2025-01-15", "--data", str(data))

    docs = generated_pages(data, tmp_path / "work")
    revisions = generated_text(docs, "2024/revisions")
    assert "经复核，11月漏报1人" in revisions and "1111" in revisions
    assert "进展情况表述更正" in revisions and "11月新增就业人数已复核" in revisions
    assert "经复核，11月漏报1人" in generated_text(docs, "2024/items/01")
