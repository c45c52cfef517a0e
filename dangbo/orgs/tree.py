"""Keeping path and closure table right: create, move, rebuild. Set-based SQL throughout."""
from __future__ import annotations

from django.db import connection, transaction

from dangbo.orgs.models import PATH_SEGMENT_WIDTH, Organization, OrgClosure


UNPLACED = 32767


def path_segment(org_id: int) -> str:
    return f"{org_id:0{PATH_SEGMENT_WIDTH}d}"


@transaction.atomic
def create_organization(*, parent: Organization | None, **fields) -> Organization:
    """Insert a node with its path and its closure rows (itself + one per ancestor)."""
    org = Organization.objects.create(parent=parent, **fields)
    org.path = (parent.path if parent else "") + path_segment(org.pk)
    org.depth = parent.depth + 1 if parent else 0
    Organization.objects.filter(pk=org.pk).update(path=org.path, depth=org.depth)
    rows = [OrgClosure(ancestor_id=org.pk, descendant_id=org.pk, depth=0)]
    if parent is not None:
        rows += [
            OrgClosure(ancestor_id=link.ancestor_id, descendant_id=org.pk, depth=link.depth + 1)
            for link in OrgClosure.objects.filter(descendant=parent)
        ]
    OrgClosure.objects.bulk_create(rows)
    return org


@transaction.atomic
def move_subtree(org: Organization, new_parent: Organization) -> None:
    """Re-attach org (with its whole subtree) under new_parent: closure and paths in one transaction."""
    if OrgClosure.objects.filter(ancestor=org, descendant=new_parent).exists():
        raise ValueError("Không thể chuyển một tổ chức vào chính cấp dưới của nó.")
    table = OrgClosure._meta.db_table
    org_table = Organization._meta.db_table
    with connection.cursor() as cursor:
        # Drop links from the old ancestors (outside the subtree) to every node of the subtree.
        cursor.execute(
            f"""DELETE FROM {table}
                WHERE descendant_id IN (SELECT descendant_id FROM {table} WHERE ancestor_id = %s)
                  AND ancestor_id NOT IN (SELECT descendant_id FROM {table} WHERE ancestor_id = %s)""",
            [org.pk, org.pk],
        )
        # Link every ancestor of the new parent (itself included) to every node of the subtree.
        cursor.execute(
            f"""INSERT INTO {table} (ancestor_id, descendant_id, depth)
                SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
                FROM {table} up CROSS JOIN {table} down
                WHERE up.descendant_id = %s AND down.ancestor_id = %s""",
            [new_parent.pk, org.pk],
        )
        old_prefix_len = len(org.path)
        new_prefix = new_parent.path + path_segment(org.pk)
        depth_shift = new_parent.depth + 1 - org.depth
        cursor.execute(
            f"""UPDATE {org_table}
                SET path = %s || SUBSTR(path, %s), depth = depth + %s
                WHERE id IN (SELECT descendant_id FROM {table} WHERE ancestor_id = %s)""",
            [new_prefix, old_prefix_len + 1, depth_shift, org.pk],
        )
    old_parent_id = org.parent_id
    Organization.objects.filter(pk=org.pk).update(parent=new_parent)
    org.refresh_from_db()
    # The maintained roll-ups follow in the same transaction: the subtree's totals leave the
    # old ancestors and join the new ones.
    from dangbo.rollups import engine

    engine.subtree_moved(org.pk, old_parent_id, new_parent.pk)


@transaction.atomic
def rebuild_tree() -> None:
    """Recompute every path, depth and closure row from `parent`, level by level (after bulk loads)."""
    table = OrgClosure._meta.db_table
    org_table = Organization._meta.db_table
    width = PATH_SEGMENT_WIDTH
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
        pad = _zero_pad_sql("id", width)
        # Every node starts "unplaced" (depth 32767); roots are placed first, then each level.
        cursor.execute(f"UPDATE {org_table} SET depth = {UNPLACED}")
        cursor.execute(f"UPDATE {org_table} SET depth = 0, path = {pad} WHERE parent_id IS NULL")
        cursor.execute(f"INSERT INTO {table} (ancestor_id, descendant_id, depth) SELECT id, id, 0 FROM {org_table}")
        level = 0
        while True:
            child_pad = _zero_pad_sql(f"{org_table}.id", width)
            cursor.execute(
                f"""UPDATE {org_table} SET depth = %s,
                       path = (SELECT p.path FROM {org_table} p WHERE p.id = {org_table}.parent_id) || {child_pad}
                    WHERE parent_id IN (SELECT id FROM {org_table} WHERE depth = %s)""",
                [level + 1, level],
            )
            if cursor.rowcount == 0:
                break
            # Children inherit their parent's ancestors, one level deeper.
            cursor.execute(
                f"""INSERT INTO {table} (ancestor_id, descendant_id, depth)
                    SELECT c.ancestor_id, o.id, c.depth + 1
                    FROM {org_table} o JOIN {table} c ON c.descendant_id = o.parent_id
                    WHERE o.depth = %s""",
                [level + 1],
            )
            level += 1


def _zero_pad_sql(column: str, width: int) -> str:
    """SQL for the id zero-padded to the path segment width, on SQLite and PostgreSQL."""
    if connection.vendor == "postgresql":
        return f"LPAD(CAST({column} AS TEXT), {width}, '0')"
    return f"SUBSTR('{'0' * width}' || {column}, -{width}, {width})"
