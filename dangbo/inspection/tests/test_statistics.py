"""Counts over the small tree match numbers written out by hand, on the page, the API and the
exports (run on SQLite and PostgreSQL)."""
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from dangbo.core.testing import ExportedSheet

from dangbo.inspection import rules, services, statistics
from dangbo.inspection.models import Recommendation
from dangbo.inspection.services import RecommendationInput
from dangbo.inspection.testing import discipline_member

SENTENCE = ("thi hành kỷ luật 6 đảng viên (khiển trách 3, cảnh cáo 1, cách chức 1, khai trừ 1); "
            "1 tổ chức đảng (cảnh cáo 1)")


@pytest.fixture
def disciplined(tree):
    """2025: An khiển trách; Bình cảnh cáo changed on appeal to khiển trách; Chiến (probationary)
    cảnh cáo; Đức cách chức; Sử khai trừ; Huy khiển trách; Hà khiển trách annulled on appeal;
    Chi bộ khu phố 3 cảnh cáo. 2024: Én khiển trách."""
    t = tree
    an, binh, chien = t.a1_members
    duc, en = t.a2_members
    su, _ = t.village_members
    huy, ha = t.b1_members
    discipline_member(an, date(2025, 3, 3))
    appealed = discipline_member(binh, date(2025, 3, 3), rules.WARNING)
    services.record_appeal(None, appealed, filed_on=date(2025, 3, 20), outcome=rules.CHANGED,
                           new_form=rules.REPRIMAND, decided_on=date(2025, 4, 20))
    discipline_member(chien, date(2025, 7, 1), rules.WARNING)
    services.decide_discipline(None, member=duc, form=rules.DISMISSAL, held_post="Phó Bí thư chi bộ",
                               violation_on=date(2024, 8, 1), violation_summary="Vi phạm", decider=rules.UPPER_COMMITTEE,
                               decided_by=t.commune_a, decided_on=date(2025, 8, 8))
    discipline_member(su, date(2025, 9, 9), rules.EXPULSION)
    discipline_member(huy, date(2025, 10, 10))
    annulled = discipline_member(ha, date(2025, 10, 10))
    services.record_appeal(None, annulled, filed_on=date(2025, 10, 20), outcome=rules.ANNULLED,
                           decided_on=date(2025, 11, 2))
    discipline_member(en, date(2024, 5, 5))
    services.decide_discipline(None, organization=t.cell_b1, form=rules.WARNING, violation_on=date(2025, 1, 1),
                               violation_summary="Buông lỏng quản lý", decider=rules.UPPER_COMMITTEE,
                               decided_by=t.commune_b, decided_on=date(2025, 2, 2))
    return t


def test_counts_match_the_written_out_numbers(disciplined):
    t = disciplined
    counts = statistics.discipline_counts(t.province, 2025)
    assert dict(counts.members) == {rules.REPRIMAND: 3, rules.WARNING: 1, rules.DISMISSAL: 1, rules.EXPULSION: 1}
    assert dict(counts.organizations) == {rules.WARNING: 1}
    assert counts.probationary == 1
    assert counts.sentence() == SENTENCE
    assert dict(counts.by_decider) == {rules.UPPER_COMMITTEE: 7}
    by_child = {org.name: c for org, c in statistics.discipline_by_child(t.province, 2025)}
    assert dict(by_child["Đảng bộ xã Bình Lư"].members) == {rules.REPRIMAND: 2, rules.WARNING: 1, rules.DISMISSAL: 1,
                                                            rules.EXPULSION: 1}
    assert dict(by_child["Đảng bộ phường Tân Phong"].members) == {rules.REPRIMAND: 1}
    assert dict(by_child["Đảng bộ phường Tân Phong"].organizations) == {rules.WARNING: 1}
    assert statistics.discipline_counts(t.province, 2024).sentence() == "thi hành kỷ luật 1 đảng viên (khiển trách 1)"
    assert statistics.discipline_counts(t.cell_a2, 2025).sentence() == "thi hành kỷ luật 1 đảng viên (cách chức 1)"


