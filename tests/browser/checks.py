"""What the browser tests check on a page: requests, accessibility, weight. Each returns its findings."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlparse

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BUDGET = 120 * 1024  # bytes, gzip-compressed, first visit, search index aside


# Material's search shows one note while its worker starts (fetching its scripts and the search index, the
# page's last requests, after the load event) and another once it is ready: the first is kept as the page
# loads, so that a test can wait for the second. Zensical's search is a dialog its script draws in a shadow
# root of its own once the index has loaded; its status line says it is loading until its worker is ready, and
# is then empty (or counts results).
_KEEP_SEARCH_NOTE = """document.addEventListener('DOMContentLoaded', () => {
  const note = document.querySelector('.md-search-result__meta');
  window.__searchStarting = note ? note.textContent.trim() : '';
});"""
SEARCH_READY = """() => { const note = document.querySelector('.md-search-result__meta');
  if (note) return typeof window.__searchStarting === 'string' && note.textContent.trim() !== window.__searchStarting;
  if (!document.querySelector('.md-search__button')) return true;
  const host = [...document.body.children].find(e => e.shadowRoot);
  const status = host && host.shadowRoot.querySelector('[role=status]');
  return !!status && (status.textContent.trim() === '' || /\\d/.test(status.textContent)); }"""

# Every Content-Security-Policy violation the page raises (the sample nginx configuration's policy, where the
# test server sends it), kept for csp_violations to read.
_RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__violations || ['no record: the page was not opened by open_page']")


# Each engine's search: what opens it, its field, its result links, and whether it is open (a script).
# Playwright's CSS selectors reach into the shadow root Zensical's dialog is drawn in.
SEARCH_UI = {
    "mkdocs": {"open": "input.md-search__input", "field": "input.md-search__input",
               "results": ".md-search-result__item > a", "opened": "document.getElementById('__search').checked"},
    "zensical": {"open": ".md-search__button", "field": "dialog input", "results": "dialog ol[role=listbox] > li > a",
                 "opened": "!![...document.body.children].find(e => e.shadowRoot)?.shadowRoot"
                           ".querySelector('dialog[open]')"},
}
def open_page(browser, url: str, width: int, height: int, *, settled: bool = True, **context):
    """A new page at `url`, with every request it made recorded on page.requests. With `settled`, it waits
    until the theme's search is ready, its worker having fetched its scripts and the search index after the
    load event, as the checks of requests need; otherwise only for the load event."""
    page = browser.new_context(viewport={"width": width, "height": height}, **context).new_page()
    page.add_init_script(_KEEP_SEARCH_NOTE)
    page.add_init_script(_RECORD_VIOLATIONS)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.failed = []  # every request that failed or was answered with an error status, as "status url"
    page.on("requestfailed", lambda request: page.failed.append(f"failed {request.url}"))
    page.on("response", lambda response: response.status >= 400 and page.failed.append(f"{response.status} {response.url}"))
    page.goto(url)
    if settled:
        settle(page)
    return page


def settle(page) -> None:
    """Wait until the theme's search is ready: its worker has fetched its scripts and the search index, the
    page's last requests. A test may check the page first and settle it after, while the worker loads."""
    page.wait_for_function(SEARCH_READY, timeout=15_000)


def foreign_requests(page, site_url: str) -> list[str]:
    host = urlparse(site_url).netloc
    return [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != host]


def axe_violations(page, axe: Path, rules: list[str] | None = None) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now, or those of the given `rules` only (axe is
    added to the page once)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    # resultTypes: only violations are reported in full; passes and the like are not collected node by node.
    result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary'][:160]}" for v in result["violations"]]


def first_visit_weight(requests: list[str], site_url: str, site: Path) -> dict[str, int]:
    """Each file a page loaded from the site (`requests`: its URLs), as gzip would serve it (the search
    index left out: MkDocs' search/search_index.json, Zensical's search.json)."""
    weights = {}
    for url in requests:
        parsed = urlparse(url)
        if not url.startswith(site_url) or parsed.path.endswith(("/search_index.json", "/search.json")):
            continue
        path = site / parsed.path.lstrip("/")
        if path.is_dir() or parsed.path.endswith("/"):
            path = path / "index.html"
        if path.is_file():
            weights[parsed.path] = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return weights


