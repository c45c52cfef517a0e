"""Target rules, without a database: every comparator, both cadences, deadlines and periods."""
from datetime import date
from decimal import Decimal

import pytest

from dangbo.documents.targets import (
    Reading, Rule, Status, describe_rule, evaluate, exceeds, format_value, satisfies, summarize,
    value_from_parts,
)

# (value, comparator, target) -> satisfies, exceeds
COMPARISONS = [
    (90, "gte", 90, True, False), (91, "gte", 90, True, True), (89.99, "gte", 90, False, False),
    (90, "gt", 90, False, False), (90.01, "gt", 90, True, True), (80, "gt", 90, False, False),
    (100, "eq", 100, True, False), (99.9, "eq", 100, False, False), (100.1, "eq", 100, False, False),
    (2, "lte", 2, True, False), (1.5, "lte", 2, True, True), (2.01, "lte", 2, False, False),
    (2, "lt", 2, False, False), (1, "lt", 2, True, True), (3, "lt", 2, False, False),
]


@pytest.mark.parametrize("value,comparator,target,ok,better", COMPARISONS)
def test_each_comparator(value, comparator, target, ok, better):
    assert satisfies(value, comparator, target) is ok
    assert exceeds(value, comparator, target) is better


def test_unknown_comparator_is_refused():
    with pytest.raises(ValueError):
        Rule("~", 1)


TODAY = date(2024, 6, 30)
DEADLINE_2025 = Rule("gt", 4, deadline=date(2025, 12, 31))


def r(day, value):
    return Reading(day, Decimal(str(value)))


class TestByDeadline:
    def test_no_reading_before_the_deadline_is_not_yet(self):
        result = evaluate(DEADLINE_2025, [], TODAY)
        assert result.status is Status.NOT_YET and result.reason == "chưa có số liệu"

    def test_no_reading_after_the_deadline_is_missed(self):
        result = evaluate(DEADLINE_2025, [], date(2026, 1, 1))
        assert result.status is Status.MISSED and "không có số liệu" in result.reason

    def test_latest_reading_satisfying_is_met_even_before_the_deadline(self):
        result = evaluate(DEADLINE_2025, [r(date(2022, 12, 31), 3.8), r(date(2023, 12, 31), 4.1)], TODAY)
        assert result.status is Status.MET and result.exceeded and result.reading.value == Decimal("4.1")

    def test_latest_reading_decides_not_the_best(self):
        result = evaluate(DEADLINE_2025, [r(date(2022, 12, 31), 4.2), r(date(2023, 12, 31), 3.9)], TODAY)
        assert result.status is Status.NOT_YET and result.reading.value == Decimal("3.9")

    def test_short_of_the_target_after_the_deadline_is_missed(self):
        result = evaluate(DEADLINE_2025, [r(date(2025, 12, 31), 3.76)], date(2026, 3, 1))
        assert result.status is Status.MISSED

    def test_on_the_deadline_day_it_is_still_not_yet(self):
        assert evaluate(DEADLINE_2025, [r(date(2025, 6, 30), 3.9)], date(2025, 12, 31)).status is Status.NOT_YET

    def test_readings_after_the_deadline_do_not_count(self):
        result = evaluate(DEADLINE_2025, [r(date(2025, 12, 31), 3.9), r(date(2026, 6, 30), 4.5)], date(2026, 7, 1))
        assert result.status is Status.MISSED and result.reading.value == Decimal("3.9")

    def test_no_deadline_is_never_missed(self):
        rule = Rule("gte", 97)
        assert evaluate(rule, [r(date(2013, 12, 31), 95)], date(2030, 1, 1)).status is Status.NOT_YET
        assert evaluate(rule, [r(date(2013, 12, 31), 97)], date(2030, 1, 1)).status is Status.MET

    def test_equal_target_met_without_exceeding(self):
        result = evaluate(Rule("eq", 100, deadline=date(2015, 12, 31)), [r(date(2015, 12, 31), 100)], date(2016, 1, 1))
        assert result.status is Status.MET and not result.exceeded

    def test_ceiling_target(self):
        rule = Rule("lte", 2, deadline=date(2015, 12, 31))
        assert evaluate(rule, [r(date(2015, 12, 31), Decimal("1.2"))], date(2016, 1, 1)).exceeded
        assert evaluate(rule, [r(date(2015, 12, 31), 2.5)], date(2016, 1, 1)).status is Status.MISSED

    def test_order_of_readings_does_not_matter(self):
        readings = [r(date(2023, 12, 31), 4.1), r(date(2022, 12, 31), 3.8)]
        assert evaluate(DEADLINE_2025, readings, TODAY).reading.value == Decimal("4.1")


YEARLY_95 = Rule("gte", 95, cadence="hang_nam", start_year=2021, end_year=2025)


