"""The pull request's comment places a problem as Excel shows it (the comment itself: tests/github/test_inbox.py,
which hands workbooks in as the office does)."""

from minsheng.problems import Problem
from minsheng.render.pull_request_comment import column_letter, line, lines


def test_excels_column_letters():
    assert [column_letter(n) for n in (1, 7, 26, 27, 52)] == ["A", "G", "Z", "AA", "AZ"]


def test_a_problem_in_a_sheet_is_placed_by_row_and_column_letter():
    problem = Problem("wrong-type", "inbox/2024-08.xlsx 工作表“进展情况”", "值的类型不对", line=5, column=28,
                      value="abc", expected="数字")
    assert (line(problem).where, line(problem).value) == ("工作表“进展情况” 第 5 行 AB 列", "“abc”")


def test_items_not_yet_filled_in_are_one_row_per_file():
    waiting = [Problem("unconfirmed", "outbox/2024-08.xlsx 工作表“进展情况”", f"项目 0{n}（与上月相同）", line=n + 1)
               for n in (1, 2)]
    [row] = lines(waiting)
    assert row.message.startswith("2 个项目与上月相比没有任何变化") and "01、02" in row.message
