"""`dangbo bench_inspection [--decisions N] [--recommendations N]`: how long the inspection
statistics and the follow-up summary take over the whole tree of the current database.

Adds N synthetic decisions (a year's national discipline is about 20.000) and N
recommendations spread over the existing cells, times each query (median of --runs), prints
the figures and rolls everything back: the database is left as it was.
"""
from __future__ import annotations

import random
import statistics as stats
import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dangbo.core import vn
from dangbo.inspection import rules, selectors
from dangbo.inspection import statistics as inspection_stats
from dangbo.inspection.models import Case, DisciplineDecision, Recommendation
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs.models import CELL_KINDS, Organization, OrgClosure

YEAR = 2025
FORMS = [rules.REPRIMAND] * 6 + [rules.WARNING] * 2 + [rules.DISMISSAL, rules.EXPULSION]


class Command(BaseCommand):
    help = "Thời gian thống kê kỷ luật và theo dõi khắc phục trên toàn cây tổ chức (dữ liệu thử, không lưu)."

    def add_arguments(self, parser):
        parser.add_argument("--decisions", type=int, default=20_000)
        parser.add_argument("--recommendations", type=int, default=20_000)
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, **options):
        root = Organization.objects.filter(parent__isnull=True).order_by("pk").first()
        if root is None:
            raise CommandError("Cơ sở dữ liệu chưa có tổ chức đảng (chạy `dangbo demo` trước).")
        with transaction.atomic():
            self.load(root, options["decisions"], options["recommendations"])
            members = Member.objects.count()
            self.stdout.write(f"{root.name}: {vn.format_number(members)} hồ sơ đảng viên, "
                              f"{vn.format_number(DisciplineDecision.objects.count())} quyết định kỷ luật, "
                              f"{vn.format_number(Recommendation.objects.count())} kiến nghị")
            subtree = OrgClosure.objects.filter(ancestor=root).values("descendant_id")
            recs = Recommendation.objects.filter(organization_id__in=subtree).order_by("deadline", "id")
            today = date(YEAR + 1, 3, 1)
            cell_members = list(Member.objects.order_by("organization_id", "pk").values_list("pk", flat=True)[:30])
            for label, run in [
                ("Đếm kỷ luật theo hình thức, đối tượng, cấp (toàn tỉnh)", lambda: inspection_stats.discipline_counts(root, YEAR)),
                ("Đếm kỷ luật theo đơn vị trực thuộc", lambda: inspection_stats.discipline_by_child(root, YEAR)),
                ("Đảng viên bị kỷ luật trong năm, toàn bộ", lambda: selectors.disciplined_member_ids(YEAR)),
                ("Giới hạn xếp loại khi lưu một chi bộ (30 đảng viên)",
                 lambda: selectors.disciplined_member_ids(YEAR, cell_members)),
                ("Theo dõi khắc phục: tóm tắt + 1.000 dòng", lambda: inspection_stats.follow_up(recs, today)),
            ]:
                self.stdout.write(f"  {label}: {vn.format_number(self.time(run, options['runs']), 1)} ms")
            transaction.set_rollback(True)

    @staticmethod
    def time(run, runs: int) -> float:
        timings = []
        for _ in range(max(1, runs)):
            started = time.perf_counter()
            run()
            timings.append((time.perf_counter() - started) * 1000)
        return stats.median(timings)

    @staticmethod
    def load(root, decisions: int, recommendations: int) -> None:
        rng = random.Random(2026)
        subtree = OrgClosure.objects.filter(ancestor=root).values("descendant_id")
        cells = list(Organization.objects.filter(pk__in=subtree, kind__in=CELL_KINDS).values_list("pk", "parent_id"))
        members = list(Member.objects.filter(organization_id__in=subtree, status__in=ACTIVE_STATUSES)
                       .values_list("pk", "organization_id", "organization__parent_id")[:decisions])
        rows = []
        for index in range(decisions):
            member_id, org_id, parent_id = members[index % len(members)]
            decided = date(YEAR, 1, 1) + timedelta(days=rng.randrange(360))
            rows.append(DisciplineDecision(
                organization_id=org_id, member_id=member_id, subject=rules.OFFICIAL, form=rng.choice(FORMS),
                violation_on=decided - timedelta(days=200), violation_summary="Dữ liệu thử", decider=rules.UPPER_COMMITTEE,
                decided_by_id=parent_id or org_id, decided_on=decided, effective_on=decided, year=YEAR))
        DisciplineDecision.objects.bulk_create(rows, batch_size=5000)
        case = Case.objects.create(organization=root, kind=rules.TASK_COMPLIANCE, title="Dữ liệu thử",
                                   opened_on=date(YEAR, 1, 5), subject_organization=root)
        progress = [rules.NOT_STARTED, rules.IN_PROGRESS, rules.DONE]
        Recommendation.objects.bulk_create([
            Recommendation(case=case, organization_id=cells[i % len(cells)][0], content="Khắc phục",
                           deadline=date(YEAR, 3, 1) + timedelta(days=rng.randrange(400)), progress=rng.choice(progress))
            for i in range(recommendations)], batch_size=5000)
