"""Facts found in a text. Every fact keeps its exact span in the caller's string:
``text == source[start:end]``.

``Facts.to_json()`` returns the schema of /shared/eval (keys documents, targets, statistics,
people, congresses) plus extra keys that the scorer ignores (offsets, subject, organization,
positions_expanded, dates, article_date).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Number = int | float


@dataclass
class DateMention:
    """A date written in the text; ``value`` is None when the year could not be resolved."""

    text: str
    start: int
    end: int
    day: int | None
    month: int
    year: int | None
    value: date | None

    def to_json(self) -> dict[str, Any]:
        if self.value is not None:
            iso = self.value.isoformat()
        elif self.year is not None:
            iso = f"{self.year:04d}-{self.month:02d}"
        else:
            iso = f"--{self.month:02d}-{self.day:02d}"
        return {"text": self.text, "date": iso, "start": self.start, "end": self.end}


@dataclass
class Document:
    """A party document reference: "Kế hoạch số 155-KH/TU ngày 08/7/2019"."""

    text: str
    start: int
    end: int
    type: str
    type_code: str
    number: str | None
    issuer_code: str | None
    date: date | None = None
    plenum: int | None = None  # only for "Nghị quyết Trung ương 4 khóa XII"
    term: int | None = None

    def key(self) -> tuple:
        number = (self.number.lstrip("0") or "0") if self.number else None
        return (self.type.lower(), number, self.issuer_code, self.plenum, self.term)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "type_code": self.type_code,
            "number": self.number,
            "issuer_code": self.issuer_code,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.plenum is not None:
            out["plenum"] = self.plenum
            out["term"] = self.term
        return out


@dataclass
class Target:
    """A value the text sets as a goal: "có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh"."""

    text: str
    start: int
    end: int
    value: Number | str
    unit: str | None
    comparator: str  # ">=", ">", "=", "<=", "<"
    year: int | None
    subject: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "unit": self.unit,
                "comparator": self.comparator, "year": self.year, "subject": self.subject,
                "start": self.start, "end": self.end}


@dataclass
class Statistic:
    """A reported figure: "60.137 đảng viên" -> 60137; "17/21 chỉ tiêu" -> "17/21"."""

    text: str
    start: int
    end: int
    value: Number | str
    unit: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "unit": self.unit,
                "start": self.start, "end": self.end}


@dataclass
class Person:
    """A named person with the positions the text gives them (as written, split at commas)."""

    name: str
    text: str
    start: int
    end: int
    positions: list[str] = field(default_factory=list)
    positions_expanded: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "positions": list(self.positions),
                "positions_expanded": list(self.positions_expanded),
                "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Congress:
    """A congress named with an ordinal: "Đại hội đại biểu Đảng bộ quận Thốt Nốt lần thứ XII"."""

    text: str
    start: int
    end: int
    ordinal: int
    term: str | None
    organization: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "ordinal": self.ordinal, "term": self.term,
                "organization": self.organization, "start": self.start, "end": self.end}


@dataclass
class Facts:
    documents: list[Document] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    congresses: list[Congress] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    article_date: date | None = None
    links: list[Any] = field(default_factory=list)  # links.DocumentLink

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [d.to_json() for d in self.documents],
            "targets": [t.to_json() for t in self.targets],
            "statistics": [s.to_json() for s in self.statistics],
            "people": [p.to_json() for p in self.people],
            "congresses": [c.to_json() for c in self.congresses],
            "dates": [d.to_json() for d in self.dates],
            "article_date": self.article_date.isoformat() if self.article_date else None,
            "links": [link.to_json() for link in self.links],
        }
