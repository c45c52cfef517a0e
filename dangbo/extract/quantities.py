"""Numbers with what they count: the candidates shared by targets.py and statistics.py.

    "60.137 đảng viên"     value 60137, unit "đảng viên"
    "3,76%"                value 3.76, unit "%"
    "17/21 chỉ tiêu"       value "17/21" (a fraction stays a string), unit "chỉ tiêu"

A number is a quantity only when it is followed by '%' or by a noun that it counts. These are
not quantities: dates and times, years ("năm 2013", "2020-2025"), ordinals and identifiers
("lần thứ 3", "khóa 12", "Quý 3", "số 20", "Điều 5", "ấp 3"), durations ("5 năm", "6 tháng"),
ages, page-view counters, and numbers that are part of document symbols, congress names or
people's positions (the caller passes those spans as ``blocked``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import VN_NUMBER, parse_vn_number
from .text import SpanSet

# One candidate: a Vietnamese number, or a fraction "17/21", optionally followed by '%'.
QUANTITY_RE = re.compile(
    rf"(?<![\w.,/:-])(?:(?P<fraction>\d{{1,4}}/\d{{1,4}})|(?P<number>{VN_NUMBER}))"
    r"(?![\w/:]|[.,]\d|-\d)(?P<percent>\s?%|\s+phần\s+trăm)?")

# Words right before the number that make it an ordinal, an identifier or a date part.
_IDENTIFIER_BEFORE_RE = re.compile(
    r"(?<!\w)(?:(?<!tổng\s)(?<!trong\s)(?<!Tổng\s)(?<!Trong\s)(?<!thiểu\s)(?i:số)|(?<!kỷ\s)(?<!Kỷ\s)(?i:luật)"
    r"|(?i:lần\s+thứ|thứ|khóa|khoá|quý|kỳ|điều|khoản"
    r"|điểm|chương|mục|trang|tập|phần|bài|tầng|phòng|đường|tuyến|lô|tổ|ấp|khóm|khu\s+phố|phố|lộ"
    r"|đội|xóm|thôn|bản|làng|hình|bảng|biểu|phụ\s+lục|lần|vòng|câu|kỳ\s+họp|khối|ô|số\s+nhà"
    r"|khu|phường|quận|xã|lớp|hạng|loại|cấp|nhóm|đợt|giai\s+đoạn|sư\s+đoàn|trung\s+đoàn"
    r"|lữ\s+đoàn|tiểu\s+đoàn|chi\s+bộ|trung\s+ương|hội\s+nghị|đại\s+hội|tháng|(?<!mỗi\s)(?<!hằng\s)(?<!hàng\s)năm|ngày"
    r"|top|covid|count|lượt\s+xem|lượt\s+truy\s+cập|version|phiên\s+bản|lúc|hồi|vào\s+lúc"
    r"|nghị\s+quyết|chỉ\s+thị|kết\s+luận|quyết\s+định|quy\s+định|hướng\s+dẫn|kế\s+hoạch"
    r"|chương\s+trình|đề\s+án|thông\s+báo|nghị\s+định|thông\s+tư|công\s+văn|tờ\s+trình)"
    r"|(?-i:TƯ|TW))\s*:?\s*$")

# Durations, ages and counters after the number: "5 năm", "6 tháng đầu năm", "106 lượt xem".
_NOT_COUNTED_AFTER_RE = re.compile(
    r"\s*(?i:năm|tháng|ngày|tuần|giờ|phút|giây|quý|thập\s+niên|thập\s+kỷ|thế\s+kỷ|nhiệm\s+kỳ"
    r"|kỳ|lần|tuổi|lượt\s+(?:xem|truy\s+cập|đọc|thích|chia\s+sẻ)|views?|bình\s+luận)(?!\w)")

# Function words: "1 trong 23 tỉnh" counts the 23, not the 1.
_FUNCTION_WORDS = set("""
trong của và với là được đã đang sẽ có không cho để tại ở theo về từ đến tới trên dưới hơn so
nhưng thì mà này đó khi nếu vào ra lên xuống qua bằng như cũng còn vẫn nên hay hoặc các những
mỗi mọi này kia ấy nào gì đây rồi vừa mới đều cùng tức trở
""".split())
# Nouns of one syllable that are a whole unit ("77 xã", "500 người"); others take two words.
_ONE_WORD_UNITS = set("""
xã người hộ lượt lớp cuộc buổi tỷ triệu nghìn ngàn km ha tấn đồng tỉnh huyện quận phường
thôn ấp bản khóm trường vụ việc bài ý cây con căn ngôi chiếc em cháu xe suất phần
""".split())
# Two-syllable nouns whose first syllable alone would be another unit ("31 đồng chí").
_TWO_WORD_UNITS = {w.replace("_", " ") for w in """
đồng_chí tổ_chức đơn_vị đảng_viên chi_bộ đảng_bộ cơ_sở cán_bộ người_dân hộ_dân xã_viên
trường_hợp
""".split()}
# "16.274 tỷ đồng", "2,1 triệu lượt": the multiplier and the noun after it.
_MULTIPLIERS = {"tỷ", "triệu", "nghìn", "ngàn", "vạn"}
_WORD_RE = re.compile(r"\s*([^\W\d_]+)")
# A bare figure is still a quantity after "là", "đạt", "lên"... when the clause ends with it:
# "tổng số đảng viên là 5.380.000." (but not "Cần Thơ là 1 trong 23 tỉnh").
_FIGURE_END_RE = re.compile(r"\s*(?:[.,;:)!?]|$)")
_FIGURE_BEFORE_RE = re.compile(
    r"(?<!\w)(?i:là|đạt|lên|tới|gồm|còn|được|tăng|giảm)\s+(?i:trên\s+|hơn\s+|gần\s+|khoảng\s+)?$"
    # A label and its count: "(khiển trách 1.221, cảnh cáo 218, cách chức 12, khai trừ 165)".
    r"|(?<!\w)(?i:khiển\s+trách|cảnh\s+cáo|cách\s+chức|khai\s+trừ|giải\s+tán|xóa\s+tên|xoá\s+tên"
    r"|tổng\s+số|tổng\s+cộng|nam|nữ)\s*:?\s*$")


_LABEL_ITEM_RE = re.compile(r"(?:[,;:]|(?i:trong\s+đó))\s+(?:[^\W\d_]+\s+){1,5}$")
_PLAN_WORD_RE = re.compile(r"(?i:kế\s+hoạch|nghị\s+quyết|chương\s+trình|đề\s+án|kết\s+luận|quyết\s+định"
                           r"|quy\s+định|hướng\s+dẫn|chỉ\s+thị|thông\s+báo|công\s+văn|tờ\s+trình)\s*:?\s*$")
_COUNT_NOUN_RE = re.compile(r"\s+(?i:đảng\s+viên|quần\s+chúng|tổ\s+chức|chi\s+bộ|đảng\s+bộ|người|học\s+viên)(?!\w)")
_RANKING_BEFORE_RE = re.compile(r"(?i:cao\s+nhất|thấp\s+nhất|nhiều\s+nhất|ít\s+nhất)(?:\s+là)?[^\d.;:()]{3,60}$")


@dataclass
class Quantity:
    start: int          # NFC offsets of the whole quantity (number + unit)
    end: int
    number_start: int
    number_end: int
    value: int | float | str
    unit: str | None    # "%", the counted noun ("đảng viên"), or None for a bare figure
    unit_end: int


def _unit_after(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The counted noun after a number: 'đảng viên' in '60.137 đảng viên, chiếm'."""
    first = _WORD_RE.match(text, pos, limit)
    if not first:
        return None
    word = first.group(1)
    if word.lower() in _FUNCTION_WORDS:
        return None
    second = _WORD_RE.match(text, first.end(), limit)
    if second and text[first.end():second.start(1)].strip():
        second = None  # punctuation in between: "23 tỉnh, thành"
    pair = f"{word} {second.group(1)}" if second else None
    if pair and pair.lower() in _TWO_WORD_UNITS:
        return pair, second.end()
    if word.lower() in _MULTIPLIERS and second:
        return pair, second.end()
    if word.lower() in _ONE_WORD_UNITS or word.isupper() or not second:
        return word, first.end()
    if second.group(1).lower() in _FUNCTION_WORDS:
        return word, first.end()
    return pair, second.end()


