"""The admission and inspection apps add their deadlines to the home page's work queue."""
from datetime import date, timedelta

from django.utils import timezone

from dangbo.access.scope import Scope
from dangbo.core import workqueue
from dangbo.inspection import rules, services
from dangbo.inspection.testing import make_inspector


def texts(user, today):
    return [item.text for item in workqueue.items_for(Scope.for_user(user), today)]


def test_a_probationary_member_past_the_recognition_deadline_is_overdue(tree):
    # Lò Văn Chiến was admitted on 01/06/2025: official by right on 01/06/2026, the chi bộ has
    # 30 working days after that to consider the recognition.
    assert "1 hồ sơ kết nạp, công nhận chính thức đến hạn trong 10 ngày làm việc" in texts(tree.staff_a, date(2026, 7, 1))
    assert "1 hồ sơ kết nạp, công nhận chính thức quá hạn" in texts(tree.staff_a, date(2026, 8, 3))
    assert not any("hồ sơ kết nạp" in text for text in texts(tree.staff_a, date(2026, 1, 5)))


def test_remediation_past_its_deadline_reaches_the_unit_and_the_inspector(tree):
    inspector = make_inspector("kiemtra_tinh", tree.province)
    case = services.open_case(inspector, tree.province, kind=rules.TASK_COMPLIANCE, title="Kiểm tra",
                              origin="khieu_nai", complaint_summary="Phản ánh", opened_on=date(2025, 1, 5),
                              subject_organization=tree.cell_a1)
    today = timezone.localdate()
    services.conclude_case(inspector, case, findings="", conclusion="Có hạn chế", concluded_on=date(2025, 2, 1),
                           recommendations=[services.RecommendationInput(tree.cell_a1, "Khắc phục", today + timedelta(days=3)),
                                            services.RecommendationInput(tree.cell_a1, "Bổ sung", date(2025, 6, 30))])
    for user in (tree.secretary_a1, inspector):
        found = texts(user, today)
        assert "1 kiến nghị khắc phục quá hạn" in found and "1 kiến nghị khắc phục đến hạn trong 7 ngày" in found
    assert not any("kiến nghị" in text for text in texts(tree.member_user, today))
