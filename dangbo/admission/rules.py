"""Rules of admission (kết nạp đảng viên), probation and recognition, as plain functions.

No Django imports: every function takes plain values and its unverified (U) parameters
explicitly, so the rules are tested without a database and a deployment changes what is
unverified in `settings.DANGBO_RULES` (read by `admission.config`). Sources: DOMAIN.md §3
(and §0: the Charter is implemented by 294-QĐ/TW of 26/5/2025 with guidance 06-HD/TW of
09/6/2025; before 1/7/2025 by 232-QĐ/TW and 24-QĐ/TW).

- §3.1 Eligibility: 18 to 60 years inclusive, counted in months, at the time the chi bộ
  considers admission: from 18 years 0 months through 60 years 11 months (V). Over 60 only
  by decision of a committee directly under the Central Committee (a flag, not a rule here).
- §3.2 The nine steps, in order (`STEPS`): awareness course (certificate valid 60 months, N);
  application before the biography (N); verification of every listed relative before the
  chi ủy comments (N); two official sponsors with ≥ 12 months together in the same
  grassroots organization (V), or the Youth Union grassroots committee plus one official
  member for a Youth Union member (N); chi bộ resolution with ≥ 2/3 of official members (V);
  đảng ủy cơ sở with ≥ 2/3 of its members (N; no such step under a chi bộ cơ sở, which
  reports straight to the superior committee); decision within 60 working days of the chi
  bộ resolution, extendable by ≤ 30 (V for 29/232, carried into 294 (U) → settings);
  ceremony within 30 working days of receiving the decision, later only with the upper
  committee's approval (V).
- §3.3–3.4 Probation 12 months from the ceremony (V); the chi bộ considers recognition within
  30 working days after the 12 months, one person at a time with the admission threshold;
  official from the end of the 12 months even when meetings are late (V); after 3 failed
  votes the upper committee decides (V).
- §3.5 Party seniority counts from the date in the admission decision, not the ceremony (V).
- §3.6 Party card only for official members (V); card-number format unknown (U: free text).

Working days: Monday to Friday, less the public holidays and Tết days off, plus the
Saturdays the government declares working days (ngày làm bù). Which days those are is data
(`admission/data/holidays/<year>.csv`, see `admission.calendar`), never code. A deadline of N
working days "from" an event counts from the next day (Bộ luật Dân sự 2015 Art. 147), so the
deadline is the N-th working day after the event.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from dangbo.core.vn import add_months, fold, format_date, months_between, percent  # noqa: F401 (percent re-exported)

# -- steps ----------------------------------------------------------------------------------

COURSE = "boi_duong"
APPLICATION = "don"
BIOGRAPHY = "ly_lich"
VERIFICATION = "tham_tra"
SPONSORS = "gioi_thieu"
CELL_RESOLUTION = "nq_chi_bo"
GRASSROOTS_RESOLUTION = "nq_dang_uy"
DECISION = "quyet_dinh"
CEREMONY = "le_ket_nap"
RECOGNITION = "cong_nhan"  # after 12 months of probation
CARD = "the_dang"
DONE = "xong"       # official member with a card: out of the pipeline
STOPPED = "dung"    # no longer considered (withdrawn, unfit, proposed for deletion)

# The nine admission steps of DOMAIN.md §3.2, in order, then probation and the card.
STEPS: tuple[str, ...] = (COURSE, APPLICATION, BIOGRAPHY, VERIFICATION, SPONSORS, CELL_RESOLUTION,
                          GRASSROOTS_RESOLUTION, DECISION, CEREMONY)
ALL_STEPS: tuple[str, ...] = (*STEPS, RECOGNITION, CARD)
STEP_LABELS = {
    COURSE: "Bồi dưỡng nhận thức về Đảng",
    APPLICATION: "Đơn xin vào Đảng",
    BIOGRAPHY: "Lý lịch người xin vào Đảng",
    VERIFICATION: "Thẩm tra lý lịch",
    SPONSORS: "Người giới thiệu",
    CELL_RESOLUTION: "Nghị quyết chi bộ",
    GRASSROOTS_RESOLUTION: "Nghị quyết đảng ủy cơ sở",
    DECISION: "Quyết định kết nạp",
    CEREMONY: "Lễ kết nạp",
    RECOGNITION: "Công nhận đảng viên chính thức",
    CARD: "Phát thẻ đảng viên",
    DONE: "Đã hoàn thành",
    STOPPED: "Dừng xem xét",
}
# Board column titles: where the candidate is (the step to record next).
STAGE_LABELS = {
    COURSE: "Chờ học lớp nhận thức",
    APPLICATION: "Chờ đơn xin vào Đảng",
    BIOGRAPHY: "Chờ lý lịch",
    VERIFICATION: "Đang thẩm tra",
    SPONSORS: "Chờ người giới thiệu",
    CELL_RESOLUTION: "Chờ chi bộ xét",
    GRASSROOTS_RESOLUTION: "Chờ đảng ủy cơ sở xét",
    DECISION: "Chờ quyết định kết nạp",
    CEREMONY: "Chờ lễ kết nạp",
    RECOGNITION: "Đảng viên dự bị",
    CARD: "Chờ phát thẻ đảng",
    DONE: "Đã nhận thẻ đảng",
    STOPPED: "Dừng xem xét",
}
STAGES: tuple[str, ...] = (*ALL_STEPS, DONE, STOPPED)
# Steps with a vote (≥ 2/3): a failed vote is kept and the candidate stays at the step.
VOTED_STEPS = frozenset({CELL_RESOLUTION, GRASSROOTS_RESOLUTION, RECOGNITION})
# Steps recorded for many candidates at once on the board: one class, one date, no vote and
# no person-specific facts (relatives, sponsors, decision numbers) to check.
BULK_STEPS = frozenset({COURSE, APPLICATION, BIOGRAPHY})


def steps_for(under_grassroots_committee: bool) -> tuple[str, ...]:
    """The steps that apply to a candidate: a chi bộ cơ sở has no đảng ủy cơ sở above it, so
    its resolution goes straight to the superior committee (DOMAIN.md §3.2.7)."""
    if under_grassroots_committee:
        return ALL_STEPS
    return tuple(step for step in ALL_STEPS if step != GRASSROOTS_RESOLUTION)


def next_step(done: Iterable[str], under_grassroots_committee: bool = True) -> str:
    """The first step not yet done, DONE when every step is."""
    finished = set(done)
    for step in steps_for(under_grassroots_committee):
        if step not in finished:
            return step
    return DONE


def check_step_order(step: str, done: dict[str, date], on: date, *, under_grassroots_committee: bool = True) -> list[str]:
    """Why `step` cannot be recorded on `on` after the steps in `done` ({step: date}).

    Steps follow DOMAIN.md §3.2 strictly: each needs every earlier step, and its date may not
    precede the date of the step before it (the application before the biography, the chi
    ủy's comment only after verification, the ceremony after the decision…).
    """
    order = steps_for(under_grassroots_committee)
    if step not in order:
        return [f"Bước «{STEP_LABELS.get(step, step)}» không áp dụng cho chi bộ này."]
    if step in done:
        return [f"Đã ghi nhận bước «{STEP_LABELS[step]}»."]
    expected = next_step(done, under_grassroots_committee)
    if step != expected:
        return [f"Phải hoàn thành bước «{STEP_LABELS[expected]}» trước."]
    index = order.index(step)
    if index:
        previous = order[index - 1]
        if on < done[previous]:
            return [f"Ngày phải từ {format_date(done[previous])} (ngày của bước «{STEP_LABELS[previous]}») trở đi."]
    return []


# -- eligibility ----------------------------------------------------------------------------

MIN_AGE_MONTHS = 18 * 12
MAX_AGE_MONTHS = 60 * 12  # "60 tuổi" counted in months: through 60 years 11 months


def age_in_months(birth_date: date, on: date) -> int:
    return months_between(birth_date, on)


def check_age(birth_date: date, on: date, *, min_months: int = MIN_AGE_MONTHS, max_months: int = MAX_AGE_MONTHS,
              over_age_approved: bool = False) -> list[str]:
    """DOMAIN.md §3.1: aged 18 to 60 inclusive, counted in months, when the chi bộ considers
    admission. 18 years 0 months is in, 17 years 11 months is out; 60 years 11 months is in,
    61 years 0 months needs a decision of a committee directly under the Central Committee."""
    months = age_in_months(birth_date, on)
    if months < min_months:
        return [f"Chưa đủ {min_months // 12} tuổi (tính theo tháng) tại ngày {format_date(on)}."]
    if months > max_months + 11 and not over_age_approved:
        return [f"Quá {max_months // 12} tuổi (tính theo tháng) tại ngày {format_date(on)}: cần quyết định "
                "của cấp ủy trực thuộc Trung ương."]
    return []


CERTIFICATE_VALID_MONTHS = 60


def certificate_expires(issued: date, valid_months: int = CERTIFICATE_VALID_MONTHS) -> date:
    """The last day the awareness-course certificate counts: the same day `valid_months` later
    (a period in months ends on the corresponding day of its last month, BLDS 2015 Art. 148)."""
    return add_months(issued, valid_months)


def check_certificate(issued: date | None, on: date, valid_months: int = CERTIFICATE_VALID_MONTHS) -> list[str]:
    """DOMAIN.md §3.2.1: the certificate is valid for 60 months when the chi bộ considers."""
    if issued is None:
        return ["Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng."]
    if issued > on:
        return ["Ngày cấp giấy chứng nhận sau ngày xét."]
    if on > certificate_expires(issued, valid_months):
        return [f"Giấy chứng nhận lớp nhận thức về Đảng cấp ngày {format_date(issued)} đã hết hạn "
                f"{valid_months} tháng (đến {format_date(certificate_expires(issued, valid_months))})."]
    return []


# -- sponsors -------------------------------------------------------------------------------

MEMBER_SPONSOR = "dang_vien"
YOUTH_UNION_SPONSOR = "doan_thanh_nien"
SPONSOR_MIN_MONTHS = 12
YOUTH_MAX_AGE_MONTHS = 30 * 12  # Youth Union members are 16 to 30 years old (U: setting)


@dataclass(frozen=True)
class Sponsor:
    """Facts about one sponsor on the day the chi bộ considers the candidate."""

    kind: str  # MEMBER_SPONSOR or YOUTH_UNION_SPONSOR
    name: str = ""
    official_since: date | None = None  # None: not an official member
    together_since: date | None = None  # with the candidate in the same grassroots organization
    same_grassroots: bool = True


def check_sponsors(sponsors: Sequence[Sponsor], on: date, *, youth_union_member: bool = False,
                   min_months: int = SPONSOR_MIN_MONTHS) -> list[str]:
    """DOMAIN.md §3.2.5: two official members who have worked, studied or lived with the
    candidate for ≥ 12 months in the same grassroots organization (294 3.2.1); a Youth Union
    member may instead be sponsored by the Youth Union grassroots committee plus one official
    member. 11 months together is not enough, 12 is."""
    errors: list[str] = []
    members = [s for s in sponsors if s.kind == MEMBER_SPONSOR]
    youth = [s for s in sponsors if s.kind == YOUTH_UNION_SPONSOR]
    if youth and not youth_union_member:
        errors.append("Chỉ đoàn viên mới được Ban Chấp hành Đoàn cơ sở giới thiệu.")
    needed_members = 1 if youth else 2
    if len(youth) > 1 or len(members) != needed_members:
        errors.append("Cần hai đảng viên chính thức giới thiệu, hoặc Ban Chấp hành Đoàn cơ sở và một đảng viên "
                      "chính thức.")
    for sponsor in members:
        errors.extend(_sponsor_problems(sponsor, on, min_months))
    return errors


def _sponsor_problems(sponsor: Sponsor, on: date, min_months: int) -> list[str]:
    """Every condition one sponsor misses (not only the first)."""
    name = sponsor.name or "Người giới thiệu"
    problems = []
    if sponsor.official_since is None or sponsor.official_since > on:
        problems.append(f"{name} chưa là đảng viên chính thức.")
    if not sponsor.same_grassroots:
        problems.append(f"{name} không cùng sinh hoạt, công tác trong một tổ chức cơ sở đảng với người xin vào Đảng.")
    if sponsor.together_since is None or months_between(sponsor.together_since, on) < min_months:
        problems.append(f"{name} chưa cùng công tác, học tập hoặc sinh sống với người xin vào Đảng đủ {min_months} "
                        "tháng.")
    return problems


# -- verification of relatives --------------------------------------------------------------

RELATIONS = {
    "ban_than": "Bản thân",
    "cha_de": "Cha đẻ",
    "me_de": "Mẹ đẻ",
    "nguoi_nuoi": "Người trực tiếp nuôi dưỡng",
    "cha_vo_chong": "Cha vợ (chồng)",
    "me_vo_chong": "Mẹ vợ (chồng)",
    "vo_chong": "Vợ (chồng)",
    "con": "Con đã trưởng thành",
}


@dataclass(frozen=True)
class Relative:
    relation: str
    name: str
    verified_on: date | None = None
    party_member_declared: bool = False  # a party member fully declared needs no verification


def check_verification(relatives: Sequence[Relative], on: date) -> list[str]:
    """DOMAIN.md §3.2.4: the applicant and each listed relative verified (a relative who is a
    party member and fully declared is exempt), every verification dated no later than the
    step; the applicant themself must be on the list."""
    errors = []
    if not any(r.relation == "ban_than" for r in relatives):
        errors.append("Chưa thẩm tra bản thân người xin vào Đảng.")
    for relative in relatives:
        if relative.party_member_declared:
            continue
        if relative.verified_on is None:
            errors.append(f"Chưa thẩm tra {RELATIONS.get(relative.relation, relative.relation).lower()} "
                          f"{relative.name}.".replace("  ", " "))
        elif relative.verified_on > on:
            errors.append(f"Ngày thẩm tra {relative.name} sau ngày kết luận thẩm tra.")
    return errors


# -- votes ----------------------------------------------------------------------------------

TWO_THIRDS = Fraction(2, 3)


def votes_needed(official_members: int, threshold: Fraction = TWO_THIRDS) -> int:
    """Smallest number of approving votes that reaches the threshold of all official members:
    2/3 of 12 is 8; 2/3 of 11 is 7,33, so 8 as well (DOMAIN.md §3.2.6)."""
    needed = threshold * official_members
    return int(needed) if needed.denominator == 1 else int(needed) + 1


def vote_passes(approve: int, official_members: int, threshold: Fraction = TWO_THIRDS) -> bool:
    """≥ 2/3 of the official members (not of those present): exact fractions, no rounding."""
    return official_members > 0 and Fraction(approve, official_members) >= threshold


def check_vote(approve: int | None, official_members: int | None) -> list[str]:
    if approve is None or official_members is None:
        return ["Nhập số tán thành và tổng số đảng viên chính thức (hoặc cấp ủy viên)."]
    if official_members <= 0:
        return ["Tổng số phải lớn hơn 0."]
    if not 0 <= approve <= official_members:
        return ["Số tán thành phải từ 0 đến tổng số."]
    return []


# -- working days and deadlines -------------------------------------------------------------


@dataclass(frozen=True)
class WorkingCalendar:
    """Monday–Friday, less `days_off` (holidays, Tết), plus `working_saturdays` (ngày làm bù)."""

    days_off: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (the event day itself is not counted)."""
        if days < 0:
            raise ValueError("days must be >= 0")
        current, left = start, days
        while left:
            current += timedelta(days=1)
            if self.is_working_day(current):
                left -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            count += self.is_working_day(current)
        return count


@dataclass(frozen=True)
class Deadlines:
    """Working-day limits of DOMAIN.md §3; whether 60/30 carry into 294 is (U), hence settings."""

    decision_days: int = 60
    decision_extension_days: int = 30
    ceremony_days: int = 30
    recognition_days: int = 30
    recognition_decision_days: int = 30
    recognition_decision_extension_days: int = 30


def decision_due(cell_resolution: date, calendar: WorkingCalendar, deadlines: Deadlines = Deadlines(),
                 extended: bool = False) -> date:
    """§3.2.8: the competent committee decides within 60 working days of the chi bộ
    resolution, extendable by at most 30."""
    days = deadlines.decision_days + (deadlines.decision_extension_days if extended else 0)
    return calendar.add_working_days(cell_resolution, days)


def ceremony_due(decision_received: date, calendar: WorkingCalendar, deadlines: Deadlines = Deadlines()) -> date:
    """§3.2.9: the ceremony within 30 working days of receiving the decision."""
    return calendar.add_working_days(decision_received, deadlines.ceremony_days)


def recognition_due(ceremony: date, calendar: WorkingCalendar, deadlines: Deadlines = Deadlines()) -> date:
    """§3.4: the chi bộ considers recognition within 30 working days after the 12 months."""
    return calendar.add_working_days(probation_end(ceremony), deadlines.recognition_days)


def recognition_decision_due(cell_resolution: date, calendar: WorkingCalendar, deadlines: Deadlines = Deadlines(),
                             extended: bool = False) -> date:
    """§3.4: the upper committee decides within 30 working days (+30) of the chi bộ's resolution."""
    days = deadlines.recognition_decision_days + (deadlines.recognition_decision_extension_days if extended else 0)
    return calendar.add_working_days(cell_resolution, days)


def check_ceremony_date(ceremony: date, decision_received: date, calendar: WorkingCalendar,
                        deadlines: Deadlines = Deadlines(), late_approval: str = "") -> list[str]:
    """A ceremony after the 30 working days needs the upper committee's approval (294 Art. 5.4)."""
    due = ceremony_due(decision_received, calendar, deadlines)
    if ceremony > due and not late_approval.strip():
        return [f"Quá hạn tổ chức lễ kết nạp ({format_date(due)}): cần ghi văn bản đồng ý của cấp ủy cấp trên."]
    return []


# -- probation, recognition, seniority, card ------------------------------------------------

PROBATION_MONTHS = 12
DUE_NOTICE_MONTHS = 11  # probationary members appear on the due list from their 11th month (issue 13)
MAX_FAILED_RECOGNITION_VOTES = 3


def probation_end(ceremony: date, months: int = PROBATION_MONTHS) -> date:
    """§3.3–3.4: probation runs 12 months from the ceremony; the member is official from this
    day even when the chi bộ meets or the upper committee decides later."""
    return add_months(ceremony, months)


def official_from(ceremony: date, recognized_on: date, months: int = PROBATION_MONTHS) -> date:
    """The official date recorded at recognition: the end of the 12 months, never the meeting
    day; recognition before the 12 months are over is an error."""
    end = probation_end(ceremony, months)
    if recognized_on < end:
        raise ValueError(f"Chưa đủ {months} tháng dự bị (đủ vào ngày {format_date(end)}).")
    return end


def in_due_notice(ceremony: date, today: date, notice_months: int = DUE_NOTICE_MONTHS) -> bool:
    """A probationary member shows on the due list from the start of their 11th month."""
    return today >= add_months(ceremony, notice_months - 1)


RECOGNIZED = "chinh_thuc"
VOTE_AGAIN = "xet_lai"
TO_UPPER_COMMITTEE = "cap_tren_quyet_dinh"


def recognition_outcome(approve: int, official_members: int, failed_before: int,
                        max_failed: int = MAX_FAILED_RECOGNITION_VOTES) -> str:
    """§3.4: one person at a time, the admission threshold; after the third failed vote the
    upper committee decides (recognition or deletion)."""
    if vote_passes(approve, official_members):
        return RECOGNIZED
    return TO_UPPER_COMMITTEE if failed_before + 1 >= max_failed else VOTE_AGAIN


def seniority_start(decision_date: date) -> date:
    """§3.5: party seniority (tuổi đảng) counts from the date in the admission decision."""
    return decision_date


def party_age_years(decision_date: date, on: date) -> int:
    return months_between(seniority_start(decision_date), on) // 12


def check_card(is_official: bool, card_number: str) -> list[str]:
    """§3.6: a card only for official members; the number format is unknown (U), so any
    non-empty text of at most 20 characters."""
    errors = []
    if not is_official:
        errors.append("Chỉ đảng viên chính thức mới được phát thẻ đảng.")
    if not card_number.strip():
        errors.append("Nhập số thẻ đảng viên.")
    elif len(card_number.strip()) > 20:
        errors.append("Số thẻ đảng viên tối đa 20 ký tự.")
    return errors


# -- targets and progress -------------------------------------------------------------------


def split_target(total: int, weights: Sequence[int]) -> list[int]:
    """Split a parent's yearly target among its units in proportion to `weights` (members at
    the start of the year), by largest remainder so the parts add up to `total` exactly;
    ties go to the earlier unit. All-zero weights split evenly."""
    if total < 0:
        raise ValueError("total must be >= 0")
    if not weights:
        return []
    weights = [max(0, w) for w in weights] if any(weights) else [1] * len(weights)
    whole = sum(weights)
    shares = [Fraction(total * w, whole) for w in weights]
    parts = [int(s) for s in shares]
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


YOUTH_MAX_MONTHS = 30 * 12 + 11  # "thanh niên 18–30": through 30 years 11 months (U)
PRIVATE_ENTERPRISE = "doanh_nghiep_tu_nhan"
STUDENT = "hoc_sinh_sinh_vien"
BREAKDOWNS = {
    "women": "Nữ",
    "minority": "Dân tộc thiểu số",
    "youth": "Thanh niên (18–30 tuổi)",
    "religious": "Người có đạo",
    "private_enterprise": "Trong doanh nghiệp tư nhân",
    "student": "Học sinh, sinh viên",
}


def breakdown_flags(*, gender: str, ethnicity: str, religion: str, age_months: int, workplace: str,
                    youth_max_months: int = YOUTH_MAX_MONTHS) -> dict[str, bool]:
    """The report breakdowns of one admitted person (issue 13 / provincial reports)."""
    return {
        "women": gender == "nu",
        "minority": fold(ethnicity) not in ("", "kinh"),
        "youth": MIN_AGE_MONTHS <= age_months <= youth_max_months,
        "religious": fold(religion) not in ("", "khong"),
        "private_enterprise": workplace == PRIVATE_ENTERPRISE,
        "student": workplace == STUDENT,
    }


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> date:
    return add_months(date(year, 1, 1), 3 * quarter) - timedelta(days=1)
