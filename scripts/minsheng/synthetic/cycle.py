"""A synthetic year's whole cycle (`minsheng synth --cycle`): proposals, the deputies' vote with more candidates
than seats, an adjustment and a termination, oversight with answers, and the 测评 with items rated 满意,
基本满意 and 不满意 — every text marked 合成, for the demonstration site, the tests and the screenshots."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from ..model.cycle import CYCLE_FILES, SOURCES

VOTERS, RATERS = 180, 35  # 人代会 deputies, 常委会 members


def write_cycle(folder: Path, items: list, categories: dict[str, str], seed: int) -> None:
    """Write cycle.yaml and cycle/*.csv into the synthetic year `folder` for its `items` (category id → name)."""
    rng = random.Random(seed + 31)
    year = int(folder.name)
    (folder / "cycle.yaml").write_text(
        "# 合成测试数据，不是真实数据\n"
        "steps: [proposals, vote, implementation, oversight, rating]\n"
        "note: 本年度的全部环节都是程序合成的演示数据（合成），不是真实的征集、票决和测评。\n"
        f"proposals: {{start: {year - 1}-08-01, end: {year - 1}-09-30, published: {year - 1}-10-15}}\n"
        f"vote: {{date: {year}-01-20, body: 合成区第一届人民代表大会第三次会议（合成）, members: {VOTERS}, seats: {len(items)},"
        " announcement: 主席团公告第3号（合成）}\n"
        f"rating: {{date: {year}-12-20, body: 合成区人大常委会第二十次会议（合成）, members: {RATERS}}}\n", encoding="utf-8")
    rows: dict[str, list[list[object]]] = {stem: [] for stem in CYCLE_FILES}
    for name in sorted(set(categories.values())):
        for source in SOURCES[:3]:
            rows["proposals"].append([source, name, rng.randint(3, 40), "采纳", f"并入{name}类候选项目（合成）"])
        rows["proposals"].append([SOURCES[0], name, rng.randint(1, 9), "未采纳", "不属于本级政府职责，已转交有关部门（合成）"])
    losers = max(2, len(items) // 5)
    for index, item in enumerate(items):
        votes, against = rng.randint(140, 175), rng.randint(0, 5)
        rows["candidates"].append([f"H{index + 1:02d}", item.id, item.title, f"{item.title}的建设内容（合成）",
                                   rng.choice((120, 350, 800)), "合成牵头单位", f"{year}年12月底", votes,
                                   against, rng.randint(0, VOTERS - votes - against), "当选"])
    for index in range(losers):  # 差额: candidates over the seats, some with more than half the votes
        votes = rng.randint(70, 135)
        rows["candidates"].append([f"H{len(items) + index + 1:02d}", "", f"合成候选项目{index + 1}", "未当选的候选内容（合成）",
                                   rng.choice((90, 600)), "合成牵头单位", f"{year}年12月底", votes,
                                   rng.randint(10, 40), rng.randint(0, 5), "未当选"])
    ended = items[-1].id
    rows["adjustments"] = [
        [items[0].id, "调整", "年度目标调整为原目标的九成（合成）", "合成区人大常委会第十六次会议决定（合成）", f"{year}-08-28", f"{year}-09-02"],
        [ended, "终止", "建设用地未落实，终止实施（合成）", "合成区人大常委会第十六次会议决定（合成）", f"{year}-08-28", f"{year}-09-02"]]
    rows["oversight"] = [
        [f"{year}-06-18", "视察", "", "视察全部项目的推进情况（合成）", "合成办公室", "已逐项落实视察意见（合成）", f"{year}-07-10"],
        [f"{year}-09-12", "专题询问", items[1].id, "询问进度滞后的原因（合成）", "合成牵头单位", "已调整施工计划（合成）", f"{year}-09-30"],
        [f"{year}-10-08", "督办建议", items[2].id, "建议加快资金拨付（合成）", "合成牵头单位", "", ""]]
    for index, item in enumerate(items):
        if item.id == ended:
            continue
        kind = index % 7  # most 满意; a 基本满意 and a 不满意 among them
        satisfied = {3: 14, 5: 6}.get(kind, rng.randint(20, 33))
        fair = {3: 12, 5: 8}.get(kind, rng.randint(0, RATERS - satisfied - 1))
        unsatisfied = rng.randint(0, RATERS - satisfied - fair)
        follow = {3: "已制定整改方案，将于次年一季度再次报告（合成）", 5: "整改中，限期两个月后再次测评（合成）"}.get(kind, "")
        rows["ratings"].append([item.id, satisfied, fair, unsatisfied, RATERS - satisfied - fair - unsatisfied, follow])
    (folder / "cycle").mkdir()
    for stem, columns in CYCLE_FILES.items():
        with (folder / "cycle" / f"{stem}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([c.header for c in columns])
            writer.writerows([[cell.isoformat() if isinstance(cell, dt.date) else cell for cell in row]
                              + [""] * (len(columns) - len(row)) for row in rows[stem]])  # no 更正说明
