"""Demo data: two years of member and organization ratings, periods and targets.

Called by `dangbo demo` (core) as populate(ctx) inside a transaction. Deterministic for a
seed, set-based (bulk_create), and within the rules: the HTXSNV quota holds in every
grassroots organization (members) and every group rated by the same superior
(organizations), so the older, closed period validates clean.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from django.conf import settings

from dangbo.core.demo.timeline import Founding
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure
from dangbo.ratings import rules, summary
from dangbo.ratings.models import MemberRating, OrgRating, PeriodStatus, RatingPeriod, RatingTarget

# Shares of each level, per year offset (older year a little weaker, so the trend rises).
MEMBER_SHARES = {2: (0.12, 0.74, 0.125, 0.015), 1: (0.13, 0.77, 0.09, 0.01)}
ORG_SHARES = {2: (0.12, 0.74, 0.12, 0.02), 1: (0.13, 0.79, 0.07, 0.01)}
TARGETS = [("grassroots", rules.HTTNV, 95), ("members", rules.HTNV, 100), ("members", rules.HTTNV, 97)]


def _pick(rng, shares) -> str:
    x = rng.random()
    for level, share in zip(rules.LEVELS, shares):
        if x < share:
            return level
        x -= share
    return rules.HTTNV


def _within_quota(levels: dict, groups: dict, ratio) -> None:
    """Demote surplus HTXSNV to HTTNV in each quota unit (keys of `levels` grouped by `groups`)."""
    by_group = defaultdict(list)
    for key in levels:
        by_group[groups[key]].append(key)
    for keys in by_group.values():
        counts = Counter(levels[k] for k in keys)
        excellent = [k for k in keys if levels[k] == rules.HTXSNV]
        while excellent and len(excellent) > rules.excellent_allowed(counts[rules.HTTNV], ratio):
            levels[excellent.pop()] = rules.HTTNV
            counts[rules.HTTNV] += 1


def populate(ctx) -> None:
    ratio = settings.DANGBO_RULES.get("excellent_ratio", 0.20)
    rng = ctx.random
    province = ctx.province
    subtree = OrgClosure.objects.filter(ancestor=province).values("descendant_id")
    grassroots_of = dict(OrgClosure.objects.filter(descendant_id__in=subtree, ancestor__kind__in=GRASSROOTS_KINDS)
                         .values_list("descendant_id", "ancestor_id"))
    members = list(Member.objects.filter(organization_id__in=subtree, status__in=ACTIVE_STATUSES)
                   .values_list("pk", "organization_id", "admission_date").order_by("pk"))
    grassroots = list(Organization.objects.filter(pk__in=subtree, kind__in=GRASSROOTS_KINDS)
                      .values_list("pk", "parent_id", "established").order_by("pk"))
    # A rating is made by a body that existed that day: a grassroots organization under a
    # commune formed in 2025 was rated for 2024 by the next body up that already existed.
    founding = Founding(Organization.objects.filter(pk__in=subtree))
    member_rows = org_rows = 0
    for offset in (2, 1):
        year = ctx.today.year - offset
        rule_set = rules.rules_for_year(year)
        rated_on = date(year, 12, 15)
        levels = {pk: _pick(rng, MEMBER_SHARES[offset]) for pk, org_id, admitted in members if admitted <= rated_on}
        org_of = {pk: org_id for pk, org_id, _ in members}
        _within_quota(levels, {pk: grassroots_of.get(org_of[pk], org_of[pk]) for pk in levels}, ratio)
        MemberRating.objects.bulk_create([
            MemberRating(member_id=pk, year=year, level=level, organization_id=org_of[pk],
                         rated_by_id=grassroots_of.get(org_of[pk], org_of[pk]), rated_on=rated_on,
                         created_by=ctx.admin)
            for pk, level in levels.items()], batch_size=2000)
        member_rows += len(levels)

        org_rated_on = date(year, 12, 28)
        org_levels = {pk: _pick(rng, ORG_SHARES[offset]) for pk, _, founded in grassroots
                      if founded is None or founded <= org_rated_on}
        rater = {pk: founding.existing_on(parent_id, org_rated_on) if parent_id else pk
                 for pk, parent_id, _ in grassroots}
        _within_quota(org_levels, rater, ratio)
        OrgRating.objects.bulk_create([
            OrgRating(organization_id=pk, year=year, level=level, rated_by_id=rater[pk],
                      rated_on=org_rated_on, violations=level == rules.KHTNV and rng.random() < 0.5,
                      created_by=ctx.admin)
            for pk, level in org_levels.items()], batch_size=2000)
        org_rows += len(org_levels)

        RatingPeriod.objects.create(organization=province, year=year, rule_set=rule_set.code,
                                    status=PeriodStatus.CLOSED if offset == 2 else PeriodStatus.OPEN,
                                    note="Dữ liệu mẫu")
        RatingTarget.objects.bulk_create([
            RatingTarget(organization=province, year=year, subject=subject, min_level=level, min_percent=percent,
                         source="Nghị quyết Đại hội Đảng bộ tỉnh (dữ liệu mẫu)")
            for subject, level, percent in TARGETS])
    summary.rebuild()  # a bulk load: the maintained roll-up is recomputed set-based once
    ctx.stdout.write(f"  ratings: {member_rows} lượt xếp loại đảng viên, {org_rows} lượt xếp loại tổ chức cơ sở đảng")
