from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from dangbo.access.masking import Masker
from dangbo.audit import access_log
from dangbo.core import navigation, versioning, vn
from dangbo.members import services
from dangbo.members.filters import AGE_BANDS, MemberFilter, search_page
from dangbo.members.forms import AbsenceEndForm, AbsenceForm, CorrectionForm, LifecycleForm, MemberForm, TransferForm
from dangbo.members.models import Gender, MemberStatus
from dangbo.orgs import counts
from dangbo.orgs.filters import org_filter


def filtered_members(request):
    """The user's visible members with the list filters of the request applied."""
    member_filter = MemberFilter.from_params(request.GET)
    # The organization picker: an id (404 outside the scope) or letters looked up in the scope.
    request.org_filter = org_filter(request, param="org")
    member_filter.organization_id = request.org_filter.organization.pk if request.org_filter.organization else None
    queryset = member_filter.apply(request.scope.members(), timezone.localdate())
    return member_filter, queryset


COUNT_CAP = 10_000  # above this the list says "more than 10.000": counting 5,6M rows per page is not worth it


def list_total(request, member_filter, queryset) -> int:
    """How many members the list holds: exact from the maintained strength for a plain list of
    an organization's active members, else counted up to COUNT_CAP + 1 (a bounded scan)."""
    plain = (member_filter.status == "active" and not (member_filter.q or member_filter.gender
                                                      or member_filter.age_band))
    if plain and member_filter.organization_id:
        org = request.scope.get_organization(member_filter.organization_id)
        if request.scope.can_see_member_list(org):
            return counts.member_counts_for([org.pk])[org.pk]["active"]
    return queryset.order_by()[:COUNT_CAP + 1].count()


@login_required
def member_list(request):
    member_filter, queryset = filtered_members(request)
    rows, cursor = search_page(queryset.select_related("organization"), member_filter, request.GET.get("after"))
    params = request.GET.copy()
    params.pop("after", None)
    context = {
        "rows": rows,
        "next_cursor": cursor,
        "total": list_total(request, member_filter, queryset),
        "total_capped": COUNT_CAP,
        "filter": member_filter,
        "query_string": params.urlencode(),
        "statuses": MemberStatus.choices,
        "genders": Gender.choices,
        "age_bands": [(key, label) for key, (label, _, _) in AGE_BANDS.items()],
        "organization": request.org_filter.organization,
        "org_filter": request.org_filter,
        "can_create": request.scope.can_write_anything,
        "export_url": reverse("members:export"),
        "member_list_links": [{"url": reverse("members:import"), "label": "Nhập từ Excel"}],
    }
    template = "members/_rows.html" if request.htmx and request.GET.get("after") else "members/list.html"
    return render(request, template, context)


@login_required
def member_detail(request, pk):
    member = request.scope.get_member(pk)
    can_write = request.scope.can_write(member.organization_id)
    reversible = services.reversible_event(member) if can_write else None
    access_log.member_read(request, member)
    Masker(request.scope, "members.Member").mask_members([member])
    scope = request.scope
    reads_unit = navigation.is_reader(scope) and scope.can_see_member_list(member.organization)
    return render(request, "members/detail.html", {
        "member": member,
        # Party history through the visibility table like every row about a member.
        "events": scope.restrict(member.events.select_related("from_organization", "to_organization")),
        "discipline": _discipline(scope, member),
        "rating_links": reads_unit and navigation.may_use(scope, navigation.BY_NAMESPACE["ratings"]),
        "positions": member.positions.select_related("organization"),
        "can_write": can_write,
        "reversible_event_id": reversible.pk if reversible else None,
        "lifecycle_form": LifecycleForm(),
        "absences": member.absences.all(),
        # The member's own ratings are theirs to see (access.visibility: ratings.MemberRating).
        "ratings": request.scope.restrict(member.ratings.select_related("organization")).order_by("-year")[:10],
        "absence_form": AbsenceForm(),
    })


def _discipline(scope, member) -> list:
    """Discipline decisions on the member, for the roles that read them (inspection.visibility)."""
    from dangbo.inspection.visibility import decisions

    return list(decisions(scope).filter(member=member).select_related("decided_by"))


