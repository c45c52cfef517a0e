"""The job page: progress while it runs (htmx polls the progress fragment), then the result.
A job is seen by the user who started it and by administrators; anyone else gets 404. The
file an export job produced is downloaded by the user who started it only (404 for anyone
else, administrators included), until its retention ends."""
from __future__ import annotations

import base64

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render

from dangbo.audit import access_log
from dangbo.audit.models import AccessKind
from dangbo.core import tabular
from dangbo.jobs import services
from dangbo.jobs.models import Job


def visible_job(request, pk) -> Job:
    job = Job.objects.filter(pk=pk).first()
    if job is None or not (request.scope.is_admin or job.created_by_id == request.user.pk):
        raise Http404("Không tìm thấy công việc.")
    return job


def _context(request, job: Job) -> dict:
    context = {"job": job, "own": job.created_by_id == request.user.pk,
               "retention_hours": services.retention().total_seconds() / 3600}
    errors = job.result.get("errors") if job.finished else None
    if errors:
        rows = [tabular.RowError(*error) for error in errors]
        context["errors"] = rows
        context["errors_file"] = base64.b64encode(tabular.errors_xlsx(rows)).decode()
        context["xlsx_type"] = tabular.XLSX_CONTENT_TYPE
    return context


@login_required
def index(request):
    jobs = Job.objects.all() if request.scope.is_admin else Job.objects.filter(created_by=request.user)
    return render(request, "jobs/index.html", {"jobs": jobs[:50]})


@login_required
def detail(request, pk):
    return render(request, "jobs/detail.html", _context(request, visible_job(request, pk)))


@login_required
def progress(request, pk):
    return render(request, "jobs/_progress.html", _context(request, visible_job(request, pk)))


@login_required
def download(request, pk):
    services.purge_expired_files()
    job = Job.objects.filter(pk=pk, created_by=request.user).first()
    if job is None or not job.downloadable:
        raise Http404("Không tìm thấy tệp (chỉ người yêu cầu tải được, và chỉ trong thời gian lưu giữ).")
    try:
        handle = open(job.output_file, "rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    access_log.bulk(request, AccessKind.EXPORT, f"{job.get_kind_display()} (chạy nền): {job.output_name}",
                    filters=job.params, row_count=job.result.get("exported"))
    return FileResponse(handle, as_attachment=True, filename=job.output_name, content_type=tabular.XLSX_CONTENT_TYPE)
