"""In a real browser: a unit comments on paragraph 3 with new wording; the drafting team accepts it."""
from datetime import timedelta

import pytest
from django.utils import timezone

from dangbo.access.models import Role
from dangbo.congress import services
from dangbo.congress.models import CongressKind, DocumentKind
from dangbo.congress.synthesis import Decision
from dangbo.congress.tests.factories import DRAFT_V1
from dangbo.core.testing import make_user

NEW_WORDING = "Công tác kết nạp đảng viên được chú trọng, nhiệm kỳ qua kết nạp 712 đảng viên."


@pytest.mark.browser
def test_unit_proposes_wording_and_drafting_team_accepts_it(live_tree, page_as, live_server):
    tree = live_tree
    drafting = make_user("tochuc_tinh", Role.STAFF, tree.province)
    congress = services.create_congress(drafting, tree.province, kind=CongressKind.DELEGATES, ordinal=15,
                                        term="2025-2030", delegates_summoned=250)
    document = services.create_document(drafting, congress, DocumentKind.POLITICAL_REPORT, "Báo cáo chính trị")
    version = services.add_version_from_text(drafting, document, DRAFT_V1)
    round_ = services.create_round(drafting, version, title="Lấy ý kiến dự thảo 1",
                                   deadline=timezone.localdate() + timedelta(days=7),
                                   recipients=[tree.commune_a, tree.commune_b])

    unit = page_as(tree.staff_a)
    unit.goto(f"{live_server.url}/dai-hoi/")
    unit.click("text=Lấy ý kiến dự thảo 1")
    paragraph = unit.locator("#doan-3")
    paragraph.locator("summary").click()
    paragraph.locator("select[name=kind]").select_option("proposal")
    paragraph.locator("textarea[name=proposed_text]").fill(NEW_WORDING)
    paragraph.locator("textarea[name=text]").fill("Nêu số liệu chính xác.")
    paragraph.locator("button[type=submit]").click()
    unit.wait_for_selector("text=Đã ghi nhận ý kiến.")
    assert NEW_WORDING in unit.locator("#doan-3").inner_text()
    unit.click("text=Gửi ý kiến của đơn vị")
    unit.wait_for_selector("text=đã gửi ý kiến")

    team = page_as(drafting)
    team.goto(f"{live_server.url}/dai-hoi/lay-y-kien/{round_.pk}/")
    assert "chưa trả lời 1" in team.content()
    team.goto(f"{live_server.url}/dai-hoi/lay-y-kien/{round_.pk}/tong-hop/")
    team.click("#group")
    row = team.locator("tr.item", has_text="Đoạn 3")
    assert NEW_WORDING in row.inner_text() and tree.commune_a.name in row.inner_text()
    row.locator("select[name$=decision]").select_option(Decision.ACCEPTED.value)
    row.locator("button", has_text="Lưu").click()
    team.wait_for_selector("text=Đã lưu hướng xử lý.")
    assert "Tiếp thu" in team.locator("tr.item", has_text="Đoạn 3").locator(".decision").inner_text()
    assert round_.items.get().decision == Decision.ACCEPTED.value
