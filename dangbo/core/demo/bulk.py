"""Set-based writes for large loads (DESIGN.md "Bulk writes"): PostgreSQL COPY through psycopg 3,
SQLite executemany in the caller's transaction. Rows are tuples in the column order below;
dates may be ISO strings (both databases parse them)."""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date

from django.core.management.color import no_style
from django.db import connection

from dangbo.members.models import Member, MemberEvent
from dangbo.orgs.models import Organization, Position, Term

ORG_COLUMNS = ("id", "parent_id", "kind", "code", "name", "short_name", "established", "dissolved", "path", "depth")
TERM_COLUMNS = ("id", "organization_id", "name", "congress_ordinal", "start", "end")
MEMBER_COLUMNS = (
    "id", "full_name", "sort_key", "search_name", "birth_date", "gender", "ethnicity", "religion", "home_town",
    "citizen_id", "phone", "education", "professional_qualification", "political_theory", "occupation",
    "admission_date", "official_date", "card_number", "organization_id", "status", "created_at", "updated_at",
)
EVENT_COLUMNS = ("member_id", "kind", "date", "from_organization_id", "to_organization_id", "decision_number",
                 "discipline_form", "note", "created_by_id", "created_at")
SQLITE_BATCH = 50_000
POSITION_COLUMNS = ("id", "organization_id", "term_id", "member_id", "kind", "start", "end", "decision_number")


def write_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Append rows to table: COPY on PostgreSQL, one executemany on SQLite. Returns the row count."""
    qn = connection.ops.quote_name
    column_sql = ", ".join(qn(c) for c in columns)
    count = 0
    # wrap_database_errors: the raw driver's errors (a unique key taken meanwhile) come out as
    # Django's IntegrityError, which callers catch, like those of the ORM.
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {qn(table)} ({column_sql}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["?"] * len(columns))
        sql = f"INSERT INTO {qn(table)} ({column_sql}) VALUES ({placeholders})"
        if isinstance(rows, list):
            batches = [rows]
        else:  # a generator of millions of rows (benchmarks): in slices, memory stays flat
            iterator = iter(rows)
            batches = iter(lambda: list(itertools.islice(iterator, SQLITE_BATCH)), [])
        for batch in batches:
            # The raw sqlite3 cursor: no per-row placeholder conversion, no debug logging.
            connection.connection.executemany(sql, batch)
            count += len(batch)
        return count


def insert_organizations(rows: Iterable[Sequence]) -> int:
    return write_rows(Organization._meta.db_table, ORG_COLUMNS, rows)


def insert_terms(rows: Iterable[Sequence]) -> int:
    return write_rows(Term._meta.db_table, TERM_COLUMNS, rows)


def insert_members(rows: Iterable[Sequence]) -> int:
    return write_rows(Member._meta.db_table, MEMBER_COLUMNS, rows)


def synthetic_members(first_id: int, count: int, *, admission_date: Callable[[int], date],
                      organization: Callable[[int], int], status: Callable[[int], str], now) -> Iterator[tuple]:
    """Rows for insert_members of `count` numbered benchmark members ("Đảng viên i", born
    1/1/1980); the callables give member i's admission date, cell id and status."""
    for i in range(count):
        yield (first_id + i, f"Đảng viên {i}", f"{i:012d}", f"dang vien {i}", date(1980, 1, 1), "nam", "Kinh", "Không",
               "", None, "", "", "", "", "", admission_date(i), None, None, organization(i), status(i), now, now)


def insert_events(rows: Iterable[Sequence]) -> int:
    return write_rows(MemberEvent._meta.db_table, EVENT_COLUMNS, rows)


def insert_positions(rows: Iterable[Sequence]) -> int:
    return write_rows(Position._meta.db_table, POSITION_COLUMNS, rows)


def next_id(model) -> int:
    """First free primary key of model (rows are written with explicit ids)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(model._meta.db_table)}")
        return int(cursor.fetchone()[0])


def reserve_ids(model, count: int) -> list[int]:
    """`count` primary keys no other writer will take, for rows written with explicit ids
    (COPY cannot return them). PostgreSQL draws them from the table's sequence; SQLite has a
    single writer, so the next ids after MAX(id) inside the caller's transaction are free."""
    if count <= 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
            return [row[0] for row in cursor.fetchall()]
    first = next_id(model)
    return list(range(first, first + count))


def reset_sequences(models: Sequence) -> None:
    """After explicit ids, point PostgreSQL sequences past them (SQLite follows MAX(rowid))."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def db_datetime(value):
    """A datetime as the backend stores it (SQLite: text in UTC; PostgreSQL: the aware value)."""
    return connection.ops.adapt_datetimefield_value(value)


def analyze(tables: Sequence[str]) -> None:
    """Fresh planner statistics after a bulk load (outside a transaction on PostgreSQL is fine too)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        else:
            cursor.execute("ANALYZE")
