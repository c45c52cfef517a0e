"""Pure helpers of the review queue (no Django): text normalisation, spans, highlighting, and
how an extracted fact maps onto registry fields.

- Texts are stored NFC with Unix line ends and no trailing spaces, so the same article pasted
  twice, or uploaded as .txt and pasted, hashes the same (every input is NFC-normalised).
- Document numbers follow Hướng dẫn 36-HD/VPTW through `dangbo.documents.numbering`.
- Committee positions map onto the kinds of Điều lệ Đảng (bí thư, phó bí thư, ủy viên ban
  thường vụ, cấp ủy viên, chi ủy viên); "nguyên ..." (former) positions are not current ones.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterable, Sequence

from dangbo.documents import numbering


# -- text --------------------------------------------------------------------------------

def normalise_text(text: str) -> str:
    """NFC, "\\n" line ends, trailing spaces dropped, no blank lines at either end."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_LEADING_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def guess_article_date(text: str) -> date | None:
    """Newspaper articles start with their date line ("10/07/2011 - 19:35")."""
    for line in text.split("\n")[:3]:
        match = _LEADING_DATE.match(line)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


# Lines at the top of a saved page that are not its headline: section labels, page
# furniture, datelines, view counters.
_NOT_HEADLINE_RE = re.compile(
    r"^(?:tin\s+tức(?:\s+(?:nổi\s+bật|sự\s+kiện|mới))?|xuất\s+bản\s+thông\s+tin|chi\s+tiết\s+bài\s+viết.*"
    r"|trang\s+chủ.*|tin\s+mới(?:\s+nhất)?|xem\s+với\s+cỡ\s+chữ|theo\s+dõi\s+.*google\s+news|a\s+a"
    r"|chia\s+sẻ.*|bản\s+in|in\s+bài|lượt\s+xem.*|cập\s+nhật.*|ngày\s+đăng.*|đăng\s+(?:lúc|ngày).*"
    r"|(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b.*|chính\s+trị|xây\s+dựng\s+đảng|thời\s+sự)\s*[:.]?$",
    re.I)
_DATE_IN_LINE = re.compile(r"\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}|\d{1,2}:\d{2}")
# The lead paragraph starts with the paper's tag: "(CT)- Sáng 28-5, ...", "TPO - ...".
_LEAD_TAG_RE = re.compile(r"^(?:\([^)]{1,12}\)\s*[-–—]|[A-ZĐ.]{2,10}\s*[-–—]\s)")
_HEADLINE_MAX = 250
_SENTENCE_LIKE = 120
_TITLE_MAX = 300


def _headline_candidate(line: str) -> str | None:
    """The line as a headline, or None when it is furniture, a date line or body text."""
    line = re.sub(r"^null\s+", "", line)  # an empty CMS field printed before the headline
    if not line or len(line) > _HEADLINE_MAX or len(line.split()) < 3:
        return None
    if _NOT_HEADLINE_RE.match(line) or _LEAD_TAG_RE.match(line):
        return None
    if _DATE_IN_LINE.search(line) and len(line) <= 80:
        return None  # "10/07/2011 - 19:35", "Ngày đăng 30/07/2019 | 5:00 PM"
    if line.isupper() and not line.endswith(":"):
        return None  # a byline or a section label in capitals ("LÊ DOÃN CHIÊU")
    if len(line) > _SENTENCE_LIKE and line.endswith((".", "…", "...", ";")):
        return None  # a paragraph of the body
    return line


def guess_title(text: str, fallback: str = "") -> str:
    """The article's headline: the first line near the top that is not page furniture, a date
    line or the lead paragraph. A kicker ending with ':' is joined to the headline under it
    ("ĐẢNG BỘ KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG: Xây dựng trong sạch, vững mạnh ..."). Without a
    headline, the first sentence of the text; else the fallback (file name)."""
    lines = [" ".join(line.split()).strip(" *") for line in text.split("\n")[:20]]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines[:12]):
        headline = _headline_candidate(line)
        if headline is None:
            continue
        if headline.endswith(":") and index + 1 < len(lines):
            following = _headline_candidate(lines[index + 1])
            if following and not following.endswith(":"):
                headline = f"{headline} {following}"
        return headline.rstrip(" :")[:_TITLE_MAX]
    body = next((line for line in lines if len(line) > 12 and not _NOT_HEADLINE_RE.match(line)
                 and not (_DATE_IN_LINE.search(line) and len(line) <= 80)), "")
    if body:
        body = _LEAD_TAG_RE.sub("", body).strip()
        sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
        return sentence[:200]
    return fallback or "Văn bản không tiêu đề"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d").replace("Đ", "d"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def locate_span(text: str, start: int, end: int, snippet: str) -> tuple[int, int]:
    """The span of `snippet` in `text`: as given if it matches, else the occurrence nearest to
    `start` (an extractor that counted offsets on another normalisation), else clamped."""
    if snippet and text[start:end] == snippet:
        return start, end
    if snippet:
        occurrences = [m.start() for m in re.finditer(re.escape(snippet), text)]
        if occurrences:
            best = min(occurrences, key=lambda position: abs(position - start))
            return best, best + len(snippet)
    start = max(0, min(start, len(text)))
    return start, max(start, min(end, len(text)))


# -- highlighting ------------------------------------------------------------------------

