"""Data entry: the tools that write the office's monthly files (new-month, import, sample data).

They sit beside the build pipeline, not in it: each writes data/ files that `minsheng validate`
then checks like any file the office edits by hand.
"""
