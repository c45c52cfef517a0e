"""The demo hook fills a pipeline with every step, overdue cases, failed votes and targets."""
import random
from datetime import date
from types import SimpleNamespace

from dangbo.admission import deadlines, demo, progress, rules
from dangbo.admission.models import AdmissionStep, AdmissionTarget, Candidate, Hamlet
from dangbo.core.testing import make_member
from dangbo.members.models import Member


class _Out:
    def write(self, *args):
        pass


def test_demo_fills_a_pipeline_with_targets(tree):
    for index in range(40):  # a bigger cell, so every stage gets candidates
        make_member(tree.cell_a1, f"Nguyễn Văn Thứ {chr(65 + index % 26)}")
    ctx = SimpleNamespace(province=tree.province, random=random.Random(3), today=date(2026, 11, 20),
                          admin=tree.admin, users={}, stdout=_Out(), seeds_dir=None)
    demo.YEARLY_RATE = 1.0  # more candidates per member than a province, to see every step in a small tree
    try:
        demo.populate(ctx)
    finally:
        demo.YEARLY_RATE = 0.036
    stages = set(Candidate.objects.values_list("stage", flat=True))
    assert len(stages) >= 8 and {rules.COURSE, rules.RECOGNITION} <= stages
    assert AdmissionStep.objects.filter(passed=False).exists()
    admitted = Candidate.objects.filter(member__isnull=False)
    assert admitted.exists()
    for candidate in admitted.select_related("member")[:20]:
        assert candidate.member.admission_date == candidate.admitted_on
    assert AdmissionTarget.objects.filter(year=2026, organization=tree.province).exists()
    assert Hamlet.objects.exists()
    rows = deadlines.due_list(Candidate.objects.all(), Member.objects.all(), ctx.today)
    assert any(row.overdue for row in rows)
    assert progress.progress_for([tree.province], 2026, ctx.today)[0].admitted > 0
