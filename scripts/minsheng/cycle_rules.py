"""The published rules of the deputies' vote and of the 测评 (rules.yaml's `rating`), applied to counts: which
candidates are elected, and what rating an item's counts give. validate/ checks the office's 是否当选 against
`elected`; compute/ shows both; the tests recompute them from the downloads."""

from __future__ import annotations

from collections.abc import Sequence

from .model.cycle import RatingRule


def base(rule: RatingRule, members: int, cast: int) -> int:
    """“全体代表”: the members (组成人员) or those who voted, as the rule says."""
    return members if rule.base == "members" else cast


def elected(votes_for: Sequence[int], seats: int, members: int, rule: RatingRule, cast: Sequence[int] = ()) -> tuple[set[int], set[int]]:
    """(the indexes elected, the indexes tied at the last seat): the candidates whose votes for exceed
    `rule.elected_above` % of all members, the most votes first, up to `seats`. A tie for the last seat elects
    neither (a new ballot decides)."""
    whole = base(rule, members, max(cast, default=0))
    passed = sorted((i for i, n in enumerate(votes_for) if n * 100 > whole * rule.elected_above),
                    key=lambda i: -votes_for[i])
    if len(passed) <= seats:
        return set(passed), set()
    last = votes_for[passed[seats - 1]]
    tied = {i for i in passed if votes_for[i] == last}
    if votes_for[passed[seats]] == last:
        return {i for i in passed[:seats] if votes_for[i] > last}, tied
    return set(passed[:seats]), set()


def rating(satisfied: int, fair: int, unsatisfied: int, abstain: int, members: int, rule: RatingRule) -> str:
    """满意, 基本满意 or 不满意 (镇海's rule by default): 满意 when 满意 votes exceed `satisfied_above` % of all
    members; 不满意 when 满意 + 基本满意 are `unsatisfied_at_most` % or fewer; otherwise 基本满意."""
    whole = base(rule, members, satisfied + fair + unsatisfied + abstain)
    if satisfied * 100 > whole * rule.satisfied_above:
        return "满意"
    if (satisfied + fair) * 100 <= whole * rule.unsatisfied_at_most:
        return "不满意"
    return "基本满意"
