"""`minsheng new-year 2025 --notice 票决.csv`: a year started from the deputies' vote had 征集 and 票决. Its cycle.yaml
says so, the vote's file is carried into cycle/candidates.csv with each elected candidate's item id, so that the year's
cycle (the vote table, each item's vote) is there once the drafts are reviewed; what the file cannot say is a review line."""

from __future__ import annotations

import csv

import yaml

from minsheng.cli import main
from minsheng.compute.cycle import year_cycle
from minsheng.validate import validate_data

VOTE = ("候选编号,项目编号,项目名称,主要内容,总投资（万元）,牵头单位,完成时限,赞成,反对,弃权,是否当选\r\n"
        "H01,,老旧小区改造,改造小区10个,800,区住建局,2025年12月底,150票,3,2,当选\r\n"
        "H02,,新建停车场,新建停车位200个,600,区城管局,2025年12月底,80,40,5,未当选\r\n"
        "H03,,助餐点,新建助餐点5个,120,区民政局,2025年10月底,140,5,10,当选\r\n")


def test_a_year_started_from_the_vote_records_its_proposals_and_vote_and_carries_the_vote_file(data_copy, tmp_path, capsys):
    vote = tmp_path / "票决.csv"
    vote.write_bytes(VOTE.encode("gb18030"))  # as Excel on Chinese Windows saves a CSV
    assert main(["new-year", "2025", "--notice", str(vote), "--data", str(data_copy)]) == 0
    printed = capsys.readouterr().out
    year = data_copy / "2025"
    assert "cycle.yaml" in printed and "candidates.csv" in printed
    cycle = yaml.safe_load((year / "cycle.yaml").read_text(encoding="utf-8"))
    assert cycle["steps"] == ["proposals", "vote", "implementation"]
    assert (cycle["vote"]["seats"], cycle["vote"]["members"]) == (2, 155)  # members: the most votes cast, to review
    with (year / "cycle" / "candidates.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["候选编号"], r["项目编号"], r["赞成"], r["是否当选"]) for r in rows] == [
        ("H01", "01", "150票", "当选"), ("H02", "", "80", "未当选"), ("H03", "02", "140", "当选")]
    notice = yaml.safe_load((year / "notice.yaml").read_text(encoding="utf-8"))
    assert any(line.startswith("【年度流程】") and "members" in line for line in notice["review"])

    plan, report = validate_data(data_copy)
    assert not [p for p in report.errors if "/2025/" in p.file], report.errors
    steps = year_cycle(plan.years[2025], plan.rules)
    assert steps.had == ("征集", "票决", "实施") and steps.candidate_count == 3 and steps.elected_count == 2
    assert {item: voted.row["for"] for item, voted in steps.item_vote.items()} == {"01": 150, "02": 140}
