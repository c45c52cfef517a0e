"""Targets: values a text sets as a goal, not values it reports as achieved.

Party resolutions and conference reports state goals in a few fixed ways:

    "đề ra chỉ tiêu phấn đấu giai đoạn 2011-2015 là: có từ 90% TCCSĐ trở lên đạt trong sạch,
     vững mạnh; 100% đảng viên hoàn thành nhiệm vụ, trong đó có 97% trở lên ..."
    "Hội nghị thông qua một số chỉ tiêu: Hằng năm có 95% tổ chức cơ sở đảng ...; đến năm 2025,
     tỷ lệ đảng viên đạt trên 4% dân số."
    "phấn đấu đến năm 2030 kết nạp 3.000 đảng viên"

A *goal scope* opens at "phấn đấu", at "chỉ tiêu/mục tiêu ... :" or "... là", and after
"đề ra/đặt ra/xác định/thông qua ... chỉ tiêu"; it runs to the end of the sentence, and every
percentage or count in it is a target unless its own piece reports ("..., đã đạt 92%").

Outside a scope a value is a target when a goal word stands next to it ("ít nhất 95%",
"không quá 2%", "phải đạt 100%", "90% trở lên", "từ 1.200 đảng viên trở lên") or in its clause
("đến năm 2025, ...", "hằng năm có ..."), and the sentence up to that clause reports nothing
("đã", "đạt được", "tính đến", "đến nay", "năm qua", "kết quả"). "Có 89,5% TCCSĐ được xếp
loại hoàn thành tốt nhiệm vụ trở lên" is a statistic: its "trở lên" belongs to the rating,
far from the number.
"""
from __future__ import annotations

import bisect
import re

from .clauses import (BREAKDOWN_START_RE, LIST_ITEM_RE, REPORT_HEAD_RE, parenthesis_at)
from .model import Target
from .quantities import Quantity, find_quantities
from .text import Prepared, SpanSet, sentences

# Opens a goal scope that lasts to the end of the sentence.
SCOPE_RE = re.compile(
    r"(?i:phấn\s+đấu"
    r"|(?:chỉ\s+tiêu|mục\s+tiêu)(?:[^.;:]{0,80}?(?::|\s+là(?!\w)))"
    r"|(?:đề\s+ra|đặt\s+ra|xác\s+định|thông\s+qua|giao|với)\s+(?:các\s+|một\s+số\s+|những\s+)?"
    r"(?:chỉ\s+tiêu|mục\s+tiêu)"
    r"|theo\s+(?:kế\s+hoạch|chỉ\s+tiêu)(?:\s+(?:được\s+giao|đề\s+ra|giao))?(?=\s*,))")
# A parenthesis that states the goal beside a result: "đạt 70,88% (chỉ tiêu 65%)", "(kế hoạch
# 400 đảng viên)", "(Nghị quyết đề ra 95%)".
PAREN_GOAL_RE = re.compile(
    r"\(\s*(?i:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|nghị\s+quyết|(?-i:NQ))"
    r"(?:\s+(?i:đề\s+ra|giao|được\s+giao|năm\s+\d{4}|là|trên|dưới|từ|ít\s+nhất|tối\s+thiểu|không\s+quá"
    r"|tối\s+đa))*\s*:?\s*$")
# Make one value a goal when right before it: "ít nhất 95%", "không quá 2%", "phải đạt 100%".
NEAR_BEFORE_RE = re.compile(
    r"(?i:ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+thấp\s+hơn|không\s+quá|tối\s+đa"
    r"|không\s+vượt\s+quá|(?:phải|cần|sẽ)\s+(?:đạt|có)|phấn\s+đấu(?:\s+đạt|\s+có)?)"
    r"(?:\s+(?i:từ|trên|khoảng))?\s*$")
# ... or right after it, within its noun: "90% trở lên", "từ 90% TCCSĐ trở lên". Not the
# rating category "hoàn thành tốt nhiệm vụ trở lên", which is far from the number.
NEAR_AFTER_RE = re.compile(r"(?:\s+[^\W\d_]+){0,2}?\s+(?i:trở\s+lên|trở\s+xuống)(?!\w)")
# Make a whole clause a goal: "đến năm 2025, tỷ lệ ...", "hằng năm có 95% ...".
CLAUSE_GOAL_RE = re.compile(
    r"(?<!tính\s)(?i:đến\s+năm\s+(?:19|20)\d{2}|(?:hằng|hàng|mỗi)\s+năm)")
