"""The office's round trip: new-month → fill in Excel → import → validate, on a real .xlsx."""

from __future__ import annotations

import csv
from pathlib import Path


from minsheng.cli import main


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def remove_month(data: Path, month: str) -> None:
    """Take a month out as if it had never been reported nor published."""
    for kind in ("progress", "funds"):
        (data / "2024" / kind / f"{month}.csv").unlink()
        (data / "2024" / "published" / kind / f"{month}.csv").unlink(missing_ok=True)
    releases = data / "2024" / "releases.yaml"
    releases.write_text(releases.read_text(encoding="utf-8").split(f"  - month: {month}")[0], encoding="utf-8")


def test_new_month_prefills_every_row_from_the_month_before(data_copy, capsys):
    remove_month(data_copy, "2024-12")
    assert main(["new-month", "2024-12", "--data", str(data_copy)]) == 0
    new = rows(data_copy / "2024" / "progress" / "2024-12.csv")
    november = rows(data_copy / "2024" / "progress" / "2024-11.csv")
    assert [(r["项目编号"], r["指标编号"]) for r in new] == [(r["项目编号"], r["指标编号"]) for r in november]
    assert [r["截至月底累计"] for r in new] == [r["截至月底累计"] for r in november]
    assert all(r["更正说明"] == "" and r["报送状态"] == "" for r in new)
    assert rows(data_copy / "2024" / "funds" / "2024-12.csv")[0]["累计到位（万元）"] == \
        rows(data_copy / "2024" / "funds" / "2024-11.csv")[0]["累计到位（万元）"]
    raw = (data_copy / "2024" / "progress" / "2024-12.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # opens in Excel on Chinese Windows
    capsys.readouterr()
    assert main(["validate", "--data", str(data_copy)]) == 1  # pre-filled is not filled in
    out = capsys.readouterr().out
    assert "错误[unfilled] 这个月还没有填写：49 个项目的数字、金额都与上月（2024-11）相同，也没有写进展情况" in out
    assert out.count("错误[") == 1


def test_new_month_never_overwrites_a_published_month(data_copy, capsys):
    before = (data_copy / "2024" / "progress" / "2024-12.csv").read_bytes()
    for force in ([], ["--force"]):
        assert main(["new-month", "2024-12", "--data", str(data_copy), *force]) == 1
        err = capsys.readouterr().err
        assert "2024-12 已经发布，不能重新生成" in err and "minsheng export 2024-12 --xlsx" in err
    assert (data_copy / "2024" / "progress" / "2024-12.csv").read_bytes() == before


def test_new_month_refuses_gaps_overwrites_and_unknown_years(data_copy, capsys):
    remove_month(data_copy, "2024-12")
    assert main(["new-month", "2024-12", "--data", str(data_copy)]) == 0
    assert main(["new-month", "2024-12", "--data", str(data_copy)]) == 1
    assert "已存在，不会覆盖" in capsys.readouterr().err
    remove_month(data_copy, "2024-12")
    remove_month(data_copy, "2024-11")
    assert main(["new-month", "2024-12", "--data", str(data_copy)]) == 1
    assert "新月份应为 2024-11，不能跳月" in capsys.readouterr().err
    assert main(["new-month", "2025-01", "--data", str(data_copy)]) == 1
    assert "还没有 2025 年度的民生实事清单，不能填报 2025年1月 的月报。请联系网站的维护人员" in capsys.readouterr().err
    assert main(["new-month", "2024-13", "--data", str(data_copy)]) == 1
    assert "格式不对" in capsys.readouterr().err


def test_import_rejects_a_file_that_is_not_a_workbook(data_copy, tmp_path, capsys):
    fake = tmp_path / "report.xlsx"
    fake.write_text("项目编号,进展情况\n", encoding="utf-8")
    assert main(["import", str(fake), "--month", "2024-12", "--data", str(data_copy), "--force"]) == 1
    assert "错误[not-a-workbook] 这是 CSV 文件，不是 Excel 表格" in capsys.readouterr().out
    fake.write_bytes(b"PK\x03\x04" + b"\0" * 200)  # a damaged zip, as a broken download leaves it
    assert main(["import", str(fake), "--month", "2024-12", "--data", str(data_copy), "--force"]) == 1
    out = capsys.readouterr().out
    assert "错误[not-a-workbook] 这个文件已损坏" in out and "Error" not in out
