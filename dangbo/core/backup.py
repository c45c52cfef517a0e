"""Backup and restore of the whole site: the database plus uploaded files, in one archive.

The archive (`dangbo-<database>-<date>-<time>.tar`) holds
- `manifest.json`: format, date, database kind, the row count of every table, the last
  migration of every app, and a SHA-256 of every other member of the archive;
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite,
  copied with SQLite's online backup API);
- `media/...`: the uploaded files (documents, reports).

The snapshot is consistent: on PostgreSQL the row counts are taken in the very snapshot
pg_dump exports (`pg_export_snapshot`); on SQLite they are read from the copy itself.
A restore goes into a database of the same kind, refuses a database that holds data unless
forced, checks every checksum before it touches anything, and compares the row counts after.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DB_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Tables that a freshly migrated, still empty database already fills.
BOOKKEEPING_TABLES = {"django_migrations", "django_content_type", "auth_permission"}


class BackupError(Exception):
    """Something the operator must fix; the message says what (Vietnamese)."""


# -- helpers ---------------------------------------------------------------------------------

def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def count_rows(cursor, tables, quote) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def current_counts() -> dict[str, int]:
    """Row count of every table of the configured database."""
    with connection.cursor() as cursor:
        # SQLite's own statistics tables (sqlite_stat1 after ANALYZE) are not data.
        tables = [t for t in connection.introspection.table_names(cursor) if not t.startswith("sqlite_")]
        return count_rows(cursor, tables, connection.ops.quote_name)


def holds_data(counts: dict[str, int]) -> list[str]:
    return [table for table, rows in counts.items() if rows and table not in BOOKKEEPING_TABLES]


def last_migrations() -> dict[str, str]:
    latest = {}
    for app, name in MigrationRecorder.Migration.objects.order_by("id").values_list("app", "name"):
        latest[app] = name
    return latest


def pg_params() -> dict:
    s = connection.settings_dict
    return {"dbname": s["NAME"], "user": s["USER"] or None, "password": s["PASSWORD"] or None,
            "host": s["HOST"] or None, "port": s["PORT"] or None}


def pg_command_env() -> tuple[list[str], dict]:
    """Connection options for pg_dump/pg_restore; the password goes through the environment."""
    p = pg_params()
    args = ["--dbname", p["dbname"]]
    if p["host"]:
        args += ["--host", p["host"]]
    if p["port"]:
        args += ["--port", str(p["port"])]
    if p["user"]:
        args += ["--username", p["user"]]
    env = dict(os.environ)
    if p["password"]:
        env["PGPASSWORD"] = p["password"]
    return args, env


def run_tool(command: list[str], env: dict) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"Không tìm thấy {command[0]}: cài gói postgresql-client (apt-get install postgresql-client).") from error
    if done.returncode != 0:
        raise BackupError(f"{command[0]} báo lỗi: {done.stderr.strip()[:2000]}")


# -- backup ------------------------------------------------------------------------------------

def snapshot_postgresql(target: Path) -> dict[str, int]:
    """pg_dump in the snapshot where the rows were counted: counts and dump agree exactly."""
    try:
        return _snapshot_postgresql(target)
    except psycopg.Error as error:
        raise BackupError(f"Lỗi cơ sở dữ liệu khi sao lưu: {error}") from error


def _snapshot_postgresql(target: Path) -> dict[str, int]:
    with psycopg.connect(**{k: v for k, v in pg_params().items() if v is not None}) as conn:
        with conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = [row[0] for row in cursor.fetchall()]
            counts = count_rows(cursor, tables, lambda name: '"' + name.replace('"', '""') + '"')
            args, env = pg_command_env()
            run_tool(["pg_dump", "--format=custom", f"--snapshot={snapshot_id}", "--no-owner", "--no-privileges",
                      "--file", str(target), *args], env)
        conn.rollback()
    return counts


def snapshot_sqlite(target: Path) -> dict[str, int]:
    """SQLite's online backup API: a consistent copy while the site keeps running."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        tables = [row[0] for row in copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return count_rows(copy.cursor(), tables, lambda name: '"' + name.replace('"', '""') + '"')
    finally:
        copy.close()


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


@dataclass
class BackupResult:
    path: Path
    tables: dict[str, int]
    media_count: int


