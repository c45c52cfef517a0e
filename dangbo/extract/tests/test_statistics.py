"""Reported statistics: counts, percentages, growth and "X/Y chỉ tiêu" - and nothing else."""
import pytest

from dangbo.extract import extract


def values(text: str) -> list:
    return [s.value for s in extract(text).statistics]


@pytest.mark.parametrize("text, expected", [
    ("trong nhiệm kỳ qua đã kết nạp trên 7.000 đảng viên", [7000]),
    ("nâng tổng số đảng viên toàn đảng bộ lên 60.137 đảng viên, chiếm tỷ lệ 3,76% so với dân số",
     [60137, 3.76]),
    ("thành phố đã thực hiện đạt và vượt 17/21 chỉ tiêu kinh tế- xã hội", ["17/21"]),
    ("Tốc độ tăng trưởng GDP khá cao 11,26%.", [11.26]),
    ("Cần Thơ là 1 trong 23 tỉnh, thành của cả nước có số thu vượt 10,24% kế hoạch.", [23, 10.24]),
    ("Qua kiểm tra 47 đơn vị, đã có 30 đơn vị sửa chữa tốt, 16 đơn vị sửa chữa chậm, 1 đơn vị "
     "làm chưa tốt.", [47, 30, 16, 1]),
    ("Hội nghị trực tuyến đến 12 điểm cầu các huyện.", [12]),
    ("Thu ngân sách năm 2019 đạt 16.274 tỷ đồng.", [16274]),
    ("tổng số đảng viên toàn Đảng là 5.380.000.", [5380000]),
    ("với trên 2,1 triệu lượt người tham dự", [2.1]),
    ("Đảng ủy Khối đã ban hành 05 nghị quyết chuyên đề.", [5]),
    ("toàn huyện có 1.245 lượt cán bộ đăng ký nêu gương; 46/48 tổ chức cơ sở đảng", [1245, "46/48"]),
])
def test_reported_figures(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "Sáng 28-5, Hội nghị khai mạc; ngày 4-7-2011 Đảng ủy ban hành nghị quyết; chiều 7/12 họp.",
    "28/05/2020 - 19:09",
    "Ngày đăng 30/07/2019 | 5:00 PM  | View count: 106",
    "Bài viết có 1.234 lượt xem.",
    "trong năm 2013, nhiệm kỳ 2020-2025, giai đoạn 2011 - 2015",
    "Đại hội lần thứ XII, BCH khóa 12, Quý 3, lần thứ 3, kỳ họp thứ 5",
    "Trong 6 tháng đầu năm, qua 5 năm thực hiện, 2 năm qua",
    "ban hành Kế hoạch số 155-KH/TU, Chỉ thị 15, Quy định 08 và Nghị quyết Trung ương 6, 7 khóa XII",
    "Chương trình nghiên cứu khoa học trọng điểm số 20, góp phần cung cấp luận cứ",
    "xếp thứ 5/63 tỉnh, thành phố",
    "1. Về công tác chính trị, tư tưởng\n2- Về tổ chức",
    "Quốc lộ 91 đoạn qua Phường 5, ấp 3 và Khu phố 4",
    "đại dịch COVID-19 diễn biến phức tạp",
    "đồng chí 60 tuổi đời, 30 năm tuổi Đảng",
    "Đồng chí Nguyễn Văn An, Bí thư Chi bộ ấp 3, phát biểu.",
])
def test_dates_years_ordinals_durations_counters_are_not_statistics(text):
    assert values(text) == []


def test_statistic_keeps_its_unit_and_span():
    text = "đã kết nạp trên 7.000 đảng viên"
    statistic = extract(text).statistics[0]
    assert statistic.unit == "đảng viên"
    assert statistic.text == text[statistic.start:statistic.end] == "7.000 đảng viên"
