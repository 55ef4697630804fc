"""Reading a year's list as it was published: a notice's layout inferred from its whole text (`layouts`), its parts
(`notice_text`), its figures (`candidates`), or the list as an office keeps it, a workbook or CSV (`list_table`).
new_year/ turns what is read into drafts."""
