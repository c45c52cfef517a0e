"""Party document numbers and symbols ("Số 02-NQ/ĐUK"), after Hướng dẫn 36-HD/VPTW (03/4/2018).

DOMAIN.md §2.2–2.5:
- The symbol is ``{n:02d}-{TYPE}/{ISSUER}``: hyphen before the type code, slash before the
  issuer code, joint issuers joined by hyphens ("05-QC/BTCTU-BDVTU"), leading zero below 10,
  shown after "Số " without a colon.
- Committees number **from 01 per document type per committee term** (the term runs from the
  day after one congress closes to the closing day of the next). The series key is therefore
  (issuer, type, term), not the calendar year. Joint documents take the lead (first) issuer's
  series; secret documents share the series of the non-secret ones.
- "Quy định" is "QĐi" in HD 36 but "QĐ" in central documents since about 2019 (205-QĐ/TW,
  294-QĐ/TW): the parser accepts both when ``accept_qdi`` is true
  (settings.DANGBO_RULES["accept_qdi"]); with it false "QĐi" is refused.

Input is tolerated as people type it: "số 02 - NQ / DUK", "Số: 2–NQ/ĐUK", "Nghị quyết số 02-NQ/ĐUK",
"d" for "đ" in known codes, any case. Output is always canonical: "02-NQ/ĐUK", "Số 02-NQ/ĐUK".

Pure Python: no Django import, so the extractor and the review queue can use it as a library.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence


class DocumentNumberError(ValueError):
    """The text is not a party document number; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class DocumentType:
    key: str
    name: str
    codes: tuple[str, ...]  # canonical symbol codes; the first is used for new documents


# HD 36-HD/VPTW type abbreviations (DOMAIN.md §2.4). "Quy định" carries both QĐi and QĐ.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("nghi_quyet", "Nghị quyết", ("NQ",)),
    DocumentType("chi_thi", "Chỉ thị", ("CT",)),
    DocumentType("ket_luan", "Kết luận", ("KL",)),
    DocumentType("quyet_dinh", "Quyết định", ("QĐ",)),
    DocumentType("quy_dinh", "Quy định", ("QĐ", "QĐi")),
    DocumentType("quy_che", "Quy chế", ("QC",)),
    DocumentType("huong_dan", "Hướng dẫn", ("HD",)),
    DocumentType("ke_hoach", "Kế hoạch", ("KH",)),
    DocumentType("chuong_trinh", "Chương trình", ("CTr",)),
    DocumentType("bao_cao", "Báo cáo", ("BC",)),
    DocumentType("thong_bao", "Thông báo", ("TB",)),
    DocumentType("to_trinh", "Tờ trình", ("TTr",)),
    DocumentType("thong_tri", "Thông tri", ("TT",)),
    DocumentType("cong_van", "Công văn", ("CV",)),
    DocumentType("bien_ban", "Biên bản", ("BB",)),
    DocumentType("de_an", "Đề án", ("ĐA",)),
    DocumentType("ban_sao", "Bản sao", ("BS",)),
)
TYPES_BY_KEY = {t.key: t for t in DOCUMENT_TYPES}

# Canonical code -> full type name. "QĐ" reads as Quyết định unless the document says Quy định.
TYPE_CODES: dict[str, str] = {}
for _type in DOCUMENT_TYPES:
    for _code in _type.codes:
        TYPE_CODES.setdefault(_code, _type.name)
TYPE_CODES["QĐi"] = "Quy định"

# Committee codes (DOMAIN.md §2.5) -> who issues under them.
COMMITTEE_CODES: dict[str, str] = {
    "TW": "Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư",
    "TU": "Tỉnh ủy, thành ủy trực thuộc Trung ương",
    "HU": "Huyện ủy",
    "QU": "Quận ủy",
    "ThU": "Thị ủy, thành ủy thuộc tỉnh",
    "ĐU": "Đảng ủy",
    "ĐUK": "Đảng ủy khối",
    "QUTW": "Quân ủy Trung ương",
    "ĐUCA": "Đảng ủy Công an",
    "CB": "Chi bộ",
    "ĐĐ": "Đảng đoàn",
    "BCSĐ": "Ban cán sự đảng",
    "BCĐ": "Ban chỉ đạo",
    "ĐH": "Đại hội",
}
# Advisory bodies are the body's initials followed by the committee code (BTCTU, UBKTTW...).
ADVISORY_PREFIXES: dict[str, str] = {
    "BTC": "Ban Tổ chức",
    "BTG": "Ban Tuyên giáo",
    "BDV": "Ban Dân vận",
    "BTGDV": "Ban Tuyên giáo và Dân vận",
    "BNC": "Ban Nội chính",
    "BKT": "Ban Kinh tế",
    "BĐN": "Ban Đối ngoại",
    "VP": "Văn phòng",
    "UBKT": "Ủy ban Kiểm tra",
}
# State abbreviations that people confuse with party ones.
STATE_TYPE_CODES = {"QYĐ": "Quy định", "NĐ": "Nghị định", "TTG": "Thủ tướng"}

