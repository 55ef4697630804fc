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
    value = _shown(value)
    if isinstance(value, Markup):
        return value
    text = " ".join(value.split())
    if _LITERAL.fullmatch(text):
        return Markup(text)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def html_value(value: object) -> Markup:
    """A value as literal text inside an HTML template (tables.html.j2): `markdown_text`'s counterpart, used as
    that environment's `finalize`: one line, HTML-escaped; Markup passes unchanged."""
    value = _shown(value)
    return value if isinstance(value, Markup) else html_text(value)


def _shown(value: object) -> Markup | str:
    """None as nothing, Markup as it is, a float as the site writes numbers, anything else as its text."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return number(value) if isinstance(value, float) else str(value)


def html_text(value: object) -> Markup:
    """A value as literal text inside raw HTML (where Markdown escapes are not read)."""
    return escape(" ".join(str(value).split()))
