"""Real headless Chromium: a leader opens the dashboard, drills down and downloads the reports."""
import io

import pytest
from docx import Document
from dangbo.core.testing import ExportedSheet

from dangbo.ratings.tests.factories import known_ratings, open_period, province_targets

pytestmark = pytest.mark.browser


def test_leader_drills_down_and_downloads_the_rollup(live_tree, page_as, live_server):
    known_ratings(live_tree)
    open_period(live_tree.province, 2025)
    province_targets(live_tree)
    page = page_as(live_tree.leader_province)
    page.goto(f"{live_server.url}/xep-loai/")
    page.select_option("#choose select[name=year]", "2025")
    page.click("#choose button[type=submit]")
    page.wait_for_selector("h1:has-text('Đảng bộ tỉnh Lai Châu')")
    page.wait_for_selector("#trend figure.chart-ready")
    assert page.locator("figure.chart-ready canvas").count() == 3
    assert "77,78%" in page.locator("#members-summary").inner_text()

    page.click("#units a.drill:has-text('Đảng bộ xã Bình Lư')")
    page.wait_for_selector("h1:has-text('Đảng bộ xã Bình Lư')")
    units = page.locator("#units").inner_text()
    assert "Đảng bộ Trường THPT Bình Lư" in units and "Chi bộ thôn Nà Tăm" in units

    with page.expect_download() as download_info:
        page.click("#export-xlsx")
    assert download_info.value.suggested_filename.endswith(".xlsx")
    with open(download_info.value.path(), "rb") as handle:
        rows = ExportedSheet(handle.read()).rows
    assert rows[-1][1] == "Toàn Đảng bộ xã Bình Lư" and rows[-1][2] == 7

    with page.expect_download() as download_info:
        page.click("#export-docx")
    with open(download_info.value.path(), "rb") as handle:
        doc = Document(io.BytesIO(handle.read()))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in doc.tables[0].rows[0].cells[1].text
    assert [row.cells[1].text for row in doc.tables[1].rows][-1] == "Toàn Đảng bộ xã Bình Lư"


def test_the_quota_warning_is_amber_and_a_closed_period_greys_out_the_cell_screen(live_tree, page_as, live_server):
    from dangbo.ratings.models import PeriodStatus, RatingPeriod

    known_ratings(live_tree)
    open_period(live_tree.province, 2025)
    page = page_as(live_tree.secretary_a1)
    url = f"{live_server.url}/xep-loai/{live_tree.cell_a1.pk}/2025/nhap-theo-chi-bo/"
    page.goto(url)
    warning = page.locator(".quota-warning").first
    assert warning.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 244, 214)"  # amber, not green
    save = page.locator("#cell-entry button[type=submit]")
    red = save.evaluate("e => getComputedStyle(e).backgroundColor")
    assert save.is_enabled() and page.locator("#cell-entry select").first.is_enabled()

    RatingPeriod.objects.update(status=PeriodStatus.CLOSED)
    page.goto(url)
    assert save.is_disabled() and page.locator("#cell-entry select").first.is_disabled()
    assert page.locator("#cell-entry input[type=checkbox]").first.is_disabled()
    greyed = save.evaluate("e => getComputedStyle(e).backgroundColor")
    assert greyed == "rgb(201, 196, 190)" and greyed != red
