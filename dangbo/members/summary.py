"""Member strength kept in `MemberSummary` (see dangbo/rollups/engine.py).

Own counts of an organization: its active members, official and probationary. Every write
that changes a member's organization or status runs inside `track(queryset)` (counts of the
touched rows before and after; the difference goes to the ancestors in the same
transaction) or hands its new rows to `apply_changes`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager

from django.db.models import Count, QuerySet

from dangbo.members.models import Member, MemberStatus, MemberSummary
from dangbo.rollups import engine

COLUMNS = ("official", "probationary")
STATUS_COLUMN = {MemberStatus.OFFICIAL.value: 0, MemberStatus.PROBATIONARY.value: 1}


def own_counts_sql() -> tuple[str, list]:
    sql = f"""
        SELECT organization_id,
               CAST(COUNT(CASE WHEN status = %s THEN 1 END) AS INTEGER) AS official,
               CAST(COUNT(CASE WHEN status = %s THEN 1 END) AS INTEGER) AS probationary
        FROM {Member._meta.db_table} WHERE status IN (%s, %s) GROUP BY organization_id"""
    statuses = [MemberStatus.OFFICIAL.value, MemberStatus.PROBATIONARY.value]
    return sql, statuses + statuses


SPEC = engine.SummarySpec("members", MemberSummary, COLUMNS, own_counts_sql, keys=())


def apply_changes(before: Iterable[tuple[int, str]], after: Iterable[tuple[int, str]]) -> None:
    """(organization_id, status) of the touched members before and after a write."""
    change: Counter = Counter(after)
    change.subtract(Counter(before))
    deltas: dict[tuple[int], list[int]] = {}
    for (org, status), n in change.items():
        if n and status in STATUS_COLUMN:
            deltas.setdefault((org,), [0, 0])[STATUS_COLUMN[status]] += n
    engine.apply(SPEC, deltas)


def _grouped(queryset: QuerySet) -> Counter:
    rows = queryset.order_by().values_list("organization_id", "status").annotate(n=Count("id"))
    return Counter({(org, status): n for org, status, n in rows})


@contextmanager
def track(queryset: QuerySet):
    """Members in `queryset` before and after the block; the difference is applied."""
    before = _grouped(queryset)
    yield
    apply_changes(before.elements(), _grouped(queryset).elements())


def counts(org_ids: list[int]) -> dict[int, dict]:
    """{org_id: {active, official, probationary}} over each whole subtree (zeros when none)."""
    found = engine.read(SPEC, org_ids)
    out = {}
    for org_id in org_ids:
        row = found.get((org_id,), {"official": 0, "probationary": 0})
        out[org_id] = {"active": row["official"] + row["probationary"], **row}
    return out
