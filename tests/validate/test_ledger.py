"""The 问题销号 ledger, broken on purpose."""

from conftest import DATA
from minsheng.cli import main


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_ledger_shows_every_state():
    from minsheng.compute.ledger import ledger_at
    from minsheng.load.data_folder import load_data_folder
    import datetime as dt

    plan, _ = load_data_folder(DATA)
    states = {s.status for s in ledger_at(plan.years[2024].ledger.entries, dt.date(2024, 12, 31))}
    assert states == {"overdue", "open", "closed_late", "closed"}


def test_ledger_errors(data_copy, capsys):
    path = data_copy / "2024" / "problems.yaml"
    edit(path, "item: '40'", "item: '99'")
    edit(path, "unit: housing-construction", "unit: nobody")
    edit(path, "    resolution: 已整改到位，经牵头单位验收销号（样例）\n", "")
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "problems.yaml 第4行第5列：错误[unknown-reference] 字段 问题清单 › 第1项 › 项目编号（problems[0].item）：计划中没有这个项目" in out
    assert "责任单位不在单位表中；发现的值：“nobody”" in out
    assert "已销号的问题须写明销号情况" in out


def test_the_ledgers_key_is_the_files_own_though_its_entries_are_not_called_problems_in_the_code(data_copy, capsys):
    from minsheng.model import LedgerFile, file_keys

    assert file_keys(LedgerFile) == ["problems"]  # problems.yaml's key; a Problem is a validation finding
    edit(data_copy / "2024" / "problems.yaml", "problems:", "entries:")
    assert main(["validate", "--data", str(data_copy)]) == 1
    assert "以下字段之一：problems" in capsys.readouterr().out
