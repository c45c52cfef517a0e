"""The job page: progress while it runs (htmx polls the progress fragment), then the result.
A job is seen by the user who started it and by administrators; anyone else gets 404."""
from __future__ import annotations

import base64

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from dangbo.core import tabular
from dangbo.jobs.models import Job


def visible_job(request, pk) -> Job:
    job = Job.objects.filter(pk=pk).first()
    if job is None or not (request.scope.is_admin or job.created_by_id == request.user.pk):
        raise Http404("Không tìm thấy công việc.")
    return job


def _context(job: Job) -> dict:
    context = {"job": job}
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
    return render(request, "jobs/detail.html", _context(visible_job(request, pk)))


@login_required
def progress(request, pk):
    return render(request, "jobs/_progress.html", _context(visible_job(request, pk)))
