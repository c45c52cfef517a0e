"""Dates as Vietnamese news and party texts write them.

    "ngày 4-7-2011", "27/5/2021", "08/7/2019"         full day-month-year
    "ngày 03 tháng 4 năm 2018"                        the form of a document's place/date line
    "Sáng 28-5", "chiều 7/12", "ngày 28/5", "(28/5)"   day-month; the year comes from the article
    "tháng 7/2019", "tháng 7 năm 2019"                month and year (day None)

A bare "d/m" is only a date after a time-of-day word ("sáng", "chiều", "tối", "ngày"...) or
inside parentheses: "17/21 chỉ tiêu" is a fraction, not the 17th of a 21st month.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .model import DateMention
from .text import Prepared

_YEAR = r"(?:19|20)\d{2}"

# 4-7-2011 / 27/5/2021 / 08.7.2019 (same separator twice)
FULL_NUMERIC_RE = re.compile(
    rf"(?<![\d/.,])(\d{{1,2}})\s?([/.-])\s?(\d{{1,2}})\s?\2\s?({_YEAR})(?![\d/])")
# ngày 03 tháng 4 năm 2018
FULL_WORDS_RE = re.compile(
    rf"[Nn]gày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s*(?:năm\s+|[/-]\s?)({_YEAR})(?!\d)")
# 2021-05-27 (ISO, in metadata lines)
ISO_RE = re.compile(rf"(?<![\d/.-])({_YEAR})-(\d{{2}})-(\d{{2}})(?![\d/-])")
# Sáng 28-5 / chiều 7/12 / ngày 28/5 / hôm nay 28/5 (no year follows): "d/m" is searched
# first (fast), then the time-of-day word before it is checked.
DAY_MONTH_RE = re.compile(r"(?<![\d/.,-])(\d{1,2})\s?([/-])\s?(\d{1,2})(?![\d/.-]|\s?[/-]\s?\d)")
TIME_OF_DAY_BEFORE_RE = re.compile(
    r"(?<!\w)(?i:rạng\s+sáng|sáng|chiều|trưa|tối|đêm|khuya|ngày|hôm)\s+(?i:nay\s+|qua\s+|mai\s+)?$")
# (28/5) after "sáng nay", "hôm qua"...
PAREN_DAY_MONTH_RE = re.compile(r"\((\d{1,2})\s?([/-])\s?(\d{1,2})\)")
# ngày 28 tháng 5 (no year)
DAY_MONTH_WORDS_RE = re.compile(
    rf"[Nn]gày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?!\s*(?:năm\s+|[/-]\s?){_YEAR}|\d)")
# tháng 7/2019, tháng 7 năm 2019
MONTH_YEAR_RE = re.compile(rf"[Tt]háng\s+(\d{{1,2}})\s*(?:năm\s+|[/-]\s?)({_YEAR})(?!\d)")

# A past event is at most this far after the article date ("Sáng 28-5" in an article of 27/5
# is the next morning; "chiều 7/12" in an article of 3/7 was last December).
_FUTURE_SLACK = timedelta(days=31)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_year(day: int, month: int, article_date: date | None) -> date | None:
    """The date of 'day/month' seen in an article published on article_date."""
    if article_date is None:
        return None
    candidate = _valid(article_date.year, month, day)
    if candidate and candidate > article_date + _FUTURE_SLACK:
        candidate = _valid(article_date.year - 1, month, day)
    return candidate


def find_dates(prepared: Prepared, article_date: date | None,
               start: int = 0, end: int | None = None) -> list[tuple[DateMention, int, int]]:
    """Every date in canon[start:end], left to right, without overlaps, each with its span
    in the prepared (NFC) text."""
    text = prepared.canon
    end = len(text) if end is None else end
    found: list[tuple[int, int, int | None, int, int | None, date | None]] = []

    def add(s, e, day, month, year, value):
        found.append((s, e, day, month, year, value))

    for m in FULL_WORDS_RE.finditer(text, start, end):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if value := _valid(y, mo, d):
            add(m.start(), m.end(), d, mo, y, value)
    for m in FULL_NUMERIC_RE.finditer(text, start, end):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if value := _valid(y, mo, d):
            add(m.start(), m.end(), d, mo, y, value)
    for m in ISO_RE.finditer(text, start, end):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if value := _valid(y, mo, d):
            add(m.start(), m.end(), d, mo, y, value)
    for m in DAY_MONTH_RE.finditer(text, start, end):
        d, mo = int(m.group(1)), int(m.group(3))
        if not _valid(2000, mo, d):  # 2000 is a leap year: 29/2 stays possible
            continue
        before = TIME_OF_DAY_BEFORE_RE.search(text, max(start, m.start() - 20), m.start())
        if before:
            add(before.start(), m.end(), d, mo, None, resolve_year(d, mo, article_date))
    for m in PAREN_DAY_MONTH_RE.finditer(text, start, end):
        d, mo = int(m.group(1)), int(m.group(3))
        if _valid(2000, mo, d):
            add(m.start(), m.end(), d, mo, None, resolve_year(d, mo, article_date))
    for m in DAY_MONTH_WORDS_RE.finditer(text, start, end):
        d, mo = int(m.group(1)), int(m.group(2))
        if _valid(2000, mo, d):
            add(m.start(), m.end(), d, mo, None, resolve_year(d, mo, article_date))
    for m in MONTH_YEAR_RE.finditer(text, start, end):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            add(m.start(), m.end(), None, mo, y, None)

    mentions = []
    last_end = -1
    # Leftmost, then longest: "ngày 03 tháng 4 năm 2018" wins over its "tháng 4 năm 2018".
    for s, e, day, month, year, value in sorted(found, key=lambda f: (f[0], -f[1])):
        if s < last_end:
            continue
        last_end = e
        if year is None and value is not None:
            year = value.year
        a, b, original = prepared.span(s, e)
        mentions.append((DateMention(original, a, b, day, month, year, value), s, e))
    return mentions


_DATELINE_MAX = 120  # a dateline is a short line: "Thứ Hai, 27/5/2021 08:30"
_DATELINE_LINES = 8
# A date that is a deadline or a period, not the posting date: "hoàn thành trước ngày
# 30/6/2025", "từ ngày 1/7/2025", "đến 31/12", "hạn chót 15/8/2025".
_DEADLINE_BEFORE_RE = re.compile(
    r"(?i:trước|đến|tới|hạn(?:\s+chót)?|từ|kể\s+từ|chậm\s+nhất|hết|trong|sau|vào)\s+(?i:ngày\s+)?$")
# What marks a line as the dateline: a time, the week day, "Cập nhật", "Ngày đăng", GMT.
_DATELINE_MARK_RE = re.compile(
    r"\d{1,2}\s?[:h]\s?\d{2}|(?i:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|cập\s+nhật|ngày\s+đăng"
    r"|đăng\s+(?:lúc|ngày)|xuất\s+bản|gmt|posted)")
_MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
                "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
# "21 Tháng Bảy 2011" (some sites spell the month out in the dateline)
_WORD_MONTH_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+[Tt]háng\s+((?i:mười\s+một|mười\s+hai|{'|'.join(sorted(_MONTH_WORDS, key=len, reverse=True))}))"
    rf"\s*,?\s*(?:năm\s+)?({_YEAR})(?!\d)")


def _line_dates(line: str) -> list[tuple[int, date]]:
    """(position, date) of every full date written in one line."""
    found = []
    for regex, order in ((FULL_NUMERIC_RE, (1, 3, 4)), (FULL_WORDS_RE, (1, 2, 3)), (ISO_RE, (3, 2, 1))):
        for m in regex.finditer(line):
            d, mo, y = (int(m.group(i)) for i in order)
            if value := _valid(y, mo, d):
                found.append((m.start(), value))
    for m in _WORD_MONTH_RE.finditer(line):
        month = _MONTH_WORDS[" ".join(m.group(2).lower().split())]
        if value := _valid(int(m.group(3)), month, int(m.group(1))):
            found.append((m.start(), value))
    return sorted(found)


def detect_article_date(text: str) -> date | None:
    """The publication date from a dateline near the top ("28/05/2020 - 19:09",
    "Ngày đăng 30/07/2019 | 5:00 PM", "Chủ nhật, 03/07/2022"), else None.

    A date that the headline gives as a deadline or a period ("... trước ngày 30/6/2025") is
    not the posting date; a line marked as a dateline (a time, a week day, "Cập nhật") wins
    over a plain date line."""
    prepared = Prepared(text[:4000])
    plain: date | None = None
    seen = 0
    for start, end in prepared.paragraphs:
        if seen >= _DATELINE_LINES:
            break
        seen += 1
        if end - start > _DATELINE_MAX:
            continue
        line = prepared.canon[start:end]
        for position, value in _line_dates(line):
            if _DEADLINE_BEFORE_RE.search(line, max(0, position - 20), position):
                continue
            if _DATELINE_MARK_RE.search(line):
                return value
            plain = plain or value
    return plain
