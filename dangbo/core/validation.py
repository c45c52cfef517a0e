"""The one validation layer for text and numbers typed by users: forms, API and imports.

Plain Python (no Django), so every rule is tested without a database. The Django side
(`core/model_checks.py`) applies these rules to every model save, the API parser
(`core/api_errors.py`) to every JSON body and query string, the form mixin
(`core/forms.py`) to every form and the spreadsheet pipeline (`core/tabular.py`) to every
imported cell. Each rule raises `InvalidInput` with a Vietnamese message.

Rules:
- text is NFC-normalised (`core.vn.nfc`); single-line text has its whitespace collapsed;
- control characters (NUL and the rest of C0/C1 except tab and line breaks), bidi
  overrides and isolates (the "RTL override" trick that shows "gpj.exe" as "exe.jpg"),
  zero-width and other invisible format characters, broken surrogates and Unicode
  non-characters are refused: they hide text from the reader, break exports (XML forbids
  most of them) and PostgreSQL refuses NUL outright;
- every text has a length limit, on SQLite too (which ignores max_length);
- numbers are bounded: years, ordinals, offsets, page sizes, decimals by their digits.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from dangbo.core import vn


class InvalidInput(ValueError):
    """A value a user typed breaks a rule; str(error) is the Vietnamese message."""


# -- limits --------------------------------------------------------------------------------

TEXT_LIMIT = 20_000  # a free-text field without max_length (notes, wording, comments)
LONG_TEXT_LIMIT = 1_000_000  # the full text of an article or document (about 300 pages)
YEAR_MIN, YEAR_MAX = 1930, 2100  # the Party was founded in 1930
ORDINAL_MAX = 100  # congress ordinal, term number ("khóa"): the 14th National Congress is 2026
OFFSET_MAX = 10_000_000  # above the 5.6 million members of the whole Party
LIMIT_MAX = 1_000  # rows of one API page
ID_MAX = 2**63 - 1  # the largest primary key a BIGINT holds
DECIMAL_MAX = Decimal("999999999999")  # 12 integer digits: max_digits=14, decimal_places=2

# -- characters ----------------------------------------------------------------------------

_LINE_BREAKS = "\n\r\t"
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff\u180e")
# Characters XML 1.0 forbids (openpyxl and python-docx refuse them): C0 controls but tab and
# line breaks, surrogates, U+FFFE and U+FFFF.
XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _kind_of(char: str) -> str | None:
    """Why `char` may not be stored, in Vietnamese; None when it may."""
    if char == "\x00":
        return "ký tự rỗng NUL"
    if char in _BIDI:
        return "ký tự đảo chiều văn bản"
    if char in _ZERO_WIDTH:
        return "ký tự vô hình (độ rộng bằng 0)"
    category = unicodedata.category(char)
    if category == "Cc" and char not in _LINE_BREAKS:
        return "ký tự điều khiển"
    if category == "Cf" and char != "\u00ad":  # soft hyphen: harmless, Word inserts it
        return "ký tự định dạng ẩn"
    if category == "Cs":
        return "ký tự Unicode hỏng"
    if (ord(char) & 0xFFFE) == 0xFFFE or 0xFDD0 <= ord(char) <= 0xFDEF:
        return "ký tự không dùng được"
    return None


def forbidden_character(text: str) -> str | None:
    """The Vietnamese message for the first character that may not be stored, or None."""
    if text.isprintable() or text.replace("\n", "").replace("\r", "").replace("\t", "").isprintable():
        return None  # fast path (C speed): no control, format, surrogate or unassigned character
    for position, char in enumerate(text, start=1):
        kind = _kind_of(char)
        if kind:
            return (f"Có {kind} (U+{ord(char):04X}) ở vị trí {position}; "
                    "hãy gõ lại đoạn này thay vì dán từ nguồn khác.")
    return None


def strip_forbidden(text: str) -> str:
    """`text` without the characters `forbidden_character` refuses: for text read from
    files (PDF form feeds, zero-width spaces of web pages), where refusing would only
    punish the user for the tool that made the file."""
    return "".join(char for char in text if _kind_of(char) is None)


def check_text(value: Any, *, max_length: int | None = TEXT_LIMIT, multiline: bool = False) -> str:
    """Clean text: NFC; whitespace collapsed (or, multiline, line ends kept); no forbidden
    character; at most `max_length` characters. None becomes ""."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    problem = forbidden_character(value)
    if problem:
        raise InvalidInput(problem)
    text = normalize_multiline(value) if multiline else vn.nfc(value)
    if max_length is not None and len(text) > max_length:
        raise InvalidInput(f"Dài {vn.format_number(len(text))} ký tự, quá giới hạn "
                           f"{vn.format_number(max_length)} ký tự.")
    return text


