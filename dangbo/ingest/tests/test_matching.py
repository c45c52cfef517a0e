"""The review queue's pure helpers: no database."""
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from dangbo.ingest import matching


def test_same_article_with_windows_line_ends_and_decomposed_accents_hashes_the_same():
    composed = "Nghị quyết số 02-NQ/ĐUK\nngày 4-7-2011"
    decomposed = "\ufeff" + __import__("unicodedata").normalize("NFD", composed).replace("\n", "  \r\n") + "\r\n\r\n"
    assert matching.normalise_text(decomposed) == composed
    assert matching.text_hash(matching.normalise_text(decomposed)) == matching.text_hash(composed)


def test_article_date_and_title_come_from_the_first_lines():
    text = "10/07/2011 - 19:35\n\nĐẢNG BỘ KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG:\n\nXây dựng trong sạch"
    assert matching.guess_article_date(text) == date(2011, 7, 10)
    assert matching.guess_title(text) == "ĐẢNG BỘ KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG: Xây dựng trong sạch"
    assert matching.guess_article_date("Không có ngày") is None
    assert matching.guess_title("", "bai.txt") == "bai.txt"


@pytest.mark.parametrize("text, title", [
    ("TIN TỨC NỔI BẬT\n\nChủ động triển khai công tác chuẩn bị tổ chức đại hội Đảng các cấp\n"
     "Ngày đăng 30/07/2019 | 5:00 PM  | View count: 106\n\nSáng 30/7, đồng chí ...",
     "Chủ động triển khai công tác chuẩn bị tổ chức đại hội Đảng các cấp"),
    ("Chủ nhật,  03/07/2022\n\nÔng Đinh Thế Huynh làm việc với Thành ủy Cần Thơ\n\nTiếp tục chương trình",
     "Ông Đinh Thế Huynh làm việc với Thành ủy Cần Thơ"),
    ("Xuất bản thông tin\n\nnull Ban Tổ chức Tỉnh uỷ tổ chức Hội nghị trực tuyến\n\nChi tiết bài viết Tin tức\n\n"
     "Ban Tổ chức Tỉnh uỷ tổ chức Hội nghị trực tuyến", "Ban Tổ chức Tỉnh uỷ tổ chức Hội nghị trực tuyến"),
    ("Cập nhật lúc 22:26, Thứ Hai, 01/01/2018 (GMT+7)\n\n(ĐN)- Huyện ủy Xuân Lộc đề ra phương hướng nhiệm vụ "
     "năm 2018. Đảng bộ phấn đấu ...", "Huyện ủy Xuân Lộc đề ra phương hướng nhiệm vụ năm 2018."),
    ("Đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Bí thư Thành ủy:\n\nXây dựng tổ chức đảng thật sự "
     "trong sạch, vững mạnh\n\n* Hội nghị thông qua văn kiện",
     "Đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Bí thư Thành ủy: Xây dựng tổ chức đảng thật sự "
     "trong sạch, vững mạnh"),
    ("Xem với cỡ chữ\n\nLÊ DOÃN CHIÊU\n\nĐồng chí Trần Duy Bình tái đắc cử Bí thư Huyện ủy Hà Trung",
     "Đồng chí Trần Duy Bình tái đắc cử Bí thư Huyện ủy Hà Trung"),
])
def test_title_is_the_headline_not_furniture_or_a_date_line(text, title):
    assert matching.guess_title(text) == title


def test_span_is_found_again_when_the_offsets_are_off():
    text = "Nghị quyết số 02-NQ/ĐUK và Nghị quyết số 03-NQ/ĐUK"
    assert matching.locate_span(text, 0, 23, "Nghị quyết số 02-NQ/ĐUK") == (0, 23)
    start = text.index("Nghị quyết số 03")
    assert matching.locate_span(text, start - 3, start + 20, "Nghị quyết số 03-NQ/ĐUK") == (start, start + 23)
    assert matching.locate_span(text, 5, 999, "không có") == (5, len(text))


def test_overlapping_spans_cut_the_text_into_marked_pieces():
    text = "có từ 90% TCCSĐ trở lên"
    outer = SimpleNamespace(start=0, end=len(text))
    inner = SimpleNamespace(start=6, end=9)
    pieces = matching.segments(text, [outer, inner])
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in pieces] == ["có từ ", "90%", " TCCSĐ trở lên"]
    assert pieces[1].lead is inner and pieces[1].facts == [inner, outer]
    assert pieces[0].opens == [outer] and pieces[1].opens == [inner] and pieces[2].opens == []


def test_document_number_from_extracted_parts_is_canonical():
    assert matching.canonical_number({"number": "02", "type_code": "NQ", "issuer_code": "ĐUK"}) == "02-NQ/ĐUK"
    assert matching.canonical_number({"number": "2", "type_code": "nq", "issuer_code": "duk"}) == "02-NQ/ĐUK"
    assert matching.canonical_number({"symbol": "số 22 - HD/BTCTU"}) == "22-HD/BTCTU"
    assert matching.canonical_number({"number": None, "type_code": "NQ", "issuer_code": "TW"}) is None
    assert matching.document_type_key({"type": "Nghị quyết"}) == "nghi_quyet"
    assert matching.document_type_key({"type_code": "CTr"}) == "chuong_trinh"


def test_numbers_read_the_vietnamese_way():
    assert matching.to_decimal(90) == Decimal("90")
    assert matching.to_decimal("3,76") == Decimal("3.76")
    assert matching.to_decimal("60.137") == Decimal("60137")
    assert matching.to_decimal("17/21") is None
    assert matching.comparator_code(">=") == "gte" and matching.comparator_code("<") == "lt"
    assert matching.parse_iso_date("2011-07-04") == date(2011, 7, 4)
    assert matching.parse_iso_date("04/07/2011") == date(2011, 7, 4)


def test_a_reported_percentage_matches_the_target_it_measures():
    cleanliness = SimpleNamespace(wording="có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh", unit="%")
    members = SimpleNamespace(wording="97% trở lên đảng viên hoàn thành tốt nhiệm vụ", unit="%")
    admitted = SimpleNamespace(wording="kết nạp 7.000 đảng viên mới", unit="đảng viên")
    targets = [cleanliness, members, admitted]
    assert matching.match_target("năm 2013 có 92,5% TCCSĐ đạt trong sạch, vững mạnh", "%", targets) is cleanliness
    assert matching.match_target("98% đảng viên hoàn thành tốt nhiệm vụ", "%", targets) is members
    assert matching.match_target("kết nạp 7.200 đảng viên mới", "%", targets) is None  # unit differs
    assert matching.match_target("12 điểm cầu", "", targets) is None


def test_only_current_committee_positions_become_positions():
    assert matching.position_kind("Bí thư Đảng ủy Khối cơ quan Dân chính Đảng") == "bi_thu"
    assert matching.position_kind("Phó Bí thư Thường trực Tỉnh ủy") == "pho_bi_thu"
    assert matching.position_kind("Ủy viên Ban Thường vụ Tỉnh ủy") == "uv_btv"
    assert matching.position_kind("Thành ủy viên") == "uv_bch"
    assert matching.position_kind("nguyên Bí thư Thành ủy TP Cần Thơ") is None
    assert matching.position_kind("Ủy viên Trung ương Đảng") is None
    assert matching.position_kind("Giám đốc Sở Nội vụ") is None
