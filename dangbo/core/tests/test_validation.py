"""The validation layer (core/validation.py): plain functions, no database; examples and
Hypothesis properties (bounded, derandomized)."""
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangbo.core import validation as v

FAST = settings(max_examples=200, deadline=None, derandomize=True, database=None)

REFUSED = {
    "NUL": "Nguyễn\x00Văn An",
    "control": "Nguyễn\x07Văn An",
    "C1 control": "Nguyễn\x85Văn An",
    "RTL override": "Nguyễn Văn \u202eAn",
    "bidi isolate": "\u2067Nguyễn Văn An",
    "left-to-right mark": "Nguyễn\u200eVăn An",
    "zero-width space": "Nguyễn\u200bVăn An",
    "zero-width joiner": "Nguyễn Văn\u200d An",
    "byte-order mark": "\ufeffNguyễn Văn An",
    "lone surrogate": "Nguyễn \ud800Văn An",
    "non-character": "Nguyễn \uffffVăn An",
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_invisible_and_control_characters_are_refused_in_vietnamese(name):
    with pytest.raises(v.InvalidInput) as refused:
        v.check_text(REFUSED[name])
    message = str(refused.value)
    assert message.startswith("Có ký tự") and "U+" in message and "vị trí" in message


def test_the_message_says_what_and_where():
    assert "ký tự đảo chiều văn bản (U+202E) ở vị trí 5" in v.forbidden_character("Văn \u202eAn")
    assert "ký tự rỗng NUL (U+0000) ở vị trí 2" in v.forbidden_character("A\x00")


def test_ordinary_vietnamese_text_passes_and_is_nfc():
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Thị Ánh  ")
    assert v.check_text(decomposed) == "Nguyễn Thị Ánh"
    assert v.check_text("Dòng 1\r\nDòng 2\tcột", multiline=True) == "Dòng 1\nDòng 2\tcột"
    assert v.check_text(None) == ""
    assert v.check_text("Từ\u00adkhóa") == "Từ\u00adkhóa"  # a soft hyphen from Word is harmless


def test_length_limit_counts_characters_after_normalising():
    assert v.check_text("a" * 120, max_length=120) == "a" * 120
    with pytest.raises(v.InvalidInput, match="Dài 100.000 ký tự, quá giới hạn 120 ký tự"):
        v.check_text("a" * 100_000, max_length=120)
    with pytest.raises(v.InvalidInput):
        v.check_text("x" * (v.TEXT_LIMIT + 1))


def test_strip_forbidden_cleans_text_read_from_files():
    assert v.strip_forbidden("Đảng\u200b bộ\x0c tỉnh\u202e") == "Đảng bộ tỉnh"
    assert v.strip_forbidden("Dòng 1\nDòng 2") == "Dòng 1\nDòng 2"


@pytest.mark.parametrize("value", ["1e30", "NaN", "Infinity", "-Infinity", "abc", True, "1e12", -10**12])
def test_decimals_that_do_not_fit_are_refused(value):
    with pytest.raises(v.InvalidInput):
        v.check_decimal(value, max_digits=14, decimal_places=2)


def test_decimals_that_fit_are_rounded_to_their_places():
    assert v.check_decimal("999999999999.994") == Decimal("999999999999.99")
    assert v.check_decimal(3.764) == Decimal("3.76")
    assert v.check_decimal("-5", minimum=-10) == Decimal("-5.00")
    with pytest.raises(v.InvalidInput, match="Phải từ 0 trở lên"):
        v.check_decimal("-5", minimum=0)


@pytest.mark.parametrize("value", [-1, 0, 1929, 2101, 10**10, "2024.5", "x", None, True])
def test_years_outside_the_party_s_history_are_refused(value):
    with pytest.raises(v.InvalidInput):
        v.check_year(value)


def test_years_and_integers_in_range_pass():
    assert v.check_year("2025") == 2025
    assert v.check_integer(" 7 ", 1, v.ORDINAL_MAX) == 7
    with pytest.raises(v.InvalidInput, match="Phải từ 1930 đến 2100"):
        v.check_year(1)
    with pytest.raises(v.InvalidInput, match="Không được quá 100"):
        v.check_integer(10**10, maximum=v.ORDINAL_MAX)


@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Nguyễn Văn An", "Nguyễn Văn An"),
    ("An\x00h", "Anh"),
])
def test_csv_cells_never_start_a_formula(value, safe):
    assert v.csv_safe(value) == safe


# -- properties ------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=300))
def test_check_text_either_refuses_or_returns_clean_nfc_text(text):
    try:
        result = v.check_text(text, max_length=200)
    except v.InvalidInput as error:
        assert str(error)  # always a message
        return
    assert v.forbidden_character(result) is None
    assert unicodedata.is_normalized("NFC", result)
    assert len(result) <= 200
    assert result == result.strip()


@FAST
@given(st.text(max_size=300))
def test_strip_forbidden_leaves_nothing_check_text_refuses(text):
    assert v.forbidden_character(v.strip_forbidden(text)) is None


@FAST
@given(st.text(max_size=200))
def test_exported_text_has_no_xml_forbidden_character_and_never_starts_a_formula(text):
    cell = v.csv_safe(text)
    assert not v.XML_FORBIDDEN_RE.search(cell)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@FAST
@given(st.one_of(st.decimals(allow_nan=True, allow_infinity=True), st.floats(), st.integers(), st.text(max_size=30)))
def test_check_decimal_returns_a_value_that_fits_its_column_or_refuses(value):
    try:
        number = v.check_decimal(value, max_digits=14, decimal_places=2)
    except v.InvalidInput:
        return
    assert number.is_finite() and abs(number) < Decimal(10) ** 12
    assert number == number.quantize(Decimal("0.01"))


@FAST
@given(st.one_of(st.integers(), st.text(max_size=20), st.floats(), st.booleans(), st.none()))
def test_check_integer_stays_in_bounds_or_refuses(value):
    try:
        number = v.check_integer(value, v.YEAR_MIN, v.YEAR_MAX)
    except v.InvalidInput:
        return
    assert isinstance(number, int) and v.YEAR_MIN <= number <= v.YEAR_MAX


@FAST
@given(st.text(max_size=100))
def test_the_fast_path_agrees_with_the_character_by_character_rule(text):
    assert (v.forbidden_character(text) is None) == all(v._kind_of(char) is None for char in text)
