"""A big member list export runs as a background job: the click only enqueues, the worker
writes the file under the user's scope and the list's filters, and only that user downloads
it (404 for anyone else, administrators included) until the retention period removes it."""
from __future__ import annotations

import io
import os
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dangbo.audit.models import AccessKind, AccessLogEntry
from dangbo.core.testing import ExportedSheet
from dangbo.jobs.models import Job, JobKind, JobStatus
from dangbo.jobs.testing import run_queued_jobs

COMMUNE_A = {"Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến", "Vàng Thị Dợ", "Phạm Minh Đức", "Hoàng Thị Én",
             "Tẩn Láo Sử"}


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.DANGBO_EXPORT_INLINE_MAX_ROWS = 2


def names_in(content: bytes) -> set[str]:
    """Every text cell of the workbook (whatever title rows or numbering the layout adds)."""
    sheet = load_workbook(io.BytesIO(content)).active
    return {value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)}


def export_as_job(client, **params) -> Job:
    response = client.get(reverse("members:export"), params)
    job = Job.objects.latest("pk")
    assert response.status_code == 302 and response.url == job.get_absolute_url() and job.kind == JobKind.MEMBER_EXPORT
    return job


def test_a_big_export_becomes_a_job_and_its_owner_downloads_the_file(tree, login):
    client = login(tree.staff_a)
    job = export_as_job(client, org=tree.commune_a.pk)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Xuất danh sách đảng viên" in page and "Đang chờ" in page and "every 1s" in page
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404  # nothing to download yet

    assert run_queued_jobs() == 1

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result == {"exported": 7} and job.percent == 100
    page = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert "Đã xuất 7 dòng" in page and reverse("jobs:download", args=[job.pk]) in page and "sau đó tự xóa" in page
    response = client.get(reverse("jobs:download", args=[job.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    sheet = ExportedSheet(response)
    names = set(sheet.column("Họ và tên"))
    assert COMMUNE_A <= names and "Lê Quang Huy" not in names  # the filter of the list: commune A only
    # The same layout as the export a click downloads: title rows, STT, header repeated on print.
    assert "DANH SÁCH ĐẢNG VIÊN" in sheet.title_text and sheet.column("STT") == list(range(1, 8))
    assert sheet.sheet.print_title_rows
    entry = AccessLogEntry.objects.filter(kind=AccessKind.EXPORT).latest("pk")
    assert entry.row_count == 7


def test_the_job_exports_within_the_scope_of_who_asked(tree, login):
    client = login(tree.secretary_a1)
    job = export_as_job(client)
    run_queued_jobs()
    names = names_in(b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content))
    assert {"Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến"} <= names
    assert not (COMMUNE_A - {"Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến"}) & names


def test_only_the_owner_downloads_the_file(tree, login):
    job = export_as_job(login(tree.staff_a), org=tree.commune_a.pk)
    run_queued_jobs()
    for user in (tree.admin, tree.leader_province, tree.secretary_a1, tree.member_user):
        assert login(user).get(reverse("jobs:download", args=[job.pk])).status_code == 404, user
    page = login(tree.admin).get(job.get_absolute_url()).content.decode()  # the admin sees the job, not the file
    assert "Đã xuất 7 dòng" in page and reverse("jobs:download", args=[job.pk]) not in page
    assert login(tree.staff_a).get(reverse("jobs:download", args=[job.pk])).status_code == 200


def test_the_file_is_removed_after_the_retention_period(tree, login, settings):
    settings.DANGBO_JOB_FILE_RETENTION_HOURS = 2
    client = login(tree.staff_a)
    job = export_as_job(client, org=tree.commune_a.pk)
    run_queued_jobs()
    job.refresh_from_db()
    path = job.output_file
    assert os.path.exists(path)
    assert timedelta(hours=1, minutes=59) < job.expires_at - timezone.now() <= timedelta(hours=2)

    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
    assert not os.path.exists(path)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Tệp đã được xóa sau 2 giờ lưu giữ" in page


def test_a_small_export_is_still_answered_inside_the_request(tree, login, settings):
    settings.DANGBO_EXPORT_INLINE_MAX_ROWS = 7
    response = login(tree.staff_a).get(reverse("members:export"), {"org": tree.commune_a.pk})
    assert response.status_code == 200 and not Job.objects.exists()
    assert COMMUNE_A <= names_in(b"".join(response.streaming_content))
