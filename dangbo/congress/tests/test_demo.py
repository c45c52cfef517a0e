"""The demo hook builds a congress with a commented draft, a synthesis and a finished election."""
import io
import random
from datetime import date
from types import SimpleNamespace

from docx import Document

from dangbo.congress import demo, reports
from dangbo.congress.models import Congress, ElectionStatus
from dangbo.congress.synthesis import Decision


def context(tree):
    return SimpleNamespace(province=tree.province, random=random.Random("7:congress"), today=date(2025, 10, 1),
                           admin=tree.admin, users={"admin": tree.admin, "staff_commune": tree.staff_a},
                           stdout=io.StringIO(), seeds_dir=None)


def test_demo_congress_has_a_commented_draft_a_synthesis_and_a_finished_election(tree):
    demo.populate(context(tree))
    congress = Congress.objects.get(organization=tree.province)
    document = congress.documents.get(kind="bao_cao_chinh_tri")
    v1, v2 = document.versions.order_by("number")
    assert v1.paragraphs.filter(kind="text").count() >= 30
    round_ = v1.rounds.get()
    assert round_.recipients.filter(organization=tree.commune_a).exists()
    assert round_.comments.count() >= 6 and round_.conferences.get().bridge_points.exists()
    assert not round_.items.filter(decision=Decision.PENDING.value).exists()
    changed = v2.paragraphs.exclude(text__in=v1.paragraphs.values("text"))
    assert changed.exists()
    election = congress.elections.get()
    assert election.status == ElectionStatus.FINISHED and election.rounds.count() == 2
    data, _, _ = reports.minutes_report(election.rounds.get(number=1), "docx")
    assert len(Document(io.BytesIO(data)).tables[-2].rows) == 18


def test_demo_runs_once_and_is_deterministic(tree):
    demo.populate(context(tree))
    first = list(Congress.objects.get().elections.get().candidates.values_list("full_name", flat=True))
    ctx = context(tree)
    demo.populate(ctx)
    assert "bỏ qua" in ctx.stdout.getvalue() and Congress.objects.count() == 1
    assert len(first) == 17
