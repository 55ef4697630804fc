"""Read one YAML file strictly, keeping the line of every value.

PyYAML silently keeps the last of two duplicate keys and expands aliases (the "billion laughs"
bomb). Here a duplicate key is a problem, an alias or anchor is a problem, and every value's
position is recorded so that a later check can name the line of the field it complains about.

libyaml (PyYAML's C parser) reads the file; only when it finds something wrong is the file read again
by the pure-Python parser, whose messages the office is shown (they differ from libyaml's). The C
parser is ten times faster, and a province has thousands of item files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..problems import Problem

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    data: object
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # path → (line, column), 1-based

    def position(self, path: Path_) -> tuple[int | None, int | None]:
        """The line and column of `path`, or of its nearest ancestor that exists in the file."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (None, None))


class _StrictLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AliasFound(event.start_mark)
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `path`. Returns the document, or None and the problems that prevented reading it.

    Duplicate keys are reported but do not stop reading (the first value is kept), so that one run
    reports every problem in the file.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                "encoding", shown_as, "文件中有无法按 UTF-8 读取的字节（可能是用 GBK/ANSI 保存的）",
                line=line, column=column, value=raw[exc.start : exc.start + 4].hex(" "),
                expected="用 UTF-8 编码保存文件",
            )
        ]
    node = _compose_fast(text)
    if node is None:
        node, problems = _compose_explained(text, shown_as)
        if problems:
            return None, problems
    if node is None:
        return YamlDocument(None), []
    document = YamlDocument(None)
    problems = []
    document.data = _build(node, (), document.marks, SafeConstructor(), problems, shown_as)
    return document, problems


_FastLoader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def _compose_fast(text: str) -> Node | None:
    """The document's node tree by libyaml, or None when it is empty, has an anchor or alias, or is not
    valid YAML: the slow parser then explains what is wrong (or confirms the document is empty)."""
    try:
        # an anchor is written with &, an alias with *: only a text holding one is read event by event for them
        if ("&" in text or "*" in text) and any(isinstance(event, AliasEvent) or getattr(event, "anchor", None)
                                                 is not None for event in yaml.parse(text, Loader=_FastLoader)):
            return None
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return None


def _compose_explained(text: str, shown_as: str) -> tuple[Node | None, list[Problem]]:
    """The pure-Python parser's node tree, or the problem that stops it, in Chinese."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node(), []
    except _AliasFound as exc:
        return None, [
            Problem(
                "yaml-alias", shown_as, "数据文件不允许使用锚点或别名",
                line=exc.mark.line + 1, column=exc.mark.column + 1,
                expected="把内容直接写出来，不用 & 或 *",
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = _explain(exc.problem or "")
        return None, [
            Problem(
                "yaml-syntax", shown_as, f"YAML 语法错误（{detail}）",
                line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                expected="用空格缩进、冒号后加空格、引号成对的 YAML",
            )
        ]
    finally:
        loader.dispose()


# PyYAML's most common complaints, in words office staff can act on.
_EXPLANATIONS = (
    ("'\\t'", "使用了制表符（Tab），请改用空格缩进"),
    ("could not find expected ':'", "缺少冒号“:”，或上一行的缩进不对"),
    ("mapping values are not allowed here", "这里不能出现“字段: 值”，可能是冒号后缺空格或缩进不对"),
    ("found unexpected end of stream", "文件在引号或括号闭合前结束了（文件被截断？）"),
    ("'<stream end>'", "文件在引号或括号闭合前结束了（文件被截断？）"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected key", "缩进不一致或缺少字段名"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
    ("found unknown escape character", "双引号内有无法识别的反斜杠转义"),
)


def _explain(problem: str) -> str:
    for english, chinese in _EXPLANATIONS:
        if english in problem:
            return chinese
    return f"无法解析：{problem}" if problem else "无法解析"


def _build(node: Node, path: Path_, marks: dict, loader: SafeConstructor, problems: list[Problem],
           shown_as: str) -> object:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                first_line = marks[path + (key,)][0]
                problems.append(
                    Problem(
                        "yaml-duplicate-key", shown_as,
                        f"字段名“{key}”在同一层级出现了两次（第{first_line}行已有），只保留第一次的值",
                        line=key_node.start_mark.line + 1, column=key_node.start_mark.column + 1,
                        value=key, expected="每个字段名在同一层级只出现一次",
                    )
                )
                continue
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, path + (key,), marks, loader, problems, shown_as)
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, SequenceNode):
        return [
            _build(child, path + (index,), marks, loader, problems, shown_as)
            for index, child in enumerate(node.value)
        ]
    assert isinstance(node, ScalarNode)
    return loader.construct_object(node, deep=True)
