"""Business operations of admission: one transaction each, audited, rules from admission.rules.

The ceremony creates the member record through members.services (probationary, the
admission decision's date as party-seniority start, the "kết nạp" lifecycle event);
recognition makes them official through members.services as well, from the end of the 12
months of probation; the card step writes the card number on the member record.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangbo.admission import config, rules
from dangbo.admission.models import (AdmissionStep, AdmissionTarget, Candidate, Hamlet, Relative, Source, Sponsor,
                                     TargetSource)
from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import vn
from dangbo.members import rules as member_rules
from dangbo.members import services as member_services
from dangbo.members.models import EventKind, Member, MemberEvent, MemberStatus
from dangbo.orgs.models import CELL_KINDS, GRASSROOTS_KINDS, Organization, OrgClosure, OrgKind

PERSON_FIELDS = ("full_name", "birth_date", "gender", "ethnicity", "religion", "home_town", "citizen_id", "phone",
                 "education", "occupation", "workplace", "source", "youth_union_member", "over_age_decision")
CANDIDATE_ORG_KINDS = (*CELL_KINDS, OrgKind.GROUP)


def _today() -> date:
    return timezone.localdate()


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _raise(errors: dict[str, list[str]]) -> None:
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors)


# -- personal data ----------------------------------------------------------------------------


def check_person(data: dict, *, exclude_pk: int | None = None) -> None:
    """The member record's own validation (members.rules) for what a candidate already has:
    name, birth date, citizen id, phone, gender. Age is checked when the chi bộ considers."""
    _raise(person_problems(data, exclude_pk=exclude_pk))


def person_problems(data: dict, *, exclude_pk: int | None = None) -> dict[str, list[str]]:
    """check_person's problems, {field: [messages]} (the candidate form shows them with its own)."""
    today = _today()
    record = {**data, "admission_date": today, "status": None, "official_date": None, "card_number": None}
    grouped: dict[str, list[str]] = {}
    for error in member_rules.validate_member(record, today=today, min_age_months=0, max_age_months=10_000):
        if error.field not in ("admission_date", "official_date", "card_number"):
            grouped.setdefault(error.field, []).append(error.message)
    citizen_id = data.get("citizen_id")
    if citizen_id and "citizen_id" not in grouped:
        if Member.objects.filter(citizen_id=citizen_id).exists():
            grouped["citizen_id"] = ["Số CCCD này đã có trong hồ sơ đảng viên."]
        elif Candidate.objects.filter(citizen_id=citizen_id).exclude(pk=exclude_pk).exclude(stage=rules.STOPPED).exists():
            grouped["citizen_id"] = ["Số CCCD này đã có trong danh sách người xin vào Đảng."]
    if data.get("source") not in (None, *Source.values):
        grouped["source"] = ["Nguồn không hợp lệ."]
    return grouped


def _clean(data: dict) -> dict:
    cleaned = {k: (vn.nfc(v) if isinstance(v, str) else v) for k, v in data.items() if k in PERSON_FIELDS}
    if "citizen_id" in cleaned:
        cleaned["citizen_id"] = cleaned["citizen_id"] or None
    return cleaned


@transaction.atomic
def create_candidate(user, organization: Organization, data: dict) -> Candidate:
    if organization.kind not in CANDIDATE_ORG_KINDS:
        raise ValidationError({"organization": "Người xin vào Đảng thuộc một chi bộ."})
    if not organization.is_active:
        raise ValidationError({"organization": "Chi bộ đã giải thể."})
    data = _clean(data)
    check_person(data)
    candidate = Candidate(organization=organization, created_by=_user(user), stage=rules.COURSE, **data)
    candidate.save()
    audit.record(user, AuditAction.CREATE, candidate)
    return candidate


@transaction.atomic
def update_candidate(user, candidate: Candidate, data: dict) -> Candidate:
    data = _clean(data)
    current = {field: getattr(candidate, field) for field in PERSON_FIELDS}
    check_person({**current, **data}, exclude_pk=candidate.pk)
    before = audit.snapshot(candidate)
    for key, value in data.items():
        setattr(candidate, key, value)
    candidate.save()
    audit.record(user, AuditAction.UPDATE, candidate, before=before)
    return candidate


# -- relatives and sponsors -------------------------------------------------------------------


