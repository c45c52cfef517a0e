"""The one way to record a change. Call inside the same transaction as the change itself."""
from __future__ import annotations

import datetime
import decimal

from django.db import models
from django.db.models.fields.files import FieldFile

from dangbo.audit.models import AuditAction, AuditEntry


def snapshot(obj: models.Model, exclude: tuple[str, ...] = ()) -> dict:
    """JSON-safe values of the concrete fields (foreign keys as ids), but those in `exclude`."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.attname in exclude:
            continue
        value = getattr(obj, field.attname)
        if isinstance(value, (datetime.date, datetime.datetime, datetime.time, decimal.Decimal)):
            value = str(value)
        elif isinstance(value, FieldFile):
            value = value.name or ""  # the stored file's name, not its content
        data[field.attname] = value
    return data


def _org_id(obj: models.Model) -> int | None:
    if obj._meta.label == "orgs.Organization":
        return obj.pk
    return getattr(obj, "organization_id", None)


def record(user, action: str, obj: models.Model, *, before: dict | None = None, note: str = "",
           exclude: tuple[str, ...] = ()) -> AuditEntry:
    """Log a create/update/delete of obj; `before` is snapshot(obj) taken before the change
    (fields in `exclude`, such as password hashes, are left out of the log)."""
    after = None if action == AuditAction.DELETE else snapshot(obj, exclude)
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        model=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        organization_id=_org_id(obj),
        before=before,
        after=after,
        note=note,
    )


def record_bulk(user, model: type[models.Model], *, count: int, note: str, organization_id: int | None = None,
                details: dict | None = None) -> AuditEntry:
    """One entry for a whole import batch (file name, hash, row count), as DESIGN.md advises."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=AuditAction.IMPORT,
        model=model._meta.label,
        object_repr=f"{count} dòng",
        organization_id=organization_id,
        after=details or {"count": count},
        note=note,
    )
