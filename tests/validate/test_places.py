"""`minsheng validate` on the district's 乡镇 (data/places.yaml), the places an item names and a year's residents'
words (vocabulary.yaml): a wrong name or id is refused with its file, line, value and what was expected."""

from __future__ import annotations

from validate.test_plan import edit, line_of, validate


def test_a_place_not_on_the_list_is_refused_with_its_line(data_copy, capsys):
    item = data_copy / "2024" / "items" / "42.yaml"
    edit(item, "measures:\n", "places: [汤口镇, 汤口乡]\nmeasures:\n")
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(item, "places:")
    problem = next(p for p in out.splitlines() if "[unknown-reference]" in p and "42.yaml" in p)
    assert f"data/2024/items/42.yaml 第{line}行" in problem, problem
    assert "实施地点不在乡镇名单中" in problem and "“汤口乡”" in problem and "甘棠镇" in problem, problem
    assert "“汤口镇”" not in out  # a name on the list is accepted


def test_a_place_listed_twice_and_a_bad_name_are_refused(data_copy, capsys):
    places = data_copy / "places.yaml"
    edit(places, "{id: xinfeng, name: 新丰乡, kind: 乡}", "{id: xinfeng, name: 新丰乡, kind: 乡}\n"
                                                    "  - {id: xinfeng, name: 新丰, kind: 乡}")
    code, out = validate(data_copy, capsys)
    assert code == 1
    assert "乡镇名称" in out and "“新丰”" in out and "以“镇”或“乡”结尾" in out, out  # not a 镇 or 乡 name
    edit(places, "name: 新丰, kind", "name: 新丰乡, kind")
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(places, "{id: xinfeng, name: 新丰乡") + 1  # the second of the two
    problem = next(p for p in out.splitlines() if "[duplicate-id]" in p and "places.yaml" in p)
    assert f"第{line}行" in problem and "“xinfeng”" in problem and "与第 14 项重复" in problem, problem


def test_a_word_for_an_item_that_does_not_exist_is_refused(data_copy, capsys):
    vocabulary = data_copy / "2024" / "vocabulary.yaml"
    edit(vocabulary, '- items: ["50"]', '- items: ["50", "99"]')
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(vocabulary, '"99"]')
    problem = next(p for p in out.splitlines() if "vocabulary.yaml" in p and "错误" in p)
    assert f"第{line}行" in problem and "计划中没有这个项目" in problem and "“99”" in problem, problem


def test_the_shipped_data_names_no_place_for_any_item(data_copy, capsys):
    """The notice names no place: nothing in the shipped data may claim one until the office says so."""
    assert not any("places:" in p.read_text(encoding="utf-8") for p in (data_copy / "2024" / "items").glob("*.yaml"))


def test_a_village_is_listed_under_its_town_once_and_an_item_may_name_it(data_copy, capsys):
    places = data_copy / "places.yaml"
    edit(places, "{id: tangkou, name: 汤口镇, kind: 镇}", "{id: tangkou, name: 汤口镇, kind: 镇, villages: [山岔村, 芙蓉村]}")
    edit(places, "{id: gantang, name: 甘棠镇, kind: 镇}", "{id: gantang, name: 甘棠镇, kind: 镇, villages: [芙蓉村, 甘棠街]}")
    edit(data_copy / "2024" / "items" / "42.yaml", "measures:\n", "places: [山岔村]\nmeasures:\n")
    code, out = validate(data_copy, capsys)
    assert code == 1
    line = line_of(places, "{id: gantang")
    problem = next(p for p in out.splitlines() if "places.yaml" in p and "错误" in p)
    assert f"第{line}行" in problem and "“甘棠街”" in problem and "以“村”或“社区”结尾" in problem, problem
    edit(places, "甘棠街", "甘棠社区")
    code, out = validate(data_copy, capsys)
    assert code == 1
    errors = [p for p in out.splitlines() if "：错误[" in p]
    second = line_of(places, "{id: tangkou")  # listed after 甘棠镇: the second 芙蓉村
    assert len(errors) == 1 and f"places.yaml 第{second}行" in errors[0] and "[duplicate-id]" in errors[0], errors
    assert "“芙蓉村”" in errors[0] and "汤口镇山岔村" in errors[0], errors  # named twice; 42's 山岔村 is accepted
