"""The data dictionary in data/README.md documents exactly the columns the code reads."""

from conftest import DATA
from minsheng.model import FUND_COLUMNS, PROGRESS_COLUMNS
from minsheng.model.cycle import CYCLE_FILES

README = (DATA / "README.md").read_text(encoding="utf-8")


def test_every_column_is_documented_in_both_languages():
    for column in (*PROGRESS_COLUMNS, *FUND_COLUMNS, *(c for columns in CYCLE_FILES.values() for c in columns)):
        row = f"| {column.header} | {column.name} | {column.meaning} | {column.meaning_en} |"
        assert row in README, row
