"""Header lines, place and signature of party documents for every kind of issuer, written out
as they stand on real documents (36-HD/VPTW)."""
import pytest

from dangbo.core.issuers import (
    OrgNode, committee_name, congress_header_lines, header_lines, place, signing_authority,
)

PROVINCE = OrgNode("tinh", "Đảng bộ tỉnh Lai Châu")
CITY = OrgNode("tinh", "Đảng bộ thành phố Hà Nội")
COMMUNE = OrgNode("cap_tren_co_so", "Đảng bộ xã Bình Lư")
WARD = OrgNode("cap_tren_co_so", "Đảng bộ phường Tân Phong")
SCHOOL = OrgNode("dang_bo_co_so", "Đảng bộ Trường THPT Bình Lư")
TEACHERS = OrgNode("chi_bo", "Chi bộ Giáo viên 1")
VILLAGE = OrgNode("chi_bo_co_so", "Chi bộ thôn Nà Tăm")
PROVINCIAL_AGENCIES = OrgNode("cap_tren_co_so", "Đảng bộ các cơ quan Đảng tỉnh")
CENTRAL_BLOC = OrgNode("truc_thuoc_tw", "Đảng bộ Chính phủ")


@pytest.mark.parametrize("chain, superior, issuer", [
    ([PROVINCE], "", "TỈNH ỦY LAI CHÂU"),
    ([CITY], "", "THÀNH ỦY HÀ NỘI"),
    ([CENTRAL_BLOC], "", "ĐẢNG ỦY CHÍNH PHỦ"),
    ([PROVINCE, COMMUNE], "ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY XÃ BÌNH LƯ"),
    ([PROVINCE, WARD], "ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY PHƯỜNG TÂN PHONG"),
    ([PROVINCE, PROVINCIAL_AGENCIES], "ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"),
    ([PROVINCE, COMMUNE, SCHOOL], "ĐẢNG BỘ XÃ BÌNH LƯ", "ĐẢNG ỦY TRƯỜNG THPT BÌNH LƯ"),
    ([PROVINCE, COMMUNE, SCHOOL, TEACHERS], "ĐẢNG BỘ TRƯỜNG THPT BÌNH LƯ", "CHI BỘ GIÁO VIÊN 1"),
    ([PROVINCE, COMMUNE, VILLAGE], "ĐẢNG BỘ XÃ BÌNH LƯ", "CHI BỘ THÔN NÀ TĂM"),
])
def test_header_lines_of_each_issuer_kind(chain, superior, issuer):
    lines = header_lines(chain)
    assert (lines.superior, lines.issuer) == (superior, issuer)


@pytest.mark.parametrize("chain, body, expected", [
    ([PROVINCE], "Ban Tổ chức", ["TỈNH ỦY LAI CHÂU", "BAN TỔ CHỨC"]),
    ([PROVINCE], "Ủy ban Kiểm tra", ["TỈNH ỦY LAI CHÂU", "ỦY BAN KIỂM TRA"]),
    ([PROVINCE, COMMUNE], "Văn phòng", ["ĐẢNG ỦY XÃ BÌNH LƯ", "VĂN PHÒNG"]),
])
def test_a_body_of_a_committee_stands_under_its_committee(chain, body, expected):
    assert header_lines(chain, body=body).lines == expected


def test_congress_and_its_counting_board():
    congress = congress_header_lines([PROVINCE], "Đại hội đại biểu lần thứ XV")
    assert congress.lines == ["ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XV"]
    board = congress_header_lines([PROVINCE], "Đại hội đại biểu lần thứ XV", board="Ban Kiểm phiếu")
    assert board.lines == ["ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LAI CHÂU", "LẦN THỨ XV", "BAN KIỂM PHIẾU"]
    cell_congress = congress_header_lines([PROVINCE, COMMUNE, VILLAGE], "Đại hội lần thứ III", board="Đoàn Chủ tịch")
    assert cell_congress.lines == ["ĐẠI HỘI CHI BỘ THÔN NÀ TĂM", "LẦN THỨ III", "ĐOÀN CHỦ TỊCH"]


@pytest.mark.parametrize("chain, expected", [
    ([PROVINCE], "Lai Châu"),
    ([CITY], "Hà Nội"),
    ([PROVINCE, COMMUNE], "Bình Lư"),
    ([PROVINCE, WARD], "Tân Phong"),
    ([PROVINCE, COMMUNE, SCHOOL, TEACHERS], "Bình Lư"),
    ([PROVINCE, PROVINCIAL_AGENCIES], "Lai Châu"),
])
def test_place_is_the_province_or_the_commune(chain, expected):
    assert place(chain) == expected


@pytest.mark.parametrize("chain, standing, expected", [
    ([PROVINCE], False, "T/M TỈNH ỦY"),
    ([CITY], False, "T/M THÀNH ỦY"),
    ([PROVINCE], True, "T/M BAN THƯỜNG VỤ"),
    ([PROVINCE, COMMUNE], False, "T/M ĐẢNG ỦY"),
    ([PROVINCE, COMMUNE], True, "T/M BAN THƯỜNG VỤ"),
    ([PROVINCE, COMMUNE, VILLAGE], False, "T/M CHI BỘ"),
    ([PROVINCE, COMMUNE, VILLAGE], True, "T/M CHI BỘ"),
])
def test_signing_authority(chain, standing, expected):
    assert signing_authority(chain, standing_committee=standing) == expected


def test_committee_names():
    assert committee_name(PROVINCE) == "Tỉnh ủy Lai Châu"
    assert committee_name(COMMUNE) == "Đảng ủy xã Bình Lư"
    assert committee_name(VILLAGE) == "Chi bộ thôn Nà Tăm"
    assert committee_name(OrgNode("tinh", "Tỉnh ủy Điện Biên")) == "Tỉnh ủy Điện Biên"
