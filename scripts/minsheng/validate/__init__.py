"""Validate: checks across records that no single record's schema can see."""

from ..load.data_folder import DataFolder, load_data_folder
from ..problems import Report
from .cycle import check_cycle
from .ledger import check_ledger
from .places import check_places
from .plan import check_plan
from .privacy import check_privacy
from .progress import check_months
from .publication import check_cycle_publication, check_releases, check_revisions


def validate_data(root) -> tuple[DataFolder, Report]:
    """Load everything under `root` and check it; the report holds every problem found."""
    plan, problems = load_data_folder(root)
    report = Report(problems)
    report.extend(check_plan(plan))
    report.extend(check_places(plan))
    for year in plan.years.values():
        report.extend(check_months(year))
        report.extend(check_ledger(plan, year))
        report.extend(check_releases(year))
        report.extend(check_revisions(year))
        report.extend(check_cycle_publication(year))
        report.extend(check_privacy(year))
        report.extend(check_cycle(plan, year))
    return plan, report


PLAN_FILES = ("site.yaml", "units.yaml", "rules.yaml", "notice.yaml", "notice.txt", "places.yaml", "vocabulary.yaml", "cycle.yaml")


def plan_errors(report: Report) -> list:
    """The errors in the plan itself (not in monthly reports or the ledger): entry tools need a sound plan."""
    return [p for p in report.errors if p.file.endswith(PLAN_FILES) or "/items/" in p.file]
