"""Read-only dashboards and reports on PostgreSQL streaming replicas, with the primary as
fallback (docs/DEPLOY.md "Primary, replicas and workers").

Replicas are the DATABASES aliases `replica_N` built from DANGBO_REPLICA_URLS. Only code
that runs inside `reading_reports()` (the `@reads_reports` views: rating dashboards, their
exports, the roll-up API) reads from a replica; everything else, and every write, uses the
primary. A replica that cannot be reached is skipped for RETRY_AFTER seconds.
"""
from __future__ import annotations

import contextvars
import functools
import random
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

RETRY_AFTER = 30.0
_reports = contextvars.ContextVar("dangbo_reading_reports", default=False)
_down_until: dict[str, float] = {}


@contextmanager
def reading_reports():
    token = _reports.set(True)
    try:
        yield
    finally:
        _reports.reset(token)


def reads_reports(view):
    """A view whose queries are all reads that may lag the primary by a moment."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        with reading_reports():
            return view(*args, **kwargs)

    return wrapper


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


def _connect(alias: str) -> None:
    connections[alias].ensure_connection()


def _reachable(alias: str) -> bool:
    if _down_until.get(alias, 0) > time.monotonic():
        return False
    try:
        _connect(alias)
    except OperationalError:
        _down_until[alias] = time.monotonic() + RETRY_AFTER
        return False
    return True


def report_database() -> str:
    """The alias report reads go to now: a reachable replica, else the primary."""
    if not _reports.get():
        return DEFAULT_DB_ALIAS
    candidates = replica_aliases()
    random.shuffle(candidates)
    return next((alias for alias in candidates if _reachable(alias)), DEFAULT_DB_ALIAS)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return report_database()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
