"""The due and overdue list: what each candidate or probationary member waits for, and by when.

Deadlines in working days from admission.rules with the holiday calendar and the limits in
settings (admission.config). Computed for the rows of one page or one unit: a few queries,
then plain arithmetic per row.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from dangbo.admission import config, rules
from dangbo.admission.models import AdmissionStep, Candidate
from dangbo.core.vn import add_months
from dangbo.members.models import Member, MemberStatus

DEADLINE_STAGES = (rules.CELL_RESOLUTION, rules.GRASSROOTS_RESOLUTION, rules.DECISION, rules.CEREMONY,
                   rules.RECOGNITION)
CERTIFICATE_WARNING_DAYS = 90
LIMIT = 2000


@dataclass
class DueRow:
    name: str
    organization_name: str
    what: str
    due: date
    days_left: int  # working days from today; negative: overdue
    candidate: Candidate | None = None
    member: Member | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def _days_left(calendar: rules.WorkingCalendar, today: date, due: date) -> int:
    if due >= today:
        return calendar.working_days_between(today, due)
    return -calendar.working_days_between(due, today)


def candidate_due(candidate: Candidate, step_dates: dict[str, date], today: date) -> tuple[str, date] | None:
    """(what is awaited, by when) for one candidate, or None when nothing is timed."""
    calendar, deadlines = config.calendar(), config.deadlines()
    stage = candidate.stage
    if stage == rules.CELL_RESOLUTION and candidate.course_certificate_date:
        expires = rules.certificate_expires(candidate.course_certificate_date,
                                            config.value("admission_certificate_valid_months"))
        if expires - today <= timedelta(days=CERTIFICATE_WARNING_DAYS):
            return "Giấy chứng nhận lớp nhận thức về Đảng hết hạn", expires
    if stage in (rules.GRASSROOTS_RESOLUTION, rules.DECISION) and rules.CELL_RESOLUTION in step_dates:
        return ("Quyết định kết nạp", rules.decision_due(step_dates[rules.CELL_RESOLUTION], calendar, deadlines,
                                                           extended=candidate.decision_extended))
    if stage == rules.CEREMONY and rules.DECISION in step_dates:
        return "Tổ chức lễ kết nạp", rules.ceremony_due(step_dates[rules.DECISION], calendar, deadlines)
    if stage == rules.RECOGNITION and candidate.ceremony_on:
        if rules.in_due_notice(candidate.ceremony_on, today, config.value("admission_due_notice_months")):
            what = "Xét công nhận đảng viên chính thức"
            if candidate.escalated:
                what += " (cấp ủy cấp trên quyết định)"
            return what, rules.recognition_due(candidate.ceremony_on, calendar, deadlines)
    return None


def step_dates_for(candidate_ids: list[int]) -> dict[int, dict[str, date]]:
    dates: dict[int, dict[str, date]] = {}
    rows = (AdmissionStep.objects.filter(candidate_id__in=candidate_ids, passed=True,
                                         step__in=(rules.CELL_RESOLUTION, rules.DECISION))
            .order_by("date", "id").values_list("candidate_id", "step", "date"))
    for candidate_id, step, day in rows:
        dates.setdefault(candidate_id, {})[step] = day
    return dates


def for_candidates(candidates: list[Candidate], today: date) -> dict[int, DueRow]:
    """{candidate id: DueRow} for those with a timed step."""
    calendar = config.calendar()
    dates = step_dates_for([c.pk for c in candidates if c.stage in DEADLINE_STAGES])
    rows = {}
    for candidate in candidates:
        found = candidate_due(candidate, dates.get(candidate.pk, {}), today)
        if found:
            what, due = found
            rows[candidate.pk] = DueRow(candidate.full_name, candidate.organization.name, what, due,
                                        _days_left(calendar, today, due), candidate=candidate)
    return rows


def due_list(candidates: QuerySet[Candidate], members: QuerySet[Member], today: date) -> list[DueRow]:
    """Every timed candidate of the queryset, and the probationary members from their 11th month
    who have no candidate record here (admitted before dangbo tracked the pipeline)."""
    timed = list(candidates.filter(stage__in=DEADLINE_STAGES).select_related("organization")[:LIMIT])
    rows = list(for_candidates(timed, today).values())
    calendar, deadlines = config.calendar(), config.deadlines()
    notice_from = add_months(today, -(config.value("admission_due_notice_months") - 1))
    probationary = (members.filter(status=MemberStatus.PROBATIONARY, admission_date__lte=notice_from,
                                   admission__isnull=True).select_related("organization")[:LIMIT])
    for member in probationary:
        # Without a ceremony date on record, probation is counted from the admission date.
        due = rules.recognition_due(member.admission_date, calendar, deadlines)
        rows.append(DueRow(member.full_name, member.organization.name, "Xét công nhận đảng viên chính thức", due,
                           _days_left(calendar, today, due), member=member))
    return sorted(rows, key=lambda row: (row.due, row.name))
