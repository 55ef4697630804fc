"""`minsheng build` on the real data: a real mkdocs build, read back from the built HTML."""

from __future__ import annotations

import errno
import functools
import os
import html
import json
import re
from pathlib import Path

import jieba
import pytest

from conftest import DATA, ROOT, edit_csv, generated_pages, generated_text, page_text, shipped
from minsheng.cli import main
from minsheng.compute.overview import overview
from minsheng.compute.portal import portal
from minsheng.compute.vocabulary import search_tags
from minsheng.load.data_folder import load_data_folder
from minsheng.status import Status
from minsheng.website.build import BESIDE, BuildError, _move_into, build

PLAN, _ = shipped()
YEAR = PLAN.years[max(PLAN.years)]
VIEW = overview(PLAN, YEAR)


@pytest.fixture
def site(built_site) -> Path:
    return built_site


def test_every_item_page_shows_its_units_targets_and_standards(site):
    for item in YEAR.items:
        text = page_text(site, f"2024/items/{item.id}")
        assert item.title in text
        for unit in item.lead_units:
            assert next(u.name for u in PLAN.units.units if u.id == unit) in text
        for indicator in item.indicators:
            assert indicator.name in text
        for parameter in item.policy_parameters:
            assert parameter.name in text and f"{parameter.amount:g}" in text.replace(",", "")
        for measure in item.measures:
            assert " ".join(measure.split()) in " ".join(text.split())
        assert item.source_text in text


def test_category_and_unit_pages_list_exactly_their_items(site):
    pattern = re.compile(r'href="\.\./\.\./items/([0-9c]+)/"')
    for category in YEAR.notice.categories:
        raw = (site / "2024" / "categories" / category.id / "index.html").read_text(encoding="utf-8")
        assert set(pattern.findall(raw)) == {i.id for i in YEAR.items if i.category == category.id}
    for unit in PLAN.units.units:
        raw = (site / "2024" / "units" / unit.id / "index.html").read_text(encoding="utf-8")
        assert set(pattern.findall(raw)) == {i.id for i in YEAR.items if unit.id in i.lead_units}


def test_home_page_lists_unfinished_items_worst_first(site):
    raw = (site / "index.html").read_text(encoding="utf-8")
    section = raw.split("未完成的项目</h2>", 1)[1].split("</table>", 1)[0]  # the year is over
    found = re.findall(r'href="2024/items/([0-9c]+)/"', section)
    assert found == [v.item.id for v in VIEW.lagging] and found
    lags = [v.lag for v in VIEW.lagging]
    assert lags == sorted(lags, reverse=True)


def test_sample_banner_and_footer_on_every_page(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(YEAR.items)
    for path in pages:
        if path.name == "404.html":
            continue
        raw = path.read_text(encoding="utf-8")
        assert PLAN.site.sample_data_banner in raw, path
        footer = raw.split('<footer class="md-footer">', 1)[1]
        assert 'href="tel:12345"' in footer and "我要反映</a>" in footer, path
        # the sample data's site.yaml leaves 网站标识码 unfilled: the footer leaves it out, never shows 待填写
        assert "网站标识码" not in footer, path


def test_no_page_asks_another_host(site):
    footer_links = {PLAN.site.footer.icp_record_url, PLAN.site.footer.error_report_url}
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r'(?:src|href)\s*=\s*"((?:https?:)?//[^"]+)"', raw):
            assert match.group(1) in footer_links and "<a " in raw[max(0, match.start() - 200):match.start()], (path, match.group(1))
        if path.suffix in (".css", ".js"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", raw), path
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")


SEARCH = {"就业": {"2024/items/01", "2024/items/02", "2024/categories/employment", "groups/jobseekers"},
          "充电桩": {"2024/items/36"},
          "残疾人": {"2024/items/10", "2024/items/11", "2024/items/12", "2024/items/15", "groups/disabled"},
          "低保": {"2024/items/04", "2024/items/19", "groups/low-income"}}


@functools.cache
def _segmenter() -> jieba.Tokenizer:
    """jieba with the words the build keeps whole (jieba_user.txt): unit names, keywords, residents' words."""
    segmenter = jieba.Tokenizer()
    for word in portal(PLAN, YEAR).search_words:
        segmenter.add_word(word)
    return segmenter


@pytest.mark.parametrize(("query", "pages"), SEARCH.items())
def test_search_index_finds_the_right_page_first(site, query, pages):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    separator = re.compile(index["config"]["separator"])
    words = [w for w in _segmenter().cut(query) if w.strip()]  # the query is segmented like the pages
    scores: dict[str, float] = {}
    found: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0].rstrip("/")
        title = [t for t in separator.split(html.unescape(re.sub("<[^>]+>", "", doc["title"]))) if t]
        text = [t for t in separator.split(html.unescape(re.sub("<[^>]+>", "", doc["text"]))) if t]
        scores[page] = scores.get(page, 0) + sum(1000 * title.count(w) + text.count(w) for w in words)
        found.setdefault(page, set()).update(w for w in words if w in title or w in text)
    best = max(scores, key=scores.get)
    assert found[best] == set(words), f"{query}: the index does not hold its words {words}: jieba is not segmenting"
    assert best in pages, (query, best, sorted(scores.items(), key=lambda kv: -kv[1])[:5])