SEQUENCE_MAX = 99999
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SLASHES = "\u2044\u2215\uff0f"
_CODE_PART = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9]{0,14}$")


def _key(code: str) -> str:
    """Case- and Đ/D-insensitive lookup key: "ĐUK", "DUK", "duk" -> "DUK"."""
    return unicodedata.normalize("NFC", code).upper().replace("Đ", "D")


def code_key(code: str) -> str:
    """Comparison key of a code ignoring case and Đ/D: two issuers with equal keys share a series."""
    return _key(code)


_TYPE_LOOKUP = {_key(code): code for code in TYPE_CODES}
_COMMITTEE_LOOKUP = {_key(code): code for code in COMMITTEE_CODES}
_PREFIX_LOOKUP = {_key(code): code for code in ADVISORY_PREFIXES}
_TYPE_NAME_LOOKUP = {}


def _fold_words(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


for _type in DOCUMENT_TYPES:
    _TYPE_NAME_LOOKUP[_fold_words(_type.name)] = _type


@dataclass(frozen=True)
class DocumentNumber:
    """A parsed number: sequence 2, type "NQ", issuers ("ĐUK",) -> "02-NQ/ĐUK"."""

    sequence: int
    type_code: str
    issuers: tuple[str, ...]

    @property
    def issuer(self) -> str:
        """The issuer part as written: "BTCTU-BDVTU" for a joint document."""
        return "-".join(self.issuers)

    @property
    def lead_issuer(self) -> str:
        """Joint documents take the lead (first) issuer's series (HD 36)."""
        return self.issuers[0]

    @property
    def symbol(self) -> str:
        return f"{self.sequence:02d}-{self.type_code}/{self.issuer}"

    @property
    def type_name(self) -> str:
        return type_name(self.type_code)

    def display(self) -> str:
        return f"Số {self.symbol}"

    def __str__(self) -> str:
        return self.symbol


# -- codes -------------------------------------------------------------------------------

def type_name(code: str) -> str:
    """Full Vietnamese name for a type code: "NQ" -> "Nghị quyết", "ctr" -> "Chương trình"."""
    canonical = canonical_type_code(code)
    return TYPE_CODES[canonical]


def canonical_type_code(code: str, *, accept_qdi: bool = True) -> str:
    """"nq" -> "NQ", "QDi" -> "QĐi", "Ctr" -> "CTr"; DocumentNumberError for unknown codes."""
    key = _key(code.strip())
    if not key:
        raise DocumentNumberError("Thiếu ký hiệu loại văn bản (ví dụ NQ, KH, HD).")
    if key in {_key(c) for c in STATE_TYPE_CODES}:
        raise DocumentNumberError(
            f"«{code}» là ký hiệu văn bản của Nhà nước, không phải của Đảng (Quy định của Đảng viết QĐ hoặc QĐi)."
        )
    canonical = _TYPE_LOOKUP.get(key)
    if canonical is None:
        known = ", ".join(sorted(TYPE_CODES))
        raise DocumentNumberError(f"Loại văn bản «{code}» không có trong Hướng dẫn 36-HD/VPTW ({known}).")
    if canonical == "QĐi" and not accept_qdi:
        raise DocumentNumberError("Ký hiệu «QĐi» không được chấp nhận theo cấu hình; Quy định viết «QĐ».")
    return canonical


def type_for_key(key: str) -> DocumentType:
    return TYPES_BY_KEY[key]


def type_for_name(name: str) -> DocumentType | None:
    """"Nghị quyết", "nghi quyet", "KẾ HOẠCH" -> the DocumentType; None if unknown."""
    return _TYPE_NAME_LOOKUP.get(_fold_words(name))


def code_fits_type(type_key: str, code: str) -> bool:
    """Whether a symbol code may be used for a document type (Quy định: QĐ or QĐi)."""
    return code in TYPES_BY_KEY[type_key].codes


def default_type_key(code: str) -> str:
    """The document type a bare code most likely means ("QĐ" -> Quyết định, "QĐi" -> Quy định)."""
    if code == "QĐi":
        return "quy_dinh"
    for document_type in DOCUMENT_TYPES:
        if document_type.codes[0] == code and document_type.key != "quy_dinh":
            return document_type.key
    return next(t.key for t in DOCUMENT_TYPES if code in t.codes)


def canonical_issuer_code(code: str, *, known: Iterable[str] = ()) -> str:
    """One issuer code in canonical spelling: "duk" -> "ĐUK", "btctu" -> "BTCTU", "thu" -> "ThU".

    Known committee codes, advisory prefix + committee code, and any `known` codes (from the
    issuer registry) are matched without regard to case or Đ/D. Other codes are accepted if
    they look like a code (letters, then letters or digits) and kept upper-cased as typed,
    since D and Đ cannot be told apart in a code nobody has registered.
    """
    text = unicodedata.normalize("NFC", code.strip())
    if not text:
        raise DocumentNumberError("Thiếu ký hiệu cơ quan ban hành sau dấu «/» (ví dụ TU, ĐUK, BTCTU).")
    key = _key(text)
    for extra in known:
        if _key(extra) == key:
            return unicodedata.normalize("NFC", extra)
    if key in _COMMITTEE_LOOKUP:
        return _COMMITTEE_LOOKUP[key]
    # Longest advisory prefix first: "BTGDVTU" is Ban Tuyên giáo và Dân vận + TU.
    for prefix_key in sorted(_PREFIX_LOOKUP, key=len, reverse=True):
        if key.startswith(prefix_key) and key[len(prefix_key):] in _COMMITTEE_LOOKUP:
            return _PREFIX_LOOKUP[prefix_key] + _COMMITTEE_LOOKUP[key[len(prefix_key):]]
    upper = text.upper()
    if not _CODE_PART.match(upper) or upper.isdigit():
        raise DocumentNumberError(f"Ký hiệu cơ quan ban hành «{code}» không hợp lệ (chỉ gồm chữ cái viết tắt, ví dụ TU, ĐUK).")
    return upper


def issuer_description(code: str) -> str:
    """"BTCTU" -> "Ban Tổ chức — Tỉnh ủy, thành ủy trực thuộc Trung ương"; "" if unknown."""
    canonical = canonical_issuer_code(code)
    if canonical in COMMITTEE_CODES:
        return COMMITTEE_CODES[canonical]
    for prefix in sorted(ADVISORY_PREFIXES, key=len, reverse=True):
        rest = canonical[len(prefix):]
        if canonical.startswith(prefix) and rest in COMMITTEE_CODES:
            return f"{ADVISORY_PREFIXES[prefix]} — {COMMITTEE_CODES[rest]}"
    return ""


# -- parsing -----------------------------------------------------------------------------

def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text))
    for dash in _DASHES:
        text = text.replace(dash, "-")
    for slash in _SLASHES:
        text = text.replace(slash, "/")
    return " ".join(text.split())


