"""Demo data: a year of inspection, supervision and discipline in the demo province.

The provincial inspection commission's programme for last year (every kind of inspection
and supervision), cases from the programme, from a denunciation and from a complaint, with
conclusions and recommendations (some remedied, some in progress, some overdue on the demo
day), discipline of several forms on members rated KHTNV (so the ratings stay within their
caps), one decision reversed on appeal, one organization disciplined, and the weak
organizations of the year in consolidation. Called by `dangbo demo` as populate(ctx);
deterministic for a seed; writes through the services (a few hundred rows).
"""
from __future__ import annotations

from datetime import date, timedelta

from dangbo.core.demo.timeline import existing_on
from dangbo.inspection import rules, services
from dangbo.inspection.models import CaseOrigin, Consolidation, ConsolidationStatus, Plan, Progress
from dangbo.inspection.services import RecommendationInput
from dangbo.members.models import ACTIVE_STATUSES, MemberStatus
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure
from dangbo.ratings.models import MemberRating, OrgRating

MEMBER_FORMS = [rules.REPRIMAND, rules.REPRIMAND, rules.WARNING, rules.REPRIMAND, rules.WARNING, rules.DISMISSAL,
                rules.REPRIMAND, rules.EXPULSION]
ITEMS = [
    (rules.TASK_COMPLIANCE, "Kiểm tra việc lãnh đạo thực hiện Chỉ thị 50-CT/TW về sinh hoạt chi bộ"),
    (rules.PARTY_FINANCE, "Kiểm tra thu, nộp, quản lý và sử dụng đảng phí năm {year}"),
    (rules.TASK_COMPLIANCE, "Kiểm tra công tác phát triển đảng viên và quản lý hồ sơ đảng viên"),
    (rules.THEMATIC_SUPERVISION, "Giám sát chuyên đề việc kê khai, kiểm soát tài sản, thu nhập"),
    (rules.REGULAR_SUPERVISION, "Giám sát thường xuyên việc thực hiện quy chế làm việc của cấp ủy"),
    (rules.PARTY_FINANCE, "Kiểm tra tài chính, tài sản của cấp ủy năm {year}"),
    (rules.THEMATIC_SUPERVISION, "Giám sát chuyên đề công tác đánh giá, xếp loại chất lượng tổ chức đảng"),
    (rules.SIGNS_OF_VIOLATION, "Kiểm tra khi có dấu hiệu vi phạm trong quản lý đất đai"),
]
RECOMMENDATIONS = ["Tổ chức kiểm điểm, rút kinh nghiệm đối với tập thể và cá nhân có liên quan",
                   "Thu đủ đảng phí còn thiếu và nộp lên cấp trên theo quy định",
                   "Bổ sung, hoàn thiện hồ sơ đảng viên và sổ sách theo mẫu",
                   "Ban hành lại quy chế làm việc của cấp ủy nhiệm kỳ 2025-2030",
                   "Báo cáo kết quả khắc phục bằng văn bản về Ủy ban Kiểm tra"]


