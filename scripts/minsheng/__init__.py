"""minsheng: the build tool of the 民生实事 transparency portal (load → validate → compute → render → site)."""

__version__ = "0.1.0"
