"""Follow-up of meetings over a subtree: held vs due per month and quarter, attendance rates,
and members who missed meetings without a reason several times in a row.

Counts are grouped in SQL per cell (one row per cell that met), then lifted to the direct
children of the node through the closure table; nothing recurses in Python.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Q, When
from django.db.models.functions import ExtractMonth, ExtractQuarter

from dangbo.meetings import rules
from dangbo.meetings.models import Attendance, Kind, Meeting, Presence, Status
from dangbo.orgs.models import CELL_KINDS, Organization, OrgClosure

REGULAR_KINDS = (Kind.REGULAR, Kind.COMBINED)
THEMATIC_KINDS = (Kind.THEMATIC, Kind.COMBINED)


@dataclass
class UnitFollowUp:
    organization: Organization
    cells: int = 0
    months_due: int = 0            # cells × months due
    months_held: int = 0           # (cell, month) pairs with a regular meeting held
    quarters_due: int = 0
    quarters_thematic: int = 0
    present: int = 0
    attendance_lines: int = 0
    cells_fully_on_time: int = 0   # cells that met every due month
    missing_cells: list[int] = field(default_factory=list)

    @property
    def months_share(self) -> float | None:
        return rules.attendance_share(self.months_held, self.months_due)

    @property
    def thematic_share(self) -> float | None:
        return rules.attendance_share(self.quarters_thematic, self.quarters_due)

    @property
    def attendance_share(self) -> float | None:
        return rules.attendance_share(self.present, self.attendance_lines)


def _held_in_year(year: int, until: date):
    return Meeting.objects.filter(status=Status.HELD, date__gte=date(year, 1, 1), date__lte=min(until, date(year, 12, 31)))


def per_cell_counts(root: Organization, year: int, until: date) -> dict[int, tuple[int, int]]:
    """cell id -> (months with a regular meeting, quarters with a thematic one)."""
    rows = (
        _held_in_year(year, until)
        .filter(organization__ancestor_links__ancestor=root)
        .values("organization_id")
        .annotate(
            months=Count(Case(When(kind__in=REGULAR_KINDS, then=ExtractMonth("date")), output_field=IntegerField()),
                         distinct=True),
            quarters=Count(Case(When(kind__in=THEMATIC_KINDS, then=ExtractQuarter("date")), output_field=IntegerField()),
                           distinct=True),
        )
        .order_by()
    )
    return {row["organization_id"]: (row["months"], row["quarters"]) for row in rows}


def _cell_to_unit(root: Organization) -> tuple[dict[int, int], list[Organization]]:
    """Each cell of the subtree -> the direct child of root it lies under (root itself when the
    root is a cell or a cell hangs directly below it)."""
    units = list(Organization.objects.filter(parent=root, dissolved__isnull=True))
    unit_ids = {u.pk for u in units}
    pairs = (
        OrgClosure.objects.filter(ancestor_id__in=unit_ids, descendant__kind__in=CELL_KINDS,
                                  descendant__dissolved__isnull=True)
        .values_list("descendant_id", "ancestor_id")
    )
    mapping = dict(pairs)
    if root.is_cell:
        mapping[root.pk] = root.pk
        units = [root]
    return mapping, units


def subtree_follow_up(root: Organization, year: int, until: date) -> list[UnitFollowUp]:
    """One line per direct child of root (or root itself for a cell)."""
    mapping, units = _cell_to_unit(root)
    lines = {u.pk: UnitFollowUp(organization=u) for u in units}
    due_months = len(rules.months_due(year, until))
    due_quarters = len(rules.quarters_due(year, until))
    counts = per_cell_counts(root, year, until)
    for cell_id, unit_id in mapping.items():
        line = lines[unit_id]
        months, quarters = counts.get(cell_id, (0, 0))
        line.cells += 1
        line.months_due += due_months
        line.months_held += min(months, due_months)
        line.quarters_due += due_quarters
        line.quarters_thematic += min(quarters, due_quarters)
        if months >= due_months:
            line.cells_fully_on_time += 1
        else:
            line.missing_cells.append(cell_id)
    attendance = (
        Attendance.objects.filter(meeting__in=_held_in_year(year, until).filter(organization_id__in=list(mapping)))
        .values("meeting__organization_id")
        .annotate(lines=Count("id"), present=Count("id", filter=Q(presence=Presence.PRESENT)))
        .order_by()
    ) if mapping else []
    for row in attendance:
        line = lines[mapping[row["meeting__organization_id"]]]
        line.present += row["present"]
        line.attendance_lines += row["lines"]
    return sorted(lines.values(), key=lambda line: line.organization.name)


def totals(lines: list[UnitFollowUp], root: Organization) -> UnitFollowUp:
    total = UnitFollowUp(organization=root)
    for line in lines:
        for name in ("cells", "months_due", "months_held", "quarters_due", "quarters_thematic", "present",
                     "attendance_lines", "cells_fully_on_time"):
            setattr(total, name, getattr(total, name) + getattr(line, name))
    return total


def cell_follow_up(cell: Organization, year: int, until: date) -> rules.FollowUp:
    held = _held_in_year(year, until).filter(organization=cell).values_list("date", "kind")
    return rules.follow_up(year, until, held)


def absence_warnings(cell: Organization, threshold: int | None = None) -> list[tuple[int, int]]:
    """(member id, meetings missed in a row without reason) for members of the cell at or over
    the threshold, looking at the cell's latest held meetings only."""
    threshold = threshold or settings.DANGBO_RULES.get("meeting_absence_warning", 3)
    latest = list(Meeting.objects.filter(organization=cell, status=Status.HELD)
                  .order_by("-date", "-id").values_list("pk", flat=True)[: max(threshold, 1) * 2])
    if not latest:
        return []
    order = {meeting_id: position for position, meeting_id in enumerate(reversed(latest))}
    history: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for member_id, meeting_id, presence in Attendance.objects.filter(meeting_id__in=latest).values_list(
            "member_id", "meeting_id", "presence"):
        history[member_id].append((order[meeting_id], presence))
    warnings = []
    for member_id, lines in history.items():
        presences = [presence for _, presence in sorted(lines)]
        missed = rules.trailing_unexcused(presences)
        if missed >= threshold:
            warnings.append((member_id, missed))
    return sorted(warnings, key=lambda pair: -pair[1])


def member_attendance(member_id: int, year: int | None = None):
    lines = Attendance.objects.filter(member_id=member_id).select_related("meeting").order_by("-meeting__date")
    if year:
        lines = lines.filter(meeting__date__year=year)
    return lines


@dataclass(frozen=True)
class MemberYear:
    """A member's attendance in one year: an input the rating screen shows beside the name."""

    present: int
    total: int
    unexcused: int

    def __str__(self) -> str:
        text = f"Sinh hoạt: dự {self.present}/{self.total} buổi"
        return text + (f", vắng không lý do {self.unexcused}" if self.unexcused else "")


def attendance_by_member(member_ids: list[int], year: int) -> dict[int, MemberYear]:
    rows = (
        Attendance.objects.filter(member_id__in=member_ids, meeting__date__year=year, meeting__status=Status.HELD)
        .values("member_id")
        .annotate(total=Count("id"), present=Count("id", filter=Q(presence=Presence.PRESENT)),
                  unexcused=Count("id", filter=Q(presence=Presence.UNEXCUSED)))
        .order_by()
    )
    return {row["member_id"]: MemberYear(row["present"], row["total"], row["unexcused"]) for row in rows}
