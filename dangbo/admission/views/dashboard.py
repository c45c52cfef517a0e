"""Progress against the yearly targets: dashboard with charts, .xlsx and .docx reports."""
from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from dangbo.admission import progress, reports, rules
from dangbo.admission import visibility as v
from dangbo.admission.views.common import child_units, period
from dangbo.core import charts, tabular, vn
from dangbo.core.party_docx import DOCX_CONTENT_TYPE
from dangbo.orgs.models import Organization


# -- progress dashboard and reports ---------------------------------------------------------------


def report_data(org: Organization, year: int, on: date) -> reports.Report:
    children = child_units(org)
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
            title="Tiến độ kết nạp theo quý", from_zero=True)
    return out


@login_required
def dashboard(request, pk):
    org = v.visible_org(request.scope, pk)
    year, on = period(request)
    report = report_data(org, year, on)
    return render(request, "admission/dashboard.html", {
        "org": org, "year": year, "on": on, "report": report, "charts": _charts(report),
        "proposed_total": report.proposed.get(org.pk, 0),
        "unit_rows": [(u, report.proposed.get(u.organization.pk, 0)) for u in report.children],
        "breakdowns": [(label, report.total.counts.breakdown[key], report.total.share(key))
                       for key, label in rules.BREAKDOWNS.items()], "can_write": request.scope.can_write(org),
    })


@login_required
def export(request, pk, fmt):
    org = v.visible_org(request.scope, pk)
    year, on = period(request)
    report = report_data(org, year, on)
    name = f"ket-nap-{year}-{org.code}"
    if fmt == "xlsx":
        return tabular.xlsx_download(reports.xlsx_bytes(report), f"{name}.xlsx")
    if fmt == "docx":
        response = HttpResponse(reports.docx_bytes(report), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.docx")
        return response
    raise Http404
