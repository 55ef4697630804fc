import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.render.pages import environment
from minsheng.render.text import markdown_text

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition"]


def rendered(text: str) -> str:
    return markdown.markdown(str(markdown_text(text)), extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[点我](javascript:alert(1))",
     "# 标题", "| a | b |", "**粗体** _斜_ `代码`", "{{ site.name }}", "{: .x}", "1. 列表", "> 引用", "![图](x.png)"],
)
def test_hostile_text_renders_as_the_characters_typed(hostile):
    html = rendered(hostile)
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<h1" not in html
    assert "<table" not in html and "<strong" not in html and "<blockquote" not in html and "<ol" not in html
    text = html.removeprefix("<p>").removesuffix("</p>")
    import html as html_module

    assert html_module.unescape(text) == " ".join(hostile.split())


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_any_text_comes_back_unchanged_as_plain_text(text):
    import html as html_module

    html = rendered(text)
    assert "<a " not in html and "<script" not in html
    plain = " ".join(text.split())
    if plain:
        body = html.removeprefix("<p>").removesuffix("</p>")
        assert html_module.unescape(body) == plain


def test_template_values_are_escaped_but_macros_are_not():
    env = environment()
    template = env.from_string('{% macro b() %}<span class="x_y">ok</span>{% endmacro %}{{ v }} {{ b() }}')
    assert template.render(v="<b>[x](y)</b>") == '&lt;b&gt;\\[x\\]\\(y\\)&lt;/b&gt; <span class="x_y">ok</span>'