_NUMBER = re.compile(
    r"^(?P<seq>\d+)\s*-\s*(?P<type>[^\s/\-]+)\s*/\s*(?P<issuer>[^\s/]+(?:\s*-\s*[^\s/\-]+)*)$"
)


def _split_heading(cleaned: str, original: str) -> tuple[DocumentType | None, str]:
    """Strip "Số", "số:" and a leading type name ("Kế hoạch số 155-KH/TU") before the digits."""
    first_digit = re.search(r"\d", cleaned)
    if first_digit is None:
        return None, cleaned
    head, rest = cleaned[: first_digit.start()], cleaned[first_digit.start():]
    words = _fold_words(head).rstrip(" :.")
    if words == "so" or words.endswith(" so"):
        words = words[:-2].strip()
    if not words:
        return None, rest
    stated = type_for_name(words)
    if stated is None:
        raise DocumentNumberError(f"«{original}»: trước số văn bản chỉ được ghi «Số» hoặc tên loại văn bản.")
    return stated, rest


def parse(text: str, *, accept_qdi: bool = True, known_issuers: Iterable[str] = ()) -> DocumentNumber:
    """Parse a number as people write it; DocumentNumberError (Vietnamese message) otherwise.

    >>> parse("số 2 – nq / DUK").display()
    'Số 02-NQ/ĐUK'
    """
    if text is None or not str(text).strip():
        raise DocumentNumberError("Chưa nhập số, ký hiệu văn bản (ví dụ 02-NQ/ĐUK).")
    original = str(text).strip()
    cleaned = _clean(original)
    stated_type, cleaned = _split_heading(cleaned, original)
    if re.match(r"^\d+\s*/\s*\d{4}\s*/", cleaned) or re.match(r"^\d+\s*/\s*[^\s\-/]+\s*-", cleaned):
        raise DocumentNumberError(
            f"«{original}» có dạng số văn bản Nhà nước (số/năm/ký hiệu); văn bản của Đảng viết «02-NQ/TU»."
        )
    match = _NUMBER.match(cleaned)
    if not match:
        raise DocumentNumberError(
            f"«{original}» không phải số, ký hiệu văn bản của Đảng (dạng «số-LOẠI/CƠ QUAN», ví dụ 02-NQ/ĐUK)."
        )
    sequence = int(match.group("seq"))
    if sequence < 1 or sequence > SEQUENCE_MAX:
        raise DocumentNumberError(f"«{original}»: số thứ tự phải từ 01 đến {SEQUENCE_MAX}.")
    type_code = canonical_type_code(match.group("type"), accept_qdi=accept_qdi)
    if stated_type is not None and type_code not in stated_type.codes:
        raise DocumentNumberError(
            f"«{original}»: ký hiệu {type_code} không phải của loại «{stated_type.name}» ({', '.join(stated_type.codes)})."
        )
    issuer_parts = [part.strip() for part in match.group("issuer").split("-")]
    if any(not part for part in issuer_parts):
        raise DocumentNumberError(f"«{original}»: ký hiệu cơ quan ban hành bị thiếu giữa hai dấu «-».")
    known = list(known_issuers)
    issuers = tuple(canonical_issuer_code(part, known=known) for part in issuer_parts)
    if len(set(issuers)) != len(issuers):
        raise DocumentNumberError(f"«{original}»: một cơ quan được ghi hai lần trong ký hiệu liên tịch.")
    return DocumentNumber(sequence=sequence, type_code=type_code, issuers=issuers)


