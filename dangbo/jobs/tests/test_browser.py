"""In the browser: a member or rating file uploaded through the form becomes a job; its page
shows the progress bar, then (the worker having run) the result, all or nothing on a bad row."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dangbo.jobs.testing import run_queued_jobs
from dangbo.members.models import Member
from dangbo.members.tests.test_import import member_row, xlsx_upload
from dangbo.ratings.models import MemberRating
from dangbo.ratings.tests.factories import known_ratings, open_period
from dangbo.ratings.tests.test_views import _xlsx as ratings_xlsx

pytestmark = pytest.mark.browser


def submit_file(page, url, path, upload, file_input="#import-file", button="button[type=submit]"):
    """Upload `upload` (a file object) through the form at `url`; wait for the job page."""
    path.write_bytes(upload.read())
    page.goto(url)
    page.set_input_files(file_input, str(path))
    page.click(button)
    page.wait_for_url(re.compile(r"/cong-viec/\d+/$"))


def upload_through_the_form(page, live_server, tmp_path, rows):
    submit_file(page, f"{live_server.url}/dang-vien/nhap/", tmp_path / "dang-vien.xlsx", xlsx_upload(rows))


def test_clerk_follows_a_big_import_and_a_bad_row_writes_nothing(live_tree, page_as, live_server, tmp_path,
                                                                 settings):
    settings.DANGBO_IMPORT_INLINE_MAX_BYTES = 0
    page = page_as(live_tree.staff_a)
    code = live_tree.cell_a1.code
    upload_through_the_form(page, live_server, tmp_path, [
        member_row(code, name="Nguyễn Văn Mới", citizen_id="001085900001"),
        member_row(code, name="Trần 2", citizen_id="001085900002")])  # a digit in the name: a bad row
    expect(page.locator("#job-bar")).to_be_visible()
    expect(page.locator("#job-status")).to_have_text("Đang chờ")

    run_queued_jobs()

    expect(page.locator("#job-result")).to_contain_text("không dòng nào được ghi", timeout=10_000)
    expect(page.locator("#job-errors")).to_contain_text("Dòng 3")
    assert not Member.objects.filter(full_name="Nguyễn Văn Mới").exists()

    upload_through_the_form(page, live_server, tmp_path, [
        member_row(code, name="Nguyễn Văn Mới", citizen_id="001085900001")])
    run_queued_jobs()
    expect(page.locator("#job-result")).to_contain_text("Đã nhập 1 đảng viên", timeout=10_000)
    expect(page.locator("#job-bar")).to_have_attribute("value", "100")


def test_staff_follows_a_rating_file_job_to_the_dashboard(live_tree, page_as, live_server, tmp_path, settings):
    settings.DANGBO_IMPORT_INLINE_MAX_BYTES = 0
    known_ratings(live_tree)
    open_period(live_tree.province, 2025)
    an, binh, _ = live_tree.a1_members
    page = page_as(live_tree.staff_a)

    def upload(rows):
        submit_file(page, f"{live_server.url}/xep-loai/{live_tree.commune_a.pk}/2025/nhap-tu-tep/",
                    tmp_path / "xep-loai.xlsx", ratings_xlsx(rows), file_input="input[type=file]",
                    button="button:has-text('Kiểm tra và nhập')")

    upload([[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"],
            [binh.citizen_id, "Trần Thị Bình", "Giỏi", "15/12/2025", "Không"]])  # not a level: a bad row
    expect(page.locator("#job-status")).to_have_text("Đang chờ")
    run_queued_jobs()
    expect(page.locator("#job-result")).to_contain_text("không dòng nào được ghi", timeout=10_000)
    expect(page.locator("#job-errors")).to_contain_text("Dòng 3, cột «Mức xếp loại»")
    assert MemberRating.objects.get(member=an, year=2025).level == "htxsnv"

    upload([[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"]])
    run_queued_jobs()
    expect(page.locator("#job-result")).to_contain_text("Đã nhập 1 kết quả xếp loại", timeout=10_000)
    expect(page.locator("#job-bar")).to_have_attribute("value", "100")
    page.click("#job-result a:has-text('Xem kết quả')")
    page.wait_for_selector("h1:has-text('Đảng bộ xã Bình Lư')")
    assert MemberRating.objects.get(member=an, year=2025).level == "htnv"
