"""Congress screens: congresses, drafts and their diff, comment rounds, synthesis, elections."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_http_methods

from dangbo.core import list_export, tabular
from dangbo.access.scope import Scope
from dangbo.congress import reports, services
from dangbo.congress.forms import (
    CloseRoundForm, CommentForm, ConferenceForm, CongressForm, DecisionForm, DocumentForm, ElectionForm, RoundForm,
    VersionForm,
)
from dangbo.congress.elections import EXCLUSIONS, CongressKind as RuleKind, Mark, check_candidate_list
from dangbo.congress.models import (
    BridgePoint, Comment, CommentKind, Conference, DraftDocument, DraftVersion, ElectionRound, EntryMode, Paragraph,
    SynthesisItem,
)
from dangbo.congress.paragraphs import diff_versions
from dangbo.congress.synthesis import Decision, decision_totals
from dangbo.congress.visibility import (
    can_comment_for, commenting_member, congresses, speaks_for_unit, get_congress, get_election, recipients_of_user, round_access,
)
from dangbo.orgs.models import Organization, OrgClosure
from dangbo.orgs.filters import org_filter


def _errors(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


@login_required
def index(request):
    scope = request.scope
    by_org = org_filter(request, param="to_chuc")
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Danh sách đại hội đảng bộ, chi bộ", org=by_org.organization,
            columns=[t.Col("Đại hội", width=50), t.Col("Đơn vị", width=32), t.Col("Nhiệm kỳ", width=11),
                     t.Col("Ngày khai mạc", kind=t.DATE, width=12), t.Col("Ngày bế mạc", kind=t.DATE, width=12),
                     t.Col("Địa điểm", width=28), t.Col("Đại biểu triệu tập", kind=t.INTEGER, unit="người"),
                     t.Col("Trạng thái", width=16)],
            rows=list_export.rows_of(by_org.apply(congresses(scope)).select_related("organization"), lambda c: (
                c.title, c.organization.name, c.term, c.start_date, c.end_date, c.venue, c.delegates_summoned,
                c.get_status_display())))
    return render(request, "congress/index.html", {
        "org_filter": by_org,
        "congresses": by_org.apply(congresses(scope)),
        "my_rounds": recipients_of_user(scope).select_related("round__version__document").order_by("-round__deadline"),
        "can_create": scope.can_write_anything,
        "today": timezone.localdate(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def congress_create(request):
    if not request.scope.can_write_anything:
        raise PermissionDenied
    form = CongressForm(request.POST or None, organizations=request.scope.writable_organizations())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organization = data.pop("organization")
        try:
            congress = services.create_congress(request.user, organization, **data)
        except ValidationError as error:
            _errors(request, error)
        else:
            return redirect(congress)
    return render(request, "congress/form.html", {"form": form, "title": "Thêm đại hội"})


@login_required
def congress_detail(request, pk):
    congress = get_congress(request.scope, pk)
    documents = congress.documents.prefetch_related("versions")
    return render(request, "congress/congress.html", {
        "congress": congress,
        "documents": documents,
        "rounds": services.CommentRound.objects.filter(version__document__congress=congress).select_related("version__document"),
        "elections": congress.elections.all(),
        "can_write": request.scope.can_write(congress.organization_id),
        "document_form": DocumentForm(),
    })


@login_required
@require_POST
def document_create(request, pk):
    congress = get_congress(request.scope, pk)
    request.scope.check_write(congress.organization_id)
    form = DocumentForm(request.POST)
    if form.is_valid():
        document = services.create_document(request.user, congress, form.cleaned_data["kind"], form.cleaned_data["title"])
        return redirect("congress:version_create", document.pk)
    messages.error(request, "Chọn loại và ghi tên văn kiện.")
    return redirect(congress)


def _document(request, pk) -> DraftDocument:
    document = Scope.get(DraftDocument.objects.select_related("congress__organization"), pk=pk)
    get_congress(request.scope, document.congress_id)
    return document


@login_required
@require_http_methods(["GET", "POST"])
def version_create(request, pk):
    document = _document(request, pk)
    request.scope.check_write(document.congress.organization_id)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["file"]:
                version = services.add_version_from_docx(request.user, document, data["file"], data["note"])
            else:
                version = services.add_version_from_text(request.user, document, data["text"], data["note"])
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, f"Đã lưu dự thảo {version.number}.")
            return redirect(version)
    return render(request, "congress/form.html", {"form": form, "title": f"Dự thảo mới: {document.title}",
                                                  "multipart": True})


def _version(request, pk) -> DraftVersion:
    version = Scope.get(DraftVersion.objects.select_related("document__congress__organization"), pk=pk)
    get_congress(request.scope, version.document.congress_id)
    return version


@login_required
def version_detail(request, pk):
    version = _version(request, pk)
    other_versions = version.document.versions.exclude(pk=version.pk)
    compare = None
    compare_pk = request.GET.get("so_sanh") or version.based_on_id
    if compare_pk:
        compare = Scope.get(other_versions, pk=compare_pk)
    diff = None
    if compare is not None:
        older, newer = (compare, version) if compare.number < version.number else (version, compare)
        diff = diff_versions(list(older.paragraphs.values_list("key", "text")),
                             list(newer.paragraphs.values_list("key", "text")))
    return render(request, "congress/version.html", {
        "version": version, "document": version.document, "congress": version.document.congress,
        "paragraphs": version.paragraphs.all(), "other_versions": other_versions, "compare": compare, "diff": diff,
        "can_write": request.scope.can_write(version.document.congress.organization_id),
    })


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request, pk):
    version = _version(request, pk)
    congress = version.document.congress
    request.scope.check_write(congress.organization_id)
    below = Organization.objects.filter(
        pk__in=OrgClosure.objects.filter(ancestor=congress.organization, depth__in=(1, 2)).values("descendant_id"),
        dissolved__isnull=True,
    )
    form = RoundForm(request.POST or None, organizations=below,
                     initial={"title": f"Lấy ý kiến {version}"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.create_round(request.user, version, title=data["title"], deadline=data["deadline"],
                                           recipients=data["recipients"])
        except ValidationError as error:
            _errors(request, error)
        else:
            return redirect(round_)
    return render(request, "congress/form.html", {"form": form, "title": "Gửi dự thảo lấy ý kiến"})


@login_required
def round_detail(request, pk):
    access = round_access(request.scope, pk)
    round_ = access.round
    comments = list(access.visible_comments())
    by_key: dict = {}
    for comment in comments:
        by_key.setdefault(comment.paragraph_key, []).append(comment)
    paragraphs = [(p, by_key.get(p.key, [])) for p in round_.version.paragraphs.all()]
    commenting_for = [r for r in (access.visible_recipients() if access.drafting else access.own_recipients)
                      if access.drafting or can_comment_for(request.scope, r)]
    recipients = services.recipients_with_counts(round_).filter(pk__in=access.visible_recipients())
    return render(request, "congress/round.html", {
        "round": round_, "access": access, "version": round_.version, "congress": round_.version.document.congress,
        "paragraphs": paragraphs, "whole_document_comments": by_key.get(None, []),
        "recipients": recipients, "not_answered": [r for r in recipients if not r.submitted_at],
        "commenting_for": commenting_for, "kinds": CommentKind.choices,
        "conferences": round_.conferences.prefetch_related("bridge_points") if access.sees_all else [],
        "conference_form": ConferenceForm() if access.drafting else None,
        "open": timezone.localdate() <= round_.deadline,
    })


@login_required
@require_POST
def comment_create(request, pk):
    access = round_access(request.scope, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ý kiến chưa đủ thông tin.")
        return redirect(access.round)
    data = form.cleaned_data
    recipient = Scope.get(access.visible_recipients(), pk=data["recipient"])
    if not (access.drafting or can_comment_for(request.scope, recipient)):
        raise PermissionDenied
    paragraph = Scope.get(Paragraph.objects.filter(version=access.round.version_id), pk=data["paragraph"]) if data["paragraph"] else None
    conference = bridge_point = None
    if access.drafting and data["conference"]:
        conference = Scope.get(Conference.objects.filter(round=access.round), pk=data["conference"])
    if access.drafting and data["bridge_point"]:
        bridge_point = Scope.get(BridgePoint.objects.filter(conference__round=access.round), pk=data["bridge_point"])
    member = commenting_member(request.scope, recipient)
    try:
        services.add_comment(
            request.user, recipient, kind=data["kind"], paragraph=paragraph, text=data["text"],
            proposed_text=data["proposed_text"], author_name=data["author_name"] or (member.full_name if member else ""),
            author_member=member, conference=conference, bridge_point=bridge_point,
            on_behalf=access.drafting and not speaks_for_unit(request.scope, recipient),
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, "Đã ghi nhận ý kiến.")
    anchor = f"#doan-{paragraph.number}" if paragraph else ""
    return redirect(access.round.get_absolute_url() + anchor)


@login_required
@require_POST
def round_submit(request, pk, recipient_pk):
    access = round_access(request.scope, pk)
    recipient = Scope.get(access.visible_recipients(), pk=recipient_pk)
    if not (access.drafting or request.scope.can_write(recipient.organization_id)):
        raise PermissionDenied
    services.submit_response(request.user, recipient)
    messages.success(request, f"{recipient.organization.name} đã gửi ý kiến.")
    return redirect(access.round)


@login_required
@require_POST
def conference_create(request, pk):
    access = round_access(request.scope, pk)
    access.check_drafting()
    form = ConferenceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        points = [(line.strip(), None) for line in data["bridge_points"].splitlines() if line.strip()]
        services.add_conference(request.user, access.round, title=data["title"], on=data["date"],
                                host=access.round.organization, bridge_points=points)
        messages.success(request, "Đã thêm hội nghị góp ý.")
    else:
        messages.error(request, "Hội nghị cần tên và ngày tổ chức (dd/mm/yyyy).")
    return redirect(access.round)


# -- synthesis ---------------------------------------------------------------------------------

def _synthesis_access(request, pk):
    access = round_access(request.scope, pk)
    if not access.sees_all:
        raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")
    return access


@login_required
def synthesis(request, pk):
    access = _synthesis_access(request, pk)
    round_ = access.round
    rows = services.synthesis_rows(round_)
    for row in rows:
        row["comments"] = list(row["item"].comments.select_related("recipient__organization"))
        row["form"] = DecisionForm(initial={"decision": row["item"].decision, "response": row["item"].response,
                                            "adopted_text": row["item"].adopted_text, "summary": row["item"].summary},
                                   prefix=f"y{row['item'].pk}")
    return render(request, "congress/synthesis.html", {
        "round": round_, "access": access, "rows": rows, "congress": round_.version.document.congress,
        "totals": decision_totals(row["item"].decision for row in rows),
        "ungrouped": round_.comments.filter(item__isnull=True).exclude(kind=CommentKind.AGREE).count(),
        "agree_units": round_.comments.filter(kind=CommentKind.AGREE).values("recipient").distinct().count(),
        "decisions": Decision,
    })


@login_required
@require_POST
def synthesis_group(request, pk):
    access = _synthesis_access(request, pk)
    access.check_drafting()
    created = services.group_comments(request.user, access.round)
    messages.success(request, f"Đã gom thành {created} ý kiến mới.")
    return redirect("congress:synthesis", access.round.pk)


@login_required
@require_POST
def synthesis_decide(request, pk, item_pk):
    access = _synthesis_access(request, pk)
    access.check_drafting()
    item = Scope.get(SynthesisItem.objects.filter(round=access.round), pk=item_pk)
    form = DecisionForm(request.POST, prefix=f"y{item.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_item(request.user, item, decision=data["decision"], response=data["response"],
                                 adopted_text=data["adopted_text"], summary=data["summary"])
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, "Đã lưu hướng xử lý.")
    return redirect(reverse("congress:synthesis", args=[access.round.pk]) + f"#y{item.pk}")


@login_required
@require_POST
def synthesis_move(request, pk, comment_pk):
    access = _synthesis_access(request, pk)
    access.check_drafting()
    comment = Scope.get(Comment.objects.filter(round=access.round), pk=comment_pk)
    target = request.POST.get("item")
    item = Scope.get(SynthesisItem.objects.filter(round=access.round), pk=target) if target else None
    try:
        services.move_comment(request.user, comment, item)
    except ValidationError as error:
        _errors(request, error)
    return redirect("congress:synthesis", access.round.pk)


@login_required
@require_POST
def next_version(request, pk):
    access = _synthesis_access(request, pk)
    access.check_drafting()
    try:
        version = services.create_next_version(request.user, access.round)
    except ValidationError as error:
        _errors(request, error)
        return redirect("congress:synthesis", access.round.pk)
    messages.success(request, f"Đã tạo dự thảo {version.number} từ các ý kiến được tiếp thu.")
    return redirect(version)


@login_required
def synthesis_report(request, pk, fmt):
    access = _synthesis_access(request, pk)
    return _download(*reports.synthesis_report(access.round, fmt, request=request))


# -- elections ---------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def election_create(request, pk):
    congress = get_congress(request.scope, pk)
    request.scope.check_write(congress.organization_id)
    form = ElectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            election = services.create_election(
                request.user, congress, kind=data["kind"], title=data["title"], seats=data["seats"],
                candidates=data["candidates"].splitlines(), max_surplus_percent=data["max_surplus_percent"],
                entry_mode=data["entry_mode"])
        except ValidationError as error:
            _errors(request, error)
        else:
            return redirect(election)
    return render(request, "congress/form.html", {"form": form, "title": f"Bầu cử — {congress}"})


@login_required
def election_detail(request, pk):
    election = get_election(request.scope, pk)
    rounds = election.rounds.prefetch_related("entries__candidate")
    return render(request, "congress/election.html", {
        "election": election, "congress": election.congress, "rounds": rounds,
        "elected": [e for r in rounds for e in r.entries.all() if e.elected],
        "seats_left": services.election_seats_left(election),
        "list_check": check_candidate_list(election.candidates.count(), election.seats,
                                           max_surplus_ratio=election.max_surplus_percent / 100,
                                           surplus_required=election.kind not in services.NO_SURPLUS_KINDS),
        "can_write": request.scope.can_write(election.organization_id),
    })


def _election_round(request, pk) -> ElectionRound:
    round_ = Scope.get(ElectionRound.objects.select_related("election__congress__organization"), pk=pk)
    get_election(request.scope, round_.election_id)
    return round_


@login_required
@require_http_methods(["GET", "POST"])
def election_round(request, pk):
    round_ = _election_round(request, pk)
    election = round_.election
    can_write = request.scope.can_write(election.organization_id)
    kind = RuleKind(election.congress.kind)
    if request.method == "POST":
        request.scope.check_write(election.organization_id)
        try:
            _round_post(request, round_, kind)
        except ValidationError as error:
            _errors(request, error)
        return redirect(round_)
    entries = list(round_.entries.select_related("candidate"))
    result = services.round_result(round_) if round_.is_closed else None
    return render(request, "congress/election_round.html", {
        "round": round_, "election": election, "congress": election.congress, "entries": entries,
        "has_surplus": len(entries) > round_.seats, "ballots": round_.ballots.all(),
        "can_write": can_write, "result": result,
        "denominator": services.denominator_of(round_) if round_.is_closed else None,
        "exclusions": [(key, label, (round_.exclusions or {}).get(key, 0)) for key, label in EXCLUSIONS[kind].items()],
        "close_form": CloseRoundForm(initial={"base": round_.base, "ballots_issued": round_.ballots_issued or None}),
        "has_next": election.rounds.filter(number__gt=round_.number).exists(),
        "marks": [(Mark.AGREE.value, "Đồng ý"), (Mark.DISAGREE.value, "Không đồng ý"), (Mark.BOTH.value, "Đánh cả hai"),
                  (Mark.NEITHER.value, "Không đánh")],
        "is_tally": round_.entry_mode == EntryMode.TALLY,
    })


def _round_post(request, round_: ElectionRound, kind: RuleKind) -> None:
    action = request.POST.get("action")
    post = request.POST
    if action == "ballot":
        entries = list(round_.entries.values_list("candidate_id", flat=True))
        if len(entries) > round_.seats:
            marks = None
            struck = [int(c) for c in post.getlist("struck") if c.isdigit() and int(c) in entries]
        else:
            marks = {c: post.get(f"mark_{c}") or Mark.NEITHER.value for c in entries}
            struck = []
        paper = services.record_ballot(request.user, round_, struck=struck, marks=marks,
                                       names_added=bool(post.get("names_added")),
                                       issued_by_board=not post.get("not_issued"))
        if paper.valid:
            messages.success(request, f"Phiếu số {paper.number}: hợp lệ.")
        else:
            messages.warning(request, f"Phiếu số {paper.number}: không hợp lệ — {paper.invalid_reason}.")
    elif action == "close":
        form = CloseRoundForm(post)
        if not form.is_valid():
            raise ValidationError("Kiểm tra lại các số liệu kết thúc kiểm phiếu.")
        data = form.cleaned_data
        exclusions = {key: _int(post.get(f"ex_{key}")) for key in EXCLUSIONS[kind]}
        tally = None
        if round_.entry_mode == EntryMode.TALLY:
            tally = {"received": _int(post.get("received")), "valid": _int(post.get("valid")),
                     "invalid": _int(post.get("invalid")),
                     "votes": {c: _int(post.get(f"votes_{c}")) for c in round_.entries.values_list("candidate_id", flat=True)}}
        result = services.close_round(request.user, round_, base=data["base"], exclusions=exclusions,
                                      present=data["present"], ballots_issued=data["ballots_issued"],
                                      counting_board=data["counting_board"], tally=tally)
        messages.success(request, f"Đã kết thúc kiểm phiếu: trúng cử {len(result.elected)}/{round_.seats}.")
    elif action == "next":
        extra = [line for line in post.get("extra_names", "").splitlines() if line.strip()]
        new_round = services.start_next_round(request.user, round_, extra_names=extra)
        messages.success(request, f"Đã tạo lần bầu thứ {new_round.number}.")
    elif action == "finish":
        services.finish_election(request.user, round_.election)
        messages.success(request, "Đã kết thúc cuộc bầu cử.")


def _int(value) -> int:
    try:
        return max(int(value or 0), 0)
    except (TypeError, ValueError):
        raise ValidationError("Số liệu phải là số nguyên không âm.")


@login_required
def minutes_report(request, pk, fmt):
    round_ = _election_round(request, pk)
    if not round_.is_closed:
        raise Http404("Lần bầu chưa kết thúc kiểm phiếu.")
    return _download(*reports.minutes_report(round_, fmt, request=request))


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
