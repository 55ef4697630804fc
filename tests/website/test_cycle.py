"""The yearly cycle on the site: the synthetic year (minsheng synth --cycle) shows every step; each item's rating
is the rule applied to the counts in the downloads (recomputed here, not by the code under test); every
candidate, elected or not, appears with its counts; the shipped 2024 year shows no step it did not have."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from conftest import DATA, generated_pages, generated_text, page_text
from minsheng.website.build import BESIDE

STATEMENT_2024 = "本年度的环节：实施。"


@pytest.fixture(scope="module")
def docs(cycle_year, tmp_path_factory) -> Path:
    return generated_pages(cycle_year, tmp_path_factory.mktemp("cycle-site") / "work")


def download(docs: Path, name: str) -> list[dict[str, str]]:
    with (docs.parent / BESIDE / "2024" / "downloads" / "data" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_cycle_page_shows_every_step_with_its_figures(docs):
    page = generated_text(docs, "2024/cycle")
    for heading in ("## 征集", "## 票决", "## 实施", "## 监督", "## 测评"):
        assert heading in page
    assert "本年度的环节：征集、票决、实施、监督、测评。" in page and "合成" in page
    proposals = download(docs, "cycle-proposals")
    assert f"共收到建议 **{sum(int(r['count']) for r in proposals)}** 件" in page
    assert all(set(r) >= {"year", "source", "category", "count", "outcome", "reason"} for r in proposals)
    assert list(proposals[0])[0] == "year"
    for row in download(docs, "cycle-oversight"):
        assert row["content"] in page
    # the proposals not taken, each with its reason, folded on a phone (the page's longest list)
    declined = page.split('??? note ms-fold "未采纳的建议及原因"', 1)[1].split("## 票决", 1)[0]
    not_taken = [r for r in proposals if r["outcome"] == "未采纳"]
    assert not_taken and all(f"| {r['category']} | {r['count']} | {r['reason']} |" in declined for r in not_taken)
    assert all(line.startswith("    |") for line in declined.splitlines() if "|" in line)  # inside the fold
    assert "[年度流程](cycle.md)" in generated_text(docs, "2024/index")  # reached from the year's page and the site map
    assert "[年度流程](../2024/cycle.md)" in generated_text(docs, "about/sitemap")


def test_every_candidate_appears_with_its_counts_and_the_rule_decides_who_is_elected(docs):
    page = generated_text(docs, "2024/cycle")
    rules = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))["rating"]
    members, seats = map(int, re.search(r"全体代表 (\d+) 人，候选项目 \d+ 个，名额 (\d+) 个", page).groups())
    candidates = download(docs, "cycle-candidates")
    ranked = sorted((r for r in candidates if int(r["for"]) * 100 > members * rules["elected_above"]),
                    key=lambda r: -int(r["for"]))
    assert {r["candidate"] for r in candidates if r["elected"] == "当选"} == {r["candidate"] for r in ranked[:seats]}
    assert len(candidates) > seats and "未当选" in {r["elected"] for r in candidates}  # 差额
    # every candidate, in a fold on a phone (the page's longest list after the declined proposals)
    chosen = sum(r["elected"] == "当选" for r in candidates)
    folded = page.split(f'??? note ms-fold "全部候选项目及得票（{len(candidates)} 个，当选 {chosen} 个）"', 1)[1].split("## 实施", 1)[0]
    for row in candidates:
        result = "**当选**" if row["elected"] == "当选" else "未当选"
        line = next(line for line in folded.splitlines() if line.startswith(f"    | {row['candidate']} "))
        assert line.endswith(f"| {row['for']} | {row['against']} | {row['abstain']} | {result} |"), line


def test_every_rating_shown_is_the_rule_applied_to_the_published_counts(docs):
    page = generated_text(docs, "2024/cycle")
    rules = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))["rating"]
    members = int(re.search(r"对每个项目测评（全体代表 (\d+) 人）", page).group(1))
    record = generated_text(docs, "2024/record")
    group = generated_text(docs, "groups/everyone")  # 与我有关: every synthetic item serves everyone
    seen = set()
    for row in download(docs, "cycle-ratings"):
        satisfied, fair = int(row["satisfied"]), int(row["fair"])
        expected = ("满意" if satisfied * 100 > members * rules["satisfied_above"] else
                    "不满意" if (satisfied + fair) * 100 <= members * rules["unsatisfied_at_most"] else "基本满意")
        seen.add(expected)
        assert row["rating"] == expected
        counts = f"满意{satisfied}票，基本满意{fair}票，不满意{row['unsatisfied']}票，弃权{row['abstain']}票；按规则评为{expected}"
        item = generated_text(docs, f"2024/items/{row['item']}")
        assert counts in item  # the item's timeline
        assert f"| {row['satisfied']} | {row['fair']} | {row['unsatisfied']} | {row['abstain']} | **{expected}** |" in page
        assert re.search(rf"items/{row['item']}\.md\).*\| {expected} \|$", record, re.M)
        assert f"测评：**{expected}**（满意{satisfied}票，基本满意{fair}票，不满意{row['unsatisfied']}票，弃权{row['abstain']}票）" in group
        if expected != "满意":  # what followed a rating below 满意
            assert "- **整改**：" + row["follow_up"] in item
    assert seen == {"满意", "基本满意", "不满意"}


def test_the_shipped_year_says_which_steps_it_had_and_shows_none_it_did_not(built_site):
    assert STATEMENT_2024 in page_text(built_site, "2024")
    assert not (built_site / "2024" / "cycle").exists()
    assert not list((built_site / "2024" / "downloads" / "data").glob("cycle-*"))
    record = page_text(built_site, "2024/record")
    assert "票决" not in record and "测评" not in record
    assert "从征集到测评" not in page_text(built_site, "2024/items/01")


def test_the_feed_announces_each_step_as_it_was_made_public(docs):
    feed = (docs / "feed.xml").read_text(encoding="utf-8")
    titles = re.findall(r"<title>(2024年[^<]*)</title>", feed)
    assert titles[:2] == ["2024年民生实事征集结果", "2024年民生实事票决结果"] and titles[-1] == "2024年民生实事满意度测评结果"
    assert {"2024年民生实事项目调整（项目0001）", "2024年民生实事人大督办建议"} <= set(titles)
    assert "<link href=\"2024/cycle/\"" in feed
