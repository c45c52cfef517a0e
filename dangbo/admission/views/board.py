"""The pipeline board (candidates per step and per unit, filters, bulk moves) and the due list."""
from __future__ import annotations

from django.contrib import messages
from django.db.models import Case, Value, When
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dangbo.admission import deadlines, progress, rules, services
from dangbo.admission import visibility as v
from dangbo.admission.forms import BulkStepForm
from dangbo.admission.models import Source
from dangbo.admission.views.common import child_units, messages_of, subtree
from dangbo.core import list_export, tabular, vn
from dangbo.orgs.models import CELL_KINDS, Organization
from dangbo.orgs.filters import org_filter


BOARD_COLUMN_LIMIT = 40


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
    candidates = v.candidates(request.scope).filter(organization_id__in=subtree(org))
    request.org_filter = org_filter(request, param="don_vi", label="Đơn vị", within=org)
    unit = request.org_filter.organization
    if unit is not None:
        unit = v.visible_org(request.scope, unit.pk)
        candidates = candidates.filter(organization_id__in=subtree(unit))
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
    if list_export.wanted(request):
        return _board_xlsx(request, org, candidates, today, request.GET.get("qua_han") == "1")
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
    children = child_units(org)
    counts = progress.stage_counts([c.pk for c in children])
    matrix = [(child, [counts[child.pk][s] for s in progress.PIPELINE_STAGES]) for child in children]
    return render(request, "admission/board.html", {
        "org": org, "columns": columns, "matrix": matrix, "matrix_stages": [rules.STAGE_LABELS[s] for s in
                                                                          progress.PIPELINE_STAGES],
        "children": children, "unit": unit, "params": request.GET, "org_filter": request.org_filter, "sources": Source.choices,
        "can_write": request.scope.can_write(org),
        "bulk_form": BulkStepForm(), "cells": _writable_cells(request, org),
    })


def _writable_cells(request, org):
    cells = request.scope.writable_organizations().filter(pk__in=subtree(org), kind__in=(*CELL_KINDS, "to_dang"),
                                                          dissolved__isnull=True)
    return list(cells.order_by("path")[:500])


@login_required
@require_POST
def bulk_move(request, pk):
    org = v.writable_org(request.scope, pk)
    visible = v.candidates(request.scope).filter(organization_id__in=subtree(org))
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
        for message in messages_of(error):
            messages.error(request, message)
        return redirect("admission:board", org.pk)
    messages.success(request, f"Đã ghi nhận cho {moved} người.")
    for name, problems_of in problems.items():
        messages.error(request, f"{name}: {' '.join(problems_of)}")
    return redirect("admission:board", org.pk)


# -- due list ---------------------------------------------------------------------------------


def _board_xlsx(request, org, candidates, today, overdue_only: bool):
    """Every candidate the board's filters select (no column limit), step by step."""
    t = tabular

    def rows():
        order = {stage: index for index, stage in enumerate(rules.STAGES)}
        ordered = candidates.order_by(Case(*[When(stage=s, then=Value(i)) for s, i in order.items()]),
                                      "organization__path", "sort_key", "pk")
        for chunk in list_export.in_chunks(ordered):
            due = deadlines.for_candidates(chunk, today)
            for c in chunk:
                row = due.get(c.pk)
                if overdue_only and not (row and row.overdue):
                    continue
                yield (c.full_name, c.birth_date, c.get_gender_display(), c.organization.name, c.get_source_display(),
                       rules.STAGE_LABELS.get(c.stage, c.stage), c.stage_since, row.what if row else "",
                       row.due if row else None, row.days_left if row else None)

    return list_export.respond(
        request, title="Danh sách quần chúng ưu tú theo các bước kết nạp", org=org,
        period=f"Đến ngày {vn.format_date(today)}" + (" — chỉ hồ sơ quá hạn" if overdue_only else ""),
        columns=[t.Col("Họ và tên", width=26), t.Col("Ngày sinh", kind=t.DATE, width=12), t.Col("Giới tính", width=9),
                 t.Col("Chi bộ", width=32), t.Col("Nguồn", width=18), t.Col("Bước hiện tại", width=26),
                 t.Col("Từ ngày", kind=t.DATE, width=12), t.Col("Việc đến hạn", width=30),
                 t.Col("Hạn", kind=t.DATE, width=12), t.Col("Còn lại", kind=t.INTEGER, unit="ngày làm việc")],
        rows=rows(), filename=f"ket-nap-ho-so-{org.code}-{today:%Y%m%d}.xlsx")


@login_required
def due(request, pk):
    org = v.visible_org(request.scope, pk)
    today = timezone.localdate()
    candidates = v.candidates(request.scope).filter(organization_id__in=subtree(org))
    members = request.scope.members().filter(organization_id__in=subtree(org))
    rows = deadlines.due_list(candidates, members, today)
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Việc đến hạn và quá hạn trong công tác kết nạp đảng viên", org=org,
            period=f"Đến ngày {vn.format_date(today)}",
            columns=[t.Col("Họ và tên", width=26), t.Col("Chi bộ", width=32), t.Col("Việc", width=36),
                     t.Col("Hạn", kind=t.DATE, width=12), t.Col("Còn lại", kind=t.INTEGER, unit="ngày làm việc"),
                     t.Col("Quá hạn", width=9)],
            rows=((r.name, r.organization_name, r.what, r.due, r.days_left, "Có" if r.overdue else "") for r in rows),
            filename=f"ket-nap-den-han-{org.code}-{today:%Y%m%d}.xlsx")
    return render(request, "admission/due.html", {
        "org": org, "rows": rows, "overdue": sum(1 for r in rows if r.overdue), "today": today})
