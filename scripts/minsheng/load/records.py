"""Turn a parsed YAML document into a typed record, or into problems named by line and field."""

from __future__ import annotations

import typing

from pydantic import BaseModel, ValidationError

from ..model import ITEM_ID, SLUG, field_label, file_keys, model_at
from ..problems import Problem
from .yaml_file import YamlDocument

T = typing.TypeVar("T", bound=BaseModel)

_PATTERNS = {
    SLUG: "小写字母、数字和连字符组成的编号（如 new-urban-jobs）",
    ITEM_ID: "两到四位数字（如 07）或 c 加数字（如 c01）",
    r"^\d{6}$": "6位数字",
    r"^\S+[镇乡]$": "以“镇”或“乡”结尾的乡镇名称（如 甘棠镇、新明乡），不含空格",
    r"^\S+(村|社区)$": "以“村”或“社区”结尾的名称（如 山岔村），不含空格",
    r"^\S+$": "不含空格的词",
}

_TYPES = {
    "string_type": "文字",
    "float_type": "数字",
    "float_parsing": "数字",
    "int_type": "整数",
    "int_parsing": "整数",
    "int_from_float": "整数",
    "bool_type": "true 或 false",
    "bool_parsing": "true 或 false",
    "list_type": "列表（每项单独一行，以“- ”开头）",
    "model_type": "一组“字段: 值”",
    "dict_type": "一组“字段: 值”",
    "model_attributes_type": "一组“字段: 值”",
    "date_type": "日期，格式如 2024-07-31",
    "date_parsing": "日期，格式如 2024-07-31",
    "date_from_datetime_parsing": "日期，格式如 2024-07-31",
    "finite_number": "有限的数字",
}


def to_record(model: type[T], document: YamlDocument, shown_as: str) -> tuple[T | None, list[Problem]]:
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_problem(model, error, document, shown_as) for error in exc.errors()]


def _problem(model: type[BaseModel], error: dict, document: YamlDocument, shown_as: str) -> Problem:
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.endswith("]")))
    line, column = document.position(loc)
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = None if kind == "missing" else error.get("input")
    common = dict(line=line, column=column, field=field_label(model, loc), value=value)
    if kind == "missing":
        return Problem("missing-field", shown_as, "缺少必填字段", expected="补上这个字段", **common)
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = "、".join(file_keys(parent)) if parent else ""
        return Problem("unknown-field", shown_as, "未定义的字段（是否拼写错误？）",
                       expected=f"以下字段之一：{allowed}", **{**common, "value": loc[-1]})
    if not loc and kind in _TYPES:  # the file as a whole: empty, or a list or a text where fields belong
        message = "文件是空的" if value is None else "文件的最外层不是一组字段"
        return Problem("wrong-type", shown_as, message, expected=_TYPES[kind] + "，每个字段一行",
                       **{**common, "line": 1, "column": 1, "value": None})
    if kind == "string_type" and isinstance(value, int) and not isinstance(value, bool):
        # YAML reads 9 and 09 as numbers: an id or a code is text, written in quotes
        return Problem("wrong-type", shown_as, "值的类型不对：没有引号的数字读作数", expected=f"文字，加引号，如 \"{value:02d}\"", **common)
    if kind in _TYPES:
        return Problem("wrong-type", shown_as, "值的类型不对", expected=_TYPES[kind], **common)
    if kind == "literal_error":
        return Problem("not-an-option", shown_as, "值不在允许的选项中",
                       expected=f"以下之一：{ctx.get('expected', '')}", **common)
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return Problem("wrong-format", shown_as, "格式不对",
                       expected=_PATTERNS.get(pattern, f"符合 {pattern}"), **common)
    if kind in ("greater_than_equal", "greater_than"):
        return Problem("out-of-range", shown_as, "数值太小", expected=f"不小于 {ctx.get('ge', ctx.get('gt'))}", **common)
    if kind in ("less_than_equal", "less_than"):
        return Problem("out-of-range", shown_as, "数值太大", expected=f"不大于 {ctx.get('le', ctx.get('lt'))}", **common)
    if kind == "too_short":
        expected = "非空的内容" if isinstance(error.get("input"), str) else f"至少 {ctx.get('min_length')} 项"
        return Problem("empty-value", shown_as, "内容为空", expected=expected, **common)
    if kind == "string_too_short":
        return Problem("empty-value", shown_as, "内容为空", expected="非空的文字", **common)
    return Problem("wrong-value", shown_as, f"值不符合要求（{error['msg']}）", **common)