@login_required
@require_http_methods(["GET", "POST"])
def member_create(request):
    if not request.scope.can_write_anything:
        raise PermissionDenied
    organizations = request.scope.writable_organizations().filter(dissolved__isnull=True)
    initial = {"organization": request.GET.get("org"), "status": MemberStatus.PROBATIONARY}
    form = MemberForm(request.POST or None, organizations=organizations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.create_member(request.user, form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Đã thêm đảng viên {member.full_name}.")
            return redirect(member)
    return render(request, "members/form.html", {"form": form, "title": "Thêm đảng viên"})


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, pk):
    member = request.scope.get_member(pk)
    request.scope.check_write(member.organization_id)
    form = MemberForm(request.POST or None, instance=member, editing=True)
    versioning.add_version_field(form, member.version)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            services.update_member(request.user, member, data, version=version)
        except ValidationError as error:
            _attach(form, error)
        except versioning.EditConflict as conflict:
            versioning.show_conflict(form, conflict)
        else:
            messages.success(request, "Đã lưu hồ sơ.")
            return redirect(member)
    return render(request, "members/form.html", {"form": form, "title": f"Sửa hồ sơ: {member.full_name}", "member": member})


@login_required
@require_http_methods(["GET", "POST"])
def member_transfer(request, pk):
    member = request.scope.get_member(pk)
    request.scope.check_write(member.organization_id)
    organizations = request.scope.writable_organizations().filter(dissolved__isnull=True).exclude(pk=member.organization_id)
    form = TransferForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.transfer_member(request.user, member, data["to_organization"], on=data["date"],
                                     decision_number=data["decision_number"], note=data["note"])
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Đã chuyển sinh hoạt đến {data['to_organization'].name}.")
            return redirect(member)
    return render(request, "members/form.html", {"form": form, "title": f"Chuyển sinh hoạt: {member.full_name}", "member": member})


@login_required
@require_http_methods(["POST"])
def member_lifecycle(request, pk):
    member = request.scope.get_member(pk)
    request.scope.check_write(member.organization_id)

    def record(data):
        if data["action"] == "chinh_thuc":
            services.recognize_official(request.user, member, on=data["date"], decision_number=data["decision_number"])
        else:
            services.end_membership(request.user, member, data["action"], on=data["date"],
                                    decision_number=data["decision_number"], note=data["note"])

    return _apply(request, member, LifecycleForm(request.POST), record, "Đã ghi nhận sự kiện.")


@login_required
@require_http_methods(["POST"])
def member_absence(request, pk):
    member = request.scope.get_member(pk)
    request.scope.check_write(member.organization_id)
    return _apply(request, member, AbsenceForm(request.POST, admission_date=member.admission_date),
                  lambda data: services.record_absence(request.user, member, **data),
                  "Đã ghi nhận thời gian miễn sinh hoạt, nghỉ dài ngày.")


@login_required
@require_http_methods(["GET", "POST"])
def member_event_correct(request, pk, event_pk):
    """Reverse a mistaken status event with a correction event (who, why, decision number)."""
    member = request.scope.get_member(pk)
    request.scope.check_write(member.organization_id)
    event = get_object_or_404(member.events, pk=event_pk)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reverse_event(request.user, member, event, reason=data["reason"],
                                   decision_number=data["decision_number"], on=data["date"])
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Đã điều chỉnh: hủy sự kiện «{event.get_kind_display()}».")
            return redirect(member)
    title = (f"Điều chỉnh sự kiện ghi nhầm: {event.get_kind_display()} ngày {vn.format_date(event.date)} — "
             f"{member.full_name}")
    return render(request, "members/form.html", {"form": form, "title": title, "member": member})


@login_required
@require_http_methods(["POST"])
def member_absence_end(request, pk, absence_pk):
    member = request.scope.get_member(pk)
    request.scope.check_write(member.organization_id)
    absence = get_object_or_404(member.absences, pk=absence_pk)
    return _apply(request, member, AbsenceEndForm(request.POST),
                  lambda data: services.end_absence(request.user, absence, end=data["end"]),
                  "Đã ghi nhận ngày kết thúc.")


def _apply(request, member, form, action, success: str):
    """The small forms of the member page: run `action` on valid data, report errors as
    messages naming the field ("Từ ngày: ..."), and go back to the member page."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            _report(request, form, error)
        else:
            messages.success(request, success)
    else:
        _report(request, form, ValidationError(form.errors))
    return redirect(member)


def _report(request, form, error: ValidationError) -> None:
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, texts in by_field.items():
        label = form.fields[field].label if field in form.fields else ""
        for text in texts:
            messages.error(request, f"{label}: {text}" if label else text)


def _attach(form, error: ValidationError) -> None:
    form.add_problems(error)
