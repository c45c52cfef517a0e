"""Meeting screens: calendar and list, one meeting (notice, materials, attendance taken on a
phone, minutes and their lock), follow-up over a subtree, conferences with bridge points,
and a member's own page."""
from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from dangbo.core import list_export, tabular
from dangbo.access.scope import Scope
from dangbo.meetings import followup, rules, services
from dangbo.meetings.forms import (
    AddendumForm, ConferenceForm, CorrectionForm, MaterialForm, MeetingForm, MinutesForm, PlanYearForm,
)
from dangbo.meetings.models import Attendance, CorrectionRequest, Material, Meeting, Minutes, Presence, Status
from dangbo.meetings.visibility import (
    conferences, get_conference, get_meeting, get_writable_meeting, is_reader, meetings,
)
from dangbo.members.models import Member
from dangbo.orgs.models import CELL_KINDS
from dangbo.orgs.filters import org_filter

LIST_LIMIT = 200


def _errors(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _cells(scope: Scope):
    return scope.writable_organizations().filter(kind__in=CELL_KINDS, dissolved__isnull=True).order_by("path")


@login_required
def index(request):
    scope = request.scope
    if scope.is_empty:
        raise Http404
    if not (scope.is_admin or scope.read_roots) and scope.own_member_id:
        return redirect("meetings:mine")
    today = timezone.localdate()
    visible = meetings(scope)
    by_org = org_filter(request, param="to_chuc")
    org = by_org.organization
    visible = by_org.apply(visible)
    if list_export.wanted(request):
        return _meetings_xlsx(request, org, visible)
    upcoming = visible.filter(date__gte=today).exclude(status=Status.CANCELLED).order_by("date", "id")[:LIST_LIMIT]
    recent = visible.filter(date__lt=today).order_by("-date", "-id")[:LIST_LIMIT]
    return render(request, "meetings/index.html", {
        "org": org, "org_filter": by_org, "upcoming": upcoming, "recent": recent, "today": today,
        "can_write": scope.can_write_anything,
        "plan_form": PlanYearForm(organizations=_cells(scope), initial={"year": today.year}) if scope.can_write_anything else None,
    })


def _meetings_xlsx(request, org, visible):
    t = tabular
    rows = visible.select_related("organization").order_by("-date", "-id")
    return list_export.respond(
        request, title="Danh sách buổi sinh hoạt", org=org,
        columns=[t.Col("Ngày", kind=t.DATE, width=12), t.Col("Giờ", width=7), t.Col("Đơn vị", width=32),
                 t.Col("Cấp họp", width=14), t.Col("Loại sinh hoạt", width=16), t.Col("Chuyên đề", width=36),
                 t.Col("Địa điểm", width=24), t.Col("Trạng thái", width=14),
                 t.Col("Thời lượng", kind=t.INTEGER, unit="phút"), t.Col("Tự đánh giá", width=14)],
        rows=list_export.rows_of(rows, lambda m: (
            m.date, m.start_time.strftime("%H:%M") if m.start_time else "", m.organization.name, m.get_body_display(),
            m.get_kind_display(), m.topic, m.place, m.get_status_display(), m.duration_minutes,
            m.get_quality_display())))


@login_required
@require_POST
def plan_year(request):
    form = PlanYearForm(request.POST, organizations=_cells(request.scope))
    if not form.is_valid():
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
        return redirect("meetings:index")
    data = form.cleaned_data
    created = services.plan_year(request.user, data["organization"], data["year"], data["regular_day"])
    messages.success(request, f"Đã lập {len(created)} buổi sinh hoạt năm {data['year']} cho {data['organization'].name}.")
    return redirect(f"{reverse('meetings:index')}?to_chuc={data['organization'].pk}")


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not request.scope.can_write_anything:
        raise PermissionDenied
    form = MeetingForm(request.POST or None, organizations=request.scope.writable_organizations())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organization = data.pop("organization")
        meeting = services.plan_meeting(request.user, organization, **data)
        return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "title": "Thêm buổi sinh hoạt"})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    meeting = get_writable_meeting(request.scope, pk)
    form = MeetingForm(request.POST or None, instance=meeting, organizations=request.scope.writable_organizations())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("organization")
        try:
            services.update_meeting(request.user, Meeting.objects.get(pk=meeting.pk), **data)
        except ValidationError as error:
            _errors(request, error)
        else:
            return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "title": f"Sửa: {meeting.title}", "back": meeting})


