"""The rating rules on every boundary, without a database."""
from datetime import date
from fractions import Fraction

import pytest

from dangbo.ratings import rules
from dangbo.ratings.rules import HTNV, HTTNV, HTXSNV, KHTNV, Entry, MemberFacts

R124 = rules.rules_for_year(2024)
R366 = rules.rules_for_year(2025)


# -- rule set by year -------------------------------------------------------------------------

@pytest.mark.parametrize("year, code", [
    (2018, "132-QĐ/TW"), (2022, "132-QĐ/TW"),
    (2023, "124-QĐ/TW"),  # 124 took effect 04/10/2023, before the December review
    (2024, "124-QĐ/TW"),
    (2025, "366-QĐ/TW"),  # 366 took effect 30/8/2025
    (2030, "366-QĐ/TW"),
])
def test_rating_year_follows_the_rule_in_force_in_december(year, code):
    assert rules.rules_for_year(year).code == code


def test_year_before_any_rule_set_is_refused():
    with pytest.raises(LookupError):
        rules.rules_for_year(2010)


def test_rule_sets_do_not_overlap_and_leave_no_gap():
    for older, newer in zip(rules.RULE_SETS, rules.RULE_SETS[1:]):
        assert (newer.effective_from - older.effective_to).days == 1


# -- levels -----------------------------------------------------------------------------------

def test_four_levels_best_first():
    assert rules.LEVELS == (HTXSNV, HTTNV, HTNV, KHTNV)
    assert rules.LEVEL_LABELS[HTTNV] == "Hoàn thành tốt nhiệm vụ"


def test_at_least_includes_better_levels():
    assert rules.at_least(HTXSNV, HTTNV) and rules.at_least(HTTNV, HTTNV)
    assert not rules.at_least(HTNV, HTTNV)
    assert rules.levels_at_least(HTNV) == (HTXSNV, HTTNV, HTNV)
    with pytest.raises(ValueError):
        rules.rank("tot")


# -- quota ------------------------------------------------------------------------------------

@pytest.mark.parametrize("n_good, allowed", [(0, 0), (1, 0), (4, 0), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3),
                                             (100, 20), (101, 20), (104, 20), (105, 21)])
def test_excellent_allowed_is_20_percent_of_httnv_rounded_down(n_good, allowed):
    assert rules.excellent_allowed(n_good, 0.20) == allowed


def test_excellent_allowed_uses_exact_decimal_ratio():
    # float 0.29 * 100 is 28.999999999999996; the rule means 29.
    assert rules.excellent_allowed(100, 0.29) == 29
    assert rules.excellent_allowed(100, "0.29") == 29
    assert rules.excellent_allowed(3, Fraction(1, 3)) == 1


def test_quota_exactly_20_percent_is_allowed():
    assert rules.quota_breach({HTXSNV: 2, HTTNV: 10, HTNV: 3}, 0.20) is None


def test_quota_one_over_is_a_breach_naming_the_unit():
    breach = rules.quota_breach({HTXSNV: 3, HTTNV: 10}, 0.20, "Chi bộ Giáo viên 1", 7)
    assert breach.code == "quota" and breach.subjects == (7,)
    assert "Chi bộ Giáo viên 1" in breach.message
    assert "3 xếp loại" in breach.message and "tối đa 2" in breach.message and "20% của 10" in breach.message


def test_quota_counts_only_httnv_not_httnv_or_above():
    # 2 HTXSNV + 9 HTTNV: 11 "HTTNV or above" would allow 2, but 9 HTTNV allow only 1.
    assert rules.quota_breach({HTXSNV: 2, HTTNV: 9}, 0.20) is not None


def test_quota_with_nobody_good_allows_no_excellent():
    assert rules.quota_breach({HTXSNV: 1}, 0.20) is not None
    assert rules.quota_breach({}, 0.20) is None


def test_quota_ratio_is_a_parameter():
    assert rules.quota_breach({HTXSNV: 3, HTTNV: 10}, 0.30) is None
    assert rules.quota_breach({HTXSNV: 1, HTTNV: 10}, 0) is not None


def test_quota_breaches_of_many_units():
    groups = {1: {HTXSNV: 2, HTTNV: 10}, 2: {HTXSNV: 1, HTTNV: 4}, 3: {HTXSNV: 0, HTTNV: 1}}
    breaches = rules.quota_breaches(groups, 0.2, {2: "Đảng bộ B"})
    assert [b.subjects for b in breaches] == [(2,)]
    assert "Đảng bộ B" in breaches[0].message


# -- caps -------------------------------------------------------------------------------------

def test_no_flags_no_cap():
    assert rules.cap([], R124) == HTXSNV


@pytest.mark.parametrize("rule_set", [R124, R366])
def test_member_disciplined_in_the_year_is_capped_at_khtnv(rule_set):
    assert rules.cap({"disciplined"}, rule_set) == KHTNV
    assert rules.cap_breach(KHTNV, {"disciplined"}, rule_set) is None
    breach = rules.cap_breach(HTNV, {"disciplined"}, rule_set, subject_name="Nguyễn Văn An", subject_id=5)
    assert breach.code == "cap" and "Nguyễn Văn An" in breach.message and "bị kỷ luật" in breach.message
    assert breach.subjects == (5,)


def test_organization_with_violations_is_capped_at_khtnv():
    assert rules.cap({"violations"}, R124) == KHTNV


def test_violation_self_detected_and_remedied_is_not_forced_to_khtnv_but_not_excellent():
    assert rules.cap({"disciplined"}, R124, remedied=True) == HTTNV
    assert rules.cap_breach(HTTNV, {"disciplined"}, R124, remedied=True) is None
    assert rules.cap_breach(HTXSNV, {"disciplined"}, R124, remedied=True) is not None


