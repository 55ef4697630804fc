"""The whole site served under a path (issue 23): built with an address (https://www.example.gov.cn/msss/)
and served under /msss/ only, as the office's server or a government platform would, with the security headers
of deploy/nginx.conf, the home page, an item page, a download, a search and a missing page make no request that
fails and raise no Content-Security-Policy violation, in chromium."""

from __future__ import annotations

from browser.checks import csp_violations, foreign_requests, open_page
from browser.conftest import nginx_headers

ITEM = "2024/items/28/"


def _visit(browser, url: str, **kwargs):
    page = open_page(browser, url, 1280, 800, **kwargs)
    assert page.requests and all(r.startswith(url.split("/msss/")[0] + "/msss/") for r in page.requests
                                 if r.startswith("http://127.0.0.1")), page.requests
    return page


def test_home_and_an_item_page_load_everything_under_the_path(browser, prefixed_url):
    for path in ("", ITEM):
        page = _visit(browser, prefixed_url + path)
        assert page.failed == [] and foreign_requests(page, prefixed_url) == [] and csp_violations(page) == [], path
        served = page.request.get(prefixed_url + path).headers  # the configuration's headers were sent
        assert {name: served.get(name.lower()) for name in nginx_headers()} == nginx_headers()
        assert any(r.endswith("search_index.json") for r in page.requests), path  # the search worker found its index
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.context.close()


def test_a_download_resolves_under_the_path(browser, prefixed_url):
    page = _visit(browser, prefixed_url + "2024/downloads/", settled=False)
    links = page.eval_on_selector_all("article a[href$='.csv'], article a[href$='.xlsx']", "as => as.map(a => a.href)")
    assert len(links) > 2 and all(link.startswith(prefixed_url) for link in links)
    for link in (links[0], links[-1]):
        response = page.request.get(link)
        assert response.status == 200 and len(response.body()) > 100, link
    assert page.failed == [] and csp_violations(page) == []
    page.context.close()


def test_a_search_finds_and_opens_an_item_under_the_path(browser, prefixed_url):
    page = _visit(browser, prefixed_url)
    page.click("input.md-search__input")
    page.keyboard.type("两癌筛查")
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=15_000)
    assert csp_violations(page) == []
    first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(prefixed_url + "2024/items/"), page.url
    assert page.failed == [] and foreign_requests(page, prefixed_url) == [] and csp_violations(page) == []
    page.context.close()


def test_a_missing_page_deep_under_the_path_is_the_styled_404_page(browser, prefixed_url):
    missing = prefixed_url + "items/99/nothing/here/"
    page = _visit(browser, missing)
    assert page.failed == [f"404 {missing}"]  # the page itself, and nothing it loads
    assert csp_violations(page) == []
    assert "找不到这个页面" in page.inner_text("article")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    home = page.locator("article a", has_text="回到首页").evaluate("a => a.href")
    assert home.rstrip(".").rstrip("/") + "/" == prefixed_url
    page.context.close()


def test_the_qr_code_on_a_township_s_notice_board_sheet_opens_the_page(browser, prefixed_url, artifacts):
    """A 乡镇 page printed on A4 (print media, the sheet's own layout): the QR code on it, read by zxing-cpp from
    the printed sheet as drawn, is the page's address at the office's site (SITE_URL), as the sheet says in words."""
    import io

    import zxingcpp
    from PIL import Image

    from conftest import SITE_URL

    page = _visit(browser, prefixed_url + "places/tangkou/", settled=False)
    page.emulate_media(media="print")
    qr = page.locator("article img.ms-place__qr")
    assert qr.is_visible() and page.evaluate("() => document.querySelector('article img.ms-place__qr').naturalWidth") > 0
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    assert [(code.format, code.text) for code in found] == [(zxingcpp.BarcodeFormat.QRCode, SITE_URL + "places/tangkou/")]
    assert f"扫码在手机上查看本页：{SITE_URL}places/tangkou/" in page.inner_text("article")
    if artifacts:
        page.pdf(path=str(artifacts / "place-tangkou-sheet.pdf"), format="A4")
    page.context.close()
