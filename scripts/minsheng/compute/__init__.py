"""Compute: progress, status, schedule and funds from the loaded records. Knows nothing of pages."""