@login_required
def detail(request, pk):
    scope = request.scope
    meeting = get_meeting(scope, pk)
    reader = is_reader(scope, meeting)
    context = {
        "meeting": meeting, "reader": reader, "can_write": scope.can_write(meeting.organization_id),
        "materials": meeting.materials.select_related("document"),
    }
    if reader:
        lines = list(meeting.attendance.select_related("member").order_by("member__sort_key"))
        context.update({
            "attendance": lines,
            "counts": _counts(lines),
            "minutes": Minutes.objects.filter(meeting=meeting).first(),
            "expected": services.expected_members(meeting).count(),
            "material_form": MaterialForm(documents=register_documents(meeting)) if context["can_write"] else None,
            "addendum_form": AddendumForm(),
        })
    else:
        context["my_line"] = Attendance.objects.filter(meeting=meeting, member_id=scope.own_member_id).first()
    return render(request, "meetings/detail.html", context)


def _counts(lines) -> dict:
    counts = {value: 0 for value in Presence.values}
    for line in lines:
        counts[line.presence] += 1
    total = len(lines)
    return {
        "present": counts[Presence.PRESENT], "excused": counts[Presence.EXCUSED],
        "unexcused": counts[Presence.UNEXCUSED], "total": total,
        "share": rules.attendance_share(counts[Presence.PRESENT], total),
    }


@login_required
@require_POST
def notify(request, pk):
    meeting = get_writable_meeting(request.scope, pk)
    try:
        sent = services.notify(request.user, meeting)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, "Đã thông báo buổi sinh hoạt và tài liệu cho đảng viên"
                         + (f" ({sent} thư điện tử)." if sent else "."))
    return redirect(meeting)


@login_required
@require_POST
def add_material(request, pk):
    meeting = get_writable_meeting(request.scope, pk)
    form = MaterialForm(request.POST, request.FILES, documents=register_documents(meeting))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_material(request.user, meeting, title=data["title"], file=data["file"], document=data["document"])
        except ValidationError as error:
            _errors(request, error)
    else:
        for text in form.non_field_errors() or ["Chọn tệp hoặc văn bản hợp lệ."]:
            messages.error(request, text)
    return redirect(meeting)


def register_documents(meeting: Meeting):
    """Documents a cell reads at its meeting: those of the last five years issued by its own
    committee or one above it (the list stays short enough for a drop-down)."""
    from dangbo.documents.models import Document

    chain = list(meeting.organization.ancestors().values_list("pk", flat=True)) + [meeting.organization_id]
    since = meeting.date.replace(year=meeting.date.year - 5, day=1)
    return Document.objects.filter(issuer__organization_id__in=chain, issued_on__gte=since).order_by("-issued_on", "-id")


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    """Attendance on a phone: every member of the cell, present by default, one tap to change."""
    meeting = get_writable_meeting(request.scope, pk)
    members = list(services.expected_members(meeting))
    current = {line.member_id: line for line in meeting.attendance.all()}
    if request.method == "POST":
        marks = {m.pk: (request.POST.get(f"p{m.pk}", ""), request.POST.get(f"r{m.pk}", "")) for m in members}
        try:
            counts = services.record_attendance(request.user, meeting, marks)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, f"Đã điểm danh: {counts[Presence.PRESENT]} có mặt, "
                             f"{counts[Presence.EXCUSED]} vắng có lý do, {counts[Presence.UNEXCUSED]} vắng không lý do.")
            return redirect(meeting)
    rows = [{"member": m, "presence": current[m.pk].presence if m.pk in current else Presence.PRESENT,
             "reason": current[m.pk].reason if m.pk in current else ""} for m in members]
    return render(request, "meetings/attendance.html", {"meeting": meeting, "rows": rows, "choices": Presence.choices})


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request, pk):
    meeting = get_writable_meeting(request.scope, pk)
    existing = Minutes.objects.filter(meeting=meeting).first()
    if existing and existing.is_locked:
        messages.error(request, "Biên bản đã ký, không sửa được; hãy thêm phụ lục đính chính.")
        return redirect(meeting)
    form = MinutesForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minutes(request.user, meeting, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, "Đã lưu biên bản.")
            return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "title": f"Biên bản: {meeting.title}", "back": meeting})


@login_required
@require_POST
def sign(request, pk):
    meeting = get_writable_meeting(request.scope, pk)
    try:
        services.sign_minutes(request.user, meeting)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, "Đã ký biên bản. Từ nay chỉ bổ sung bằng phụ lục.")
    return redirect(meeting)


