"""Document numbers as they appear in the seed articles and DOMAIN.md, and what is not a number."""
from datetime import date

import pytest

from dangbo.documents import numbering
from dangbo.documents.numbering import DocumentNumberError, canonical, next_number, parse

# Every number written out in the seed articles (shared/seeds/*.txt beside the project), with its full type name.
SEED_NUMBERS = {
    "02-NQ/ĐUK": "Nghị quyết",   # 001: Nghị quyết số 02-NQ/ĐUK ngày 4-7-2011
    "03-NQ/ĐUK": "Nghị quyết",   # 001: Nghị quyết số 03-NQ/ĐUK ngày 4-7-2011
    "05-CT/TW": "Chỉ thị",       # 000, 004: Chỉ thị số 05-CT/TW của Bộ Chính trị
    "01-CTr/TU": "Chương trình",  # 002: Chương trình 01-CTr/TU
    "135-KH/TU": "Kế hoạch",     # 002: Kế hoạch số 135-KH/TU
    "155-KH/TU": "Kế hoạch",     # 002: Kế hoạch số 155-KH/TU ngày 08/7/2019
    "03-NQ/TU": "Nghị quyết",    # 004: Nghị quyết số 03-NQ/TU của Tỉnh uỷ khoá X
    "22-HD/BTCTU": "Hướng dẫn",  # 004: Hướng dẫn số 22-HD/BTCTU ngày 01/02/2019
    "29-HD/BTCTU": "Hướng dẫn",  # 004: Hướng dẫn số 29-HD/BTCTU ngày 03/02/2020
}
# Numbers quoted in DOMAIN.md (§0, §2) and the issue. A bare "QĐ" reads as Quyết định; the
# document's own type (294 and 366 are Quy định) is stored beside the number.
DOMAIN_NUMBERS = {
    "244-QĐ/TW": "Quyết định", "294-QĐ/TW": "Quyết định", "366-QĐ/TW": "Quyết định",
    "07-QĐi/TW": "Quy định", "08-QĐi/TW": "Quy định", "36-HD/VPTW": "Hướng dẫn",
    "43-HD/BTCTW": "Hướng dẫn", "10072-CV/BTCTW": "Công văn", "198-KL/TW": "Kết luận",
    "50-CT/TW": "Chỉ thị", "127-QĐ/TW": "Quyết định", "24-BS/UBKTTU": "Bản sao",
    "05-QC/BTCTU-BDVTU": "Quy chế", "02-BC/TU": "Báo cáo", "12-TTr/HU": "Tờ trình",
    "03-TB/ThU": "Thông báo", "01-BB/ĐH": "Biên bản",
}


@pytest.mark.parametrize("number,type_name", {**SEED_NUMBERS, **DOMAIN_NUMBERS}.items())
def test_every_seed_number_parses_to_itself(number, type_name):
    parsed = parse(number)
    assert parsed.symbol == number
    assert parsed.display() == f"Số {number}"
    assert parsed.type_name == type_name


@pytest.mark.parametrize("number", SEED_NUMBERS)
def test_seed_numbers_survive_how_people_type_them(number):
    sequence, rest = number.split("-", 1)
    type_code, issuer = rest.split("/", 1)
    variants = [
        f"Số {number}", f"số {number}", f"Số: {number}", f"SỐ {number}",
        f"{int(sequence)}-{type_code}/{issuer}",
        f"{sequence} - {type_code} / {issuer}",
        f"{sequence}–{type_code}/{issuer}",  # en dash
        f"{sequence}-{type_code.lower()}/{issuer.lower()}",
        f"{sequence}-{type_code}/{issuer.replace('Đ', 'D')}",
        f"{SEED_NUMBERS[number]} số {number}",
    ]
    for variant in variants:
        assert canonical(variant) == number, variant


def test_leading_zero_below_ten_only():
    assert canonical("2-NQ/ĐUK") == "02-NQ/ĐUK"
    assert canonical("002-NQ/ĐUK") == "02-NQ/ĐUK"
    assert canonical("10-NQ/ĐUK") == "10-NQ/ĐUK"
    assert canonical("135-KH/TU") == "135-KH/TU"


def test_known_codes_get_their_d_with_stroke_back():
    assert canonical("02-NQ/DUK") == "02-NQ/ĐUK"
    assert canonical("1-QD/TW") == "01-QĐ/TW"
    assert canonical("7-qdi/tw") == "07-QĐi/TW"
    assert canonical("3-NQ/dd") == "03-NQ/ĐĐ"
    assert canonical("3-NQ/bcsd") == "03-NQ/BCSĐ"
    assert canonical("4-KH/thu") == "04-KH/ThU"
    # Dân vận keeps its plain D.
    assert canonical("05-QC/btctu-bdvtu") == "05-QC/BTCTU-BDVTU"


def test_registered_issuer_codes_decide_the_spelling_of_unusual_codes():
    assert canonical("02-NQ/DUKCCQ", known_issuers=["ĐUKCCQ"]) == "02-NQ/ĐUKCCQ"
    assert canonical("02-NQ/DUKCCQ") == "02-NQ/DUKCCQ"


