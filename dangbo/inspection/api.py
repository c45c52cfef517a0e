"""REST endpoints of inspection, supervision and discipline, mounted at /api/v1/inspection/.

Same visibility as the pages (inspection/visibility.py): denunciations and case files only
for inspection roles and admins, everything else for readers of the subtree; anything
outside is 404; a reader writing is 403; broken rules are 422 {"detail": {field: [..]}}.
"""
from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from dangbo.core.api_params import Id, Limit, Offset, Year
from dangbo.inspection import services, statistics
from dangbo.inspection import visibility as v

router = Router(tags=["Kiểm tra, giám sát, kỷ luật"])
MAX_LIMIT = 1000


class PlanItemOut(Schema):
    id: int
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    subject: str = Field(alias="subject_name")
    content: str
    period_start: date | None
    period_end: date | None
    team: str
    status: str


class PlanOut(Schema):
    id: int
    organization_id: int
    year: int
    title: str
    issuer: str
    number: str


class PlanDetailOut(PlanOut):
    items: list[PlanItemOut]


class DenunciationOut(Schema):
    id: int
    organization_id: int
    received_on: date
    reporter_name: str
    reporter_contact: str
    accused: str = Field(alias="accused_name")
    content: str
    status: str


class RecommendationOut(Schema):
    id: int
    organization_id: int
    organization: str
    content: str
    deadline: date
    progress: str
    status: str
    status_label: str
    done_on: date | None
    evidence: str


class CaseOut(Schema):
    id: int
    organization_id: int
    kind: str
    title: str
    origin: str
    subject: str = Field(alias="subject_name")
    opened_on: date
    status: str
    findings: str
    conclusion: str
    conclusion_number: str
    concluded_on: date | None


class DecisionOut(Schema):
    id: int
    organization_id: int
    member_id: int | None
    subject: str
    subject_name: str
    form: str
    final_form: str
    decider: str
    decided_by_id: int
    number: str
    decided_on: date
    effective_on: date | None
    year: int | None
    appeal_filed_on: date | None
    appeal_outcome: str
    annulled: bool


class FollowUpOut(Schema):
    summary: str
    units: int
    done_units: int
    in_progress_units: int
    not_started_units: int
    overdue_units: int
    items: list[RecommendationOut]


class StatisticsOut(Schema):
    organization_id: int
    year: int
    sentence: str
    members: dict[str, int]
    organizations: dict[str, int]
    probationary: int
    by_decider: dict[str, int]


class RemediationIn(Schema):
    progress: str
    evidence: str = ""
    done_on: date | None = None


class ErrorOut(Schema):
    detail: dict[str, list[str]] | str


def _limit(limit: int) -> int:
    return max(1, min(limit, MAX_LIMIT))


def _rec(row: statistics.FollowUpRow) -> dict:
    r = row.recommendation
    return {"id": r.pk, "organization_id": r.organization_id, "organization": r.organization.name,
            "content": r.content, "deadline": r.deadline, "progress": r.progress, "status": row.status,
            "status_label": row.label, "done_on": r.done_on, "evidence": r.evidence}


@router.get("/plans", response=list[PlanOut], summary="Chương trình kiểm tra, giám sát trong một đảng bộ")
def list_plans(request, org: Id, year: Year | None = None):
    root = v.reader_org(request.scope, org)
    queryset = v.plans(request.scope).filter(v.subtree_filter(root))
    return queryset.filter(year=year) if year else queryset[:MAX_LIMIT]


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="Một chương trình với các nội dung")
def get_plan(request, plan_id: Id):
    plan = v.get_plan(request.scope, plan_id)
    return {"id": plan.pk, "organization_id": plan.organization_id, "year": plan.year, "title": plan.title,
            "issuer": plan.issuer, "number": plan.number,
            "items": list(plan.items.select_related("subject_organization", "subject_member"))}


@router.get("/denunciations", response=list[DenunciationOut], summary="Đơn tố cáo (chỉ cán bộ kiểm tra)")
def list_denunciations(request, org: Id, offset: Offset = 0, limit: Limit = 200):
    root = request.scope.get_organization(org)
    request.scope.check_inspect(root)
    return v.denunciations(request.scope).filter(v.subtree_filter(root))[offset:offset + _limit(limit)]


