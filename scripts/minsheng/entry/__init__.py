"""Data entry: the office's tools that write data files. The month's files (monthly, month_files, excel,
merge, file_kind, publish), the new year (new_year, notice_text, candidates), the browser route through GitHub
(inbox, open_month, reply, github) and generated data (sample, synth).

They sit beside the build pipeline, not in it: each writes data/ files that `minsheng validate`
then checks like any file the office edits by hand.
"""
