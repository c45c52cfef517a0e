"""Writes of the inspection app: one transaction each, audited, Vietnamese ValidationErrors.

Permissions are checked by the callers (views, API) through the Scope; services check the
rules (inspection/rules.py) and keep the other apps in step: a discipline decision updates
the rating flags of its year (ratings.services.refresh_discipline_flags) and khai trừ ends
the membership through the member lifecycle (members.services.end_membership), restored by
`reinstate_member` when an appeal annuls or lightens it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import vn
from dangbo.inspection import rules
from dangbo.inspection.models import (Case, CaseOrigin, CaseStatus, Consolidation, ConsolidationStatus, Denunciation,
                                      DenunciationStatus, DisciplineDecision, ItemStatus, Milestone, Plan, PlanItem, Postponement,
                                      Progress, Recommendation)
from dangbo.members.models import EventKind, Member, MemberEvent, MemberStatus
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _text(value: str | None) -> str:
    return vn.nfc(value or "").strip()


def _require(errors: dict, field: str, value, message: str) -> None:
    if not value:
        errors[field] = message


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _record_file(user, action: str, obj, *, note: str = "") -> None:
    """Audit an inspection file (denunciation, case) without its content: the change log is read
    by every role of the organization, the file only by inspection roles."""
    entry = audit.record(user, action, obj, note=note)
    entry.before = entry.after = None
    entry.object_repr = f"{obj._meta.verbose_name} #{obj.pk}"
    entry.save(update_fields=["before", "after", "object_repr"])


def _one_subject(errors: dict, organization, member) -> None:
    if bool(organization) == bool(member):
        errors["subject"] = "Chọn một tổ chức đảng hoặc một đảng viên."


# -- plans ---------------------------------------------------------------------------------------


@transaction.atomic
def create_plan(user, org: Organization, *, year: int, title: str, issuer: str = "ubkt", number: str = "") -> Plan:
    errors: dict = {}
    _require(errors, "title", _text(title), "Nhập tên chương trình.")
    if not 2000 <= int(year) <= 2100:
        errors["year"] = "Năm không hợp lệ."
    _raise(errors)
    plan = Plan.objects.create(organization=org, year=year, title=_text(title), issuer=issuer, number=_text(number),
                               created_by=_user(user))
    audit.record(user, AuditAction.CREATE, plan)
    return plan


@transaction.atomic
def add_plan_item(user, plan: Plan, *, kind: str, content: str, subject_organization: Organization | None = None,
                  subject_member: Member | None = None, period_start: date | None = None,
                  period_end: date | None = None, team: str = "") -> PlanItem:
    errors: dict = {}
    if kind not in rules.KIND_LABELS:
        errors["kind"] = "Loại kiểm tra, giám sát không hợp lệ."
    _require(errors, "content", _text(content), "Nhập nội dung kiểm tra, giám sát.")
    _one_subject(errors, subject_organization, subject_member)
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = "Ngày kết thúc trước ngày bắt đầu."
    for when in (period_start, period_end):
        if when and when.year != plan.year:
            errors["period_start"] = f"Thời gian phải trong năm {plan.year} của chương trình."
    _raise(errors)
    item = PlanItem.objects.create(plan=plan, kind=kind, content=_text(content),
                                   subject_organization=subject_organization, subject_member=subject_member,
                                   period_start=period_start, period_end=period_end, team=_text(team))
    audit.record(user, AuditAction.CREATE, item, note=f"{plan.title}: {item}")
    return item


@transaction.atomic
def set_item_status(user, item: PlanItem, status: str) -> PlanItem:
    if status not in ItemStatus.values:
        raise ValidationError({"status": "Trạng thái không hợp lệ."})
    before = audit.snapshot(item)
    item.status = status
    item.save(update_fields=["status"])
    audit.record(user, AuditAction.UPDATE, item, before=before)
    return item


# -- denunciations and cases ------------------------------------------------------------------------


@transaction.atomic
def record_denunciation(user, org: Organization, *, received_on: date, content: str, reporter_name: str = "",
                        reporter_contact: str = "", accused_organization: Organization | None = None,
                        accused_member: Member | None = None) -> Denunciation:
    errors: dict = {}
    _require(errors, "content", _text(content), "Nhập nội dung tố cáo.")
    _one_subject(errors, accused_organization, accused_member)
    if received_on and received_on > timezone.localdate():
        errors["received_on"] = "Ngày nhận đơn không thể sau hôm nay."
    _raise(errors)
    denunciation = Denunciation.objects.create(
        organization=org, received_on=received_on, content=_text(content), reporter_name=_text(reporter_name),
        reporter_contact=_text(reporter_contact), accused_organization=accused_organization,
        accused_member=accused_member, created_by=_user(user))
    _record_file(user, AuditAction.CREATE, denunciation, note="Tiếp nhận đơn tố cáo")
    return denunciation


@transaction.atomic
def open_case(user, org: Organization, *, kind: str, title: str, opened_on: date, origin: str = CaseOrigin.PLAN,
              plan_item: PlanItem | None = None, denunciation: Denunciation | None = None,
              complaint_summary: str = "", subject_organization: Organization | None = None,
              subject_member: Member | None = None) -> Case:
    errors: dict = {}
    if kind not in rules.KIND_LABELS:
        errors["kind"] = "Loại kiểm tra, giám sát không hợp lệ."
    _require(errors, "title", _text(title), "Nhập tên cuộc kiểm tra, giám sát.")
    if origin == CaseOrigin.PLAN and plan_item is None:
        errors["plan_item"] = "Chọn nội dung trong chương trình kiểm tra, giám sát."
    if origin == CaseOrigin.DENUNCIATION and denunciation is None:
        errors["denunciation"] = "Chọn đơn tố cáo."
    if origin == CaseOrigin.COMPLAINT and not _text(complaint_summary):
        errors["complaint_summary"] = "Tóm tắt nội dung khiếu nại, phản ánh."
    if plan_item is not None:
        subject_organization = subject_organization or plan_item.subject_organization
        subject_member = subject_member or plan_item.subject_member
    if denunciation is not None:
        subject_organization = subject_organization or denunciation.accused_organization
        subject_member = subject_member or denunciation.accused_member
    _one_subject(errors, subject_organization, subject_member)
    _raise(errors)
    case = Case.objects.create(
        organization=org, kind=kind, title=_text(title), origin=origin, plan_item=plan_item, denunciation=denunciation,
        complaint_summary=_text(complaint_summary), subject_organization=subject_organization,
        subject_member=subject_member, opened_on=opened_on, created_by=_user(user))
    if plan_item is not None and plan_item.status == ItemStatus.PLANNED:
        PlanItem.objects.filter(pk=plan_item.pk).update(status=ItemStatus.IN_PROGRESS)
    if denunciation is not None:
        Denunciation.objects.filter(pk=denunciation.pk).update(status=DenunciationStatus.HANDLING)
    _record_file(user, AuditAction.CREATE, case)
    return case


@dataclass
class RecommendationInput:
    organization: Organization
    content: str
    deadline: date


@transaction.atomic
def conclude_case(user, case: Case, *, findings: str, conclusion: str, concluded_on: date, number: str = "",
                  recommendations: list[RecommendationInput] = ()) -> Case:
    """Record the findings and the conclusion, with its recommendations for remediation."""
    errors: dict = {}
    _require(errors, "conclusion", _text(conclusion), "Nhập kết luận.")
    if concluded_on is None:
        errors["concluded_on"] = "Nhập ngày kết luận."
    elif concluded_on < case.opened_on:
        errors["concluded_on"] = "Ngày kết luận trước ngày bắt đầu kiểm tra."
    for index, item in enumerate(recommendations, start=1):
        if not _text(item.content):
            errors["recommendations"] = f"Kiến nghị {index}: nhập nội dung."
        elif item.deadline is None or (concluded_on and item.deadline < concluded_on):
            errors["recommendations"] = f"Kiến nghị {index}: thời hạn phải từ ngày kết luận trở đi."
    _raise(errors)
    case.findings, case.conclusion = _text(findings), _text(conclusion)
    case.concluded_on, case.conclusion_number, case.status = concluded_on, _text(number), CaseStatus.CONCLUDED
    case.save()
    Recommendation.objects.bulk_create([
        Recommendation(case=case, organization=item.organization, content=_text(item.content), deadline=item.deadline,
                       updated_by=_user(user)) for item in recommendations])
    if case.plan_item_id:
        PlanItem.objects.filter(pk=case.plan_item_id).update(status=ItemStatus.DONE)
    if case.denunciation_id:
        Denunciation.objects.filter(pk=case.denunciation_id).update(status=DenunciationStatus.CLOSED)
    _record_file(user, AuditAction.UPDATE, case, note=f"Kết luận với {len(recommendations)} kiến nghị khắc phục")
    return case


@transaction.atomic
def add_recommendation(user, case: Case, item: RecommendationInput) -> Recommendation:
    if not _text(item.content) or item.deadline is None:
        raise ValidationError({"content": "Nhập nội dung và thời hạn kiến nghị."})
    recommendation = Recommendation.objects.create(case=case, organization=item.organization,
                                                   content=_text(item.content), deadline=item.deadline,
                                                   updated_by=_user(user))
    audit.record(user, AuditAction.CREATE, recommendation)
    return recommendation


@transaction.atomic
def report_remediation(user, recommendation: Recommendation, *, progress: str, evidence: str = "",
                       done_on: date | None = None) -> Recommendation:
    """The responsible unit reports its progress; 'done' needs evidence and a date."""
    errors: dict = {}
    if progress not in Progress.values:
        errors["progress"] = "Tiến độ không hợp lệ."
    if progress == Progress.DONE:
        _require(errors, "evidence", _text(evidence), "Ghi minh chứng đã khắc phục (văn bản, biên bản, kết quả).")
        done_on = done_on or timezone.localdate()
        if done_on > timezone.localdate():
            errors["done_on"] = "Ngày hoàn thành không thể sau hôm nay."
    _raise(errors)
    before = audit.snapshot(recommendation)
    recommendation.progress = progress
    recommendation.evidence = _text(evidence) or recommendation.evidence
    recommendation.done_on = done_on if progress == Progress.DONE else None
    recommendation.updated_by = _user(user)
    recommendation.save()
    audit.record(user, AuditAction.UPDATE, recommendation, before=before,
                 note=f"Khắc phục: {Progress(progress).label}")
    return recommendation


# -- discipline ---------------------------------------------------------------------------------------


def subject_of(member: Member | None) -> str:
    if member is None:
        return rules.ORGANIZATION
    return rules.PROBATIONARY if member.status == MemberStatus.PROBATIONARY else rules.OFFICIAL


def postponement_spans(member: Member) -> list[tuple[str, date, date | None]]:
    return [(p.reason, p.start, p.end) for p in member.discipline_postponements.all()]


@transaction.atomic
def record_postponement(user, member: Member, *, reason: str, start: date, end: date | None = None,
                        child_born_on: date | None = None, note: str = "") -> Postponement:
    try:
        end = rules.postponement_end(reason, start=start, end=end, child_born_on=child_born_on)
    except ValueError as error:
        raise ValidationError({"reason": str(error)}) from None
    if end is not None and end < start:
        raise ValidationError({"end": "Ngày kết thúc trước ngày bắt đầu."})
    postponement = Postponement.objects.create(member=member, reason=reason, start=start, end=end, note=_text(note))
    _record_file(user, AuditAction.CREATE, postponement, note="Tạm hoãn xem xét kỷ luật")
    return postponement


@transaction.atomic
def decide_discipline(user, *, form: str, violation_on: date, violation_summary: str, decider: str,
                      decided_by: Organization, decided_on: date, member: Member | None = None,
                      organization: Organization | None = None, held_post: str = "", unlimited_ground: str = "",
                      number: str = "", announced_on: date | None = None, approved_on: date | None = None,
                      received_on: date | None = None, case: Case | None = None,
                      task_from_higher_level: bool = False, admission_delegated: bool = False) -> DisciplineDecision:
    """Record a disciplinary decision after checking every rule of §5: the form allowed for the
    subject, the statute of limitations on the decision day, postponement, the deciding body's
    authority; then keep the rating flags and the member register in step."""
    errors: dict = {}
    _one_subject(errors, organization, member)
    _raise(errors)
    if member is not None and not member.is_active:
        raise ValidationError({"member": "Đảng viên không còn sinh hoạt đảng."})
    subject = subject_of(member)
    held_post = _text(held_post)
    problem = rules.form_error(subject, form, holds_post=bool(held_post))
    if problem:
        errors["form"] = problem
    _require(errors, "violation_summary", _text(violation_summary), "Nhập nội dung vi phạm.")
    if decider not in rules.DECIDER_LABELS:
        errors["decider"] = "Cấp quyết định không hợp lệ."
    _raise(errors)
    problem = rules.limitation_error(violation_on, decided_on, form, subject, unlimited_ground)
    if problem:
        errors["violation_on"] = problem
    if member is not None:
        problem = rules.postponement_error(decided_on, postponement_spans(member))
        if problem:
            errors["decided_on"] = problem
    auth = rules.authority(decider, subject, form, task_from_higher_level=task_from_higher_level,
                           admission_delegated=admission_delegated)
    if not auth.allowed:
        errors["decider"] = auth.reason
    if decided_on > timezone.localdate():
        errors["decided_on"] = "Ngày quyết định không thể sau hôm nay."
    _raise(errors)
    effective_on = rules.effective_date(decided_on, announced_on=announced_on, approved_on=approved_on, auth=auth)
    decision = DisciplineDecision.objects.create(
        organization=member.organization if member else organization, member=member, subject=subject, form=form,
        held_post=held_post, violation_on=violation_on, violation_summary=_text(violation_summary),
        unlimited_ground=unlimited_ground, decider=decider, decided_by=decided_by, number=_text(number),
        decided_on=decided_on, approved_on=approved_on if auth.needs_approval else None, effective_on=effective_on,
        year=effective_on.year if effective_on else None, received_on=received_on, case=case,
        created_by=_user(user))
    audit.record(user, AuditAction.CREATE, decision, note=f"Kỷ luật {decision.get_form_display().lower()}: "
                                                          f"{decision.subject_name}")
    if effective_on is not None:
        _take_effect(user, decision)
    return decision


@transaction.atomic
def approve_decision(user, decision: DisciplineDecision, *, approved_on: date) -> DisciplineDecision:
    """Chuẩn y: a decision that needs approval takes effect on the approval date."""
    if decision.effective_on is not None:
        raise ValidationError({"approved_on": "Quyết định đã có hiệu lực."})
    if approved_on < decision.decided_on:
        raise ValidationError({"approved_on": "Ngày chuẩn y trước ngày quyết định."})
    before = audit.snapshot(decision)
    decision.approved_on = decision.effective_on = approved_on
    decision.year = approved_on.year
    decision.save(update_fields=["approved_on", "effective_on", "year"])
    audit.record(user, AuditAction.UPDATE, decision, before=before, note="Chuẩn y quyết định kỷ luật")
    _take_effect(user, decision)
    return decision


def _take_effect(user, decision: DisciplineDecision) -> None:
    if decision.member_id:
        member = decision.member
        if decision.form == rules.EXPULSION:
            from dangbo.members import services as member_services

            member_services.end_membership(user, member, MemberStatus.EXPELLED, on=decision.effective_on,
                                           decision_number=decision.number, note=decision.violation_summary[:200])
        else:
            MemberEvent.objects.create(member=member, kind=EventKind.DISCIPLINE, date=decision.effective_on,
                                       discipline_form=decision.form, decision_number=decision.number,
                                       note=decision.get_form_display(), created_by=_user(user))
    _refresh_ratings(decision)


def _refresh_ratings(decision: DisciplineDecision) -> None:
    from dangbo.ratings import services as rating_services

    if decision.year is None:
        return
    if decision.member_id:
        rating_services.refresh_discipline_flags(decision.year, member_ids=[decision.member_id])
    else:
        rating_services.refresh_discipline_flags(decision.year, org_ids=[decision.organization_id])


@transaction.atomic
def record_appeal(user, decision: DisciplineDecision, *, filed_on: date, outcome: str = "",
                  decided_on: date | None = None, new_form: str = "") -> DisciplineDecision:
    """An appeal (khiếu nại) within 30 days of receiving the decision, and its outcome.

    Annulled: the decision no longer counts (the rating cap of its year is lifted) and an
    expelled member is reinstated. Changed: the new form must be allowed for the subject;
    khai trừ changed to a lighter form also reinstates the member.
    """
    received = decision.received_on or decision.effective_on or decision.decided_on
    errors: dict = {}
    problem = rules.appeal_error(received, filed_on, settings.DANGBO_RULES.get("discipline_appeal_days",
                                                                                rules.APPEAL_DAYS))
    if problem:
        errors["filed_on"] = problem
    if outcome and outcome not in rules.APPEAL_OUTCOME_LABELS:
        errors["outcome"] = "Kết quả giải quyết không hợp lệ."
    if outcome == rules.CHANGED:
        problem = rules.form_error(decision.subject, new_form, holds_post=bool(decision.held_post))
        if problem or new_form == decision.form:
            errors["new_form"] = problem or "Chọn hình thức kỷ luật mới khác hình thức cũ."
    if outcome and decided_on is None:
        errors["decided_on"] = "Nhập ngày giải quyết khiếu nại."
    if decision.annulled:
        errors["outcome"] = "Quyết định đã bị xóa bỏ."
    _raise(errors)
    before = audit.snapshot(decision)
    decision.appeal_filed_on, decision.appeal_outcome, decision.appeal_decided_on = filed_on, outcome, decided_on
    decision.appeal_form = new_form if outcome == rules.CHANGED else ""
    decision.annulled = not rules.in_force_after_appeal(outcome)
    decision.save()
    audit.record(user, AuditAction.UPDATE, decision, before=before,
                 note=f"Khiếu nại: {rules.APPEAL_OUTCOME_LABELS.get(outcome, 'đang giải quyết')}")
    if decision.member_id and outcome in (rules.ANNULLED, rules.CHANGED):
        _apply_appeal_to_member(user, decision, decided_on)
    if outcome:
        _refresh_ratings(decision)
    return decision


def _apply_appeal_to_member(user, decision: DisciplineDecision, on: date) -> None:
    """The member's history shows the outcome; khai trừ lifted reinstates, khai trừ imposed ends."""
    member = decision.member
    if decision.form == rules.EXPULSION and decision.final_form != rules.EXPULSION or decision.annulled:
        if member.status == MemberStatus.EXPELLED:
            reinstate_member(user, member, on=on, decision_number=decision.number)
            if decision.annulled:
                return
    if decision.final_form == rules.EXPULSION and not decision.annulled and member.is_active:
        from dangbo.members import services as member_services

        member_services.end_membership(user, member, MemberStatus.EXPELLED, on=on, decision_number=decision.number,
                                       note="Khai trừ sau giải quyết khiếu nại")
        return
    outcome = "xóa bỏ" if decision.annulled else f"thay đổi thành {rules.FORM_LABELS[decision.final_form].lower()}"
    MemberEvent.objects.create(member=member, kind=EventKind.CORRECTION, date=on, decision_number=decision.number,
                               discipline_form="" if decision.annulled else decision.final_form,
                               note=f"Khiếu nại kỷ luật: {outcome}", created_by=_user(user))


