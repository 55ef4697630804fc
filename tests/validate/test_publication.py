"""The release record (releases.yaml), broken on purpose: a release names a reported month, after its end."""

from minsheng.cli import main

from .test_ledger import edit


def test_release_of_an_unreported_month_or_before_month_end(data_copy, capsys):
    path = data_copy / "2024" / "releases.yaml"
    edit(path, "- month: 2024-04\n    date: 2024-05-10", "- month: 2024-03\n    date: 2024-05-10")
    edit(path, "date: 2024-06-10", "date: 2024-05-20")
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "releases.yaml 第3行第5列：错误[unknown-reference] 字段 发布记录 › 第1项 › 月份（releases[0].month）：没有这个月份的月报" in out
    assert "发布日期不晚于该月月底；发现的值：“2024-05-20”" in out
