"""The page templates keep their line breaks: with trim_blocks, the newline after a block tag is dropped, so a
line of text that ends in `{% endif %}` or `{% endfor %}` runs into the next line it renders (a list item
into the next list item). Such a line ends in `+%}` (which keeps the newline) or is followed by a blank line."""

from __future__ import annotations

import re
from pathlib import Path

import minsheng.render

TEMPLATES = Path(minsheng.render.__file__).parent / "templates"
TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}")


def swallowed_newlines(text: str) -> list[int]:
    """The numbers of the lines whose text ends in a block tag that swallows the line break before more text."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        line = line.rstrip()
        if not line.endswith("%}") or line.endswith("+%}") or not TAG.sub("", line).strip():
            continue  # no block tag at the end, its newline kept, or a line of tags only (dropped, as meant)
        if re.search(r"\{%-?\s*endmacro\s*-?%\}$", line):
            continue  # a one-line macro: the break after its definition is not part of any page
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        after = lines[index + 2].strip() if index + 2 < len(lines) else ""
        if not following and after and not TAG.sub("", after).strip():
            found.append(index + 1)  # the blank line is the one swallowed, and tags print nothing between
            continue
        if following and not re.fullmatch(r"\{%-?\s*endmacro\s*-?%\}", following):  # a macro's value may end so
            found.append(index + 1)
    return found


def test_no_markdown_template_runs_a_line_into_the_next():
    templates = sorted(TEMPLATES.glob("*.j2"))
    assert len(templates) > 10
    found = {path.name: lines for path in templates
             for lines in [swallowed_newlines(path.read_text(encoding="utf-8"))] if lines}
    assert found == {}


def test_the_check_finds_a_list_item_that_swallows_its_newline():
    broken = "{% for s in xs %}\n- {{ s.name }}{% if s.per %}／{{ s.per }}{% endif %}\n{% endfor %}\n"
    assert swallowed_newlines(broken) == [2]
    assert swallowed_newlines(broken.replace("{% endif %}\n", "{% endif +%}\n")) == []
    assert swallowed_newlines("**a：**{% if x %}{{ x }}{% endif %}\n\nnext\n") == []
    # the blank line after the tag is the one swallowed: the paragraph runs into whatever the next tags print
    assert swallowed_newlines("进度 {% if x %}{{ x }}{% endif %}\n\n{% if y %}\n说明\n{% endif %}\n") == [1]


# What a template must not decide (compute hands counts, orderings, rows and coordinates instead; issue 28)
DECISIONS = {
    "a count": re.compile(r"\|\s*length\b"),
    "an ordering": re.compile(r"\|\s*(reverse|sort)\b"),
    "a filter": re.compile(r"\|\s*(selectattr|rejectattr|select|reject)\b|\{%-?\s*for\b[^%]*\bif\b"),
    "a lookup into a parallel list": re.compile(r"\[\s*loop\.index0?\s*\]"),
    "arithmetic on a coordinate or size": re.compile(r"\{\{[^}]*\d\s*[*/]\s*\w|\{\{[^}]*\w\s*[*/]\s*\d"),
    "a status's words looked up by key": re.compile(r"\bSTATUS\["),
    "a lagging word chosen by the deadline": re.compile(r"\{%\s*if [\w.]*ended\s*%\}未完成\{%\s*else\s*%\}滞后"),
}


def decisions(text: str) -> list[str]:
    """What `text` (a template) decides that compute should have handed it."""
    return [name for name, pattern in DECISIONS.items() if pattern.search(text)]


def test_templates_only_lay_out():
    found = {path.name: kinds for path in sorted(TEMPLATES.glob("*.j2"))
             for kinds in [decisions(path.read_text(encoding="utf-8"))] if kinds}
    assert found == {}


def test_the_check_finds_what_a_template_decides():
    assert decisions("{{ ov.items|length }}项") == ["a count"]
    assert decisions("{% for b in portal.bulletins|reverse %}") == ["an ordering"]
    assert decisions('{% set told = h.problems|rejectattr("severity", "equalto", "error")|list %}') == ["a filter"]
    assert decisions("{% for i in month.indicators if i.correction %}") == ["a filter"]
    assert decisions("{{ ov.months[loop.index0]|month }}") == ["a lookup into a parallel list"]
    assert decisions('r="{{ (2.5 * k)|r }}"') == ["arithmetic on a coordinate or size"]
    assert decisions("{% if portal.ended %}未完成{% else %}滞后{% endif %}") == ["a lagging word chosen by the deadline"]
    assert decisions("{{ bucket.item_count }}项，{{ row.month|month }}") == []
