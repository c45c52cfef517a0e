"""A big rating file runs as a background job, as the member import does: the upload only
enqueues, the worker checks every row and writes all or nothing, the job page shows the
progress and the result (or every bad row, in Vietnamese) to its owner."""
from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dangbo.inspection.testing import discipline_member
from dangbo.jobs.models import Job, JobKind, JobStatus
from dangbo.jobs.testing import run_queued_jobs
from dangbo.ratings.models import MemberRating
from dangbo.ratings.tests.factories import known_ratings, open_period
from dangbo.ratings.tests.test_views import _xlsx as ratings_xlsx

YEAR = 2025


@pytest.fixture
def rated(tree, settings):
    settings.DANGBO_IMPORT_INLINE_MAX_BYTES = 0  # every upload is a job
    known_ratings(tree)
    open_period(tree.province, YEAR)
    return tree


def upload(client, tree, rows):
    return client.post(reverse("ratings:import", args=[tree.commune_a.pk, YEAR]), {"file": ratings_xlsx(rows)})


def test_a_rating_file_becomes_a_job_and_the_worker_writes_it(rated, login):
    client = login(rated.staff_a)
    an, binh, _ = rated.a1_members
    response = upload(client, rated, [[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"],
                                      [binh.citizen_id, "Trần Thị Bình", "HTTNV", "15/12/2025", "Không"]])
    job = Job.objects.get()
    assert job.kind == JobKind.RATING_IMPORT and response.status_code == 302 and response.url == job.get_absolute_url()
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htxsnv"  # the request only enqueued
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Nhập xếp loại đảng viên từ tệp" in page and "Đang chờ" in page and "every 1s" in page

    assert run_queued_jobs() == 1

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["created"] == 2 and job.percent == 100
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htnv"
    assert MemberRating.objects.get(member=binh, year=YEAR).level == "httnv"
    page = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert "Đã nhập 2 kết quả xếp loại từ tệp xep-loai.xlsx" in page and "every 1s" not in page
    assert reverse("ratings:dashboard", args=[rated.commune_a.pk, YEAR]) in page


def test_every_bad_row_is_reported_and_nothing_is_written(rated, login):
    client = login(rated.staff_a)
    an, binh, _ = rated.a1_members
    huy = rated.b1_members[0]  # outside commune A
    discipline_member(binh, date(2025, 8, 1))
    upload(client, rated, [[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"],
                           [huy.citizen_id, "Lê Quang Huy", "HTTNV", "15/12/2025", "Không"],
                           [an.citizen_id + "9", "Nguyễn Văn An", "Giỏi", "31/02/2025", "Không"]])
    run_queued_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and job.result["error_count"] >= 3
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htxsnv"  # row 2 was good: still not written
    page = client.get(job.get_absolute_url()).content.decode()
    assert "không dòng nào được ghi" in page
    assert "Dòng 3" in page and "Không tìm thấy đảng viên trong" in page
    assert "Dòng 4, cột «Số CCCD»" in page and "Dòng 4, cột «Mức xếp loại»" in page
    assert "Dòng 4, cột «Ngày xếp loại»" in page


def test_a_capped_row_fails_the_whole_job(rated, login):
    client = login(rated.staff_a)
    an, binh, _ = rated.a1_members
    discipline_member(binh, date(2025, 8, 1))
    upload(client, rated, [[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"],
                           [binh.citizen_id, "Trần Thị Bình", "HTTNV", "15/12/2025", "Có"]])
    run_queued_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert "Trần Thị Bình: xếp loại" in client.get(job.get_absolute_url()).content.decode()
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htxsnv"


def test_only_those_who_may_write_the_unit_can_start_the_job(rated, login):
    an = rated.a1_members[0]
    rows = [[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"]]
    assert upload(login(rated.leader_province), rated, rows).status_code == 403  # reads the province, writes nothing
    assert upload(login(rated.secretary_a1), rated, rows).status_code == 404  # the commune is above their cell
    assert not Job.objects.exists()


def test_the_form_states_a_size_limit_not_a_row_cap(rated, login):
    """No row limit any more (as for members): only the upload size bounds a file."""
    page = login(rated.staff_a).get(reverse("ratings:import", args=[rated.commune_a.pk, YEAR])).content.decode()
    assert "tối đa 30 MB" in page and "dòng, theo" not in page


def test_a_small_file_is_still_imported_inside_the_request(rated, login, settings):
    settings.DANGBO_IMPORT_INLINE_MAX_BYTES = 10 * 1024 * 1024
    an = rated.a1_members[0]
    response = upload(login(rated.staff_a), rated, [[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"]])
    assert response.status_code == 302 and not Job.objects.exists()
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htnv"
