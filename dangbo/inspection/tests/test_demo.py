"""The demo hook builds a year of inspection, supervision, discipline and consolidation."""
import io
import random
from datetime import date
from types import SimpleNamespace

from dangbo.inspection import demo, rules, statistics
from dangbo.inspection.models import Case, Consolidation, DisciplineDecision, Plan, PlanItem
from dangbo.ratings.models import MemberRating, OrgRating
from dangbo.ratings.tests.factories import known_ratings

TODAY = date(2026, 3, 1)


def context(tree, inspector):
    return SimpleNamespace(province=tree.province, random=random.Random("7:inspection"), today=TODAY,
                           admin=tree.admin, users={"admin": tree.admin, "inspection": inspector},
                           stdout=io.StringIO(), seeds_dir=None)


def test_demo_year_has_cases_discipline_overdue_remediation_and_consolidation(tree, inspector):
    known_ratings(tree)  # Én KHTNV in 2025
    MemberRating.objects.filter(member__in=[tree.a1_members[1], tree.b1_members[1]], year=2025).update(level="khtnv")
    OrgRating.objects.filter(organization=tree.village_cell, year=2025).update(level="khtnv")
    ctx = context(tree, inspector)
    demo.populate(ctx)
    plan = Plan.objects.get(organization=tree.province, year=2025)
    assert set(PlanItem.objects.filter(plan=plan).values_list("kind", flat=True)) == set(rules.KIND_LABELS)
    assert Case.objects.filter(origin="to_cao").exists() and Case.objects.filter(status="da_ket_luan").count() >= 6
    assert DisciplineDecision.objects.filter(year=2025, member__isnull=False).count() == 3
    assert DisciplineDecision.objects.filter(annulled=True).count() == 1
    assert DisciplineDecision.objects.filter(member__isnull=True, form=rules.WARNING).exists()
    from dangbo.inspection.models import Recommendation

    _, summary, by_status = statistics.follow_up(Recommendation.objects.all(), TODAY)
    assert by_status.get(rules.OVERDUE, 0) >= 1 and summary.units >= 3
    assert Consolidation.objects.filter(year=2025).exists()
    # every disciplined member's rating stays within its cap
    assert not MemberRating.objects.filter(disciplined=True).exclude(level="khtnv").exists()
    assert "inspection:" in ctx.stdout.getvalue()
    demo.populate(ctx)  # runs once
    assert Plan.objects.count() == 1
