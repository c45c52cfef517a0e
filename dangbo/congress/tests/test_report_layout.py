"""The congress's documents in the party layout: the counting board heads its minutes under
the congress, dates them on the congress's day, and every member of the board signs."""
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from docx import Document

from dangbo.congress import reports
from dangbo.congress.models import ElectionRound
from dangbo.congress.tests.factories import build_congress, close_with_votes

VOTES = {"Nguyễn Văn An": 10, "Trần Thị Bình": 9, "Lò Văn Chiến": 9, "Phạm Minh Đức": 8, "Hoàng Thị Én": 6,
         "Lê Quang Huy": 5}


@pytest.fixture
def counted(tree):
    congress = build_congress(tree)
    close_with_votes(congress.staff_province, congress.election_round, VOTES, valid=10)
    return congress


def docx_of(round_):
    data, _, _ = reports.minutes_report(round_, "docx")
    return Document(io.BytesIO(data))


def test_minutes_are_headed_by_the_counting_board_of_the_congress(counted):
    document = docx_of(counted.election_round)
    left = document.tables[0].rows[0].cells[0].text.split("\n")
    assert left[:3] == ["ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LAI CHÂU", "LẦN THỨ XV", "BAN KIỂM PHIẾU"]
    assert "Lai Châu, ngày" in document.tables[0].rows[0].cells[1].text


def test_every_member_of_the_board_signs(counted):
    signatures = "\n".join(cell.text for cell in docx_of(counted.election_round).tables[-1].rows[0].cells)
    assert "TRƯỞNG BAN KIỂM PHIẾU" in signatures and "Hoàng Văn Kiểm" in signatures
    assert "CÁC THÀNH VIÊN BAN KIỂM PHIẾU" in signatures and "Lê Thị Phiếu" in signatures


def test_minutes_entered_after_the_congress_carry_the_congress_date(counted):
    congress = counted.congress
    congress.start_date, congress.end_date = date(2025, 9, 24), date(2025, 9, 26)
    congress.save()
    round_ = ElectionRound.objects.get(pk=counted.election_round.pk)
    assert reports.minutes_date(round_) == date(2025, 9, 26)   # closed today, long after the congress
    date_cell = docx_of(round_).tables[0].rows[0].cells[1].text
    assert "ngày 26 tháng 9 năm 2025" in date_cell


def test_minutes_closed_during_the_congress_keep_that_day(counted):
    congress = counted.congress
    round_ = ElectionRound.objects.get(pk=counted.election_round.pk)
    closed = timezone.localdate(round_.closed_at)
    congress.start_date, congress.end_date = closed - timedelta(days=1), closed + timedelta(days=1)
    congress.save()
    assert reports.minutes_date(ElectionRound.objects.get(pk=round_.pk)) == closed
