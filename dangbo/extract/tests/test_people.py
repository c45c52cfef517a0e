"""People and their positions, as written; photo credits and authors are not people."""
import pytest

from dangbo.extract import extract


def people(text: str) -> dict[str, list[str]]:
    return {p.name: p.positions for p in extract(text).people}


@pytest.mark.parametrize("text, expected", [
    ("(CT)- Sáng 28-5, đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Bí thư Thành ủy Cần Thơ, "
     "chủ trì Hội nghị.",
     {"Trần Quốc Trung": ["Ủy viên Trung ương Đảng", "Bí thư Thành ủy Cần Thơ"]}),
    ("Cùng dự có các đồng chí: Lê Quang Mạnh, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố; Mai "
     "Thanh Dân, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy.",
     {"Lê Quang Mạnh": ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"],
      "Mai Thanh Dân": ["Ủy viên Ban Thường vụ", "Trưởng Ban Tổ chức Thành ủy"]}),
    ("Đồng chí Nguyễn Tấn Quyên, Ủy viên Trung ương Đảng, nguyên Bí thư Thành ủy TP Cần Thơ trao cờ "
     "cho các tổ chức cơ sở Đảng. Ảnh: XUÂN ĐÀO.",
     {"Nguyễn Tấn Quyên": ["Ủy viên Trung ương Đảng", "nguyên Bí thư Thành ủy TP Cần Thơ"]}),
    ("Bí thư Thành ủy Hoàng Trung Hải phát biểu kết luận phiên họp",
     {"Hoàng Trung Hải": ["Bí thư Thành ủy"]}),
    ("Đồng chí Trần Văn Cường, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Tổ chức Tỉnh uỷ còn cho rằng",
     {"Trần Văn Cường": ["Uỷ viên Ban Thường vụ Tỉnh uỷ", "Trưởng Ban Tổ chức Tỉnh uỷ"]}),
    ("Ông Nguyễn Văn Hòa - Phó Bí thư Thường trực Huyện ủy chủ trì hội nghị.",
     {"Nguyễn Văn Hòa": ["Phó Bí thư Thường trực Huyện ủy"]}),
    ("Theo bà Lê Thị Mai Hương, Trưởng Ban Tuyên giáo Huyện ủy, 5 năm qua...",
     {"Lê Thị Mai Hương": ["Trưởng Ban Tuyên giáo Huyện ủy"]}),
    ("Thủ tướng Phạm Minh Chính dự và phát biểu.", {"Phạm Minh Chính": ["Thủ tướng"]}),
    ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Lâm Đồng Trần Đức Quận phát biểu.",
     {"Trần Đức Quận": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Lâm Đồng"]}),
    ("Đồng chí Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy TP Hồ Chí Minh dự.",
     {"Nguyễn Văn Nên": ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy TP Hồ Chí Minh"]}),
    ("Dự có đ/c Vũ Thị Lan, Bí thư Đảng ủy xã.", {"Vũ Thị Lan": ["Bí thư Đảng ủy xã"]}),
    ("Cùng dự có ông Y Thanh Hà Niê Kđăm, Chủ tịch Hội đồng Dân tộc.",
     {"Y Thanh Hà Niê Kđăm": ["Chủ tịch Hội đồng Dân tộc"]}),
])
def test_names_and_positions(text, expected):
    assert people(text) == expected


def test_shared_position_of_a_listed_group():
    text = ("Cùng tham dự phiên họp có các đồng chí Ủy viên Ban Thường vụ Thành ủy: Phó Chủ tịch "
            "Thường trực HĐND TP Nguyễn Ngọc Tuấn, Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo,...")
    assert people(text) == {
        "Nguyễn Ngọc Tuấn": ["Ủy viên Ban Thường vụ Thành ủy", "Phó Chủ tịch Thường trực HĐND TP"],
        "Vũ Đức Bảo": ["Ủy viên Ban Thường vụ Thành ủy", "Trưởng ban Tổ chức Thành ủy"],
    }


def test_author_byline_with_positions_is_a_person():
    text = "ĐẢNG BỘ KHỐI:\n\n* MAI THANH DÂN\nThành ủy viên, Bí thư Đảng ủy Khối cơ quan Dân chính Đảng\n"
    assert people(text) == {"Mai Thanh Dân": ["Thành ủy viên", "Bí thư Đảng ủy Khối cơ quan Dân chính Đảng"]}


@pytest.mark.parametrize("text", [
    "Đồng chí Phạm Văn Hiểu phát biểu tại Hội nghị. Ảnh: Ngọc Quyên",
    "ANH DŨNG- NGỌC QUYÊN\n\nChia sẻ bài viết",
    "Ông Đinh Thế Huynh làm việc với Thành ủy Cần Thơ",
    "(Ảnh: Duy Khương/TTXVN)",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Di chúc của Chủ tịch Hồ Chí Minh",
    "Sơn Tra",
])
def test_people_without_positions_are_left_out(text):
    assert people(text) == {}


def test_same_position_reworded_counts_once():
    text = ("ông Đinh Thế Huynh, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo "
            "Trung ương làm Trưởng đoàn.\nÔng Đinh Thế Huynh, Ủy viên Bộ Chính trị, Bí thư TƯ Đảng, "
            "Trưởng Ban Tuyên giáo TƯ làm việc. (Ảnh: Duy Khương/TTXVN)\n"
            "Đồng chí Đinh Thế Huynh, Bí thư Trung ương Đảng tại Cần Thơ.")
    assert people(text) == {"Đinh Thế Huynh": ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng",
                                               "Trưởng Ban Tuyên giáo Trung ương"]}


def test_positions_expanded_spell_out_abbreviations():
    person = extract("đồng chí Lê Quang Mạnh, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố; "
                     "Mai Hùng Dũng, Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực HĐND tỉnh.").people
    assert person[0].positions == ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"]
    assert person[0].positions_expanded == ["Phó Bí thư Thành ủy", "Chủ tịch Ủy ban nhân dân thành phố"]
    assert person[1].positions_expanded == ["Ủy viên Ban Thường vụ Tỉnh ủy",
                                            "Phó Chủ tịch Thường trực Hội đồng nhân dân tỉnh"]
    assert "positions_expanded" in extract("Bí thư Tỉnh ủy Lâm Văn Tài dự.").to_json()["people"][0]


def test_position_before_next_name_belongs_to_it():
    text = "Dự có đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Văn Bình."
    assert people(text) == {"Nguyễn Văn An": ["Bí thư Tỉnh ủy"], "Trần Văn Bình": ["Chủ tịch HĐND tỉnh"]}


@pytest.mark.parametrize("text, position", [
    ("đồng chí Lê Văn Hòa, Bí thư Tỉnh ủy chỉ đạo hội nghị.", "Bí thư Tỉnh ủy"),
    ("đồng chí Hoàng Trung Hải, Trưởng Ban chỉ đạo đánh giá cao", "Trưởng Ban chỉ đạo"),
    ("đồng chí Phan Văn Thắng, Chủ tịch UBND tỉnh tổ chức buổi làm việc", "Chủ tịch UBND tỉnh"),
    ("đồng chí Lê Văn Tám, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy nhiệm kỳ 2020-2025",
     "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
    ("đồng chí Đinh Thế Huynh, Trưởng Ban Tuyên giáo Trung ương làm Trưởng đoàn",
     "Trưởng Ban Tuyên giáo Trung ương"),
    ("bà Trần Thị Hoa, Giám đốc Sở Tài nguyên và Môi trường cho biết",
     "Giám đốc Sở Tài nguyên và Môi trường"),
    ("ông Lý Văn Sáu, Bí thư Đảng ủy Khối các cơ quan tỉnh phát biểu",
     "Bí thư Đảng ủy Khối các cơ quan tỉnh"),
    ("Đồng chí Nguyễn Thị Thanh, UVT.Ư Đảng dự hội nghị.", "UVT.Ư Đảng"),
    ("ông Nguyễn Văn A (Bí thư Chi bộ ấp 3) cho biết", "Bí thư Chi bộ ấp 3"),
])
def test_position_ends_where_the_sentence_goes_on(text, position):
    assert list(people(text).values()) == [[position]]
