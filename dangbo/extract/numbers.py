"""Vietnamese numbers and Roman numerals.

Vietnamese writes '.' between thousands and ',' before decimals: "60.137" is sixty thousand
one hundred thirty-seven, "3,76%" is three point seven six per cent. Party texts number
congresses, terms and plenums in Roman numerals ("lần thứ XII", "khóa XI") and sometimes in
words ("Hội nghị lần thứ tư").
"""
from __future__ import annotations

import re

# A number as Vietnamese prints it: 7.000 / 60.137 / 1.234.567,5 / 11,26 / 4.
# Thousands groups are exactly three digits; a comma starts the decimals.
VN_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
VN_NUMBER_RE = re.compile(VN_NUMBER)

# Roman numerals I..XXXIX (congress ordinals and terms stay well below 40), upper case only,
# so the pronoun-like Vietnamese words "V" or "X" in lower case never count.
ROMAN = r"X{0,3}(?:IX|IV|V?I{0,3})"
ROMAN_RE = re.compile(rf"^(?:{ROMAN})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# Ordinals in words ("lần thứ tư", "khóa mười hai") as used for plenums and congresses.
WORD_ORDINALS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13,
    "mười bốn": 14, "mười lăm": 15, "mười sáu": 16, "mười bảy": 17, "mười tám": 18,
    "mười chín": 19, "hai mươi": 20,
}


def parse_vn_number(text: str) -> int | float:
    """'60.137' -> 60137, '3,76' -> 3.76, '7.000' -> 7000, '05' -> 5, '1.234,5' -> 1234.5.

    A dot followed by one or two digits ('3.76', English style) is read as a decimal point.
    """
    s = text.strip().replace(" ", "")
    if re.fullmatch(r"\d+\.\d{1,2}", s):
        value = float(s)
    else:
        s = s.replace(".", "").replace(",", ".")
        value = float(s)
    return int(value) if value == int(value) else round(value, 6)


def roman_to_int(text: str) -> int | None:
    """'XII' -> 12, 'VIII' -> 8, 'XIV' -> 14; None for anything that is not a Roman numeral."""
    s = text.strip().upper()
    if not s or not ROMAN_RE.match(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def ordinal_value(text: str) -> int | None:
    """An ordinal as written in party texts: 'XII', '12', 'tư', 'mười hai' -> int."""
    s = " ".join(text.split())
    if s.isdigit():
        return int(s)
    roman = roman_to_int(s)
    if roman:
        return roman
    return WORD_ORDINALS.get(s.lower())
