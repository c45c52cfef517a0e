"""Business operations of congresses: one transaction each, audited, Vietnamese errors.

Permission checks (scope) are done by the callers (views, API) before calling these.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Max
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.congress import elections as rules
from dangbo.congress.models import (
    BallotPaper, BridgePoint, Candidate, Comment, CommentKind, CommentRound, Conference, Congress, DraftDocument,
    DraftVersion, Election, ElectionKind, ElectionRound, ElectionStatus, EntryMode, Paragraph, RoundCandidate,
    RoundKind, RoundRecipient, SynthesisItem,
)
from dangbo.congress.paragraphs import Block, carry_keys, read_docx, split_text
from dangbo.congress.synthesis import CommentIn, Decision, check_decision, suggest_groups
from dangbo.core import uploads
from dangbo.core.vn import nfc
from dangbo.orgs.models import Organization, OrgClosure

# Elections where a list without surplus is allowed (voted with đồng ý / không đồng ý columns).
NO_SURPLUS_KINDS = {ElectionKind.SECRETARY, ElectionKind.DEPUTY}


def _text(value: str | None) -> str:
    """NFC, keeping line breaks between paragraphs of a long text."""
    return "\n".join(nfc(line) for line in (value or "").splitlines()).strip()


# -- congresses and drafts -------------------------------------------------------------------

@transaction.atomic
def create_congress(user, organization: Organization, **data) -> Congress:
    for key in ("term", "venue"):
        if key in data:
            data[key] = nfc(data[key])
    if Congress.objects.filter(organization=organization, ordinal=data.get("ordinal")).exists():
        raise ValidationError({"ordinal": "Tổ chức này đã có đại hội lần thứ này."})
    congress = Congress.objects.create(organization=organization, **data)
    audit.record(user, AuditAction.CREATE, congress)
    return congress


@transaction.atomic
def update_congress_status(user, congress: Congress, status: str) -> Congress:
    before = audit.snapshot(congress)
    congress.status = status
    congress.save(update_fields=["status"])
    audit.record(user, AuditAction.UPDATE, congress, before=before)
    return congress


@transaction.atomic
def create_document(user, congress: Congress, kind: str, title: str) -> DraftDocument:
    document = DraftDocument.objects.create(congress=congress, kind=kind, title=nfc(title))
    audit.record(user, AuditAction.CREATE, document)
    return document


@transaction.atomic
def add_version(user, document: DraftDocument, blocks: Sequence[Block], *, note: str = "",
                keys: Sequence[int] | None = None) -> DraftVersion:
    """A new draft of the document. Paragraph keys carry over from the latest draft (see paragraphs.py)."""
    if not blocks:
        raise ValidationError({"text": "Dự thảo không có đoạn văn nào."})
    document = DraftDocument.objects.select_for_update().get(pk=document.pk)
    previous = document.latest_version()
    if keys is None:
        old = list(previous.paragraphs.values_list("key", "text")) if previous else []
        keys = carry_keys(old, [b.text for b in blocks], document.next_key)
    version = DraftVersion.objects.create(
        document=document, number=(previous.number + 1) if previous else 1, based_on=previous,
        note=nfc(note), created_by=_user(user),
    )
    Paragraph.objects.bulk_create([
        Paragraph(version=version, key=key, number=number, kind=block.kind, level=block.level, text=block.text)
        for number, (key, block) in enumerate(zip(keys, blocks), start=1)
    ])
    document.next_key = max([document.next_key - 1, *keys]) + 1
    document.save(update_fields=["next_key"])
    audit.record(user, AuditAction.CREATE, version, note=f"{len(blocks)} đoạn")
    return version


def add_version_from_text(user, document: DraftDocument, text: str, note: str = "") -> DraftVersion:
    return add_version(user, document, split_text(text), note=note)


def add_version_from_docx(user, document: DraftDocument, upload, note: str = "") -> DraftVersion:
    try:
        blocks = read_docx(upload)
    except uploads.FileRefused as error:
        raise ValidationError({"file": str(error)}) from error
    except Exception as error:  # python-docx raises several kinds for a file that is not .docx
        raise ValidationError({"file": f"Không đọc được tệp .docx: {error}"}) from error
    return add_version(user, document, blocks, note=note)


# -- comment rounds ---------------------------------------------------------------------------

@transaction.atomic
def create_round(user, version: DraftVersion, *, title: str, deadline: date,
                 recipients: Iterable[Organization]) -> CommentRound:
    congress_org = version.document.congress.organization
    recipients = list(recipients)
    if not recipients:
        raise ValidationError({"recipients": "Chọn ít nhất một đơn vị nhận dự thảo."})
    below = set(OrgClosure.objects.filter(ancestor=congress_org, depth__gt=0,
                                          descendant_id__in=[o.pk for o in recipients]).values_list("descendant_id", flat=True))
    outside = [o.name for o in recipients if o.pk not in below]
    if outside:
        raise ValidationError({"recipients": "Chỉ gửi cho tổ chức đảng cấp dưới: " + ", ".join(outside)})
    round_ = CommentRound.objects.create(version=version, organization=congress_org, title=nfc(title),
                                         deadline=deadline, created_by=_user(user))
    RoundRecipient.objects.bulk_create([RoundRecipient(round=round_, organization=o) for o in recipients])
    audit.record(user, AuditAction.CREATE, round_, note=f"Gửi {len(recipients)} đơn vị")
    return round_


@transaction.atomic
def add_conference(user, round_: CommentRound, *, title: str, on: date, host: Organization,
                   bridge_points: Sequence[tuple[str, Organization | None]] = ()) -> Conference:
    conference = Conference.objects.create(round=round_, title=nfc(title), date=on, host=host)
    BridgePoint.objects.bulk_create([BridgePoint(conference=conference, name=nfc(name), organization=org)
                                     for name, org in bridge_points])
    audit.record(user, AuditAction.CREATE, conference)
    return conference


@transaction.atomic
def add_comment(user, recipient: RoundRecipient, *, kind: str, paragraph: Paragraph | None = None,
                text: str = "", proposed_text: str = "", author_name: str = "", author_member=None,
                conference: Conference | None = None, bridge_point: BridgePoint | None = None,
                on_behalf: bool = False, today: date | None = None) -> Comment:
    """A unit's (or member's) comment on a paragraph or on the whole document.

    Staff of the drafting team may enter a unit's comments on its behalf (e.g. those given
    at a conference), also after the deadline; the unit itself only until the deadline.
    """
    round_ = recipient.round
    text, proposed_text = _text(text), _text(proposed_text)
    errors = {}
    if kind not in CommentKind.values:
        errors["kind"] = "Loại ý kiến không hợp lệ."
    if kind == CommentKind.PROPOSAL and not proposed_text:
        errors["proposed_text"] = "Ghi câu chữ đề xuất thay thế."
    if kind == CommentKind.COMMENT and not text:
        errors["text"] = "Ghi nội dung góp ý."
    if paragraph is not None and paragraph.version_id != round_.version_id:
        errors["paragraph"] = "Đoạn văn không thuộc bản dự thảo của đợt lấy ý kiến này."
    if kind == CommentKind.PROPOSAL and paragraph is None:
        errors["paragraph"] = "Đề xuất câu chữ phải gắn với một đoạn văn."
    if conference is not None and conference.round_id != round_.pk:
        errors["conference"] = "Hội nghị không thuộc đợt lấy ý kiến này."
    if bridge_point is not None and (conference is None or bridge_point.conference_id != conference.pk):
        errors["bridge_point"] = "Điểm cầu không thuộc hội nghị đã chọn."
    if not on_behalf and (today or timezone.localdate()) > round_.deadline:
        errors["__all__"] = f"Đã quá hạn gửi ý kiến ({round_.deadline:%d/%m/%Y})."
    if errors:
        raise ValidationError(errors)
    comment = Comment.objects.create(
        round=round_, recipient=recipient, paragraph=paragraph, paragraph_key=paragraph.key if paragraph else None,
        kind=kind, text=text, proposed_text=proposed_text, author_name=nfc(author_name), author_member=author_member,
        conference=conference, bridge_point=bridge_point, entered_by=_user(user), on_behalf=on_behalf or conference is not None,
    )
    audit.record(user, AuditAction.CREATE, comment)
    return comment


@transaction.atomic
def submit_response(user, recipient: RoundRecipient) -> RoundRecipient:
    """The unit sends its comments (or its agreement): it no longer shows as not answered."""
    if not recipient.submitted_at:
        recipient.submitted_at = timezone.now()
        recipient.submitted_by = _user(user)
        recipient.save(update_fields=["submitted_at", "submitted_by"])
        audit.record(user, AuditAction.UPDATE, recipient, note="Gửi ý kiến")
    return recipient


def recipients_with_counts(round_: CommentRound):
    return round_.recipients.select_related("organization").annotate(comment_count=Count("comments"))


def not_answered(round_: CommentRound):
    """Units that have not sent their comments yet (staff chase them before the deadline)."""
    return recipients_with_counts(round_).filter(submitted_at__isnull=True)


# -- synthesis --------------------------------------------------------------------------------

def _comment_in(comment: Comment) -> CommentIn:
    return CommentIn(comment.pk, comment.recipient_id, comment.paragraph_key, comment.kind, comment.text,
                     comment.proposed_text, comment.item_id)


@transaction.atomic
def group_comments(user, round_: CommentRound) -> int:
    """Put every comment not yet in an opinion into one (suggest_groups); returns opinions created."""
    loose = [c for c in round_.comments.filter(item__isnull=True).exclude(kind=CommentKind.AGREE)]
    created = 0
    for opinion in suggest_groups([_comment_in(c) for c in loose]):
        first = next(c for c in loose if c.pk == opinion.comment_ids[0])
        item = SynthesisItem.objects.create(
            round=round_, paragraph_key=opinion.paragraph_key,
            summary=first.text or f"Đề nghị sửa thành: «{first.proposed_text}»",
            adopted_text=first.proposed_text,
        )
        Comment.objects.filter(pk__in=opinion.comment_ids).update(item=item)
        created += 1
    if created:
        audit.record_bulk(user, SynthesisItem, count=created, note=f"Tổng hợp ý kiến: {round_.title}",
                          organization_id=round_.organization_id)
    return created


@transaction.atomic
def move_comment(user, comment: Comment, item: SynthesisItem | None) -> Comment:
    """Regroup: put a comment into another opinion on the same paragraph, or into a new one."""
    before = audit.snapshot(comment)
    if item is None:
        item = SynthesisItem.objects.create(round=comment.round, paragraph_key=comment.paragraph_key,
                                            summary=comment.text or comment.proposed_text, adopted_text=comment.proposed_text)
    elif item.round_id != comment.round_id or item.paragraph_key != comment.paragraph_key:
        raise ValidationError({"item": "Chỉ gộp các ý kiến về cùng một đoạn."})
    old_item_id = comment.item_id
    comment.item = item
    comment.save(update_fields=["item"])
    if old_item_id and not Comment.objects.filter(item_id=old_item_id).exists():
        SynthesisItem.objects.filter(pk=old_item_id).delete()
    audit.record(user, AuditAction.UPDATE, comment, before=before)
    return comment


@transaction.atomic
def decide_item(user, item: SynthesisItem, *, decision: str, response: str = "", adopted_text: str | None = None,
                summary: str | None = None) -> SynthesisItem:
    problem = check_decision(decision, response)
    if problem:
        raise ValidationError({"response": problem})
    before = audit.snapshot(item)
    item.decision = Decision(decision).value
    item.response = _text(response)
    if adopted_text is not None:
        item.adopted_text = _text(adopted_text)
    if summary is not None and summary.strip():
        item.summary = _text(summary)
    item.decided_by = _user(user)
    item.decided_at = timezone.now()
    item.save()
    audit.record(user, AuditAction.UPDATE, item, before=before)
    return item


def synthesis_rows(round_: CommentRound) -> list[dict]:
    """Rows of the synthesis report: per paragraph, each opinion with its unit count and answer."""
    paragraphs = {p.key: p for p in round_.version.paragraphs.all()}
    items = round_.items.annotate(
        unit_count=Count("comments__recipient", distinct=True), comment_count=Count("comments"),
    ).order_by(F("paragraph_key").asc(nulls_first=True), "id")
    rows = []
    for item in items:
        paragraph = paragraphs.get(item.paragraph_key)
        rows.append({
            "item": item,
            "paragraph": paragraph,
            "paragraph_label": f"Đoạn {paragraph.number}" if paragraph else "Toàn văn",
            "units": list(item.comments.select_related("recipient__organization")
                          .values_list("recipient__organization__name", flat=True).distinct()),
        })
    return rows


@transaction.atomic
def create_next_version(user, round_: CommentRound, note: str = "") -> DraftVersion:
    """Dự thảo n+1: the draft sent in the round with the accepted wording of each paragraph.

    Keys are kept, so comments and the diff follow each paragraph into the new draft.
    """
    if round_.items.filter(decision=Decision.PENDING.value).exists():
        raise ValidationError({"__all__": "Còn ý kiến chưa xử lý; xử lý hết trước khi tạo dự thảo mới."})
    adopted = {}
    for item in round_.items.filter(decision=Decision.ACCEPTED.value, paragraph_key__isnull=False).exclude(
            adopted_text="").order_by("decided_at", "id"):
        adopted[item.paragraph_key] = item.adopted_text
    source = list(round_.version.paragraphs.all())
    blocks = [Block(adopted.get(p.key, p.text), p.kind, p.level) for p in source]
    return add_version(user, round_.version.document, blocks, keys=[p.key for p in source],
                       note=note or f"Tiếp thu ý kiến {round_.title}: {len(adopted)} đoạn sửa")


# -- elections --------------------------------------------------------------------------------

@transaction.atomic
def create_election(user, congress: Congress, *, kind: str, title: str, seats: int, candidates: Sequence[str],
                    max_surplus_percent: int = 30, entry_mode: str = EntryMode.BALLOTS) -> Election:
    names = [nfc(name) for name in candidates if nfc(name)]
    if len(set(names)) != len(names):
        raise ValidationError({"candidates": "Danh sách có tên trùng nhau."})
    check = rules.check_candidate_list(len(names), seats, max_surplus_ratio=max_surplus_percent / 100,
                                       surplus_required=kind not in NO_SURPLUS_KINDS)
    if not check.ok:
        raise ValidationError({"candidates": list(check.errors)})
    election = Election.objects.create(congress=congress, organization=congress.organization, kind=kind,
                                       title=nfc(title), seats=seats, max_surplus_percent=max_surplus_percent)
    people = [Candidate(election=election, full_name=name) for name in names]
    for person in people:
        person.save()
    _new_round(election, 1, RoundKind.REGULAR, seats, people, entry_mode)
    audit.record(user, AuditAction.CREATE, election, note="; ".join(check.warnings))
    return election


def _new_round(election: Election, number: int, kind: str, seats: int, people: Sequence[Candidate],
               entry_mode: str, base: int | None = None, exclusions: dict | None = None) -> ElectionRound:
    round_ = ElectionRound.objects.create(election=election, number=number, kind=kind, seats=seats,
                                          entry_mode=entry_mode, base=base or election.congress.delegates_summoned,
                                          exclusions=exclusions or {})
    ordered = sorted(people, key=lambda c: (c.sort_key, c.pk))
    RoundCandidate.objects.bulk_create([RoundCandidate(round=round_, candidate=c, order=i)
                                        for i, c in enumerate(ordered, start=1)])
    return round_


def round_has_surplus(round_: ElectionRound) -> bool:
    return round_.entries.count() > round_.seats


def _check_open(round_: ElectionRound) -> None:
    if round_.is_closed:
        raise ValidationError({"__all__": "Lần bầu này đã kết thúc kiểm phiếu."})


@transaction.atomic
def record_ballot(user, round_: ElectionRound, *, struck: Iterable[int] = (), marks: dict | None = None,
                  names_added: bool = False, issued_by_board: bool = True) -> BallotPaper:
    """Enter one ballot; its validity is decided by the rule (elections.check_ballot), not by the clerk.

    Clerks entering ballots at once queue on the round's row (PostgreSQL row lock; SQLite
    transactions start IMMEDIATE), so each takes the next number and none lands after the
    count was closed."""
    round_ = _locked(round_)
    _check_open(round_)
    candidate_ids = list(round_.entries.values_list("candidate_id", flat=True))
    marks = {int(k): rules.Mark(v) for k, v in marks.items()} if marks is not None else None
    ballot = rules.Ballot(struck=frozenset(int(c) for c in struck), marks=marks,
                          issued_by_board=issued_by_board, names_added=names_added)
    try:
        check = rules.check_ballot(ballot, candidate_ids, round_.seats)
    except rules.ElectionRuleError as error:
        raise ValidationError({"struck": str(error)}) from error
    number = (round_.ballots.aggregate(n=Max("number"))["n"] or 0) + 1
    paper = BallotPaper.objects.create(
        round=round_, number=number, struck=sorted(ballot.struck),
        marks={str(k): v.value for k, v in marks.items()} if marks is not None else None,
        names_added=names_added, issued_by_board=issued_by_board, valid=check.valid, invalid_reason=check.reason,
    )
    audit.record(user, AuditAction.CREATE, paper, note="Hợp lệ" if check.valid else check.reason)
    return paper


def _locked(round_: ElectionRound) -> ElectionRound:
    """The round's row locked for this transaction and re-read in place (callers keep using it)."""
    list(ElectionRound.objects.select_for_update().filter(pk=round_.pk).order_by().values_list("pk", flat=True))
    round_.refresh_from_db()
    return round_


