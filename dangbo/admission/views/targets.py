"""Yearly targets (entered, split from the parent's, imported from Excel) and the hamlet lists."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from dangbo.admission import importing, progress, services
from dangbo.admission import visibility as v
from dangbo.admission.forms import HamletForm, ImportForm, SplitForm, TargetForm
from dangbo.admission.views.common import attach, child_units, messages_of, period, subtree
from dangbo.core import list_export, tabular


# -- targets and hamlets ----------------------------------------------------------------------


@login_required
def targets(request, pk):
    org = v.visible_org(request.scope, pk)
    year, _ = period(request)
    children = child_units(org)
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
            for message in messages_of(error):
                messages.error(request, message)
        return redirect(f"{request.path}?nam={year}")
    rows = [(unit, current.get(unit.pk)) for unit in [org, *children]]
    return render(request, "admission/targets.html", {
        "org": org, "year": year, "rows": rows, "can_write": can_write, "import_form": ImportForm(),
        "split_form": SplitForm()})


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
                attach(form, error)
    rows = v.hamlets(request.scope).filter(organization_id__in=subtree(org)).select_related("organization")
    filter_value = request.GET.get("loc")
    if filter_value == "chua_co_dang_vien":
        rows = rows.filter(member_count=0)
    elif filter_value == "chua_co_chi_bo":
        rows = rows.filter(has_cell=False)
    if list_export.wanted(request):
        t = tabular
        return list_export.respond(
            request, title="Thôn, tổ dân phố và đảng viên, chi bộ", org=org,
            columns=[t.Col("Tên", width=30), t.Col("Loại", width=14), t.Col("Đơn vị quản lý", width=32),
                     t.Col("Số đảng viên", kind=t.INTEGER, unit="người"), t.Col("Đã có chi bộ", width=10),
                     t.Col("Cập nhật ngày", kind=t.DATE, width=12)],
            rows=list_export.rows_of(rows.order_by("organization__path", "name"), lambda h: (
                h.name, h.get_kind_display(), h.organization.name, h.member_count, "Có" if h.has_cell else "Chưa",
                h.updated_on)))
    return render(request, "admission/hamlets.html", {
        "org": org, "rows": rows.order_by("organization__path", "name")[:2000], "form": form,
        "summary": progress.hamlets(org), "can_write": request.scope.can_write(org), "loc": filter_value})
