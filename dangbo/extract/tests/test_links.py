"""Links between documents: implements, replaces, amends, guides, reviews."""
import pytest

from dangbo.extract import extract


def links(text: str) -> list[tuple]:
    def name(ref):
        if ref is None:
            return None
        return f"{ref['type_code']} {ref['number']}/{ref['issuer_code']}"
    return [(name(link.source), link.kind, name(link.target)) for link in extract(text).links]


@pytest.mark.parametrize("text, expected", [
    ("BTV Tỉnh ủy đã kịp thời ban hành Kế hoạch số 248-KH/TU ngày 9-8-2019 triển khai thực hiện Chỉ thị "
     "số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp.",
     [("KH 248/TU", "thuc_hien", "CT 35/TW")]),
    ("Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW "
     "của Ban Bí thư.", [("KH 25/TU", "thuc_hien", "KL 100/TW")]),
    ("Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022, Tỉnh ủy ban hành Chương trình hành động.",
     [(None, "thuc_hien", "NQ 21/TW")]),
    ("Ban Thường vụ Huyện ủy ban hành Kế hoạch số 12-KH/HU để cụ thể hóa Nghị quyết số 05-NQ/TU.",
     [("KH 12/HU", "thuc_hien", "NQ 05/TU")]),
])
def test_implements(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Quy định 102-QĐ/TW ngày 15/11/2017 của Bộ Chính trị gồm 5 chương 37 điều thay thế Quy định số "
     "181-QĐ/TW, ngày 30/3/2013 của Bộ Chính trị.", [("QĐ 102/TW", "thay_the", "QĐ 181/TW")]),
    ("Hướng dẫn số 12-HD/BTCTW thay thế Hướng dẫn số 09-HD/BTCTW.", [("HD 12/BTCTW", "thay_the", "HD 09/BTCTW")]),
    ("Quy định số 22-QĐ/TW sửa đổi, bổ sung một số điều của Quy định số 30-QĐ/TW.",
     [("QĐ 22/TW", "sua_doi", "QĐ 30/TW")]),
    ("Hướng dẫn số 11-HD/UBKTTW hướng dẫn thực hiện Quy định số 94-QĐ/TW về xử lý kỷ luật đảng viên.",
     [("HD 11/UBKTTW", "huong_dan", "QĐ 94/TW")]),
])
def test_replaces_amends_guides(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sáng 21-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị tổng kết việc thực hiện Nghị quyết số 18-NQ/TW "
     "ngày 25-10-2017 của Ban Chấp hành Trung ương.", [(None, "so_tong_ket", "NQ 18/TW")]),
    ("Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.", [(None, "so_tong_ket", "CT 05/TW")]),
    ("Báo cáo sơ kết 1 năm thực hiện: Đề án số 04-ĐA/TU ngày 29-1-2021 của Tỉnh ủy về khoa học; Đề án "
     "số 02-ĐA/TU ngày 29-1-2021 của Tỉnh ủy về du lịch; Nghị quyết số 06-NQ/TU ngày 29-1-2021 của Tỉnh ủy.",
     [(None, "so_tong_ket", "ĐA 04/TU"), (None, "so_tong_ket", "ĐA 02/TU"), (None, "so_tong_ket", "NQ 06/TU")]),
])
def test_reviews_and_their_lists(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize("text", [
    "Ban Thường vụ ban hành Kế hoạch số 12-KH/TU. Nghị quyết số 05-NQ/TU đã được quán triệt.",
    "Chỉ thị số 35-CT/TW và Kế hoạch số 248-KH/TU được triển khai nghiêm túc.",
])
def test_no_link_without_a_relation(text):
    assert links(text) == []
