"""Targets: only values the text sets as goals, never the results it reports."""
import pytest

from dangbo.extract import extract


def targets(text: str) -> list[tuple]:
    return [(t.value, t.unit, t.comparator, t.year) for t in extract(text).targets]


def test_resolution_goals_listed_after_chi_tieu_phan_dau():
    text = ("Đảng ủy tin tưởng đề ra chỉ tiêu phấn đấu giai đoạn 2011-2015 là: có từ 90% TCCSĐ trở "
            "lên đạt trong sạch, vững mạnh; 100% đảng viên hoàn thành nhiệm vụ, trong đó có 97% trở "
            "lên đảng viên hoàn thành tốt nhiệm vụ; 100% cơ quan, đơn vị đạt tiêu chuẩn văn hóa...")
    assert targets(text) == [(90, "%", ">=", 2015), (100, "%", ">=", 2015), (97, "%", ">=", 2015),
                             (100, "%", ">=", 2015)]


def test_conference_goals_with_every_year_and_deadline():
    text = ("Hội nghị thông qua một số chỉ tiêu: Hằng năm có 95% tổ chức cơ sở đảng được xếp loại "
            "hoàn thành tốt nhiệm vụ trở lên; 70% ban công tác mặt trận hoạt động từ khá trở lên; "
            "đến năm 2025, tỷ lệ đảng viên đạt trên 4% dân số.")
    assert targets(text) == [(95, "%", ">=", None), (70, "%", ">=", None), (4, "%", ">", 2025)]


def test_goal_text_and_subject():
    target = extract("Chỉ tiêu: có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh.").targets[0]
    assert target.text == "có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh"
    assert target.subject == "TCCSĐ"


@pytest.mark.parametrize("text, expected", [
    ("Đảng bộ phấn đấu đến năm 2030 kết nạp 3.000 đảng viên mới.", [(3000, "đảng viên", ">=", 2030)]),
    ("Mục tiêu đến năm 2025: 100% xã đạt chuẩn nông thôn mới.", [(100, "%", ">=", 2025)]),
    ("Đại hội thống nhất các chỉ tiêu chủ yếu nhiệm kỳ 2020-2025: kết nạp từ 1.200 đảng viên trở lên.",
     [(1200, "đảng viên", ">=", 2025)]),
    ("Thành uỷ đặt ra chỉ tiêu: ít nhất 95% cán bộ được học tập; không quá 2% tổ chức cơ sở đảng "
     "xếp loại không hoàn thành nhiệm vụ.", [(95, "%", ">=", None), (2, "%", "<=", None)]),
    ("Phấn đấu tỷ lệ hộ nghèo giảm xuống dưới 1% vào năm 2026.", [(1, "%", "<", 2026)]),
    ("Năm 2024, Đảng ủy xã phấn đấu: 100% chi bộ hoàn thành nhiệm vụ, trong đó trên 80% hoàn "
     "thành tốt nhiệm vụ.", [(100, "%", ">=", 2024), (80, "%", ">", 2024)]),
    ("Hằng năm kết nạp từ 3.500 đảng viên trở lên.", [(3500, "đảng viên", ">=", None)]),
    ("Các chi bộ phải đạt 100% đảng viên tham gia sinh hoạt.", [(100, "%", ">=", None)]),
])
def test_goals_in_plans(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    # A percentage reported, not set.
    "Toàn đảng bộ có 60.137 đảng viên, chiếm tỷ lệ 3,76% so với dân số.",
    # Achieved, although "trở lên" is there (it qualifies the rating, not the value).
    "Có 89,5% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
    "Năm 2022 đã có 95% TCCSĐ hoàn thành tốt nhiệm vụ trở lên.",
    # "hằng năm" in a sentence that reports the past term.
    "Toàn Đảng bộ đã kết nạp được 18.520 đảng viên mới; hằng năm có trên 85% tổ chức cơ sở "
    "đảng hoàn thành tốt nhiệm vụ trở lên.",
    # "tính đến năm" is "as of", not a deadline.
    "Tính đến năm 2020, toàn tỉnh có 60.137 đảng viên, đạt 4,1% dân số.",
    # "chỉ tiêu" counted as a result.
    "Trong năm 2013, thành phố đã thực hiện đạt và vượt 17/21 chỉ tiêu kinh tế - xã hội.",
    "Đảng bộ đã kết nạp 1.032 đảng viên, đạt 129% chỉ tiêu Nghị quyết đề ra.",
    "Tốc độ tăng trưởng GDP khá cao 11,26%.",
])
def test_reported_values_are_not_targets(text):
    assert targets(text) == []


def test_target_values_are_not_also_statistics():
    facts = extract("Chỉ tiêu: 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Hội nghị có 12 điểm cầu.")
    assert [t.value for t in facts.targets] == [95]
    assert [s.value for s in facts.statistics] == [12]
