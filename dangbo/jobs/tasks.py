"""The tasks `dangbo worker` runs. Progress is written to the Job row while the file is read
and checked (outside any transaction, so the page sees it); the write itself is one
transaction, all or nothing, as in the web request."""
from __future__ import annotations

import os

from django.utils import timezone
from django_tasks import task

from dangbo.jobs.models import Job, JobStatus

ERRORS_KEPT = 200


def _update(job_id: int, **fields) -> None:
    Job.objects.filter(pk=job_id).update(**fields)


@task()
def member_import(job_id: int) -> dict:
    from dangbo.access.scope import Scope
    from dangbo.core import tabular
    from dangbo.members import importer

    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        with open(job.stored_file, "rb") as handle:
            total = tabular.count_rows(handle, job.filename)
            _update(job_id, status=JobStatus.RUNNING, total=total, phase="Đang đọc và kiểm tra từng dòng")
            result = importer.import_members(job.created_by, Scope.for_user(job.created_by), handle, job.filename,
                                             progress=lambda done: _update(job_id, done=done))
        if result.errors:
            outcome = {"errors": [[e.row_number, e.field_header, e.message] for e in result.errors[:ERRORS_KEPT]],
                       "error_count": len(result.errors), "row_count": result.table.row_count}
            _update(job_id, status=JobStatus.FAILED, done=result.table.row_count, result=outcome,
                    phase="Tệp có lỗi: không dòng nào được ghi", finished_at=timezone.now())
        else:
            outcome = {"created": result.created}
            _update(job_id, status=JobStatus.DONE, done=result.created, result=outcome, phase="Đã nhập xong",
                    finished_at=timezone.now())
        return outcome
    except Exception as error:
        _update(job_id, status=JobStatus.FAILED, phase="Lỗi khi xử lý tệp", finished_at=timezone.now(),
                result={"errors": [[0, "", f"Lỗi hệ thống: {error.__class__.__name__}"]], "error_count": 1})
        raise
    finally:
        if os.path.exists(job.stored_file):
            os.remove(job.stored_file)


@task()
def rollup_rebuild(job_id: int) -> dict:
    from dangbo.rollups import engine

    _update(job_id, status=JobStatus.RUNNING, phase="Đang tính lại số liệu tổng hợp")
    written = engine.rebuild()
    _update(job_id, status=JobStatus.DONE, result={"rows": written}, phase="Đã tính lại xong",
            finished_at=timezone.now())
    return written
