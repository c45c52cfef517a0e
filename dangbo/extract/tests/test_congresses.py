"""Congresses named with an ordinal (Roman or Arabic) and, when given, their term."""
import pytest

from dangbo.extract import extract


def congresses(text: str) -> list[tuple]:
    return [(c.ordinal, c.term) for c in extract(text).congresses]


@pytest.mark.parametrize("text, expected", [
    ("thông qua văn kiện Đại hội đại biểu Đảng bộ quận Thốt Nốt lần thứ XII, nhiệm kỳ 2020-2025.",
     [(12, "2020-2025")]),
    ("văn kiện Đại hội (ĐH) đại biểu Đảng bộ Khối Cơ quan Dân Chính Đảng TP Cần Thơ lần thứ VIII, "
     "nhiệm kỳ 2020-2025.", [(8, "2020-2025")]),
    ("chuẩn bị Đại hội XIII của Đảng", [(13, None)]),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng", [(11, None)]),
    ("tiến tới Đại hội XVII Đảng bộ Thành phố", [(17, None)]),
    ("Đại hội Đảng bộ KCQ DCĐ TP Cần Thơ lần thứ VI, nhiệm kỳ 2010 - 2015", [(6, "2010-2015")]),
    ("Đại hội đại biểu Hội Nông dân tỉnh lần thứ X (nhiệm kỳ 2023-2028)", [(10, "2023-2028")]),
    ("Đại hội Đoàn TNCS Hồ Chí Minh tỉnh lần thứ 15", [(15, None)]),
    ("Đại hội Đảng bộ tỉnh lần thứ XIV và Đại hội Đảng bộ huyện lần thứ XIV", [(14, None), (14, None)]),
    ("chuẩn bị đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
     [(14, None)]),
    ("Đại hội Đảng bộ xã lần thứ XXIV đề ra", [(24, None)]),
])
def test_congress_ordinal_and_term(text, expected):
    assert congresses(text) == expected


@pytest.mark.parametrize("text", [
    "chuẩn bị tổ chức đại hội Đảng các cấp",
    "củng cố trước đại hội đảng bộ nhiệm kỳ 2020-2025",
    "Báo cáo kiểm điểm của BCH Đảng bộ khóa VII",
    "Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII",
])
def test_no_ordinal_no_congress(text):
    assert congresses(text) == []


def test_congress_named_twice_counts_once_with_its_term():
    text = ("* Hội nghị thông qua văn kiện Đại hội đại biểu Đảng bộ quận Thốt Nốt lần thứ XII\n\n"
            "Thường trực Thành ủy thông qua văn kiện ĐH đại biểu Đảng bộ quận Thốt Nốt lần thứ XII, "
            "nhiệm kỳ 2020-2025.")
    assert congresses(text) == [(12, "2020-2025")]


def test_short_and_long_names_of_one_congress_merge():
    text = ("Đảng bộ Khối các cơ quan tỉnh tổ chức Đại hội đại biểu lần thứ IV. Đại hội Đảng bộ Khối "
            "các cơ quan tỉnh lần thứ IV, nhiệm kỳ 2020 - 2025 thành công.")
    assert congresses(text) == [(4, "2020-2025")]


def test_congress_span_and_organization():
    text = "Khai mạc Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XIX, nhiệm kỳ 2020-2025."
    congress = extract(text).congresses[0]
    assert congress.text == "Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XIX, nhiệm kỳ 2020-2025"
    assert text[congress.start:congress.end] == congress.text
    assert congress.organization == "đảng bộ tỉnh nghệ an"
