"""Real headless Chromium on a phone-wide screen: finding an organization by a few letters."""
from datetime import date

import pytest

from dangbo.core import vn

pytestmark = pytest.mark.browser


def test_clerk_types_a_few_letters_and_picks_the_cell_on_a_phone(live_tree, page_as, live_server):
    from dangbo.members.models import Member

    member = live_tree.a1_members[1]
    page = page_as(live_tree.staff_a)
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/dang-vien/{member.pk}/chuyen-sinh-hoat/")
    page.locator("#id_to_organization").press_sequentially("thon na", delay=30)
    choice = page.get_by_role("radio", name="Chi bộ thôn Nà Tăm — Đảng bộ xã Bình Lư — Đảng bộ tỉnh Lai Châu")
    choice.wait_for()
    assert "Chi bộ Giáo viên" not in page.locator(".orgpicker-results").inner_text()
    choice.check()
    # The choice stays, with its path; the list folds away.
    chosen = " ".join(page.locator(".orgpicker-current").inner_text().split())
    assert chosen == "Chi bộ thôn Nà Tăm — Đảng bộ xã Bình Lư — Đảng bộ tỉnh Lai Châu"
    assert page.locator(".orgpicker-results li").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill("input[name=date]", vn.format_date(date.today()))
    page.press("input[name=date]", "Tab")  # leaving the field closes the calendar, as a clerk does
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(f"{live_server.url}/dang-vien/{member.pk}/")
    assert Member.objects.get(pk=member.pk).organization_id == live_tree.village_cell.pk
    assert not problems, problems
