"""REST endpoints of admission, mounted at /api/v1/admission/.

Same scope as the pages (admission.visibility): outside the scope, and for the member role,
404; a read-only role writing, 403; a broken rule, 422 with {"detail": {field: [messages]}}.
"""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from dangbo.core.api_params import Id, Limit, Offset, Year
from dangbo.access.scope import Scope
from dangbo.admission import deadlines, progress, rules, services
from dangbo.admission import visibility as v
from dangbo.members.models import MemberStatus
from dangbo.orgs.models import OrgClosure

router = Router(tags=["Kết nạp đảng viên"])
MAX_LIMIT = 500


class CandidateOut(Schema):
    id: int
    full_name: str
    organization_id: int
    birth_date: date
    gender: str
    source: str
    stage: str
    stage_label: str
    stage_since: date | None
    admitted_on: date | None
    ceremony_on: date | None
    official_on: date | None
    member_id: int | None
    failed_recognition_votes: int
    escalated: bool


class StepOut(Schema):
    step: str
    date: date
    decision_number: str
    approve: int | None
    total: int | None
    passed: bool


class CandidateDetailOut(CandidateOut):
    steps: list[StepOut]


class CandidateIn(Schema):
    organization_id: int
    full_name: str
    birth_date: date
    gender: str
    ethnicity: str = "Kinh"
    religion: str = "Không"
    home_town: str = ""
    citizen_id: str | None = None
    phone: str = ""
    education: str = ""
    occupation: str = ""
    workplace: str = ""
    source: str = "doan_thanh_nien"
    youth_union_member: bool = False


class StepIn(Schema):
    step: str
    on: date
    decision_number: str = ""
    approve: int | None = None
    total: int | None = None
    note: str = ""
    late_approval: str = ""
    certificate_number: str = ""
    certificate_date: date | None = None
    sponsor_member_ids: list[int] = []
    sponsors_together_since: list[date] = []
    youth_union_committee: str = ""
    helper_id: int | None = None
    card_number: str = ""
    recognized: bool = True


class ProgressOut(Schema):
    organization_id: int
    name: str
    target: int | None
    admitted: int
    percent_of_target: float | None
    members_at_start: int
    rate: float | None
    breakdown: dict[str, int]


class DueOut(Schema):
    name: str
    organization: str
    what: str
    due: date
    working_days_left: int
    overdue: bool
    candidate_id: int | None
    member_id: int | None


class ErrorOut(Schema):
    detail: dict[str, list[str]]


class TargetIn(Schema):
    target: int


class TargetOut(Schema):
    organization_id: int
    year: int
    target: int
    source: str


def _detail(candidate) -> dict:
    return {**CandidateOut.from_orm(candidate).dict(),
            "steps": [StepOut.from_orm(s).dict() for s in candidate.steps.order_by("date", "id")]}


@router.get("/candidates", response=list[CandidateOut])
def list_candidates(request, organization_id: Id | None = None, stage: str | None = None, limit: Limit = 100,
                    offset: Offset = 0):
    """Candidates the user may see; `organization_id` limits to a subtree, `stage` to one step."""
    queryset = v.candidates(request.scope).order_by("sort_key", "id")
    if organization_id is not None:
        org = v.visible_org(request.scope, organization_id)
        queryset = queryset.filter(organization_id__in=OrgClosure.objects.filter(ancestor=org).values("descendant_id"))
    if stage:
        queryset = queryset.filter(stage=stage)
    limit = max(1, min(limit, MAX_LIMIT))
    return list(queryset[max(0, offset):max(0, offset) + limit])


@router.post("/candidates", response={201: CandidateDetailOut, 422: ErrorOut})
def create_candidate(request, data: CandidateIn):
    """A new candidate in a chi bộ the user may write in."""
    org = v.visible_org(request.scope, data.organization_id)
    try:
        request.scope.check_write(org)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    try:
        candidate = services.create_candidate(request.user, org, data.dict(exclude={"organization_id"}))
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    return Status(201, _detail(candidate))


