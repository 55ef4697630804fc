"""Publish: run the static site generator over the generated pages and swap the result into place."""
