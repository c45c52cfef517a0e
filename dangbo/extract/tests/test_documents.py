"""Document references: what a clerk reading the article would list as party documents."""
from datetime import date

import pytest

from dangbo.extract import extract


def documents(text: str) -> list[tuple]:
    return [(d.type, d.number, d.issuer_code, d.plenum, d.term) for d in extract(text).documents]


@pytest.mark.parametrize("text, expected", [
    ("Đảng ủy Khối đã ban hành Nghị quyết số 02-NQ/ĐUK về xây dựng TCCSĐ trong sạch, vững mạnh.",
     [("Nghị quyết", "02", "ĐUK", None, None)]),
    ("Thành ủy đã ban hành Kế hoạch số 155-KH/TU ngày 08/7/2019 để triển khai thực hiện.",
     [("Kế hoạch", "155", "TU", None, None)]),
    ("Hướng dẫn số 22-HD/BTCTU ngày 01/02/2019 của Ban Tổ chức Tỉnh ủy về sinh hoạt chi bộ.",
     [("Hướng dẫn", "22", "BTCTU", None, None)]),
    ("thực hiện hiệu quả Chỉ thị 05 của Bộ Chính trị về học tập và làm theo Bác",
     [("Chỉ thị", "05", "TW", None, None)]),
    ("quán triệt Quy định số 08 của Ban Chấp hành Trung ương về trách nhiệm nêu gương",
     [("Quy định", "08", "TW", None, None)]),
    ("triển khai Nghị quyết 12 của Huyện ủy về phát triển nông nghiệp",
     [("Nghị quyết", "12", "HU", None, None)]),
    ("Nghị quyết số 05 ngày 10/3/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số",
     [("Nghị quyết", "05", "TU", None, None)]),
    ("thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng",
     [("Nghị quyết", None, "TW", 4, 12)]),
    ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
     [("Nghị quyết", None, "TW", 4, 12)]),
    ("Quy chế phối hợp số 05-QC/BTCTU-BDVTU giữa hai ban",
     [("Quy chế", "05", "BTCTU-BDVTU", None, None)]),
    ("Quy định 08-QĐi/TW và Quyết định số 99-QĐ/TW",
     [("Quy định", "08", "TW", None, None), ("Quyết định", "99", "TW", None, None)]),
    ("các Nghị quyết số 18, 19-NQ/TW Hội nghị Trung ương 6 khóa XII",
     [("Nghị quyết", "18", "TW", None, None), ("Nghị quyết", "19", "TW", None, None)]),
    ("Chương trình hành động số 12-CTr/TU của Tỉnh ủy",
     [("Chương trình", "12", "TU", None, None)]),
])
def test_clerk_sees_each_cited_document(text, expected):
    assert sorted(documents(text), key=str) == sorted(expected, key=str)


def test_plenum_list_shares_the_term_given_after_the_last_one():
    found = documents("tiếp tục thực hiện Nghị quyết Trung ương 6, Nghị quyết Trung ương 7 khóa XII "
                      "và Nghị quyết Trung ương 6, 7 (khóa XII)")
    assert sorted(found, key=str) == [("Nghị quyết", None, "TW", 6, 12), ("Nghị quyết", None, "TW", 7, 12)]


def test_plenum_of_two_terms_is_two_documents():
    found = documents("thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) gắn với Chỉ thị 05-CT/TW")
    assert ("Nghị quyết", None, "TW", 4, 11) in found
    assert ("Nghị quyết", None, "TW", 4, 12) in found
    assert ("Chỉ thị", "05", "TW", None, None) in found


def test_plenum_cited_again_without_term_is_the_same_document():
    text = ("làm việc về Nghị quyết Trung ương 4 khóa XI. Việc triển khai Nghị quyết Trung ương 4 "
            "được các cấp ủy thực hiện nghiêm túc.")
    assert documents(text) == [("Nghị quyết", None, "TW", 4, 11)]


def test_bare_number_without_issuer_is_not_a_document():
    # Trap: "Chỉ thị 03" alone does not identify a document.
    assert documents("Tiếp tục thực hiện Chỉ thị 03 trong năm 2014.") == []


def test_bare_number_cited_again_joins_the_named_document():
    text = "Chỉ thị 03 của Bộ Chính trị được triển khai. Thực hiện Chỉ thị 03, thành phố cần..."
    assert documents(text) == [("Chỉ thị", "03", "TW", None, None)]


def test_issuer_before_the_verb_ban_hanh():
    text = "Ngay sau khi Bộ Chính trị ban hành Chỉ thị số 35, Thành ủy đã ban hành kế hoạch."
    assert documents(text) == [("Chỉ thị", "35", "TW", None, None)]


def test_bare_document_tied_to_a_named_one_shares_its_issuer():
    text = "chỉ đạo quyết liệt việc thực hiện Chỉ thị 15 gắn với Nghị quyết 15 của Ban Thường vụ Thành ủy"
    assert sorted(documents(text)) == [("Chỉ thị", "15", "TU", None, None),
                                       ("Nghị quyết", "15", "TU", None, None)]


def test_bare_document_next_to_a_symbol_does_not_take_its_issuer():
    text = ("Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05 và Kế hoạch "
            "số 34-KH/HU của Huyện ủy.")
    assert sorted(documents(text)) == sorted(
        [("Kết luận", "01", "TW", None, None), ("Kế hoạch", "34", "HU", None, None)])


def test_state_documents_are_not_party_documents():
    assert documents("theo Quyết định số 1234/QĐ-UBND và Nghị định 30/2020/NĐ-CP") == []


def test_congress_resolution_and_drafts_without_number_are_not_documents():
    text = ("thực hiện Nghị quyết Đại hội XIII của Đảng; thông qua dự thảo Kế hoạch kết nạp đảng viên "
            "và Báo cáo 6 tháng đầu năm.")
    assert documents(text) == []


def test_document_cited_twice_counts_once_and_keeps_its_date():
    text = ("Ngày 4-7-2011 Đảng ủy Khối đã ban hành Nghị quyết số 02-NQ/ĐUK về xây dựng Đảng. "
            "Nghị quyết số 02-NQ/ĐUK xác định mục tiêu.")
    found = extract(text).documents
    assert len(found) == 1
    assert found[0].date == date(2011, 7, 4)


def test_date_written_after_the_symbol():
    found = extract("Nghị quyết số 03-NQ/ĐUK ngày 4-7-2011, về tăng cường...").documents[0]
    assert found.date == date(2011, 7, 4)
    assert found.text == "Nghị quyết số 03-NQ/ĐUK ngày 4-7-2011"


def test_old_tone_marks_and_term_of_a_numbered_resolution():
    # "khoá X" after a numbered resolution is its committee's term, not a plenum.
    found = documents("Nghị quyết số 03-NQ/TU của Tỉnh uỷ khoá X về nâng cao chất lượng")
    assert found == [("Nghị quyết", "03", "TU", None, None)]
    assert "plenum" not in extract("Nghị quyết số 03-NQ/TU của Tỉnh uỷ khoá X").to_json()["documents"][0]


@pytest.mark.parametrize("text, expected", [
    ("Ban Thường vụ Huyện ủy Krông Pa đã ban hành Nghị quyết số 09 về phát triển đảng viên.", ("09", "HU")),
    ("Ngày 6/8, Ban Thường vụ Thành ủy Đà Nẵng đã ban hành Chỉ thị số 21 về công tác cán bộ.", ("21", "TU")),
])
def test_issuer_named_with_its_place_before_ban_hành(text, expected):
    assert [(d.number, d.issuer_code) for d in extract(text).documents] == [expected]
