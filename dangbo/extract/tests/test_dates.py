"""Dates in Vietnamese forms, resolved against the article date when the year is missing."""
from datetime import date

import pytest

from dangbo.extract import detect_article_date, extract


def dates(text: str, article_date: date | None = None) -> list[tuple[str, date | None]]:
    return [(d.text, d.value) for d in extract(text, article_date).dates]


@pytest.mark.parametrize("text, article_date, expected", [
    ("(CT)- Sáng 28-5, đồng chí chủ trì", date(2020, 5, 28), [("Sáng 28-5", date(2020, 5, 28))]),
    ("ngày 4-7-2011 Đảng ủy Khối ban hành", None, [("4-7-2011", date(2011, 7, 4))]),
    ("Sáng 27/5/2021, Ban Tổ chức", None, [("27/5/2021", date(2021, 5, 27))]),
    ("chiều 7/12, Đoàn công tác làm việc", date(2014, 1, 3), [("chiều 7/12", date(2013, 12, 7))]),
    ("Tối 31-12, lễ đón giao thừa", date(2021, 1, 2), [("Tối 31-12", date(2020, 12, 31))]),
    ("Hà Nội, ngày 03 tháng 4 năm 2018", None, [("ngày 03 tháng 4 năm 2018", date(2018, 4, 3))]),
    ("Kế hoạch số 155-KH/TU ngày 08/7/2019", None, [("08/7/2019", date(2019, 7, 8))]),
    ("ký ngày 08.7.2019", None, [("08.7.2019", date(2019, 7, 8))]),
    ("Sáng nay (12/4), Huyện ủy", date(2023, 4, 12), [("(12/4)", date(2023, 4, 12))]),
    ("Hôm qua 11/10, Thành ủy", date(2017, 10, 12), [("Hôm qua 11/10", date(2017, 10, 11))]),
    ("hội nghị ngày 28 tháng 5 vừa qua", date(2019, 6, 1), [("ngày 28 tháng 5", date(2019, 5, 28))]),
    ("cập nhật 2021-05-27", None, [("2021-05-27", date(2021, 5, 27))]),
])
def test_dates_in_vietnamese_forms(text, article_date, expected):
    assert dates(text, article_date) == expected


def test_day_month_without_article_date_keeps_no_year():
    mention = extract("Sáng nay (12/4), Huyện ủy họp.").dates[0]
    assert mention.value is None and (mention.day, mention.month) == (12, 4)
    assert mention.to_json()["date"] == "--04-12"


def test_month_and_year():
    mention = extract("trong tháng 7/2019 các chi bộ").dates[0]
    assert (mention.month, mention.year, mention.day) == (7, 2019, None)


@pytest.mark.parametrize("text", [
    "đạt và vượt 17/21 chỉ tiêu",
    "ngày 31/2/2020 không có",
    "nhiệm kỳ 2020-2025",
    "xếp thứ 5/63 tỉnh",
])
def test_not_dates(text):
    assert dates(text, date(2020, 1, 1)) == []


@pytest.mark.parametrize("text, expected", [
    ("28/05/2020 - 19:09\n\nĐồng chí Trần Quốc Trung", date(2020, 5, 28)),
    ("TIN TỨC NỔI BẬT\n\nChủ động triển khai\nNgày đăng 30/07/2019 | 5:00 PM  | View count: 106",
     date(2019, 7, 30)),
    ("Chủ nhật,  03/07/2022\n\nÔng Đinh Thế Huynh", date(2022, 7, 3)),
    ("Thứ Hai, 27/5/2021\nTin tức", date(2021, 5, 27)),
    ("27/05/2021 08:30\nĐại hội", date(2021, 5, 27)),
    ("Xuất bản thông tin\n\nSáng 27/5/2021, Ban Tổ chức Tỉnh ủy tổ chức Hội nghị trực tuyến từ "
     "điểm cầu chính Hội trường Tỉnh uỷ đến 12 điểm cầu các huyện, thành phố trong tỉnh.", None),
])
def test_article_date_from_dateline(text, expected):
    assert detect_article_date(text) == expected


def test_extract_uses_the_dateline_when_no_article_date_is_given():
    facts = extract("28/05/2020 - 19:09\n\n(CT)- Sáng 28-5, hội nghị khai mạc.")
    assert facts.article_date == date(2020, 5, 28)
    assert facts.dates[-1].value == date(2020, 5, 28)


@pytest.mark.parametrize("text, expected", [
    # The headline's deadline is not the posting date.
    ("Các chi bộ hoàn thành đại hội trước ngày 30/6/2025\n\nCập nhật lúc 22:26, Thứ Hai, 19/5/2025 (GMT+7)",
     date(2025, 5, 19)),
    ("Kết nạp đảng viên đợt từ ngày 1/7/2024 đến 31/12/2024\n\n15/03/2024\n\nNội dung", date(2024, 3, 15)),
    ("Hạn chót 15/8/2023 nộp báo cáo\n\nThứ Năm, 03/08/2023 - 09:15", date(2023, 8, 3)),
    # A dateline with a time wins over a plain date earlier in the page.
    ("Số 12/2021\n\n27/05/2021 08:30\n\nĐại hội", date(2021, 5, 27)),
    # The month spelled out.
    ("Tin tức sự kiện 21 Tháng Bảy 2011 10:10:00 SA\n\nTình hình kết nạp đảng viên", date(2011, 7, 21)),
])
def test_article_date_is_the_posting_date(text, expected):
    assert detect_article_date(text) == expected
