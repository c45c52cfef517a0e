"""Factories for tests of the inspection app and of the apps it feeds (ratings)."""
from __future__ import annotations

from datetime import date

from dangbo.access.models import Role
from dangbo.core.testing import make_user
from dangbo.inspection import rules, services


def make_inspector(username: str, org):
    """A cán bộ ủy ban kiểm tra over `org`'s subtree."""
    return make_user(username, Role.INSPECTION, org)


def discipline_member(member, on: date, form: str = rules.REPRIMAND, *, user=None, number: str = "01-QĐ/UBKT"):
    """A decision in force from `on`, decided by the committee above the member's cell."""
    return services.decide_discipline(
        user, member=member, form=form, violation_on=date(on.year - 1, 6, 1), violation_summary="Vi phạm quy định",
        decider=rules.UPPER_COMMITTEE, decided_by=member.organization.parent or member.organization,
        decided_on=on, number=number, received_on=on)