# Reports what was done.
ACHIEVED_RE = re.compile(
    r"(?i:(?<!\w)đã(?!\w)|đạt\s+được|tính\s+đến|đến\s+nay|đến\s+thời\s+điểm|kết\s+quả"
    r"|(?:năm|nhiệm\s+kỳ|giai\s+đoạn|thời\s+gian)\s+(?:qua|vừa\s+qua|trước)(?!\w)|so\s+với\s+cùng\s+kỳ"
    r"|thực\s+tế)")
_EVERY_YEAR_RE = re.compile(r"(?i:(?:hằng|hàng|mỗi)\s+năm)")


def _lower_only(regex: re.Pattern) -> re.Pattern:
    """The same lower-case pattern without case folding, to search the lower-case copy of the
    text: much faster than a case-insensitive search over every sentence."""
    return re.compile(regex.pattern.replace("(?i:", "(?:"))

_YEAR_RE = re.compile(
    r"(?i:(?:(?:đến|tới|trong|vào)\s+)?năm\s+(?:học\s+)?|(?:đến|tới|vào)\s+)((?:19|20)\d{2})(?!\d|[/.-]\d)"
    r"|((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})")
# Any word that can open a scope or make a goal clause, searched once over the lower-case
# text so that sentences without one are skipped cheaply.
GOAL_HINT_RE = re.compile(
    r"phấn\s+đấu|chỉ\s+tiêu|mục\s+tiêu|trở\s+lên|ít\s+nhất|tối\s+thiểu|không\s+dưới"
    r"|không\s+thấp|không\s+quá|tối\s+đa|đến\s+năm|hằng\s+năm|hàng\s+năm|mỗi\s+năm"
    r"|phải\s+|cần\s+|sẽ\s+|kế\s+hoạch|nghị\s+quyết|\(nq")
# Clause pieces: a target's text runs between these.
_PIECE_BREAK_RE = re.compile(r";|:|\.\.\.|…|,\s+trong\s+đó|\s+-\s+")
_CLAUSE_BREAK_RE = re.compile(r"[;:]")
_SEMICOLON_RE = re.compile(r";")
_PARENTHESIS_RE = re.compile(r"\([^()]*\)")

# Checked in this order: "không dưới" before "dưới", "không quá" before "quá".
_BEFORE_COMPARATORS = [
    (re.compile(r"(?i:không\s+quá|tối\s+đa|không\s+vượt\s+quá|không\s+cao\s+hơn)\s*$"), "<="),
    (re.compile(r"(?i:không\s+dưới|không\s+thấp\s+hơn|không\s+ít\s+hơn|ít\s+nhất|tối\s+thiểu"
                r"|từ)\s*$"), ">="),
    (re.compile(r"(?i:trên|hơn|vượt|cao\s+hơn)\s*$"), ">"),
    (re.compile(r"(?i:dưới|thấp\s+hơn|chưa\s+đến)\s*$"), "<"),
]
_SUBJECT_STOP_RE = re.compile(
    r"(?i:\s(?:trở\s+lên|đạt|được|hoàn\s+thành|hoạt\s+động|có|xếp\s+loại|là|trong|tham\s+gia))(?!\w)")


def _comparator(text: str, quantity: Quantity, piece_end: int) -> str:
    before = text[max(0, quantity.number_start - 20):quantity.number_start]
    for regex, comparator in _BEFORE_COMPARATORS:
        if regex.search(before):
            return comparator
    after = text[quantity.end:min(piece_end, quantity.end + 80)]
    if re.search(r"(?i:trở\s+xuống)", after):
        return "<="
    return ">="


def _subject(text: str, quantity: Quantity, piece_start: int, piece_end: int) -> str | None:
    """What the value is about: 'TCCSĐ' in '90% TCCSĐ trở lên đạt'; else the words before."""
    after = re.sub(r"^(?i:\s*trở\s+lên)", "", text[quantity.end:piece_end])
    stop = _SUBJECT_STOP_RE.search(" " + after)
    words = (after[:stop.start()] if stop else after).strip(" ,.")
    if quantity.unit != "%":
        words = quantity.unit
    if words:
        return words
    before = text[max(piece_start, quantity.number_start - 200):quantity.number_start]
    before = re.sub(r"(?i:\s*(?:đạt|có|là|từ|trên|dưới|hơn|ít\s+nhất|tối\s+thiểu|không|quá|tối\s+đa)"
                    r"\s*)+$", "", before)
    before = re.sub(r"^(?i:\s*(?:đến\s+năm\s+\d{4}|hằng\s+năm|hàng\s+năm)\s*,?\s*)", "", before)
    return before.strip(" ,.") or None


