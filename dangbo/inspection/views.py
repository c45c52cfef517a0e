"""Pages of inspection, supervision, discipline and consolidation.

Every page reads through inspection/visibility.py (request.scope underneath): rows outside
the user's subtrees, and inspection files for anyone without an inspection role, are 404.
"""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from django.db.models import Count

from dangbo.core import list_export, tabular
from dangbo.core.party_docx import DOCX_CONTENT_TYPE
from dangbo.inspection import forms as f
from dangbo.inspection import rules, services, statistics
from dangbo.inspection import visibility as v
from dangbo.core import vn
from dangbo.inspection.models import CaseStatus, ConsolidationStatus, DenunciationStatus, ItemStatus, PlanItem
from dangbo.orgs.models import Organization
from dangbo.orgs.filters import org_filter


# -- helpers ------------------------------------------------------------------------------------


def _attach(form, error: ValidationError) -> None:
    form.add_problems(error)


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        raise Http404
    if not 2000 <= year <= 2100:
        raise Http404
    return year


def _org(request) -> Organization:
    """The organization of a list page: ?org= (or letters typed in the organization picker),
    else the top of the user's scope."""
    def top():
        if not v.is_reader(request.scope):
            raise Http404(v.NOT_FOUND)
        root = request.scope.root_organizations().order_by("path").first()
        if root is None:
            raise Http404(v.NOT_FOUND)
        return root

    request.org_filter = org_filter(request, param="org", default=top)
    if request.org_filter.organization is None:  # letters that match no or several organizations
        return top()
    return v.reader_org(request.scope, str(request.org_filter.organization.pk))


def _query(org: Organization, year: int | None = None) -> str:
    return f"?org={org.pk}" + (f"&year={year}" if year else "")


def _page(request, template: str, org: Organization, context: dict):
    scope = request.scope
    context.update(org_filter=getattr(request, "org_filter", None))
    context.update(org=org, can_inspect=scope.can_inspect(org), is_inspector=bool(scope.is_admin or scope.inspection_roots),
                   today=timezone.localdate())
    return render(request, f"inspection/{template}", context)


# -- index ---------------------------------------------------------------------------------------


@login_required
def index(request):
    if not request.GET.get("org") and not v.is_reader(request.scope):
        return render(request, "inspection/nothing.html")
    org, year = _org(request), _year(request)
    today = timezone.localdate()
    recs = v.recommendations(request.scope).filter(v.subtree_filter(org))
    _, summary, by_status = statistics.follow_up(recs, today, limit=0)
    return _page(request, "index.html", org, {
        "year": year, "query": _query(org, year), "counts": statistics.discipline_counts(org, year),
        "summary": summary, "by_status": by_status, "overdue": by_status.get(rules.OVERDUE, 0),
        "consolidations": v.consolidations(request.scope).filter(v.subtree_filter(org))
        .exclude(status=ConsolidationStatus.EXITED).count(),
        "plans": v.plans(request.scope).filter(v.subtree_filter(org), year=year)[:20],
        "roots": request.scope.root_organizations(),
    })


