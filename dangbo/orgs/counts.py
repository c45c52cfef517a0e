"""Member counts per organization subtree, computed in the database in one grouped query."""
from __future__ import annotations

from django.db import connection

from dangbo.members.models import ACTIVE_STATUSES, Member, MemberStatus
from dangbo.orgs.models import OrgClosure


def _empty() -> dict:
    return {"active": 0, "official": 0, "probationary": 0}


def member_counts_for(org_ids: list[int]) -> dict[int, dict]:
    """{org_id: {active, official, probationary}} over each organization's whole subtree, read
    from the maintained summary (members/summary.py): one indexed lookup, whatever the size."""
    from dangbo.members import summary

    return summary.counts(list(org_ids))


def live_member_counts_for(org_ids: list[int]) -> dict[int, dict]:
    """The same numbers as member_counts_for, counted now from the member table.

    One join of the closure table with the (organization, status) index of members; written
    as SQL because the ORM would route the join through the organizations table and sort.
    """
    if not org_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(org_ids))
    # Grouping by the ancestor alone follows the closure table's primary key order, so the
    # database needs no sort; the official/probationary split is summed in the same pass.
    sql = f"""
        SELECT c.ancestor_id, SUM(CASE WHEN m.status = %s THEN 1 ELSE 0 END), COUNT(*)
        FROM {OrgClosure._meta.db_table} c
        JOIN {Member._meta.db_table} m ON m.organization_id = c.descendant_id
        WHERE c.ancestor_id IN ({placeholders}) AND m.status IN (%s, %s)
        GROUP BY c.ancestor_id
    """
    counts = {org_id: _empty() for org_id in org_ids}
    with connection.cursor() as cursor:
        cursor.execute(sql, [MemberStatus.OFFICIAL.value, *org_ids, *ACTIVE_STATUSES])
        for org_id, official, total in cursor.fetchall():
            official, total = int(official or 0), int(total)
            counts[org_id] = {"active": total, "official": official, "probationary": total - official}
    return counts


def member_count_in_subtree(org_id: int) -> int:
    return member_counts_for([org_id])[org_id]["active"]


def all_member_counts() -> dict[int, dict]:
    """Counts for every organization node at once (national roll-up).

    Members are first counted per organization (one index-only pass), then those few
    hundred thousand sums are pushed up the closure table: far cheaper than joining
    5.6 million members with every one of their ancestors.
    """
    member_table = Member._meta.db_table
    closure_table = OrgClosure._meta.db_table
    # The official/probationary split is summed in the same pass (one row per organization,
    # not one per status), so both GROUP BYs stay small.
    sql = f"""
        SELECT c.ancestor_id, SUM(per_org.official), SUM(per_org.n)
        FROM (SELECT organization_id, SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) AS official, COUNT(*) AS n
              FROM {member_table} WHERE status IN (%s, %s)
              GROUP BY organization_id) per_org
        JOIN {closure_table} c ON c.descendant_id = per_org.organization_id
        GROUP BY c.ancestor_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [MemberStatus.OFFICIAL.value, *ACTIVE_STATUSES])
        return {
            org_id: {"active": int(total), "official": int(official), "probationary": int(total) - int(official)}
            for org_id, official, total in cursor.fetchall()
        }
