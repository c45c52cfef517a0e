"""Synthesis of comments on a draft (tổng hợp ý kiến góp ý dự thảo văn kiện). No Django.

The drafting team (tổ biên tập) groups the comments received on each paragraph into
opinions, and answers each opinion: accepted (tiếp thu), explained (giải trình) or not
accepted (không tiếp thu, with a reason). The synthesis report lists, per paragraph, each
opinion, how many units raised it and the answer; accepted wording flows into the next draft.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Sequence

from dangbo.congress.paragraphs import similarity

SAME_OPINION = 0.8  # two proposed wordings this similar are one opinion


class Decision(str, Enum):
    PENDING = "chua_xu_ly"
    ACCEPTED = "tiep_thu"
    EXPLAINED = "giai_trinh"
    REJECTED = "khong_tiep_thu"

    @property
    def label(self) -> str:
        return DECISION_LABELS[self]


DECISION_LABELS = {
    Decision.PENDING: "Chưa xử lý",
    Decision.ACCEPTED: "Tiếp thu",
    Decision.EXPLAINED: "Giải trình",
    Decision.REJECTED: "Không tiếp thu",
}


@dataclass(frozen=True)
class CommentIn:
    """One comment as the synthesis sees it."""

    id: int
    unit: object               # the unit (organization id) the comment was given on behalf of
    paragraph_key: int | None  # None: the whole document
    kind: str                  # "agree", "comment", "proposal"
    text: str = ""
    proposed_text: str = ""
    group: int | None = None   # the opinion it was put in by the drafting team, if any


@dataclass
class Opinion:
    """A group of comments that say the same thing."""

    paragraph_key: int | None
    comment_ids: list[int] = field(default_factory=list)
    units: set = field(default_factory=set)
    group: int | None = None
    proposed_text: str = ""

    @property
    def unit_count(self) -> int:
        return len(self.units)


def _normalized(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".;")


def suggest_groups(comments: Iterable[CommentIn]) -> list[Opinion]:
    """A first grouping for the drafting team, per paragraph.

    Comments already placed in a group stay there. Among the others, proposals of the same
    (or nearly the same) wording, or remarks of the same text, make one opinion; agreements
    ("nhất trí") are counted, not grouped. Order: paragraph, then first comment.
    """
    opinions: list[Opinion] = []
    by_group: dict[int, Opinion] = {}
    for comment in sorted(comments, key=lambda c: (c.paragraph_key is None, c.paragraph_key or 0, c.id)):
        if comment.kind == "agree":
            continue
        if comment.group is not None:
            opinion = by_group.get(comment.group)
            if opinion is None:
                opinion = by_group[comment.group] = Opinion(comment.paragraph_key, group=comment.group)
                opinions.append(opinion)
        else:
            wording = _normalized(comment.proposed_text or comment.text)
            opinion = next(
                (o for o in opinions if o.group is None and o.paragraph_key == comment.paragraph_key
                 and similarity(_normalized(o.proposed_text), wording) >= SAME_OPINION),
                None,
            )
            if opinion is None:
                opinion = Opinion(comment.paragraph_key, proposed_text=comment.proposed_text or comment.text)
                opinions.append(opinion)
        opinion.comment_ids.append(comment.id)
        opinion.units.add(comment.unit)
    return opinions


@dataclass(frozen=True)
class ParagraphCount:
    paragraph_key: int | None
    comments: int
    units: int
    agreeing_units: int
    proposals: int


def paragraph_counts(comments: Sequence[CommentIn]) -> dict[int | None, ParagraphCount]:
    """Per paragraph: comments, distinct units commenting, units agreeing, proposals of wording."""
    grouped: dict[int | None, list[CommentIn]] = {}
    for comment in comments:
        grouped.setdefault(comment.paragraph_key, []).append(comment)
    return {
        key: ParagraphCount(
            paragraph_key=key,
            comments=sum(1 for c in items if c.kind != "agree"),
            units=len({c.unit for c in items if c.kind != "agree"}),
            agreeing_units=len({c.unit for c in items if c.kind == "agree"}),
            proposals=sum(1 for c in items if c.kind == "proposal"),
        )
        for key, items in grouped.items()
    }


def decision_totals(decisions: Iterable[Decision | str]) -> dict[Decision, int]:
    """How many opinions were accepted, explained, not accepted, not yet handled."""
    counts = Counter(Decision(d) for d in decisions)
    return {decision: counts.get(decision, 0) for decision in Decision}


def check_decision(decision: Decision | str, response: str) -> str | None:
    """An answer other than acceptance needs its reason written down (for the report)."""
    decision = Decision(decision)
    if decision in (Decision.EXPLAINED, Decision.REJECTED) and not response.strip():
        return "Cần ghi rõ nội dung giải trình hoặc lý do không tiếp thu."
    return None