def test_joint_document_numbers_in_the_lead_issuers_series():
    number = parse("05-QC/BTCTU-BDVTU")
    assert number.issuers == ("BTCTU", "BDVTU")
    assert number.lead_issuer == "BTCTU"
    assert next_number(["05-QC/BTCTU-BDVTU", "02-QC/BTCTU"], "BTCTU", "QC") == 6
    assert next_number(["05-QC/BTCTU-BDVTU"], "BDVTU", "QC") == 1


def test_qdi_follows_the_setting():
    assert canonical("07-QĐi/TW", accept_qdi=True) == "07-QĐi/TW"
    with pytest.raises(DocumentNumberError, match="QĐi"):
        parse("07-QĐi/TW", accept_qdi=False)
    assert canonical("294-QĐ/TW", accept_qdi=False) == "294-QĐ/TW"


INVALID = [
    "",
    "   ",
    "abc",
    "Số",
    "NQ/ĐUK",                 # no sequence
    "02-NQ",                  # no issuer
    "02/ĐUK",                 # no type
    "02-NQ/",                 # empty issuer
    "-NQ/TU",                 # empty sequence
    "0-NQ/TU",                # sequence starts at 01
    "00-NQ/TU",
    "100000-NQ/TU",           # beyond any series
    "02-XX/ĐUK",              # unknown type
    "02-QyĐ/TU",              # state abbreviation
    "02/2020/NĐ-CP",          # state number form
    "02/NQ-TU",               # state separators
    "02--NQ/TU",
    "02-NQ//TU",
    "02-NQ/TU/ĐUK",
    "02-NQ/ĐUK-",             # dangling joint issuer
    "02-NQ/TU-TU",            # same issuer twice
    "02-NQ/123",              # issuer is not a code
    "2a-NQ/TU",
    "02-NQ-TU",
    "Chỉ thị 35",             # a reference, not a number
    "Kế hoạch số 02-NQ/TU",   # type name and code disagree
    "Công điện số 02-NQ/TU",  # not a party document type
    "02 NQ TU",
    "02-N Q/TU",
]


@pytest.mark.parametrize("text", INVALID)
def test_what_is_not_a_number_is_refused_with_a_message(text):
    with pytest.raises(DocumentNumberError) as error:
        parse(text)
    assert str(error.value)  # a Vietnamese sentence the form can show
    assert not numbering.is_valid(text)


def test_none_is_refused():
    with pytest.raises(DocumentNumberError):
        parse(None)


def test_type_names_and_codes():
    assert numbering.type_name("ctr") == "Chương trình"
    assert numbering.type_name("QĐi") == "Quy định"
    assert numbering.type_for_name("nghi quyet").codes == ("NQ",)
    assert numbering.type_for_name("KẾ HOẠCH").key == "ke_hoach"
    assert numbering.type_for_name("Công điện") is None
    assert numbering.code_fits_type("quy_dinh", "QĐi") and numbering.code_fits_type("quy_dinh", "QĐ")
    assert not numbering.code_fits_type("nghi_quyet", "KH")
    assert numbering.default_type_key("QĐ") == "quyet_dinh"
    assert numbering.default_type_key("QĐi") == "quy_dinh"
    assert numbering.default_type_key("CTr") == "chuong_trinh"


def test_issuer_descriptions():
    assert numbering.issuer_description("duk") == "Đảng ủy khối"
    assert numbering.issuer_description("BTCTU").startswith("Ban Tổ chức")
    assert numbering.issuer_description("UBKTTW").startswith("Ủy ban Kiểm tra")
    assert numbering.issuer_description("XYZ") == ""


def test_format_number_from_parts():
    assert numbering.format_number(2, "NQ", "ĐUK") == "02-NQ/ĐUK"
    assert numbering.format_number(2, "nq", "duk", prefix=True) == "Số 02-NQ/ĐUK"
    assert numbering.format_number(5, "QC", ["BTCTU", "BDVTU"]) == "05-QC/BTCTU-BDVTU"
    with pytest.raises(DocumentNumberError):
        numbering.format_number(0, "NQ", "TU")


def test_next_number_continues_after_the_highest_and_ignores_other_series():
    issued = ["01-NQ/TU", "03-NQ/TU", "07-KH/TU", "09-NQ/HU", "12-NQ/BTCTU"]
    assert next_number(issued, "TU", "NQ") == 4
    assert next_number(issued, "TU", "KH") == 8
    assert next_number(issued, "TU", "HD") == 1
    assert next_number([], "ĐUK", "NQ") == 1


def test_numbering_period_is_the_term_with_the_year_as_fallback():
    terms = [(1, date(2015, 10, 20), date(2020, 10, 15)), (2, date(2020, 10, 16), None)]
    assert numbering.numbering_period(date(2020, 10, 15), terms) == ("term", 1)
    assert numbering.numbering_period(date(2020, 10, 16), terms) == ("term", 2)
    assert numbering.numbering_period(date(2010, 1, 1), terms) == ("year", 2010)
    assert numbering.numbering_period(date(2021, 3, 1), terms, by_year=True) == ("year", 2021)
    assert numbering.term_containing(date(2016, 1, 1), []) is None
