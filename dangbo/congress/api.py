"""Congress API (/api/v1/congress/): same scope rules as the pages (see visibility.py)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from dangbo.core.api_params import Id
from dangbo.access.scope import Scope
from dangbo.congress import services
from dangbo.congress.models import CommentRound, DraftVersion, Paragraph
from dangbo.congress.paragraphs import diff_versions
from dangbo.congress.visibility import (
    can_comment_for, commenting_member, congresses, speaks_for_unit, get_congress, get_election, recipients_of_user, round_access,
)

router = Router(tags=["Đại hội"])


class CongressOut(Schema):
    id: int
    title: str
    organization_id: int
    kind: str
    ordinal: int
    ordinal_roman: str
    term: str
    start_date: Optional[date]
    end_date: Optional[date]
    venue: str
    delegates_summoned: int
    status: str


def _congress_out(congress) -> dict:
    from dangbo.core.vn import to_roman

    return {**{f: getattr(congress, f) for f in ("id", "title", "organization_id", "kind", "ordinal", "term",
                                                 "start_date", "end_date", "venue", "delegates_summoned", "status")},
            "ordinal_roman": to_roman(congress.ordinal)}


class VersionOut(Schema):
    id: int
    document_id: int
    document_title: str
    number: int


class CongressDetailOut(CongressOut):
    versions: list[VersionOut]
    election_ids: list[int]


class ParagraphOut(Schema):
    id: int
    key: int
    number: int
    kind: str
    level: int
    text: str


class DiffOut(Schema):
    key: int
    change: str
    old_number: Optional[int]
    new_number: Optional[int]
    old_text: str
    new_text: str


class RecipientOut(Schema):
    id: int
    organization_id: int
    organization_name: str
    answered: bool
    submitted_at: Optional[datetime]


class RoundOut(Schema):
    id: int
    title: str
    version_id: int
    deadline: date
    recipients: list[RecipientOut]
    not_answered: list[int]


class CommentOut(Schema):
    id: int
    recipient_id: int
    organization_name: str
    paragraph_key: Optional[int]
    paragraph_number: Optional[int]
    kind: str
    text: str
    proposed_text: str
    author_name: str
    on_behalf: bool


class CommentIn(Schema):
    recipient_id: Id
    kind: str
    paragraph_number: Optional[Id] = None
    text: str = ""
    proposed_text: str = ""
    author_name: str = ""


class ItemOut(Schema):
    id: int
    paragraph_key: Optional[int]
    paragraph_label: str
    summary: str
    decision: str
    response: str
    adopted_text: str
    unit_count: int
    units: list[str]


class CandidateResultOut(Schema):
    candidate_id: int
    full_name: str
    votes: int
    elected: bool
    reason: str


class ElectionRoundOut(Schema):
    id: int
    number: int
    kind: str
    seats: int
    closed: bool
    denominator: Optional[int]
    votes_needed: Optional[int]
    denominator_explained: str
    ballots_valid: int
    ballots_invalid: int
    results: list[CandidateResultOut]


class ElectionOut(Schema):
    id: int
    title: str
    kind: str
    seats: int
    status: str
    rounds: list[ElectionRoundOut]


@router.get("/", response=list[CongressOut])
def list_congresses(request):
    return [_congress_out(c) for c in congresses(request.scope)]


@router.get("/{int:congress_id}", response=CongressDetailOut)
def congress_detail(request, congress_id: Id):
    congress = get_congress(request.scope, congress_id)
    versions = DraftVersion.objects.filter(document__congress=congress).select_related("document")
    return {**_congress_out(congress),
            "versions": [{"id": v.pk, "document_id": v.document_id, "document_title": v.document.title, "number": v.number}
                         for v in versions],
            "election_ids": list(congress.elections.values_list("pk", flat=True))}


def _version(request, version_id: int) -> DraftVersion:
    version = Scope.get(DraftVersion.objects.select_related("document"), pk=version_id)
    get_congress(request.scope, version.document.congress_id)
    return version


@router.get("/versions/{int:version_id}/paragraphs", response=list[ParagraphOut])
def version_paragraphs(request, version_id: Id):
    return list(_version(request, version_id).paragraphs.all())


@router.get("/versions/{int:version_id}/diff", response=list[DiffOut])
def version_diff(request, version_id: Id, against: Id):
    version = _version(request, version_id)
    other = Scope.get(version.document.versions.all(), pk=against)
    older, newer = (other, version) if other.number < version.number else (version, other)
    rows = diff_versions(list(older.paragraphs.values_list("key", "text")), list(newer.paragraphs.values_list("key", "text")))
    return [{"key": r.key, "change": r.change.value, "old_number": r.old_number, "new_number": r.new_number,
             "old_text": r.old_text, "new_text": r.new_text} for r in rows]


def _round_out(access) -> dict:
    recipients = list(access.visible_recipients())
    return {"id": access.round.pk, "title": access.round.title, "version_id": access.round.version_id,
            "deadline": access.round.deadline,
            "recipients": [{"id": r.pk, "organization_id": r.organization_id, "organization_name": r.organization.name,
                            "answered": r.has_answered, "submitted_at": r.submitted_at} for r in recipients],
            "not_answered": [r.pk for r in recipients if not r.has_answered]}


@router.get("/rounds", response=list[RoundOut])
def list_rounds(request):
    scope = request.scope
    visible = scope.restrict(CommentRound.objects.all()).values("pk")
    mine = recipients_of_user(scope).values("round_id")
    rounds = CommentRound.objects.filter(Q(pk__in=visible) | Q(pk__in=mine)).order_by("-deadline", "-id")
    return [_round_out(round_access(scope, r.pk)) for r in rounds]


@router.get("/rounds/{int:round_id}", response=RoundOut)
def round_detail(request, round_id: Id):
    return _round_out(round_access(request.scope, round_id))


def _comment_out(comment) -> dict:
    return {"id": comment.pk, "recipient_id": comment.recipient_id, "organization_name": comment.recipient.organization.name,
            "paragraph_key": comment.paragraph_key, "paragraph_number": comment.paragraph.number if comment.paragraph else None,
            "kind": comment.kind, "text": comment.text, "proposed_text": comment.proposed_text,
            "author_name": comment.author_name, "on_behalf": comment.on_behalf}


@router.get("/rounds/{int:round_id}/comments", response=list[CommentOut])
def round_comments(request, round_id: Id):
    access = round_access(request.scope, round_id)
    return [_comment_out(c) for c in access.visible_comments().select_related("paragraph")]


@router.post("/rounds/{int:round_id}/comments", response={201: CommentOut})
def create_comment(request, round_id: Id, payload: CommentIn):
    access = round_access(request.scope, round_id)
    recipient = Scope.get(access.visible_recipients(), pk=payload.recipient_id)
    if not (access.drafting or can_comment_for(request.scope, recipient)):
        raise HttpError(403, "Bạn chỉ có quyền xem trong phạm vi này.")
    paragraph = None
    if payload.paragraph_number is not None:
        paragraph = Scope.get(Paragraph.objects.filter(version=access.round.version_id), number=payload.paragraph_number)
    member = commenting_member(request.scope, recipient)
    try:
        comment = services.add_comment(request.user, recipient, kind=payload.kind, paragraph=paragraph,
                                       text=payload.text, proposed_text=payload.proposed_text,
                                       author_name=payload.author_name or (member.full_name if member else ""),
                                       author_member=member,
                                       on_behalf=access.drafting and not speaks_for_unit(request.scope, recipient))
    except ValidationError:
        raise  # 422 naming the fields (core/api_errors.py)
    except PermissionDenied as error:
        raise HttpError(403, str(error))
    return Status(201, _comment_out(comment))


@router.get("/rounds/{int:round_id}/synthesis", response=list[ItemOut])
def round_synthesis(request, round_id: Id):
    access = round_access(request.scope, round_id)
    if not access.sees_all:
        Scope.get(CommentRound.objects.none(), pk=round_id)
    return [{"id": row["item"].pk, "paragraph_key": row["item"].paragraph_key, "paragraph_label": row["paragraph_label"],
             "summary": row["item"].summary, "decision": row["item"].decision, "response": row["item"].response,
             "adopted_text": row["item"].adopted_text, "unit_count": len(row["units"]), "units": row["units"]}
            for row in services.synthesis_rows(access.round)]


@router.get("/elections/{int:election_id}", response=ElectionOut)
def election_detail(request, election_id: Id):
    election = get_election(request.scope, election_id)
    rounds = []
    for round_ in election.rounds.prefetch_related("entries__candidate"):
        denominator = services.denominator_of(round_) if round_.is_closed else None
        rounds.append({
            "id": round_.pk, "number": round_.number, "kind": round_.kind, "seats": round_.seats,
            "closed": round_.is_closed, "denominator": denominator.value if denominator else None,
            "votes_needed": denominator.votes_needed if denominator else None,
            "denominator_explained": denominator.explain() if denominator else "",
            "ballots_valid": round_.ballots_valid, "ballots_invalid": round_.ballots_invalid,
            "results": [{"candidate_id": e.candidate_id, "full_name": e.candidate.full_name, "votes": e.votes,
                         "elected": e.elected, "reason": e.reason} for e in round_.entries.all()],
        })
    return {"id": election.pk, "title": election.title, "kind": election.kind, "seats": election.seats,
            "status": election.status, "rounds": rounds}
