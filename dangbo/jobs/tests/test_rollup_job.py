"""An administrator can have the roll-ups recomputed in the background after a bulk change."""
from __future__ import annotations

from dangbo.jobs import services
from dangbo.jobs.models import JobStatus
from dangbo.jobs.testing import run_queued_jobs
from dangbo.members.models import Member
from dangbo.rollups import engine


def test_rollup_rebuild_job_repairs_summaries_changed_behind_the_services(tree):
    Member.objects.filter(pk=tree.a1_members[0].pk).update(organization=tree.cell_b1)  # a bulk fix in SQL
    assert engine.check()["members"]
    job = services.start_rollup_rebuild(tree.admin)
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["rows"]["members"] > 0
    assert engine.check() == {"ratings": [], "members": []}
