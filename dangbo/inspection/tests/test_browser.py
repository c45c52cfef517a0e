"""In a real browser: an inspection officer records a conclusion with two recommendations; the
unit marks one done with evidence; the follow-up list shows 1 done, 1 open."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from dangbo.inspection import rules, services
from dangbo.inspection.models import CaseOrigin
from dangbo.inspection.testing import make_inspector


@pytest.mark.browser
def test_conclusion_with_two_recommendations_followed_until_one_is_done(live_tree, page_as, live_server):
    tree = live_tree
    inspector = make_inspector("kiemtra_tinh", tree.province)
    case = services.open_case(inspector, tree.province, kind=rules.TASK_COMPLIANCE, origin=CaseOrigin.COMPLAINT,
                              title="Kiểm tra việc thực hiện Chỉ thị 50 tại Chi bộ Giáo viên 1",
                              complaint_summary="Phản ánh sinh hoạt chi bộ không đều", opened_on=date(2025, 9, 1),
                              subject_organization=tree.cell_a1)
    deadline = (timezone.localdate() + timedelta(days=30)).strftime("%d/%m/%Y")

    officer = page_as(inspector)
    officer.goto(f"{live_server.url}{case.get_absolute_url()}")
    officer.fill("textarea[name=findings]", "Chi bộ sinh hoạt không đều trong quý III.")
    officer.fill("textarea[name=conclusion]", "Chi ủy chưa chuẩn bị nội dung sinh hoạt chu đáo.")
    officer.fill("input[name=number]", "21-TB/UBKT")
    officer.fill("input[name=concluded_on]", timezone.localdate().strftime("%d/%m/%Y"))
    for index, text in enumerate(["Tổ chức sinh hoạt chi bộ đủ 12 kỳ", "Kiểm điểm trách nhiệm chi ủy"]):
        officer.select_option(f"select[name=rec-{index}-unit]", str(tree.cell_a1.pk))
        officer.fill(f"input[name=rec-{index}-content]", text)
        officer.fill(f"input[name=rec-{index}-deadline]", deadline)
    officer.click("#conclude button[type=submit]")
    officer.wait_for_selector("text=Đã ghi kết luận với 2 kiến nghị khắc phục.")
    assert officer.locator("#recommendations tbody tr").count() == 2

    unit = page_as(tree.secretary_a1)
    unit.goto(f"{live_server.url}/kiem-tra/khac-phuc/?org={tree.cell_a1.pk}")
    unit.click("text=Kiểm điểm trách nhiệm chi ủy")
    unit.select_option("select[name=progress]", rules.DONE)
    unit.fill("textarea[name=evidence]", "Biên bản kiểm điểm chi ủy ngày 15/10")
    unit.click("#remediation button[type=submit]")
    unit.wait_for_selector("text=Đã cập nhật kết quả khắc phục.")
    assert unit.locator("#open-done").inner_text() == "1 đã hoàn thành, 1 chưa hoàn thành."
    assert "Biên bản kiểm điểm chi ủy" in unit.locator("#followup").inner_text()
    assert "1 đơn vị đang khắc phục" in unit.locator("#summary").inner_text()
