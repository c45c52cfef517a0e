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


def test_two_clerks_edit_one_member_and_the_second_sees_the_conflict(live_tree, page_as, live_server):
    from dangbo.members.models import Member

    member = live_tree.a1_members[0]
    url = f"{live_server.url}/dang-vien/{member.pk}/sua/"
    first, second = page_as(live_tree.staff_a), page_as(live_tree.secretary_a1)
    first.goto(url)
    second.goto(url)  # both forms show the same record
    first.fill("input[name=home_town]", "Xã Bình Lư")
    first.click("button[type=submit]")
    first.wait_for_url(f"{live_server.url}/dang-vien/{member.pk}/")
    second.fill("input[name=home_town]", "Xã Nậm Tăm")
    second.click("button[type=submit]")
    message = second.locator(".error-summary").first.inner_text()
    assert "Hồ sơ đã được người khác sửa" in message
    assert "«Quê quán»: người khác đã lưu «Xã Bình Lư», bạn nhập «Xã Nậm Tăm»" in message
    assert second.input_value("input[name=home_town]") == "Xã Nậm Tăm"  # nothing typed is lost
    assert Member.objects.get(pk=member.pk).home_town == "Xã Bình Lư"