def normalize_multiline(text: str) -> str:
    """NFC, line ends as \\n, spaces at line ends trimmed, the whole text trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


# -- numbers -------------------------------------------------------------------------------


def check_integer(value: Any, minimum: int | None = None, maximum: int | None = None) -> int:
    """An integer within [minimum, maximum]; booleans and fractions are refused."""
    if isinstance(value, bool):
        raise InvalidInput("Phải là số nguyên.")
    if isinstance(value, int):
        number = value
    else:
        try:
            as_decimal = Decimal(str(value).strip())
        except (InvalidOperation, ValueError):
            raise InvalidInput("Phải là số nguyên.") from None
        if not as_decimal.is_finite() or as_decimal != as_decimal.to_integral_value():
            raise InvalidInput("Phải là số nguyên.")
        if as_decimal.adjusted() > 30:  # int() of "1e999999999" would build a billion digits
            raise InvalidInput("Số quá lớn.")
        number = int(as_decimal)
    _check_range(number, minimum, maximum)
    return number


def check_decimal(value: Any, *, max_digits: int = 14, decimal_places: int = 2,
                  minimum: Decimal | int | None = None, maximum: Decimal | int | None = None) -> Decimal:
    """A finite decimal that fits a DECIMAL(max_digits, decimal_places) column, rounded to
    its decimal places: "1e30", "NaN" and "Infinity" are refused."""
    if isinstance(value, bool):
        raise InvalidInput("Phải là số.")
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidInput("Phải là số.") from None
    if not number.is_finite():
        raise InvalidInput("Phải là một số hữu hạn.")
    integer_digits = max_digits - decimal_places
    if abs(number) >= Decimal(10) ** integer_digits:
        raise InvalidInput(f"Số quá lớn: tối đa {integer_digits} chữ số trước dấu phẩy.")
    number = number.quantize(Decimal(1).scaleb(-decimal_places))
    _check_range(number, minimum, maximum)
    return number


def check_year(value: Any) -> int:
    return check_integer(value, YEAR_MIN, YEAR_MAX)


def is_ascii_digits(text: str) -> bool:
    """"2025" yes; "²", "٣" (which str.isdigit accepts and int() refuses or reads) no."""
    return text.isascii() and text.isdigit()


def int_param(text: Any, minimum: int = 0, maximum: int = ID_MAX) -> int | None:
    """A whole number from a query string within [minimum, maximum], else None: filters
    and page numbers ignore what they cannot use instead of failing."""
    text = str(text or "").strip()
    if not is_ascii_digits(text) or len(text) > 19:
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def _check_range(number, minimum, maximum) -> None:
    if minimum is not None and maximum is not None and not minimum <= number <= maximum:
        raise InvalidInput(f"Phải từ {_show(minimum)} đến {_show(maximum)}.")
    if minimum is not None and number < minimum:
        raise InvalidInput(f"Phải từ {_show(minimum)} trở lên.")
    if maximum is not None and number > maximum:
        raise InvalidInput(f"Không được quá {_show(maximum)}.")


def _show(number) -> str:
    """Years print without a thousands dot (2025, not 2.025)."""
    if isinstance(number, int) and YEAR_MIN <= number <= YEAR_MAX:
        return str(number)
    return vn.format_number(number, 0 if number == int(number) else 2)


# -- exports -------------------------------------------------------------------------------

# OWASP "CSV injection": a cell starting with one of these is a formula to a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def export_text(value: str) -> str:
    """A string as it may go into an .xlsx or .csv cell: characters XML forbids dropped."""
    return XML_FORBIDDEN_RE.sub("", value)


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_PREFIXES)


def csv_safe(value: str) -> str:
    """A CSV cell that no spreadsheet evaluates: a leading apostrophe before a formula
    character (OWASP), the way Excel itself marks text."""
    value = export_text(value)
    return "'" + value if looks_like_formula(value) else value
