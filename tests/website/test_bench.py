"""`minsheng bench`: whole processes timed, the table and the ratios printed (on small synthetic data, once)."""

from __future__ import annotations

from conftest import DATA, ROOT
from minsheng.synthetic.synth import synth
from minsheng.website.bench import bench, table


def test_bench_times_whole_builds_and_mkdocs_alone_and_reports_our_part(tmp_path):
    """What the bench measures and prints, never how fast this machine is. It once also held MkDocs alone
    shorter than a whole build (which runs MkDocs and more): with one round each on two cores, whichever
    process other work falls on is the slower. With builds running beside it, as the other pytest-xdist
    worker's do, MkDocs alone took longer than the whole build in 2 of 10 trials here (6.08 s against 4.60 s).
    Speed is for `minsheng bench` to report, not for a test to time."""
    synth(12, 12, 1, tmp_path / "data", DATA)
    [run] = bench(ROOT, tmp_path / "data", [1], log=lambda *_: None, runs=1)
    assert run.items == 12
    assert run.clean > 0 and run.unchanged > 0 and run.mkdocs > 0
    assert run.ours(run.clean) == (run.clean - run.mkdocs) / run.mkdocs
    assert run.largest_page_kb < 60 and run.search_index_kb > 10 and run.peak_mb > 50
    report = table([run])
    assert f"| 随附数据 | 12 | {run.clean:.2f} | {run.unchanged:.2f} | {run.mkdocs:.2f} | " \
           f"{run.ours(run.clean):.2f} |" in report
