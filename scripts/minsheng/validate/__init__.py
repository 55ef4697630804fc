"""Validate: checks across records that no single record's schema can see."""

from ..load.plan import Plan, load_plan
from ..problems import Report
from .plan import check_plan
from .progress import check_months


def validate_data(root) -> tuple[Plan, Report]:
    """Load everything under `root` and check it; the report holds every problem found."""
    plan, problems = load_plan(root)
    report = Report(problems)
    report.extend(check_plan(plan))
    for year in plan.years.values():
        report.extend(check_months(year))
    return plan, report
