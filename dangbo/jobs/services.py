"""Starting jobs: the web request stores the upload, records the Job and enqueues its task in
the same transaction (the database backend's queue row commits with it); `dangbo worker`
runs it. Files a job produces (exports) are kept for DANGBO_JOB_FILE_RETENTION_HOURS, then
removed by `purge_expired_files` (run before every job and on every download)."""
from __future__ import annotations

import os
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import vn
from dangbo.jobs.models import Job, JobKind

# The largest upload any import accepts; files above DANGBO_IMPORT_INLINE_MAX_BYTES run as a job.
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


def jobs_dir() -> Path:
    path = Path(settings.VAR_DIR) / "jobs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def runs_as_job(upload) -> bool:
    """True for an upload too big to check and write inside the request (and not too big at all)."""
    return upload is not None and MAX_UPLOAD_BYTES >= upload.size > settings.DANGBO_IMPORT_INLINE_MAX_BYTES


def _store_upload(upload) -> tuple[str, Path]:
    name = vn.nfc(Path(upload.name).name)
    stored = jobs_dir() / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    with open(stored, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return name, stored


def _start_import(user, upload, kind: str, note: str, params: dict | None = None) -> Job:
    from dangbo.jobs import tasks

    name, stored = _store_upload(upload)
    job = Job.objects.create(kind=kind, created_by=user, filename=name, stored_file=str(stored),
                             params=params or {}, phase="Đang chờ xử lý")
    audit.record(user, AuditAction.CREATE, job, note=f"{note} {name} (chạy nền)")
    {JobKind.MEMBER_IMPORT: tasks.member_import, JobKind.RATING_IMPORT: tasks.rating_import}[kind].enqueue(job.pk)
    return job


@transaction.atomic
def start_member_import(user, upload) -> Job:
    """Keep the uploaded file under VAR_DIR/jobs and queue its import."""
    return _start_import(user, upload, JobKind.MEMBER_IMPORT, "Nhập đảng viên từ tệp")


@transaction.atomic
def start_rating_import(user, organization, year: int, upload) -> Job:
    """The same for a rating file of `organization`'s subtree (checked writable by the caller)."""
    return _start_import(user, upload, JobKind.RATING_IMPORT, f"Nhập xếp loại năm {year} của {organization.name} từ tệp",
                         params={"organization": organization.pk, "year": year})


@transaction.atomic
def start_rollup_rebuild(user) -> Job:
    from dangbo.jobs import tasks

    job = Job.objects.create(kind=JobKind.ROLLUP_REBUILD, created_by=user, phase="Đang chờ xử lý")
    audit.record(user, AuditAction.CREATE, job, note="Tính lại số liệu tổng hợp (chạy nền)")
    tasks.rollup_rebuild.enqueue(job.pk)
    return job


@transaction.atomic
def start_member_export(user, query: str) -> Job:
    """The member list with the filters of `query` (the list page's query string), written to a
    file by the worker under the user's scope as it stands when the job runs."""
    from dangbo.jobs import tasks

    stamp = timezone.localdate().strftime("%Y%m%d")
    job = Job.objects.create(kind=JobKind.MEMBER_EXPORT, created_by=user, params={"query": query},
                             filename=f"dang-vien-{stamp}.xlsx", phase="Đang chờ xử lý")
    audit.record(user, AuditAction.CREATE, job, note="Xuất danh sách đảng viên (chạy nền)")
    tasks.member_export.enqueue(job.pk)
    return job


def output_path(suffix: str) -> Path:
    return jobs_dir() / f"{uuid.uuid4().hex}{suffix}"


def retention() -> timedelta:
    return timedelta(hours=settings.DANGBO_JOB_FILE_RETENTION_HOURS)


def purge_expired_files(now=None) -> int:
    """Remove the files of jobs past their retention; the job stays, without its file."""
    now = now or timezone.now()
    expired = list(Job.objects.filter(expires_at__lte=now).exclude(output_file="").values_list("pk", "output_file"))
    for _, path in expired:
        if os.path.exists(path):
            os.remove(path)
    Job.objects.filter(pk__in=[pk for pk, _ in expired]).update(output_file="")
    return len(expired)