def test_page_api_and_exports_show_the_same_numbers(disciplined, login):
    t = disciplined
    client = login(t.leader_province)
    page = client.get(reverse("inspection:stats") + f"?org={t.province.pk}&year=2025").content.decode()
    assert SENTENCE in page and "(trong đó 1 đảng viên dự bị)" in page
    assert "<canvas data-chart" in page
    data = client.get(f"/api/v1/inspection/statistics/{t.province.pk}/2025").json()
    assert data["sentence"] == SENTENCE and data["members"] == {"khien_trach": 3, "canh_cao": 1, "cach_chuc": 1,
                                                                "khai_tru": 1}
    workbook = client.get(reverse("inspection:stats_export", args=[t.province.pk, 2025, "xlsx"]))
    sheet = ExportedSheet(workbook)
    assert sheet.headers[:7] == ["STT", "Đơn vị", "Đảng viên bị kỷ luật (người)", "Khiển trách (người)",
                                 "Cảnh cáo (người)", "Cách chức (người)", "Khai trừ (người)"]
    assert "ỦY BAN KIỂM TRA" in sheet.title_text and "TỈNH ỦY LAI CHÂU" in sheet.title_text
    assert sheet.rows[0][:7] == (1, "Đảng bộ xã Bình Lư", 5, 2, 1, 1, 1)
    assert sheet.rows[-1][:9] == (None, "Toàn Đảng bộ tỉnh Lai Châu", 6, 3, 1, 1, 1, 1, 0)
    report = Document(io.BytesIO(client.get(reverse("inspection:stats_export", args=[t.province.pk, 2025, "docx"])).content))
    text = "\n".join(p.text for p in report.paragraphs)
    assert SENTENCE in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in "\n".join(c.text for c in report.tables[0]._cells)


def test_follow_up_summary_counts_units(tree, inspector):
    case = services.open_case(inspector, tree.province, kind=rules.PARTY_FINANCE, title="Kiểm tra tài chính",
                              origin="khieu_nai", complaint_summary="Phản ánh thu đảng phí", opened_on=date(2025, 2, 1),
                              subject_organization=tree.commune_a)
    today = timezone.localdate()
    services.conclude_case(inspector, case, findings="", conclusion="Thu chưa đủ", concluded_on=date(2025, 3, 1),
                           recommendations=[RecommendationInput(tree.cell_a1, "Thu đủ đảng phí", date(2025, 6, 30)),
                                            RecommendationInput(tree.cell_a2, "Lập sổ thu", today + timedelta(days=5)),
                                            RecommendationInput(tree.cell_a2, "Báo cáo", today + timedelta(days=7)),
                                            RecommendationInput(tree.village_cell, "Nộp đủ", today)])
    a1, a2_first, _, village = case.recommendations.order_by("id")
    services.report_remediation(None, a2_first, progress=rules.DONE, evidence="Sổ thu đảng phí năm 2025")
    services.report_remediation(None, village, progress=rules.DONE, evidence="Phiếu thu")
    rows, summary, by_status = statistics.follow_up(Recommendation.objects.all(), today)
    assert (summary.units, summary.done, summary.in_progress, summary.not_started, summary.overdue) == (3, 1, 1, 1, 1)
    assert summary.sentence() == ("3 đơn vị có kiến nghị khắc phục: 1 đơn vị đã khắc phục xong, 1 đơn vị đang khắc "
                                  "phục, 1 đơn vị chưa khắc phục; 1 đơn vị quá hạn khắc phục.")
    assert by_status == {rules.OVERDUE: 1, rules.DONE: 2, rules.NOT_STARTED: 1, statistics.DUE_SOON: 1}
    due, _, _ = statistics.follow_up(Recommendation.objects.all(), today, status=statistics.DUE_SOON)
    assert [row.recommendation.content for row in due] == ["Báo cáo"]
    assert a1.status(today) == rules.OVERDUE
