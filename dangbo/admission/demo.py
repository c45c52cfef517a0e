"""Demo data: about two years of admission pipeline in the demo province, yearly targets and
the hamlet lists, so that the board, the due list and the dashboard look like a real province.

Called by `dangbo demo` (core) as populate(ctx) inside a transaction. Deterministic for a seed
and set-based (bulk_create). Each cell gets candidates in proportion to its members; each
candidate starts on a random day of the last two years and walks the steps with realistic
gaps until today, so every step is populated, some decisions and ceremonies are overdue,
some chi bộ and recognition votes fail (three failures go up), a few are stopped; those past
the ceremony get their member record (probationary or official, with a card at the end).
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

from dangbo.admission import progress, rules
from dangbo.admission.models import (AdmissionStep, AdmissionTarget, Candidate, Hamlet, HamletKind, Relative,
                                     Source, Sponsor, TargetSource, Workplace)
from dangbo.core import vn
from dangbo.core.demo.names import make_name
from dangbo.members.models import EventKind, Member, MemberEvent, MemberStatus
from dangbo.orgs.models import CELL_KINDS, GRASSROOTS_KINDS, Organization, OrgClosure, OrgKind

YEARLY_RATE = 0.036  # admissions per member per year (seeds: "tỷ lệ kết nạp 3,76%")
PIPELINE_YEARS = 2.0
# Days between one step and the next: (low, high); the decision may wait past 60 working days.
GAPS = {
    rules.APPLICATION: (7, 40), rules.BIOGRAPHY: (5, 25), rules.VERIFICATION: (20, 70), rules.SPONSORS: (3, 15),
    rules.CELL_RESOLUTION: (5, 25), rules.GRASSROOTS_RESOLUTION: (7, 30), rules.DECISION: (10, 110),
    rules.CEREMONY: (5, 50), rules.RECOGNITION: (366, 400), rules.CARD: (20, 90),
}
WORKPLACES = [(Workplace.COMMUNITY, 0.35), (Workplace.STATE, 0.2), (Workplace.PRIVATE_ENTERPRISE, 0.12),
              (Workplace.STUDENT, 0.08), (Workplace.ARMED_FORCES, 0.1), (Workplace.STATE_ENTERPRISE, 0.05),
              (Workplace.OTHER, 0.1)]
ETHNIC_GROUPS = {"kinh": "Kinh", "thai": "Thái", "mong": "Mông", "dao": "Dao", "tay": "Tày"}


def _pick(rng, weighted):
    x = rng.random()
    for value, share in weighted:
        if x < share:
            return value
        x -= share
    return weighted[-1][0]


def _poisson(rng, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p < limit:
            return k
        k += 1


class _Builder:
    def __init__(self, ctx):
        self.ctx, self.rng, self.today = ctx, ctx.random, ctx.today
        self.now = datetime.now(dt_timezone.utc)
        self.candidates: list[Candidate] = []
        self.plans: list[dict] = []
        self.card_counter = 0

    def plan(self, cell_id: int, under_committee: bool, officials: list[Member]) -> None:
        rng = self.rng
        male = rng.random() < 0.55
        start = self.today - timedelta(days=int(rng.random() * 365 * PIPELINE_YEARS))
        birth = start - timedelta(days=int(365.25 * (18.5 + rng.random() * 14)))
        group = rng.choice(["kinh"] * 6 + list(ETHNIC_GROUPS)[1:])
        name = make_name(rng, group, male, birth.year)
        dates, failures = {rules.COURSE: start}, {}
        day = start
        if rng.random() < 0.08:  # picked out by the chi bộ, not yet on an awareness course
            dates, start = {}, None
        for step in (rules.steps_for(under_committee)[1:] if dates else ()):
            low, high = GAPS[step]
            day = day + timedelta(days=low + int(rng.random() * (high - low)))
            if day > self.today:
                break
            if step == rules.CELL_RESOLUTION and rng.random() < 0.08:
                failures[step] = [day]  # a first vote below 2/3; the next one a month later passes
                day += timedelta(days=30)
                if day > self.today:
                    break
            if step == rules.RECOGNITION and rng.random() < 0.1:
                failed = [day + timedelta(days=30 * i) for i in range(1 + int(rng.random() * 3))]
                failures[step] = [d for d in failed if d <= self.today]
                break  # still waiting (or gone up after three failures)
            dates[step] = day
        stage = rules.next_step(dates, under_committee)
        if stage in rules.STEPS[:5] and rng.random() < 0.05:
            stage = rules.STOPPED
        candidate = Candidate(
            organization_id=cell_id, full_name=name, sort_key=vn.name_sort_key(name), search_name=vn.fold(name),
            birth_date=birth, gender="nam" if male else "nu", ethnicity=ETHNIC_GROUPS[group],
            religion="Công giáo" if rng.random() < 0.04 else ("Phật giáo" if rng.random() < 0.04 else "Không"),
            workplace=_pick(rng, WORKPLACES), youth_union_member=rules.age_in_months(birth, self.today) < 30 * 12,
            source=Source.YOUTH_UNION if rng.random() < 0.6 else _pick(rng, [(Source.MASS_ORGANIZATION, 0.6),
                                                                               (Source.OTHER, 0.4)]),
            course_certificate_number=f"{100 + int(rng.random() * 800)}-GCN/TTCT" if start else "",
            course_certificate_date=start, stage=stage, stage_since=max(dates.values(), default=None),
            created_by=self.ctx.admin,
            stop_reason="Rút đơn xin vào Đảng" if stage == rules.STOPPED else "",
            admitted_on=dates.get(rules.DECISION), ceremony_on=dates.get(rules.CEREMONY),
            official_on=rules.probation_end(dates[rules.CEREMONY]) if rules.RECOGNITION in dates else None,
            failed_recognition_votes=len(failures.get(rules.RECOGNITION, [])),
            escalated=len(failures.get(rules.RECOGNITION, [])) >= rules.MAX_FAILED_RECOGNITION_VOTES,
        )
        if candidate.admitted_on:
            flags = rules.breakdown_flags(gender=candidate.gender, ethnicity=candidate.ethnicity,
                                          religion=candidate.religion,
                                          age_months=rules.age_in_months(birth, candidate.admitted_on),
                                          workplace=candidate.workplace)
            candidate.is_female, candidate.is_minority = flags["women"], flags["minority"]
            candidate.is_youth, candidate.is_religious = flags["youth"], flags["religious"]
        self.candidates.append(candidate)
        self.plans.append({"dates": dates, "failures": failures, "officials": officials})

    def write(self) -> None:
        Candidate.objects.bulk_create(self.candidates, batch_size=2000)
        steps, relatives, sponsors, members = [], [], [], []
        for candidate, plan in zip(self.candidates, self.plans):
            steps += self._steps(candidate, plan)
            if rules.VERIFICATION in plan["dates"]:
                relatives += [Relative(candidate=candidate, relation=relation, full_name=name,
                                       verified_on=plan["dates"][rules.VERIFICATION] - timedelta(days=3),
                                       result="Đủ tiêu chuẩn")
                              for relation, name in (("ban_than", candidate.full_name),
                                                     ("cha_de", f"{candidate.full_name.split()[0]} Văn Bố"),
                                                     ("me_de", "Nguyễn Thị Mẹ"))]
            officials = plan["officials"]
            if rules.SPONSORS in plan["dates"] and len(officials) >= 2:
                sponsors += [Sponsor(candidate=candidate, kind=rules.MEMBER_SPONSOR, member=m, name=m.full_name,
                                     together_since=plan["dates"][rules.COURSE] - timedelta(days=400))
                             for m in self.rng.sample(officials, 2)]
            if rules.CEREMONY in plan["dates"] and officials:
                candidate.helper = self.rng.choice(officials)
                members.append((candidate, plan))
        AdmissionStep.objects.bulk_create(steps, batch_size=2000)
        Relative.objects.bulk_create(relatives, batch_size=2000)
        Sponsor.objects.bulk_create(sponsors, batch_size=2000)
        self._members(members)

    def _steps(self, candidate: Candidate, plan: dict) -> list[AdmissionStep]:
        rows = []
        for step, failed_days in plan["failures"].items():
            rows += [AdmissionStep(candidate=candidate, step=step, date=day, approve=1, total=3, passed=False,
                                   decision_number="", created_by=self.ctx.admin) for day in failed_days]
        for step, day in plan["dates"].items():
            voted = step in rules.VOTED_STEPS
            total = 3 + int(self.rng.random() * 12)
            rows.append(AdmissionStep(
                candidate=candidate, step=step, date=day, passed=True, created_by=self.ctx.admin,
                approve=rules.votes_needed(total) + int(self.rng.random() * (total - rules.votes_needed(total) + 1))
                if voted else None, total=total if voted else None,
                decision_number=f"{1 + int(self.rng.random() * 400)}-{_suffix(step)}" if step not in (
                    rules.APPLICATION, rules.BIOGRAPHY) else ""))
        return rows

    def _members(self, admitted: list[tuple[Candidate, dict]]) -> None:
        rows = []
        for candidate, plan in admitted:
            official = rules.RECOGNITION in plan["dates"]
            card = None
            if rules.CARD in plan["dates"]:
                self.card_counter += 1
                card = f"KN{self.card_counter:08d}"
            rows.append(Member(
                **candidate.personal_details(), sort_key=candidate.sort_key, search_name=candidate.search_name,
                admission_date=candidate.admitted_on,
                official_date=candidate.official_on if official else None, card_number=card,
                organization_id=candidate.organization_id,
                status=MemberStatus.OFFICIAL if official else MemberStatus.PROBATIONARY))
        Member.objects.bulk_create(rows, batch_size=2000)
        events = []
        for member, (candidate, plan) in zip(rows, admitted):
            candidate.member = member
            events.append(MemberEvent(member=member, kind=EventKind.ADMITTED, date=candidate.admitted_on,
                                      to_organization_id=candidate.organization_id,
                                      note=f"Lễ kết nạp ngày {vn.format_date(candidate.ceremony_on)}",
                                      created_by=self.ctx.admin))
            if member.official_date:
                events.append(MemberEvent(member=member, kind=EventKind.RECOGNIZED, date=member.official_date,
                                          created_by=self.ctx.admin))
        MemberEvent.objects.bulk_create(events, batch_size=2000)
        Candidate.objects.bulk_update([c for c, _ in admitted], ["member", "helper"], batch_size=2000)


def _suffix(step: str) -> str:
    return {rules.COURSE: "GCN/TTCT", rules.VERIFICATION: "BC/CB", rules.SPONSORS: "GT",
            rules.CELL_RESOLUTION: "NQ/CB", rules.GRASSROOTS_RESOLUTION: "NQ/ĐU", rules.DECISION: "QĐ/ĐU",
            rules.CEREMONY: "BB/CB", rules.RECOGNITION: "QĐ/ĐU", rules.CARD: "QĐ/ĐU"}.get(step, "VB")


def _targets(ctx, province: Organization) -> int:
    """Targets for this year and last for every unit down to the grassroots organizations:
    about the rate of admissions on members at the start of the year, give or take."""
    rng, rows = ctx.random, []
    subtree = OrgClosure.objects.filter(ancestor=province).values("descendant_id")
    units = list(Organization.objects.filter(pk__in=subtree, dissolved__isnull=True, kind__in=(
        OrgKind.PROVINCIAL, OrgKind.UPPER_GRASSROOTS, *GRASSROOTS_KINDS)).values_list("pk", flat=True))
    for year in (ctx.today.year - 1, ctx.today.year):
        at_start = progress.members_at_start(year, [province.pk])
        counts = progress.members_at_start(year, units) if at_start else {}
        for org_id in units:
            base = counts.get(org_id, 0) * YEARLY_RATE * (0.85 + rng.random() * 0.35)
            rows.append(AdmissionTarget(organization_id=org_id, year=year, target=max(1, round(base)),
                                        source=TargetSource.ENTERED))
    AdmissionTarget.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _hamlets(ctx, province: Organization) -> int:
    rng, rows = ctx.random, []
    communes = Organization.objects.filter(pk__in=OrgClosure.objects.filter(ancestor=province).values("descendant_id"),
                                           kind=OrgKind.UPPER_GRASSROOTS, dissolved__isnull=True
                                           ).values_list("pk", "name")
    for org_id, name in communes:
        urban = name.startswith("Đảng bộ phường")
        for index in range(1, 5 + int(rng.random() * 9)):
            members = 0 if rng.random() < 0.1 else 1 + int(rng.random() * 25)
            rows.append(Hamlet(organization_id=org_id, name=f"{'Tổ dân phố' if urban else 'Thôn'} {index}",
                               kind=HamletKind.RESIDENTIAL_GROUP if urban else HamletKind.HAMLET,
                               member_count=members, has_cell=members >= 3 and rng.random() < 0.8,
                               updated_on=ctx.today))
    Hamlet.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def populate(ctx) -> None:
    province = ctx.province
    subtree = OrgClosure.objects.filter(ancestor=province).values("descendant_id")
    cells = list(Organization.objects.filter(pk__in=subtree, kind__in=CELL_KINDS, dissolved__isnull=True)
                 .values_list("pk", "kind").order_by("pk"))
    officials: dict[int, list[Member]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for member in Member.objects.filter(organization_id__in=subtree, status__in=(
            MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY)).only("pk", "full_name", "organization_id", "status"):
        sizes[member.organization_id] += 1
        if member.status == MemberStatus.OFFICIAL and len(officials[member.organization_id]) < 12:
            officials[member.organization_id].append(member)
    builder = _Builder(ctx)
    for cell_id, kind in cells:
        for _ in range(_poisson(ctx.random, sizes[cell_id] * YEARLY_RATE * PIPELINE_YEARS * 0.95)):
            builder.plan(cell_id, kind == OrgKind.CELL, officials[cell_id])
    builder.write()
    targets = _targets(ctx, province)
    hamlets = _hamlets(ctx, province)
    ctx.stdout.write(f"  admission: {len(builder.candidates)} người xin vào Đảng, {targets} chỉ tiêu, "
                     f"{hamlets} thôn, tổ dân phố")
