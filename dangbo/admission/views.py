"""Admission screens: pipeline board, candidate record with its steps, due list, progress
dashboard with exports, targets and hamlet lists.

Every page reads through admission.visibility (request.scope): outside the scope, and for the
member role, 404; a read-only role writing, 403.
"""
from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from dangbo.admission import deadlines, importing, progress, reports, rules, services
from dangbo.admission import visibility as v
from dangbo.admission.forms import (BulkStepForm, CandidateForm, HamletForm, ImportForm, RelativeForm, SplitForm,
                                    StepForm, StopForm, TargetForm, VerifyForm)
from dangbo.admission.models import Candidate, Source
from dangbo.core import charts, tabular, vn
from dangbo.core.party_docx import DOCX_CONTENT_TYPE
from dangbo.members.models import Member, MemberStatus
from dangbo.orgs.models import CELL_KINDS, Organization, OrgClosure

BOARD_COLUMN_LIMIT = 40


def _messages_of(error: ValidationError) -> list[str]:
    return [m for problems in error.message_dict.values() for m in problems]


def _attach(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _subtree(org: Organization):
    return OrgClosure.objects.filter(ancestor_id=org.pk).values("descendant_id")


def _children(org: Organization) -> list[Organization]:
    return list(org.children.filter(dissolved__isnull=True).order_by("path"))


# -- index and board --------------------------------------------------------------------------


@login_required
def index(request):
    roots = v.visible_roots(request.scope)
    if request.GET.get("org"):
        return redirect("admission:board", v.visible_org(request.scope, request.GET["org"]).pk)
    if len(roots) == 1:
        return redirect("admission:board", roots[0].pk)
    return render(request, "admission/index.html", {"roots": roots})


def _board_filters(request, org: Organization):
    params = request.GET
    candidates = v.candidates(request.scope).filter(organization_id__in=_subtree(org))
    unit = None
    if params.get("don_vi"):
        unit = v.visible_org(request.scope, params["don_vi"])
        candidates = candidates.filter(organization_id__in=_subtree(unit))
    if params.get("q"):
        candidates = candidates.filter(search_name__contains=vn.fold(params["q"]))
    if params.get("nguon") in Source.values:
        candidates = candidates.filter(source=params["nguon"])
    show_closed = params.get("da_xong") == "1"
    if not show_closed:
        candidates = candidates.exclude(stage__in=(rules.DONE, rules.STOPPED))
    return candidates, unit, show_closed


@login_required
def board(request, pk):
    """Candidates per step (columns) and per unit (table), filters, bulk moves."""
    org = v.visible_org(request.scope, pk)
    if request.GET.get("them"):
        return redirect("admission:candidate_add", v.writable_org(request.scope, request.GET["them"]).pk)
    today = timezone.localdate()
    candidates, unit, show_closed = _board_filters(request, org)
    candidates = candidates.select_related("organization")
    stages = [s for s in rules.STAGES if show_closed or s not in (rules.DONE, rules.STOPPED)]
    overdue_only = request.GET.get("qua_han") == "1"
    columns = []
    for stage in stages:
        in_stage = candidates.filter(stage=stage)
        rows = list(in_stage[:BOARD_COLUMN_LIMIT])
        due = deadlines.for_candidates(rows, today)
        if overdue_only:
            rows = [c for c in rows if c.pk in due and due[c.pk].overdue]
        columns.append({"stage": stage, "label": rules.STAGE_LABELS[stage], "total": in_stage.count(),
                        "rows": [(c, due.get(c.pk)) for c in rows], "bulk": stage in rules.BULK_STEPS})
    children = _children(org)
    counts = progress.stage_counts([c.pk for c in children])
    matrix = [(child, [counts[child.pk][s] for s in progress.PIPELINE_STAGES]) for child in children]
    return render(request, "admission/board.html", {
        "org": org, "columns": columns, "matrix": matrix, "matrix_stages": [rules.STAGE_LABELS[s] for s in
                                                                          progress.PIPELINE_STAGES],
        "children": children, "unit": unit, "params": request.GET, "sources": Source.choices,
        "can_write": request.scope.can_write(org), "ancestors": _ancestors(request, org),
        "bulk_form": BulkStepForm(), "cells": _writable_cells(request, org),
    })


def _ancestors(request, org):
    return [a for a in org.ancestors() if request.scope.can_see_member_list(a)]


def _writable_cells(request, org):
    cells = request.scope.writable_organizations().filter(pk__in=_subtree(org), kind__in=(*CELL_KINDS, "to_dang"),
                                                          dissolved__isnull=True)
    return list(cells.order_by("path")[:500])


@login_required
@require_POST
def bulk_move(request, pk):
    org = v.writable_org(request.scope, pk)
    visible = v.candidates(request.scope).filter(organization_id__in=_subtree(org))
    form = BulkStepForm(request.POST, candidates=visible)
    if not form.is_valid():
        messages.error(request, "Chọn người, bước và ngày hợp lệ (dd/mm/yyyy).")
        return redirect("admission:board", org.pk)
    chosen = list(form.cleaned_data["candidates"].select_related("organization"))
    for candidate in chosen:
        request.scope.check_write(candidate.organization_id)
    try:
        moved, problems = services.bulk_record(
            request.user, chosen, form.cleaned_data["step"], on=form.cleaned_data["on"],
            decision_number=form.cleaned_data["decision_number"],
            certificate_number=form.cleaned_data["certificate_number"])
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
        return redirect("admission:board", org.pk)
    messages.success(request, f"Đã ghi nhận cho {moved} người.")
    for name, problems_of in problems.items():
        messages.error(request, f"{name}: {' '.join(problems_of)}")
    return redirect("admission:board", org.pk)


# -- candidate --------------------------------------------------------------------------------


@login_required
def candidate_add(request, pk):
    org = v.writable_org(request.scope, pk)
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = services.create_candidate(request.user, org, form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Đã thêm {candidate.full_name}.")
            return redirect(candidate)
    return render(request, "admission/candidate_form.html", {"org": org, "form": form})


def _sponsor_choices(candidate: Candidate):
    grassroots = services.grassroots_of(candidate.organization_id) or candidate.organization_id
    return (Member.objects.filter(organization_id__in=OrgClosure.objects.filter(ancestor_id=grassroots)
                                  .values("descendant_id"), status=MemberStatus.OFFICIAL).order_by("sort_key", "id"))


def _step_form(candidate: Candidate, data=None, files=None) -> StepForm | None:
    if not candidate.is_active:
        return None
    return StepForm(data, files, step=candidate.stage, members=_sponsor_choices(candidate),
                    escalated=candidate.escalated)


def _candidate_context(request, candidate: Candidate, step_form: StepForm | None) -> dict:
    can_write = request.scope.can_write(candidate.organization_id)
    today = timezone.localdate()
    return {
        "c": candidate, "can_write": can_write, "due": deadlines.for_candidates([candidate], today).get(candidate.pk),
        "steps": candidate.steps.order_by("date", "id"),
        "relatives": candidate.relatives.all(), "sponsors": candidate.sponsors.select_related("member"),
        "step_form": step_form if can_write else None, "relative_form": RelativeForm(),
        "verify_form": VerifyForm(relatives=candidate.relatives.filter(verified_on__isnull=True)),
        "stop_form": StopForm(), "edit_form": CandidateForm(instance=candidate) if can_write else None,
        "eligibility": _eligibility(candidate, today),
        "ancestors": _ancestors(request, candidate.organization) + [candidate.organization],
    }


@login_required
def candidate_detail(request, pk):
    candidate = v.get_candidate(request.scope, pk)
    return render(request, "admission/candidate.html", _candidate_context(request, candidate, _step_form(candidate)))


def _eligibility(candidate: Candidate, today: date) -> list[str]:
    if candidate.stage not in (rules.SPONSORS, rules.CELL_RESOLUTION):
        return []
    return [m for problems in services.eligibility_errors(candidate, today).values() for m in problems
            if candidate.stage == rules.CELL_RESOLUTION or "giới thiệu" not in m]


def _step_input(form: StepForm) -> services.StepInput:
    data = form.cleaned_data
    sponsors = None
    if form.step == rules.SPONSORS:
        sponsors = []
        for index in (1, 2):
            member = data.get(f"sponsor_{index}")
            if member:
                sponsors.append(services.SponsorInput(rules.MEMBER_SPONSOR, member,
                                                      together_since=data.get(f"sponsor_{index}_since")))
        if data.get("youth_union"):
            sponsors.append(services.SponsorInput(rules.YOUTH_UNION_SPONSOR,
                                                  name=data.get("youth_union_name") or "Ban Chấp hành Đoàn cơ sở"))
    return services.StepInput(
        on=data["on"], decision_number=data.get("decision_number", ""), scan=data.get("scan"),
        approve=data.get("approve"), total=data.get("total"), note=data.get("note", ""),
        late_approval=data.get("late_approval", ""), certificate_number=data.get("certificate_number", ""),
        certificate_date=data.get("certificate_date"), sponsors=sponsors, helper=data.get("helper"),
        card_number=data.get("card_number", ""), recognized=data.get("recognized", True) in (True, None))


@login_required
@require_POST
def record_step(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = _step_form(candidate, request.POST, request.FILES)
    if form is None:
        raise Http404
    if form.is_valid():
        try:
            row = services.record_step(request.user, candidate, candidate.stage, _step_input(form))
        except ValidationError as error:
            _attach(form, error)
        else:
            if row.passed:
                messages.success(request, f"Đã ghi nhận: {rules.STEP_LABELS[row.step]}.")
            else:
                messages.error(request, f"{rules.STEP_LABELS[row.step]}: biểu quyết không đạt "
                                        f"({row.approve}/{row.total}, cần {rules.votes_needed(row.total)}).")
            return redirect(candidate)
    candidate.refresh_from_db()
    return render(request, "admission/candidate.html", _candidate_context(request, candidate, form), status=422)


@login_required
@require_POST
def candidate_edit(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = CandidateForm(request.POST, instance=Candidate.objects.get(pk=candidate.pk))
    if form.is_valid():
        try:
            services.update_candidate(request.user, candidate, form.cleaned_data)
            messages.success(request, "Đã cập nhật.")
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Thông tin chưa hợp lệ: " + "; ".join(
            f"{form.fields[f].label if f in form.fields else ''} {' '.join(e)}" for f, e in form.errors.items()))
    return redirect(candidate)


@login_required
@require_POST
def relative_add(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = RelativeForm(request.POST)
    if form.is_valid():
        try:
            services.add_relative(request.user, candidate, **form.cleaned_data)
            messages.success(request, "Đã thêm người được thẩm tra.")
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Nhập quan hệ, họ tên và ngày (dd/mm/yyyy).")
    return redirect(candidate)


@login_required
@require_POST
def relative_verify(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = VerifyForm(request.POST, relatives=candidate.relatives.all())
    if form.is_valid():
        try:
            services.verify_relative(request.user, form.cleaned_data["relative"],
                                     verified_on=form.cleaned_data["verified_on"], result=form.cleaned_data["result"])
            messages.success(request, "Đã ghi kết quả thẩm tra.")
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Chọn người và nhập ngày (dd/mm/yyyy).")
    return redirect(candidate)


@login_required
@require_POST
def candidate_stop(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.stop_candidate(request.user, candidate, **form.cleaned_data)
            messages.success(request, "Đã dừng xem xét.")
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, "Nhập ngày và lý do.")
    return redirect(candidate)


@login_required
@require_POST
def candidate_extend(request, pk):
    candidate = v.get_candidate(request.scope, pk, write=True)
    try:
        services.extend_decision_deadline(request.user, candidate,
                                          document_number=request.POST.get("document_number", ""))
        messages.success(request, "Đã ghi nhận gia hạn thời gian ra quyết định kết nạp.")
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    return redirect(candidate)


# -- due list ---------------------------------------------------------------------------------


@login_required
def due(request, pk):
    org = v.visible_org(request.scope, pk)
    today = timezone.localdate()
    candidates = v.candidates(request.scope).filter(organization_id__in=_subtree(org))
    members = request.scope.members().filter(organization_id__in=_subtree(org))
    rows = deadlines.due_list(candidates, members, today)
    return render(request, "admission/due.html", {
        "org": org, "rows": rows, "overdue": sum(1 for r in rows if r.overdue), "today": today,
        "ancestors": _ancestors(request, org)})


# -- progress dashboard and reports ---------------------------------------------------------------


def _period(request) -> tuple[int, date]:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("nam") or today.year)
        on = vn.parse_date(request.GET.get("ngay")) if request.GET.get("ngay") else None
    except ValueError:
        raise Http404
    if not 2000 <= year <= 2100:
        raise Http404
    on = on or min(today, date(year, 12, 31))
    if on.year != year:
        on = date(year, 12, 31) if on.year > year else date(year, 1, 1)
    return year, on


def report_data(org: Organization, year: int, on: date) -> reports.Report:
    children = _children(org)
    rows = progress.progress_for([org, *children], year, on)
    counts = progress.stage_counts([org.pk, *[c.pk for c in children]])
    proposed = {org_id: sum(by_stage[s] for s in progress.PROPOSED_STAGES) for org_id, by_stage in counts.items()}
    return reports.Report(org=org, year=year, on=on, total=rows[0], children=rows[1:], proposed=proposed,
                          quarters=progress.quarters(org, year, on, rows[0].target), hamlets=progress.hamlets(org))


def _charts(report: reports.Report) -> dict:
    out = {}
    units = [u for u in report.children if u.target or u.admitted]
    if units:
        names = [u.organization.short_name or u.organization.name for u in units]
        out["units"] = charts.stacked_bars(names, [
            charts.Series("Đã kết nạp", [u.admitted for u in units], "#b3171c"),
            charts.Series("Còn lại so với chỉ tiêu", [max(0, (u.target or 0) - u.admitted) for u in units], "#d9d2c9"),
        ], as_percent=False, title=f"Kết nạp đảng viên năm {report.year} so với chỉ tiêu")
    if len(report.quarters) > 1:
        out["quarters"] = charts.lines(
            [f"Quý {vn.to_roman(q.number)}" for q in report.quarters],
            [charts.Series("Lũy kế đã kết nạp", [q.cumulative for q in report.quarters]),
             charts.Series("Trong quý", [q.admitted for q in report.quarters])],
            target=float(report.total.target) if report.total.target else None,
            title="Tiến độ kết nạp theo quý")
    return out


@login_required
def dashboard(request, pk):
    org = v.visible_org(request.scope, pk)
    year, on = _period(request)
    report = report_data(org, year, on)
    return render(request, "admission/dashboard.html", {
        "org": org, "year": year, "on": on, "report": report, "charts": _charts(report),
        "proposed_total": report.proposed.get(org.pk, 0),
        "unit_rows": [(u, report.proposed.get(u.organization.pk, 0)) for u in report.children],
        "breakdowns": [(label, report.total.counts.breakdown[key], report.total.share(key))
                       for key, label in rules.BREAKDOWNS.items()],
        "ancestors": _ancestors(request, org), "can_write": request.scope.can_write(org),
    })


@login_required
def export(request, pk, fmt):
    org = v.visible_org(request.scope, pk)
    year, on = _period(request)
    report = report_data(org, year, on)
    name = f"ket-nap-{year}-{org.code}"
    if fmt == "xlsx":
        return tabular.xlsx_download(reports.xlsx_bytes(report), f"{name}.xlsx")
    if fmt == "docx":
        response = HttpResponse(reports.docx_bytes(report), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.docx")
        return response
    raise Http404


# -- targets and hamlets ----------------------------------------------------------------------


@login_required
def targets(request, pk):
    org = v.visible_org(request.scope, pk)
    year, _ = _period(request)
    children = _children(org)
    current = {t.organization_id: t for t in v.targets(request.scope).filter(
        year=year, organization_id__in=[org.pk, *[c.pk for c in children]])}
    can_write = request.scope.can_write(org)
    if request.method == "POST":
        request.scope.check_write(org)
        action = request.POST.get("action")
        try:
            if action == "split":
                form = SplitForm(request.POST)
                if form.is_valid():
                    services.split_target(request.user, org, year, form.cleaned_data["total"])
                    messages.success(request, "Đã phân bổ chỉ tiêu cho các đơn vị trực thuộc.")
            else:
                for unit in [org, *children]:
                    raw = request.POST.get(f"target_{unit.pk}", "").strip()
                    if raw == "":
                        continue
                    form = TargetForm({"target": raw})
                    if not form.is_valid():
                        raise ValidationError({"target": f"{unit.name}: chỉ tiêu phải là số không âm."})
                    if unit.pk not in current or current[unit.pk].target != form.cleaned_data["target"]:
                        services.set_target(request.user, unit, year, form.cleaned_data["target"])
                messages.success(request, "Đã lưu chỉ tiêu.")
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
        return redirect(f"{request.path}?nam={year}")
    rows = [(unit, current.get(unit.pk)) for unit in [org, *children]]
    return render(request, "admission/targets.html", {
        "org": org, "year": year, "rows": rows, "can_write": can_write, "import_form": ImportForm(),
        "split_form": SplitForm(), "ancestors": _ancestors(request, org)})


@login_required
def targets_import(request, pk):
    org = v.writable_org(request.scope, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        table, importer = importing.load(org, upload, upload.name)
        if table.ok:
            count = importing.write(request.user, importer, table)
            messages.success(request, f"Đã nhập {count} chỉ tiêu.")
            return redirect("admission:targets", org.pk)
        errors = table.errors
    return render(request, "admission/import.html", {"org": org, "form": form, "errors": errors}, status=422 if errors else 200)


@login_required
def import_template(request):
    return tabular.xlsx_download(tabular.template_xlsx(importing.SPEC), "mau-chi-tieu-ket-nap.xlsx")


@login_required
def hamlets(request, pk):
    org = v.visible_org(request.scope, pk)
    form = HamletForm(request.POST or None)
    if request.method == "POST":
        request.scope.check_write(org)
        if form.is_valid():
            try:
                services.save_hamlet(request.user, org, **form.cleaned_data)
                messages.success(request, "Đã lưu.")
                return redirect("admission:hamlets", org.pk)
            except ValidationError as error:
                _attach(form, error)
    rows = v.hamlets(request.scope).filter(organization_id__in=_subtree(org)).select_related("organization")
    filter_value = request.GET.get("loc")
    if filter_value == "chua_co_dang_vien":
        rows = rows.filter(member_count=0)
    elif filter_value == "chua_co_chi_bo":
        rows = rows.filter(has_cell=False)
    return render(request, "admission/hamlets.html", {
        "org": org, "rows": rows.order_by("organization__path", "name")[:2000], "form": form,
        "summary": progress.hamlets(org), "can_write": request.scope.can_write(org), "loc": filter_value,
        "ancestors": _ancestors(request, org)})
