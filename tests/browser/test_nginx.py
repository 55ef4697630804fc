"""The sample nginx configuration (deploy/nginx.conf, issue 23): the site under its path with its 404 page,
caching and gzip; a policy that allows nothing outside the site, whose script hashes are those of the build's
inline scripts. The browser tests of test_address.py are served with its headers and check for violations."""

from __future__ import annotations

import re

from browser.conftest import NGINX, nginx_headers
from minsheng.website.csp import script_hashes

CONF = NGINX
headers = nginx_headers


def _policy() -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in headers()["Content-Security-Policy"].split(";")) if d}


def test_the_configuration_serves_the_site_under_its_path_with_its_404_page_caching_and_gzip():
    text = CONF.read_text(encoding="utf-8")
    for needed in ("location /msss/", "error_page 404 /msss/404.html", "gzip on;", "expires 1y;", "root /srv/www;"):
        assert needed in text, needed
    assert set(headers()) == {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"}
    assert headers()["X-Content-Type-Options"] == "nosniff"


def test_the_policy_allows_nothing_outside_the_site_and_no_inline_script_but_the_themes(addressed_site):
    policy = _policy()
    assert policy["default-src"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    for directive, sources in policy.items():
        assert not any(s == "*" or re.match(r"(https?:|\*|[\w-]+\.[\w.-]+)", s) for s in sources), (directive, sources)
    scripts = policy["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert sorted(s for s in scripts if s.startswith("'sha256-")) == script_hashes(addressed_site)
    assert len(script_hashes(addressed_site)) >= 3