class TestYearly:
    def test_every_finished_year_met_and_current_year_without_figure_is_met(self):
        readings = [r(date(y, 12, 31), 96) for y in (2021, 2022, 2023)]
        result = evaluate(YEARLY_95, readings, TODAY)
        assert result.status is Status.MET
        assert [y.year for y in result.years] == [2021, 2022, 2023]
        assert result.exceeded

    def test_one_finished_year_short_is_missed(self):
        readings = [r(date(2021, 12, 31), 96), r(date(2022, 12, 31), 94), r(date(2023, 12, 31), 97)]
        result = evaluate(YEARLY_95, readings, TODAY)
        assert result.status is Status.MISSED and result.reason == "không đạt năm 2022"

    def test_finished_year_without_figure_is_missed(self):
        readings = [r(date(2021, 12, 31), 96), r(date(2023, 12, 31), 97)]
        result = evaluate(YEARLY_95, readings, TODAY)
        assert result.status is Status.MISSED and "2022" in result.reason

    def test_current_year_short_so_far_is_not_yet(self):
        readings = [r(date(y, 12, 31), 96) for y in (2021, 2022, 2023)] + [r(date(2024, 6, 30), 90)]
        assert evaluate(YEARLY_95, readings, TODAY).status is Status.NOT_YET

    def test_last_reading_of_a_year_decides_that_year(self):
        readings = [r(date(2021, 6, 30), 90), r(date(2021, 12, 31), 95)]
        result = evaluate(YEARLY_95, readings, date(2022, 1, 15))
        assert result.status is Status.MET and not result.exceeded

    def test_window_not_started_is_not_yet(self):
        assert evaluate(YEARLY_95, [], date(2020, 5, 1)).status is Status.NOT_YET

    def test_whole_window_past_all_met(self):
        readings = [r(date(y, 12, 31), 95 + (y % 2)) for y in range(2021, 2026)]
        result = evaluate(YEARLY_95, readings, date(2026, 2, 1))
        assert result.status is Status.MET and len(result.years) == 5 and not result.exceeded

    def test_years_after_the_window_are_ignored(self):
        readings = [r(date(2021, 12, 31), 96), r(date(2022, 12, 31), 50)]
        rule = Rule("gte", 95, cadence="hang_nam", start_year=2021, end_year=2021)
        assert evaluate(rule, readings, date(2023, 1, 1)).status is Status.MET

    def test_window_from_deadline_when_years_not_given(self):
        rule = Rule("gte", 95, cadence="hang_nam", deadline=date(2019, 12, 31))
        assert evaluate(rule, [r(date(2019, 12, 31), 95)], date(2020, 1, 2)).status is Status.MET

    def test_yearly_ceiling(self):
        rule = Rule("lt", 1, cadence="hang_nam", start_year=2022, end_year=2023)
        readings = [r(date(2022, 12, 31), 0.5), r(date(2023, 12, 31), 1)]
        assert evaluate(rule, readings, date(2024, 1, 1)).status is Status.MISSED


def test_summary_counts_met_and_exceeded_as_review_reports_do():
    evaluations = [
        evaluate(Rule("gte", 90, deadline=date(2015, 12, 31)), [r(date(2015, 12, 31), 92)], date(2016, 1, 1)),
        evaluate(Rule("eq", 100, deadline=date(2015, 12, 31)), [r(date(2015, 12, 31), 100)], date(2016, 1, 1)),
        evaluate(Rule("gte", 97, deadline=date(2015, 12, 31)), [r(date(2015, 12, 31), 96)], date(2016, 1, 1)),
        evaluate(Rule("gt", 4, deadline=date(2025, 12, 31)), [r(date(2020, 12, 31), 3.76)], date(2021, 1, 1)),
    ]
    summary = summarize(evaluations)
    assert (summary.total, summary.met, summary.exceeded, summary.not_yet, summary.missed) == (4, 2, 1, 1, 1)
    assert summary.headline == "đạt và vượt 2/4 chỉ tiêu"


def test_values_from_counts():
    assert value_from_parts("ty_le", 17, 21) == Decimal("80.95")
    assert value_from_parts("ti_so", 60137, 1599389) == Decimal("0.04")
    with pytest.raises(ValueError):
        value_from_parts("ty_le", 1, 0)


def test_rules_and_values_read_the_vietnamese_way():
    assert describe_rule("gte", Decimal("90"), "%") == "≥ 90%"
    assert describe_rule("lte", Decimal("2.5"), "%") == "≤ 2,5%"
    assert format_value(Decimal("60137"), "đảng viên") == "60.137 đảng viên"
    assert format_value(Decimal("3.76"), "%") == "3,76%"
    assert format_value(None) == ""
