"""Structured facts from Vietnamese party reports and news (plain Python, no Django).

    >>> from dangbo.extract import extract
    >>> facts = extract("Đảng ủy Khối ban hành Nghị quyết số 02-NQ/ĐUK ngày 4-7-2011.")
    >>> facts.documents[0].issuer_code, facts.documents[0].date.isoformat()
    ('ĐUK', '2011-07-04')

One module per kind of fact: documents (and the links between them, links.py), targets,
statistics, people, congresses, dates. Whether a number is a goal, a result or neither is
decided by its clause and the list it belongs to (clauses.py), not by the words next to it.
Every fact keeps its exact span in the input (``text == input[start:end]``), and
``Facts.to_json()`` gives the schema scored by /shared/eval/score.py (plus "links").

Real articles for development and a held-out third: tests/corpus (SOURCES.md).
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from .clauses import plan_part_spans
from .congresses import find_congresses
from .dates import detect_article_date, find_dates
from .documents import find_documents
from .model import Congress, DateMention, Document, Facts, Person, Statistic, Target
from .people import find_people
from .statistics import find_statistics
from .targets import find_targets
from .text import Prepared, SpanSet

__all__ = ["extract", "detect_article_date", "Facts", "Document", "Target", "Statistic",
           "Person", "Congress", "DateMention"]


def extract(text: str, article_date: date | None = None) -> Facts:
    """Facts of one article. ``article_date`` resolves dates written without a year
    ("Sáng 28-5"); when it is None the dateline of the text is used if there is one."""
    if article_date is None:
        article_date = detect_article_date(text)
    prepared = Prepared(text)

    dated = find_dates(prepared, article_date)
    links: list = []
    documents, document_spans = find_documents(prepared, links)
    congresses, congress_spans = find_congresses(prepared)
    people, people_spans = find_people(prepared)
    blocked = SpanSet([(s, e) for _, s, e in dated] + document_spans + congress_spans
                      + people_spans + _times(prepared) + _plan_parts(prepared))
    targets, target_spans = find_targets(prepared, blocked)
    blocked.add_many(target_spans)
    statistics = find_statistics(prepared, blocked)

    return Facts(documents=documents, targets=targets, statistics=statistics, people=people,
                 congresses=congresses, dates=[d for d, _, _ in dated], article_date=article_date,
                 links=links)


# Clock times ("19:09", "5:00 PM", "8h30") are never statistics.
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}\s?(?::|h)\s?\d{2}(?:\s?(?:AM|PM|am|pm))?(?!\d)")


def _times(prepared: Prepared) -> list[tuple[int, int]]:
    return [m.span() for m in _TIME_RE.finditer(prepared.canon)]


def _plan_parts(prepared: Prepared) -> list[tuple[int, int]]:
    """Counts of a plan's parts ("16 chỉ tiêu chủ yếu, 6 nhiệm vụ trọng tâm"): neither goals
    nor results. Searched only in paragraphs that name such a part."""
    hits = [m.start() for m in _PLAN_HINT_RE.finditer(prepared.lower)]
    spans: list[tuple[int, int]] = []
    for ps, pe in prepared.paragraphs:
        i = bisect.bisect_left(hits, ps)
        if i < len(hits) and hits[i] < pe:
            spans.extend(plan_part_spans(prepared.canon, ps, pe))
    return spans


_PLAN_HINT_RE = re.compile(r"\d (?:chỉ tiêu|nhiệm vụ|khâu|đột phá|giải pháp|nhóm|chương trình|quan điểm"
                           r"|mục tiêu)")
