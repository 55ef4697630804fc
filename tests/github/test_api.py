"""The one decision that guards every write, and the one comment kept on a pull request."""

from __future__ import annotations

from minsheng.github.api import BOT, MARKER, may_write, upsert_comment

from .repository import REPOSITORY, FakeApi


def test_only_a_branch_of_the_repository_itself_is_written_to():
    assert may_write(REPOSITORY, REPOSITORY)
    assert may_write("HuangShan/MinSheng", REPOSITORY)  # GitHub's names are case-insensitive
    assert not may_write("someone/minsheng", REPOSITORY)  # a fork
    assert not may_write("huangshan/minsheng-copy", REPOSITORY)
    assert not may_write(None, REPOSITORY)  # a fork since deleted
    assert not may_write("", REPOSITORY) and not may_write(REPOSITORY, None)


def test_one_comment_is_kept_and_edited():
    api = FakeApi(comments=[{"id": 5, "body": "别的评论", "user": {"login": BOT}},
                            {"id": 6, "body": f"{MARKER}\n旧的结果", "user": {"login": BOT}}])
    assert upsert_comment(api, REPOSITORY, 7, "新的结果") == "updated"
    assert api.writes() == [("PATCH", f"/repos/{REPOSITORY}/issues/comments/6", {"body": f"{MARKER}\n新的结果"})]
