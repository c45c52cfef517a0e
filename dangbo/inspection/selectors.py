"""Read-only questions other apps ask of the discipline register (ratings caps)."""
from __future__ import annotations

from collections.abc import Iterable

from dangbo.inspection.models import DisciplineDecision


def in_force(year: int):
    """Decisions that took effect in `year` and were not annulled on appeal."""
    return DisciplineDecision.objects.filter(year=year, annulled=False, effective_on__isnull=False)


CHUNK = 5000


def disciplined_member_ids(year: int, member_ids: Iterable[int] | None = None) -> set[int]:
    """Members disciplined in `year`, all of them or among `member_ids` (indexed on member, year)."""
    decisions = in_force(year).filter(member__isnull=False).order_by()
    if member_ids is None:
        return set(decisions.values_list("member_id", flat=True))
    ids, found = list(member_ids), set()
    for start in range(0, len(ids), CHUNK):
        found.update(decisions.filter(member_id__in=ids[start:start + CHUNK]).values_list("member_id", flat=True))
    return found


def disciplined_org_ids(year: int, org_ids: Iterable[int] | None = None) -> set[int]:
    """Organizations themselves disciplined in `year`."""
    found = set(in_force(year).filter(member__isnull=True).values_list("organization_id", flat=True).order_by())
    return found if org_ids is None else found & set(org_ids)


def decisions_by_member(year: int, member_ids: Iterable[int]) -> dict[int, list[DisciplineDecision]]:
    """The decisions in force of `year` per member, to show beside a rating."""
    out: dict[int, list[DisciplineDecision]] = {}
    for decision in in_force(year).filter(member_id__in=list(member_ids)).order_by("effective_on"):
        out.setdefault(decision.member_id, []).append(decision)
    return out