def find_quantities(text: str, start: int, end: int, blocked: SpanSet) -> list[Quantity]:
    """Quantities in text[start:end] (canonical text), left to right."""
    out = []
    for m in QUANTITY_RE.finditer(text, start, end):
        if blocked.hits(m.start(), m.end()):
            continue
        before = text[max(start, m.start() - 25):m.start()]
        identifier = _IDENTIFIER_BEFORE_RE.search(before)
        if identifier and not (_PLAN_WORD_RE.search(identifier.group(0)) and
                               (m.group("percent") or _COUNT_NOUN_RE.match(text, m.end(), end))):
            # "Kế hoạch 155" names a document; "(kế hoạch 400 đảng viên)" counts.
            continue
        if m.group("percent"):
            if m.group("fraction"):
                continue
            value = parse_vn_number(m.group("number"))
            out.append(Quantity(m.start(), m.end(), m.start(), m.end("number"), value, "%",
                                m.end()))
            continue
        if _NOT_COUNTED_AFTER_RE.match(text, m.end(), end):
            continue
        unit = _unit_after(text, m.end(), end)
        if unit is None:
            # "tổng số đảng viên toàn Đảng là 5.380.000." - a figure without a noun after it;
            # "..., thấp nhất là Đảng bộ Khối Doanh nghiệp 15." - the last of a ranking.
            # "..., trong đó nữ 512, đoàn viên 790, người dân tộc thiểu số 145." - items of a
            # breakdown, each a short label and its count.
            if m.group("number") and (_FIGURE_BEFORE_RE.search(before) or
                                      _RANKING_BEFORE_RE.search(text, max(start, m.start() - 80), m.start()) or
                                      _LABEL_ITEM_RE.search(text, max(start, m.start() - 50), m.start())) and \
                    _FIGURE_END_RE.match(text, m.end(), end) and \
                    not re.fullmatch(r"(?:19|20)\d{2}", m.group("number")):
                value = parse_vn_number(m.group("number"))
                out.append(Quantity(m.start(), m.end(), m.start(), m.end(), value, None, m.end()))
            continue
        if m.group("fraction"):
            a, b = (int(x) for x in m.group("fraction").split("/"))
            if not (0 < a and 0 < b) or (a > b and not _COUNT_NOUN_RE.match(text, m.end(), end)):
                continue  # "178/170 đảng viên" (more than planned) is a result; "3/2 xã" is not one
            value: int | float | str = m.group("fraction")
        else:
            value = parse_vn_number(m.group("number"))
            raw = m.group("number")
            # A bare year-like number ("2019 đảng viên" is rare; "năm 2019" is common).
            if re.fullmatch(r"(?:19|20)\d{2}", raw):
                continue
        out.append(Quantity(m.start(), unit[1], m.start(), m.end(), value, unit[0], unit[1]))
    return out