def reinstate_member(user, member: Member, *, on: date, decision_number: str = "") -> MemberEvent:
    """Undo khai trừ after a successful appeal: back to the status before, history appended."""
    last_end = member.events.filter(kind=EventKind.EXPELLED).order_by("-date", "-id").first()
    before = audit.snapshot(member)
    member.status = MemberStatus.OFFICIAL if member.official_date else MemberStatus.PROBATIONARY
    member.save(update_fields=["status", "updated_at"])
    event = MemberEvent.objects.create(
        member=member, kind=EventKind.CORRECTION, date=on, to_organization_id=member.organization_id,
        decision_number=decision_number,
        note=f"Khôi phục đảng tịch: khiếu nại về quyết định khai trừ"
             f"{' ngày ' + vn.format_date(last_end.date) if last_end else ''} được chấp nhận",
        created_by=_user(user))
    audit.record(user, AuditAction.UPDATE, member, before=before, note="Khôi phục sau khiếu nại kỷ luật")
    return event


# -- consolidation of weak organizations ------------------------------------------------------------


def weak_candidates(root: Organization, year: int) -> list[tuple[Organization, str]]:
    """Grassroots organizations of the subtree proposed for consolidation after `year`'s rating:
    KHTNV that year, or HTNV in each of the last `weak_htnv_years` years (one query)."""
    from dangbo.ratings.models import OrgRating

    repeated = settings.DANGBO_RULES.get("weak_htnv_years", 2)
    subtree = OrgClosure.objects.filter(ancestor=root).values("descendant_id")
    first_year = year - max(repeated, 1) + 1
    history: dict[int, dict[int, str]] = {}
    for org_id, rated_year, level in (OrgRating.objects.filter(organization_id__in=subtree,
                                                               organization__kind__in=GRASSROOTS_KINDS,
                                                               year__gte=first_year, year__lte=year)
                                      .values_list("organization_id", "year", "level").order_by()):
        history.setdefault(org_id, {})[rated_year] = level
    reasons = {org_id: rules.weak_reason(levels, year, repeated_years=repeated) for org_id, levels in history.items()}
    reasons = {k: v for k, v in reasons.items() if v}
    orgs = Organization.objects.filter(pk__in=reasons).order_by("path")
    return [(org, reasons[org.pk]) for org in orgs]


