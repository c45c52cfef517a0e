"""The admission benchmark loads its synthetic country through the shared bulk writer
(core/demo/bulk.write_rows: COPY on PostgreSQL, executemany on SQLite); the loaded rows are
whole (every member, candidate and target) and the app's roll-up agrees with the SQL."""
from __future__ import annotations

import io

from dangbo.admission import bench, progress
from dangbo.admission.models import AdmissionTarget, Candidate
from dangbo.members.models import Member
from dangbo.orgs.models import Organization


def test_bench_data_loads_and_the_roll_up_matches_hand_written_sql(db):
    members_before = Member.objects.count()
    out = io.StringIO()
    bench.generate(1000, out)
    assert Member.objects.count() == members_before + 1000
    assert Candidate.objects.filter(organization__path__startswith=Organization.objects.get(
        code=bench.ROOT_CODE).path).count() == int(1000 * bench.ADMITTED_SHARE)
    assert AdmissionTarget.objects.filter(year=bench.YEAR).count() > bench.PROVINCES
    assert progress.all_progress(bench.YEAR, bench.ON) == bench.hand_written(bench.YEAR, bench.ON)
    # The sequences were moved past the explicit ids: the next ordinary insert does not collide.
    Organization.objects.create(kind="chi_bo", code="SAU-BENCH", name="Chi bộ sau bench",
                                parent=Organization.objects.get(code=bench.ROOT_CODE))
