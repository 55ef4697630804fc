"""The yearly cycle as the pages show it: which steps the year had, the proposals' counts, the vote (every
candidate, elected or not, by the rule), adjustments, oversight, the 测评 with each item's rating computed by
the rule (cycle_rules.py, never typed), each item's timeline from proposal to rating, and the open data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..cycle_rules import elected, rating
from ..formats import chinese_date
from ..load.data_folder import Year
from ..model import STEPS, CycleRevision, Rules
from ..model.cycle import (CYCLE_FILES, CYCLE_STEP_OF_FILE, CYCLE_TITLES, CYCLE_TYPES, RATINGS, Cycle, CycleRow, Rated,
                           Voted)
from ..revisions import shown
from .open_data import Dataset, Field


@dataclass(frozen=True)
class Step:
    key: str
    name: str  # 征集, 票决, …
    had: bool  # the year had this step


@dataclass(frozen=True)
class Moment:
    """One line of an item's timeline."""

    date: object  # a date, or None when the step has none
    step: str
    text: str


@dataclass(frozen=True)
class Correction:
    """A published cell of the cycle changed later, in words: the step, the row, the column, before and after."""

    record: CycleRevision
    step: str  # 征集, 票决, …
    row: str  # the row as a reader knows it: H03 the candidate's title; the item's numbered title; 群众·交通出行·未采纳
    what: str  # the column's header: 赞成, 满意, 答复 …
    old: str  # in brief (the full text is in revisions.yaml and the open data)
    new: str


@dataclass(frozen=True)
class YearCycle:
    cycle: Cycle | None
    steps: tuple[Step, ...]  # all five, in order, each marked had or not
    had: tuple[str, ...]  # the names of the steps the year had
    proposals: tuple[CycleRow, ...]
    proposal_total: int
    proposal_sources: tuple[tuple[str, int], ...]  # (source, proposals), in the order of SOURCES
    proposal_categories: tuple[tuple[str, int, int], ...]  # (category, proposals, adopted), most first
    declined: tuple[CycleRow, ...]  # the rows not taken, with their reason
    candidates: tuple[Voted, ...]  # each with whether the rule elects it, most votes first
    elected_count: int
    adjustments: tuple[CycleRow, ...]
    oversight: tuple[CycleRow, ...]
    ratings: tuple[Rated, ...]  # each with the rating the rule gives, in the list's order
    rating_counts: tuple[tuple[str, int], ...]  # (rating, items)
    item_rating: dict[str, Rated]  # item id → its 测评
    item_vote: dict[str, Voted]  # item id → its candidate
    timelines: dict[str, tuple[Moment, ...]]  # item id → its timeline
    datasets: tuple[Dataset, ...]
    corrections: tuple[Correction, ...]  # changes to published cycle files, as recorded (revisions.yaml's `cycle`)

    @property
    def candidate_count(self) -> int:
        return len(self.candidates)

    @property
    def rated_count(self) -> int:
        return len(self.ratings)

    @property
    def to_put_right(self) -> tuple[Rated, ...]:
        """The items rated below 满意, which must be put right and reported again: shown first, with what followed."""
        return tuple(rated for rated in self.ratings if rated.below)

    @property
    def voted(self) -> bool:
        return "票决" in self.had

    @property
    def rated(self) -> bool:
        return "测评" in self.had

    @property
    def full(self) -> bool:
        """The year had more than the 实施 alone: its pages show the cycle."""
        return self.had != ("实施",)


def year_cycle(year: Year, rules: Rules) -> YearCycle:
    cycle, files = year.cycle, year.cycle_files
    had = set(cycle.steps) if cycle else {"implementation"}
    rows = {stem: tuple(files[stem].rows) if stem in files else () for stem in CYCLE_FILES}
    proposals = rows["proposals"]
    by_source, by_category, adopted = Counter(), Counter(), Counter()
    for row in proposals:
        by_source[row["source"]] += row["count"] or 0
        by_category[row["category"]] += row["count"] or 0
        adopted[row["category"]] += (row["count"] or 0) if row["outcome"] == "采纳" else 0
    candidates = ()
    if cycle and cycle.vote and cycle.vote.seats:
        chosen, _ = elected([r["for"] or 0 for r in rows["candidates"]], cycle.vote.seats, cycle.vote.members,
                            rules.rating, [(r["for"] or 0) + (r["against"] or 0) + (r["abstain"] or 0) for r in rows["candidates"]])
        candidates = tuple(sorted((Voted(r, i in chosen) for i, r in enumerate(rows["candidates"])), key=lambda v: -(v.row["for"] or 0)))
    ratings = ()
    if cycle and cycle.rating:
        order = {item.id: index for index, item in enumerate(year.items)}
        ratings = tuple(sorted((Rated(r, rating(*(r[n] or 0 for n in ("satisfied", "fair", "unsatisfied", "abstain")),
                                               cycle.rating.members, rules.rating)) for r in rows["ratings"]),
                               key=lambda rated: order.get(rated.row["item"], len(order))))
    item_rating = {rated.row["item"]: rated for rated in ratings}
    item_vote = {voted.row["item"]: voted for voted in candidates if voted.row["item"]}
    counted = Counter(rated.rating for rated in ratings)
    names = {item.id: item.numbered for item in year.items} | {
        r["candidate"]: f"{r['candidate']} {r['title']}" for r in rows["candidates"]}
    return YearCycle(
        cycle, tuple(Step(key, name, key in had) for key, name in STEPS.items()),
        tuple(name for key, name in STEPS.items() if key in had),
        proposals, sum(by_source.values()), tuple((s, by_source[s]) for s in by_source),
        tuple((c, n, adopted[c]) for c, n in by_category.most_common()),
        tuple(r for r in proposals if r["outcome"] == "未采纳"),
        candidates, sum(1 for voted in candidates if voted.elected), rows["adjustments"],
        tuple(sorted(rows["oversight"], key=lambda r: r["date"])), ratings,
        tuple((word, counted[word]) for word in RATINGS), item_rating, item_vote,
        _timelines(year, cycle, sum(by_source.values()), item_vote, rows, item_rating),
        _datasets(candidates, rows, ratings, revisions := year.revisions.cycle if year.revisions else ()),
        tuple(_correction(r, names) for r in revisions))


