"""Where residents go and whom they call: the site's footer, the feedback channel and the lead units'
contact details, each with only the values the office has filled in.

A value starting with site.yaml's `placeholder_prefix` is not known yet: it is None here, so that no
placeholder reaches a page, and templates only test whether a value is there. Where a phone is
wanted and none is filled, site.yaml's hotline stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Site, Unit


@dataclass(frozen=True)
class Phone:
    number: str  # as shown, e.g. 0559-1234567
    tel: str  # as dialled, for a tap-to-call `tel:` link: digits (and a leading +) only
    label: str | None = None  # what the number is, for a number residents may not know




@dataclass(frozen=True)
class UnitContact:
    id: str
    name: str
    address: str | None
    phone: Phone | None
    hours: str | None
    website: str | None

    @property
    def known(self) -> bool:
        """Anything at all to show besides the name."""
        return any((self.address, self.phone, self.hours, self.website))


@dataclass(frozen=True)
class Footer:
    """site.yaml's footer, filled values only; `error_report_url` only when it is a link."""

    organizer: str | None
    contact: str | None
    site_id_code: str | None
    icp_record: str | None
    icp_record_url: str | None
    police_record: str | None
    error_report_url: str | None

    def front_matter(self) -> dict:
        """The filled values, for the page's front matter that overrides/main.html reads."""
        return {name: value for name, value in self.__dict__.items() if value is not None}


@dataclass(frozen=True)
class Feedback:
    """How residents comment or object: site.yaml's channel (the hotline while unfilled), how, and
    the objection period when the office has set one."""

    channel: str
    how: str | None
    objection_period: str | None
    hotline: Phone  # site.yaml's hotline


def filled(value: str | None, prefix: str) -> str | None:
    """`value`, or None when it is empty or still a placeholder."""
    if value is None or not value.strip() or value.startswith(prefix):
        return None
    return value


def dialled(number: str) -> str:
    """The digits of a phone number as a `tel:` link dials them: 0559-123 4567 → 05591234567."""
    return re.sub(r"[^0-9+]", "", number)


def unit_contact(unit: Unit, prefix: str) -> UnitContact:
    phone = filled(unit.phone, prefix)
    website = filled(unit.website, prefix)
    return UnitContact(
        unit.id, unit.name, filled(unit.address, prefix), Phone(phone, dialled(phone)) if phone else None,
        filled(unit.hours, prefix), website if website and website.startswith(("http://", "https://")) else None)


def footer(site: Site) -> Footer:
    prefix, f = site.placeholder_prefix, site.footer
    report = filled(f.error_report_url, prefix)
    icp = filled(f.icp_record, prefix)
    return Footer(
        filled(f.organizer, prefix), filled(f.contact, prefix), filled(f.site_id_code, prefix), icp,
        filled(f.icp_record_url, prefix) if icp else None, filled(f.police_record, prefix),
        report if report and report.startswith(("http://", "https://")) else None)


def site_url(site: Site) -> str | None:
    """The address the site is published at, ending in /, or None while it is a placeholder (or not a web address)."""
    url = filled(site.site_url, site.placeholder_prefix)
    if not url or not url.startswith(("http://", "https://")):
        return None
    return url if url.endswith("/") else url + "/"


def feedback(site: Site) -> Feedback:
    prefix, f = site.placeholder_prefix, site.feedback
    channel = filled(f.channel, prefix)
    hotline = Phone(f.hotline, f.hotline, f.hotline_name)
    return Feedback(channel or f"{f.hotline}{f.hotline_name}", filled(f.how, prefix) if channel else None,
                    filled(f.objection_period, prefix), hotline)
