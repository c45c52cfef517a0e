"""Positions given by a verb, positions with lower-case qualifiers, names in capitals and
names with syllables of ethnic-minority languages."""
import pytest

from dangbo.extract import extract


def people(text: str) -> dict[str, list[str]]:
    return {p.name: p.positions for p in extract(text).people}


@pytest.mark.parametrize("text, expected", [
    ("Tại Đại hội Đảng bộ huyện Ia Grai, đồng chí Dương Mah Tiệp tái đắc cử Bí thư Huyện ủy Ia Grai "
     "khóa XVIII.", {"Dương Mah Tiệp": ["Bí thư Huyện ủy Ia Grai khóa XVIII"]}),
    ("Đồng chí Trần Duy Bình tiếp tục được bầu giữ chức Bí thư Huyện ủy Hà Trung, nhiệm kỳ 2020 - 2025.",
     {"Trần Duy Bình": ["Bí thư Huyện ủy Hà Trung"]}),
    ("Ông Võ Văn Hưng được bầu làm Phó Bí thư Tỉnh ủy Quảng Trị",
     {"Võ Văn Hưng": ["Phó Bí thư Tỉnh ủy Quảng Trị"]}),
    ("Đồng chí Vũ Xuân Hóa được bầu làm Chủ nhiệm Ủy ban Kiểm tra Huyện ủy.",
     {"Vũ Xuân Hóa": ["Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"]}),
    ("Bà Trần Thị Hồng, Bí thư Đảng ủy phường tiếp tục được bầu giữ chức Bí thư Đảng ủy phường Tân An "
     "khóa IX.", {"Trần Thị Hồng": ["Bí thư Đảng ủy phường"]}),  # the same office, written longer
    ("Điều động ông Nguyễn Thanh - Bí thư Huyện ủy Lý Sơn giữ chức danh phó bí thư Huyện ủy, chủ tịch "
     "UBND huyện Lý Sơn.",
     {"Nguyễn Thanh": ["Bí thư Huyện ủy Lý Sơn", "phó bí thư Huyện ủy", "chủ tịch UBND huyện Lý Sơn"]}),
    ("Hội nghị đã bầu bà Hà Thị Nga, Phó Bí thư Tỉnh ủy, đắc cử Chủ tịch HĐND tỉnh.",
     {"Hà Thị Nga": ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}),
])
def test_position_given_by_a_verb(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Bùi Văn Khánh được Ban Chấp hành bầu giữ chức Phó Bí thư Đảng ủy, Chủ tịch UBND xã.",
     {"Bùi Văn Khánh": ["Phó Bí thư Đảng ủy", "Chủ tịch UBND xã"]}),
    ("Đồng chí Lê Văn Hòa được Ban Thường vụ Tỉnh ủy chỉ định giữ chức Bí thư Đảng ủy xã Tân Phú.",
     {"Lê Văn Hòa": ["Bí thư Đảng ủy xã Tân Phú"]}),
    ("Phiên họp thứ nhất đã bầu đồng chí Hồ Văn Mười, Phó Chủ tịch UBND tỉnh, giữ chức Bí thư Đảng ủy xã.",
     {"Hồ Văn Mười": ["Phó Chủ tịch UBND tỉnh", "Bí thư Đảng ủy xã"]}),
    ("Ông Trần Văn Lâm, nguyên Bí thư Đảng ủy xã, nay là Trưởng thôn Đông.",
     {"Trần Văn Lâm": ["nguyên Bí thư Đảng ủy xã", "Trưởng thôn Đông"]}),
])
def test_position_given_by_an_agent_and_a_verb(text, expected):
    assert people(text) == expected


def test_names_joined_by_và_share_the_verb_position():
    text = "Các đồng chí Lê Thanh Hải và Nguyễn Văn Tuấn được bầu làm Phó Bí thư Huyện ủy Hà Trung."
    assert people(text) == {"Lê Thanh Hải": ["Phó Bí thư Huyện ủy Hà Trung"],
                            "Nguyễn Văn Tuấn": ["Phó Bí thư Huyện ủy Hà Trung"]}