def _correction(revision: CycleRevision, names: dict[str, str]) -> Correction:
    """A recorded correction in words; its row's name with the ids in it (an item's, a candidate's) named."""
    header = next((c.header for c in CYCLE_FILES[revision.file] if c.name == revision.field), revision.field)
    return Correction(revision, STEPS[CYCLE_STEP_OF_FILE[revision.file]],
                      "·".join(names.get(part, part) for part in revision.row.split("·")), header,
                      shown(revision.field, revision.old), shown(revision.field, revision.new))


def _timelines(year: Year, cycle: Cycle | None, proposed: int, voted: dict, rows: dict, rated: dict) -> dict:
    """Each item's steps, in order of date: proposals, its vote, adjustments, oversight, its 测评 and what followed."""
    if not cycle or cycle.steps == ["implementation"]:
        return {}
    found: dict[str, list[Moment]] = {item.id: [] for item in year.items}
    for item, moments in found.items():
        if cycle.proposals:
            moments.append(Moment(cycle.proposals.end, "征集", f"{chinese_date(cycle.proposals.start)}起公开征集，收到建议{proposed}件"))
        if item in voted:
            row = voted[item].row
            moments.append(Moment(cycle.vote.date, "票决", f"{cycle.vote.body}票决（候选项目{row['candidate']}）：赞成{row['for']}票、"
                                  f"反对{row['against']}票、弃权{row['abstain']}票，{'当选' if voted[item].elected else '未当选'}"))
        for row in rows["adjustments"]:
            if row["item"] == item:
                moments.append(Moment(row["date"], "实施", f"{row['decision']}：{row['kind']}。{row['content']}"))
        for row in rows["oversight"]:
            if row["item"] in (item, ""):
                answer = f"{row['unit']}答复：{row['response']}" if row["response"] else "尚未答复"
                moments.append(Moment(row["date"], "监督", f"{row['kind']}：{row['content']}（{answer}）"))
        if item in rated:
            row, word = rated[item].row, rated[item].rating
            moments.append(Moment(cycle.rating.date, "测评", f"{cycle.rating.body}测评：满意{row['satisfied']}票，基本满意{row['fair']}票，"
                                  f"不满意{row['unsatisfied']}票，弃权{row['abstain']}票；按规则评为{word}"))
            if word != "满意":
                moments.append(Moment(None, "整改", row["follow_up"] or "评为基本满意或不满意的项目要整改并再次报告；整改情况尚未填报"))
    return {item: tuple(sorted(moments, key=lambda m: str(m.date or "~"))) for item, moments in found.items()}


def _datasets(candidates, rows: dict, ratings, revisions) -> tuple[Dataset, ...]:
    """A table for each step the year has a file for; the vote's and the 测评's with the result the rule gives; the
    corrections of published files when there are any (the 更正说明 column itself is in those, not in the tables)."""
    computed = {"candidates": ("elected", "是否当选（按规则计算）", [(v.row, "当选" if v.elected else "未当选") for v in candidates]),
                "ratings": ("rating", "测评结果（按规则计算）", [(r.row, r.rating) for r in ratings])}
    tables = []
    for stem, columns in CYCLE_FILES.items():
        if not rows[stem]:
            continue
        fields = [Field(c.name, CYCLE_TYPES.get(c.name, "string"), c.header, c.meaning) for c in columns
                  if c.name not in ("elected", "correction")]
        pairs = [(r, None) for r in rows[stem]]
        if stem in computed:
            name, title, pairs = computed[stem]
            fields.append(Field(name, "string", title))
        tables.append(Dataset(f"cycle-{stem}", *CYCLE_TITLES[stem], tuple(fields),
                              tuple(tuple(r[f.name] if f.name in r.cells and f.name != "elected" else extra for f in fields)
                                    for r, extra in pairs)))
    if revisions:
        tables.append(Dataset("cycle-revisions", "年度流程的更正记录", "年度流程的文件发布后被改动的内容：原公布值、更正后和更正说明", (
            Field("date", "date", "更正公布日期"), Field("file", "string", "文件", "proposals、candidates、adjustments、oversight 或 ratings"),
            Field("row", "string", "哪一行"), Field("field", "string", "更正的列", "列的英文名，见数据说明"),
            Field("old", "any", "原公布值", "空表示原来是空白或没有这一行"), Field("new", "any", "更正后", "空表示现在是空白或这一行已删除"),
            Field("note", "string", "更正说明")),
            tuple((r.date.isoformat(), r.file, r.row, r.field, r.old, r.new, r.note) for r in revisions)))
    return tuple(tables)
