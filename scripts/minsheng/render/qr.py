"""The QR code to a page, as SVG (segno), for a 乡镇 page's printed notice-board sheet: a phone's camera opens
the page from the sheet."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> bytes:
    """`url` as a QR code (error correction M, 4 modules of quiet zone), black on white, scalable SVG."""
    out = io.BytesIO()
    segno.make_qr(url, error="m").save(out, kind="svg", scale=4, border=4, dark="#000", light="#fff",
                                       title=url, svgclass=None, lineclass=None, omitsize=True)  # viewBox: it scales
    return out.getvalue()
