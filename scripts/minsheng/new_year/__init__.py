"""The new year: `new-year` drafts a year's list from its notice (any layout) or from the list as an office keeps
it (a workbook or CSV), with a review workbook in the clerk's words, and imports the decisions."""