# -- plans -------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plans(request):
    org, year = _org(request), _year(request)
    form = None
    if request.scope.can_inspect(org):
        form = f.PlanForm(request.POST or None, initial={"year": year})
        if request.method == "POST" and form.is_valid():
            try:
                plan = services.create_plan(request.user, org, **form.cleaned_data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, "Đã tạo chương trình kiểm tra, giám sát.")
                return redirect(plan)
    elif request.method == "POST":
        raise PermissionDenied("Chỉ cán bộ ủy ban kiểm tra được lập chương trình.")
    rows = v.plans(request.scope).filter(v.subtree_filter(org), year=year).prefetch_related("items")
    if list_export.wanted(request):
        t = tabular
        counted = rows.prefetch_related(None).select_related("organization").annotate(item_count=Count("items"))
        return list_export.respond(
            request, title="Chương trình kiểm tra, giám sát", org=org, period=f"Năm {year}",
            columns=[t.Col("Chương trình", width=50), t.Col("Số", width=14), t.Col("Cấp", width=30),
                     t.Col("Cơ quan ban hành", width=24), t.Col("Số nội dung", kind=t.INTEGER, unit="nội dung")],
            rows=list_export.rows_of(counted, lambda p: (p.title, p.number, p.organization.name,
                                                         p.get_issuer_display(), p.item_count)))
    return _page(request, "plans.html", org, {"year": year, "plans": rows, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan(request, pk):
    plan = v.get_plan(request.scope, pk)
    can_inspect = request.scope.can_inspect(plan.organization_id)
    form = f.PlanItemForm(request.POST or None, scope=request.scope, root=plan.organization) if can_inspect else None
    if request.method == "POST":
        v.check_inspect(request.scope, plan.organization_id)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("member_code")
            data["subject_member"] = data.pop("member")
            try:
                services.add_plan_item(request.user, plan, **data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, "Đã thêm nội dung vào chương trình.")
                return redirect(plan)
    items = plan.items.select_related("subject_organization", "subject_member")
    return _page(request, "plan.html", plan.organization, {"plan": plan, "items": items, "form": form,
                                                            "statuses": ItemStatus.choices})


@login_required
@require_POST
def item_status(request, pk):
    item = v.get_plan_item(request.scope, pk)
    v.check_inspect(request.scope, item.plan.organization_id)
    try:
        services.set_item_status(request.user, item, request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, "; ".join(m for ms in error.message_dict.values() for m in ms))
    return redirect(item.plan)


# -- denunciations (inspection roles only) --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def denunciations(request):
    org = _org(request)
    request.scope.check_inspect(org)
    form = f.DenunciationForm(request.POST or None, scope=request.scope, root=org)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("member_code")
        data["accused_member"] = data.pop("member")
        try:
            denunciation = services.record_denunciation(request.user, org, **data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Đã tiếp nhận đơn tố cáo.")
            return redirect("inspection:denunciation", denunciation.pk)
    rows = v.denunciations(request.scope).filter(v.subtree_filter(org))
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Sổ tiếp nhận đơn tố cáo", org=org,
            columns=[t.Col("Ngày nhận", kind=t.DATE, width=12), t.Col("Cấp tiếp nhận", width=30),
                     t.Col("Đối tượng bị tố cáo", width=30), t.Col("Trạng thái", width=18)],
            rows=list_export.rows_of(rows.select_related("organization"), lambda d: (
                d.received_on, d.organization.name, d.accused_name, d.get_status_display())))
    rows = rows[:500]
    return _page(request, "denunciations.html", org, {"rows": rows, "form": form})


@login_required
def denunciation(request, pk):
    item = v.get_denunciation(request.scope, pk)
    return _page(request, "denunciation.html", item.organization, {"item": item, "cases": item.cases.all()})


# -- cases (inspection roles only) --------------------------------------------------------------------------


@login_required
def cases(request):
    org, year = _org(request), _year(request)
    request.scope.check_inspect(org)
    rows = v.cases(request.scope).filter(v.subtree_filter(org), opened_on__year=year)
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Hồ sơ kiểm tra, giám sát", org=org, period=f"Năm {year}",
            columns=[t.Col("Cuộc kiểm tra, giám sát", width=44), t.Col("Loại", width=20), t.Col("Đối tượng", width=30),
                     t.Col("Nguồn", width=18), t.Col("Ngày bắt đầu", kind=t.DATE, width=12),
                     t.Col("Trạng thái", width=16)],
            rows=list_export.rows_of(rows, lambda c: (c.title, c.get_kind_display(), c.subject_name,
                                                      c.get_origin_display(), c.opened_on, c.get_status_display())))
    return _page(request, "cases.html", org, {"year": year, "rows": rows[:500]})


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request):
    org = _org(request)
    request.scope.check_inspect(org)
    items = v.plans(request.scope).filter(v.subtree_filter(org)).values_list("items", flat=True)
    plan_items = list(PlanItem.objects.filter(pk__in=items)
                      .select_related("plan", "subject_organization", "subject_member")[:300])
    open_denunciations = list(v.denunciations(request.scope).filter(v.subtree_filter(org))
                              .exclude(status=DenunciationStatus.CLOSED)[:300])
    form = f.CaseForm(request.POST or None, scope=request.scope, root=org, plan_items=plan_items,
                      denunciations=open_denunciations, initial={"opened_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("member_code")
        data["subject_member"] = data.pop("member")
        data["plan_item"] = next((i for i in plan_items if str(i.pk) == data["plan_item"]), None)
        data["denunciation"] = next((d for d in open_denunciations if str(d.pk) == data["denunciation"]), None)
        try:
            case = services.open_case(request.user, org, **data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Đã mở hồ sơ kiểm tra, giám sát.")
            return redirect(case)
    return _page(request, "form.html", org, {"form": form, "title": "Mở hồ sơ kiểm tra, giám sát"})


REC_ROWS = 5


def _recommendation_inputs(request, units: dict[str, Organization], errors: list[str]):
    inputs = []
    for index in range(REC_ROWS):
        content = request.POST.get(f"rec-{index}-content", "").strip()
        if not content:
            continue
        unit = units.get(request.POST.get(f"rec-{index}-unit", ""))
        try:
            deadline = vn.parse_date(request.POST.get(f"rec-{index}-deadline", ""))
        except ValueError as error:
            errors.append(f"Kiến nghị {index + 1}: {error}")
            continue
        if unit is None:
            errors.append(f"Kiến nghị {index + 1}: chọn đơn vị chịu trách nhiệm.")
            continue
        inputs.append(services.RecommendationInput(unit, content, deadline))
    return inputs


@login_required
@require_http_methods(["GET", "POST"])
def case(request, pk):
    case = v.get_case(request.scope, pk)
    units = {str(o.pk): o for o in f.org_choices(request.scope, case.organization).queryset.order_by("path")[:2000]}
    form = f.ConclusionForm(request.POST or None) if case.status != CaseStatus.CONCLUDED else None
    errors: list[str] = []
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Hồ sơ đã kết luận.")
        recommendations = _recommendation_inputs(request, units, errors)
        if form.is_valid() and not errors:
            try:
                services.conclude_case(request.user, case, recommendations=recommendations, **form.cleaned_data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, f"Đã ghi kết luận với {len(recommendations)} kiến nghị khắc phục.")
                return redirect(case)
    return _page(request, "case.html", case.organization, {
        "case": case, "form": form, "errors": errors, "units": units.values(), "rec_rows": range(REC_ROWS),
        "recommendations": [statistics.FollowUpRow(r, r.status(timezone.localdate()))
                            for r in case.recommendations.select_related("organization")],
        "decisions": case.decisions.all(),
    })


# -- remediation follow-up ------------------------------------------------------------------------------


@login_required
def follow_up(request):
    """The weekly list: every recommendation of the subtree with its status on the day."""
    org, today = _org(request), timezone.localdate()
    queryset = v.recommendations(request.scope).filter(v.subtree_filter(org)).order_by("deadline", "id")
    wanted = request.GET.get("status", "")
    if wanted and wanted not in rules.REMEDIATION_LABELS and wanted != statistics.DUE_SOON:
        raise Http404
    shown, summary, by_status = statistics.follow_up(queryset, today, status=wanted,
                                                     limit=50_000 if request.GET.get("format") == "xlsx" else 1000)
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Theo dõi khắc phục sau kiểm tra, giám sát", org=org,
            period=f"Đến ngày {vn.format_date(today)}",
            columns=[t.Col("Đơn vị", width=30), t.Col("Kiến nghị", width=50), t.Col("Kết luận", width=24),
                     t.Col("Thời hạn", kind=t.DATE, width=12), t.Col("Tình trạng", width=16),
                     t.Col("Ngày hoàn thành", kind=t.DATE, width=12), t.Col("Minh chứng", width=40)],
            rows=([r.recommendation.organization.name, r.recommendation.content,
                   _conclusion_ref(r.recommendation.case), r.recommendation.deadline, r.label,
                   r.recommendation.done_on, r.recommendation.evidence] for r in shown),
            filename=f"theo-doi-khac-phuc-{org.code}.xlsx")
    statuses = [(code, label, by_status.get(code, 0)) for code, label in rules.REMEDIATION_LABELS.items()]
    statuses.append((statistics.DUE_SOON, f"Đến hạn trong {statistics.DUE_SOON_DAYS} ngày", by_status[statistics.DUE_SOON]))
    return _page(request, "follow_up.html", org, {"rows": shown, "summary": summary, "statuses": statuses,
                                                  "wanted": wanted, "done": by_status.get(rules.DONE, 0),
                                                  "open": sum(by_status[code] for code in rules.REMEDIATION_LABELS)
                                                  - by_status.get(rules.DONE, 0)})


def _conclusion_ref(case) -> str:
    if case.conclusion_number:
        return f"Số {case.conclusion_number}" + (f" ngày {case.concluded_on:%d/%m/%Y}" if case.concluded_on else "")
    return f"Ngày {case.concluded_on:%d/%m/%Y}" if case.concluded_on else ""


@login_required
@require_http_methods(["GET", "POST"])
def remediation(request, pk):
    recommendation = v.get_recommendation(request.scope, pk)
    can_report = v.can_report_remediation(request.scope, recommendation)
    form = f.RemediationForm(request.POST or None, initial={"progress": recommendation.progress,
                                                           "evidence": recommendation.evidence,
                                                           "done_on": recommendation.done_on})
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied("Bạn chỉ có quyền xem kiến nghị này.")
        if form.is_valid():
            try:
                services.report_remediation(request.user, recommendation, **form.cleaned_data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, "Đã cập nhật kết quả khắc phục.")
                return redirect(reverse("inspection:follow_up") + f"?org={recommendation.organization_id}")
    return _page(request, "remediation.html", recommendation.organization, {
        "rec": recommendation, "status": rules.REMEDIATION_LABELS[recommendation.status(timezone.localdate())],
        "form": form if can_report else None, "conclusion": _conclusion_ref(recommendation.case)})


# -- discipline ------------------------------------------------------------------------------------------


@login_required
def decisions(request):
    org, year = _org(request), _year(request)
    rows = v.decisions(request.scope).filter(v.subtree_filter(org)).filter(year=year) | \
        v.decisions(request.scope).filter(v.subtree_filter(org), year__isnull=True, decided_on__year=year)
    rows = rows.order_by("-decided_on", "-id")
    if list_export.wanted(request):
        t = tabular

        def appeal(d):
            if d.annulled:
                return "Đã xóa bỏ"
            if d.appeal_outcome:
                return d.get_appeal_outcome_display()
            return "Đang giải quyết" if d.appeal_filed_on else ""

        return list_export.respond(
            request, title="Danh sách quyết định kỷ luật", org=org, period=f"Năm {year}",
            columns=[t.Col("Đối tượng", width=28), t.Col("Loại đối tượng", width=14), t.Col("Tổ chức", width=30),
                     t.Col("Hình thức", width=18), t.Col("Cấp quyết định", width=22),
                     t.Col("Ngày hiệu lực", kind=t.DATE, width=12), t.Col("Khiếu nại", width=18)],
            rows=list_export.rows_of(rows.select_related("organization"), lambda d: (
                d.subject_name, d.get_subject_display(), d.organization.name,
                d.get_form_display() + (f" → {d.get_appeal_form_display()}" if d.appeal_form else ""),
                d.get_decider_display(), d.effective_on or "Chờ chuẩn y", appeal(d))))
    return _page(request, "decisions.html", org, {"year": year, "rows": rows[:1000]})


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request):
    org = _org(request)
    request.scope.check_inspect(org)
    form = f.DecisionForm(request.POST or None, scope=request.scope, root=org)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("member_code")
        try:
            decision = services.decide_discipline(request.user, **data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Đã ghi quyết định kỷ luật.")
            return redirect(decision)
    return _page(request, "form.html", org, {"form": form, "title": "Ghi quyết định kỷ luật"})


@login_required
@require_http_methods(["GET", "POST"])
def decision(request, pk):
    decision = v.get_decision(request.scope, pk)
    can_inspect = request.scope.can_inspect(decision.decided_by_id) or request.scope.can_inspect(decision.organization_id)
    appeal_form = f.AppealForm(request.POST if request.POST.get("action") == "appeal" else None,
                               initial={"filed_on": decision.appeal_filed_on, "outcome": decision.appeal_outcome,
                                        "decided_on": decision.appeal_decided_on})
    approve_form = f.ApproveForm(request.POST if request.POST.get("action") == "approve" else None)
    if request.method == "POST":
        if not can_inspect:
            raise PermissionDenied("Chỉ cán bộ ủy ban kiểm tra được cập nhật quyết định kỷ luật.")
        form = appeal_form if request.POST.get("action") == "appeal" else approve_form
        if form.is_valid():
            try:
                if form is appeal_form:
                    services.record_appeal(request.user, decision, **form.cleaned_data)
                else:
                    services.approve_decision(request.user, decision, **form.cleaned_data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, "Đã cập nhật quyết định kỷ luật.")
                return redirect(decision)
    return _page(request, "decision.html", decision.organization, {
        "d": decision, "can_update": can_inspect, "appeal_form": appeal_form, "approve_form": approve_form,
        "appeal_deadline": rules.appeal_deadline(decision.received_on or decision.effective_on or decision.decided_on),
        "limitation_end": rules.limitation_end(decision.violation_on, decision.form, decision.subject,
                                               decision.unlimited_ground)})


@login_required
@require_http_methods(["GET", "POST"])
def postponement_create(request):
    org = _org(request)
    request.scope.check_inspect(org)
    form = f.PostponementForm(request.POST or None, scope=request.scope, root=org)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("member_code")
        member = data.pop("member")
        if member is None:
            form.add_error("member_code", "Nhập số CCCD hoặc số thẻ của đảng viên.")
        else:
            try:
                services.record_postponement(request.user, member, **data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, f"Đã ghi tạm hoãn xem xét kỷ luật của {member.full_name}.")
                return redirect(reverse("inspection:decisions") + _query(org))
    return _page(request, "form.html", org, {"form": form, "title": "Tạm hoãn xem xét kỷ luật"})


# -- consolidation ------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def consolidations(request):
    org, year = _org(request), _year(request)
    can_propose = request.scope.can_write(org)
    if request.method == "POST":
        if not can_propose:
            raise PermissionDenied("Bạn chỉ có quyền xem.")
        created = services.propose_consolidations(request.user, org, year)
        messages.success(request, f"Đã đưa {len(created)} tổ chức đảng vào diện củng cố theo kết quả xếp loại năm {year}.")
        return redirect(reverse("inspection:consolidations") + _query(org, year))
    rows = v.consolidations(request.scope).filter(v.subtree_filter(org)).prefetch_related("milestones")
    if list_export.wanted(request):
        t = tabular
        counted = rows.prefetch_related(None).select_related("organization").annotate(milestone_count=Count("milestones"))
        return list_export.respond(
            request, title="Tổ chức đảng trong diện củng cố", org=org,
            columns=[t.Col("Tổ chức", width=34), t.Col("Năm", kind=t.TEXT, width=8), t.Col("Lý do", width=30),
                     t.Col("Phụ trách", width=24), t.Col("Mốc", kind=t.INTEGER, unit="mốc"),
                     t.Col("Trạng thái", width=16)],
            rows=list_export.rows_of(counted, lambda c: (c.organization.name, str(c.year), c.get_reason_display(),
                                                         c.responsible, c.milestone_count, c.get_status_display())))
    candidates = [(o, rules.WEAK_REASON_LABELS[r]) for o, r in services.weak_candidates(org, year)]
    listed = set(rows.filter(year=year).values_list("organization_id", flat=True))
    return _page(request, "consolidations.html", org, {
        "year": year, "rows": rows[:500], "can_propose": can_propose,
        "candidates": [(o, r) for o, r in candidates if o.pk not in listed],
        "progress": [(child, [c[code] for code in ConsolidationStatus.values])
                     for child, c in statistics.consolidation_progress(org)],
        "statuses": ConsolidationStatus.choices})


@login_required
@require_http_methods(["GET", "POST"])
def consolidation(request, pk):
    item = v.get_consolidation(request.scope, pk)
    can_manage = v.can_manage_consolidation(request.scope, item)
    action = request.POST.get("action", "")
    root = item.organization.parent or item.organization
    edit = f.ConsolidationForm(request.POST if action == "edit" else None, scope=request.scope, root=root,
                               initial={"causes": item.causes, "measures": item.measures,
                                        "member_code": item.responsible.citizen_id if item.responsible else ""})
    milestone = f.MilestoneForm(request.POST if action == "milestone" else None)
    exit_form = f.ExitForm(request.POST if action == "exit" else None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Bạn chỉ có quyền xem.")
        form = {"edit": edit, "milestone": milestone, "exit": exit_form}.get(action)
        if action == "done":
            services.complete_milestone(request.user, v.get_milestone(request.scope, request.POST.get("milestone")),
                                        done_on=timezone.localdate())
            return redirect(item)
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "edit":
                    services.update_consolidation(request.user, item, causes=data["causes"], measures=data["measures"],
                                                  responsible=data.get("member"))
                elif action == "milestone":
                    services.add_milestone(request.user, item, **data)
                else:
                    services.exit_consolidation(request.user, item, **data)
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, "Đã cập nhật.")
                return redirect(item)
    return _page(request, "consolidation.html", item.organization, {
        "item": item, "can_manage": can_manage, "edit": edit, "milestone_form": milestone, "exit_form": exit_form,
        "milestones": item.milestones.all()})


# -- statistics -------------------------------------------------------------------------------------------


@login_required
def stats(request):
    org, year = _org(request), _year(request)
    counts = statistics.discipline_counts(org, year)
    children = statistics.discipline_by_child(org, year)
    years = list(range(year - 4, year + 1))
    trend = statistics.discipline_trend(org, years)
    recs = v.recommendations(request.scope).filter(v.subtree_filter(org))
    _, summary, _ = statistics.follow_up(recs, timezone.localdate(), limit=0)
    table_headers, table_rows = statistics.table(org, year)
    return _page(request, "stats.html", org, {
        "year": year, "counts": counts, "table_headers": table_headers, "table_rows": table_rows, "children": children, "chart": statistics.chart(org, year, children),
        "deciders": [(rules.DECIDER_LABELS[k], n) for k, n in counts.by_decider.items()],
        "trend": [(y, trend[y]) for y in years], "inspections": [
            (rules.KIND_LABELS[k], c) for k, c in statistics.inspection_counts(org, year).items()],
        "summary": summary})


@login_required
def stats_export(request, pk, year, fmt):
    org = v.reader_org(request.scope, pk)
    if not 2000 <= year <= 2100:
        raise Http404
    name = f"kiem-tra-ky-luat-{year}-{org.code}"
    if fmt == "xlsx":
        return tabular.xlsx_download(statistics.xlsx_bytes(org, year, timezone.localdate()), f"{name}.xlsx")
    if fmt == "docx":
        recs = v.recommendations(request.scope).filter(v.subtree_filter(org))
        _, summary, _ = statistics.follow_up(recs, timezone.localdate(), limit=0)
        content = statistics.docx_bytes(org, year, timezone.localdate(), summary)
        response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.docx")
        return response
    raise Http404