@transaction.atomic
def propose_consolidations(user, root: Organization, year: int) -> list[Consolidation]:
    """Put every weak organization of the subtree on the consolidation list (once per year)."""
    existing = set(Consolidation.objects.filter(year=year).values_list("organization_id", flat=True))
    created = Consolidation.objects.bulk_create([
        Consolidation(organization=org, year=year, reason=reason)
        for org, reason in weak_candidates(root, year) if org.pk not in existing])
    if created:
        audit.record_bulk(user, Consolidation, count=len(created), organization_id=root.pk,
                          note=f"Đưa {len(created)} tổ chức đảng vào diện củng cố sau xếp loại năm {year}")
    return created


@transaction.atomic
def update_consolidation(user, consolidation: Consolidation, *, causes: str, measures: str,
                         responsible: Member | None = None) -> Consolidation:
    before = audit.snapshot(consolidation)
    consolidation.causes, consolidation.measures, consolidation.responsible = _text(causes), _text(measures), responsible
    if consolidation.status == ConsolidationStatus.PROPOSED and (consolidation.causes or consolidation.measures):
        consolidation.status = ConsolidationStatus.IN_PROGRESS
    consolidation.save()
    audit.record(user, AuditAction.UPDATE, consolidation, before=before)
    return consolidation


@transaction.atomic
def add_milestone(user, consolidation: Consolidation, *, title: str, due: date) -> Milestone:
    if not _text(title) or due is None:
        raise ValidationError({"title": "Nhập nội dung và thời hạn của mốc."})
    milestone = Milestone.objects.create(consolidation=consolidation, title=_text(title), due=due)
    audit.record(user, AuditAction.CREATE, milestone)
    return milestone


@transaction.atomic
def complete_milestone(user, milestone: Milestone, *, done_on: date) -> Milestone:
    before = audit.snapshot(milestone)
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    audit.record(user, AuditAction.UPDATE, milestone, before=before)
    return milestone


@transaction.atomic
def exit_consolidation(user, consolidation: Consolidation, *, decision_number: str, on: date) -> Consolidation:
    """The competent committee recognises the organization is no longer weak."""
    if not _text(decision_number):
        raise ValidationError({"exit_decision_number": "Nhập số quyết định, thông báo công nhận."})
    if on < date(consolidation.year, 1, 1):
        raise ValidationError({"exit_on": "Ngày công nhận trước năm đưa vào diện củng cố."})
    before = audit.snapshot(consolidation)
    consolidation.status, consolidation.exit_decision_number = ConsolidationStatus.EXITED, _text(decision_number)
    consolidation.exit_on = on
    consolidation.save()
    audit.record(user, AuditAction.UPDATE, consolidation, before=before, note="Ra khỏi diện yếu kém")
    return consolidation
