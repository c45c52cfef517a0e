"""Reported statistics: figures about the organizations' work.

    "kết nạp trên 7.000 đảng viên"  -> 7000       "60.137 đảng viên"           -> 60137
    "chiếm tỷ lệ 3,76% so với dân số" -> 3.76     "17/21 chỉ tiêu kinh tế- xã hội" -> "17/21"
    "tăng trưởng GDP 11,26%"        -> 11.26      "1 trong 23 tỉnh, thành"     -> 23

Every quantity (see quantities.py) that is not a target and not part of a date, a document
reference, a congress name or a person's position.
"""
from __future__ import annotations

from .model import Statistic
from .quantities import find_quantities
from .text import Prepared, SpanSet


def find_statistics(prepared: Prepared, blocked: SpanSet) -> list[Statistic]:
    text = prepared.canon
    out = []
    for ps, pe in prepared.paragraphs:
        for quantity in find_quantities(text, ps, pe, blocked):
            a, b, original = prepared.span(quantity.start, quantity.end)
            out.append(Statistic(original, a, b, quantity.value, quantity.unit))
    return out