@transaction.atomic
def add_relative(user, candidate: Candidate, *, relation: str, full_name: str, party_member_declared: bool = False,
                 verified_on: date | None = None, result: str = "") -> Relative:
    full_name = vn.nfc(full_name)
    errors: dict[str, list[str]] = {}
    if relation not in rules.RELATIONS:
        errors["relation"] = ["Quan hệ không hợp lệ."]
    if len(full_name.split()) < 2:
        errors["full_name"] = ["Họ và tên phải có ít nhất họ và tên."]
    if verified_on and verified_on > _today():
        errors["verified_on"] = ["Ngày thẩm tra ở tương lai."]
    _raise(errors)
    relative = Relative.objects.create(candidate=candidate, relation=relation, full_name=full_name,
                                       party_member_declared=party_member_declared, verified_on=verified_on,
                                       result=vn.nfc(result))
    audit.record(user, AuditAction.CREATE, relative, note=f"{candidate.full_name}: {relative}")
    return relative


@transaction.atomic
def verify_relative(user, relative: Relative, *, verified_on: date, result: str = "") -> Relative:
    if verified_on > _today():
        raise ValidationError({"verified_on": "Ngày thẩm tra ở tương lai."})
    before = audit.snapshot(relative)
    relative.verified_on, relative.result = verified_on, vn.nfc(result)
    relative.save(update_fields=["verified_on", "result"])
    audit.record(user, AuditAction.UPDATE, relative, before=before, note=f"Thẩm tra {relative.full_name}")
    return relative


def grassroots_of(org_id: int) -> int | None:
    """The grassroots organization (TCCSĐ) an organization belongs to, itself included."""
    return (OrgClosure.objects.filter(descendant_id=org_id, ancestor__kind__in=GRASSROOTS_KINDS)
            .order_by("-depth").values_list("ancestor_id", flat=True).first())


@dataclass
class SponsorInput:
    kind: str
    member: Member | None = None
    name: str = ""
    together_since: date | None = None


def _sponsor_facts(candidate: Candidate, sponsors: list[SponsorInput]) -> list[rules.Sponsor]:
    home = grassroots_of(candidate.organization_id)
    facts = []
    for sponsor in sponsors:
        member = sponsor.member
        if sponsor.kind == rules.MEMBER_SPONSOR and member is not None:
            official = member.official_date if member.status == MemberStatus.OFFICIAL else None
            facts.append(rules.Sponsor(rules.MEMBER_SPONSOR, member.full_name, official_since=official,
                                       together_since=sponsor.together_since,
                                       same_grassroots=grassroots_of(member.organization_id) == home))
        else:
            facts.append(rules.Sponsor(sponsor.kind, sponsor.name or "Ban Chấp hành Đoàn cơ sở"))
    return facts


def _stored_sponsors(candidate: Candidate) -> list[SponsorInput]:
    return [SponsorInput(s.kind, s.member, s.name, s.together_since)
            for s in candidate.sponsors.select_related("member")]


# -- steps ------------------------------------------------------------------------------------


@dataclass
class StepInput:
    """What a step form or the API sends; each step reads the fields it needs."""

    on: date | None
    decision_number: str = ""
    scan: object = None
    approve: int | None = None
    total: int | None = None
    note: str = ""
    late_approval: str = ""
    extended: bool = False
    certificate_number: str = ""
    certificate_date: date | None = None
    sponsors: list[SponsorInput] | None = None
    helper: Member | None = None
    card_number: str = ""
    recognized: bool = True  # upper committee's decision after three failed votes


def done_steps(candidate: Candidate) -> dict[str, date]:
    """{step: date} of the steps passed (the last passing record of each)."""
    return dict(candidate.steps.filter(passed=True).order_by("date", "id").values_list("step", "date"))