def backup(directory: Path) -> BackupResult:
    vendor = connection.vendor
    if vendor not in DB_FILES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    final = directory / f"dangbo-{vendor}-{stamp}.tar"
    with tempfile.TemporaryDirectory(dir=directory, prefix=".dangbo-backup-") as work:
        work = Path(work)
        db_file = work / DB_FILES[vendor]
        counts = snapshot_postgresql(db_file) if vendor == "postgresql" else snapshot_sqlite(db_file)
        media_root = Path(settings.MEDIA_ROOT)
        files = media_files()
        checksums = {DB_FILES[vendor]: sha256_of(db_file)}
        checksums.update({f"media/{p.relative_to(media_root).as_posix()}": sha256_of(p) for p in files})
        manifest = {
            "format": FORMAT,
            "app": "dangbo",
            "created_at": timezone.now().isoformat(),
            "database": vendor,
            "tables": counts,
            "migrations": last_migrations(),
            "files": checksums,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        partial = work / "archive.tar"
        with tarfile.open(partial, "w") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(db_file, arcname=DB_FILES[vendor])
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        os.chmod(partial, 0o600)  # personal data: readable by the service account only
        os.replace(partial, final)
    return BackupResult(final, counts, len(files))


# -- restore -----------------------------------------------------------------------------------

def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("Tệp này không phải bản sao lưu dangbo (thiếu manifest.json).") from error
    if manifest.get("app") != "dangbo" or manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng không nhận ra.")
    return manifest


def verify_checksums(work: Path, manifest: dict) -> None:
    for name, expected in manifest["files"].items():
        path = work / name
        if not path.is_file() or sha256_of(path) != expected:
            raise BackupError(f"Bản sao lưu bị hỏng: {name} không khớp mã kiểm tra.")


def restore_postgresql(dump: Path) -> None:
    connections.close_all()
    try:
        with psycopg.connect(**{k: v for k, v in pg_params().items() if v is not None}) as conn:
            # Everything of the current database goes, so no table of a newer version is left over.
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute("CREATE SCHEMA public")
    except psycopg.Error as error:
        raise BackupError(f"Không xóa được dữ liệu cũ (tài khoản cơ sở dữ liệu phải là chủ sở hữu): {error}") from error
    args, env = pg_command_env()
    run_tool(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
              *args, str(dump)], env)


def restore_sqlite(copy: Path) -> None:
    connections.close_all()
    source = sqlite3.connect(copy)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)  # replaces every page of the target database
    finally:
        source.close()
        target.close()


def restore_media(work: Path) -> int:
    source = work / "media"
    if not source.is_dir():
        return 0
    count = 0
    for path in source.rglob("*"):
        if path.is_file():
            target = Path(settings.MEDIA_ROOT) / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            count += 1
    return count


@dataclass
class RestoreResult:
    created_at: datetime
    tables: dict[str, int]
    media_count: int


def restore(archive_path: Path, *, force: bool = False) -> RestoreResult:
    vendor = connection.vendor
    with tarfile.open(archive_path, "r") as archive:
        manifest = read_manifest(archive)
        if manifest["database"] != vendor:
            raise BackupError(f"Bản sao lưu của {manifest['database']} không khôi phục được vào {vendor}.")
        occupied = holds_data(current_counts())
        if occupied and not force:
            raise BackupError("Cơ sở dữ liệu đang có dữ liệu (bảng " + ", ".join(occupied[:5])
                              + (", ..." if len(occupied) > 5 else "") + "). Khôi phục sẽ xóa hết dữ liệu hiện có; "
                              "nếu chắc chắn, chạy lại với --force.")
        work_parent = Path(archive_path).resolve().parent
        with tempfile.TemporaryDirectory(dir=work_parent, prefix=".dangbo-restore-") as work:
            work = Path(work)
            archive.extractall(work, filter="data")  # no absolute paths, no escaping "..", no devices
            verify_checksums(work, manifest)
            db_file = work / DB_FILES[vendor]
            if vendor == "postgresql":
                restore_postgresql(db_file)
            else:
                restore_sqlite(db_file)
            media_count = restore_media(work)
    counts = current_counts()
    expected = manifest["tables"]
    wrong = [t for t in expected if counts.get(t) != expected[t]]
    if wrong:
        raise BackupError("Sau khi khôi phục, số dòng không khớp ở các bảng: " + ", ".join(wrong))
    return RestoreResult(datetime.fromisoformat(manifest["created_at"]), counts, media_count)