@router.get("/candidates/{candidate_id}", response=CandidateDetailOut)
def get_candidate(request, candidate_id: Id):
    return _detail(v.get_candidate(request.scope, candidate_id))


def _step_input(request, candidate, data: StepIn) -> services.StepInput:
    members = request.scope.members()
    sponsors = None
    if data.step == rules.SPONSORS:
        sponsors = []
        for index, member_id in enumerate(data.sponsor_member_ids):
            since = data.sponsors_together_since[index] if index < len(data.sponsors_together_since) else None
            sponsors.append(services.SponsorInput(rules.MEMBER_SPONSOR, Scope.get(members, pk=member_id),
                                                  together_since=since))
        if data.youth_union_committee:
            sponsors.append(services.SponsorInput(rules.YOUTH_UNION_SPONSOR, name=data.youth_union_committee))
    helper = Scope.get(members.filter(status=MemberStatus.OFFICIAL), pk=data.helper_id) if data.helper_id else None
    return services.StepInput(
        on=data.on, decision_number=data.decision_number, approve=data.approve, total=data.total, note=data.note,
        late_approval=data.late_approval, certificate_number=data.certificate_number,
        certificate_date=data.certificate_date, sponsors=sponsors, helper=helper, card_number=data.card_number,
        recognized=data.recognized)


@router.post("/candidates/{candidate_id}/steps", response={201: CandidateDetailOut, 422: ErrorOut})
def record_step(request, candidate_id: Id, data: StepIn):
    """Record the candidate's next step (the one the board shows); 422 with reasons otherwise."""
    candidate = v.get_candidate(request.scope, candidate_id)
    try:
        request.scope.check_write(candidate.organization_id)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    if data.step != candidate.stage:
        return Status(422, {"detail": {"step": [
            f"Bước tiếp theo là «{rules.STEP_LABELS.get(candidate.stage, candidate.stage)}»."]}})
    try:
        services.record_step(request.user, candidate, data.step, _step_input(request, candidate, data))
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    candidate.refresh_from_db()
    return Status(201, _detail(candidate))


def _progress_out(row: progress.UnitProgress) -> dict:
    return {"organization_id": row.organization.pk, "name": row.organization.name, "target": row.target,
            "admitted": row.admitted, "percent_of_target": row.percent_of_target,
            "members_at_start": row.members_at_start, "rate": row.rate, "breakdown": row.counts.breakdown}


@router.get("/progress/{organization_id}", response=list[ProgressOut])
def get_progress(request, organization_id: Id, year: Year | None = None, on: date | None = None):
    """The unit first, then each direct unit: admitted from 1 January to `on`, against the target."""
    org = v.visible_org(request.scope, organization_id)
    today = timezone.localdate()
    year = year or today.year
    on = on or min(today, date(year, 12, 31))
    children = list(org.children.filter(dissolved__isnull=True).order_by("path"))
    return [_progress_out(row) for row in progress.progress_for([org, *children], year, on)]


@router.get("/due/{organization_id}", response=list[DueOut])
def get_due(request, organization_id: Id):
    org = v.visible_org(request.scope, organization_id)
    subtree = OrgClosure.objects.filter(ancestor=org).values("descendant_id")
    rows = deadlines.due_list(v.candidates(request.scope).filter(organization_id__in=subtree),
                              request.scope.members().filter(organization_id__in=subtree), timezone.localdate())
    return [{"name": r.name, "organization": r.organization_name, "what": r.what, "due": r.due,
             "working_days_left": r.days_left, "overdue": r.overdue,
             "candidate_id": r.candidate.pk if r.candidate else None, "member_id": r.member.pk if r.member else None}
            for r in rows]


@router.put("/targets/{organization_id}/{year}", response={200: TargetOut, 422: ErrorOut})
def put_target(request, organization_id: Id, year: Year, data: TargetIn):
    org = v.visible_org(request.scope, organization_id)
    try:
        request.scope.check_write(org)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    try:
        row = services.set_target(request.user, org, year, data.target)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    return Status(200, row)
