"""The demo hook fills two years within the rules, so the dashboard shows real charts."""
import random
from datetime import date
from types import SimpleNamespace

from dangbo.ratings import demo, rollup, services
from dangbo.ratings.models import MemberRating, PeriodStatus, RatingPeriod


class _Out:
    def write(self, *args):
        pass


def test_demo_fills_two_years_within_the_quota(tree):
    ctx = SimpleNamespace(province=tree.province, random=random.Random(1), today=date(2026, 1, 10),
                          admin=tree.admin, users={}, stdout=_Out(), seeds_dir=None)
    demo.populate(ctx)
    assert set(MemberRating.objects.values_list("year", flat=True)) == {2024, 2025}
    assert MemberRating.objects.filter(year=2025).count() == 9
    assert MemberRating.objects.filter(year=2024).count() == 8  # Chiến joined the Party in June 2025
    assert dict(RatingPeriod.objects.values_list("year", "status")) == {2024: PeriodStatus.CLOSED, 2025: PeriodStatus.OPEN}
    for year in (2024, 2025):
        assert services.validate_subtree(tree.province, year).by_code("quota") == []
    assert rollup.trend(tree.province)["years"] == [2024, 2025]
    assert len(rollup.build(tree.province, 2025).targets) == 3
