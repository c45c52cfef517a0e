"""Real headless Chromium: what a committee clerk does on the member pages."""
import pytest

pytestmark = pytest.mark.browser


def test_staff_searches_members_without_accents(live_tree, page_as, live_server):
    page = page_as(live_tree.staff_a)
    page.goto(f"{live_server.url}/dang-vien/")
    page.fill("input[name=q]", "nguyen van an")
    page.click("#member-filters button[type=submit]")
    rows = page.locator("#member-table tbody tr")
    assert rows.count() == 1
    assert "Nguyễn Văn An" in rows.first.inner_text()


def test_clerk_opens_the_tree_and_sees_member_counts(live_tree, page_as, live_server):
    page = page_as(live_tree.admin)
    page.goto(f"{live_server.url}/to-chuc/")
    page.get_by_role("button", name="Mở Đảng bộ tỉnh Lai Châu").click()
    page.wait_for_selector("text=Đảng bộ xã Bình Lư")
    assert "7 đảng viên" in page.locator("#org-tree").inner_text()