@dataclass
class Segment:
    text: str
    facts: list = field(default_factory=list)  # facts covering this piece, shortest first
    opens: list = field(default_factory=list)  # facts whose span starts here (anchor targets)

    @property
    def lead(self):
        return self.facts[0] if self.facts else None


def segments(text: str, spans: Sequence) -> list[Segment]:
    """Cut `text` at every span boundary; each piece lists the spans covering it.

    `spans` are objects with `start` and `end` (facts); overlapping and nested spans are fine,
    which <mark> nesting in HTML would not render cleanly.
    """
    cuts = {0, len(text)}
    for span in spans:
        cuts.update((max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))))
    ordered = sorted(cuts)
    pieces = []
    for left, right in zip(ordered, ordered[1:]):
        covering = sorted((s for s in spans if s.start <= left and right <= s.end and s.start < s.end),
                          key=lambda s: (s.end - s.start, s.start))
        opens = [s for s in covering if s.start == left]
        pieces.append(Segment(text=text[left:right], facts=covering, opens=opens))
    return pieces


# -- documents ---------------------------------------------------------------------------

def canonical_number(data: dict) -> str | None:
    """The canonical symbol "02-NQ/ĐUK" of an extracted document reference, None if it has none."""
    for key in ("symbol", "canonical", "full_number"):
        if data.get(key):
            try:
                return numbering.canonical(str(data[key]))
            except numbering.DocumentNumberError:
                pass
    number = str(data.get("number") or "").strip()
    if not number:
        return None
    if "/" in number:
        try:
            return numbering.canonical(number)
        except numbering.DocumentNumberError:
            return None
    type_code, issuer = data.get("type_code") or "", data.get("issuer_code") or data.get("issuer") or ""
    if not (number.isdigit() and type_code and issuer):
        return None
    try:
        return numbering.format_number(int(number), type_code, issuer)
    except numbering.DocumentNumberError:
        return None


def document_type_key(data: dict) -> str | None:
    """The registry's type key ("nghi_quyet") from the type name, else from the type code."""
    stated = numbering.type_for_name(str(data.get("type") or ""))
    if stated is not None:
        return stated.key
    code = data.get("type_code")
    if code:
        try:
            return numbering.default_type_key(numbering.canonical_type_code(code))
        except (numbering.DocumentNumberError, StopIteration):
            return None
    return None


def parse_iso_date(value) -> date | None:
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return date.fromisoformat(text)
        for separator in "/-.":
            parts = text.split(separator)
            if len(parts) == 3 and all(p.isdigit() for p in parts):
                return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None
    return None


# -- targets and statistics --------------------------------------------------------------

COMPARATORS = {">=": "gte", "≥": "gte", "gte": "gte", ">": "gt", "gt": "gt", "=": "eq", "==": "eq", "eq": "eq",
               "<=": "lte", "≤": "lte", "lte": "lte", "<": "lt", "lt": "lt"}


def comparator_code(value) -> str:
    """">=" -> "gte" (the registry's comparator); "từ ... trở lên" is the usual reading."""
    return COMPARATORS.get(str(value or ">=").strip(), "gte")


def to_decimal(value) -> Decimal | None:
    """90, "90", "3,76", "60.137" -> Decimal; None when it is not one number ("17/21")."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    text = str(value).strip().rstrip("%").strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_STOPWORDS = set("co tu tren duoi tro len dat va cua cac la trong nhung duoc toi thieu it nhat hon so ty le nam".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold(text)) if w not in _STOPWORDS and len(w) > 1}


def match_target(statistic_text: str, unit: str, targets: Iterable) -> object | None:
    """The target a reported figure measures, or None.

    Targets are objects with `wording` and `unit`. A figure matches when its unit agrees
    (a percentage only measures a percentage target) and at least 60% of the target's
    content words appear in the figure's sentence; the best such target wins, and a tie
    means nobody can tell, so None.
    """
    stat_words = _words(statistic_text)
    is_percent = (unit or "").strip() == "%"
    scored = []
    for target in targets:
        if ((target.unit or "").strip() == "%") != is_percent:
            continue
        wanted = _words(target.wording)
        if not wanted:
            continue
        score = len(wanted & stat_words) / len(wanted)
        if score >= 0.6:
            scored.append((score, target))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


# -- people ------------------------------------------------------------------------------

# Longest phrases first: "phó bí thư" must not read as "bí thư".
_POSITION_PHRASES = (
    ("uy vien ban thuong vu", "uv_btv"),
    ("uy vien thuong vu", "uv_btv"),
    ("pho bi thu", "pho_bi_thu"),
    ("bi thu", "bi_thu"),
    ("chi uy vien", "chi_uy_vien"),
    ("uy vien ban chap hanh", "uv_bch"),
    ("tinh uy vien", "uv_bch"),
    ("thanh uy vien", "uv_bch"),
    ("huyen uy vien", "uv_bch"),
    ("quan uy vien", "uv_bch"),
    ("thi uy vien", "uv_bch"),
    ("dang uy vien", "uv_bch"),
)


def position_kind(text: str) -> str | None:
    """A current committee position's kind (orgs.PositionKind value), None if it is not one
    (a state post, "Ủy viên Trung ương Đảng", or a former post "nguyên Bí thư ...")."""
    words = fold(text)
    if words.startswith("nguyen ") or "trung uong" in words:
        return None
    for phrase, kind in _POSITION_PHRASES:
        if words.startswith(phrase):
            return kind
    return None
