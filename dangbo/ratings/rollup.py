"""Roll-ups: how many members and grassroots organizations reached each level, per subtree.

Set-based on SQLite and PostgreSQL alike (DESIGN.md "Ratings and roll-ups"): ratings are
first counted per organization from the (year, organization, level) covering index, then
those per-organization sums are pushed up the closure table. Never a loop over
organizations: the national roll-up of every node is two statements.

Percentages are over those actually rated (DOMAIN.md §1.2.9); who is not rated is shown
apart, never mixed into the denominator.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from dangbo.core import vn
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure
from dangbo.ratings import rules
from dangbo.ratings import summary
from dangbo.ratings.models import MemberRating, OrgRating, RatingSummary, RatingTarget, TargetSubject
from dangbo.rollups import engine

MEMBER_TABLE = MemberRating._meta.db_table
ORG_RATING_TABLE = OrgRating._meta.db_table
CLOSURE_TABLE = OrgClosure._meta.db_table
ORG_TABLE = Organization._meta.db_table
GRASSROOTS = tuple(str(kind) for kind in GRASSROOTS_KINDS)


@dataclass
class LevelCounts:
    """Counts per level of one subject (members or grassroots organizations) in one subtree."""

    counts: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, level: str) -> int:
        if level not in rules.LEVEL_LABELS:
            raise KeyError(level)  # templates then fall back to attributes (c.total, c.cells)
        return self.counts.get(level, 0)

    def get(self, level: str, default: int = 0) -> int:
        return self.counts.get(level, default)

    @property
    def total(self) -> int:
        return sum(self.counts.get(level, 0) for level in rules.LEVELS)

    def percent(self, level: str) -> float | None:
        return vn.percent(self[level], self.total)

    def at_least(self, level: str) -> int:
        return rules.count_at_least(self.counts, level)

    def at_least_percent(self, level: str) -> float | None:
        return vn.percent(self.at_least(level), self.total)

    @property
    def good(self) -> int:
        """Hoàn thành tốt nhiệm vụ trở lên."""
        return self.at_least(rules.HTTNV)

    @property
    def good_percent(self) -> float | None:
        return self.at_least_percent(rules.HTTNV)

    def cells(self) -> list[dict]:
        """[{level, label, short, n, percent}] in level order, for templates and exports."""
        return [{"level": level, "label": rules.LEVEL_LABELS[level], "short": rules.LEVEL_SHORT[level],
                 "n": self[level], "percent": self.percent(level)} for level in rules.LEVELS]

    def as_dict(self) -> dict:
        return {"total": self.total, **{level: self[level] for level in rules.LEVELS}}


# -- the set-based queries ------------------------------------------------------------------


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _fetch(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _grouped(rows) -> dict[int, Counter]:
    result: dict[int, Counter] = {}
    for key, level, n in rows:
        result.setdefault(key, Counter())[level] += int(n)
    return result


def _from_summary(org_ids, years, columns) -> dict[tuple[int, int], Counter]:
    rows = engine.read(summary.SPEC, org_ids, years)
    return {key: Counter({column.split("_", 1)[1]: counts[column] for column in columns if counts[column]})
            for key, counts in rows.items()}


def member_counts(org_ids: list[int], year: int) -> dict[int, Counter]:
    """{org_id: Counter(level -> members rated)} over each organization's whole subtree
    (read from the maintained summary: one indexed lookup per organization)."""
    found = _from_summary(org_ids, [year], summary.MEMBER_COLUMNS)
    return {org: counter for (org, _), counter in found.items() if counter}


def grassroots_counts(org_ids: list[int], year: int) -> dict[int, Counter]:
    """{org_id: Counter(level -> grassroots organizations rated)} over each whole subtree."""
    found = _from_summary(org_ids, [year], summary.GRASSROOTS_COLUMNS)
    return {org: counter for (org, _), counter in found.items() if counter}


def counts_by_year(org_id: int) -> dict[str, dict[int, Counter]]:
    """{"members": {year: Counter}, "grassroots": {year: Counter}} for one subtree, every year."""
    out: dict[str, dict[int, Counter]] = {"members": {}, "grassroots": {}}
    for subject, columns in (("members", summary.MEMBER_COLUMNS), ("grassroots", summary.GRASSROOTS_COLUMNS)):
        for (_, year), counter in _from_summary([org_id], None, columns).items():
            if counter:
                out[subject][year] = counter
    return out


def all_rollups(year: int) -> dict[int, dict[str, Counter]]:
    """{org_id: {"members": Counter, "grassroots": Counter}} for every node, computed now from the
    ratings (the summary's fresh computation: per-organization pivot lifted over the closure)."""
    result: dict[int, dict[str, Counter]] = {}
    for (org, row_year), values in engine.fresh(summary.SPEC).items():
        if row_year != year:
            continue
        counts = dict(zip(summary.SPEC.columns, values))
        result[org] = {subject: Counter({c.split("_", 1)[1]: counts[c] for c in columns if counts[c]})
                       for subject, columns in (("members", summary.MEMBER_COLUMNS),
                                                ("grassroots", summary.GRASSROOTS_COLUMNS))}
    return result


def live_member_counts(org_ids: list[int], year: int) -> dict[int, Counter]:
    """The same numbers as member_counts, counted now from the ratings (for checks and benches)."""
    if not org_ids:
        return {}
    ids = _placeholders(org_ids)
    sql = f"""
        SELECT c.ancestor_id, p.level, SUM(p.n)
        FROM (SELECT organization_id, level, COUNT(*) AS n FROM {MEMBER_TABLE}
              WHERE year = %s AND organization_id IN
                    (SELECT descendant_id FROM {CLOSURE_TABLE} WHERE ancestor_id IN ({ids}))
              GROUP BY organization_id, level) p
        JOIN {CLOSURE_TABLE} c ON c.descendant_id = p.organization_id
        WHERE c.ancestor_id IN ({ids})
        GROUP BY c.ancestor_id, p.level
    """
    return _grouped(_fetch(sql, [year, *org_ids, *org_ids]))


def rated_years() -> list[int]:
    """Years that have any rating, newest first: the summary rows of the root organizations
    (a handful of rows; never a DISTINCT over every rating)."""
    years = (RatingSummary.objects.filter(organization__parent__isnull=True).order_by()
             .values_list("year", flat=True).distinct())
    return sorted(set(years), reverse=True)


# -- what the dashboard and the reports show ---------------------------------------------------


@dataclass
class TargetCheck:
    target: RatingTarget
    met: bool | None  # None: nobody rated, cannot judge
    count: int
    total: int
    percent: float | None
    needed: int


@dataclass
class UnitRollup:
    organization: Organization
    members: LevelCounts
    grassroots: LevelCounts
    previous_members: LevelCounts
    previous_grassroots: LevelCounts
    targets: list[TargetCheck] = field(default_factory=list)

    @property
    def misses_a_target(self) -> bool:
        return any(check.met is False for check in self.targets)


@dataclass
class Rollup:
    organization: Organization
    year: int
    total: UnitRollup
    children: list[UnitRollup]
    targets: list[RatingTarget]

    def missing_units(self) -> list[tuple[RatingTarget, list[UnitRollup]]]:
        """For each target, the direct child units that miss it."""
        out = []
        for index, target in enumerate(self.targets):
            missed = [unit for unit in self.children if unit.targets[index].met is False]
            out.append((target, missed))
        return out


def targets_for(org: Organization, year: int) -> list[RatingTarget]:
    """Targets of the year set by the organization or any organization above it."""
    ancestor_ids = OrgClosure.objects.filter(descendant_id=org.pk).values("ancestor_id")
    return list(RatingTarget.objects.filter(year=year, organization_id__in=ancestor_ids)
                .select_related("organization").order_by("organization__depth", "subject", "min_level"))


def check_target(target: RatingTarget, members: LevelCounts, grassroots: LevelCounts) -> TargetCheck:
    counts = members if target.subject == TargetSubject.MEMBERS else grassroots
    return TargetCheck(target, rules.target_met(counts.counts, target.min_level, target.min_percent),
                       counts.at_least(target.min_level), counts.total, counts.at_least_percent(target.min_level),
                       rules.needed_for_target(counts.total, target.min_percent))


def build(org: Organization, year: int) -> Rollup:
    """The organization and each direct child unit: this year, last year and the targets."""
    children = list(Organization.objects.filter(parent=org).order_by("path"))
    ids = [org.pk] + [child.pk for child in children]
    members, grassroots = member_counts(ids, year), grassroots_counts(ids, year)
    previous_members, previous_grassroots = member_counts(ids, year - 1), grassroots_counts(ids, year - 1)
    targets = targets_for(org, year)

    def unit(node: Organization) -> UnitRollup:
        result = UnitRollup(
            node,
            LevelCounts(dict(members.get(node.pk, {}))), LevelCounts(dict(grassroots.get(node.pk, {}))),
            LevelCounts(dict(previous_members.get(node.pk, {}))), LevelCounts(dict(previous_grassroots.get(node.pk, {}))),
        )
        result.targets = [check_target(t, result.members, result.grassroots) for t in targets]
        return result

    units = [unit(child) for child in children]
    # Child units without any rating (e.g. dissolved long ago) are left out of the table.
    units = [u for u in units if u.members.total or u.grassroots.total or u.previous_members.total
             or u.organization.dissolved is None]
    return Rollup(org, year, unit(org), units, targets)


def trend(org: Organization, years: int = 5) -> dict:
    """Share at HTTNV or above (members, grassroots) over the last `years` rated years."""
    data = counts_by_year(org.pk)
    rated = sorted(set(data["members"]) | set(data["grassroots"]))
    all_years = rated[-years:]
    return {
        "all_years": rated[::-1],  # every year rated in this subtree, newest first
        "years": all_years,
        "members": [LevelCounts(dict(data["members"].get(y, {}))) for y in all_years],
        "grassroots": [LevelCounts(dict(data["grassroots"].get(y, {}))) for y in all_years],
    }
