"""Starting jobs: the web request stores the upload, records the Job and enqueues its task in
the same transaction (the database backend's queue row commits with it); `dangbo worker`
runs it."""
from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import vn
from dangbo.jobs.models import Job, JobKind


def jobs_dir() -> Path:
    path = Path(settings.VAR_DIR) / "jobs"
    path.mkdir(parents=True, exist_ok=True)
    return path


@transaction.atomic
def start_member_import(user, upload) -> Job:
    """Keep the uploaded file under VAR_DIR/jobs and queue its import."""
    from dangbo.jobs import tasks

    name = vn.nfc(Path(upload.name).name)
    stored = jobs_dir() / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    with open(stored, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    job = Job.objects.create(kind=JobKind.MEMBER_IMPORT, created_by=user, filename=name, stored_file=str(stored),
                             phase="Đang chờ xử lý")
    audit.record(user, AuditAction.CREATE, job, note=f"Nhập đảng viên từ tệp {name} (chạy nền)")
    tasks.member_import.enqueue(job.pk)
    return job


@transaction.atomic
def start_rollup_rebuild(user) -> Job:
    from dangbo.jobs import tasks

    job = Job.objects.create(kind=JobKind.ROLLUP_REBUILD, created_by=user, phase="Đang chờ xử lý")
    audit.record(user, AuditAction.CREATE, job, note="Tính lại số liệu tổng hợp (chạy nền)")
    tasks.rollup_rebuild.enqueue(job.pk)
    return job