_ACHIEVED_LOWER_RE = _lower_only(ACHIEVED_RE)
_CLAUSE_GOAL_LOWER_RE = _lower_only(CLAUSE_GOAL_RE)
_EVERY_YEAR_LOWER_RE = _lower_only(_EVERY_YEAR_RE)
_YEAR_LOWER_RE = _lower_only(_YEAR_RE)

# A target's text is its clause piece, cut to this many characters around the value.
_MAX_TEXT = 300


class _Sentence:
    """One sentence with the positions of its goal and report words, found once, so that each
    value is judged with a few bisections however long the sentence is."""

    def __init__(self, text: str, start: int, end: int, breakdown: bool = False,
                 lower: str | None = None) -> None:
        self.text, self.start, self.end = text, start, end
        lower = text.lower() if lower is None else lower
        # The first goal scope whose heading does not report ("đạt và vượt các chỉ tiêu ... đề
        # ra:" reports); a report heading makes the rest of the paragraph a report list.
        self.scope_start = start if breakdown else end
        self.report_start: int | None = None
        pos = start
        while not breakdown and (scope := SCOPE_RE.search(text, pos, end)):
            clause_start = max(start, text.rfind(";", start, scope.start()) + 1,
                               text.rfind(":", start, scope.start()) + 1)
            if REPORT_HEAD_RE.search(text, clause_start, scope.start()):
                if self.report_start is None:
                    self.report_start = scope.end()
                pos = scope.start() + 1
                continue
            self.scope_start = scope.end()
            break
        self._parentheses: list[tuple[int, int]] | None = None
        self._report_commas: list[tuple[int, int]] | None = None
        self.piece_bounds = [(m.start(), m.end()) for m in _PIECE_BREAK_RE.finditer(text, start, end)]
        self.clause_breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text, start, end)]
        self.semicolons = [m.start() for m in _SEMICOLON_RE.finditer(text, start, end)]
        self.achieved = [m.start() for m in _ACHIEVED_LOWER_RE.finditer(lower, start, end)]
        self.clause_goals = [m.start() for m in _CLAUSE_GOAL_LOWER_RE.finditer(lower, start, end)]
        self.every_year = [m.start() for m in _EVERY_YEAR_LOWER_RE.finditer(lower, start, end)]
        self.years = [(m.start(), int(m.group(1) or m.group(3)))
                      for m in _YEAR_LOWER_RE.finditer(lower, start, end)]

    @property
    def parentheses(self) -> list[tuple[int, int]]:
        if self._parentheses is None:
            self._parentheses = [m.span() for m in _PARENTHESIS_RE.finditer(self.text, self.start, self.end)]
        return self._parentheses

    def in_parenthesis(self, pos: int) -> bool:
        i = bisect.bisect_right(self.parentheses, (pos, float("inf"))) - 1
        return i >= 0 and self.parentheses[i][0] <= pos < self.parentheses[i][1]

    @property
    def report_commas(self) -> list[tuple[int, int]]:
        """(start, end) of the commas that open a clause saying what was done."""
        if self._report_commas is None:
            self._report_commas = [m.span() for m in _REPORT_COMMA_RE.finditer(self.text, self.start, self.end)]
        return self._report_commas

    def piece(self, pos: int) -> tuple[int, int]:
        """The piece (between ';', ':', ', trong đó'...) holding pos."""
        i = bisect.bisect_right(self.piece_bounds, (pos, float("inf"))) - 1
        piece_start = self.piece_bounds[i][1] if i >= 0 else self.start
        piece_end = self.piece_bounds[i + 1][0] if i + 1 < len(self.piece_bounds) else self.end
        return piece_start, piece_end

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause (between ';' or ':' and the next ';') holding pos."""
        i = bisect.bisect_left(self.clause_breaks, pos) - 1
        clause_start = self.clause_breaks[i] + 1 if i >= 0 else self.start
        j = bisect.bisect_left(self.semicolons, pos)
        clause_end = self.semicolons[j] if j < len(self.semicolons) else self.end
        return clause_start, clause_end

    def year(self, piece_start: int, piece_end: int) -> int | None:
        """'đến năm 2025' in the piece, else the last year before it ('giai đoạn 2011-2015
        là: ...'); none for what happens every year."""
        if _any_between(self.every_year, piece_start, piece_end):
            return None
        inside = [y for pos, y in self.years if piece_start <= pos < piece_end]
        if inside:
            return inside[-1]
        before = [y for pos, y in self.years if pos < piece_start]
        return before[-1] if before else None


def find_targets(prepared: Prepared, blocked: SpanSet) -> tuple[list[Target], list[tuple[int, int]]]:
    """Targets in reading order, and the NFC spans of their numbers (not statistics)."""
    text = prepared.canon
    targets: list[Target] = []
    spans: list[tuple[int, int]] = []
    hints = [m.start() for m in GOAL_HINT_RE.finditer(prepared.lower)]
    carried: str | None = None  # "goal" / "report": a heading's mode over its list items
    carried_year: int | None = None
    for ps, pe in prepared.paragraphs:
        is_item = bool(LIST_ITEM_RE.match(text, ps, pe))
        if not is_item:
            carried = None
        heading = _heading_mode(text, ps, pe)
        if not _any_between(hints, ps, pe) and carried != "goal":
            if heading:
                carried, carried_year = heading, _last_year(prepared.lower, ps, pe)
            continue
        report_from = ps if carried == "report" else None
        previous_goal = carried == "goal"
        year: int | None = carried_year if carried == "goal" else None
        for ss, se in sentences(text, ps, pe):
            breakdown = previous_goal and bool(BREAKDOWN_START_RE.match(text, ss, se))
            if not _any_between(hints, ss, se) and not breakdown and carried != "goal":
                previous_goal = False
                continue
            sentence = _Sentence(text, ss, se, breakdown or carried == "goal", prepared.lower)
            if sentence.report_start is not None and report_from is None:
                report_from = sentence.report_start
            found = False
            for quantity in find_quantities(text, ss, se, blocked):
                target = _target(prepared, sentence, quantity, report_from)
                if target:
                    if target.year is None and (breakdown or carried == "goal") and \
                            not _EVERY_YEAR_LOWER_RE.search(prepared.lower, ss, quantity.end):
                        target.year = year
                    year = target.year if target.year is not None else year
                    targets.append(target)
                    spans.append((quantity.start, quantity.end))
                    found = True
            previous_goal = found or (sentence.scope_start < se and not breakdown)
        if heading:
            carried, carried_year = heading, _last_year(prepared.lower, ps, pe)
    return targets, spans


def _last_year(lower: str, start: int, end: int) -> int | None:
    years = [int(m.group(1) or m.group(3)) for m in _YEAR_LOWER_RE.finditer(lower, start, end)]
    return years[-1] if years else None


_HEADING_MAX = 160


def _heading_mode(text: str, start: int, end: int) -> str | None:
    """'goal' or 'report' for a short heading or a paragraph ending with ':' that introduces a
    list ("Các chỉ tiêu chủ yếu:", "Kết quả thực hiện các chỉ tiêu"), else None."""
    line = text[start:end].rstrip()
    if not (line.endswith(":") or end - start <= _HEADING_MAX):
        return None
    cue = SCOPE_RE.search(text, start, end) or re.search(r"(?i:chỉ\s+tiêu|mục\s+tiêu)", line)
    if not cue:
        return None
    if REPORT_HEAD_RE.search(text, max(start, cue.start() - 60), cue.start()):
        return "report"
    if end - start > _HEADING_MAX and not line.endswith(":"):
        return None
    return "goal" if line.endswith(":") or not (line.endswith(".") or "%" in line) else None


def _target(prepared: Prepared, sentence: _Sentence, quantity: Quantity,
            report_from: int | None = None) -> Target | None:
    text = sentence.text
    clause_start, clause_end = sentence.clause(quantity.number_start)
    parenthesis = parenthesis_at(text, quantity.number_start, sentence.start, sentence.end)
    if parenthesis:
        # A parenthesis is judged on its own: "(mục tiêu nghị quyết là năm 2018 đạt 95%)".
        if PAREN_GOAL_RE.search(text, parenthesis[0] - 1, quantity.number_start):
            return _make_target(prepared, sentence, quantity, *parenthesis)
        inner = SCOPE_RE.search(text, parenthesis[0], quantity.number_start)
        if inner and not ACHIEVED_RE.search(text, inner.end(), parenthesis[1]):
            return _make_target(prepared, sentence, quantity, *parenthesis)
    if report_from is not None and quantity.number_start >= report_from and \
            not SCOPE_RE.search(text, clause_start, quantity.number_start):
        return None  # an item of a report list ("đạt và vượt các chỉ tiêu ... đề ra: ...")
    in_scope = quantity.number_start >= sentence.scope_start
    if not parenthesis and sentence.parentheses:
        # Goal words inside a parenthesis are that parenthesis's ("đạt 92% (mục tiêu đến năm
        # 2025 là 95%)": 92% is a result).
        in_scope = in_scope and not sentence.in_parenthesis(sentence.scope_start - 1)
    near = (NEAR_BEFORE_RE.search(text, max(sentence.start, quantity.number_start - 30), quantity.number_start)
            or NEAR_AFTER_RE.match(text, quantity.end, min(sentence.end, quantity.end + 60)))
    if not in_scope and not near:
        if not any(clause_start <= g < clause_end and not sentence.in_parenthesis(g)
                   for g in sentence.clause_goals):
            return None
        # A goal only by "hằng năm" / "đến năm" in its clause: an average, a result against
        # the plan or a past term reports ("Bình quân hằng năm kết nạp 520 đảng viên, đạt 104%
        # chỉ tiêu", "hằng năm đạt trên 90%", "hằng năm có trên 90% ..., vượt chỉ tiêu").
        if _HABIT_REPORT_RE.search(text, sentence.start, sentence.end) or \
                _REPORTED_VALUE_RE.search(text, max(sentence.start, quantity.number_start - 20),
                                          quantity.number_start) and \
                _any_between(sentence.every_year, clause_start, clause_end):
            return None
    piece_start, piece_end = sentence.piece(quantity.number_start)
    if in_scope:
        # Within a goal piece, the comma clause that says what was done reports: "Nghị quyết
        # đề ra mục tiêu kết nạp 3.000 đảng viên, đến nay đã kết nạp 3.250 đảng viên".
        piece_start, piece_end = _comma_clause(sentence.report_commas, quantity, piece_start, piece_end)
    # A goal scope is judged piece by piece ("..., đã đạt 92%" is a report); a clause that is
    # a goal only by "trở lên" or "hằng năm" is judged with what the sentence said up to it
    # ("Toàn Đảng bộ đã kết nạp ...; hằng năm có trên 85% ..." reports, "Thực hiện Nghị quyết
    # ... hằng năm phát triển 2.000 đảng viên; theo đó, các cấp ủy đã ..." quotes a goal).
    window = (piece_start, piece_end) if in_scope else (sentence.start, clause_end)
    if _any_between(sentence.achieved, *window):
        return None
    return _make_target(prepared, sentence, quantity, piece_start, piece_end)


_REPORT_COMMA_RE = re.compile(r",\s+(?=[^,;:]*?(?:(?<!\w)đã(?!\w)|đến\s+nay|hiện\s+nay|thực\s+tế|kết\s+quả))")
_HABIT_REPORT_RE = re.compile(
    r"(?i:bình\s+quân|vượt\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)|trong\s+nhiệm\s+kỳ(?!\s+tới|\s+mới)"
    r"|nhiệm\s+kỳ\s+qua|(?:qua|sau)\s+\d+\s+năm|đạt\s+[\d,.]+\s?%\s+(?:chỉ\s+tiêu|kế\s+hoạch))")
_REPORTED_VALUE_RE = re.compile(r"(?i:đạt|hơn|gần|khoảng)\s+(?:(?i:trên|hơn|gần)\s+)?$")


def _comma_clause(commas: list[tuple[int, int]], quantity: Quantity, start: int, end: int) -> tuple[int, int]:
    """The part of a piece between the report commas around the value."""
    i = bisect.bisect_left(commas, (quantity.number_start, 0))
    if i > 0 and commas[i - 1][1] > start:
        start = commas[i - 1][1]
    if i < len(commas) and commas[i][0] < end:
        end = commas[i][0]
    return start, end


def _make_target(prepared: Prepared, sentence: _Sentence, quantity: Quantity,
                 piece_start: int, piece_end: int) -> Target:
    text = sentence.text
    start = max(piece_start, quantity.number_start - _MAX_TEXT // 2)
    end = min(piece_end, quantity.end + _MAX_TEXT // 2)
    if start > piece_start:  # cut at a word boundary
        start = text.find(" ", start, quantity.number_start) + 1 or start
    if end < piece_end:
        end = text.rfind(" ", quantity.end, end) if text.rfind(" ", quantity.end, end) > 0 else end
    start, end = _trim(text, start, end)
    a, b, original = prepared.span(start, end)
    return Target(original, a, b, quantity.value, quantity.unit,
                  _comparator(text, quantity, piece_end),
                  sentence.year(piece_start, piece_end),
                  _subject(text, quantity, piece_start, min(piece_end, quantity.end + 200)))


def _any_between(positions: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


_LEADING_RE = re.compile(r"(?i:\s*(?:là|và|trong\s+đó)\s+)+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _LEADING_RE.match(text, start, end)
    if lead:
        start = lead.end()
    while start < end and text[start] in " ,.:;…\"“”":
        start += 1
    while end > start and text[end - 1] in " ,.:;…\"“”":
        end -= 1
    return start, end
