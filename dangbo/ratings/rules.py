"""Rules of the annual quality rating (đánh giá, xếp loại chất lượng), as plain functions.

No Django imports: every function takes plain values and its (U) parameters explicitly,
so the rules are tested without a database and a deployment can change what is unverified
(`settings.DANGBO_RULES`) without touching code. Sources: DOMAIN.md §0 and §1.

- Four levels, the same under 132-QĐ/TW (2018), 124-QĐ/TW (04/10/2023) and 366-QĐ/TW
  (30/8/2025) (§1.1, V). The rule set in force is the one valid on 31/12 of the rating
  year: a 2023 rating follows 124, a 2025 rating follows 366 (§0 "Design implication").
- Quota (§1.2.4): HTXSNV at most `excellent_ratio` (20 %, V under 124 / HD 21; U under 366)
  of those rated HTTNV in the same unit and year. Decision: "20 % of those rated HTTNV"
  means HTTNV only (not "HTTNV or above"), rounded down: allowed = floor(ratio × n_HTTNV).
  10 HTTNV -> 2 allowed, 3 is a breach; 4 HTTNV -> 0 allowed. Integer arithmetic on the
  exact decimal ratio, so 0.29 × 100 is 29, not 28.999….
  The unit of the quota: for members the grassroots organization (tổ chức cơ sở đảng, HD 21);
  for organizations the group rated by the same superior (124 Art. 12: "decided by the
  competent level").
- Caps (§1.2.3, §1.2.7): a member disciplined in the year, an organization with violations
  or itself disciplined -> KHTNV, unless the violation was self-detected and remedied (124,
  V); under 366 the exact KHTNV triggers are (U), so the triggering flags are a parameter.
  An organization with a subordinate unit or a leadership-collective member disciplined
  cannot be HTXSNV (366 Art. 11, V) -> at most HTTNV.
- Who is rated (§1.2.10 and HD 25/43 practice, (U) thresholds): members still in the Party
  on the rating date; members exempted from party work (miễn sinh hoạt) and members on
  sick or maternity leave for `leave_months_not_rated` months or more are reviewed but not
  rated; a member transferred during the year is rated by the organization where they
  belong on the rating date, which consults the previous one when they arrived less than
  `transfer_consult_months` months before.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from dangbo.core.vn import months_between


# -- levels ---------------------------------------------------------------------------------

HTXSNV = "htxsnv"
HTTNV = "httnv"
HTNV = "htnv"
KHTNV = "khtnv"

LEVELS: tuple[str, ...] = (HTXSNV, HTTNV, HTNV, KHTNV)  # best first
LEVEL_LABELS = {
    HTXSNV: "Hoàn thành xuất sắc nhiệm vụ",
    HTTNV: "Hoàn thành tốt nhiệm vụ",
    HTNV: "Hoàn thành nhiệm vụ",
    KHTNV: "Không hoàn thành nhiệm vụ",
}
LEVEL_SHORT = {HTXSNV: "HTXSNV", HTTNV: "HTTNV", HTNV: "HTNV", KHTNV: "KHTNV"}
_RANK = {level: index for index, level in enumerate(LEVELS)}  # 0 is best


def rank(level: str) -> int:
    """0 for HTXSNV ... 3 for KHTNV; ValueError for anything else."""
    try:
        return _RANK[level]
    except KeyError:
        raise ValueError(f"Mức xếp loại không hợp lệ: {level!r}") from None


def at_least(level: str, minimum: str) -> bool:
    """True when `level` is `minimum` or better ("HTTNV trở lên" includes HTXSNV)."""
    return rank(level) <= rank(minimum)


def levels_at_least(minimum: str) -> tuple[str, ...]:
    return LEVELS[: rank(minimum) + 1]


def worse_of(a: str, b: str) -> str:
    return a if rank(a) >= rank(b) else b


# -- rule sets versioned by date -----------------------------------------------------------------

MEMBER_FLAGS = ("disciplined",)
ORG_FLAGS = ("violations", "disciplined", "subordinate_disciplined")


@dataclass(frozen=True)
class RuleSet:
    code: str
    title: str
    effective_from: date
    effective_to: date | None
    guidance: str
    # Flags that force KHTNV (unless remedied): V under 124, (U) under 366.
    khtnv_triggers: frozenset[str] = frozenset({"disciplined", "violations"})
    # Flags that forbid HTXSNV (cap at HTTNV).
    no_excellent_triggers: frozenset[str] = frozenset({"subordinate_disciplined"})
    point_scale: bool = False  # 366 rates on 100 points (30 general + 70 task results)

    def in_force_on(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet("132-QĐ/TW", "Quy định 132-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm",
            date(2018, 3, 8), date(2023, 10, 3), "16-HD/BTCTW (2018), 21-HD/BTCTW (18/10/2019)"),
    RuleSet("124-QĐ/TW", "Quy định 124-QĐ/TW về kiểm điểm tự phê bình, phê bình, đánh giá, xếp loại chất lượng",
            date(2023, 10, 4), date(2025, 8, 29), "25-HD/BTCTW (2023)"),
    RuleSet("366-QĐ/TW", "Quy định 366-QĐ/TW về kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân",
            date(2025, 8, 30), None, "43-HD/BTCTW (31/10/2025)", point_scale=True),
)


def rules_for_year(year: int, rule_sets: Iterable[RuleSet] = RULE_SETS) -> RuleSet:
    """The rule set in force for the rating of `year` (the one valid on 31 December)."""
    on = date(year, 12, 31)
    for rule_set in rule_sets:
        if rule_set.in_force_on(on):
            return rule_set
    raise LookupError(f"Không có quy định xếp loại áp dụng cho năm {year}.")


# -- quota -----------------------------------------------------------------------------------


def _exact(ratio: float | str | Fraction) -> Fraction:
    """The ratio as an exact fraction of its decimal writing (0.2 -> 1/5, not 0.2000000000000000111)."""
    value = ratio if isinstance(ratio, Fraction) else Fraction(str(ratio))
    if value < 0:
        raise ValueError("Tỷ lệ không được âm.")
    return value


def excellent_allowed(n_good: int, ratio: float | str | Fraction) -> int:
    """How many may be rated HTXSNV when `n_good` are rated HTTNV: floor(ratio × n_good)."""
    exact = _exact(ratio)
    return (n_good * exact.numerator) // exact.denominator


@dataclass(frozen=True)
class Breach:
    """One rule broken, named so a person can fix it."""

    code: str  # "quota", "cap", "not_eligible", "duplicate", "unknown_level"
    message: str
    subjects: tuple = ()  # ids of the rated members/organizations or the quota unit

    def __str__(self) -> str:
        return self.message


def quota_breach(counts: Mapping[str, int], ratio: float | str | Fraction, unit_name: str = "",
                 unit_key=None) -> Breach | None:
    """The quota breach of one unit ({level: count}), or None when within the quota."""
    excellent, good = counts.get(HTXSNV, 0), counts.get(HTTNV, 0)
    allowed = excellent_allowed(good, ratio)
    if excellent <= allowed:
        return None
    where = f" ở {unit_name}" if unit_name else ""
    percent = _exact(ratio) * 100
    percent_text = f"{float(percent):g}".replace(".", ",")
    return Breach(
        "quota",
        f"Vượt tỷ lệ{where}: {excellent} xếp loại Hoàn thành xuất sắc nhiệm vụ, nhưng chỉ được tối đa {allowed} "
        f"({percent_text}% của {good} xếp loại Hoàn thành tốt nhiệm vụ).",
        (unit_key,) if unit_key is not None else (),
    )


def quota_breaches(groups: Mapping, ratio: float | str | Fraction, names: Mapping | None = None) -> list[Breach]:
    """Quota breaches of many units at once: `groups` is {unit_key: {level: count}}."""
    names = names or {}
    breaches = []
    for key, counts in groups.items():
        breach = quota_breach(counts, ratio, names.get(key, ""), key)
        if breach:
            breaches.append(breach)
    return breaches


# -- caps ------------------------------------------------------------------------------------


def cap(flags: Iterable[str], rule_set: RuleSet, *, remedied: bool = False,
        khtnv_triggers: Iterable[str] | None = None) -> str:
    """The best level allowed by the flags set on a rating (HTXSNV when nothing caps it).

    `khtnv_triggers` overrides the rule set's (U) list (settings.DANGBO_RULES["khtnv_triggers"]).
    A violation self-detected and remedied does not force KHTNV (124, V) but still forbids
    HTXSNV: an excellent rating needs no violation in the year.
    """
    flags = set(flags)
    triggers = set(rule_set.khtnv_triggers if khtnv_triggers is None else khtnv_triggers)
    if flags & triggers:
        return HTTNV if remedied else KHTNV
    if flags & set(rule_set.no_excellent_triggers):
        return HTTNV
    return HTXSNV


def cap_breach(level: str, flags: Iterable[str], rule_set: RuleSet, *, remedied: bool = False,
               khtnv_triggers: Iterable[str] | None = None, subject_name: str = "", subject_id=None) -> Breach | None:
    best = cap(flags, rule_set, remedied=remedied, khtnv_triggers=khtnv_triggers)
    if rank(level) >= rank(best):
        return None
    reasons = ", ".join(FLAG_LABELS.get(f, f) for f in sorted(set(flags)))
    who = f"{subject_name}: " if subject_name else ""
    return Breach(
        "cap",
        f"{who}xếp loại «{LEVEL_LABELS[level]}» không được phép vì {reasons}; "
        f"cao nhất là «{LEVEL_LABELS[best]}» ({rule_set.code}).",
        (subject_id,) if subject_id is not None else (),
    )


FLAG_LABELS = {
    "disciplined": "bị kỷ luật trong năm",
    "violations": "có vi phạm",
    "subordinate_disciplined": "có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật",
}


# -- who is rated ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberFacts:
    """What eligibility needs to know about one member in the rating year."""

    admission_date: date
    end_date: date | None = None  # left the Party (died, removed, expelled, transferred out)
    exempted: bool = False  # miễn công tác và sinh hoạt đảng
    leave_months: int = 0  # months on sick or maternity leave in the year
    transferred_in_on: date | None = None  # joined the current organization during the year


@dataclass(frozen=True)
class Eligibility:
    rated: bool
    reason: str = ""
    note: str = ""  # advice that does not prevent rating (consult the previous organization)


def eligibility(facts: MemberFacts, rating_date: date, *, leave_months_not_rated: int = 3,
                transfer_consult_months: int = 6) -> Eligibility:
    """Whether a member is rated this year, and by whom to consult (thresholds are (U) settings)."""
    if facts.admission_date > rating_date:
        return Eligibility(False, "Chưa là đảng viên tại thời điểm xếp loại.")
    if facts.end_date is not None and facts.end_date <= rating_date:
        return Eligibility(False, "Không còn sinh hoạt đảng tại thời điểm xếp loại.")
    if facts.exempted:
        return Eligibility(False, "Được miễn công tác và sinh hoạt đảng: kiểm điểm nhưng không xếp loại.")
    if leave_months_not_rated and facts.leave_months >= leave_months_not_rated:
        return Eligibility(False, f"Nghỉ ốm, thai sản từ {leave_months_not_rated} tháng trở lên trong năm: "
                                  "kiểm điểm nhưng không xếp loại.")
    note = ""
    if facts.transferred_in_on is not None and months_between(facts.transferred_in_on, rating_date) < transfer_consult_months:
        note = (f"Chuyển đến dưới {transfer_consult_months} tháng: chi bộ hiện tại xếp loại, "
                "có ý kiến nhận xét của tổ chức đảng nơi đảng viên sinh hoạt trước đó.")
    return Eligibility(True, note=note)


# -- a whole unit ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One rating as validation sees it."""

    subject_id: object
    name: str
    level: str
    flags: frozenset[str] = frozenset()
    remedied: bool = False
    quota_unit: object = None  # grassroots organization (members) / rating superior (organizations)
    eligible: bool = True
    ineligible_reason: str = ""


