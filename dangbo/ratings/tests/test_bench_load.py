"""The rating benchmark loads its synthetic country through the shared bulk writer
(core/demo/bulk); the app's roll-up of the loaded rows equals the hand-written SQL."""
from __future__ import annotations

import io

from dangbo.members.models import Member
from dangbo.ratings import bench
from dangbo.ratings.models import MemberRating


def test_bench_data_loads_and_the_roll_up_matches_hand_written_sql(db):
    bench.generate(1000, io.StringIO())
    assert Member.objects.filter(full_name__startswith="Đảng viên ").count() == 1000
    assert MemberRating.objects.filter(year=bench.YEAR).count() == 1000
    assert bench.app_rebuild() == bench.hand_written()
    assert "Reusing bench data" in _generate_again()


def _generate_again() -> str:
    out = io.StringIO()
    bench.generate(1000, out)
    return out.getvalue()
