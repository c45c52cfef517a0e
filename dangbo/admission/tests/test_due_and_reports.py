"""The due and overdue list, and the report downloads with the figures of the dashboard."""
import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from dangbo.admission import deadlines, rules
from dangbo.admission.models import AdmissionTarget, Candidate
from dangbo.admission.tests.factories import advance, new_candidate
from dangbo.members.models import Member

pytestmark = pytest.mark.django_db


def names(rows):
    return {row.name: row for row in rows}


def test_a_decision_waiting_past_60_working_days_is_overdue(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.DECISION)  # chi bộ resolution 20/06/2024
    rows = names(deadlines.due_list(Candidate.objects.all(), Member.objects.none(), date(2024, 9, 12)))
    row = rows["Vì Thị Hoa"]
    assert row.what == "Quyết định kết nạp" and row.due == date(2024, 9, 16)  # 2/9 and 3/9 are holidays
    assert not row.overdue and row.days_left == 2
    late = names(deadlines.due_list(Candidate.objects.all(), Member.objects.none(), date(2024, 9, 17)))["Vì Thị Hoa"]
    assert late.overdue and late.days_left == -1
    candidate.decision_extended = True
    candidate.save()
    extended = names(deadlines.due_list(Candidate.objects.all(), Member.objects.none(), date(2024, 9, 17)))
    assert not extended["Vì Thị Hoa"].overdue


def test_probationary_members_appear_from_month_11(tree):
    chien = tree.a1_members[2]  # probationary, admitted 01/06/2025, no candidate record
    before = names(deadlines.due_list(Candidate.objects.none(), Member.objects.all(), date(2026, 3, 31)))
    assert chien.full_name not in before
    rows = names(deadlines.due_list(Candidate.objects.none(), Member.objects.all(), date(2026, 4, 1)))
    assert rows[chien.full_name].what == "Xét công nhận đảng viên chính thức"


def test_probationary_candidate_appears_from_month_11_of_probation(tree):
    advance(tree, new_candidate(tree), until=rules.RECOGNITION)  # ceremony 20/08/2024
    assert "Vì Thị Hoa" not in names(deadlines.due_list(Candidate.objects.all(), Member.objects.none(),
                                                         date(2025, 6, 19)))
    assert "Vì Thị Hoa" in names(deadlines.due_list(Candidate.objects.all(), Member.objects.none(), date(2025, 6, 20)))


def test_reports_carry_the_dashboard_figures(tree, login):
    advance(tree, new_candidate(tree), until=rules.CEREMONY)  # decision 01/08/2024
    AdmissionTarget.objects.create(organization=tree.commune_a, year=2024, target=4)
    client = login(tree.staff_a)
    url = reverse("admission:export", args=[tree.commune_a.pk, "xlsx"]) + "?nam=2024&ngay=31/12/2024"
    from dangbo.core.testing import ExportedSheet

    sheet = ExportedSheet(client.get(url))
    assert sheet.rows[-1][1:5] == (f"Toàn {tree.commune_a.name}", 4, 1, 0.25)
    assert sheet.cell(len(sheet.rows) - 1, "Đạt chỉ tiêu (%)").number_format == "0.00%"
    url = reverse("admission:export", args=[tree.commune_a.pk, "docx"]) + "?nam=2024&ngay=31/12/2024"
    doc = Document(io.BytesIO(client.get(url).content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in doc.tables[0].rows[0].cells[1].text
    assert "kết nạp 1 đảng viên, đạt 25% chỉ tiêu (4)" in text
    page = client.get(reverse("admission:dashboard", args=[tree.commune_a.pk]) + "?nam=2024&ngay=31/12/2024")
    assert "25%" in page.content.decode() and "<canvas data-chart" in page.content.decode()


def test_unverified_limits_and_holidays_come_from_settings(tree, settings, tmp_path):
    advance(tree, new_candidate(tree), until=rules.DECISION)  # chi bộ resolution Thursday 20/06/2024
    (tmp_path / "2024.csv").write_text("ngay,loai,ten\n21/06/2024,nghi,Ngày nghỉ của địa phương\n", encoding="utf-8")
    settings.DANGBO_RULES = {**settings.DANGBO_RULES, "admission_decision_days": 2,
                             "admission_holiday_dirs": [str(tmp_path)]}
    row = names(deadlines.due_list(Candidate.objects.all(), Member.objects.none(), date(2024, 6, 20)))["Vì Thị Hoa"]
    assert row.due == date(2024, 6, 25)  # Friday 21/06 off, weekend, Monday 24 is day 1, Tuesday 25 day 2
