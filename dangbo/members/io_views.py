"""Spreadsheet import and export of the member register (pages; the pipeline is core.tabular)."""
from __future__ import annotations

import base64

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.conf import settings
from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRedirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from dangbo.access.masking import Masker
from dangbo.audit import access_log
from dangbo.audit.models import AccessKind
from dangbo.core import list_export, tabular, vn
from dangbo.jobs import services as jobs
from dangbo.members import importer
from dangbo.members.views import filtered_members

MAX_UPLOAD_BYTES = jobs.MAX_UPLOAD_BYTES
ERRORS_SHOWN = 200


@login_required
def import_template(request):
    if not request.scope.can_write_anything:
        raise PermissionDenied
    return tabular.xlsx_download(importer.template_for(request.scope), "mau-nhap-dang-vien.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def import_members(request):
    """Upload form; on POST either "n members imported" or the table of errors (nothing written)."""
    if not request.scope.can_write_anything:
        raise PermissionDenied
    context = {"max_megabytes": MAX_UPLOAD_BYTES // (1024 * 1024), "spec": importer.MEMBER_SPEC}
    if request.method == "POST":
        upload = request.FILES.get("file")
        if jobs.runs_as_job(upload):
            # A big file: checked and written by `dangbo worker`; the job page shows the progress.
            job = jobs.start_member_import(request.user, upload)
            if request.htmx:
                return HttpResponseClientRedirect(job.get_absolute_url())
            return redirect(job)
        context.update(_handle_upload(request))
    template = "members/import_result.html" if request.htmx and request.method == "POST" else "members/import.html"
    # 200 even with errors: htmx swaps only successful responses into the page.
    return render(request, template, context)


def _handle_upload(request) -> dict:
    upload = request.FILES.get("file")
    if upload is None:
        return {"errors": [tabular.RowError(0, "", "Chưa chọn tệp.")], "error_count": 1}
    if upload.size > MAX_UPLOAD_BYTES:
        message = f"Tệp lớn quá {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; hãy chia thành nhiều tệp."
        return {"errors": [tabular.RowError(0, "", message)], "error_count": 1}
    result = importer.import_members(request.user, request.scope, upload, upload.name)
    access_log.bulk(request, AccessKind.IMPORT, f"Nhập đảng viên: {upload.name}",
                    row_count=result.table.row_count if result.table else None,
                    filters={"created": result.created, "errors": len(result.errors)})
    if result.errors:
        # The error file travels inside the page (data: link), so nothing is kept on the server.
        errors_file = base64.b64encode(tabular.errors_xlsx(result.errors)).decode()
        return {"errors": result.errors[:ERRORS_SHOWN], "error_count": len(result.errors),
                "errors_file": errors_file, "filename": upload.name, "row_count": result.table.row_count,
                "xlsx_type": tabular.XLSX_CONTENT_TYPE}
    return {"created": result.created, "filename": upload.name}


@login_required
def export_members(request):
    """The list exactly as filtered on the page (same filters, same scope), as .xlsx. A list of
    more than DANGBO_EXPORT_INLINE_MAX_ROWS members is written by a background job instead: the
    user follows it on the job page and downloads the file there."""
    member_filter, queryset = filtered_members(request)
    limit = settings.DANGBO_EXPORT_INLINE_MAX_ROWS
    if queryset.order_by()[:limit + 1].count() > limit:
        job = jobs.start_member_export(request.user, request.GET.urlencode())
        return redirect(job)
    org = request.scope.get_organization(member_filter.organization_id) if member_filter.organization_id else None
    today = timezone.localdate()
    return list_export.respond(
        request, title="Danh sách đảng viên", columns=importer.export_headers(),
        rows=importer.export_rows(queryset, Masker(request.scope, "members.Member")), org=org,
        period=f"Đến ngày {vn.format_date(today)}", filename=f"dang-vien-{today:%Y%m%d}.xlsx")
