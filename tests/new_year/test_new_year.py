"""`minsheng new-year`: drafts of a year's list from its notice.

Run on the 2024 notice, the drafts must agree with the 51 items transcribed by hand (the agreement is
printed field by field); run on notices altered here, they must follow the altered text, not the 2024
data; a draft year validates with notices only, blocks nothing and leaves the 2024 site as it was.
"""

from __future__ import annotations

import filecmp
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import DATA, multiset_agreement, shipped
from minsheng.cli import main
from minsheng.errors import EntryError
from minsheng.new_year.new_year import decode_notice, draft
from minsheng.load.data_folder import load_data_folder

NOTICE = (DATA / "2024" / "notice.txt").read_text(encoding="utf-8")
PLAN, _ = shipped()
SHIPPED = {item.id: item for item in PLAN.years[2024].items}
DIGITS = "一二三四五六七八九"


def numeral(value: int) -> str:
    """1 … 99 as the notice prints them: 一, 十, 十二, 二十, 四十三."""
    tens, ones = divmod(value, 10)
    return (("" if tens < 2 else DIGITS[tens - 1]) + "十" if tens else "") + (DIGITS[ones - 1] if ones else "")


def test_drafts_of_the_2024_notice_agree_with_the_shipped_items(capsys):
    drafts = draft(PLAN, 2024, NOTICE)
    items = {record["id"]: record for record in drafts.items.values()}
    assert sorted(items) == sorted(SHIPPED)
    categories = {c["id"]: (c["number"], c["name"]) for c in drafts.notice["categories"]}
    shipped_categories = {c.id: (c.number, c.name) for c in PLAN.years[2024].notice.categories}
    same: Counter = Counter()
    totals: Counter = Counter()
    misses: list[str] = []
    for item_id, original in SHIPPED.items():
        drafted = items[item_id]
        checks = {
            "number": drafted["number"] == original.number,
            "category": categories[drafted["category"]] == shipped_categories[original.category],
            "level": drafted["level"] == original.level,
            "title": drafted["title"] == original.title,
            "source_text": drafted["source_text"] == original.source_text,
            "lead_units_text": drafted["lead_units_text"] == original.lead_units_text,
            "lead_units": drafted["lead_units"] == original.lead_units,
            "measures": drafted["measures"] == original.measures,
            "no_task": drafted.get("no_task", False) == original.no_task,
        }
        for name, ok in checks.items():
            totals[name] += 1
            same[name] += ok
            if not ok:
                misses.append(f"{item_id} {name}")
        targets = [i.target for i in original.indicators if i.target is not None]
        amounts = [p.amount for p in original.policy_parameters]
        drafted_targets = [i["target"] for i in drafted.get("indicators", [])]
        drafted_amounts = [p["amount"] for p in drafted.get("policy_parameters", [])]
        for name, wanted, got in (("indicator targets", targets, drafted_targets),
                                  ("standard amounts", amounts, drafted_amounts)):
            totals[name] += len(wanted)
            same[name] += multiset_agreement(wanted, got)
            if multiset_agreement(wanted, got) < len(wanted):
                misses.append(f"{item_id} {name}: {sorted(wanted)} drafted {sorted(got)}")
        # where the draft found a shipped target, does it read its unit and qualifier the same way?
        for indicator in original.indicators:
            match = [i for i in drafted.get("indicators", []) if i["target"] == indicator.target]
            if indicator.target is not None and match:
                totals["target units"] += 1
                same["target units"] += any(i["unit"] == indicator.unit for i in match)
                totals["target comparators"] += 1
                same["target comparators"] += any(i.get("comparator") == indicator.comparator for i in match)
    percent = {name: 100 * same[name] / totals[name] for name in totals}
    with capsys.disabled():
        print("\nnew-year on the 2024 notice, agreement with the shipped items:")
        for name in totals:
            print(f"  {name:20} {same[name]:3}/{totals[name]:3}  {percent[name]:5.1f}%")
        print("  differences: " + "; ".join(misses))
    report = ", ".join(f"{name} {value:.1f}%" for name, value in percent.items())
    for name in ("number", "category", "level", "title", "source_text", "lead_units_text", "lead_units", "measures",
                 "no_task"):
        assert percent[name] == 100, report + " | " + "; ".join(misses)
    assert percent["indicator targets"] >= 90 and percent["standard amounts"] >= 90, report
    assert totals["indicator targets"] == 68 and totals["standard amounts"] == 46  # every shipped figure counted


