"""Citizen ID checks (Thông tư 07/2016/TT-BCA, Art. 7), without a database: the province code
of the birth registration, the century-and-gender digit and the two birth-year digits."""
from datetime import date

import pytest

from dangbo.members.rules import citizen_id_century_digit, citizen_id_problems, validate_member


@pytest.mark.parametrize("year, gender, digit", [
    (1900, "nam", 0), (1999, "nu", 1), (2000, "nam", 2), (2099, "nu", 3), (2100, "nam", 4), (2101, "nu", 5),
    (1899, "nam", None), (1985, "", None),
])
def test_century_and_gender_digit(year, gender, digit):
    assert citizen_id_century_digit(year, gender) == digit


def test_an_id_that_agrees_with_the_record_passes():
    assert citizen_id_problems("001085000777", date(1985, 5, 17), "nam") == []
    assert citizen_id_problems("012301000001", date(2001, 1, 2), "nu") == []   # Lai Châu, woman born 2001
    assert citizen_id_problems("096199123456", date(1999, 12, 31), "nu") == []  # Cà Mau


@pytest.mark.parametrize("citizen_id, problem", [
    ("100085000777", "mã tỉnh nơi đăng ký khai sinh «100» không có"),
    ("003085000777", "mã tỉnh nơi đăng ký khai sinh «003» không có"),
    ("097085000777", "mã tỉnh nơi đăng ký khai sinh «097» không có"),
])
def test_an_impossible_province_code_is_refused(citizen_id, problem):
    assert any(problem in p for p in citizen_id_problems(citizen_id, date(1985, 5, 17), "nam"))


def test_a_gender_or_century_digit_that_contradicts_the_record_is_refused():
    woman = citizen_id_problems("001085000777", date(1985, 5, 17), "nu")
    assert woman == ["Số CCCD: chữ số thứ 4 «0» không khớp giới tính và thế kỷ sinh (phải là 1)."]
    born_2005 = citizen_id_problems("001005000777", date(2005, 5, 17), "nam")
    assert "chữ số thứ 4 «0»" in born_2005[0] and "(phải là 2)" in born_2005[0]


def test_birth_year_digits_must_match():
    problems = citizen_id_problems("001086000777", date(1985, 5, 17), "nam")
    assert problems == ["Số CCCD: chữ số thứ 5–6 «86» không khớp năm sinh 1985."]


def test_without_birth_date_or_gender_only_the_province_is_checked():
    assert citizen_id_problems("001086000777", None, "nam") == []
    assert citizen_id_problems("001186000777", date(1986, 1, 1), "") == []


def test_the_member_record_rules_report_them_on_the_citizen_id_field():
    record = {"full_name": "Nguyễn Thị Lan", "birth_date": date(1985, 5, 17), "gender": "nu",
              "admission_date": date(2010, 3, 2), "official_date": date(2011, 3, 2), "status": "chinh_thuc",
              "citizen_id": "001085000777"}
    errors = validate_member(record, today=date(2026, 1, 1))
    assert [(e.field, e.message) for e in errors] == [
        ("citizen_id", "Số CCCD: chữ số thứ 4 «0» không khớp giới tính và thế kỷ sinh (phải là 1).")]
