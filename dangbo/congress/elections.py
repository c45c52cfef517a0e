"""Election rules of the Party (Quy chế bầu cử trong Đảng), as plain functions without Django.

Sources (the project rules document DOMAIN.md, §4):
- Quy định 190-QĐ/TW (2019), Quy chế bầu cử trong Đảng, which keeps in substance the rules of
  Quyết định 244-QĐ/TW (2014); article numbers below are those of 244 where 190's own
  numbering is not confirmed.
- Điều lệ Đảng Art. 12.3 and the official Q&A: elected = more than half of the total number
  of delegates summoned (congress of delegates) or of official members (congress of members),
  **not** of the valid ballots and **not** of those present.

Every decision comes with its reason in Vietnamese (votes, denominator, threshold), so the
vote-counting board and the congress can see why a candidate is or is not elected.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Mapping, Sequence

from dangbo.core.vn import format_number, format_percent

MAX_SURPLUS_RATIO = 0.30  # 244 Art. 14 / 190: the congress may allow at most 30% more names than seats
PREPARED_SURPLUS_RANGE = (0.10, 0.15)  # the convening committee prepares 10–15% more names


class CongressKind(str, Enum):
    MEMBERS = "dang_vien"      # đại hội đảng viên: all members of the chi bộ/đảng bộ attend
    DELEGATES = "dai_bieu"     # đại hội đại biểu: delegates summoned

    @property
    def base_label(self) -> str:
        return ("tổng số đảng viên chính thức" if self is CongressKind.MEMBERS
                else "tổng số đại biểu được triệu tập")


# Denominator exclusions, 244 Art. 32 (kept in substance by 190): key -> label, per kind of congress.
EXCLUSIONS: dict[CongressKind, dict[str, str]] = {
    CongressKind.MEMBERS: {
        "temporarily_transferred": "Đảng viên chuyển sinh hoạt tạm thời sang đảng bộ khác",
        "exempt_absent": "Đảng viên được miễn sinh hoạt, không có mặt tại đại hội",
        "suspended_or_detained": "Đảng viên bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam",
        "absent_with_reason": "Đảng viên chính thức vắng mặt suốt thời gian đại hội có lý do được chấp nhận",
    },
    CongressKind.DELEGATES: {
        "committee_absent": "Cấp ủy viên triệu tập vắng mặt suốt thời gian đại hội",
        "delegate_absent_no_alternate": "Đại biểu chính thức vắng mặt suốt thời gian đại hội, không có đại biểu dự khuyết thay thế",
    },
}


class ElectionRuleError(ValueError):
    """Input that cannot describe a real election (negative counts, unknown exclusion...)."""


# -- the denominator ----------------------------------------------------------------------

@dataclass(frozen=True)
class Denominator:
    """The number a candidate's votes are compared with (Điều lệ Art. 12.3; 244 Art. 32)."""

    kind: CongressKind
    base: int                                  # delegates summoned / official members
    exclusions: tuple[tuple[str, str, int], ...]  # (key, label, count)
    value: int

    @property
    def votes_needed(self) -> int:
        """Smallest vote count that is more than half: exactly half is not enough."""
        return self.value // 2 + 1

    def explain(self) -> str:
        excluded = sum(count for _, _, count in self.exclusions)
        text = f"{self.kind.base_label.capitalize()}: {format_number(self.base)}"
        if excluded:
            details = "; ".join(f"{label}: {format_number(count)}" for _, label, count in self.exclusions if count)
            text += f", trừ {format_number(excluded)} ({details})"
        return (f"{text} → căn cứ tính kết quả: {format_number(self.value)}; "
                f"trúng cử cần quá một nửa, tức ít nhất {format_number(self.votes_needed)} phiếu.")


def winner_denominator(kind: CongressKind | str, base: int, exclusions: Mapping[str, int] | None = None) -> Denominator:
    """Total delegates summoned (or official members), minus only the exclusions the rules list.

    Those absent for other reasons, invalid ballots and blank ballots still count in the
    denominator: 11 official members, 10 present → 6 votes are needed.
    """
    kind = CongressKind(kind)
    if base <= 0:
        raise ElectionRuleError("Tổng số đại biểu triệu tập (hoặc đảng viên chính thức) phải lớn hơn 0.")
    allowed = EXCLUSIONS[kind]
    rows = []
    for key, count in (exclusions or {}).items():
        if key not in allowed:
            raise ElectionRuleError(f"Trường hợp loại trừ «{key}» không áp dụng cho loại đại hội này.")
        if count < 0:
            raise ElectionRuleError("Số loại trừ không được âm.")
        rows.append((key, allowed[key], int(count)))
    rows.sort(key=lambda row: list(allowed).index(row[0]))
    value = base - sum(count for _, _, count in rows)
    if value <= 0:
        raise ElectionRuleError("Số loại trừ không được bằng hoặc vượt tổng số.")
    return Denominator(kind=kind, base=base, exclusions=tuple(rows), value=value)