def is_valid(text: str, *, accept_qdi: bool = True) -> bool:
    try:
        parse(text, accept_qdi=accept_qdi)
    except DocumentNumberError:
        return False
    return True


def canonical(text: str, *, accept_qdi: bool = True, known_issuers: Iterable[str] = ()) -> str:
    """"số 2-nq/duk" -> "02-NQ/ĐUK" (the stored form)."""
    return parse(text, accept_qdi=accept_qdi, known_issuers=known_issuers).symbol


def display(text: str, *, accept_qdi: bool = True) -> str:
    """"2-nq/duk" -> "Số 02-NQ/ĐUK" (the displayed form)."""
    return parse(text, accept_qdi=accept_qdi).display()


def format_number(sequence: int, type_code: str, issuer: str | Sequence[str], *, prefix: bool = False,
                  accept_qdi: bool = True) -> str:
    """Build the canonical symbol from its parts: (2, "NQ", "ĐUK") -> "02-NQ/ĐUK" ("Số ..." with prefix)."""
    issuers = issuer.split("-") if isinstance(issuer, str) else list(issuer)
    if not isinstance(sequence, int) or not 1 <= sequence <= SEQUENCE_MAX:
        raise DocumentNumberError(f"Số thứ tự phải từ 01 đến {SEQUENCE_MAX}.")
    number = DocumentNumber(
        sequence=sequence,
        type_code=canonical_type_code(type_code, accept_qdi=accept_qdi),
        issuers=tuple(canonical_issuer_code(part) for part in issuers),
    )
    return number.display() if prefix else number.symbol


# -- series and next number --------------------------------------------------------------

def series_key(number: DocumentNumber | str) -> tuple[str, str]:
    """(lead issuer, type code): numbers in one period share a series when this key is equal."""
    parsed = parse(number) if isinstance(number, str) else number
    return (_key(parsed.lead_issuer), parsed.type_code)


def next_number(issued: Iterable[DocumentNumber | str], issuer: str, type_code: str) -> int:
    """The next free sequence for (issuer, type) among the numbers issued **in the same period**.

    The caller passes the numbers of the issuer's current committee term (HD 36: "from 01 per
    type per term"). Numbering continues after the highest one, so gaps left by withdrawn
    drafts are not reused, and joint documents count in their lead issuer's series.
    """
    wanted = (_key(canonical_issuer_code(issuer)), canonical_type_code(type_code))
    highest = 0
    for number in issued:
        parsed = parse(number) if isinstance(number, str) else number
        if series_key(parsed) == wanted:
            highest = max(highest, parsed.sequence)
    return highest + 1


def term_containing(day: date, terms: Iterable[tuple[object, date, date | None]]) -> object | None:
    """The id of the term (id, start, end-or-None) that contains `day`; the newest wins on overlap.

    A committee term runs from the day after its congress closes to the closing day of the next
    (HD 36); open terms (end None) run on.
    """
    found = None
    found_start = None
    for term_id, start, end in terms:
        if start <= day and (end is None or day <= end) and (found_start is None or start > found_start):
            found, found_start = term_id, start
    return found


def numbering_period(day: date, terms: Iterable[tuple[object, date, date | None]] = (), *,
                     by_year: bool = False) -> tuple[str, object]:
    """("term", term id) for the term containing `day`, else ("year", year).

    The year variant exists because many records carry no committee term (central bodies
    whose terms are not in the register, chi bộ registers kept by year, old paper registers);
    HD 36 still says "per term", so the year is the fallback, or chosen with by_year=True for
    offices that in practice restart at 01 each January.
    """
    if not by_year:
        term = term_containing(day, terms)
        if term is not None:
            return ("term", term)
    return ("year", day.year)
