"""Vietnamese number format and Roman numerals."""
import pytest

from dangbo.extract.numbers import ordinal_value, parse_vn_number, roman_to_int


@pytest.mark.parametrize("text, value", [
    ("60.137", 60137), ("7.000", 7000), ("1.234.567", 1234567), ("3,76", 3.76), ("11,26", 11.26),
    ("05", 5), ("1.234,5", 1234.5), ("100", 100), ("3.76", 3.76), ("0,9", 0.9),
])
def test_vietnamese_numbers(text, value):
    assert parse_vn_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("I", 1), ("IV", 4), ("VI", 6), ("VIII", 8), ("IX", 9), ("XI", 11), ("XII", 12), ("XIII", 13),
    ("XIV", 14), ("XVII", 17), ("XIX", 19), ("XXIV", 24),
])
def test_roman_ordinals(text, value):
    assert roman_to_int(text) == value


@pytest.mark.parametrize("text", ["", "IIII", "VX", "ABC", "xii x"])
def test_not_roman(text):
    assert roman_to_int(text) is None


@pytest.mark.parametrize("text, value", [("tư", 4), ("năm", 5), ("mười hai", 12), ("12", 12), ("XII", 12)])
def test_ordinals_in_words(text, value):
    assert ordinal_value(text) == value