def is_more_than_half(votes: int, denominator: int) -> bool:
    """Đa số quá bán: strictly more than half; 5 of 10 is not elected, 6 of 11 is."""
    return 2 * votes > denominator


# -- the candidate list (244 Art. 14) -------------------------------------------------------

@dataclass(frozen=True)
class ListCheck:
    candidates: int
    seats: int
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def surplus(self) -> int:
        return self.candidates - self.seats

    @property
    def surplus_ratio(self) -> float:
        return self.surplus / self.seats if self.seats else 0.0

    @property
    def has_surplus(self) -> bool:
        """With surplus, voters strike names; without, the ballot has đồng ý / không đồng ý columns."""
        return self.surplus > 0

    @property
    def ok(self) -> bool:
        return not self.errors


def check_candidate_list(candidates: int, seats: int, *, max_surplus_ratio: float = MAX_SURPLUS_RATIO,
                         surplus_required: bool = True) -> ListCheck:
    """Number of names against seats (244 Art. 14; 190).

    - The list must have more names than seats (committees, delegates); a list with exactly
      as many names is allowed only where the rules allow it (secretary, a re-vote), and
      is then voted with đồng ý / không đồng ý columns (`surplus_required=False`).
    - The surplus may not exceed the ratio the congress voted, itself at most 30%; more
      needs the congress to be consulted first.
    - The convening committee prepares 10–15% more names (a warning outside that range).
    """
    errors: list[str] = []
    warnings: list[str] = []
    if seats <= 0:
        errors.append("Số lượng cần bầu phải lớn hơn 0.")
        return ListCheck(candidates, seats, tuple(errors), ())
    if max_surplus_ratio > MAX_SURPLUS_RATIO + 1e-9:
        errors.append("Đại hội chỉ được quyết định số dư tối đa 30% so với số lượng cần bầu.")
    surplus = candidates - seats
    if candidates < seats:
        errors.append(f"Danh sách có {candidates} người, ít hơn số lượng cần bầu ({seats}).")
    elif surplus == 0 and surplus_required:
        errors.append("Danh sách bầu cử phải nhiều hơn số lượng cần bầu (Điều 14 Quy chế bầu cử).")
    elif surplus > seats * max_surplus_ratio + 1e-9:
        errors.append(
            f"Số dư {surplus} người ({format_percent(100 * surplus / seats)}) vượt mức đại hội cho phép "
            f"({format_percent(100 * max_surplus_ratio)}); phải xin ý kiến đại hội."
        )
    low, high = PREPARED_SURPLUS_RANGE
    if surplus > 0 and not errors and not (seats * low - 1e-9 <= surplus <= seats * high + 1e-9):
        warnings.append(
            f"Số dư {format_percent(100 * surplus / seats)}: cấp ủy triệu tập thường chuẩn bị dư 10–15%."
        )
    return ListCheck(candidates, seats, tuple(errors), tuple(warnings))


# -- ballots (244 Art. 17) -----------------------------------------------------------------

class Mark(str, Enum):
    """One row of a no-surplus ballot (columns đồng ý / không đồng ý)."""

    AGREE = "dong_y"
    DISAGREE = "khong_dong_y"
    BOTH = "ca_hai"      # both boxes ticked: valid ballot, no vote for this person
    NEITHER = "khong"    # no box ticked: valid ballot, no vote for this person


@dataclass(frozen=True)
class Ballot:
    """What the counting board reads on one ballot paper.

    Strike-out form (list with surplus): `struck` holds the candidates whose whole name is
    struck through. Column form (no surplus): `marks` holds a Mark per candidate.
    """

    struck: frozenset = frozenset()
    marks: Mapping | None = None
    issued_by_board: bool = True
    names_added: bool = False


@dataclass(frozen=True)
class BallotCheck:
    valid: bool
    reason: str = ""
    votes_for: frozenset = frozenset()


