"""Helpers shared by the admission screens."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from dangbo.core import vn
from dangbo.orgs.models import Organization, OrgClosure


def messages_of(error: ValidationError) -> list[str]:
    return [m for problems in error.message_dict.values() for m in problems]


def attach(form, error: ValidationError) -> None:
    form.add_problems(error)


def subtree(org: Organization):
    """Ids of the organization and everything under it, as a subquery (closure table)."""
    return OrgClosure.objects.filter(ancestor_id=org.pk).values("descendant_id")


def child_units(org: Organization) -> list[Organization]:
    return list(org.children.filter(dissolved__isnull=True).order_by("path"))


def period(request) -> tuple[int, date]:
    """(year, day) of a report from ?nam=yyyy&ngay=dd/mm/yyyy: by default this year up to today."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("nam") or today.year)
        on = vn.parse_date(request.GET.get("ngay")) if request.GET.get("ngay") else None
    except ValueError:
        raise Http404
    if not 2000 <= year <= 2100:
        raise Http404
    on = on or min(today, date(year, 12, 31))
    if on.year != year:
        on = date(year, 12, 31) if on.year > year else date(year, 1, 1)
    return year, on