def test_subordinate_disciplined_forbids_excellent_only():
    assert rules.cap({"subordinate_disciplined"}, R366) == HTTNV
    assert rules.cap_breach(HTTNV, {"subordinate_disciplined"}, R366) is None
    assert rules.cap_breach(HTXSNV, {"subordinate_disciplined"}, R366) is not None


def test_khtnv_triggers_are_a_parameter_for_the_unverified_366_text():
    assert rules.cap({"disciplined"}, R366, khtnv_triggers={"violations"}) == HTXSNV
    assert rules.cap({"violations"}, R366, khtnv_triggers={"violations"}) == KHTNV


# -- eligibility ------------------------------------------------------------------------------

RATING_DAY = date(2025, 12, 15)


def test_member_in_the_party_on_the_rating_date_is_rated():
    assert rules.eligibility(MemberFacts(date(2010, 1, 1)), RATING_DAY).rated


def test_member_admitted_after_the_rating_date_is_not_rated():
    assert not rules.eligibility(MemberFacts(date(2025, 12, 16)), RATING_DAY).rated
    assert rules.eligibility(MemberFacts(date(2025, 12, 15)), RATING_DAY).rated


def test_member_who_left_before_the_rating_date_is_not_rated():
    assert not rules.eligibility(MemberFacts(date(2010, 1, 1), end_date=date(2025, 6, 1)), RATING_DAY).rated


def test_exempted_member_is_reviewed_but_not_rated():
    result = rules.eligibility(MemberFacts(date(2000, 1, 1), exempted=True), RATING_DAY)
    assert not result.rated and "miễn" in result.reason


@pytest.mark.parametrize("months, rated", [(0, True), (2, True), (3, False), (6, False)])
def test_long_leave_is_not_rated_from_the_threshold(months, rated):
    facts = MemberFacts(date(2000, 1, 1), leave_months=months)
    assert rules.eligibility(facts, RATING_DAY, leave_months_not_rated=3).rated is rated


def test_leave_threshold_zero_switches_the_rule_off():
    facts = MemberFacts(date(2000, 1, 1), leave_months=12)
    assert rules.eligibility(facts, RATING_DAY, leave_months_not_rated=0).rated


@pytest.mark.parametrize("arrived, consult", [(date(2025, 6, 16), True), (date(2025, 6, 15), False),
                                              (date(2025, 1, 1), False)])
def test_member_transferred_mid_year_is_rated_by_new_cell_consulting_old_one(arrived, consult):
    result = rules.eligibility(MemberFacts(date(2000, 1, 1), transferred_in_on=arrived), RATING_DAY,
                               transfer_consult_months=6)
    assert result.rated
    assert bool(result.note) is consult


# -- a whole unit -----------------------------------------------------------------------------

def _entries(levels, unit=1, **extra):
    return [Entry(i, f"Đảng viên {i}", level, quota_unit=unit, **extra) for i, level in enumerate(levels)]


def test_valid_unit_has_no_breach():
    result = rules.validate_unit(_entries([HTXSNV, HTXSNV] + [HTTNV] * 10 + [HTNV]), R124, excellent_ratio=0.2)
    assert result.ok


def test_unit_validation_names_each_breach():
    entries = _entries([HTXSNV] * 3 + [HTTNV] * 10)
    entries.append(Entry("x", "Lò Văn Chiến", HTNV, frozenset({"disciplined"}), quota_unit=1))
    entries.append(Entry("y", "Phạm Minh Đức", HTTNV, quota_unit=1, eligible=False, ineligible_reason="Đã chuyển đi."))
    entries.append(Entry("x", "Lò Văn Chiến", HTNV, quota_unit=1))
    result = rules.validate_unit(entries, R124, excellent_ratio=0.2, unit_names={1: "Chi bộ 1"})
    assert {b.code for b in result.breaches} == {"quota", "cap", "not_eligible", "duplicate"}
    assert "Lò Văn Chiến" in result.by_code("cap")[0].message
    assert "Phạm Minh Đức" in result.by_code("not_eligible")[0].message
    assert "Chi bộ 1" in result.by_code("quota")[0].message


def test_quota_is_checked_per_quota_unit():
    entries = _entries([HTXSNV] + [HTTNV] * 5, unit="A") + [Entry("b", "B", HTXSNV, quota_unit="B")]
    result = rules.validate_unit(entries, R124, excellent_ratio=0.2)
    assert [b.subjects for b in result.breaches] == [("B",)]


# -- targets ----------------------------------------------------------------------------------

def test_target_met_exactly_on_the_boundary():
    assert rules.target_met({HTXSNV: 10, HTTNV: 85, HTNV: 5}, HTTNV, 95) is True
    assert rules.target_met({HTXSNV: 10, HTTNV: 84, HTNV: 6}, HTTNV, 95) is False


def test_target_of_100_percent_fails_with_one_below():
    assert rules.target_met({HTTNV: 99, HTNV: 1}, HTNV, 100) is True
    assert rules.target_met({HTTNV: 99, KHTNV: 1}, HTNV, 100) is False


def test_target_with_decimal_percent_is_exact():
    assert rules.target_met({HTTNV: 975, HTNV: 25}, HTTNV, "97.5") is True
    assert rules.target_met({HTTNV: 974, HTNV: 26}, HTTNV, "97.5") is False


def test_target_on_nobody_rated_is_undecided():
    assert rules.target_met({}, HTTNV, 95) is None


def test_needed_for_target_rounds_up():
    assert rules.needed_for_target(19, 95) == 19
    assert rules.needed_for_target(20, 95) == 19
    assert rules.needed_for_target(100, 97) == 97
    assert rules.needed_for_target(0, 97) == 0
