"""Election rules on every boundary, without a database (190-QĐ/TW; 244-QĐ/TW; DOMAIN.md §4)."""
import pytest

from dangbo.congress.elections import (
    Ballot, CongressKind, ElectionRuleError, Mark, NextRoundKind, TieRule, check_ballot, check_candidate_list,
    check_tally, count_ballots, decide_round, is_more_than_half, winner_denominator,
)

MEMBERS = CongressKind.MEMBERS
DELEGATES = CongressKind.DELEGATES


def test_eleven_members_ten_present_five_votes_do_not_elect_six_do():
    denominator = winner_denominator(MEMBERS, 11)
    assert denominator.value == 11 and denominator.votes_needed == 6
    result = decide_round({"An": 6, "Bình": 5}, 2, denominator)
    assert result.elected == ("An",)
    assert "chưa quá một nửa" in result.results[1].reason


@pytest.mark.parametrize("denominator, votes, elected", [
    (10, 5, False), (10, 6, True), (11, 5, False), (11, 6, True), (1, 1, True), (2, 1, False), (100, 50, False),
    (100, 51, True),
])
def test_more_than_half_is_strict(denominator, votes, elected):
    assert is_more_than_half(votes, denominator) is elected


def test_exactly_half_is_not_elected_and_the_reason_says_so():
    result = decide_round({"An": 5}, 1, winner_denominator(MEMBERS, 10))
    assert result.elected == ()
    assert "đúng một nửa" in result.results[0].reason


def test_denominator_subtracts_only_listed_exclusions_and_explains_them():
    denominator = winner_denominator(MEMBERS, 40, {"absent_with_reason": 2, "suspended_or_detained": 1})
    assert denominator.value == 37 and denominator.votes_needed == 19
    text = denominator.explain()
    assert "40" in text and "37" in text and "19 phiếu" in text


def test_delegates_congress_counts_delegates_summoned_not_present():
    denominator = winner_denominator(DELEGATES, 250, {"delegate_absent_no_alternate": 3})
    assert denominator.value == 247
    assert decide_round({"An": 124}, 1, denominator).elected == ("An",)
    assert decide_round({"An": 123}, 1, denominator).elected == ()


def test_exclusion_of_the_other_kind_of_congress_is_refused():
    with pytest.raises(ElectionRuleError):
        winner_denominator(DELEGATES, 100, {"exempt_absent": 1})
    with pytest.raises(ElectionRuleError):
        winner_denominator(MEMBERS, 3, {"absent_with_reason": 3})


def test_more_qualified_than_seats_highest_votes_take_the_seats():
    result = decide_round({"A": 9, "B": 8, "C": 7, "D": 2}, 2, winner_denominator(MEMBERS, 10))
    assert set(result.elected) == {"A", "B"}
    c = next(r for r in result.results if r.candidate == "C")
    assert c.over_half and not c.elected and result.next_round is None


def test_tie_at_the_last_seat_goes_to_a_revote_among_the_tied():
    result = decide_round({"A": 9, "B": 7, "C": 7, "D": 2}, 2, winner_denominator(MEMBERS, 10))
    assert result.elected == ("A",)
    assert result.next_round.kind is NextRoundKind.TIE_REVOTE
    assert result.next_round.seats == 1 and set(result.next_round.candidates) == {"B", "C"}


def test_tie_that_fits_in_the_seats_elects_all_tied():
    result = decide_round({"A": 9, "B": 7, "C": 7}, 3, winner_denominator(MEMBERS, 10))
    assert set(result.elected) == {"A", "B", "C"} and result.next_round is None


def test_tie_rule_none_leaves_the_decision_to_the_congress():
    result = decide_round({"A": 9, "B": 7, "C": 7}, 2, winner_denominator(MEMBERS, 10), TieRule.NONE)
    assert result.elected == ("A",) and result.next_round is None and "đại hội quyết định" in result.note


def test_tie_below_half_is_not_a_tie_at_the_last_seat():
    result = decide_round({"A": 9, "B": 4, "C": 4}, 2, winner_denominator(MEMBERS, 10))
    assert result.elected == ("A",)
    assert result.next_round.kind is NextRoundKind.ADDITIONAL