def populate(ctx) -> None:
    year = ctx.today.year - 1
    province, rng = ctx.province, ctx.random
    if Plan.objects.filter(organization=province, year=year).exists():
        return
    officer = ctx.users.get("inspection", ctx.admin)
    subtree = OrgClosure.objects.filter(ancestor=province).values("descendant_id")
    units = list(Organization.objects.filter(parent=province, dissolved__isnull=True).order_by("path"))
    grassroots = list(Organization.objects.filter(pk__in=subtree, kind__in=GRASSROOTS_KINDS, dissolved__isnull=True)
                      .order_by("path"))
    if not units or not grassroots:
        return
    plan = services.create_plan(officer, province, year=year, number="05-CTr/UBKTTU",
                                title=f"Chương trình kiểm tra, giám sát năm {year} của Ủy ban Kiểm tra Tỉnh ủy")
    subjects = [grassroots[rng.randrange(len(grassroots))] for _ in ITEMS]
    items = []
    for index, ((kind, content), subject) in enumerate(zip(ITEMS, subjects)):
        start = date(year, 2 + index, 5)
        items.append(services.add_plan_item(officer, plan, kind=kind, content=content.format(year=year),
                                            subject_organization=subject, period_start=start,
                                            period_end=start + timedelta(days=20),
                                            team=f"Đoàn kiểm tra số {index + 1}"))
    cases = [services.open_case(officer, province, kind=item.kind, title=item.content, opened_on=item.period_start,
                                plan_item=item) for item in items[:6]]
    member = _first_member(subtree, rng)
    if member is not None:
        denunciation = services.record_denunciation(
            officer, province, received_on=date(year, 4, 2), content="Tố cáo đảng viên kê khai tài sản không trung thực",
            reporter_name="Người tố cáo (giữ bí mật)", accused_member=member)
        cases.append(services.open_case(officer, province, kind=rules.SIGNS_OF_VIOLATION, opened_on=date(year, 4, 20),
                                        title="Giải quyết đơn tố cáo đối với đảng viên", origin=CaseOrigin.DENUNCIATION,
                                        denunciation=denunciation))
    cases.append(services.open_case(officer, province, kind=rules.TASK_COMPLIANCE, opened_on=date(year, 9, 1),
                                    title="Giải quyết phản ánh về sinh hoạt chi bộ", origin=CaseOrigin.COMPLAINT,
                                    complaint_summary="Phản ánh chi bộ không sinh hoạt định kỳ",
                                    subject_organization=subjects[0]))
    recommendations = _conclude(officer, cases, ctx.today, rng)
    _remediate(officer, recommendations, ctx.today, rng)
    decided = _discipline(officer, province, subtree, year, rng, cases[0] if cases else None)
    decided += _discipline(officer, province, subtree, year - 1, rng, None, limit=4)
    _consolidate(officer, province, year, ctx.today)
    ctx.stdout.write(f"  inspection: 1 chương trình, {len(items)} nội dung, {len(cases)} hồ sơ, "
                     f"{len(recommendations)} kiến nghị, {decided} quyết định kỷ luật, "
                     f"{Consolidation.objects.filter(year=year).count()} tổ chức trong diện củng cố")


def _first_member(subtree, rng):
    from dangbo.members.models import Member

    ids = list(Member.objects.filter(organization_id__in=subtree, status=MemberStatus.OFFICIAL)
               .values_list("pk", flat=True).order_by("pk")[:200])
    return Member.objects.get(pk=rng.choice(ids)) if ids else None


def _conclude(officer, cases, today, rng) -> list:
    out = []
    for index, case in enumerate(cases[:-1]):  # the complaint stays open
        concluded = case.opened_on + timedelta(days=35)
        unit = case.subject_organization or case.subject_member.organization
        children = list(Organization.objects.filter(parent=unit, dissolved__isnull=True).order_by("path")[:3]) or [unit]
        targets = [unit] + children[: rng.randint(0, 2)]
        deadlines = [concluded + timedelta(days=rng.choice((60, 90, 120, 400))) for _ in targets]
        inputs = [RecommendationInput(target, RECOMMENDATIONS[(index + k) % len(RECOMMENDATIONS)], deadline)
                  for k, (target, deadline) in enumerate(zip(targets, deadlines))]
        services.conclude_case(officer, case, findings="Đoàn kiểm tra đã làm việc với cấp ủy, xem xét hồ sơ, sổ sách.",
                               conclusion="Cơ bản thực hiện đúng quy định; còn một số hạn chế cần khắc phục.",
                               concluded_on=min(concluded, today), number=f"{10 + index:02d}-TB/UBKTTU",
                               recommendations=inputs)
        out.extend(case.recommendations.all())
    return out


def _remediate(officer, recommendations, today, rng) -> None:
    """Two thirds remedied, a fifth in progress, the rest untouched (overdue once past the deadline)."""
    for recommendation in recommendations:
        x = rng.random()
        if x < 0.65 and recommendation.deadline - timedelta(days=20) <= today:
            services.report_remediation(officer, recommendation, progress=Progress.DONE,
                                        evidence="Báo cáo kết quả khắc phục và biên bản họp cấp ủy",
                                        done_on=min(today, recommendation.deadline - timedelta(days=20)))
        elif x < 0.85:
            services.report_remediation(officer, recommendation, progress=Progress.IN_PROGRESS,
                                        evidence="Đã xây dựng kế hoạch khắc phục")