@login_required
@require_POST
def addendum(request, pk):
    meeting = get_writable_meeting(request.scope, pk)
    form = AddendumForm(request.POST)
    if form.is_valid():
        try:
            services.add_addendum(request.user, meeting, form.cleaned_data["text"])
        except ValidationError as error:
            _errors(request, error)
    else:
        messages.error(request, "Nhập nội dung đính chính (tối đa 5.000 ký tự).")
    return redirect(meeting)


@login_required
def follow_up(request):
    scope = request.scope
    if not (scope.is_admin or scope.read_roots):
        raise Http404
    by_org = org_filter(request, param="to_chuc")
    root = by_org.organization
    if root is None:
        root = scope.root_organizations().order_by("path").first()
        if root is None:
            raise Http404
    year = _year(request)
    today = timezone.localdate()
    until = min(today, date(year, 12, 31))
    lines = followup.subtree_follow_up(root, year, until)
    if list_export.wanted(request):
        return _follow_up_xlsx(request, root, year, until, lines)
    context = {"root": root, "year": year, "until": until, "lines": lines, "org_filter": by_org,
               "total": followup.totals(lines, root)}
    if root.is_cell:
        context["cell"] = followup.cell_follow_up(root, year, until)
        warnings = followup.absence_warnings(root)
        names = dict(Member.objects.filter(pk__in=[m for m, _ in warnings]).values_list("pk", "full_name"))
        context["warnings"] = [(names.get(member_id, ""), missed) for member_id, missed in warnings]
    return render(request, "meetings/follow_up.html", context)


def _follow_up_xlsx(request, root, year, until, lines):
    t = tabular

    def values(line):
        return (line.cells, line.months_held, line.months_due, line.months_share, line.cells_fully_on_time,
                line.quarters_thematic, line.quarters_due, line.attendance_share)

    total = followup.totals(lines, root)
    return list_export.respond(
        request, title="Theo dõi sinh hoạt chi bộ", org=root,
        period=f"Năm {year}, tính đến ngày {until:%d/%m/%Y}",
        columns=[t.Col("Đơn vị", width=34), t.Col("Chi bộ", kind=t.INTEGER, unit="chi bộ"),
                 t.Col("Thường kỳ đã họp", kind=t.INTEGER, unit="tháng"),
                 t.Col("Thường kỳ phải họp", kind=t.INTEGER, unit="tháng"), t.Col("Tỷ lệ họp", kind=t.PERCENT),
                 t.Col("Chi bộ đủ tháng", kind=t.INTEGER, unit="chi bộ"),
                 t.Col("Chuyên đề đã họp", kind=t.INTEGER, unit="quý"), t.Col("Chuyên đề phải họp", kind=t.INTEGER, unit="quý"),
                 t.Col("Tỷ lệ dự", kind=t.PERCENT)],
        rows=[*[(line.organization.name, *values(line)) for line in lines],
              t.Total((f"Toàn {root.name}", *values(total)))],
        filename=f"theo-doi-sinh-hoat-{year}-{root.code}.xlsx")


# -- conferences -----------------------------------------------------------------------------

@login_required
def conference_list(request):
    scope = request.scope
    if not (scope.is_admin or scope.read_roots):
        raise Http404
    by_org = org_filter(request, param="to_chuc")
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Danh sách hội nghị trực tuyến", org=by_org.organization,
            columns=[t.Col("Ngày tổ chức", kind=t.DATE, width=12), t.Col("Tên hội nghị", width=50),
                     t.Col("Cấp tổ chức", width=32), t.Col("Số điểm cầu", kind=t.INTEGER, unit="điểm")],
            rows=list_export.rows_of(by_org.apply(conferences(scope)).select_related("organization")
                                     .annotate(point_count=Count("points")),
                                     lambda c: (c.date, c.title, c.organization.name, c.point_count)))
    return render(request, "meetings/conferences.html", {
        "org_filter": by_org,
        "conferences": by_org.apply(conferences(scope)).prefetch_related("points")[:LIST_LIMIT],
        "can_write": scope.can_write_anything,
    })


@login_required
@require_http_methods(["GET", "POST"])
def conference_create(request):
    if not request.scope.can_write_anything:
        raise PermissionDenied
    form = ConferenceForm(request.POST or None, organizations=request.scope.writable_organizations())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organization = data.pop("organization")
        try:
            conference = services.create_conference(request.user, organization, **data)
        except ValidationError as error:
            _errors(request, error)
        else:
            return redirect(conference)
    return render(request, "meetings/form.html", {"form": form, "title": "Thêm hội nghị trực tuyến"})


