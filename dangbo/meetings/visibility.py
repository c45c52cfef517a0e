"""Who sees which meeting rows: the one helper every meeting view uses.

- Readers of an organization's subtree (staff, leaders, the cell secretary) see its meetings,
  attendance and minutes; writers there run them.
- A member sees the meetings of their own cell: the notice, agenda and materials, and only
  their own attendance line; never the others' attendance or the minutes.
Anything else does not exist for the user (404).
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from dangbo.access.scope import Scope
from dangbo.meetings.models import Conference, Meeting
from dangbo.orgs.models import OrgClosure


def meetings(scope: Scope) -> QuerySet[Meeting]:
    """By the visibility table: readers' subtrees, and a member's own cell."""
    return scope.restrict(Meeting.objects.select_related("organization"))


def is_reader(scope: Scope, meeting: Meeting) -> bool:
    """May see the whole meeting (attendance of all, minutes), not only the member's notice."""
    return scope.is_admin or (bool(scope.read_roots) and OrgClosure.objects.filter(
        ancestor_id__in=scope.read_roots, descendant_id=meeting.organization_id).exists())


def get_meeting(scope: Scope, pk) -> Meeting:
    return Scope.get(meetings(scope), pk=pk)


def get_writable_meeting(scope: Scope, pk) -> Meeting:
    meeting = get_meeting(scope, pk)
    if not scope.can_write(meeting.organization_id):
        raise PermissionDenied("Bạn chỉ có quyền xem buổi sinh hoạt này.")
    return meeting


def conferences(scope: Scope) -> QuerySet[Conference]:
    return scope.restrict(Conference.objects.select_related("organization"))


def get_conference(scope: Scope, pk) -> Conference:
    return Scope.get(conferences(scope), pk=pk)
