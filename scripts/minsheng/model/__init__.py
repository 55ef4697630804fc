"""Typed records of the data files, and their schema, one module for each part of the data: base.py
(what all records share), plan.py (units, groups, notice, items), site.py (settings and rules),
publication.py (releases, corrections, the 问题销号 ledger), places.py (乡镇 and residents' words) and reports.py (the monthly CSV files).

Field titles are the Chinese names that validation messages and the published data dictionary use.
The JSON Schema of every file is derived from these classes (`minsheng schema`), so the
documentation cannot drift from the checks.
"""

# The package's interface: every record type, importable as minsheng.model.X
from .base import ITEM_ID, SLUG, Comparator, DataNote, Record, field_label, file_keys, model_at  # noqa: F401
from .plan import (MONEY_UNITS, WHOLE_UNITS, PAID_KINDS, Category, Group, GroupsFile, Indicator, Item, Milestone, Notice, PolicyParameter, Schedule, Unit,  # noqa: F401
                   UnitsFile)
from .places import Phrasing, Place, PlacesFile, VocabularyFile  # noqa: F401
from .publication import (CycleRelease, CycleRevision, LedgerEntry, LedgerFile, Release, ReleasesFile, Revision,  # noqa: F401
                          RevisionsFile)
from .reports import (FUND_COLUMNS, FUND_FIGURES, FUND_HEADERS, FUND_SOURCES, NOT_REPORTED, UNCHANGED,  # noqa: F401
                      PROGRESS_COLUMNS, PROGRESS_HEADERS, PUBLISHED_FIELDS, Column, FundReport, IndicatorReport, ItemReport, MonthReport)
from .cycle import STEPS, Cycle, RatingRule  # noqa: F401
from .site import Feedback, Footer, Licence, Rules, Site  # noqa: F401

FILE_MODELS: dict[str, type[Record]] = {  # the schema of each kind of data file
    "site": Site,
    "rules": Rules,
    "units": UnitsFile,
    "groups": GroupsFile,
    "notice": Notice,
    "item": Item,
    "problems": LedgerFile,
    "releases": ReleasesFile,
    "revisions": RevisionsFile,
    "places": PlacesFile,
    "vocabulary": VocabularyFile,
    "cycle": Cycle,
}
