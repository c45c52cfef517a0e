"""Maintained roll-ups: summary tables kept equal to a fresh count over each subtree.

Every summary is one row per (organization, year) -- or per organization for current
figures such as member strength -- with integer columns; a row holds the counts over the
organization's whole subtree. Three ways keep them right, all set-based:

- `rebuild()`: the fastest correct full computation (DESIGN.md "Ratings and roll-ups"):
  count each organization's own rows with the levels pivoted into integer columns, then
  lift those per-organization rows over the closure table in one join. After bulk loads
  (`dangbo demo`, `dangbo rollup rebuild`).
- `apply()`: a write changes a few organizations' own counts by a delta; the delta is added
  to every ancestor of each (closure rows of one node: the cost of one write is the depth
  of the tree), as an upsert, in the writer's transaction.
- `subtree_moved()`: moving a subtree subtracts its totals from the old ancestors and adds
  them to the new ones.

`check()` compares every row with a fresh computation (`dangbo rollup check`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.db import connection, connections, router, transaction

from dangbo.orgs.models import OrgClosure

CLOSURE = OrgClosure._meta.db_table
DELTA_BATCH = 400  # rows of deltas per upsert statement (parameters stay far below SQLite's limit)


@dataclass(frozen=True)
class SummarySpec:
    """One summary table: its model, its value columns, and the SQL of each organization's
    OWN counts, `own_counts_sql() -> (sql, params)` selecting (organization_id, <keys>,
    <columns in order>). A yearly summary has keys ("year",); a current-state one (member
    strength) has none."""

    name: str
    model: type
    columns: tuple[str, ...]
    own_counts_sql: Callable[[], tuple[str, list]]
    keys: tuple[str, ...] = ("year",)  # key columns besides organization_id: ("year",) or ()

    @property
    def table(self) -> str:
        return self.model._meta.db_table


_REGISTRY: dict[str, SummarySpec] = {}


def register(spec: SummarySpec) -> SummarySpec:
    _REGISTRY[spec.name] = spec
    return spec


def specs(names: Iterable[str] | None = None) -> list[SummarySpec]:
    if names is None:
        return list(_REGISTRY.values())
    return [_REGISTRY[name] for name in names]


def _lift_sql(spec: SummarySpec, where: str = "") -> tuple[str, list]:
    own_sql, params = spec.own_counts_sql()
    sums = ", ".join(f"SUM(p.{c})" for c in spec.columns)
    keys = "".join(f", p.{k}" for k in spec.keys)
    sql = (f"SELECT c.ancestor_id{keys}, {sums} FROM ({own_sql}) p "
           f"JOIN {CLOSURE} c ON c.descendant_id = p.organization_id {where} "
           f"GROUP BY c.ancestor_id{keys}")
    return sql, params


def _key_names(spec: SummarySpec) -> str:
    return ", ".join(("organization_id", *spec.keys))


def _tuned(cursor) -> None:
    """PostgreSQL's JIT costs 120-270 ms on these statements and saves nothing (DESIGN.md)."""
    if connection.vendor == "postgresql":
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL work_mem = '64MB'")


@transaction.atomic
def rebuild(names: Iterable[str] | None = None) -> dict[str, int]:
    """Recompute every row of the given summaries (all by default); {name: rows written}."""
    written = {}
    with connection.cursor() as cursor:
        _tuned(cursor)
        for spec in specs(names):
            # TRUNCATE is transactional on PostgreSQL and far cheaper than deleting every row.
            cursor.execute(f"TRUNCATE {spec.table}" if connection.vendor == "postgresql" else f"DELETE FROM {spec.table}")
            columns = ", ".join(spec.columns)
            if connection.vendor == "postgresql":
                cursor.execute(f"INSERT INTO {spec.table} ({_key_names(spec)}, {columns}) {_lift_in_two_steps(cursor, spec)}")
                written[spec.name] = cursor.rowcount
                cursor.execute("SET LOCAL enable_hashagg = on")
            else:
                lift, params = _lift_sql(spec)
                cursor.execute(f"INSERT INTO {spec.table} ({_key_names(spec)}, {columns}) {lift}", params)
                written[spec.name] = cursor.rowcount
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for spec in specs(names):
                cursor.execute(f"ANALYZE {spec.table}")
    return written


def _keyed(spec: SummarySpec, rows) -> dict[tuple, tuple[int, ...]]:
    width = 1 + len(spec.keys)
    return {tuple(row[:width]): tuple(int(v or 0) for v in row[width:]) for row in rows if any(row[width:])}


def _lift_in_two_steps(cursor, spec: SummarySpec) -> str:
    """PostgreSQL: the own counts first into a temporary table (CREATE TABLE AS runs in
    parallel, where INSERT ... SELECT never does), then the lift aggregated by sorting: its
    million groups at national scale made the hash aggregate spill to disk (2-4x slower)."""
    own_sql, params = spec.own_counts_sql()
    own = f"rollup_own_{spec.name}"
    cursor.execute(f"CREATE TEMPORARY TABLE {own} ON COMMIT DROP AS {own_sql}", params)
    cursor.execute("SET LOCAL enable_hashagg = off")
    sums = ", ".join(f"SUM(p.{c})" for c in spec.columns)
    keys = "".join(f", p.{k}" for k in spec.keys)
    return (f"SELECT c.ancestor_id{keys}, {sums} FROM {own} p JOIN {CLOSURE} c ON c.descendant_id = p.organization_id "
            f"GROUP BY c.ancestor_id{keys}")


