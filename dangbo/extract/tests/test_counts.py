"""Counts read after a verb or a label, not only before a noun."""
import pytest

from dangbo.extract import extract


def statistics(text: str) -> list:
    return [s.value for s in extract(text).statistics]


@pytest.mark.parametrize("text, expected", [
    ("Cấp ủy các cấp đã thi hành kỷ luật 215 đảng viên, bằng 58,58% so với cùng kỳ 2022.", [215, 58.58]),
    ("Cấp ủy và UBKT các cấp đã thi hành kỷ luật 17 đảng viên, trong đó có 5 cấp ủy viên.", [17, 5]),
    ("Qua đó, cấp ủy các cấp và chi bộ, UBKT các cấp đã thi hành kỷ luật 127 đảng viên.", [127]),
    ("Đã kỷ luật 3 đảng viên, không thi hành kỷ luật 20 đảng viên do hết thời hiệu.", [3, 20]),
    ("Ủy ban kiểm tra các cấp đã xử lý kỷ luật 1.090 đảng viên vi phạm.", [1090]),
])
def test_count_after_the_verb_kỷ_luật(text, expected):
    assert statistics(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thi hành kỷ luật 1.616 đảng viên (khiển trách 1.221, cảnh cáo 218, cách chức 12, khai trừ 165).",
     [1616, 1221, 218, 12, 165]),
    ("Đã thi hành kỷ luật 29 tổ chức Đảng, với hình thức: Khiển trách 26, cảnh cáo 03.", [29, 26, 3]),
    ("Tổng số đảng viên bị thi hành kỷ luật là 07, với hình thức kỷ luật là Khiển trách: 03, "
     "cảnh cáo: 04.", [7, 3, 4]),
    ("Kỷ luật 45 đảng viên (khiển trách 30; cảnh cáo 10; khai trừ 5).", [45, 30, 10, 5]),
])
def test_count_after_a_label(text, expected):
    assert statistics(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trong số 55 tổ chức cơ sở đảng, có 50 tổ chức hoàn thành tốt nhiệm vụ trở lên.", [55, 50]),
    ("trong số 1.200 đảng viên được đánh giá, có 180 đảng viên hoàn thành xuất sắc nhiệm vụ.", [1200, 180]),
    ("Tổng số 312 chi bộ đã tổ chức sinh hoạt chuyên đề.", [312]),
    ("Qua kiểm tra, UBKT Huyện ủy kết luận 3 đảng viên có vi phạm đến mức phải xử lý kỷ luật.", [3]),
    ("Năm 2023, Đảng bộ huyện kết nạp 178/170 đảng viên, đạt 104,7% chỉ tiêu.", ["178/170", 104.7]),
])
def test_count_after_trong_số(text, expected):
    assert statistics(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cả năm, kết nạp mới 1.028 đảng viên, trong đó nữ 512, đoàn viên 790, người dân tộc thiểu số 145.",
     [1028, 512, 790, 145]),
    ("Số đảng viên được kiểm tra là 120; số tổ chức đảng được giám sát là 35.", [120, 35]),
    ("Đảng bộ đã chuyển đảng chính thức cho 86 đồng chí, xóa tên 4 đảng viên.", [86, 4]),
])
def test_items_of_a_breakdown_each_a_label_and_its_count(text, expected):
    assert statistics(text) == expected


@pytest.mark.parametrize("text", [
    "Ngày 30/4, lúc 10, tại hội trường khu 3.",
    "Địa chỉ: phường 3, quận 5, TP Hồ Chí Minh.",
])
def test_times_and_addresses_are_not_counts(text):
    assert statistics(text) == []


@pytest.mark.parametrize("text", [
    "Theo Điều 5 Quy định số 102-QĐ/TW, kỷ luật khiển trách là hình thức nhẹ nhất.",
    "Luật 15 năm 2023 có hiệu lực từ ngày 1/7.",
    "Đại hội đã bầu Ban Chấp hành Đảng bộ huyện lần thứ XXII.",
])
def test_identifiers_stay_out(text):
    assert statistics(text) == []
