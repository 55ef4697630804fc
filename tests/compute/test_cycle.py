"""compute/cycle.py: the yearly cycle as pages show it; here, a recorded correction named as a reader knows the row."""

from __future__ import annotations

import datetime as dt

from minsheng.compute.cycle import year_cycle
from minsheng.load.data_folder import load_data_folder
from minsheng.model import CycleRevision, RevisionsFile


def test_a_corrections_row_names_the_item_and_the_candidate_not_only_their_ids(cycle_year):
    plan, _ = load_data_folder(cycle_year)
    year = plan.years[2024]
    items = {item.id: item for item in year.items}
    candidates = {row["candidate"]: row for row in year.cycle_files["candidates"].rows}
    oversight = next(row for row in year.cycle_files["oversight"].rows if row["item"])
    rows = ["0002", "H01", f"{oversight['date'].isoformat()}·{oversight['kind']}·{oversight['item']}",
            "群众·交通出行·未采纳"]
    files = ["ratings", "candidates", "oversight", "proposals"]
    year.revisions = RevisionsFile(cycle=[
        CycleRevision(date=dt.date(2025, 2, 1), file=file, row=row, field="note", old="旧", new="新", note="更正（测试）")
        for file, row in zip(files, rows)])

    named = [correction.row for correction in year_cycle(year, plan.rules).corrections]

    assert named == [items["0002"].numbered, f"H01 {candidates['H01']['title']}",
                     f"{oversight['date'].isoformat()}·{oversight['kind']}·{items[oversight['item']].numbered}",
                     "群众·交通出行·未采纳"]
    assert all(correction.record.row == row for correction, row in zip(year_cycle(year, plan.rules).corrections, rows))
