"""The statuses: each told apart by its word, its symbol and its look, and styled by the portal's CSS."""

from __future__ import annotations

from conftest import ROOT

from minsheng.status import LAGGING, Status, lagging_word, possible_statuses


def test_every_status_has_its_own_word_symbol_and_chart_style():
    for attribute in ("word", "symbol", "css_class"):
        assert len({getattr(status, attribute) for status in Status}) == len(Status), attribute
    assert len({status.bar.colour for status in Status}) == len(Status)
    assert len({status.bar.hatch for status in Status}) == len(Status)  # not told apart by colour alone


def test_every_status_is_styled_by_the_portals_css():
    css = (ROOT / "content" / "assets" / "portal.css").read_text(encoding="utf-8")
    assert [status for status in Status if f".{status.css_class}" not in css] == []


def test_a_status_reads_and_compares_as_its_stored_text():
    assert Status.FAR_BEHIND == "far_behind" and f"{Status.FAR_BEHIND}" == "far_behind"
    assert Status("not_done") is Status.NOT_DONE


def test_lagging_has_one_meaning_and_one_word_a_year():
    assert LAGGING == {Status.BEHIND, Status.FAR_BEHIND, Status.NOT_DONE}
    assert all(status.lagging for status in LAGGING) and not Status.QUALITATIVE.lagging
    assert lagging_word(ended=False) == "滞后" and lagging_word(ended=True) == "未完成"


def test_before_the_deadline_an_item_is_paced_after_it_done_or_not():
    assert Status.NOT_DONE not in possible_statuses(ended=False)
    assert Status.BEHIND in possible_statuses(ended=False)
    after = possible_statuses(ended=True)
    assert Status.NOT_DONE in after and not any(status.paced for status in after)