def test_a_delegation_role_is_not_a_position():
    text = ("Đồng chí Đinh Thế Huynh, Ủy viên Bộ Chính trị, Trưởng Ban Tuyên giáo Trung ương làm "
            "Trưởng đoàn, đã làm việc với Thành ủy.")
    assert people(text) == {"Đinh Thế Huynh": ["Ủy viên Bộ Chính trị", "Trưởng Ban Tuyên giáo Trung ương"]}


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Nguyễn Thị Lan, Phó Bí thư Chi bộ khoa Lý luận cơ sở phát biểu.",
     {"Nguyễn Thị Lan": ["Phó Bí thư Chi bộ khoa Lý luận cơ sở"]}),
    ("Ông Hà Phẩm Chất-Phó Bí thư Chi bộ-chia sẻ: trước đây đảng viên đi muộn.",
     {"Hà Phẩm Chất": ["Phó Bí thư Chi bộ"]}),
    ("Đồng chí Hoàng Văn Hùng, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra (UBKT) Tỉnh ủy chủ trì.",
     {"Hoàng Văn Hùng": ["Ủy viên Ban Thường vụ", "Chủ nhiệm Ủy ban Kiểm tra (UBKT) Tỉnh ủy"]}),
    ("Bà Lò Thị Mai, Bí thư Chi bộ bản Huổi Một chia sẻ kinh nghiệm.",
     {"Lò Thị Mai": ["Bí thư Chi bộ bản Huổi Một"]}),
    ("Đồng chí Lương Thế Tuân, chuyên viên Ban Tuyên giáo TƯ Hội xúc động cho biết.",
     {"Lương Thế Tuân": ["chuyên viên Ban Tuyên giáo TƯ Hội"]}),
    ("Huy hiệu 50 năm tuổi Đảng là Phó chủ tịch thường trực Hội CCB Việt Nam Phạm Hữu Bồng.",
     {"Phạm Hữu Bồng": ["Phó chủ tịch thường trực Hội CCB Việt Nam"]}),
])
def test_positions_with_lower_case_words(text, expected):
    assert people(text) == expected


def test_position_ends_before_a_verb_after_a_unit_name():
    text = "Đồng chí Dương Xuân Hùng, Uỷ viên BTV, Trưởng ban Tổ chức Tỉnh ủy kiểm tra khu tái định cư Tân Tiến."
    assert people(text) == {"Dương Xuân Hùng": ["Uỷ viên BTV", "Trưởng ban Tổ chức Tỉnh ủy"]}


@pytest.mark.parametrize("text, name", [
    ("Đồng chí Ksor Phước Hà, Phó Bí thư Tỉnh ủy dự hội nghị.", "Ksor Phước Hà"),
    ("Bà Rơ Châm H'Yim, Bí thư Chi bộ làng Plei Ơi phát biểu.", "Rơ Châm H'Yim"),
    ("Đồng chí Điểu K'Ré, Phó Chủ tịch UBND tỉnh dự lễ.", "Điểu K'Ré"),
    ("Ông Lầu Văn Sinh, Chủ tịch UBND huyện Mèo Vạc vừa được bầu.", "Lầu Văn Sinh"),
    ("Bà Ma Thị Thúy, Phó Bí thư Huyện ủy Chiêm Hóa dự lễ.", "Ma Thị Thúy"),
    ("Đồng chí Sùng A Hồng, Bí thư Huyện ủy Mường Nhé dự đại hội.", "Sùng A Hồng"),
    ("Đồng chí Y Thanh Hà Niê Kđăm, Phó Chủ tịch Quốc hội phát biểu.", "Y Thanh Hà Niê Kđăm"),
    ("Đồng chí Giàng Seo Phử, Bí thư Đảng ủy xã Bản Mế chủ trì.", "Giàng Seo Phử"),
])
def test_minority_names_are_read_whole(text, name):
    assert list(people(text)) == [name]


@pytest.mark.parametrize("text, expected", [
    ("“Đại hội đảng bộ cơ sở sẽ hoàn thành trong tháng 5.2020”.\n\nBí thư Thị ủy, Chủ tịch UBND thị xã "
     "Đức Phổ TRẦN PHƯỚC HIỀN", {"Trần Phước Hiền": ["Bí thư Thị ủy", "Chủ tịch UBND thị xã Đức Phổ"]}),
    ("Phó Bí thư Thường trực Tỉnh ủy NGUYỄN VĂN HẢI", {"Nguyễn Văn Hải": ["Phó Bí thư Thường trực Tỉnh ủy"]}),
])
def test_names_in_capitals(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Lê Văn Tám - Bí thư Đảng ủy Khối Đảng - Đoàn thể huyện chủ trì.",
     {"Lê Văn Tám": ["Bí thư Đảng ủy Khối Đảng - Đoàn thể huyện"]}),
    ("Bà Võ Thị Hạnh, Phó Bí thư Chi bộ cơ quan Đảng – đoàn thể xã, phát biểu.",
     {"Võ Thị Hạnh": ["Phó Bí thư Chi bộ cơ quan Đảng – đoàn thể xã"]}),
    ("đ/c Trương Hồng Phúc- Bí thư huyện ủy- Chủ tịch HĐND huyện dự.",
     {"Trương Hồng Phúc": ["Bí thư huyện ủy", "Chủ tịch HĐND huyện"]}),
])
def test_a_dash_inside_a_body_name_is_not_a_separator(text, expected):
    assert people(text) == expected
