"""Record reads of personal data: one insert per page, API read, export or import."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from dangbo.audit.models import AccessKind, AccessLogEntry


def client_address(request) -> str | None:
    """The client's address as the server saw it (behind a proxy, REMOTE_ADDR as the proxy sets it)."""
    return request.META.get("REMOTE_ADDR") or None


def _entry(request, kind: str, **fields) -> AccessLogEntry:
    user = request.user if getattr(request.user, "is_authenticated", False) else None
    return AccessLogEntry.objects.create(user=user, username=user.get_username() if user else "", kind=kind,
                                         address=client_address(request), **fields)


def member_read(request, member, kind: str = AccessKind.MEMBER_PAGE) -> AccessLogEntry:
    """A member's record was shown (page) or read (API)."""
    return _entry(request, kind, member=member, organization_id=member.organization_id)


def bulk(request, kind: str, what: str, *, filters: dict | None = None, row_count: int | None = None,
         organization_id: int | None = None) -> AccessLogEntry:
    """An export or import: which one, with which filter, how many rows."""
    return _entry(request, kind, what=what[:255], filters=filters or {}, row_count=row_count,
                  organization_id=organization_id)


def request_filters(request) -> dict:
    """The query string as the export was asked for (the filter a reviewer wants to see)."""
    return {key: request.GET.getlist(key) if len(request.GET.getlist(key)) > 1 else request.GET.get(key)
            for key in request.GET}


class Counted:
    """Wraps an iterable of rows and counts them as they stream by."""

    def __init__(self, rows: Iterable):
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator:
        for row in self.rows:
            self.count += 1
            yield row


def retention_days() -> int:
    return int(getattr(settings, "DANGBO_ACCESS_LOG_RETENTION_DAYS", 730))


def expired(now=None, days: int | None = None) -> QuerySet[AccessLogEntry]:
    """Entries older than the retention period."""
    now = now or timezone.now()
    return AccessLogEntry.objects.filter(at__lt=now - timezone.timedelta(days=retention_days() if days is None else days))


def prune(now=None, days: int | None = None) -> int:
    """Delete entries older than the retention period in one statement: the only deletion
    there is (the log's queryset and model refuse delete and update everywhere else)."""
    deleted, _ = models.QuerySet.delete(expired(now, days))
    return deleted