def renumbered_without_item_two(text: str) -> str:
    """The 2024 notice with item (二) dropped, the district items after it renumbered and 促进就业 printed as 2项."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("(二)"))
    end = next(i for i, line in enumerate(lines) if line.startswith("(三)"))
    lines[start:end] = []
    out, district = [], 0
    for line in lines:
        found = re.match(r"^\(([一二三四五六七八九十]+)\)", line)
        if found and not line.startswith("(五十)实施全民健身"):
            district += 1
            line = f"({numeral(district)})" + line[found.end():]
        out.append(line.replace("一、促进就业(3项)", "一、促进就业(2项)"))
    return "".join(out)


def test_drafts_follow_a_notice_with_an_item_dropped_and_the_rest_renumbered():
    drafts = draft(PLAN, 2024, renumbered_without_item_two(NOTICE))
    items = {record["id"]: record for record in drafts.items.values()}
    assert sorted(items) == [f"{n:02d}" for n in range(1, 50)] + ["c01"]
    assert (items["02"]["number"], items["02"]["title"]) == ("二", "实施放心家政行动")
    assert items["02"]["measures"] == SHIPPED["03"].measures
    assert [i["target"] for i in items["02"]["indicators"]] == [613, 275]
    assert items["49"]["title"] == "实施“食安名坊”培育行动" and items["49"]["number"] == "四十九"
    assert drafts.notice["categories"][0]["printed_count"] == 2
    assert [i["category"] for i in items.values()].count("employment") == 2
    # no longer printed twice: the note on (五十) is gone from both last items
    assert not any("都印为" in n["text"] for record in items.values() for n in record.get("data_notes", []))


def test_drafts_follow_changed_figures_and_two_lead_units():
    text = (NOTICE.replace("新增城镇就业1150人左右", "新增城镇就业1200人以上")
            .replace("按照1500元/人的标准发放求职创业补贴。(牵头单位:人社局)",
                     "按照1800元/人的标准发放求职创业补贴。(牵头单位:人社局、教育局)")
            .replace("分别达到 98%以上和 95%以上", "分别达到 99%以上和 96%以上"))
    items = {record["id"]: record for record in draft(PLAN, 2024, text).items.values()}
    first = items["01"]["indicators"][0]
    assert (first["target"], first["unit"], first["comparator"]) == (1200, "人", "以上")
    assert items["02"]["lead_units"] == ["hrss", "education"] and items["02"]["lead_units_text"] == "人社局、教育局"
    standards = items["02"]["policy_parameters"]  # the first paragraph says 1800, measure 2 still 1500
    assert [p["amount"] for p in standards] == [1800, 1500]
    assert standards[0]["review"][0].startswith("【候选标准】第一段：")
    assert standards[1]["review"][0].startswith("【候选标准】推进措施第2条：")
    assert [(i["target"], i["comparator"]) for i in items["27"]["indicators"][:2]] == [(99, "以上"), (96, "以上")]


def another_district(text: str) -> str:
    """The 2024 notice as if 徽州区 issued it for 2025, with one lead unit the unit table does not know and a
    category whose printed count is not the number of its items."""
    return (text.replace("2024", "2025").replace("黄山区", "徽州区")
            .replace("(牵头单位:司法局)", "(牵头单位:司法局、区数据资源局)")
            .replace("十、公共安全(5项)", "十、公共安全(6项)"))


@pytest.fixture
def drafted_2025(data_copy: Path, tmp_path: Path, capsys) -> Path:
    """data_copy with 2025 drafted from another_district(), through the command line, the notice in GB18030."""
    notice = tmp_path / "通知.txt"
    notice.write_bytes(another_district(NOTICE).encode("gb18030"))
    assert main(["new-year", "2025", "--notice", str(notice), "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert "按 GB18030 编码读取" in out and "51 个项目草稿" in out and "处待核对" in out
    return data_copy


def test_a_new_year_follows_its_own_text_and_validates_with_notices_only(drafted_2025, capsys):
    folder = drafted_2025 / "2025"
    assert (folder / "notice.txt").read_text(encoding="utf-8") == another_district(NOTICE)  # verbatim, now UTF-8
    notice = yaml.safe_load((folder / "notice.yaml").read_text(encoding="utf-8"))
    assert notice["year"] == 2025 and notice["title"].startswith("徽州区民生工作领导小组办公室关于2025年")
    assert notice["document_number"] == "黄民生办〔2025〕4号" and str(notice["published"]) == "2025-04-08"
    assert [str(m["by"]) for m in notice["schedule"]["milestones"]] == ["2025-06-30", "2025-10-31", "2025-12-31"]
    assert [m.get("overall_progress") for m in notice["schedule"]["milestones"]] == [70, None, 100]
    assert any("6项" in n["text"] and "5项" in n["text"] for n in notice["data_notes"])
    item = yaml.safe_load((folder / "items" / "16.yaml").read_text(encoding="utf-8"))
    assert item["lead_units"][0] == "justice" and item["lead_units"][1] == "new-2025-1"
    assert any("全办理" in note["text"] for note in item["data_notes"])  # a lost character, noted
    assert yaml.safe_load((folder / "items" / "22.yaml").read_text(encoding="utf-8"))["no_task_text"] == "2025年徽州区无任务"
    units = yaml.safe_load((drafted_2025 / "units.yaml").read_text(encoding="utf-8"))["units"]
    assert units[-1]["id"] == "new-2025-1" and units[-1]["name"] == "区数据资源局" and units[-1]["review"]

    assert main(["validate", "--data", str(drafted_2025)]) == 0
    out = capsys.readouterr().out
    assert "0 个错误，0 个警告" in out
    assert "data/2025/notice.yaml：提示[review] 2025 年度是草稿，还有" in out and "其中 1 处在牵头单位表中" in out
    assert "data/units.yaml 第" in out and "区数据资源局" in out
    assert re.search(r"2025/notice\.yaml 第\d+行第\d+列：提示\[category-count\]", out)  # a defect to decide, not an error
    assert "2025/items/16.yaml 第" in out and "提示[review]" in out

    before = {p: p.read_bytes() for p in sorted(drafted_2025.rglob("*")) if p.is_file()}
    assert main(["new-year", "2025", "--notice", str(folder / "notice.txt"), "--data", str(drafted_2025)]) == 1
    assert "不会覆盖已有的年度" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in sorted(drafted_2025.rglob("*")) if p.is_file()} == before

    assert main(["new-month", "2025-05", "--data", str(drafted_2025)]) == 1  # no reports on a draft
    assert "还是草稿" in capsys.readouterr().err


def test_a_draft_year_leaves_the_2024_site_as_it_was(drafted_2025, tmp_path):
    from minsheng.compute.portal import portals
    from minsheng.render import write_site
    from minsheng.validate import validate_data

    docs = []
    for name, data in (("shipped", DATA), ("drafted", drafted_2025)):
        plan, report = validate_data(data)
        assert report.ok
        site = portals(plan)
        assert site.current.notice.year == 2024 and len(site.years) == 1  # the draft is not published
        write_tables = write_site(site, DATA.parent / "content", tmp_path / name / "docs", tmp_path / name / "jieba_user.txt")
        write_tables(tmp_path / name / "fills.json")
        docs.append(tmp_path / name)
    assert (tmp_path / "shipped" / "jieba_user.txt").read_bytes() == (tmp_path / "drafted" / "jieba_user.txt").read_bytes()
    compared = filecmp.dircmp(*docs)
    differing = []

    def walk(node: filecmp.dircmp, path: str = "") -> None:
        differing.extend(f"{path}{name}" for name in node.diff_files + node.left_only + node.right_only)
        for name, child in node.subdirs.items():
            walk(child, f"{path}{name}/")

    walk(compared)
    assert differing == []


def test_once_reviewed_a_new_year_is_checked_in_full_and_shown(data_copy, capsys):
    assert main(["new-year", "2025", "--notice", str(DATA / "2024" / "notice.txt"), "--data", str(data_copy)]) == 0
    folder = data_copy / "2025"
    # lines deleted without the work they ask for: the checks a draft is spared come back as errors
    for path in (folder / "items").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n *review:\n( +- .*\n)+", "\n", text), encoding="utf-8")
    notice = folder / "notice.yaml"
    notice.write_text(re.sub(r"\nreview:\n( +- .*\n)+", "\n", notice.read_text(encoding="utf-8")), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "2025/items/01.yaml" in out and "受益群体（groups）：内容为空" in out and "能得到什么" in out
    # the review done as 2024's was: the shipped items in place of the drafts
    for item_id, path in ((p.stem, p) for p in (folder / "items").glob("*.yaml")):
        path.write_bytes((DATA / "2024" / "items" / f"{item_id}.yaml").read_bytes())
    assert main(["validate", "--data", str(data_copy)]) == 0
    plan, _ = load_data_folder(data_copy)
    assert plan.shown_year.year == 2025


def test_a_notice_is_read_as_utf8_or_gb18030_and_never_from_a_word_file():
    assert decode_notice(NOTICE.encode("gb18030"), "n.txt") == (NOTICE, "GB18030")
    assert decode_notice(b"\xef\xbb\xbf" + NOTICE.encode("utf-8"), "n.txt") == (NOTICE, "UTF-8")
    with pytest.raises(EntryError, match="另存为”纯文本"):
        decode_notice(b"PK\x03\x04" + b"\0" * 40, "n.docx")
    with pytest.raises(EntryError, match="网页源代码"):
        decode_notice("<!DOCTYPE html><html>通知</html>".encode(), "n.html")


def test_lead_units_with_full_names_keep_their_和_and_unknown_ones_become_one_draft_unit_each():
    from minsheng.new_year.new_year import _Units

    units = _Units(PLAN, 2025)
    assert units.match("区住房和城乡建设局")[0] == ["new-2025-1"]  # one name, not 区住房 and 城乡建设局
    assert units.match("教育局和财政局")[0] == ["education", "new-2025-2"]
    assert units.match("区住房和城乡建设局、人社局")[0] == ["new-2025-1", "hrss"]
    assert [unit["name"] for unit in units.added] == ["区住房和城乡建设局", "财政局"]


def test_a_notice_is_read_by_the_one_decoder_and_refused_with_its_line():
    """UTF-8 or GB18030 as Chinese Windows saves it; a file mixing the two is refused naming the first line that
    is not UTF-8, as a CSV file would be (load/csv_file.decode reads both)."""
    import pytest

    from minsheng.errors import UserError
    from minsheng.new_year.new_year import decode_notice

    text = "关于印发2024年民生实事的通知\n一、促进就业\n（一）稳定就业。\n"
    assert decode_notice(text.encode("utf-8-sig"), "通知.txt") == (text, "UTF-8")
    assert decode_notice(text.encode("gb18030"), "通知.txt") == (text, "GB18030")
    mixed = text.encode("utf-8") + "（二）技能培训。\n".encode("gb18030")
    with pytest.raises(UserError, match=r"通知\.txt 第4行：文件混用了 UTF-8 和其他编码.*另存为 UTF-8"):
        decode_notice(mixed, "通知.txt")