@login_required
@require_http_methods(["GET", "POST"])
def conference_detail(request, pk):
    scope = request.scope
    conference = get_conference(scope, pk)
    can_write = scope.can_write(conference.organization_id)
    points = list(conference.points.select_related("organization"))
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        point = next((p for p in points if str(p.pk) == request.POST.get("point")), None)
        if point is None:
            raise Http404
        try:
            services.record_point_attendance(request.user, point, int(request.POST.get("present", "")))
        except (ValueError, ValidationError):
            messages.error(request, "Số đại biểu có mặt phải là số từ 0 đến 100.000.")
        return redirect(conference)
    expected = sum(p.expected for p in points)
    present = sum(p.present for p in points)
    return render(request, "meetings/conference.html", {
        "conference": conference, "points": points, "can_write": can_write,
        "expected": expected, "present": present, "share": rules.attendance_share(present, expected),
    })


# -- a member's own page ---------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def mine(request):
    scope = request.scope
    if not scope.own_member_id:
        raise Http404
    member = Member.objects.select_related("organization").get(pk=scope.own_member_id)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_correction(request.user, member, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, "Đã gửi đề nghị sửa hồ sơ; cấp ủy sẽ trả lời.")
            return redirect("meetings:mine")
    today = timezone.localdate()
    cell_meetings = Meeting.objects.filter(organization_id=member.organization_id).exclude(status=Status.CANCELLED)
    next_meeting = cell_meetings.filter(date__gte=today).order_by("date", "id").first()
    milestones = settings.DANGBO_RULES.get("badge_milestone_years", rules.DEFAULT_BADGE_YEARS)
    from dangbo.congress.models import RoundRecipient
    from dangbo.ratings.models import MemberRating

    return render(request, "meetings/mine.html", {
        "member": member, "today": today, "next_meeting": next_meeting,
        "next_materials": next_meeting.materials.all() if next_meeting else [],
        "attendance": followup.member_attendance(member.pk)[:24],
        "ratings": MemberRating.objects.filter(member=member).order_by("-year"),
        "seniority": rules.seniority(member.admission_date, today),
        "badge": rules.next_badge(member.admission_date, today, milestones),
        "circulated": Material.objects.filter(meeting__organization_id=member.organization_id,
                                              meeting__notified_on__gte=today - timedelta(days=90))
                                      .select_related("meeting", "document").order_by("-meeting__date", "id")[:30],
        "open_rounds": RoundRecipient.objects.filter(organization_id=member.organization_id, submitted_at__isnull=True,
                                                     round__deadline__gte=today).select_related("round"),
        "corrections": member.correction_requests.all()[:20],
        "form": form,
    })


@login_required
@require_http_methods(["GET", "POST"])
def corrections(request):
    """Open correction requests of the members the user may edit; accept or reject each."""
    scope = request.scope
    if not scope.can_write_anything:
        raise Http404
    editable = scope.writable_organizations().values("pk")
    queryset = CorrectionRequest.objects.filter(member__organization_id__in=editable).select_related("member")
    if request.method == "POST":
        correction = Scope.get(queryset, pk=request.POST.get("request", ""))
        try:
            services.decide_correction(request.user, correction, accept=request.POST.get("accept") == "1",
                                       answer=request.POST.get("answer", ""))
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, "Đã xử lý đề nghị sửa hồ sơ.")
        return redirect("meetings:corrections")
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Đề nghị sửa hồ sơ của đảng viên chờ xử lý",
            columns=[t.Col("Ngày đề nghị", kind=t.DATE, width=12), t.Col("Họ và tên", width=26),
                     t.Col("Trường cần sửa", width=20), t.Col("Đề nghị sửa thành", width=32), t.Col("Lý do", width=40)],
            rows=list_export.rows_of(queryset.filter(state=CorrectionRequest.State.OPEN).order_by("created_at"),
                                     lambda c: (timezone.localtime(c.created_at).date(), c.member.full_name, c.field,
                                                c.requested_value, c.reason)))
    return render(request, "meetings/corrections.html", {
        "open": queryset.filter(state=CorrectionRequest.State.OPEN).order_by("created_at")[:LIST_LIMIT],
        "fields": services.CORRECTABLE_FIELDS,
    })
