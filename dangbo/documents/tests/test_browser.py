"""A real browser: searching without diacritics finds the resolution by its number."""
from datetime import date

import pytest

from dangbo.documents import services
from dangbo.documents.tests.factories import document, issuer


@pytest.mark.browser
def test_search_nghi_quyet_02_finds_02_nq_duk(live_tree, page_as, live_server):
    tree = live_tree
    bloc = issuer(tree.commune_a, "ĐUK", "Đảng ủy Khối các cơ quan")
    resolution = document(tree.admin, bloc, "02-NQ/ĐUK", issued_on=date(2011, 7, 4), khoa=6,
                          title="Về xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh giai đoạn 2011-2015")
    document(tree.admin, bloc, "03-NQ/ĐUK", issued_on=date(2011, 7, 4),
             title="Về tăng cường sự lãnh đạo của cấp ủy đảng đối với Đoàn TNCS Hồ Chí Minh cơ sở")
    target = services.add_target(tree.admin, resolution, wording="Có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh",
                                 target_value=90, deadline=date(2015, 12, 31))
    services.add_progress(tree.admin, target, period_end=date(2015, 12, 31), value=94)

    page = page_as(tree.staff_a)
    page.goto(f"{live_server.url}/van-ban/")
    page.get_by_label("Tìm văn bản").fill("nghi quyet 02")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url("**/van-ban/?q=nghi+quyet+02**")
    rows = page.locator("#documents tbody tr")
    assert rows.count() == 1
    assert "Số 02-NQ/ĐUK" in rows.first.inner_text()

    rows.first.get_by_role("link", name="Số 02-NQ/ĐUK").click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Nghị quyết số 02-NQ/ĐUK"
    assert "đạt và vượt 1/1 chỉ tiêu" in page.locator(".scorecard").inner_text().lower()