def _discipline(officer, province, subtree, year, rng, case, limit=12) -> int:
    """Members rated KHTNV in `year` are the ones disciplined, so every rating stays within its cap."""
    ratings = list(MemberRating.objects.filter(year=year, level="khtnv", organization_id__in=subtree,
                                               member__status__in=ACTIVE_STATUSES)
                   .select_related("member", "member__organization").order_by("member_id"))
    chosen = sorted(rng.sample(ratings, min(limit, len(ratings))), key=lambda r: r.member_id)
    count = 0
    for index, rating in enumerate(chosen):
        member = rating.member
        form = MEMBER_FORMS[index % len(MEMBER_FORMS)]
        if member.status == MemberStatus.PROBATIONARY:
            form = rules.REPRIMAND
        decided_on = date(year, 3 + index % 9, 10 + index % 15)
        cell_decides = form in (rules.REPRIMAND, rules.WARNING) and index % 3 == 0
        decision = services.decide_discipline(
            officer, member=member, form=form, held_post="Chi ủy viên" if form == rules.DISMISSAL else "",
            violation_on=decided_on - timedelta(days=150 + index * 7),
            violation_summary="Vi phạm những điều đảng viên không được làm" if form == rules.EXPULSION
            else "Vi phạm quy chế làm việc, thiếu trách nhiệm trong thực hiện nhiệm vụ",
            decider=rules.CELL if cell_decides else rules.UPPER_COMMITTEE,
            decided_by=member.organization if cell_decides else existing_on(
                member.organization.parent or member.organization, decided_on),
            decided_on=decided_on, announced_on=decided_on if cell_decides else None,
            received_on=decided_on + timedelta(days=2), number=f"{20 + index:02d}-QĐ/UBKTTU", case=case)
        count += 1
        if index == 1:  # appealed and reversed: the rating cap of the year is lifted
            services.record_appeal(officer, decision, filed_on=decided_on + timedelta(days=20), outcome=rules.ANNULLED,
                                   decided_on=decided_on + timedelta(days=60))
    weak = (OrgRating.objects.filter(year=year, level="khtnv", organization_id__in=subtree)
            .select_related("organization__parent").order_by("organization__path").first())
    if weak is not None and weak.organization.parent_id:
        services.decide_discipline(officer, organization=weak.organization, form=rules.WARNING,
                                   violation_on=date(year, 1, 15), decider=rules.UPPER_COMMITTEE,
                                   violation_summary="Buông lỏng lãnh đạo, để nhiều đảng viên vi phạm",
                                   decided_by=existing_on(weak.organization.parent, date(year, 11, 20)),
                                   decided_on=date(year, 11, 20),
                                   number="35-QĐ/UBKTTU")
        count += 1
    return count


def _consolidate(officer, province, year, today) -> None:
    created = services.propose_consolidations(officer, province, year)
    for index, item in enumerate(created[:3]):
        from dangbo.members.models import Member

        responsible = (Member.objects.filter(positions__organization=item.organization.parent, positions__end__isnull=True)
                       .order_by("pk").first())
        services.update_consolidation(officer, item, causes="Cấp ủy thiếu đoàn kết; sinh hoạt chi bộ không đều.",
                                      measures="Kiện toàn cấp ủy; cử cấp ủy viên cấp trên dự sinh hoạt hằng tháng.",
                                      responsible=responsible)
        done = services.add_milestone(officer, item, title="Kiện toàn chi ủy, bí thư chi bộ", due=date(year + 1, 2, 28))
        services.complete_milestone(officer, done, done_on=min(today, date(year + 1, 2, 20)))
        services.add_milestone(officer, item, title="Sơ kết 6 tháng củng cố", due=min(today, date(year + 1, 6, 30)) - timedelta(days=1))
        if index == 0:
            services.exit_consolidation(officer, item, decision_number="40-TB/HU", on=min(today, date(year + 1, 7, 15)))
    if created:
        Consolidation.objects.filter(pk__in=[c.pk for c in created[3:]]).update(status=ConsolidationStatus.PROPOSED)