def fresh(spec: SummarySpec) -> dict[tuple, tuple[int, ...]]:
    """{(organization_id, *keys): counts} computed now from the source rows (zeros left out)."""
    lift, params = _lift_sql(spec)
    with connection.cursor() as cursor:
        _tuned(cursor)
        cursor.execute(lift, params)
        return _keyed(spec, cursor.fetchall())


def stored(spec: SummarySpec) -> dict[tuple, tuple[int, ...]]:
    columns = ", ".join(spec.columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_key_names(spec)}, {columns} FROM {spec.table}")
        return _keyed(spec, cursor.fetchall())


def check(names: Iterable[str] | None = None) -> dict[str, list[tuple]]:
    """{name: [((organization_id, *keys), stored counts, fresh counts)]} of every row that differs."""
    problems = {}
    for spec in specs(names):
        want, have = fresh(spec), stored(spec)
        zeros = (0,) * len(spec.columns)
        problems[spec.name] = [(key, have.get(key, zeros), want.get(key, zeros))
                               for key in sorted(set(want) | set(have)) if have.get(key) != want.get(key)]
    return problems


def apply(spec: SummarySpec, deltas: Mapping[tuple, Iterable[int]]) -> None:
    """Add {(organization_id, *keys): per-column delta} of own counts to every ancestor's row.

    One upsert per batch: the deltas are lifted over the closure rows of their organizations
    (each node's ancestors) and added to the existing rows, or inserted. Call it inside the
    transaction of the write that caused the change. Rows are upserted in key order, so two
    concurrent writes under the same ancestors lock them in the same order (no deadlock):
    the second waits for the first to commit.
    """
    rows = [(*key, *map(int, values)) for key, values in deltas.items() if any(values)]
    if not rows:
        return
    columns = spec.columns
    names = ", ".join(columns)
    keys = "".join(f", d.{k}" for k in spec.keys)
    width = 1 + len(spec.keys) + len(columns)
    row_marks = "(" + ", ".join(["%s"] * width) + ")"
    sums = ", ".join(f"SUM(d.{c})" for c in columns)
    updates = ", ".join(f"{c} = {spec.table}.{c} + excluded.{c}" for c in columns)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), DELTA_BATCH):
            batch = rows[start:start + DELTA_BATCH]
            values = ", ".join([row_marks] * len(batch))
            # WHERE 1 = 1: SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT.
            cursor.execute(
                f"""WITH d ({_key_names(spec)}, {names}) AS (VALUES {values})
                    INSERT INTO {spec.table} ({_key_names(spec)}, {names})
                    SELECT c.ancestor_id{keys}, {sums} FROM d JOIN {CLOSURE} c ON c.descendant_id = d.organization_id
                    WHERE 1 = 1 GROUP BY c.ancestor_id{keys} ORDER BY c.ancestor_id{keys}
                    ON CONFLICT ({_key_names(spec)}) DO UPDATE SET {updates}""",
                [value for row in batch for value in row])


def subtree_moved(org_id: int, old_parent_id: int | None, new_parent_id: int | None) -> None:
    """After a subtree moved: its totals leave the old ancestors and join the new ones.

    The subtree's own rows are unchanged (its content did not change); only the chains
    above it differ. Run in the move's transaction, after or before the closure update
    (the old and the new parent are outside the moved subtree).
    """
    for spec in specs():
        columns = ", ".join(spec.columns)
        keys = len(spec.keys)
        select_keys = "".join(f"{k}, " for k in spec.keys)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {select_keys}{columns} FROM {spec.table} WHERE organization_id = %s", [org_id])
            totals = cursor.fetchall()
        if old_parent_id is not None:
            apply(spec, {(old_parent_id, *row[:keys]): [-v for v in row[keys:]] for row in totals})
        if new_parent_id is not None:
            apply(spec, {(new_parent_id, *row[:keys]): row[keys:] for row in totals})


def recompute_chain(org_id: int) -> None:
    """Recompute the rows of `org_id` and every ancestor from the source rows (after a change
    that alters what counts, such as an organization's kind)."""
    for spec in specs():
        ancestors = f"SELECT ancestor_id FROM {CLOSURE} WHERE descendant_id = %s"
        lift, params = _lift_sql(spec, where=f"WHERE c.ancestor_id IN ({ancestors})")
        columns = ", ".join(spec.columns)
        with connection.cursor() as cursor:
            _tuned(cursor)
            cursor.execute(f"DELETE FROM {spec.table} WHERE organization_id IN ({ancestors})", [org_id])
            cursor.execute(f"INSERT INTO {spec.table} ({_key_names(spec)}, {columns}) {lift}", [*params, org_id])


def read(spec: SummarySpec, org_ids: Iterable[int], years: Iterable[int] | None = None
         ) -> dict[tuple, dict[str, int]]:
    """{(organization_id, *keys): {column: count}} for the given organizations (and years)."""
    org_ids = list(org_ids)
    if not org_ids:
        return {}
    columns = ", ".join(spec.columns)
    width = 1 + len(spec.keys)
    sql = (f"SELECT {_key_names(spec)}, {columns} FROM {spec.table} "
           f"WHERE organization_id IN ({', '.join(['%s'] * len(org_ids))})")
    params: list = list(org_ids)
    if years is not None:
        years = list(years)
        sql += f" AND year IN ({', '.join(['%s'] * len(years))})"
        params += years
    # Dashboards read through the router: a replica inside reading_reports(), else the primary.
    with connections[router.db_for_read(spec.model)].cursor() as cursor:
        cursor.execute(sql, params)
        return {tuple(row[:width]): dict(zip(spec.columns, row[width:])) for row in cursor.fetchall()}
