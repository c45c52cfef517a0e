"""Links between party documents: which document implements, replaces, amends, guides or
reviews which.

    "Kế hoạch số 248-KH/TU ngày 9-8-2019 triển khai thực hiện Chỉ thị số 35-CT/TW"
        Kế hoạch 248-KH/TU  implements  Chỉ thị 35-CT/TW
    "Quy định 102-QĐ/TW ... thay thế Quy định số 181-QĐ/TW"      replaces
    "Quy định số 22-QĐ/TW sửa đổi, bổ sung Quy định số 30-QĐ/TW"  amends
    "Hướng dẫn số 12-HD/BTCTW hướng dẫn thực hiện Quy định ..."    guides
    "Hội nghị sơ kết 5 năm thực hiện Nghị quyết số 16 ..."        reviews (no source document:
                                                                  the meeting the text reports)
    "Thực hiện Nghị quyết số 21-NQ/TW, ..."                       implements (source: the text's
                                                                  own subject, not named)

The relation is read between two references of one sentence: the verb must end the words
between them, with no other reference, ';' or sentence end in between. A relation that ends
with ':' governs every reference of the list after it ("Báo cáo sơ kết 1 năm thực hiện: Đề án
số 04-ĐA/TU ...; Đề án số 02-ĐA/TU ...; Nghị quyết số 06-NQ/TU ..." reviews all three).
Kinds use the codes of the registry (dangbo.documents LinkKind).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

IMPLEMENTS, REPLACES, AMENDS, GUIDES, REVIEWS = "thuc_hien", "thay_the", "sua_doi", "huong_dan", "so_tong_ket"

# The relation words, longest first, each ending right before the target reference.
_RELATIONS = [
    (REVIEWS, r"(?:sơ\s+kết|tổng\s+kết)(?:\s+[^;:.]{0,40}?)?(?:\s+(?:việc\s+)?(?:triển\s+khai\s+)?thực\s+hiện)?"),
    (REPLACES, r"thay\s+thế(?:\s+cho)?"),
    (AMENDS, r"sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều\s+của)?|sửa\s+đổi|bổ\s+sung"),
    (GUIDES, r"hướng\s+dẫn\s+(?:thực\s+hiện|thi\s+hành|triển\s+khai)"),
    (IMPLEMENTS, r"(?:triển\s+khai\s+|tiếp\s+tục\s+|để\s+|về\s+|về\s+việc\s+|quán\s+triệt(?:,|\s+và)\s+)?"
                 r"(?:thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá)"),
]
_RELATION_RE = re.compile(
    "(?i:" + "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_RELATIONS)) + r")"
    r"(?P<colon>\s*:)?\s*(?:(?i:các|những)\s+)?$")
# Between two references the relation may follow the first one's issuer or date:
# "Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện ...".
_GAP_MAX = 120


@dataclass
class DocumentLink:
    """`source` (a reference, or None for the text's own subject) `kind` `target`."""

    text: str
    start: int
    end: int
    kind: str
    source: dict[str, Any] | None
    target: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "source": self.source, "target": self.target,
                "start": self.start, "end": self.end}


def _kind(match: re.Match) -> str:
    return next(kind for i, (kind, _) in enumerate(_RELATIONS) if match.group(f"k{i}"))


def find_links(text: str, paragraphs: list[tuple[int, int]], mentions: list,
               key_of) -> list[tuple[int, int, str, Any, Any]]:
    """(start, end, kind, source mention or None, target mention) for every link, where
    `mentions` are the resolved references in reading order and `key_of(mention)` is the
    document a mention names."""
    out = []
    starts = [ps for ps, _ in paragraphs]
    by_paragraph: dict[int, list] = {}
    for mention in mentions:
        by_paragraph.setdefault(bisect.bisect_right(starts, mention.start) - 1, []).append(mention)
    for index, items in by_paragraph.items():
        ps = paragraphs[index][0]
        governing: tuple[str, Any, bool] | None = None  # (kind, source, ended with ':')
        previous = None
        for target in items:
            gap_start = max(previous.end if previous else ps, target.start - _GAP_MAX, ps)
            gap = text[gap_start:target.start]
            sentence_break = max((m.end() for m in _SENTENCE_BREAK_RE.finditer(gap)), default=-1)
            clause_break = max(sentence_break, max((m.end() for m in _CLAUSE_BREAK_RE.finditer(gap)), default=-1))
            if sentence_break >= 0:
                governing = None
            region = gap[clause_break + 1:] if clause_break >= 0 else gap
            source = previous if clause_break < 0 else None
            relation = _RELATION_RE.search(region)
            if relation and not (source is not None and key_of(source) == key_of(target)):
                kind = _kind(relation)
                out.append((target.start - len(region) + relation.start(), target.end, kind, source, target))
                governing = (kind, source, bool(relation.group("colon")))
            elif governing and (_COORDINATED_RE.fullmatch(gap) or
                                (governing[2] and _COORDINATED_RE.fullmatch(region))):
                # "thực hiện Chỉ thị 05 và Nghị quyết 15"; the items of "sơ kết ...: A ...; B".
                out.append((target.start, target.end, governing[0], governing[1], target))
            else:
                governing = None
            previous = target
    return out


_SENTENCE_BREAK_RE = re.compile(r"[!?\n]|\.\s")
_CLAUSE_BREAK_RE = re.compile(r";")
_COORDINATED_RE = re.compile(r"\s*(?:,|;|và|,\s+và)?\s*")