def tally_from_ballots(round_: ElectionRound) -> rules.Tally:
    candidate_ids = list(round_.entries.values_list("candidate_id", flat=True))
    ballots = [rules.Ballot(struck=frozenset(b.struck), marks={int(k): rules.Mark(v) for k, v in b.marks.items()}
                            if b.marks is not None else None, issued_by_board=b.issued_by_board,
                            names_added=b.names_added) for b in round_.ballots.all()]
    return rules.count_ballots(ballots, candidate_ids, round_.seats, issued=round_.ballots_issued or None)


def denominator_of(round_: ElectionRound) -> rules.Denominator:
    return rules.winner_denominator(round_.election.congress.kind, round_.base,
                                    {k: int(v) for k, v in (round_.exclusions or {}).items() if int(v)})


@transaction.atomic
def close_round(user, round_: ElectionRound, *, base: int | None = None, exclusions: dict | None = None,
                present: int | None = None, ballots_issued: int | None = None, counting_board: str = "",
                tally: dict | None = None, tie_rule: str | None = None) -> rules.RoundResult:
    """End vote counting: fix the denominator, the counts and who is elected, with the reasons.

    `tally` (board counts per candidate) is {"received", "valid", "invalid", "votes": {candidate_id: n}};
    without it the entered ballots are counted.
    """
    round_ = _locked(round_)
    _check_open(round_)
    round_.base = base or round_.base
    round_.exclusions = {k: int(v) for k, v in (exclusions or {}).items() if int(v or 0)}
    round_.present = present
    round_.counting_board = _text(counting_board)
    try:
        denominator = denominator_of(round_)
    except rules.ElectionRuleError as error:
        raise ValidationError({"exclusions": str(error)}) from error
    if tally is not None:
        candidate_ids = set(round_.entries.values_list("candidate_id", flat=True))
        votes = {int(k): int(v) for k, v in tally["votes"].items()}
        if set(votes) != candidate_ids:
            raise ValidationError({"votes": "Nhập số phiếu cho đủ từng người trong danh sách."})
        counted = rules.Tally(issued=int(ballots_issued or tally["received"]), received=int(tally["received"]),
                              valid=int(tally["valid"]), invalid=int(tally["invalid"]), votes=votes)
    else:
        if ballots_issued:
            round_.ballots_issued = ballots_issued
        counted = tally_from_ballots(round_)
    problems = rules.check_tally(counted, round_.seats, denominator.value)
    if problems:
        raise ValidationError({"__all__": problems})
    result = rules.decide_round(counted.votes, round_.seats, denominator,
                                tie_rule or settings.DANGBO_RULES["election_tie_rule"])
    round_.ballots_issued, round_.ballots_received = counted.issued, counted.received
    round_.ballots_valid, round_.ballots_invalid = counted.valid, counted.invalid
    round_.note = result.note
    round_.closed_at = timezone.now()
    round_.save()
    by_candidate = {r.candidate: r for r in result.results}
    entries = list(round_.entries.all())
    for entry in entries:
        outcome = by_candidate[entry.candidate_id]
        entry.votes, entry.elected, entry.reason = outcome.votes, outcome.elected, outcome.reason
    RoundCandidate.objects.bulk_update(entries, ["votes", "elected", "reason"])
    election = round_.election
    if election_seats_left(election) == 0:
        election.status = ElectionStatus.FINISHED
        election.save(update_fields=["status"])
    audit.record(user, AuditAction.UPDATE, round_, note=f"Kiểm phiếu: trúng cử {len(result.elected)}/{round_.seats}")
    return result