def test_invalid_data_stops_the_build_and_leaves_the_old_site(data_copy, tmp_path, capsys):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    edit_csv(data_copy / "2024" / "progress" / "2024-12.csv", {"项目编号": "01", "指标编号": "new-urban-jobs"},
             {"截至月底累计": "很多"})
    assert main(["build", "--data", str(data_copy), "--out", str(out), "--config", str(ROOT / "mkdocs.yml"), "--work", str(tmp_path / "work")]) == 1
    captured = capsys.readouterr()
    assert "未生成网站" in captured.err and "[number]" in captured.out
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")]  # no staging folder left


def old_site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    return out


def test_a_failing_engine_stops_the_build_with_what_it_said_and_leaves_the_old_site(tmp_path):
    """The engine runs while the open data is written beside it: its failure is still the build's, in its own words."""
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("name: material", "name: no-such-theme", 1),
                      encoding="utf-8")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    (tmp_path / "content").symlink_to(ROOT / "content")
    out = old_site(tmp_path)
    with pytest.raises(BuildError) as raised:
        build(DATA, out, config, tmp_path / "work", log=lambda *_: None)
    assert str(raised.value).startswith("mkdocs 构建失败，未替换原有网站") and "no-such-theme" in str(raised.value)
    assert [p.name for p in out.iterdir()] == ["index.html"] and (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")]  # no staging folder left


def test_a_failure_while_the_engine_runs_stops_it_and_leaves_the_old_site(tmp_path, monkeypatch):
    started = []

    def failing(portals, beside, write_tables, fills):
        started.append(beside)
        raise OSError("磁盘已满")

    monkeypatch.setattr("minsheng.website.build.write_beside", failing)
    out = old_site(tmp_path)
    with pytest.raises(OSError, match="磁盘已满"):
        build(DATA, out, ROOT / "mkdocs.yml", tmp_path / "work", log=lambda *_: None)
    assert started == [(tmp_path / "work" / BESIDE).resolve()]
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")]


def test_a_file_beside_the_engine_never_replaces_one_it_built(tmp_path):
    beside, site = tmp_path / "beside", tmp_path / "site"
    for path in (beside / "2024/downloads/data/items.csv", beside / "2024/charts/large/a.svg", site / "2024/charts/a.svg",
                 site / "2024/downloads/index.html"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(path.parent.name, encoding="utf-8")
    _move_into(beside, site)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "2024/charts/a.svg", "2024/charts/large/a.svg", "2024/downloads/data/items.csv", "2024/downloads/index.html"]
    assert not beside.exists()
    (beside / "2024/charts").mkdir(parents=True)
    (beside / "2024/charts/a.svg").write_text("beside", encoding="utf-8")
    with pytest.raises(BuildError, match="与引擎生成的 .*a.svg 重名"):
        _move_into(beside, site)
    assert (site / "2024/charts/a.svg").read_text(encoding="utf-8") == "charts"


def test_files_beside_the_engine_reach_a_site_on_another_disk(tmp_path, monkeypatch):
    """--work and --out on different disks: a folder cannot be renamed across them, and is copied instead."""
    beside, site = tmp_path / "beside", tmp_path / "site"
    (beside / "2024/downloads/data").mkdir(parents=True)
    (beside / "2024/downloads/data/items.csv").write_text("year,item", encoding="utf-8")
    (site / "2024").mkdir(parents=True)
    renamed = os.rename

    def across_disks(source, destination, *args, **kwargs):
        if Path(source).is_relative_to(beside):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return renamed(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "rename", across_disks)
    _move_into(beside, site)
    assert (site / "2024/downloads/data/items.csv").read_text(encoding="utf-8") == "year,item" and not beside.exists()


def test_content_pages_hold_no_numbers():
    for path in (ROOT / "content").rglob("*.md"):
        assert not re.search(r"\d", path.read_text(encoding="utf-8")), path


def test_every_item_with_figures_has_chart_table_and_csv(site):
    for view in VIEW.items:
        raw = (site / "2024" / "items" / view.item.id / "index.html").read_text(encoding="utf-8")
        measured = any(m.progress is not None for m in view.history)
        assert (f'src="../../charts/item-{view.item.id}.svg"' in raw) == measured, view.item.id
        if measured:
            alt = re.search(rf'<img alt="([^"]+)" src="../../charts/item-{view.item.id}.svg"', raw).group(1)
            assert alt.startswith("折线图：") and "进度" in alt
            # the finding is the caption under the chart, said once: not again as the image's text alternative
            caption = re.search(rf'charts/item-{view.item.id}.svg"\s*/?>\s*</p>\s*<p>([^<]+)<a', raw).group(1)
            assert caption.startswith("截至") and caption not in alt and alt not in caption
            assert f'href="../../downloads/charts/item-{view.item.id}.csv"' in raw
            assert (site / "2024" / "downloads" / "charts" / f"item-{view.item.id}.csv").exists()
            assert (site / "2024" / "charts" / "large" / f"item-{view.item.id}.svg").exists()  # for 长辈模式
            assert "序时进度</th>" in raw  # the data table beside the chart
    for name in ("overall", "status"):
        assert f'src="2024/charts/{name}.svg"' in (site / "index.html").read_text(encoding="utf-8")


TERMS = ("进度", "总体进度", "序时进度", "时间进度", "进度节点", "定性任务", "无任务", "预警", "年度计划", "累计到位", "到位率",
         "累计拨付", "拨付率", "支出进度", "问题销号", "牵头单位", "未报送", "更正")


def _definition(glossary: str, term: str) -> str:
    """The sentence of the 名词解释 page that defines `term` ("X是…" or "X = …")."""
    found = re.search(rf"(?:^|[；。，\n（])({re.escape(term)}(?:是| = ).*?)[；。（\n]", glossary)
    assert found, f"名词解释 does not define {term}"
    return found.group(1)


def test_every_term_and_status_is_defined_once_on_the_glossary_page(site):
    glossary = page_text(site, "about/glossary")
    for label in (status.word for status in Status):
        assert label in glossary
    for term in TERMS:
        _definition(glossary, term)
    assert f"低 {PLAN.rules.far_behind_margin:g} 个百分点以上" in glossary
    assert "名词解释" in page_text(site, "2024/data")


def test_pages_explain_their_terms_with_the_glossary_sentence(site):
    """One label, one meaning: where a page shows 序时进度, 到位率 or 拨付率, it explains it with the very sentence
    the 名词解释 page uses, and links there."""
    glossary = page_text(site, "about/glossary")
    pages = {"": ("序时进度", "总体进度", "累计到位", "累计拨付"), "2024/items/25": ("进度", "序时进度", "累计到位", "累计拨付", "问题销号"),
             "2024/funds": ("累计到位", "累计拨付", "支出进度", "时间进度"), "2024/bulletins/2024-06": ("总体进度", "序时进度", "累计拨付"),
             f"2024/categories/{YEAR.items[0].category}": ("序时进度",)}
    for path, terms in pages.items():
        text = page_text(site, path)
        for term in terms:
            assert _definition(glossary, term) in text, (path, term)
        assert "glossary/" in (site / path / "index.html").read_text(encoding="utf-8"), path


def test_government_meta_tags(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="SiteName" content="{PLAN.site.name}">' in home
    category = (site / "2024" / "categories" / "employment" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="ColumnName" content="促进就业">' in category
    item = (site / "2024" / "items" / "01" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="ArticleTitle" content="（一）促进重点群体稳定就业">' in item
    assert '<meta name="PubDate" content="2024年4月8日">' in item


def test_early_warnings_are_flagged_on_every_page_of_the_item(draft_copy, tmp_path):
    data_copy = draft_copy
    for month in ("2024-09", "2024-10", "2024-11", "2024-12"):
        for kind in ("progress", "funds"):
            (data_copy / "2024" / kind / f"{month}.csv").unlink()
    plan, _ = load_data_folder(data_copy)
    warned = overview(plan, plan.years[2024]).warned
    assert warned, "the sample data up to August should put some items on warning"
    docs = generated_pages(data_copy, tmp_path / "work")
    section = generated_text(docs, "index").split("## 预警项目", 1)[1].split("\n## ", 1)[0]
    assert {v.item.id for v in warned} == set(re.findall(r"\]\(2024/items/([0-9c]+)\.md\)", section))
    for view in warned:
        assert "预警" in generated_text(docs, f"2024/items/{view.item.id}")
        assert "按最近" in generated_text(docs, f"2024/categories/{view.item.category}")
        for unit in view.item.lead_units:
            assert "预警" in generated_text(docs, f"2024/units/{unit}")


def test_the_city_level_item_is_marked_wherever_it_is_listed(site):
    """Two items are numbered （五十）: the district's 50th and the city-level one; a list must tell them apart."""
    city = next(v for v in VIEW.items if v.item.level == "city")
    district = next(v for v in VIEW.items if v.item.level == "district" and v.item.number == city.item.number)
    page = (site / "2024" / "categories" / city.item.category / "index.html").read_text(encoding="utf-8")
    assert f"（{city.item.number}）{city.item.title}（市级）" in html.unescape(page)
    page = (site / "2024" / "categories" / district.item.category / "index.html").read_text(encoding="utf-8")
    assert f"（{district.item.number}）{district.item.title}（市级）" not in html.unescape(page)


def test_zensicals_index_keeps_its_order_but_puts_past_years_last(tmp_path):
    """Zensical shows equal matches in its index's order (seen in chromium on a two-year site: 2024's item 13 before
    2025's until the past year's entries were put last): weigh_keywords moves a past year's entries after the
    others and leaves every other entry where it was."""
    from minsheng.website.build import weigh_keywords

    entries = [{"location": location, "level": 1, "title": location, "path": [], "text": ""} for location in
               ("", "2024/items/13/", "groups/elderly/", "2025/items/13/", "2024/items/12/", "2025/items/12/")]
    index = tmp_path / "search.json"
    index.write_text(json.dumps({"config": {}, "items": entries}), encoding="utf-8")
    weigh_keywords(index, ("2024/",))
    order = [entry["location"] for entry in json.loads(index.read_text(encoding="utf-8"))["items"]]
    assert order == ["", "groups/elderly/", "2025/items/13/", "2025/items/12/", "2024/items/13/", "2024/items/12/"]


def test_residents_words_are_searched_but_not_shown(site):
    """Each item's keywords and the residents' words for it (data/2024/vocabulary.yaml) are its page's search
    tags, and the page shows no list of them (the theme's tag list is an empty partial)."""
    words = search_tags(YEAR)
    assert set(words["50"]) >= {"作坊", "小作坊"} and {"轮椅"} <= set(words["10"]) and "就业" in words["11"]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tags = {doc["location"]: doc.get("tags") for doc in index["docs"] if "#" not in doc["location"]}
    for item in YEAR.items:
        assert tags[f"2024/items/{item.id}/"] == (list(words[item.id]) if item.id in words else None), item.id
        assert "md-tag" not in (site / "2024" / "items" / item.id / "index.html").read_text(encoding="utf-8")
    offered = {row["url"]: row for row in json.loads((site / "assets" / "words.json").read_text(encoding="utf-8"))}
    assert {url: row["words"] for url, row in offered.items() if url.startswith("2024/items/")} == {
        f"2024/items/{item.id}/": list(words.get(item.id, ())) for item in YEAR.items}
    assert {url: row["text"] for url, row in offered.items() if url.startswith("2024/items/")} == {
        f"2024/items/{item.id}/": item.source_text for item in YEAR.items}  # the notice's text, for the offer's pairs
    places = {url: row["words"] for url, row in offered.items() if url.startswith("places/")}
    assert places["places/tangkou/"] == ["汤口镇", "汤口"] and len(places) == len(PLAN.places.places)


def test_a_status_symbol_is_hidden_from_screen_readers_beside_its_word(site):
    """A screen reader says 已完成, not "heavy check mark 已完成": each status badge's symbol is aria-hidden."""
    symbols = {status.symbol for status in Status if status.symbol}
    badges = re.findall(r'<span class="ms-status [^"]*">(.*?)</span>\s*([^<]*)', (site / "2024" / "record" / "index.html")
                        .read_text(encoding="utf-8"))
    assert len(badges) >= 51
    for inner, word in badges:
        assert re.fullmatch(r'<span aria-hidden="true">(.+)', inner) and inner.split(">", 1)[1] in symbols, inner
        assert word.strip() in {status.word for status in Status}, word


def test_every_download_link_says_which_table_it_fetches(site):
    """数据下载: a screen reader hears 项目 CSV, not a list of bare "CSV" links (the table's name is there for it alone)."""
    raw = (site / "2024" / "downloads" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="data/(\w+)\.(csv|json|xlsx)">(.*?)</a>', raw)
    titles = {table.name: table.title for table in portal(PLAN).datasets}
    assert len(links) == 3 * len(titles)
    for name, kind, text in links:
        assert text == f'<span class="ms-sr">{html.escape(titles[name], quote=False)} </span>{kind.upper()}', text
