"""On a phone (390×844): the cell secretary opens this month's meeting, marks attendance for
the whole cell and signs the minutes; the member then sees the meeting and their attendance
on their own page. No page of the flow scrolls sideways."""
import pytest
from django.utils import timezone

from dangbo.core.testing import PASSWORD
from dangbo.meetings import services
from dangbo.meetings.models import Kind, Minutes

PHONE = {"width": 390, "height": 844}


def phone_page(browser, live_server, user):
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return context, page


def assert_no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide at {PHONE['width']} px"


@pytest.mark.browser
def test_secretary_runs_the_monthly_meeting_on_a_phone(live_tree, browser, live_server):
    tree = live_tree
    meeting = services.plan_meeting(tree.admin, tree.cell_a1, date=timezone.localdate(), kind=Kind.REGULAR,
                                    place="Phòng họp tổ Toán")
    an, binh, chien = tree.a1_members

    context, page = phone_page(browser, live_server, tree.secretary_a1)
    page.goto(f"{live_server.url}/sinh-hoat/")
    assert_no_sideways_scroll(page)
    page.click(f"text={meeting.title}")
    assert_no_sideways_scroll(page)
    page.click("text=Điểm danh >> nth=0")
    page.wait_for_selector("#attendance-form")
    assert_no_sideways_scroll(page)
    page.check(f"input[name=p{binh.pk}][value=vang_co_ly_do]")
    page.fill(f"input[name=r{binh.pk}]", "Đi công tác")
    page.click("text=Lưu điểm danh")
    page.wait_for_selector("text=Đã điểm danh: 2 có mặt, 1 vắng có lý do")
    page.click("text=Ghi biên bản")
    page.fill("input[name=chair]", an.full_name)
    page.fill("input[name=secretary]", chien.full_name)
    page.fill("textarea[name=resolution]", "Chi bộ hoàn thành nhiệm vụ tháng.")
    assert_no_sideways_scroll(page)
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã lưu biên bản.")
    page.click("#sign")
    page.wait_for_selector("#signed")
    assert_no_sideways_scroll(page)
    context.close()
    assert Minutes.objects.get(meeting=meeting).is_locked

    context, page = phone_page(browser, live_server, tree.member_user)
    page.goto(f"{live_server.url}/sinh-hoat/cua-toi/")
    assert_no_sideways_scroll(page)
    attendance = page.locator("#my-attendance").inner_text()
    assert "Sinh hoạt thường kỳ: Có mặt" in attendance
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    assert "Phòng họp tổ Toán" in page.content() and "Có mặt" in page.locator("#my-attendance").inner_text()
    assert_no_sideways_scroll(page)
    context.close()
