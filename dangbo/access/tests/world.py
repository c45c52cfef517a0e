"""One row of every object type in three cells of the small tree, for the visibility table tests.

cell_a1 is the plain member's cell and the cell secretary's; cell_a2 is in staff_a's commune;
cell_b1 only the province leader and the admin see. Rows are made directly (ORM or the apps'
services), each bound to its cell and, where the type has one, to the cell's first member.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dangbo.audit.models import AccessKind, AccessLogEntry, AuditAction, AuditEntry
from dangbo.congress import services as congress
from dangbo.congress.models import (BallotPaper, BridgePoint, Comment, CommentKind, CommentRound, Conference,
                                    CongressKind, DocumentKind, ElectionKind, RoundRecipient, SynthesisItem)
from dangbo.documents import services as documents
from dangbo.documents.models import IssuerKind
from dangbo.ingest.models import Fact, Source
from dangbo.members.models import AbsenceKind, EventKind, MemberAbsence, MemberEvent
from dangbo.orgs.models import OrgChange, Position, Term
from dangbo.ratings.models import MemberRating, OrgRating, RatingPeriod, RatingTarget

YEAR = 2025
CELLS = ("cell_a1", "cell_a2", "cell_b1")


def build_world(tree) -> None:
    for number, name in enumerate(CELLS, start=1):
        _rows_of_cell(tree, getattr(tree, name), _first_member(tree, name), number)


def _first_member(tree, cell_name: str):
    return {"cell_a1": tree.a1_members, "cell_a2": tree.a2_members, "cell_b1": tree.b1_members}[cell_name][0]


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
