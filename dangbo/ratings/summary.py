"""The rating roll-up kept in `RatingSummary` (see dangbo/rollups/engine.py).

Own counts of an organization: its member ratings (rows whose `organization` is it: the
cell at rating time) and, when it is a grassroots organization (TCCSĐ), its own rating.
Every rating write goes through `track_members` / `track_orgs` (before/after counts of the
rows it touches, the difference applied to the ancestors in the same transaction) or hands
its changes to `apply_member_changes`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager

from django.db.models import Count, QuerySet

from dangbo.orgs.models import GRASSROOTS_KINDS, Organization
from dangbo.ratings import rules
from dangbo.ratings.models import MemberRating, OrgRating, RatingSummary
from dangbo.rollups import engine

MEMBER_COLUMNS = tuple(f"members_{level}" for level in rules.LEVELS)
GRASSROOTS_COLUMNS = tuple(f"grassroots_{level}" for level in rules.LEVELS)
GRASSROOTS = tuple(str(kind) for kind in GRASSROOTS_KINDS)


def _level_counts(column: str) -> list[str]:
    return [f"CAST(COUNT(CASE WHEN {column} = '{level}' THEN 1 END) AS INTEGER)" for level in rules.LEVELS]


def own_counts_sql() -> tuple[str, list]:
    """Per organization and year: members rated per level, and its own rating if grassroots.

    The levels are pivoted into integer columns (one row per organization, not one per
    level), so the lift over the closure table joins a quarter of the rows."""
    members = ", ".join(f"{count} AS {name}" for count, name in zip(_level_counts("level"), MEMBER_COLUMNS))
    members += "".join(f", 0 AS {name}" for name in GRASSROOTS_COLUMNS)
    grassroots = ", ".join(["0"] * len(MEMBER_COLUMNS) + _level_counts("r.level"))
    kinds = ", ".join(["%s"] * len(GRASSROOTS))
    sql = f"""
        SELECT organization_id, year, {members} FROM {MemberRating._meta.db_table}
        GROUP BY organization_id, year
        UNION ALL
        SELECT r.organization_id, r.year, {grassroots}
        FROM {OrgRating._meta.db_table} r JOIN {Organization._meta.db_table} o ON o.id = r.organization_id
        WHERE o.kind IN ({kinds}) GROUP BY r.organization_id, r.year"""
    return sql, list(GRASSROOTS)


SPEC = engine.SummarySpec("ratings", RatingSummary, MEMBER_COLUMNS + GRASSROOTS_COLUMNS, own_counts_sql)


def _vector(subject: str, level: str, n: int) -> list[int]:
    values = [0] * len(SPEC.columns)
    values[SPEC.columns.index(f"{subject}_{level}")] = n
    return values


def apply_changes(subject: str, before: Iterable[tuple[int, int, str]], after: Iterable[tuple[int, int, str]]) -> None:
    """Rows (organization_id, year, level) that existed before and after a write -> deltas."""
    change: Counter = Counter()
    for key in after:
        change[key] += 1
    for key in before:
        change[key] -= 1
    deltas: dict[tuple[int, int], list[int]] = {}
    for (org, year, level), n in change.items():
        if n:
            current = deltas.setdefault((org, year), [0] * len(SPEC.columns))
            for index, value in enumerate(_vector(subject, level, n)):
                current[index] += value
    engine.apply(SPEC, deltas)


def apply_member_changes(before, after) -> None:
    apply_changes("members", before, after)


def _grouped(queryset: QuerySet) -> list[tuple[int, int, str]]:
    rows = queryset.order_by().values_list("organization_id", "year", "level").annotate(n=Count("id"))
    return [(org, year, level) for org, year, level, n in rows for _ in range(n)]


@contextmanager
def track_members(queryset: QuerySet):
    """Member ratings in `queryset` before and after the block; the difference is applied."""
    before = _grouped(queryset)
    yield
    apply_changes("members", before, _grouped(queryset))


@contextmanager
def track_orgs(queryset: QuerySet):
    """Organization ratings in `queryset` (only grassroots ones count) before and after the block."""
    queryset = queryset.filter(organization__kind__in=GRASSROOTS)
    before = _grouped(queryset)
    yield
    apply_changes("grassroots", before, _grouped(queryset))


def rebuild() -> int:
    return engine.rebuild([SPEC.name])[SPEC.name]
