from datetime import date

import pytest

from dangbo.core import vn


def test_names_sort_by_given_then_middle_then_family_with_vietnamese_alphabet():
    names = [
        "Trần Văn Ánh", "Nguyễn Thị Anh", "Lê Văn Bình", "Phạm Đức An", "Nguyễn Văn An",
        "Hoàng Thị Ân", "Đỗ Văn Ăn", "Vũ Thị Dung", "Bùi Văn Đức", "Ngô Thị Chi", "Lý Văn Anh", "An Anh",
    ]
    # "An" vs "Ăn" vs "Ân" vs "Anh": letters compare first (a < ă < â), so every "A..." given
    # name precedes "Ă..." and "Â..." ones; and "An" precedes "Anh".
    expected = [
        "Phạm Đức An",     # An; middle Đức < Văn
        "Nguyễn Văn An",
        "An Anh",          # Anh; no middle name sorts first
        "Nguyễn Thị Anh",  # middle Thị < Văn
        "Lý Văn Anh",
        "Trần Văn Ánh",    # same letters, sắc tone after ngang
        "Đỗ Văn Ăn",       # ă after every a...
        "Hoàng Thị Ân",    # â after ă
        "Lê Văn Bình",
        "Ngô Thị Chi",
        "Vũ Thị Dung",
        "Bùi Văn Đức",     # đ after d
    ]
    assert sorted(names, key=vn.name_sort_key) == expected


def test_family_name_breaks_ties_last():
    assert sorted(["Trần Văn Nam", "Lê Văn Nam", "Đặng Văn Nam"], key=vn.name_sort_key) == [
        "Đặng Văn Nam", "Lê Văn Nam", "Trần Văn Nam"]  # đ comes right after d


def test_tones_order_ngang_huyen_hoi_nga_sac_nang():
    words = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]
    assert sorted(words, key=vn.name_sort_key) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]


def test_sort_key_is_digits_only_so_any_collation_agrees():
    assert vn.name_sort_key("Nguyễn Thị Ánh Tuyết").isdigit()


def test_fold_removes_diacritics_and_d_stroke():
    assert vn.fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert vn.fold("  ĐẢNG   ỦY ") == "dang uy"


def test_nfc_normalizes_decomposed_input():
    decomposed = "Nguye\u0302\u0303n"
    assert vn.nfc(decomposed) == "Nguyễn"


@pytest.mark.parametrize("value,decimals,text", [
    (60137, 0, "60.137"), (5600000, 0, "5.600.000"), (11.26, 2, "11,26"), (0, 0, "0"), (1234.5, 1, "1.234,5"),
])
def test_numbers_use_vietnamese_separators(value, decimals, text):
    assert vn.format_number(value, decimals) == text


@pytest.mark.parametrize("value,text", [(3.7612, "3,76%"), (95.0, "95%"), (97.5, "97,5%"), (100, "100%")])
def test_percent_format(value, text):
    assert vn.format_percent(value) == text


def test_dates_print_and_parse_dd_mm_yyyy():
    assert vn.format_date(date(2019, 7, 8)) == "08/07/2019"
    assert vn.parse_date("08/7/2019") == date(2019, 7, 8)
    assert vn.parse_date("4-7-2011") == date(2011, 7, 4)
    assert vn.parse_date("2011-07-04") == date(2011, 7, 4)
    assert vn.parse_date("") is None
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        vn.parse_date("31/02/2020")


@pytest.mark.parametrize("n,roman", [(1, "I"), (4, "IV"), (6, "VI"), (9, "IX"), (12, "XII"), (14, "XIV"), (40, "XL")])
def test_roman_numerals_round_trip(n, roman):
    assert vn.to_roman(n) == roman
    assert vn.from_roman(roman) == n


@pytest.mark.parametrize("bad", ["", "IIII", "ABC", "VX"])
def test_bad_roman_numerals_are_rejected(bad):
    with pytest.raises(ValueError):
        vn.from_roman(bad)


def test_months_between_counts_whole_months():
    assert vn.months_between(date(2000, 5, 17), date(2018, 5, 17)) == 216
    assert vn.months_between(date(2000, 5, 17), date(2018, 5, 16)) == 215
    assert vn.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