def check_ballot(ballot: Ballot, candidates: Sequence, seats: int) -> BallotCheck:
    """Validity of one ballot and the candidates it votes for (244 Art. 17).

    Invalid: not issued by the counting board; names added; more names kept than seats;
    nobody struck on a list with surplus; every name struck. On a no-surplus list a row
    with both boxes or neither ticked leaves the ballot valid but gives no vote to that person.
    """
    names = list(candidates)
    if not ballot.issued_by_board:
        return BallotCheck(False, "Phiếu không do Ban kiểm phiếu phát ra")
    if ballot.names_added:
        return BallotCheck(False, "Phiếu ghi thêm tên người ngoài danh sách")
    if ballot.marks is not None:
        unknown = set(ballot.marks) - set(names)
        if unknown:
            raise ElectionRuleError("Phiếu có người không có trong danh sách bầu cử.")
        votes = frozenset(c for c in names if ballot.marks.get(c) == Mark.AGREE)
        if len(votes) > seats:
            return BallotCheck(False, "Phiếu bầu quá số lượng cần bầu")
        return BallotCheck(True, "", votes)
    unknown = set(ballot.struck) - set(names)
    if unknown:
        raise ElectionRuleError("Phiếu gạch tên người không có trong danh sách bầu cử.")
    kept = frozenset(c for c in names if c not in ballot.struck)
    if not kept:
        return BallotCheck(False, "Phiếu gạch tên tất cả")
    if not ballot.struck and len(names) > seats:
        return BallotCheck(False, "Phiếu không gạch tên ai trong danh sách có số dư")
    if len(kept) > seats:
        return BallotCheck(False, "Phiếu bầu quá số lượng cần bầu")
    return BallotCheck(True, "", kept)


@dataclass(frozen=True)
class Tally:
    """Ballot counts and votes per candidate, as in the minutes of vote counting."""

    issued: int
    received: int
    valid: int
    invalid: int
    votes: Mapping  # candidate -> votes
    invalid_reasons: Mapping[str, int] = field(default_factory=dict)


def count_ballots(ballots: Iterable[Ballot], candidates: Sequence, seats: int, *, issued: int | None = None) -> Tally:
    votes = {c: 0 for c in candidates}
    valid = invalid = received = 0
    reasons: dict[str, int] = {}
    for ballot in ballots:
        received += 1
        check = check_ballot(ballot, candidates, seats)
        if not check.valid:
            invalid += 1
            reasons[check.reason] = reasons.get(check.reason, 0) + 1
            continue
        valid += 1
        for candidate in check.votes_for:
            votes[candidate] += 1
    return Tally(issued=received if issued is None else issued, received=received, valid=valid,
                 invalid=invalid, votes=votes, invalid_reasons=reasons)


def check_tally(tally: Tally, seats: int, denominator: int) -> list[str]:
    """Consistency of counts entered by the board: what arithmetic rules out, in Vietnamese."""
    problems = []
    if min(tally.issued, tally.received, tally.valid, tally.invalid, *tally.votes.values(), 0) < 0:
        problems.append("Các số phiếu không được âm.")
    if tally.valid + tally.invalid != tally.received:
        problems.append("Số phiếu hợp lệ cộng không hợp lệ phải bằng số phiếu thu vào.")
    if tally.received > tally.issued:
        problems.append("Số phiếu thu vào không được lớn hơn số phiếu phát ra.")
    if tally.issued > denominator:
        problems.append("Số phiếu phát ra không được lớn hơn số người có quyền bầu cử.")
    for candidate, count in tally.votes.items():
        if count > tally.valid:
            problems.append(f"Số phiếu của {candidate} lớn hơn số phiếu hợp lệ.")
    if sum(tally.votes.values()) > tally.valid * seats:
        problems.append("Tổng số phiếu bầu vượt số phiếu hợp lệ nhân số lượng cần bầu.")
    return problems


# -- results ------------------------------------------------------------------------------

class TieRule(str, Enum):
    """What to do when candidates tie at the last seat (DOMAIN.md §4.6: not found in the rules (U))."""

    REVOTE = "revote"  # the tied candidates go to a re-vote for the remaining seats
    NONE = "none"      # nobody tied is elected; the congress decides what follows


class NextRoundKind(str, Enum):
    TIE_REVOTE = "bau_lai_bang_phieu"
    ADDITIONAL = "bau_bo_sung"


@dataclass(frozen=True)
class CandidateResult:
    candidate: object
    votes: int
    over_half: bool
    elected: bool
    tied: bool
    reason: str


