"""The month's files: `new-month` and `export` (a month's workbook, keeping the rows it was written with), `import`
(a filled-in workbook into the month's CSV files, only its own cells when another clerk's came first), `publish`
(a release, and the corrections it discloses)."""
