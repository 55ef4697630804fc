"""The hashes of the inline scripts a built site's pages run, for a Content-Security-Policy that allows
no inline script but these (deploy/nginx.conf's `script-src`). The theme writes a few small scripts into
every page; they differ with a page's depth and, on the 404 page, with the site's path, so the hashes
belong to a build: `python -m minsheng.website.csp site/` prints them for the site at hand."""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

# A script element without src whose type (if any) is JavaScript: what the browser runs and CSP checks.
_INLINE = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype=["']?([^"'\s>]+)""", re.I)
_JAVASCRIPT = {"", "text/javascript", "application/javascript", "module"}


def script_hashes(site: Path) -> list[str]:
    """Every inline script of every page under `site` as a CSP source, 'sha256-…', sorted."""
    found = set()
    for page in site.rglob("*.html"):
        for attributes, body in _INLINE.findall(page.read_text(encoding="utf-8")):
            kind = _TYPE.search(attributes)
            if (kind.group(1).lower() if kind else "") in _JAVASCRIPT:
                found.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'")
    return sorted(found)


if __name__ == "__main__":
    print(" ".join(script_hashes(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))))
