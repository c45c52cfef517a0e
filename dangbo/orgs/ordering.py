"""The orders people expect on screen: organizations by the Vietnamese alphabet (not by
character code: "Bản Bo, Bình Lư, Bum Nưa, Bum Tở", not "Bum Nưa, Bum Tở, Bình Lư, Bản Bo")
and a committee by rank (Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành,
chi ủy viên), then by name."""
from __future__ import annotations

from typing import Iterable, TypeVar

from dangbo.core.vn import text_sort_key
from dangbo.orgs.models import PositionKind

T = TypeVar("T")

POSITION_RANK = {kind: rank for rank, kind in enumerate(PositionKind.values)}


def by_name(organizations: Iterable[T], *, dissolved_last: bool = False) -> list[T]:
    """Organizations (or any objects with .name) in Vietnamese alphabetical order; dissolved
    ones after the active ones when asked."""
    def key(org):
        return (dissolved_last and getattr(org, "dissolved", None) is not None, text_sort_key(org.name))

    return sorted(organizations, key=key)


def committee_order(positions: Iterable[T]) -> list[T]:
    """Committee positions by rank, then by the holder's name (Vietnamese name order)."""
    return sorted(positions, key=lambda p: (POSITION_RANK.get(p.kind, len(POSITION_RANK)), p.member.sort_key, p.pk))