@dataclass(frozen=True)
class NextRound:
    kind: NextRoundKind
    seats: int
    candidates: tuple

    @property
    def label(self) -> str:
        return ("Bầu lại giữa những người bằng phiếu" if self.kind is NextRoundKind.TIE_REVOTE
                else "Bầu tiếp cho số lượng còn thiếu")


@dataclass(frozen=True)
class RoundResult:
    denominator: Denominator
    seats: int
    results: tuple[CandidateResult, ...]
    next_round: NextRound | None
    note: str

    @property
    def elected(self) -> tuple:
        return tuple(r.candidate for r in self.results if r.elected)

    @property
    def seats_left(self) -> int:
        return self.seats - len(self.elected)


def _percent_of(votes: int, denominator: Denominator) -> str:
    return format_percent(100 * votes / denominator.value)


def decide_round(votes: Mapping, seats: int, denominator: Denominator,
                 tie_rule: TieRule | str = TieRule.REVOTE) -> RoundResult:
    """Who is elected in one round (Điều lệ Art. 12.3; 190; 244 Art. 20).

    1. Only candidates with more than half of the denominator can be elected.
    2. If more qualify than there are seats, the highest votes take the seats.
    3. A tie at the last seat: by `tie_rule` (setting `election_tie_rule`), default a re-vote
       among the tied for the seats left.
    4. Fewer elected than seats: a further round for the seats left, whose list holds the
       candidates not yet elected (the congress may decide to stop or add names, 244 Art. 20.2).
    """
    tie_rule = TieRule(tie_rule)
    if seats <= 0:
        raise ElectionRuleError("Số lượng cần bầu phải lớn hơn 0.")
    need = denominator.votes_needed
    ordered = sorted(votes.items(), key=lambda item: -item[1])
    qualified = [(c, v) for c, v in ordered if is_more_than_half(v, denominator.value)]

    elected: set = set()
    tied: set = set()
    if len(qualified) <= seats:
        elected = {c for c, _ in qualified}
    else:
        cutoff = qualified[seats - 1][1]
        above = [c for c, v in qualified if v > cutoff]
        at_cutoff = [c for c, v in qualified if v == cutoff]
        elected = set(above)
        if len(above) + len(at_cutoff) <= seats:
            elected |= set(at_cutoff)
        else:
            tied = set(at_cutoff)

    results = []
    for candidate, count in ordered:
        share = f"{format_number(count)} phiếu = {_percent_of(count, denominator)} của {format_number(denominator.value)}"
        if candidate in elected:
            reason = f"Trúng cử: {share} (cần ít nhất {format_number(need)})."
        elif candidate in tied:
            reason = f"Quá một nửa ({share}) nhưng bằng phiếu ở vị trí cuối cùng với người khác."
        elif is_more_than_half(count, denominator.value):
            reason = f"Quá một nửa ({share}) nhưng thấp phiếu hơn, đã đủ số lượng cần bầu."
        elif 2 * count == denominator.value:
            reason = f"Không trúng cử: {share}, đúng một nửa, chưa quá một nửa (cần ít nhất {format_number(need)} phiếu)."
        else:
            reason = f"Không trúng cử: {share}, chưa quá một nửa (cần ít nhất {format_number(need)} phiếu)."
        results.append(CandidateResult(candidate, count, is_more_than_half(count, denominator.value),
                                       candidate in elected, candidate in tied, reason))

    seats_left = seats - len(elected)
    next_round = None
    note = ""
    if tied and tie_rule is TieRule.REVOTE:
        next_round = NextRound(NextRoundKind.TIE_REVOTE, seats_left, tuple(c for c, _ in ordered if c in tied))
        note = f"{len(tied)} người bằng phiếu cho {seats_left} chỗ còn lại: bầu lại giữa những người bằng phiếu."
    elif tied:
        note = "Có người bằng phiếu ở vị trí cuối; theo cấu hình không tự bầu lại, đại hội quyết định."
    elif seats_left > 0:
        remaining = tuple(c for c, _ in ordered if c not in elected)
        if remaining:
            next_round = NextRound(NextRoundKind.ADDITIONAL, seats_left, remaining)
            note = (f"Mới bầu được {len(elected)}/{seats}: đại hội quyết định có bầu tiếp {seats_left} "
                    "người hay không; danh sách gồm những người chưa trúng cử (có thể bổ sung).")
        else:
            note = f"Mới bầu được {len(elected)}/{seats}, không còn người trong danh sách."
    return RoundResult(denominator, seats, tuple(results), next_round, note)