@transaction.atomic
def record_step(user, candidate: Candidate, step: str, data: StepInput) -> AdmissionStep:
    """Record one step of DOMAIN.md §3.2–3.6 for one candidate, after every rule of it."""
    candidate = Candidate.objects.select_for_update(of=("self",)).select_related("organization", "member").get(pk=candidate.pk)
    if not candidate.is_active:
        raise ValidationError({"step": f"Hồ sơ đã ở trạng thái «{candidate.stage_label}»."})
    on = data.on
    done = done_steps(candidate)
    # Every problem at once: the date, the order of the steps and the step's own rules.
    problems: dict[str, list[str]] = {"on": [], "step": []}
    if on is None:
        problems["on"].append("Nhập ngày.")
    elif on > _today():
        problems["on"].append("Ngày ở tương lai.")
    if on is not None:
        problems["step"] += rules.check_step_order(step, done, on,
                                                   under_grassroots_committee=candidate.under_grassroots_committee)
    passed = False
    if on is not None and rules.next_step(done, candidate.under_grassroots_committee) == step:
        try:
            passed = CHECKS[step](candidate, done, data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                problems.setdefault(field, []).extend(m for m in messages if m not in problems.get(field, []))
    _raise(problems)
    row = AdmissionStep.objects.create(
        candidate=candidate, step=step, date=on, decision_number=vn.nfc(data.decision_number),
        scan=data.scan or "", approve=data.approve, total=data.total, passed=passed,
        late_approval=vn.nfc(data.late_approval), note=vn.nfc(data.note), created_by=_user(user))
    before = audit.snapshot(candidate)
    if passed:
        APPLY.get(step, _nothing)(user, candidate, done, data, row)
        candidate.stage = rules.next_step({**done, step: on}, candidate.under_grassroots_committee)
        candidate.stage_since = on
    elif step == rules.RECOGNITION:
        _after_failed_recognition(user, candidate, data)
    candidate.save()
    outcome = "" if passed else " (không đạt)"
    audit.record(user, AuditAction.UPDATE, candidate, before=before, note=f"{rules.STEP_LABELS[step]}{outcome}")
    return row


def _nothing(*args) -> None:
    return None


def _check_course(candidate, done, data) -> bool:
    """The certificate is issued at the end of the course, so never before the course's date."""
    errors = []
    if data.certificate_date is None:
        errors.append("Nhập ngày cấp giấy chứng nhận.")
    else:
        if data.certificate_date < data.on:
            errors.append("Ngày cấp giấy chứng nhận trước ngày học lớp.")
        if data.certificate_date > _today():
            errors.append("Ngày cấp giấy chứng nhận ở tương lai.")
    _raise({"certificate_date": errors})
    return True


def _check_simple(candidate, done, data) -> bool:
    return True


def _check_verification(candidate, done, data) -> bool:
    relatives = [rules.Relative(r.relation, r.full_name, r.verified_on, r.party_member_declared)
                 for r in candidate.relatives.all()]
    _raise({"step": rules.check_verification(relatives, data.on)})
    return True


def _check_sponsors(candidate, done, data) -> bool:
    sponsors = data.sponsors or []
    youth_member = candidate.youth_union_member
    errors = rules.check_sponsors(_sponsor_facts(candidate, sponsors), data.on, youth_union_member=youth_member,
                                  min_months=config.value("admission_sponsor_min_months"))
    if youth_member and any(s.kind == rules.YOUTH_UNION_SPONSOR for s in sponsors):
        age = rules.age_in_months(candidate.birth_date, data.on)
        if age > config.value("admission_youth_union_max_age_months"):
            errors.append("Đã quá tuổi đoàn: cần hai đảng viên chính thức giới thiệu.")
    _raise({"sponsors": errors})
    return True


def eligibility_errors(candidate: Candidate, on: date) -> dict[str, list[str]]:
    """DOMAIN.md §3.1 and §3.2.1/5 on the day the chi bộ considers admission."""
    over_age = bool(candidate.over_age_decision.strip())
    return {
        "birth_date": rules.check_age(candidate.birth_date, on, min_months=config.value("admission_min_age_months"),
                                      max_months=config.value("admission_max_age_months"),
                                      over_age_approved=over_age),
        "certificate_date": rules.check_certificate(candidate.course_certificate_date, on,
                                                    config.value("admission_certificate_valid_months")),
        "sponsors": rules.check_sponsors(_sponsor_facts(candidate, _stored_sponsors(candidate)), on,
                                         youth_union_member=candidate.youth_union_member,
                                         min_months=config.value("admission_sponsor_min_months")),
    }


def _vote(data) -> bool:
    _raise({"approve": rules.check_vote(data.approve, data.total)})
    return rules.vote_passes(data.approve, data.total)


def _check_cell_resolution(candidate, done, data) -> bool:
    """Eligibility and the vote are checked together: the clerk sees both at once."""
    _raise({**eligibility_errors(candidate, data.on), "approve": rules.check_vote(data.approve, data.total)})
    return rules.vote_passes(data.approve, data.total)


def _check_grassroots_resolution(candidate, done, data) -> bool:
    return _vote(data)


def _check_decision(candidate, done, data) -> bool:
    _raise({"decision_number": [] if data.decision_number.strip() else ["Nhập số quyết định kết nạp."]})
    return True


def _check_ceremony(candidate, done, data) -> bool:
    errors = {"on": rules.check_ceremony_date(data.on, done[rules.DECISION], config.calendar(), config.deadlines(),
                                              data.late_approval)}
    helper = data.helper
    if helper is None:
        errors["helper"] = ["Phân công một đảng viên chính thức giúp đỡ đảng viên dự bị."]
    elif helper.status != MemberStatus.OFFICIAL or grassroots_of(helper.organization_id) != grassroots_of(
            candidate.organization_id):
        errors["helper"] = ["Người giúp đỡ phải là đảng viên chính thức cùng tổ chức cơ sở đảng."]
    if candidate.citizen_id and Member.objects.filter(citizen_id=candidate.citizen_id).exists():
        errors["citizen_id"] = ["Số CCCD này đã có trong hồ sơ đảng viên."]
    _raise(errors)
    return True


def _check_recognition(candidate, done, data) -> bool:
    member = candidate.member
    if member is None or member.status != MemberStatus.PROBATIONARY:
        raise ValidationError({"step": "Không có đảng viên dự bị để xét công nhận chính thức."})
    end = rules.probation_end(candidate.ceremony_on)
    problems = {"on": [f"Chưa đủ 12 tháng dự bị (đủ vào ngày {vn.format_date(end)})."] if data.on < end else []}
    if candidate.escalated:
        _raise({**problems, "decision_number": [] if data.decision_number.strip()
                else ["Sau ba lần xét không đạt, nhập số quyết định của cấp ủy cấp trên."]})
        return data.recognized
    _raise({**problems, "approve": rules.check_vote(data.approve, data.total)})
    return rules.vote_passes(data.approve, data.total)


def _check_card(candidate, done, data) -> bool:
    member = candidate.member
    errors = rules.check_card(member is not None and member.status == MemberStatus.OFFICIAL, data.card_number)
    if not errors and Member.objects.filter(card_number=data.card_number.strip()).exists():
        errors = ["Số thẻ đảng viên đã được cấp cho người khác."]
    _raise({"card_number": errors})
    return True


CHECKS = {
    rules.COURSE: _check_course,
    rules.APPLICATION: _check_simple,
    rules.BIOGRAPHY: _check_simple,
    rules.VERIFICATION: _check_verification,
    rules.SPONSORS: _check_sponsors,
    rules.CELL_RESOLUTION: _check_cell_resolution,
    rules.GRASSROOTS_RESOLUTION: _check_grassroots_resolution,
    rules.DECISION: _check_decision,
    rules.CEREMONY: _check_ceremony,
    rules.RECOGNITION: _check_recognition,
    rules.CARD: _check_card,
}


def _apply_course(user, candidate, done, data, row) -> None:
    candidate.course_certificate_date = data.certificate_date
    candidate.course_certificate_number = vn.nfc(data.certificate_number)


def _apply_sponsors(user, candidate, done, data, row) -> None:
    candidate.sponsors.all().delete()
    Sponsor.objects.bulk_create([
        Sponsor(candidate=candidate, kind=s.kind, member=s.member, together_since=s.together_since,
                name=vn.nfc(s.member.full_name if s.member else (s.name or "Ban Chấp hành Đoàn cơ sở")))
        for s in data.sponsors or []])


def _apply_decision(user, candidate, done, data, row) -> None:
    """The decision is the admission: counted in the year's progress from its date."""
    candidate.admitted_on = rules.seniority_start(data.on)
    flags = rules.breakdown_flags(gender=candidate.gender, ethnicity=candidate.ethnicity, religion=candidate.religion,
                                  age_months=rules.age_in_months(candidate.birth_date, data.on),
                                  workplace=candidate.workplace)
    candidate.is_female, candidate.is_minority = flags["women"], flags["minority"]
    candidate.is_youth, candidate.is_religious = flags["youth"], flags["religious"]


def _apply_ceremony(user, candidate, done, data, row) -> None:
    """The member record: probationary, in the candidate's chi bộ, party seniority from the
    decision's date (DOMAIN.md §3.5), the ceremony and the helper on the admission event."""
    member = member_services.create_member(user, {
        **candidate.personal_details(), "citizen_id": candidate.citizen_id or None,
        "admission_date": candidate.admitted_on,
        "organization": candidate.organization, "status": MemberStatus.PROBATIONARY,
    })
    decision = candidate.steps.filter(step=rules.DECISION, passed=True).order_by("-date", "-id").first()
    MemberEvent.objects.filter(member=member, kind=EventKind.ADMITTED).update(
        decision_number=decision.decision_number if decision else "",
        note=f"Lễ kết nạp ngày {vn.format_date(data.on)}; đảng viên giúp đỡ: {data.helper.full_name}")
    candidate.member, candidate.helper, candidate.ceremony_on = member, data.helper, data.on


def _apply_recognition(user, candidate, done, data, row) -> None:
    """Official from the end of the 12 months, whatever the meeting's date (DOMAIN.md §3.4)."""
    official = rules.official_from(candidate.ceremony_on, data.on)
    member_services.recognize_official(user, candidate.member, on=data.on, decision_number=vn.nfc(data.decision_number),
                                       official_from=official)
    candidate.official_on = official


def _apply_card(user, candidate, done, data, row) -> None:
    member_services.update_member(user, candidate.member, {"card_number": data.card_number.strip()},
                                  note="Phát thẻ đảng viên")


APPLY = {
    rules.COURSE: _apply_course,
    rules.SPONSORS: _apply_sponsors,
    rules.DECISION: _apply_decision,
    rules.CEREMONY: _apply_ceremony,
    rules.RECOGNITION: _apply_recognition,
    rules.CARD: _apply_card,
}


def _after_failed_recognition(user, candidate: Candidate, data: StepInput) -> None:
    """DOMAIN.md §3.4: each failed vote is counted; the third sends the case to the upper
    committee, and an upper committee that does not recognize proposes deletion (xóa tên)."""
    if candidate.escalated:
        candidate.save()
        stop_candidate(user, candidate, on=data.on,
                       reason=f"Cấp ủy cấp trên không công nhận đảng viên chính thức ({vn.nfc(data.decision_number)})")
        return
    outcome = rules.recognition_outcome(data.approve, data.total, candidate.failed_recognition_votes,
                                        config.value("admission_max_failed_recognition_votes"))
    candidate.failed_recognition_votes += 1
    candidate.escalated = outcome == rules.TO_UPPER_COMMITTEE


@transaction.atomic
def extend_decision_deadline(user, candidate: Candidate, *, document_number: str) -> Candidate:
    """The competent committee extends the time for its decision by ≤ 30 working days (DOMAIN.md §3.2.8)."""
    document_number = vn.nfc(document_number)
    if candidate.stage not in (rules.GRASSROOTS_RESOLUTION, rules.DECISION):
        raise ValidationError({"document_number": "Chỉ gia hạn khi đang chờ quyết định kết nạp."})
    if candidate.decision_extended:
        raise ValidationError({"document_number": "Đã gia hạn một lần."})
    if not document_number:
        raise ValidationError({"document_number": "Nhập số văn bản gia hạn."})
    before = audit.snapshot(candidate)
    candidate.decision_extended = True
    candidate.save(update_fields=["decision_extended", "updated_at"])
    audit.record(user, AuditAction.UPDATE, candidate, before=before,
                 note=f"Gia hạn thời gian ra quyết định kết nạp ({document_number})")
    return candidate


@transaction.atomic
def stop_candidate(user, candidate: Candidate, *, on: date, reason: str) -> Candidate:
    """Dừng xem xét: withdrawn, unfit, or (for a probationary member) proposed for deletion."""
    reason = vn.nfc(reason)
    if not reason:
        raise ValidationError({"reason": "Nhập lý do."})
    if not candidate.is_active:
        raise ValidationError({"reason": "Hồ sơ đã kết thúc."})
    before = audit.snapshot(candidate)
    if candidate.member_id and candidate.member.status == MemberStatus.PROBATIONARY:
        member_services.end_membership(user, candidate.member, MemberStatus.REMOVED, on=on, note=reason)
    candidate.stage, candidate.stage_since, candidate.stop_reason = rules.STOPPED, on, reason
    candidate.save()
    audit.record(user, AuditAction.UPDATE, candidate, before=before, note=f"Dừng xem xét: {reason}")
    return candidate


def bulk_record(user, candidates: list[Candidate], step: str, *, on: date, decision_number: str = "",
                certificate_date: date | None = None, certificate_number: str = "") -> tuple[int, dict[str, list[str]]]:
    """One step for many candidates (a class, one date): only the steps rules.BULK_STEPS
    allows. Each candidate is all or nothing; the others still move. Returns (moved, errors
    by candidate name)."""
    if step not in rules.BULK_STEPS:
        raise ValidationError({"step": "Bước này phải ghi nhận cho từng người."})
    moved, problems = 0, {}
    for candidate in candidates:
        try:
            record_step(user, candidate, step, StepInput(on=on, decision_number=decision_number,
                                                          certificate_date=certificate_date or on,
                                                          certificate_number=certificate_number))
            moved += 1
        except ValidationError as error:
            problems[candidate.full_name] = [m for messages in error.message_dict.values() for m in messages]
    return moved, problems


# -- targets ----------------------------------------------------------------------------------


@transaction.atomic
def set_target(user, organization: Organization, year: int, target: int,
               source: str = TargetSource.ENTERED) -> AdmissionTarget:
    """Enter (or change) a unit's admission target for a year."""
    errors = {}
    if not 2000 <= year <= 2100:
        errors["year"] = ["Năm không hợp lệ."]
    if target is None or target < 0:
        errors["target"] = ["Chỉ tiêu phải là số không âm."]
    _raise({k: v for k, v in errors.items()})
    existing = AdmissionTarget.objects.filter(organization=organization, year=year).first()
    before = audit.snapshot(existing) if existing else None
    row, _ = AdmissionTarget.objects.update_or_create(organization=organization, year=year,
                                                      defaults={"target": target, "source": source})
    audit.record(user, AuditAction.UPDATE if existing else AuditAction.CREATE, row, before=before,
                 note=f"Chỉ tiêu kết nạp năm {year}: {vn.format_number(target)}")
    return row


@transaction.atomic
def split_target(user, parent: Organization, year: int, total: int | None = None) -> list[AdmissionTarget]:
    """Split the parent's target among its direct units in proportion to their members at the
    start of the year (largest remainder, rules.split_target); `total` sets the parent's first."""
    from dangbo.admission import progress

    if total is not None:
        set_target(user, parent, year, total)
    own = AdmissionTarget.objects.filter(organization=parent, year=year).first()
    if own is None:
        raise ValidationError({"target": "Chưa có chỉ tiêu của đơn vị để phân bổ."})
    children = list(parent.children.filter(dissolved__isnull=True).order_by("path"))
    if not children:
        raise ValidationError({"target": "Đơn vị không có tổ chức trực thuộc."})
    at_start = progress.members_at_start(year, [c.pk for c in children])
    parts = rules.split_target(own.target, [at_start.get(c.pk, 0) for c in children])
    AdmissionTarget.objects.filter(organization__in=children, year=year).delete()
    rows = AdmissionTarget.objects.bulk_create([
        AdmissionTarget(organization=child, year=year, target=part, source=TargetSource.SPLIT)
        for child, part in zip(children, parts)])
    audit.record_bulk(user, AdmissionTarget, count=len(rows), organization_id=parent.pk,
                      note=f"Phân bổ chỉ tiêu kết nạp năm {year} ({vn.format_number(own.target)}) "
                           f"cho {len(rows)} đơn vị trực thuộc")
    return rows


# -- hamlets ----------------------------------------------------------------------------------


@transaction.atomic
def save_hamlet(user, organization: Organization, *, name: str, kind: str, member_count: int, has_cell: bool,
                updated_on: date | None = None, hamlet: Hamlet | None = None) -> Hamlet:
    name = vn.nfc(name)
    errors = {}
    if not name:
        errors["name"] = ["Nhập tên thôn, tổ dân phố."]
    elif Hamlet.objects.filter(organization=organization, name=name).exclude(pk=hamlet.pk if hamlet else None).exists():
        errors["name"] = ["Đã có thôn, tổ dân phố này trong danh sách."]
    if member_count is None or member_count < 0:
        errors["member_count"] = ["Số đảng viên phải là số không âm."]
    if has_cell and not member_count:
        errors["has_cell"] = ["Thôn, tổ dân phố có chi bộ thì phải có đảng viên."]
    _raise(errors)
    before = audit.snapshot(hamlet) if hamlet else None
    hamlet = hamlet or Hamlet(organization=organization)
    hamlet.name, hamlet.kind, hamlet.member_count, hamlet.has_cell = name, kind, member_count, has_cell
    hamlet.updated_on = updated_on or _today()
    hamlet.save()
    audit.record(user, AuditAction.UPDATE if before else AuditAction.CREATE, hamlet, before=before)
    return hamlet