def round_result(round_: ElectionRound) -> rules.RoundResult:
    """Recompute the decision of a closed round from its stored counts (same rule, same reasons)."""
    votes = dict(round_.entries.values_list("candidate_id", "votes"))
    return rules.decide_round(votes, round_.seats, denominator_of(round_), settings.DANGBO_RULES["election_tie_rule"])


def election_seats_left(election: Election) -> int:
    return election.seats - RoundCandidate.objects.filter(round__election=election, elected=True).count()


@transaction.atomic
def start_next_round(user, previous: ElectionRound, *, extra_names: Sequence[str] = ()) -> ElectionRound:
    """The congress decides to vote again: list = not-yet-elected (or the tied), plus any names it adds."""
    if not previous.is_closed:
        raise ValidationError({"__all__": "Chưa kết thúc kiểm phiếu lần bầu trước."})
    election = previous.election
    if election.rounds.filter(number__gt=previous.number).exists():
        raise ValidationError({"__all__": "Đã có lần bầu tiếp theo."})
    proposal = round_result(previous).next_round
    if proposal is None:
        raise ValidationError({"__all__": "Không cần bầu thêm lần nữa."})
    people = list(Candidate.objects.filter(pk__in=proposal.candidates))
    for name in (nfc(n) for n in extra_names if nfc(n)):
        person = Candidate(election=election, full_name=name, note="Bổ sung vào danh sách lần bầu sau")
        person.save()
        people.append(person)
    kind = RoundKind.TIE_REVOTE if proposal.kind is rules.NextRoundKind.TIE_REVOTE else RoundKind.ADDITIONAL
    round_ = _new_round(election, previous.number + 1, kind, proposal.seats, people, previous.entry_mode,
                        base=previous.base, exclusions=previous.exclusions)
    audit.record(user, AuditAction.CREATE, round_)
    return round_


@transaction.atomic
def finish_election(user, election: Election) -> Election:
    """The congress decides to stop (e.g. not to fill the remaining seats)."""
    before = audit.snapshot(election)
    election.status = ElectionStatus.FINISHED
    election.save(update_fields=["status"])
    audit.record(user, AuditAction.UPDATE, election, before=before, note="Đại hội quyết định kết thúc bầu cử")
    return election


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None
