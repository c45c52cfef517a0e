"""Rules of party discipline, inspection and supervision, as plain functions (no Django).

Sources: DOMAIN.md §5 (Quy định 69-QĐ/TW 06/7/2022 amended by 264-QĐ/TW 14/02/2025 on
discipline; Quy định 296-QĐ/TW 30/5/2025 and Hướng dẫn 08-HD/TW 10/6/2025 on inspection,
supervision and discipline procedure; §0 lists the rules they replaced) and §1.2 (rating
caps). (V) verified, (N) secondary source, (U) unverified: a setting or a documented choice.

- Forms (§5.1, V): an organization — khiển trách, cảnh cáo, giải tán; an official member —
  khiển trách, cảnh cáo, cách chức (only for a member who holds a post), khai trừ; a
  probationary member — khiển trách, cảnh cáo. Severity: khiển trách < cảnh cáo < cách chức
  < khai trừ (giải tán is the organization's heaviest form).
- Statute of limitations (§5.2, V): 5 years (60 months) for violations at khiển trách level,
  10 years (120 months) for cảnh cáo (organizations) and cảnh cáo / cách chức (members), no
  limit for giải tán / khai trừ level and for internal politics, defence, security and
  foreign affairs harming the national interest; for members also unlawful diplomas (U).
  The period runs from the (latest) violation to the competent conclusion; a new violation
  restarts it. Counting (U, documented choice following the Civil Code's counting of
  periods in years): the violation day itself is not counted, so a 5-year period from
  15/3/2020 ends at the end of 15/3/2025 — a conclusion that day is in time, the next day
  is too late.
- Authority (§5.3, N): a chi bộ may impose khiển trách / cảnh cáo on its own members (not
  for tasks a higher level assigned), effective when the vote result is announced, no
  approval (chuẩn y); a chi ủy has no disciplinary power; khiển trách / cảnh cáo of an
  organization is decided by the committee directly above. Cách chức, khai trừ and giải
  tán go to higher bodies (U: the table in AUTHORITY).
- Postponement (§5.3, N): not considered while the member is pregnant, nursing a child
  under 12 months, or seriously ill.
- Appeal (khiếu nại) within 30 days (296 Art. 25, N) of receiving the decision: day 30 is
  in time, day 31 is late.
- Kinds of inspection and supervision (§5.4, V).
- Rating caps (§1.2.3, §1.2.7): a member or organization disciplined in the year (by a
  decision in force, effective that year) is capped at KHTNV; an appeal that annuls the
  decision lifts the cap.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dangbo.core.vn import add_months, format_number

# -- forms and subjects ------------------------------------------------------------------------

REPRIMAND = "khien_trach"
WARNING = "canh_cao"
DISMISSAL = "cach_chuc"
EXPULSION = "khai_tru"
DISSOLUTION = "giai_tan"

FORM_LABELS = {
    REPRIMAND: "Khiển trách",
    WARNING: "Cảnh cáo",
    DISMISSAL: "Cách chức",
    EXPULSION: "Khai trừ",
    DISSOLUTION: "Giải tán",
}
# Severity (higher is heavier); giải tán is the heaviest form for an organization.
SEVERITY = {REPRIMAND: 1, WARNING: 2, DISMISSAL: 3, EXPULSION: 4, DISSOLUTION: 4}

ORGANIZATION = "to_chuc"
OFFICIAL = "chinh_thuc"
PROBATIONARY = "du_bi"
SUBJECT_LABELS = {ORGANIZATION: "Tổ chức đảng", OFFICIAL: "Đảng viên chính thức", PROBATIONARY: "Đảng viên dự bị"}
MEMBER_SUBJECTS = (OFFICIAL, PROBATIONARY)

FORMS_BY_SUBJECT = {
    ORGANIZATION: (REPRIMAND, WARNING, DISSOLUTION),
    OFFICIAL: (REPRIMAND, WARNING, DISMISSAL, EXPULSION),
    PROBATIONARY: (REPRIMAND, WARNING),
}


def allowed_forms(subject: str, *, holds_post: bool = False) -> tuple[str, ...]:
    """The forms that may be imposed on `subject`, lightest first (69 Art. 7, §5.1).

    Cách chức needs a post to remove: an official member without one cannot be dismissed.
    """
    forms = FORMS_BY_SUBJECT.get(subject)
    if forms is None:
        raise ValueError(f"Đối tượng kỷ luật không hợp lệ: {subject!r}")
    if subject == OFFICIAL and not holds_post:
        forms = tuple(f for f in forms if f != DISMISSAL)
    return forms


def form_error(subject: str, form: str, *, holds_post: bool = False) -> str | None:
    """Why `form` cannot be imposed on `subject`, or None when it can."""
    if form not in FORM_LABELS:
        return "Hình thức kỷ luật không hợp lệ."
    if form in allowed_forms(subject, holds_post=holds_post):
        return None
    label = FORM_LABELS[form].lower()
    if subject == PROBATIONARY:
        return f"Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo, không thể {label}."
    if subject == OFFICIAL and form == DISMISSAL:
        return "Chỉ cách chức khi đảng viên đang giữ chức vụ; hãy ghi chức vụ bị cách chức."
    if subject == ORGANIZATION:
        return f"Tổ chức đảng chỉ bị khiển trách, cảnh cáo hoặc giải tán, không thể {label}."
    return f"Đảng viên không thể bị {label}."


def severity(form: str) -> int:
    try:
        return SEVERITY[form]
    except KeyError:
        raise ValueError(f"Hình thức kỷ luật không hợp lệ: {form!r}") from None


def heaviest(forms: Iterable[str]) -> str | None:
    """The most severe of several forms (None for none)."""
    forms = list(forms)
    return max(forms, key=severity) if forms else None


# -- statute of limitations --------------------------------------------------------------------

# Grounds that make any violation imprescriptible (§5.2).
INTERNAL_POLITICS = "chinh_tri_noi_bo"
NATIONAL_INTEREST = "quoc_phong_an_ninh_doi_ngoai"
UNLAWFUL_DIPLOMA = "van_bang_trai_phep"  # members only, (U)
UNLIMITED_GROUND_LABELS = {
    INTERNAL_POLITICS: "Vi phạm về chính trị nội bộ",
    NATIONAL_INTEREST: "Vi phạm về quốc phòng, an ninh, đối ngoại xâm hại lợi ích quốc gia",
    UNLAWFUL_DIPLOMA: "Sử dụng văn bằng, chứng chỉ, chứng nhận không hợp pháp",
}

LIMITATION_MONTHS = {REPRIMAND: 60, WARNING: 120, DISMISSAL: 120, EXPULSION: None, DISSOLUTION: None}


def limitation_months(form: str, subject: str, ground: str = "") -> int | None:
    """Months within which a violation of the level of `form` may be disciplined; None: no limit."""
    severity(form)
    if ground in (INTERNAL_POLITICS, NATIONAL_INTEREST):
        return None
    if ground == UNLAWFUL_DIPLOMA and subject in MEMBER_SUBJECTS:
        return None
    return LIMITATION_MONTHS[form]


def limitation_start(violation_dates: Iterable[date]) -> date:
    """The period runs from the latest violation: a new violation restarts it."""
    dates = list(violation_dates)
    if not dates:
        raise ValueError("Cần ngày vi phạm.")
    return max(dates)


def limitation_end(violation_on: date, form: str, subject: str, ground: str = "") -> date | None:
    """The last day on which the competent body may still conclude; None when there is no limit."""
    months = limitation_months(form, subject, ground)
    return None if months is None else add_months(violation_on, months)


def limitation_error(violation_on: date, concluded_on: date, form: str, subject: str, ground: str = "") -> str | None:
    """Why the violation can no longer be disciplined on `concluded_on`, or None."""
    if concluded_on < violation_on:
        return "Ngày kết luận không thể trước ngày vi phạm."
    end = limitation_end(violation_on, form, subject, ground)
    if end is None or concluded_on <= end:
        return None
    years = limitation_months(form, subject, ground) // 12
    return (f"Đã hết thời hiệu xử lý kỷ luật ({years} năm kể từ ngày vi phạm "
            f"{_d(violation_on)}, hết ngày {_d(end)}).")


# -- authority, approval, effect -----------------------------------------------------------------

CELL = "chi_bo"
CELL_COMMITTEE = "chi_uy"
GRASSROOTS_COMMITTEE = "dang_uy_co_so"
UPPER_COMMITTEE = "cap_uy_cap_tren"
INSPECTION_COMMISSION = "uy_ban_kiem_tra"
DECIDER_LABELS = {
    CELL: "Chi bộ",
    CELL_COMMITTEE: "Chi ủy",
    GRASSROOTS_COMMITTEE: "Đảng ủy cơ sở",
    UPPER_COMMITTEE: "Cấp ủy, ban thường vụ cấp trên",
    INSPECTION_COMMISSION: "Ủy ban kiểm tra",
}


@dataclass(frozen=True)
class Authority:
    allowed: bool
    needs_approval: bool = False
    effective_on_announcement: bool = False
    reason: str = ""


def authority(decider: str, subject: str, form: str, *, task_from_higher_level: bool = False,
              admission_delegated: bool = False) -> Authority:
    """Whether `decider` may impose `form` on `subject`, and whether it needs approval (§5.3).

    (N) from 296 via a secondary source: the chi bộ rule, the chi ủy rule and the committee
    directly above for an organization's khiển trách / cảnh cáo. (U) the rest: a đảng ủy cơ
    sở may impose khiển trách / cảnh cáo and cách chức on members of its organization, and
    khai trừ only when it holds delegated admission power (reported upward for approval);
    giải tán is proposed by the committee directly above and approved by the next one; the
    committee above and its inspection commission may impose every member form.
    """
    light = form in (REPRIMAND, WARNING)
    if decider == CELL_COMMITTEE:
        return Authority(False, reason="Chi ủy không có thẩm quyền kỷ luật.")
    if decider == CELL:
        if subject not in MEMBER_SUBJECTS or not light:
            return Authority(False, reason="Chi bộ chỉ quyết định khiển trách, cảnh cáo đảng viên trong chi bộ.")
        if task_from_higher_level:
            return Authority(False, reason="Vi phạm khi thực hiện nhiệm vụ do cấp trên giao: chi bộ không quyết định.")
        return Authority(True, effective_on_announcement=True)
    if decider == GRASSROOTS_COMMITTEE:
        if subject == ORGANIZATION:
            if light:
                return Authority(True)
            return Authority(False, reason="Đảng ủy cơ sở không có thẩm quyền giải tán tổ chức đảng.")
        if form == EXPULSION:
            if not admission_delegated:
                return Authority(False, reason="Đảng ủy cơ sở chỉ khai trừ khi được ủy quyền kết nạp đảng viên.")
            return Authority(True, needs_approval=True)
        return Authority(True)
    if decider in (UPPER_COMMITTEE, INSPECTION_COMMISSION):
        if form == DISSOLUTION:
            if decider == INSPECTION_COMMISSION:
                return Authority(False, reason="Ủy ban kiểm tra không quyết định giải tán tổ chức đảng.")
            return Authority(True, needs_approval=True)
        return Authority(True)
    raise ValueError(f"Cấp quyết định không hợp lệ: {decider!r}")


def effective_date(decided_on: date, *, announced_on: date | None = None, approved_on: date | None = None,
                   auth: Authority) -> date | None:
    """When the decision takes effect: at the announcement (chi bộ), at approval when one is
    needed (None while it is pending), otherwise on the decision date."""
    if auth.effective_on_announcement:
        return announced_on or decided_on
    if auth.needs_approval:
        return approved_on
    return decided_on


# -- postponement ------------------------------------------------------------------------------

PREGNANCY = "mang_thai"
NURSING = "nuoi_con_nho"
SERIOUS_ILLNESS = "om_nang"
POSTPONEMENT_LABELS = {
    PREGNANCY: "Đang mang thai",
    NURSING: "Đang nuôi con dưới 12 tháng tuổi",
    SERIOUS_ILLNESS: "Đang ốm nặng",
}


def postponement_end(reason: str, *, start: date, end: date | None = None, child_born_on: date | None = None) -> date | None:
    """The last day of a postponement; None while it is open (pregnancy, illness without an end).

    Nursing a child lasts until the day before the child is 12 months old.
    """
    if reason not in POSTPONEMENT_LABELS:
        raise ValueError(f"Lý do hoãn kỷ luật không hợp lệ: {reason!r}")
    if reason == NURSING:
        born = child_born_on or start
        return add_months(born, 12) - timedelta(days=1)
    return end


def postponed_on(on: date, spans: Iterable[tuple[str, date, date | None]]) -> str | None:
    """The reason the consideration is postponed on `on`, given (reason, first day, last day or None)."""
    for reason, start, end in spans:
        if start <= on and (end is None or on <= end):
            return reason
    return None


def postponement_error(on: date, spans: Iterable[tuple[str, date, date | None]]) -> str | None:
    reason = postponed_on(on, spans)
    if reason is None:
        return None
    return f"Tạm hoãn xem xét kỷ luật: {POSTPONEMENT_LABELS[reason].lower()}."


# -- appeal ------------------------------------------------------------------------------------

APPEAL_DAYS = 30
UPHELD = "giu_nguyen"
CHANGED = "thay_doi"
ANNULLED = "xoa_bo"
APPEAL_OUTCOME_LABELS = {UPHELD: "Giữ nguyên hình thức kỷ luật", CHANGED: "Thay đổi hình thức kỷ luật",
                         ANNULLED: "Xóa bỏ quyết định kỷ luật"}


def appeal_deadline(received_on: date, days: int = APPEAL_DAYS) -> date:
    """The last day to appeal: `days` days after receiving the decision."""
    return received_on + timedelta(days=days)


def appeal_error(received_on: date, filed_on: date, days: int = APPEAL_DAYS) -> str | None:
    if filed_on < received_on:
        return "Ngày khiếu nại không thể trước ngày nhận quyết định."
    deadline = appeal_deadline(received_on, days)
    if filed_on > deadline:
        return f"Quá thời hạn khiếu nại ({days} ngày kể từ ngày nhận quyết định, hết ngày {_d(deadline)})."
    return None


def in_force_after_appeal(outcome: str) -> bool:
    """An annulled decision no longer counts (and lifts the rating cap); any other outcome does."""
    if outcome and outcome not in APPEAL_OUTCOME_LABELS:
        raise ValueError(f"Kết quả khiếu nại không hợp lệ: {outcome!r}")
    return outcome != ANNULLED


def counts_in_year(effective_on: date | None, year: int, *, annulled: bool = False) -> bool:
    """A decision caps the rating of the year in which it took effect, unless annulled."""
    return effective_on is not None and effective_on.year == year and not annulled


# -- inspection and supervision -----------------------------------------------------------------

SIGNS_OF_VIOLATION = "dau_hieu_vi_pham"
TASK_COMPLIANCE = "thuc_hien_nhiem_vu"
PARTY_FINANCE = "tai_chinh_dang"
REGULAR_SUPERVISION = "giam_sat_thuong_xuyen"
THEMATIC_SUPERVISION = "giam_sat_chuyen_de"
KIND_LABELS = {
    SIGNS_OF_VIOLATION: "Kiểm tra khi có dấu hiệu vi phạm",
    TASK_COMPLIANCE: "Kiểm tra việc thực hiện nhiệm vụ",
    PARTY_FINANCE: "Kiểm tra tài chính đảng",
    REGULAR_SUPERVISION: "Giám sát thường xuyên",
    THEMATIC_SUPERVISION: "Giám sát chuyên đề",
}
INSPECTION_KINDS = (SIGNS_OF_VIOLATION, TASK_COMPLIANCE, PARTY_FINANCE)


# -- remediation --------------------------------------------------------------------------------

NOT_STARTED = "chua_thuc_hien"
IN_PROGRESS = "dang_thuc_hien"
DONE = "da_hoan_thanh"
OVERDUE = "qua_han"
REMEDIATION_LABELS = {NOT_STARTED: "Chưa thực hiện", IN_PROGRESS: "Đang thực hiện", DONE: "Đã hoàn thành",
                      OVERDUE: "Quá hạn"}


def remediation_status(*, done_on: date | None, started: bool, deadline: date | None, today: date) -> str:
    """Done when finished; overdue from the day after the deadline; else in progress or not started."""
    if done_on is not None:
        return DONE
    if deadline is not None and today > deadline:
        return OVERDUE
    return IN_PROGRESS if started else NOT_STARTED


def unit_status(statuses: Iterable[str]) -> str:
    """One unit's remediation from its recommendations: done when all are done, not started
    when none has started, otherwise in progress."""
    statuses = list(statuses)
    if statuses and all(s == DONE for s in statuses):
        return DONE
    if all(s == NOT_STARTED for s in statuses):
        return NOT_STARTED
    return IN_PROGRESS


@dataclass(frozen=True)
class RemediationSummary:
    units: int
    done: int
    in_progress: int
    not_started: int
    overdue: int  # units with at least one overdue recommendation (counted within the above)

    def sentence(self) -> str:
        """'47 đơn vị có kiến nghị khắc phục: 30 đơn vị đã khắc phục xong, 16 đơn vị đang khắc
        phục, 1 đơn vị chưa khắc phục; 7 đơn vị quá hạn khắc phục.' (the seeds' wording)."""
        n = format_number
        text = (f"{n(self.units)} đơn vị có kiến nghị khắc phục: {n(self.done)} đơn vị đã khắc phục xong, "
                f"{n(self.in_progress)} đơn vị đang khắc phục, {n(self.not_started)} đơn vị chưa khắc phục")
        return text + (f"; {n(self.overdue)} đơn vị quá hạn khắc phục." if self.overdue else ".")


def summarize_units(units: Mapping[object, Iterable[tuple[str, bool]]]) -> RemediationSummary:
    """Count units from their recommendations, each given as (progress, overdue) where progress
    is NOT_STARTED, IN_PROGRESS or DONE as the unit reported it."""
    done = in_progress = not_started = overdue = 0
    for items in units.values():
        items = list(items)
        overall = unit_status(progress for progress, _ in items)
        overdue += any(late for _, late in items)
        if overall == DONE:
            done += 1
        elif overall == NOT_STARTED:
            not_started += 1
        else:
            in_progress += 1
    return RemediationSummary(len(units), done, in_progress, not_started, overdue)


# -- report wording ------------------------------------------------------------------------------

MEMBER_FORM_ORDER = (REPRIMAND, WARNING, DISMISSAL, EXPULSION)
ORG_FORM_ORDER = (REPRIMAND, WARNING, DISSOLUTION)


def discipline_sentence(members: Mapping[str, int], organizations: Mapping[str, int] | None = None) -> str:
    """'thi hành kỷ luật 215 đảng viên (khiển trách 120, cảnh cáo 60, cách chức 10, khai trừ 25)'
    and, when there are any, '; 3 tổ chức đảng (khiển trách 2, cảnh cáo 1)' — forms with 0 left out."""
    def part(counts, order, noun):
        total = sum(counts.get(f, 0) for f in order)
        detail = ", ".join(f"{FORM_LABELS[f].lower()} {format_number(counts[f])}" for f in order if counts.get(f))
        return f"{format_number(total)} {noun}" + (f" ({detail})" if detail else "")

    text = "thi hành kỷ luật " + part(members, MEMBER_FORM_ORDER, "đảng viên")
    if organizations and sum(organizations.values()):
        text += "; " + part(organizations, ORG_FORM_ORDER, "tổ chức đảng")
    return text


# -- weak organizations ---------------------------------------------------------------------------

KHTNV = "khtnv"
HTNV = "htnv"
WEAK_KHTNV = "khtnv"
WEAK_REPEATED_HTNV = "htnv_nhieu_nam"
WEAK_REASON_LABELS = {WEAK_KHTNV: "Xếp loại Không hoàn thành nhiệm vụ",
                      WEAK_REPEATED_HTNV: "Nhiều năm liền xếp loại Hoàn thành nhiệm vụ"}


def weak_reason(levels_by_year: Mapping[int, str], year: int, *, repeated_years: int = 2) -> str | None:
    """Why an organization is proposed for consolidation after the rating of `year`: KHTNV
    that year, or HTNV in each of the last `repeated_years` years up to it ((U) setting
    `weak_htnv_years`, default 2); None when it is not weak."""
    if levels_by_year.get(year) == KHTNV:
        return WEAK_KHTNV
    if repeated_years > 0 and all(levels_by_year.get(year - k) == HTNV for k in range(repeated_years)):
        return WEAK_REPEATED_HTNV
    return None


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")
