"""Whether a target (chỉ tiêu) is met, not yet met or missed, from its rule and its readings.

Pure Python (no Django), so the rules are tested exhaustively without a database.

A rule is a comparator (≥ "từ ... trở lên", > "trên", = "đạt", ≤ "không quá", < "dưới") and a
target value, with one of two cadences:

- **by deadline** ("đến năm 2025, tỷ lệ đảng viên đạt trên 4% dân số"): the latest reading
  up to the deadline decides. Satisfied -> met (already, even before the deadline); not
  satisfied -> not yet met while the deadline has not passed, missed after it (also when no
  figure was reported by then). Readings after the deadline do not change the verdict.
- **yearly** ("hằng năm có 95% TCCSĐ được xếp loại HTTNV trở lên"): every year of the
  window is judged on that year's last reading. A finished year without a satisfying reading
  is missed; the current year is not yet met until its figure satisfies (a current year with
  no figure yet is left out). The target is missed if any year is missed, met if every
  counted year is met, otherwise not yet met.

"Đạt và vượt X/Y chỉ tiêu" (review reports, e.g. "đạt và vượt 17/21 chỉ tiêu") counts the
met targets, among which "vượt" are those strictly better than required.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Iterable, Sequence

COMPARATORS = ("gte", "gt", "eq", "lte", "lt")
COMPARATOR_SIGNS = {"gte": "≥", "gt": ">", "eq": "=", "lte": "≤", "lt": "<"}
COMPARATOR_WORDS = {"gte": "từ {} trở lên", "gt": "trên {}", "eq": "đạt {}", "lte": "không quá {}", "lt": "dưới {}"}
YEARLY = "hang_nam"
BY_DEADLINE = "han"


class Status(str, Enum):
    MET = "dat"
    NOT_YET = "chua_dat"
    MISSED = "khong_dat"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {Status.MET: "Đạt", Status.NOT_YET: "Chưa đạt", Status.MISSED: "Không đạt"}


@dataclass(frozen=True)
class Rule:
    comparator: str
    target: Decimal
    cadence: str = BY_DEADLINE
    deadline: date | None = None
    start_year: int | None = None
    end_year: int | None = None

    def __post_init__(self):
        if self.comparator not in COMPARATORS:
            raise ValueError(f"Unknown comparator {self.comparator!r}")
        object.__setattr__(self, "target", Decimal(str(self.target)))


@dataclass(frozen=True)
class Reading:
    period_end: date
    value: Decimal
    label: str = ""

    def __post_init__(self):
        object.__setattr__(self, "value", Decimal(str(self.value)))


@dataclass(frozen=True)
class YearResult:
    year: int
    status: Status
    reading: Reading | None


@dataclass
class Evaluation:
    status: Status
    reading: Reading | None = None  # the reading the verdict rests on
    exceeded: bool = False
    reason: str = ""
    years: list[YearResult] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.status is Status.MET


def satisfies(value: Decimal | float | int, comparator: str, target: Decimal | float | int) -> bool:
    value, target = Decimal(str(value)), Decimal(str(target))
    return {
        "gte": value >= target,
        "gt": value > target,
        "eq": value == target,
        "lte": value <= target,
        "lt": value < target,
    }[comparator]


def exceeds(value: Decimal | float | int, comparator: str, target: Decimal | float | int) -> bool:
    """Strictly better than required ("vượt"): above a floor, below a ceiling; never for "=" ."""
    value, target = Decimal(str(value)), Decimal(str(target))
    if comparator in ("gte", "gt"):
        return value > target
    if comparator in ("lte", "lt"):
        return value < target
    return False


def evaluate(rule: Rule, readings: Iterable[Reading], today: date) -> Evaluation:
    readings = sorted(readings, key=lambda r: r.period_end)
    if rule.cadence == YEARLY:
        return _evaluate_yearly(rule, readings, today)
    return _evaluate_by_deadline(rule, readings, today)


def _evaluate_by_deadline(rule: Rule, readings: Sequence[Reading], today: date) -> Evaluation:
    relevant = [r for r in readings if rule.deadline is None or r.period_end <= rule.deadline]
    latest = relevant[-1] if relevant else None
    if latest is not None and satisfies(latest.value, rule.comparator, rule.target):
        return Evaluation(Status.MET, latest, exceeds(latest.value, rule.comparator, rule.target))
    if rule.deadline is None or today <= rule.deadline:
        return Evaluation(Status.NOT_YET, latest, reason="chưa có số liệu" if latest is None else "")
    return Evaluation(Status.MISSED, latest, reason="không có số liệu đến hạn" if latest is None else "")


def year_window(rule: Rule, today: date) -> range:
    first = rule.start_year or (rule.deadline.year if rule.deadline else today.year)
    last = rule.end_year or (rule.deadline.year if rule.deadline else today.year)
    return range(first, max(first, last) + 1)


def _evaluate_yearly(rule: Rule, readings: Sequence[Reading], today: date) -> Evaluation:
    by_year: dict[int, Reading] = {}
    for reading in readings:  # sorted: the last reading of a year wins
        by_year[reading.period_end.year] = reading
    years: list[YearResult] = []
    for year in year_window(rule, today):
        if year > today.year:
            break
        reading = by_year.get(year)
        finished = date(year, 12, 31) < today
        if reading is not None and satisfies(reading.value, rule.comparator, rule.target):
            years.append(YearResult(year, Status.MET, reading))
        elif finished:
            years.append(YearResult(year, Status.MISSED, reading))
        elif reading is not None:
            years.append(YearResult(year, Status.NOT_YET, reading))
        # The current year with no figure yet is not counted.
    latest = next((y.reading for y in reversed(years) if y.reading is not None), None)
    missed = [y.year for y in years if y.status is Status.MISSED]
    if missed:
        return Evaluation(Status.MISSED, latest, reason="không đạt năm " + ", ".join(map(str, missed)), years=years)
    if not years:
        return Evaluation(Status.NOT_YET, None, reason="chưa có số liệu", years=years)
    if any(y.status is Status.NOT_YET for y in years):
        return Evaluation(Status.NOT_YET, latest, years=years)
    exceeded = all(exceeds(y.reading.value, rule.comparator, rule.target) for y in years)
    return Evaluation(Status.MET, latest, exceeded, years=years)


@dataclass(frozen=True)
class Summary:
    total: int
    met: int
    exceeded: int
    not_yet: int
    missed: int

    @property
    def headline(self) -> str:
        """"đạt và vượt 17/21 chỉ tiêu" as review reports write it."""
        return f"đạt và vượt {self.met}/{self.total} chỉ tiêu"


def summarize(evaluations: Iterable[Evaluation]) -> Summary:
    evaluations = list(evaluations)
    return Summary(
        total=len(evaluations),
        met=sum(e.status is Status.MET for e in evaluations),
        exceeded=sum(e.status is Status.MET and e.exceeded for e in evaluations),
        not_yet=sum(e.status is Status.NOT_YET for e in evaluations),
        missed=sum(e.status is Status.MISSED for e in evaluations),
    )


def value_from_parts(measure: str, numerator, denominator) -> Decimal:
    """A percentage (measure "ty_le") or a plain ratio ("ti_so") from its two counts, 2 decimals."""
    numerator, denominator = Decimal(str(numerator)), Decimal(str(denominator))
    if denominator == 0:
        raise ValueError("Mẫu số phải khác 0.")
    value = numerator / denominator
    if measure == "ty_le":
        value *= 100
    return value.quantize(Decimal("0.01"))


def format_value(value: Decimal | float | int | None, unit: str = "") -> str:
    """60137 -> "60.137"; 95.5 with "%" -> "95,5%" (Vietnamese number style)."""
    if value is None:
        return ""
    value = Decimal(str(value))
    decimals = 0 if value == value.to_integral_value() else 2
    text = f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    if unit == "%":
        return text + "%"
    return f"{text} {unit}".strip()


def describe_rule(comparator: str, target, unit: str = "", measure: str = "") -> str:
    """("gte", 90, "%") -> "≥ 90%"."""
    return f"{COMPARATOR_SIGNS[comparator]} {format_value(target, unit)}"
