"""Where to go and whom to call (issue 19): no placeholder reaches the site, every item page gives a phone
to tap, 我要反映 is its own page in the nav, and the 404 page is in Chinese with ways on."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml

from conftest import ROOT, page_text, shipped
from minsheng.compute.portal import portals
from minsheng.render.folder import Folder
from minsheng.render.pages import write_pages
from minsheng.validate import validate_data

PLAN, _ = shipped()
YEAR = PLAN.years[max(PLAN.years)]
PREFIX = PLAN.site.placeholder_prefix


def test_the_sample_data_still_holds_placeholders():
    """The checks below mean something only while site.yaml and units.yaml hold unfilled values."""
    assert PLAN.site.footer.organizer.startswith(PREFIX) and PLAN.site.feedback.objection_period.startswith(PREFIX)
    assert all(unit.phone and unit.phone.startswith(PREFIX) for unit in PLAN.units.units)


def _visible_and_meta(raw: str) -> str:
    """A page's visible text (scripts and styles dropped, entities decoded) and its meta tags' content."""
    metas = " ".join(re.findall(r'<meta\b[^>]*\bcontent="([^"]*)"', raw))
    text = re.sub(r"<(script|style)\b.*?</\1>", "", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text) + " " + metas)


def test_no_placeholder_on_any_page_meta_tag_feed_or_search_index(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > len(YEAR.items) and built_site / "404.html" in pages
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        for shown in (_visible_and_meta(raw), raw):
            assert "待填写" not in shown and PREFIX not in shown, path
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    assert PREFIX not in feed and "待填写" not in feed
    index = json.dumps(json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8")),
                       ensure_ascii=False)
    assert PREFIX not in index and "待填写" not in index


def test_every_item_page_says_where_to_go_and_gives_a_phone_to_tap(built_site):
    units = {u.id: u.name for u in PLAN.units.units}
    for item in YEAR.items:
        raw = (built_site / "2024" / "items" / item.id / "index.html").read_text(encoding="utf-8")
        assert 'href="tel:' in raw, item.id
        text = page_text(built_site, f"2024/items/{item.id}")
        where = text.split("到哪里办、找谁问", 1)[1].split("补助和标准")[0].split("年度目标与进展")[0]
        assert all(units[unit] in where for unit in item.lead_units), item.id
        assert "12345" in where  # no unit's phone is filled in the sample data: the hotline stands in
        apply = text.split("怎么办理：", 1)[1].split("\n", 1)[0]
        if item.how_to_apply:
            assert " ".join(item.how_to_apply.split()) in " ".join(text.split()), item.id
        else:
            assert "通知没有写明办理方式" in apply and units[item.lead_units[0]] in apply, item.id
        article = raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        feedback = article.split(">我要反映</h2>", 1)[1]
        assert 'href="../../../feedback/"' in feedback and 'href="tel:12345"' in feedback, item.id


def test_unit_pages_show_where_to_go(built_site):
    for unit in PLAN.units.units:
        if not any(unit.id in item.lead_units for item in YEAR.items):
            continue
        raw = (built_site / "2024" / "units" / unit.id / "index.html").read_text(encoding="utf-8")
        assert "到哪里办、找谁问" in raw and 'href="tel:12345"' in raw, unit.id


def test_feedback_page_exists_is_in_the_nav_and_linked_from_home(built_site):
    text = page_text(built_site, "feedback")
    assert text.lstrip().startswith("我要反映") and PLAN.site.feedback.channel in text
    assert 'href="tel:12345"' in (built_site / "feedback" / "index.html").read_text(encoding="utf-8")
    config = yaml.safe_load((built_site.parent / "work" / "mkdocs.yml").read_text(encoding="utf-8"))  # as generated
    assert {"我要反映": "feedback.md"} in config["nav"]
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="feedback/" class="md-nav__link">\s*<span class="md-ellipsis">\s*我要反映', home)
    body = home.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert '<a href="feedback/">我要反映</a>' in body
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feedback/"' in about and "找错”入口" not in about


def test_404_page_is_chinese_with_a_way_home(built_site):
    raw = (built_site / "404.html").read_text(encoding="utf-8")
    body = raw.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert "Not found" not in raw and "<h1>找不到这个页面</h1>" in body
    assert re.search(r'<a href="/\.?">回到首页</a>', body)
    assert '<a href="/groups/">与我有关</a>' in body and "搜索框" in body
    theme = (ROOT / "overrides" / "404.html").read_text(encoding="utf-8")
    assert '{% extends "main.html" %}' in theme
    for override in (ROOT / "overrides").rglob("*.html"):  # engine-neutral: Zensical reads them too
        assert not re.search(r"\.(items|startswith|endswith|keys|values|get)\(", override.read_text(encoding="utf-8"))


def _fill(data: Path, unit: str, fields: dict[str, str]) -> None:
    path = data / "units.yaml"
    lines, out, inside = path.read_text(encoding="utf-8").splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith("  - id: "):
            inside = line.strip() == f"- id: {unit}"
        key = line.strip().split(":", 1)[0]
        if inside and key in fields:
            line = f"    {key}: {fields[key]}\n"
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def test_a_filled_phone_is_a_tap_to_call_link_and_the_hotline_stands_in_for_the_rest(data_copy, tmp_path):
    _fill(data_copy, "civil-affairs", {"phone": "0559-555 1234", "address": "黄山区甘棠镇某路1号",
                                       "hours": "工作日 8:00—12:00，14:30—17:30"})
    plan, report = validate_data(data_copy)
    assert report.ok
    unfilled = {str(p) for p in report.problems if p.code == "placeholder"}
    assert not any("units[2].phone" in p for p in unfilled) and any("units[2].website" in p for p in unfilled)
    site = portals(plan)
    year = site.current
    civil = year.contacts["civil-affairs"]
    assert (civil.phone.number, civil.phone.tel, civil.website) == ("0559-555 1234", "05595551234", None)
    assert year.contacts["hrss"].phone is None and not year.contacts["hrss"].known
    alone = next(p for p in year.items if [u.id for u in p.view.units] == ["civil-affairs"])
    shared = next((p for p in year.items if "civil-affairs" in [u.id for u in p.view.units] and len(p.view.units) > 1),
                  None)
    assert not alone.hotline and (shared is None or shared.hotline == any(not c.phone for c in shared.contacts))
    docs = tmp_path / "docs"
    write_pages(site, ROOT / "content", Folder(docs))
    page = (docs / "2024" / "items" / f"{alone.view.item.id}.md").read_text(encoding="utf-8")
    where = page.split("### 到哪里办、找谁问", 1)[1].split("\n## ", 1)[0]
    assert "[0559\\-555 1234](tel:05595551234)" in where and "黄山区甘棠镇某路1号" in where
    assert "tel:12345" not in where  # the unit's own phone: no hotline needed here
    unit_page = (docs / "2024" / "units" / "civil-affairs.md").read_text(encoding="utf-8")
    assert "(tel:05595551234)" in unit_page and "tel:12345" not in unit_page.split("|", 1)[0]
    assert PREFIX not in "".join(p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))


def test_a_filled_objection_period_is_said_and_a_phone_that_cannot_be_dialled_is_refused(data_copy, tmp_path):
    site_yaml = data_copy / "site.yaml"
    site_yaml.write_text(re.sub(r"objection_period: .*", "objection_period: 通报发布之日起10个工作日内",
                                site_yaml.read_text(encoding="utf-8")), encoding="utf-8")
    plan, report = validate_data(data_copy)
    assert report.ok
    docs = tmp_path / "docs"
    write_pages(portals(plan), ROOT / "content", Folder(docs))
    bulletin = next((docs / "2024" / "bulletins").glob("2024-*.md")).read_text(encoding="utf-8")
    assert "请在通报发布之日起10个工作日内通过12345政务服务便民热线反映" in bulletin
    _fill(data_copy, "hrss", {"phone": "请打办公室", "website": "www.example.gov.cn"})
    _, report = validate_data(data_copy)
    assert [p.code for p in report.errors] == ["contact-format", "contact-format"]


def test_the_hotline_comes_from_site_yaml_not_from_code_or_templates():
    """Every figure a reader sees comes from data/: the hotline is written in no template, override or module."""
    import yaml

    hotline = yaml.safe_load((ROOT / "data" / "site.yaml").read_text(encoding="utf-8"))["feedback"]["hotline"]
    code = ROOT / "scripts" / "minsheng"
    sources = [*(ROOT / "overrides").rglob("*.html"), *code.rglob("*.j2"), *(code / "compute").rglob("*.py"),
               *(code / "render").rglob("*.py")]
    number = re.compile(rf"(?<![0-9]){hotline}(?![0-9])")
    assert [p.name for p in sources if number.search(p.read_text(encoding="utf-8"))] == []
