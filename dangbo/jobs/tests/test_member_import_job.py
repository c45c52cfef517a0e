"""A big member file runs as a background job: the upload only enqueues, `dangbo worker` checks
and writes it all or nothing, and the job page shows progress and the result to its owner."""
from __future__ import annotations

import pytest
from django.urls import reverse

from dangbo.jobs.models import Job, JobStatus
from dangbo.jobs.testing import run_queued_jobs
from dangbo.members.models import Member
from dangbo.members.tests.test_import import member_row, xlsx_upload


@pytest.fixture(autouse=True)
def every_upload_is_a_job(settings):
    settings.DANGBO_IMPORT_INLINE_MAX_BYTES = 0


def upload(client, rows):
    return client.post(reverse("members:import"), {"file": xlsx_upload(rows)})


def rows_for(tree, bad=False):
    code = tree.cell_a1.code
    return [member_row(code, name="Nguyễn Văn Mới", citizen_id="001085900001"),
            member_row(code, name="Trần Thị Hai" if not bad else "Trần 2", citizen_id="001085900002")]


def test_staff_uploads_a_big_file_the_worker_imports_it_and_the_page_shows_the_result(tree, login):
    client = login(tree.staff_a)
    response = upload(client, rows_for(tree))
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Đang chờ" in page and 'id="job-bar"' in page and "every 1s" in page  # polls while queued
    assert not Member.objects.filter(full_name="Nguyễn Văn Mới").exists()  # the request only enqueued

    run_queued_jobs()

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result == {"created": 2}
    assert Member.objects.filter(full_name__in=["Nguyễn Văn Mới", "Trần Thị Hai"]).count() == 2
    page = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert "Đã nhập 2 đảng viên" in page and "every 1s" not in page


def test_a_bad_row_writes_nothing_and_the_job_lists_the_error(tree, login):
    client = login(tree.staff_a)
    upload(client, rows_for(tree, bad=True))
    run_queued_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and job.result["error_count"] == 1
    assert not Member.objects.filter(full_name="Nguyễn Văn Mới").exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Dòng 3, cột «Họ và tên»" in page and "không dòng nào được ghi" in page


def test_a_job_is_seen_by_its_owner_and_admins_only(tree, login):
    upload(login(tree.staff_a), rows_for(tree))
    job = Job.objects.get()
    for user, status in ((tree.admin, 200), (tree.staff_a, 200), (tree.leader_province, 404),
                         (tree.secretary_a1, 404), (tree.member_user, 404)):
        client = login(user)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == status, user
        assert client.get(reverse("jobs:progress", args=[job.pk])).status_code == status, user


def test_a_small_file_is_still_imported_inside_the_request(tree, login, settings):
    settings.DANGBO_IMPORT_INLINE_MAX_BYTES = 10 * 1024 * 1024
    response = upload(login(tree.staff_a), rows_for(tree))
    assert response.status_code == 200 and not Job.objects.exists()
    assert Member.objects.filter(full_name="Nguyễn Văn Mới").exists()
