"""Every roll-up number of a small tree checked against a hand-written expectation."""
import pytest

from dangbo.ratings import rollup
from dangbo.ratings.tests.factories import known_ratings, province_targets

LEVELS = ("htxsnv", "httnv", "htnv", "khtnv")


def as_tuple(counts):
    return tuple(counts.get(level, 0) for level in LEVELS)


@pytest.fixture
def rated(tree):
    return known_ratings(tree)


# (organization, members per level 2025, grassroots per level 2025)
EXPECTED_2025 = {
    "province": ((2, 5, 1, 1), (1, 1, 1, 0)),
    "commune_a": ((1, 4, 1, 1), (0, 1, 1, 0)),
    "grassroots_a": ((1, 2, 1, 1), (0, 1, 0, 0)),
    "cell_a1": ((1, 1, 1, 0), (0, 0, 0, 0)),
    "cell_a2": ((0, 1, 0, 1), (0, 0, 0, 0)),
    "village_cell": ((0, 2, 0, 0), (0, 0, 1, 0)),
    "commune_b": ((1, 1, 0, 0), (1, 0, 0, 0)),
    "cell_b1": ((1, 1, 0, 0), (1, 0, 0, 0)),
}


def test_subtree_counts_per_level_for_every_node(rated):
    ids = {name: getattr(rated, name).pk for name in EXPECTED_2025}
    members = rollup.member_counts(list(ids.values()), 2025)
    grassroots = rollup.grassroots_counts(list(ids.values()), 2025)
    for name, (expected_members, expected_grassroots) in EXPECTED_2025.items():
        assert as_tuple(members.get(ids[name], {})) == expected_members, name
        assert as_tuple(grassroots.get(ids[name], {})) == expected_grassroots, name


def test_national_rollup_equals_per_node_rollup(rated):
    everything = rollup.all_rollups(2025)
    for name, (expected_members, expected_grassroots) in EXPECTED_2025.items():
        node = everything[getattr(rated, name).pk]
        assert as_tuple(node["members"]) == expected_members, name
        assert as_tuple(node["grassroots"]) == expected_grassroots, name


def test_province_dashboard_numbers_and_percentages(rated):
    result = rollup.build(rated.province, 2025)
    members = result.total.members
    assert members.total == 9
    assert [round(members.percent(level), 2) for level in LEVELS] == [22.22, 55.56, 11.11, 11.11]
    assert members.at_least("httnv") == 7 and round(members.at_least_percent("httnv"), 2) == 77.78
    assert members.at_least("htnv") == 8 and round(members.at_least_percent("htnv"), 2) == 88.89
    grassroots = result.total.grassroots
    assert grassroots.total == 3 and round(grassroots.at_least_percent("httnv"), 2) == 66.67


def test_dashboard_breaks_down_by_direct_child_units(rated):
    result = rollup.build(rated.province, 2025)
    assert [unit.organization.name for unit in result.children] == ["Đảng bộ xã Bình Lư", "Đảng bộ phường Tân Phong"]
    commune_a, commune_b = result.children
    assert commune_a.members.total == 7 and round(commune_a.members.at_least_percent("httnv"), 2) == 71.43
    assert commune_a.grassroots.total == 2 and commune_a.grassroots.at_least_percent("httnv") == 50.0
    assert commune_b.members.at_least_percent("httnv") == 100.0
    assert commune_b.grassroots.percent("htxsnv") == 100.0


def test_year_over_year_comparison(rated):
    result = rollup.build(rated.province, 2025)
    assert as_tuple(result.total.previous_members) == (0, 2, 1, 0)
    assert as_tuple(result.total.previous_grassroots) == (0, 0, 1, 0)
    commune_b = result.children[1]
    assert as_tuple(commune_b.previous_members) == (0, 0, 1, 0)


def test_trend_over_the_years(rated):
    trend = rollup.trend(rated.province)
    assert trend["years"] == [2024, 2025]
    assert [round(c.at_least_percent("httnv"), 2) for c in trend["members"]] == [66.67, 77.78]
    assert [c.at_least_percent("httnv") for c in trend["grassroots"]] == [0.0, pytest.approx(66.6667, abs=1e-3)]


def test_targets_met_or_missed_per_unit(rated):
    province_targets(rated)
    result = rollup.build(rated.province, 2025)
    grassroots_95, members_100, members_97 = result.total.targets
    assert (grassroots_95.met, grassroots_95.count, grassroots_95.total, grassroots_95.needed) == (False, 2, 3, 3)
    assert (members_100.met, members_100.count, members_100.total) == (False, 8, 9)
    assert (members_97.met, members_97.count, members_97.needed) == (False, 7, 9)
    commune_a, commune_b = result.children
    assert [c.met for c in commune_a.targets] == [False, False, False]
    assert [c.met for c in commune_b.targets] == [True, True, True]
    missing = result.missing_units()
    assert [[u.organization.name for u in units] for _, units in missing] == [["Đảng bộ xã Bình Lư"]] * 3


def test_targets_of_an_ancestor_apply_below(rated):
    province_targets(rated)
    result = rollup.build(rated.commune_a, 2025)
    assert len(result.targets) == 3
    grassroots_a = next(u for u in result.children if u.organization == rated.grassroots_a)
    # grassroots_a: 1 TCCSĐ rated HTTNV -> 100% met; members 3/5 at HTTNV or above -> missed.
    assert [c.met for c in grassroots_a.targets] == [True, False, False]
    village = next(u for u in result.children if u.organization == rated.village_cell)
    assert village.targets[0].met is False  # the village cell itself rated HTNV


def test_target_on_a_unit_without_grassroots_ratings_is_undecided(rated):
    province_targets(rated)
    result = rollup.build(rated.grassroots_a, 2025)
    cell_a1 = next(u for u in result.children if u.organization == rated.cell_a1)
    assert cell_a1.targets[0].met is None


def test_empty_year_gives_zero_counts(rated):
    result = rollup.build(rated.province, 2030)
    assert result.total.members.total == 0 and result.total.members.percent("httnv") is None