@dataclass
class Validation:
    breaches: list[Breach] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaches

    def by_code(self, code: str) -> list[Breach]:
        return [b for b in self.breaches if b.code == code]


def validate_unit(entries: Iterable[Entry], rule_set: RuleSet, *, excellent_ratio: float | str | Fraction,
                  khtnv_triggers: Iterable[str] | None = None, unit_names: Mapping | None = None) -> Validation:
    """Every rule the ratings of a unit break: duplicates, unknown levels, the ineligible, caps, quota."""
    result = Validation()
    seen: set = set()
    groups: dict = {}
    for entry in entries:
        if entry.subject_id in seen:
            result.breaches.append(Breach("duplicate", f"{entry.name}: được xếp loại hai lần trong năm.",
                                          (entry.subject_id,)))
            continue
        seen.add(entry.subject_id)
        if entry.level not in _RANK:
            result.breaches.append(Breach("unknown_level", f"{entry.name}: mức xếp loại không hợp lệ.",
                                          (entry.subject_id,)))
            continue
        if not entry.eligible:
            result.breaches.append(Breach("not_eligible", f"{entry.name}: không thuộc diện xếp loại — "
                                          f"{entry.ineligible_reason}", (entry.subject_id,)))
            continue
        breach = cap_breach(entry.level, entry.flags, rule_set, remedied=entry.remedied,
                            khtnv_triggers=khtnv_triggers, subject_name=entry.name, subject_id=entry.subject_id)
        if breach:
            result.breaches.append(breach)
        groups.setdefault(entry.quota_unit, Counter())[entry.level] += 1
    result.breaches.extend(quota_breaches(groups, excellent_ratio, unit_names))
    return result


# -- roll-up arithmetic and targets ----------------------------------------------------------------


def count_at_least(counts: Mapping[str, int], minimum: str) -> int:
    return sum(counts.get(level, 0) for level in levels_at_least(minimum))


def target_met(counts: Mapping[str, int], minimum: str, min_percent) -> bool | None:
    """Whether at least `min_percent` % of those rated reached `minimum` or better.

    None when nobody was rated (a target cannot be judged on nothing). Exact arithmetic:
    97 % of 100 is met by 97, 95 % of 19 needs 18.05 -> 19.
    """
    total = sum(counts.get(level, 0) for level in LEVELS)
    if total == 0:
        return None
    return count_at_least(counts, minimum) * 100 >= _exact(min_percent) * total


def needed_for_target(total: int, min_percent) -> int:
    """The smallest count that meets `min_percent` % of `total` (ceil, exact)."""
    exact = _exact(min_percent) * total / 100
    return -((-exact.numerator) // exact.denominator)