@router.get("/denunciations/{item_id}", response=DenunciationOut, summary="Một đơn tố cáo (chỉ cán bộ kiểm tra)")
def get_denunciation(request, item_id: Id):
    return v.get_denunciation(request.scope, item_id)


@router.get("/cases", response=list[CaseOut], summary="Hồ sơ kiểm tra, giám sát (chỉ cán bộ kiểm tra)")
def list_cases(request, org: Id, year: Year | None = None, offset: Offset = 0, limit: Limit = 200):
    root = request.scope.get_organization(org)
    request.scope.check_inspect(root)
    queryset = v.cases(request.scope).filter(v.subtree_filter(root))
    if year:
        queryset = queryset.filter(opened_on__year=year)
    return queryset[offset:offset + _limit(limit)]


@router.get("/cases/{case_id}", response=CaseOut, summary="Một hồ sơ kiểm tra, giám sát (chỉ cán bộ kiểm tra)")
def get_case(request, case_id: Id):
    return v.get_case(request.scope, case_id)


@router.get("/follow-up", response=FollowUpOut, summary="Theo dõi khắc phục sau kiểm tra, giám sát")
def follow_up(request, org: Id, status: str | None = None):
    root = v.reader_org(request.scope, org)
    queryset = v.recommendations(request.scope).filter(v.subtree_filter(root)).order_by("deadline", "id")
    rows, summary, _ = statistics.follow_up(queryset, timezone.localdate(), status=status or "", limit=MAX_LIMIT)
    return {"summary": summary.sentence(), "units": summary.units, "done_units": summary.done,
            "in_progress_units": summary.in_progress, "not_started_units": summary.not_started,
            "overdue_units": summary.overdue, "items": [_rec(r) for r in rows[:MAX_LIMIT]]}


@router.put("/recommendations/{rec_id}", response={200: RecommendationOut, 422: ErrorOut},
            summary="Đơn vị báo cáo kết quả khắc phục một kiến nghị")
def put_remediation(request, rec_id: Id, payload: RemediationIn):
    recommendation = v.get_recommendation(request.scope, rec_id)
    if not v.can_report_remediation(request.scope, recommendation):
        raise HttpError(403, "Bạn chỉ có quyền xem kiến nghị này.")
    try:
        services.report_remediation(request.user, recommendation, **payload.dict())
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    return Status(200, _rec(statistics.FollowUpRow(recommendation, recommendation.status(timezone.localdate()))))


def _decision(d) -> dict:
    return {"id": d.pk, "organization_id": d.organization_id, "member_id": d.member_id, "subject": d.subject,
            "subject_name": d.subject_name, "form": d.form, "final_form": d.final_form, "decider": d.decider,
            "decided_by_id": d.decided_by_id, "number": d.number, "decided_on": d.decided_on,
            "effective_on": d.effective_on, "year": d.year, "appeal_filed_on": d.appeal_filed_on,
            "appeal_outcome": d.appeal_outcome, "annulled": d.annulled}


@router.get("/decisions", response=list[DecisionOut], summary="Quyết định kỷ luật có hiệu lực trong năm")
def list_decisions(request, org: Id, year: Year, offset: Offset = 0, limit: Limit = 200):
    root = v.reader_org(request.scope, org)
    queryset = v.decisions(request.scope).filter(v.subtree_filter(root), year=year).order_by("decided_on", "id")
    return [_decision(d) for d in queryset[offset:offset + _limit(limit)]]


@router.get("/decisions/{decision_id}", response=DecisionOut, summary="Một quyết định kỷ luật")
def get_decision(request, decision_id: Id):
    return _decision(v.get_decision(request.scope, decision_id))


@router.get("/statistics/{org_id}/{year}", response=StatisticsOut,
            summary="Số đảng viên, tổ chức đảng bị kỷ luật theo hình thức và cấp quyết định")
def get_statistics(request, org_id: Id, year: Year):
    org = v.reader_org(request.scope, org_id)
    counts = statistics.discipline_counts(org, year)
    return {"organization_id": org.pk, "year": year, "sentence": counts.sentence(), "members": dict(counts.members),
            "organizations": dict(counts.organizations), "probationary": counts.probationary,
            "by_decider": dict(counts.by_decider)}

