"""The tasks `dangbo worker` runs. Progress is written to the Job row while the file is read
and checked (outside any transaction, so the page sees it); the write itself is one
transaction, all or nothing, as in the web request."""
from __future__ import annotations

import os
from collections.abc import Callable

from django.utils import timezone
from django_tasks import task

from dangbo.jobs.models import Job, JobStatus

ERRORS_KEPT = 200
EXPORT_PROGRESS_EVERY = 1000


def _update(job_id: int, **fields) -> None:
    Job.objects.filter(pk=job_id).update(**fields)


def _failed(job_id: int, phase: str, error: Exception) -> None:
    _update(job_id, status=JobStatus.FAILED, phase=phase, finished_at=timezone.now(),
            result={"errors": [[0, "", f"Lỗi hệ thống: {error.__class__.__name__}"]], "error_count": 1})


def _run_import(job_id: int, check_and_write: Callable) -> dict:
    """Count the rows, then `check_and_write(job, handle, progress)` -> (errors, row_count,
    created, extra result); the outcome goes to the job row. All or nothing is the callee's."""
    from dangbo.core import tabular
    from dangbo.jobs import services

    services.purge_expired_files()
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with open(job.stored_file, "rb") as handle:
            total = tabular.count_rows(handle, job.filename)
            _update(job_id, status=JobStatus.RUNNING, total=total, phase="Đang đọc và kiểm tra từng dòng")
            errors, row_count, created, extra = check_and_write(job, handle, lambda done: _update(job_id, done=done))
        if errors:
            outcome = {"errors": [[e.row_number, e.field_header, e.message] for e in errors[:ERRORS_KEPT]],
                       "error_count": len(errors), "row_count": row_count}
            _update(job_id, status=JobStatus.FAILED, done=row_count, result=outcome,
                    phase="Tệp có lỗi: không dòng nào được ghi", finished_at=timezone.now())
        else:
            outcome = {"created": created, **extra}
            _update(job_id, status=JobStatus.DONE, done=created, result=outcome, phase="Đã nhập xong",
                    finished_at=timezone.now())
        return outcome
    except Exception as error:
        _failed(job_id, "Lỗi khi xử lý tệp", error)
        raise
    finally:
        if os.path.exists(job.stored_file):
            os.remove(job.stored_file)


@task()
def member_import(job_id: int) -> dict:
    from dangbo.access.scope import Scope
    from dangbo.members import importer

    def check_and_write(job, handle, progress):
        result = importer.import_members(job.created_by, Scope.for_user(job.created_by), handle, job.filename,
                                         progress=progress)
        return result.errors, result.table.row_count, result.created, {}

    return _run_import(job_id, check_and_write)


@task()
def rating_import(job_id: int) -> dict:
    from django.urls import reverse

    from dangbo.orgs.models import Organization
    from dangbo.ratings import importing

    def check_and_write(job, handle, progress):
        org, year = Organization.objects.get(pk=job.params["organization"]), job.params["year"]
        table, checker = importing.load(org, year, handle, job.filename, progress=progress)
        created = importing.write(job.created_by, checker, table) if table.ok else 0
        return table.errors, table.row_count, created, {"url": reverse("ratings:dashboard", args=[org.pk, year])}

    return _run_import(job_id, check_and_write)


@task()
def rollup_rebuild(job_id: int) -> dict:
    from dangbo.rollups import engine

    _update(job_id, status=JobStatus.RUNNING, phase="Đang tính lại số liệu tổng hợp")
    written = engine.rebuild()
    _update(job_id, status=JobStatus.DONE, result={"rows": written}, phase="Đã tính lại xong",
            finished_at=timezone.now())
    return written


@task()
def member_export(job_id: int) -> dict:
    """The member list as filtered on the page, under the owner's scope and masking, to a file
    only the owner downloads (jobs:download) until its retention ends."""
    from django.http import QueryDict

    from dangbo.access.masking import Masker
    from dangbo.access.scope import Scope
    from dangbo.core import list_export, tabular, vn
    from dangbo.jobs import services
    from dangbo.members import importer
    from dangbo.members.filters import MemberFilter

    services.purge_expired_files()
    job = Job.objects.select_related("created_by").get(pk=job_id)
    path = services.output_path(".xlsx")
    try:
        scope = Scope.for_user(job.created_by)
        member_filter = MemberFilter.from_params(QueryDict(job.params.get("query", "")))
        if member_filter.organization_id:
            scope.get_organization(member_filter.organization_id)  # 404 (job fails) if no longer in scope
        queryset = member_filter.apply(scope.members(), timezone.localdate())
        total = queryset.order_by().count()
        _update(job_id, status=JobStatus.RUNNING, total=total, phase="Đang ghi danh sách ra tệp")

        exported = 0

        def rows():
            nonlocal exported
            for exported, row in enumerate(importer.export_rows(queryset, Masker(scope, "members.Member")), start=1):
                if exported % EXPORT_PROGRESS_EVERY == 0:
                    _update(job_id, done=exported)
                yield row

        # The same title rows and layout as the export a click downloads (core.list_export).
        org = (scope.get_organization(member_filter.organization_id) if member_filter.organization_id
               else list_export.top_organization(scope))
        heading = list_export.sheet_heading(org, "Danh sách đảng viên",
                                            period=f"Đến ngày {vn.format_date(timezone.localdate())}")
        tabular.write_xlsx_file(path, importer.export_headers(), rows(), "Đảng viên", heading=heading)
        outcome = {"exported": exported}
        _update(job_id, status=JobStatus.DONE, done=exported, result=outcome, output_file=str(path),
                output_name=job.filename, expires_at=timezone.now() + services.retention(),
                phase="Đã xuất xong", finished_at=timezone.now())
        return outcome
    except Exception as error:
        if path.exists():
            path.unlink()
        _failed(job_id, "Lỗi khi xuất danh sách", error)
        raise