# Every cell of every table in the article, in sight: inside the viewport, no table scrolling sideways. Where
# a table is shown as cards its header row is hidden, and each cell must then show its column's header.
TABLES_OUT_OF_SIGHT = """() => {
  const width = document.documentElement.clientWidth, problems = [];
  for (const table of document.querySelectorAll('article table')) {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    const box = table.closest('.md-typeset__scrollwrap') || table;
    if (box.scrollWidth > box.clientWidth + 1) problems.push(`${heads.join('|')}: scrolls sideways`);
    const headerShown = table.querySelector('thead') && table.querySelector('thead').getBoundingClientRect().height > 1;
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        const text = cell.textContent.trim(), r = cell.getBoundingClientRect();
        if (!text) return;
        if (r.width < 1 || r.left < -0.5 || r.right > width + 0.5)
          problems.push(`${heads[i]}: ${text} out of sight (${Math.round(r.left)}–${Math.round(r.right)} px)`);
        const label = getComputedStyle(cell, '::before');
        if (!headerShown && heads[i] && (cell.dataset.label !== heads[i] || label.display === 'none' || label.content === 'none'))
          problems.push(`${heads[i]}: ${text} shown without its header`);
      });
    }
  }
  return problems;
}"""

# The headers of each table in the article.
TABLE_HEADERS = "() => [...document.querySelectorAll('article table')].map(t => [...t.querySelectorAll('thead th')].map(th => th.textContent.trim()))"

CHARTS_LOADED = """() => [...document.querySelectorAll('article img')].filter(i => /\\.svg$/.test(new URL(i.src).pathname))
  .every(i => i.complete && i.naturalWidth > 0 && i.currentSrc === i.src)"""

# Each SVG chart of the article with its smallest text in CSS px as drawn: font-size × rendered width ÷
# viewBox width (the chart is an image, scaled to fit the content's width).
CHART_TEXT = """async () => {
  const charts = [];
  for (const img of document.querySelectorAll('article img')) {
    if (!/\\.svg$/.test(new URL(img.src).pathname)) continue;
    const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml').documentElement;
    const viewBoxWidth = Number(svg.getAttribute('viewBox').trim().split(/[\\s,]+/)[2]);
    const sizes = [...svg.getElementsByTagName('text')].map(text => {
      let node = text;
      while (node.parentNode && node.parentNode.nodeType === 1 && !node.getAttribute('font-size')) node = node.parentNode;
      return parseFloat(node.getAttribute('font-size') || '16');
    });
    charts.push({src: new URL(img.src).pathname, px: Math.min(...sizes) * img.getBoundingClientRect().width / viewBoxWidth});
  }
  return charts;
}"""


def chart_text_px(page) -> dict[str, float]:
    """Each chart's smallest text in CSS px, by the chart's path, once every chart image has loaded."""
    page.wait_for_function(CHARTS_LOADED, timeout=10_000)
    return {chart["src"]: round(chart["px"], 1) for chart in page.evaluate(CHART_TEXT)}


# Once nothing has moved for 50 ms (no transition running, the focused element where it was:
# the theme starts some transitions a frame after the focus moves) and the focused element is on screen.
FOCUS_SETTLED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  const place = [r.left, r.top, r.width, r.height].join(), last = window.__focusSeen || {};
  if (document.getAnimations().some(a => a.playState === 'running') || last.element !== e || last.place !== place) {
    window.__focusSeen = {element: e, place, since: performance.now()};
    return false;
  }
  return performance.now() - last.since > 50 && r.width > 0 && r.height > 0
    && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
}"""

# The focused element: whether it is shown (on screen, and nothing around it see-through), and its outline and
# that outline's contrast with what is behind it: at the middle of each side, where
# the outline is drawn, the backgrounds of everything there but the element itself (for an outline drawn
# inside, the element's too), composited over white. WCAG 2.1 asks 3:1 of a focus indicator.
FOCUS_RING = """() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const width = parseFloat(s.outlineWidth), offset = parseFloat(s.outlineOffset), inside = offset < 0;
  const d = offset + width / 2, ring = rgba(s.outlineColor);
  const points = [[r.left - d, r.top + r.height / 2], [r.right + d, r.top + r.height / 2],
                  [r.left + r.width / 2, r.top - d], [r.left + r.width / 2, r.bottom + d]]
    .map(([x, y]) => [Math.min(Math.max(x, 0), innerWidth - 1), Math.min(Math.max(y, 0), innerHeight - 1)]);
  const contrasts = points.map(([x, y]) => {
    const layers = [];
    for (const el of document.elementsFromPoint(x, y)) {
      if (!inside && (el === e || e.contains(el))) continue;
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let bg = [255, 255, 255];
    for (const c of layers.reverse()) bg = bg.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
    const [a, b] = [lum(ring), lum(bg)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  });
  let shown = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  for (let node = e; node && node.nodeType === 1; node = node.parentElement)
    shown = shown && parseFloat(getComputedStyle(node).opacity) > 0.1;
  return {name: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${(e.textContent || '').trim().slice(0, 12)}`,
          inDrawer: !!e.closest('.md-sidebar--primary'), shown, style: s.outlineStyle, width, ringAlpha: ring[3],
          contrast: Math.round(Math.min(...contrasts) * 10) / 10};
}"""
