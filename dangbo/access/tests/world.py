"""One row of every object type in three cells of the small tree, for the visibility table tests.

cell_a1 is the plain member's cell and the cell secretary's; cell_a2 is in staff_a's commune;
cell_b1 only the province leader and the admin see. Rows are made directly (ORM or the apps'
services), each bound to its cell and, where the type has one, to the cell's first member
(attendance lines and correction requests also to the second, so "own line only" shows).
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dangbo.admission import rules as admission_rules
from dangbo.admission.models import AdmissionStep, AdmissionTarget, Candidate, Hamlet, Relative, Sponsor
from dangbo.audit.models import AccessKind, AccessLogEntry, AuditAction, AuditEntry
from dangbo.congress import services as congress
from dangbo.congress.models import (BallotPaper, BridgePoint, Comment, CommentKind, CommentRound, Conference,
                                    CongressKind, DocumentKind, ElectionKind, RoundRecipient, SynthesisItem)
from dangbo.documents import services as documents
from dangbo.documents.models import IssuerKind
from dangbo.ingest.models import Fact, Source
from dangbo.inspection import rules as inspection_rules
from dangbo.inspection.models import (Case, Consolidation, Denunciation, DisciplineDecision, Milestone, Plan, PlanItem,
                                      Postponement, Recommendation)
from dangbo.meetings import models as meetings
from dangbo.members.models import AbsenceKind, EventKind, MemberAbsence, MemberEvent
from dangbo.orgs.models import OrgChange, Position, Term
from dangbo.ratings.models import MemberRating, OrgRating, RatingPeriod, RatingSummary, RatingTarget

YEAR = 2025
CELLS = ("cell_a1", "cell_a2", "cell_b1")


def build_world(tree) -> None:
    for number, name in enumerate(CELLS, start=1):
        cell, member = getattr(tree, name), _first_member(tree, name)
        _rows_of_cell(tree, cell, member, number)
        _admission_rows(cell, member, number)
        _inspection_rows(cell, member, number)
        _meeting_rows(cell, _members(tree, name), number)
        RatingSummary.objects.create(organization=cell, year=YEAR, members_httnv=1)


def _members(tree, cell_name: str):
    return {"cell_a1": tree.a1_members, "cell_a2": tree.a2_members, "cell_b1": tree.b1_members}[cell_name]


def _first_member(tree, cell_name: str):
    return _members(tree, cell_name)[0]


def _rows_of_cell(tree, cell, member, number: int) -> None:
    admin, day = tree.admin, date(2025, 3, number)
    term = Term.objects.create(organization=cell, name="2025-2030", start=day)
    Position.objects.create(organization=cell, member=member, kind="bi_thu", start=day, term=term)
    OrgChange.objects.create(kind="establish", date=day).results.add(cell)
    MemberEvent.objects.create(member=member, kind=EventKind.DISCIPLINE, date=day, note="Khiển trách")
    MemberAbsence.objects.create(member=member, kind=AbsenceKind.SICK, start=day)
    AuditEntry.objects.create(action=AuditAction.UPDATE, model="members.Member", object_id=str(member.pk),
                              organization_id=cell.pk, before={"phone": "0912000111"}, after={"phone": "0912000222"})
    AccessLogEntry.objects.create(kind=AccessKind.MEMBER_PAGE, username="admin", member=member,
                                  organization_id=cell.pk)

    RatingPeriod.objects.create(organization=cell, year=YEAR, rule_set="2024")
    MemberRating.objects.create(member=member, organization=cell, rated_by=cell, year=YEAR, level="httnv", rated_on=day)
    OrgRating.objects.create(organization=cell, rated_by=cell.parent, year=YEAR, level="httnv", rated_on=day)
    RatingTarget.objects.create(organization=cell, year=YEAR, subject="members", min_level="httnv",
                                min_percent=Decimal("90"))

    issuer = documents.get_or_create_issuer(name=f"Chi ủy {cell.name}", code=f"CU{number}", organization=cell,
                                            kind=IssuerKind.COMMITTEE)
    document = documents.create_document(admin, issuer=issuer, doc_type="nghi_quyet", number=f"0{number}-NQ/CU{number}",
                                         title="Nghị quyết chi bộ", issued_on=day)
    target = documents.add_target(admin, document, wording="100% đảng viên học tập nghị quyết", target_value=100)
    documents.add_progress(admin, target, period_end=day + timedelta(days=30), value=80, organization=cell)

    meeting = congress.create_congress(admin, cell, kind=CongressKind.MEMBERS, ordinal=number, term="2025-2030",
                                       start_date=day + timedelta(days=90), venue="Nhà văn hóa",
                                       delegates_summoned=3)
    draft = congress.create_document(admin, meeting, DocumentKind.POLITICAL_REPORT, "Báo cáo chính trị")
    version = congress.add_version_from_text(admin, draft, "I. KẾT QUẢ\nChi bộ duy trì sinh hoạt định kỳ.")
    round_ = CommentRound.objects.create(version=version, organization=cell, title="Lấy ý kiến",
                                         deadline=day + timedelta(days=20))
    recipient = RoundRecipient.objects.create(round=round_, organization=cell)
    conference = Conference.objects.create(round=round_, title="Hội nghị góp ý", date=day, host=cell)
    BridgePoint.objects.create(conference=conference, name="Điểm cầu chính", organization=cell)
    Comment.objects.create(round=round_, recipient=recipient, kind=CommentKind.COMMENT, text="Đồng ý.",
                           author_member=member)
    SynthesisItem.objects.create(round=round_, summary="Nhất trí")
    election = congress.create_election(admin, meeting, kind=ElectionKind.COMMITTEE, title="Bầu chi ủy", seats=4,
                                        candidates=[member.full_name, "Nguyễn Văn Dự", "Trần Văn Bốn", "Lê Văn Năm",
                                                    "Phạm Văn Sáu"])
    BallotPaper.objects.create(round=election.rounds.get(), number=1)

    source = Source.objects.create(organization=cell, title="Báo cáo", text="Đồng chí A, CCCD 001085012345.",
                                   sha256=f"{number:064d}")
    Fact.objects.create(source=source, kind="person", start=0, end=8, text="Đồng chí A", member=member)


def _admission_rows(cell, member, number: int) -> None:
    day = date(2025, 4, number)
    candidate = Candidate.objects.create(organization=cell, full_name=f"Vũ Thị Ứng {number}", gender="nu",
                                         birth_date=date(2000, 1, number))
    AdmissionStep.objects.create(candidate=candidate, step=admission_rules.COURSE, date=day)
    Relative.objects.create(candidate=candidate, relation="cha_de", full_name=f"Vũ Văn Cha {number}")
    Sponsor.objects.create(candidate=candidate, kind=admission_rules.MEMBER_SPONSOR, member=member)
    AdmissionTarget.objects.create(organization=cell, year=YEAR, target=2)
    Hamlet.objects.create(organization=cell, name=f"Thôn {number}")


def _inspection_rows(cell, member, number: int) -> None:
    day = date(2025, 5, number)
    plan = Plan.objects.create(organization=cell, year=YEAR, title="Chương trình kiểm tra, giám sát")
    item = PlanItem.objects.create(plan=plan, kind=inspection_rules.TASK_COMPLIANCE, subject_member=member,
                                   content="Kiểm tra việc thực hiện nhiệm vụ đảng viên")
    denunciation = Denunciation.objects.create(organization=cell, received_on=day, reporter_name="Người tố cáo",
                                               accused_member=member, content="Nội dung tố cáo")
    case = Case.objects.create(organization=cell, kind=inspection_rules.SIGNS_OF_VIOLATION, title="Kiểm tra dấu hiệu",
                               plan_item=item, denunciation=denunciation, subject_member=member, opened_on=day)
    Recommendation.objects.create(case=case, organization=cell, content="Khắc phục hạn chế",
                                  deadline=day + timedelta(days=60))
    DisciplineDecision.objects.create(organization=cell, member=member, subject=inspection_rules.OFFICIAL,
                                      form=inspection_rules.REPRIMAND, violation_on=day - timedelta(days=90),
                                      violation_summary="Vi phạm quy định", decider=inspection_rules.CELL,
                                      decided_by=cell, decided_on=day, year=YEAR, case=case)
    Postponement.objects.create(member=member, reason=inspection_rules.SERIOUS_ILLNESS, start=day)
    consolidation = Consolidation.objects.create(organization=cell, year=YEAR, reason=inspection_rules.WEAK_KHTNV)
    Milestone.objects.create(consolidation=consolidation, title="Kiện toàn chi ủy", due=day + timedelta(days=90))


def _meeting_rows(cell, members, number: int) -> None:
    day = date(2025, 6, number)
    meeting = meetings.Meeting.objects.create(organization=cell, date=day, topic="Sinh hoạt định kỳ")
    meetings.Material.objects.create(meeting=meeting, title="Dự thảo nghị quyết tháng")
    for member in members[:2]:
        meetings.Attendance.objects.create(meeting=meeting, member=member, presence=meetings.Presence.PRESENT)
        meetings.CorrectionRequest.objects.create(member=member, field="phone", requested_value="0912000333")
    minutes = meetings.Minutes.objects.create(meeting=meeting, chair=members[0].full_name,
                                              secretary=members[1].full_name)
    meetings.MinutesAddendum.objects.create(minutes=minutes, text="Bổ sung ý kiến")
    conference = meetings.Conference.objects.create(organization=cell, title="Hội nghị trực tuyến", date=day)
    meetings.BridgePoint.objects.create(conference=conference, organization=cell, place="Hội trường", is_main=True)
