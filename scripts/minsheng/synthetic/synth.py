"""`minsheng synth`: a synthetic data folder of any size, for benchmarks and scale tests.

It is written outside data/ (refused inside it), every text says 合成 and its site settings carry a
banner saying the figures are synthetic, so it can never be mistaken for the real list. The same seed
gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from ..data_writer import write_yaml
from ..load.data_folder import load_data_folder
from ..model import Unit
from ..errors import EntryError
from .cycle import write_cycle
from .sample import generate, generate_ledger
from ..month.month_files import write_month

CATEGORIES = ("就业", "社保", "救助", "教育", "卫生", "环境", "交通", "文体", "建设", "安全")
NUMERALS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """1 → 一, 10 → 十, 105 → 一百零五, 4321 → 四千三百二十一."""
    if number < 10:
        return NUMERALS[number]
    if number < 20:
        return "十" + (NUMERALS[number % 10] if number % 10 else "")
    text, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            text += ("零" if zero and text else "") + NUMERALS[digit] + unit
            zero = False
        elif text:
            zero = True
    return text


def synth(items: int, months: int, seed: int, out: Path, real_data: Path, cycle: bool = False) -> list[Path]:
    """Write the synthetic data folder; with `cycle`, the year has every step of the yearly cycle (cycle.py)."""
    if not 1 <= months <= 12:
        raise EntryError("月份数应在 1 到 12 之间")
    if items < len(CATEGORIES):
        raise EntryError(f"项目数至少为 {len(CATEGORIES)}")
    out = out.resolve()
    if out == real_data.resolve() or real_data.resolve() in out.parents:
        raise EntryError(f"合成数据不能写在 {real_data} 里，请换一个文件夹")
    if out.exists() and any(out.iterdir()):
        if not (out / "SYNTHETIC").exists():
            raise EntryError(f"{out} 不是空文件夹，也不是合成数据文件夹，不会覆盖")
        shutil.rmtree(out)
    rng = random.Random(seed)
    year = 2024
    folder = out / str(year)
    (folder / "items").mkdir(parents=True)
    (out / "SYNTHETIC").write_text("本文件夹的数据由 minsheng synth 合成，不是真实数据。\n", encoding="utf-8")
    shutil.copyfile(real_data / "units.yaml", out / "units.yaml")
    shutil.copyfile(real_data / "rules.yaml", out / "rules.yaml")
    shutil.copyfile(real_data / "groups.yaml", out / "groups.yaml")
    site = yaml.safe_load((real_data / "site.yaml").read_text(encoding="utf-8"))
    site |= {"name": "合成测试数据（非真实）", "sample_data": True,
             "sample_data_banner": "本站数据为程序合成的测试数据，不是真实项目"}
    _dump(out / "site.yaml", site)
    units = [Unit(**u) for u in yaml.safe_load((real_data / "units.yaml").read_text(encoding="utf-8"))["units"]]

    schedule = "6月底前总体进度达到70%、10月底前基本完成年度任务、12月底前高标准完成"
    reporting = "以后实行月度通报、问题提示、工作调度"
    lines = ["合成通知：全年民生实事（测试数据）", "", f"{schedule}。{reporting}。", ""]
    counts = [items // len(CATEGORIES) + (1 if index < items % len(CATEGORIES) else 0) for index in range(len(CATEGORIES))]
    categories, number = [], 0
    for index, (name, count) in enumerate(zip(CATEGORIES, counts)):
        categories.append({"id": f"c{index + 1}", "number": chinese(index + 1), "name": f"合成{name}",
                           "printed_count": count, "level": "district"})
        lines.append(f"{chinese(index + 1)}、合成{name}({count}项)")
        for _ in range(count):
            number += 1
            unit = units[rng.randrange(len(units))]
            target = rng.choice((10, 50, 120, 300, 1500))
            amount = rng.choice((500, 1000, 1500))
            paid = number % 3 != 0  # two items in three have a per-head standard
            standard = f",按{amount}元/人补助" if paid else ""
            first = f"({chinese(number)})合成项目{number},完成{target}人次服务{standard}。(牵头单位:{unit.name})"
            measure = f"合成项目{number}的推进措施。"
            lines += ["", first, "", "推进措施:", "", f"1.{measure}"]
            _dump(folder / "items" / f"{number:04d}.yaml", {
                "id": f"{number:04d}", "number": chinese(number), "level": "district", "category": f"c{index + 1}",
                "title": f"合成项目{number}", "lead_units": [unit.id], "lead_units_text": unit.name,
                "groups": ["everyone"], "source_text": first, "offer": f"合成项目{number}的服务。",
                "indicators": [{"id": "served", "name": "服务人次", "target": target, "unit": "人次", "kind": "count",
                                "source": f"完成{target}人次服务"}],
                "policy_parameters": [{"id": "subsidy", "name": "补助标准", "kind": "subsidy", "amount": amount,
                                       "unit": "元", "per": "人", "applies_to": "served", "paid_to": "person",
                                       "source": f"按{amount}元/人补助"}] if paid else [],
                "measures": [measure]})
    (folder / "notice.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _dump(folder / "notice.yaml", {
        "year": year, "title": "合成通知（测试数据）", "issuer": "合成办公室", "publisher": "合成办公室",
        "document_number": "合成〔2024〕1号", "published": dt.date(year, 13 - months, 1), "source_file": "notice.txt",
        "schedule": {"reporting": "monthly", "reporting_wording": reporting, "milestones": [
            {"by": dt.date(year, 6, 30), "overall_progress": 70, "label": "总体进度达到70%", "wording": "6月底前总体进度达到70%"},
            {"by": dt.date(year, 10, 31), "label": "基本完成年度任务", "wording": "10月底前基本完成年度任务"},
            {"by": dt.date(year, 12, 31), "overall_progress": 100, "label": "高标准完成", "wording": "12月底前高标准完成"}]},
        "categories": categories})
    plan, _ = load_data_folder(out)
    year_data = plan.years[year]
    written = []
    for month, (progress, funds) in generate(year_data, seed, plan.rules).items():
        written += write_month(folder, month, progress, funds)
    _dump(folder / "problems.yaml", {"problems": generate_ledger(year_data, seed)})
    if cycle:
        write_cycle(folder, year_data.items, {c["id"]: c["name"] for c in categories}, seed)
    return written


def _dump(path: Path, content: dict) -> None:
    write_yaml(path, content, "# 合成测试数据，不是真实数据\n")
