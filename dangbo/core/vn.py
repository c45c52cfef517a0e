"""Vietnamese text, number and date conventions used everywhere in dangbo.

- Input text is normalised to NFC (Unicode composed form) before it is stored.
- Search folds diacritics away ("Nguyễn Văn A" and "nguyen van a" match).
- Names sort the Vietnamese way: given name first, then middle names, then family name,
  each by the Vietnamese alphabet (a ă â b c d đ e ê ...) and then by tone
  (ngang, huyền, hỏi, ngã, sắc, nặng), as dictionaries and party registers do.
- Numbers print with '.' for thousands and ',' for decimals (60.137; 3,76%), dates dd/mm/yyyy.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal

# Vietnamese alphabet order; f, j, w, z (foreign names) take their Latin places.
ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_CODE = {letter: f"{10 + index:02d}" for index, letter in enumerate(ALPHABET)}

# Combining marks: the vowel modifiers belong to the letter, the tone marks to the syllable.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)
_TONE_ORDER = {"": "0", "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}

# Part separator in the sort key: below every letter code, so "An" sorts before "Anh".
_END_OF_WORD = "00"
_END_OF_PART = "01"
_NUMBER = "02"  # a number in a name: after the end of a word, before every letter


def nfc(text: str | None) -> str:
    """Composed Unicode form, trimmed, inner whitespace collapsed."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def fold(text: str | None) -> str:
    """Lower-case text without diacritics, for accent-insensitive search ("đ" -> "d")."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def _letters_and_tone(word: str) -> tuple[list[str], str]:
    """Split one syllable into Vietnamese letters (ă, ơ, đ...) and its tone mark."""
    letters: list[str] = []
    tone = ""
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONE_ORDER and ch:
            tone = ch
        elif ch in _LETTER_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
        elif unicodedata.combining(ch):
            continue
        else:
            letters.append(ch)
    return letters, tone


# Names repeat a few thousand syllables: imports and the demo generator hit this cache.
@functools.lru_cache(maxsize=65_536)
def _word_key(word: str) -> str:
    letters, tone = _letters_and_tone(word)
    codes = "".join(_LETTER_CODE.get(letter, "99") for letter in letters if letter.isalnum())
    return codes + _END_OF_WORD + _TONE_ORDER[tone]


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name: "Nguyễn Thị Minh Khai" -> Nguyễn / Thị Minh / Khai."""
    words = nfc(full_name).split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """A digits-only key whose plain string order is the Vietnamese name order.

    Digits only, so that any database collation (C, ICU, libc) orders it the same way
    and an ordinary index serves ORDER BY on 5.6 million members.
    """
    family, middle, given = split_name(full_name)
    middle_key = "".join(_word_key(word) for word in middle.split())
    return _word_key(given) + _END_OF_PART + middle_key + _END_OF_PART + (_word_key(family) if family else "")


def text_sort_key(text: str | None) -> str:
    """A digits-only key whose string order is the Vietnamese alphabetical order of a name or
    title, word by word ("Bản Bo" < "Bình Lư" < "Bum Nưa" < "Bum Tở"), numbers by their value
    ("Chi bộ số 2" < "Chi bộ số 10") and before letters. Used for organization names."""
    parts = []
    for word in nfc(text).split():
        for run in re.findall(r"\d+|\D+", word):
            if run.isdigit():
                digits = run.lstrip("0") or "0"
                parts.append(_NUMBER + f"{len(digits):02d}" + digits)
            else:
                parts.append(_word_key(run))
    return "".join(parts)


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """60137 -> "60.137"; 11.26 with decimals=2 -> "11,26"."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | Decimal | None, decimals: int = 2) -> str:
    """3.7612 -> "3,76%"; 95.0 -> "95%" (trailing zero decimals dropped)."""
    if value is None:
        return ""
    text = format_number(value, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"


def percent(part: int, whole: int) -> float | None:
    """part/whole as a percentage, None when there is nothing to divide by."""
    return None if not whole else 100.0 * part / whole


def format_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, the form every party document uses."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_date(text: str | None) -> date | None:
    """Parse dd/mm/yyyy, d-m-yyyy, d.m.yyyy or ISO yyyy-mm-dd; None for empty; ValueError otherwise."""
    text = nfc(text)
    if not text:
        return None
    for separator in "/-.":
        parts = text.split(separator)
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            a, b, c = (int(p) for p in parts)
            try:
                return date(a, b, c) if len(parts[0].strip()) == 4 else date(c, b, a)
            except ValueError:
                break
    raise ValueError(f"Ngày không hợp lệ: «{text}» (dạng dd/mm/yyyy)")


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number: int) -> str:
    """12 -> "XII" (congress ordinals, term numbers)."""
    if number <= 0:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def from_roman(text: str) -> int:
    """"XII" -> 12; ValueError for anything that is not a canonical Roman numeral."""
    text = text.strip().upper()
    total, index = 0, 0
    for value, symbol in _ROMAN:
        while text.startswith(symbol, index):
            total += value
            index += len(symbol)
    if not text or index != len(text) or to_roman(total) != text:
        raise ValueError(f"Không phải số La Mã: «{text}»")
    return total


def months_between(start: date, end: date) -> int:
    """Whole months from start to end (age counted in months, probation of 12 months)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months


def add_months(start: date, months: int) -> date:
    """start + months, clamped to the month's last day (31/1 + 1 month -> 28/2 or 29/2)."""
    import calendar

    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
