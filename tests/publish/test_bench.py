"""`minsheng bench` on the shipped data: three builds measured, the table and the ratios printed."""

from __future__ import annotations

from conftest import DATA, ROOT
from minsheng.publish.bench import OURS, bench, table


def test_bench_measures_clean_unchanged_and_one_month_builds():
    [run] = bench(ROOT, DATA, [1], log=lambda *_: None)
    assert run.items == 51
    assert all(run.clean.seconds[stage] > 0 for stage in (*OURS, "mkdocs"))
    assert run.unchanged.files_made == 0 and run.unchanged.charts_drawn == 0
    assert 0 < run.one_month.files_made < run.clean.files_made
    assert run.largest_page_kb < 60 and run.search_index_kb > 0
    report = table([run])
    assert "| 随附数据 | 51 |" in report and "我们/mkdocs（全新）" in report and "重写文件" in report
