"""Clauses and lists: which numbers a text sets as goals, which it reports, which neither.

A number is judged by the clause it stands in and by the list that clause belongs to, not by
the words right next to it. Party reports group figures under an introducing verb or heading,
and that introducer governs every item after it, even items that name an indicator:

    "..., đạt và vượt các chỉ tiêu Nghị quyết Đại hội đề ra: Tỷ lệ lao động qua đào tạo đạt
     70,88%; hộ nghèo giảm còn 6,25%; ... Tỷ lệ đảng viên ... bình quân 93%..."  -> reported
    "Kết quả thực hiện các chỉ tiêu: ..."                                        -> reported
    "Hội nghị thông qua một số chỉ tiêu: Hằng năm có 95% ...; đến năm 2025, ..."   -> goals

A report list runs to the end of its paragraph (its items are often separate sentences); a
goal list to the end of its sentence, and the sentence after a goal sentence that breaks it
down ("Trong đó, kết nạp 150 ... là học sinh, sinh viên, 44 ...", "cao nhất là ... 489 đảng
viên, thấp nhất ... 15") belongs to the same goal.

The parts of a plan are counted but are neither goals nor results: "16 chỉ tiêu chủ yếu, 6
nhiệm vụ trọng tâm và 3 khâu đột phá" (see `plan_part_spans`).

A parenthesis is a clause of its own: "vượt mục tiêu nghị quyết đề ra (mục tiêu nghị quyết
Tỉnh ủy là năm 2018 đạt 95%)" sets 95% as the goal although the sentence around it reports.
"""
from __future__ import annotations

import re

# A heading that reports results: the words right before "chỉ tiêu ... :" say they were
# reached ("đạt và vượt các chỉ tiêu ... đề ra:", "Kết quả thực hiện các chỉ tiêu:").
REPORT_HEAD_RE = re.compile(
    r"(?i:đạt\s+và\s+vượt|đạt,\s+vượt|vượt|hoàn\s+thành|kết\s+quả|đạt\s+được|đã\s+đạt"
    r"|thực\s+hiện\s+đạt|cơ\s+bản\s+đạt|(?<!\w)đạt|\d+/\d+)[^.;:]{0,40}$")
# A paragraph that is a list item under the previous paragraph's heading.
LIST_ITEM_RE = re.compile(r"\s*(?:[-+•*–]|\d{1,2}[.)]\s|[a-zđ][).]\s)")
# Opens a sentence that breaks the previous goal down.
BREAKDOWN_START_RE = re.compile(
    r"\s*(?i:trong\s+đó|trong\s+số\s+đó|cụ\s+thể|riêng|gồm|phân\s+bổ|theo\s+đó,\s+giao"
    r"|(?:đơn\s+vị\s+|nơi\s+)?(?:cao|thấp|nhiều|ít)\s+nhất)(?!\w)")
# Counts of a plan's parts: "16 chỉ tiêu chủ yếu", "6 nhiệm vụ trọng tâm", "3 khâu đột phá".
_PLAN_PART = (r"(?:chỉ\s+tiêu(?:\s+chủ\s+yếu|\s+cơ\s+bản|\s+quan\s+trọng)?|nhóm\s+chỉ\s+tiêu"
              r"|nhiệm\s+vụ(?:\s+trọng\s+tâm|\s+chủ\s+yếu|\s+giải\s+pháp)?|khâu\s+đột\s+phá|đột\s+phá"
              r"|nhóm\s+(?:nhiệm\s+vụ|giải\s+pháp)|giải\s+pháp(?:\s+chủ\s+yếu|\s+trọng\s+tâm)?"
              r"|chương\s+trình\s+(?:trọng\s+tâm|hành\s+động|đột\s+phá)|quan\s+điểm|mục\s+tiêu)")
_PLAN_ITEM = rf"(?<![\d/.,])\d{{1,3}}\s+(?i:{_PLAN_PART})(?!\w)"
PLAN_LIST_RE = re.compile(rf"{_PLAN_ITEM}(?:\s*(?:,|;|và)\s*{_PLAN_ITEM})+")
# One plan-part count after the verb that sets it: "đề ra 17 chỉ tiêu", "với 5 nhiệm vụ trọng tâm".
PLAN_SET_RE = re.compile(
    rf"(?i:đề\s+ra|xác\s+định|thông\s+qua|thống\s+nhất|với|gồm|phấn\s+đấu\s+thực\s+hiện)"
    rf"\s+(?i:các\s+|những\s+)?(?P<item>{_PLAN_ITEM})(?!\s*/)")
_NUMBER_RE = re.compile(r"\d+")


def plan_part_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the numbers that count a plan's parts in text[start:end]."""
    spans = []
    for m in PLAN_LIST_RE.finditer(text, start, end):
        for item in re.finditer(_PLAN_ITEM, m.group(0)):
            number = _NUMBER_RE.match(item.group(0))
            spans.append((m.start() + item.start(), m.start() + item.start() + number.end()))
    for m in PLAN_SET_RE.finditer(text, start, end):
        number = _NUMBER_RE.match(m.group("item"))
        spans.append((m.start("item"), m.start("item") + number.end()))
    return spans


def parenthesis_at(text: str, pos: int, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the innermost parenthesis around pos within text[start:end], if any."""
    opening = text.rfind("(", start, pos)
    if opening < 0 or text.rfind(")", opening, pos) >= 0:
        return None
    closing = text.find(")", pos, end)
    if closing < 0:
        return None
    return opening + 1, closing