def test_fewer_elected_than_seats_proposes_a_second_round_with_those_not_elected():
    result = decide_round({"A": 8, "B": 5, "C": 3, "D": 6}, 3, winner_denominator(MEMBERS, 10))
    assert set(result.elected) == {"A", "D"}
    assert result.next_round.kind is NextRoundKind.ADDITIONAL
    assert result.next_round.seats == 1 and set(result.next_round.candidates) == {"B", "C"}
    second = decide_round({"B": 6, "C": 4}, 1, winner_denominator(MEMBERS, 10))
    assert second.elected == ("B",) and second.next_round is None


@pytest.mark.parametrize("candidates, seats, ok", [
    (11, 10, True), (13, 10, True), (14, 10, False), (10, 10, False), (9, 10, False), (4, 3, False), (2, 1, False),
])
def test_candidate_list_surplus_at_most_thirty_percent(candidates, seats, ok):
    assert check_candidate_list(candidates, seats).ok is ok


def test_congress_cannot_allow_more_than_thirty_percent_and_may_allow_less():
    assert not check_candidate_list(12, 10, max_surplus_ratio=0.4).ok
    assert not check_candidate_list(12, 10, max_surplus_ratio=0.1).ok


def test_no_surplus_list_allowed_where_the_rules_allow_it_and_uses_columns():
    check = check_candidate_list(1, 1, surplus_required=False)
    assert check.ok and not check.has_surplus


def test_surplus_outside_ten_to_fifteen_percent_is_a_warning():
    assert check_candidate_list(13, 10).warnings  # 30%
    assert not check_candidate_list(23, 20).warnings  # 15%


NAMES = ["An", "Bình", "Chiến", "Dũng"]


def test_ballot_striking_one_name_on_four_for_three_seats_is_valid():
    check = check_ballot(Ballot(struck=frozenset({"An"})), NAMES, 3)
    assert check.valid and check.votes_for == {"Bình", "Chiến", "Dũng"}


def test_ballot_keeping_fewer_names_than_seats_is_valid():
    assert check_ballot(Ballot(struck=frozenset({"An", "Bình", "Chiến"})), NAMES, 3).valid


@pytest.mark.parametrize("ballot, reason", [
    (Ballot(), "không gạch tên ai"),
    (Ballot(struck=frozenset(NAMES)), "gạch tên tất cả"),
    (Ballot(struck=frozenset({"An"}), names_added=True), "ghi thêm tên"),
    (Ballot(struck=frozenset({"An"}), issued_by_board=False), "không do Ban kiểm phiếu"),
])
def test_invalid_strike_out_ballots_are_rejected(ballot, reason):
    check = check_ballot(ballot, NAMES, 3)
    assert not check.valid and reason in check.reason


def test_keeping_more_names_than_seats_is_invalid():
    check = check_ballot(Ballot(struck=frozenset({"An"})), NAMES, 2)
    assert not check.valid and "quá số lượng" in check.reason


def test_no_surplus_ballot_both_or_neither_box_is_valid_but_gives_no_vote():
    marks = {"An": Mark.AGREE, "Bình": Mark.BOTH, "Chiến": Mark.NEITHER}
    check = check_ballot(Ballot(marks=marks), ["An", "Bình", "Chiến"], 3)
    assert check.valid and check.votes_for == {"An"}


def test_striking_a_name_not_on_the_list_is_an_input_error():
    with pytest.raises(ElectionRuleError):
        check_ballot(Ballot(struck=frozenset({"Zed"})), NAMES, 3)


def test_counting_ballots_tallies_valid_invalid_and_votes():
    ballots = [Ballot(struck=frozenset({"An"})), Ballot(struck=frozenset({"Dũng"})), Ballot(), Ballot(struck=frozenset(NAMES))]
    tally = count_ballots(ballots, NAMES, 3, issued=5)
    assert (tally.issued, tally.received, tally.valid, tally.invalid) == (5, 4, 2, 2)
    assert tally.votes == {"An": 1, "Bình": 2, "Chiến": 2, "Dũng": 1}
    assert check_tally(tally, 3, 10) == []


def test_board_counts_that_do_not_add_up_are_reported():
    from dangbo.congress.elections import Tally

    tally = Tally(issued=10, received=11, valid=9, invalid=1, votes={"An": 10})
    problems = check_tally(tally, 1, 10)
    assert any("thu vào" in p for p in problems) and any("An" in p for p in problems)
