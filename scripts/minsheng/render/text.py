"""Escaping and formatting of values placed in generated Markdown.

Every value a template prints goes through `markdown_text` unless it is already Markup: office text
such as "<script>" or "[x](javascript:…)" is shown as the characters typed, never as HTML or a link.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..formats import number

# Characters Python-Markdown (with the tables extension) gives meaning to; a backslash makes them literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
# Text with none of those and nothing HTML gives meaning to is literal as it is (most values: words, whole numbers)
_LITERAL = re.compile(r"[^\\`*_{}\[\]()#+\-.!|<>&'\"]*")


def markdown_text(value: object) -> Markup:
    """A value as literal text inside Markdown: one line, HTML-escaped, Markdown punctuation escaped.

    Used as the templates' `finalize`: Markup (template output, macros, `html`) passes unchanged.
    """
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    if isinstance(value, float):
        value = number(value)
    text = " ".join(str(value).split())
    if _LITERAL.fullmatch(text):
        return Markup(text)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def html_value(value: object) -> Markup:
    """A value as literal text inside an HTML template (item-months.html.j2): `markdown_text`'s counterpart,
    used as that environment's `finalize`: one line, HTML-escaped; Markup passes unchanged."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    if isinstance(value, float):
        value = number(value)
    return html_text(value)


def html_text(value: object) -> Markup:
    """A value as literal text inside raw HTML (where Markdown escapes are not read)."""
    return escape(" ".join(str(value).split()))
