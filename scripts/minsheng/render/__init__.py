"""Render: Markdown pages (and later charts and open data) from computed values. Only this stage writes."""
