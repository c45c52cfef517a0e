"""Admission progress against the yearly targets: per unit and subtree, at any date.

Set-based: admissions are counted per organization first (one pass over the index on
(admitted_on, organization)), then those per-organization rows are lifted over the closure
table in one join, the way orgs/counts.py and the ratings roll-up do (DESIGN.md). Members at
the start of the year (the denominator of the admission rate) likewise: counted per
organization, then lifted.

Definitions (DOMAIN.md §3, provincial reports quoted in issue 13):
- admitted: candidates whose admission decision is dated from 1 January to the chosen day,
  counted in the chi bộ that admitted them;
- % of target: admitted / the unit's own target for the year;
- admission rate: admitted / members at the start of the year, i.e. members admitted before
  1 January who were still in the Party on that day (active now, or whose membership ended
  on or after 1 January), counted in the organization where they are now.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import connection

from dangbo.admission import rules
from dangbo.admission.models import AdmissionTarget, Candidate, Hamlet
from dangbo.members.models import ACTIVE_STATUSES, EventKind, Member, MemberEvent
from dangbo.orgs.models import Organization, OrgClosure

CANDIDATE_TABLE = Candidate._meta.db_table
CLOSURE_TABLE = OrgClosure._meta.db_table
MEMBER_TABLE = Member._meta.db_table
EVENT_TABLE = MemberEvent._meta.db_table
END_KINDS = (EventKind.DECEASED, EventKind.REMOVED, EventKind.EXPELLED, EventKind.TRANSFER_OUT)
BREAKDOWN_KEYS = tuple(rules.BREAKDOWNS)


@dataclass
class Counts:
    admitted: int = 0
    breakdown: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BREAKDOWN_KEYS, 0))


@dataclass
class UnitProgress:
    organization: Organization
    target: int | None
    counts: Counts
    members_at_start: int

    @property
    def admitted(self) -> int:
        return self.counts.admitted

    @property
    def percent_of_target(self) -> float | None:
        return rules.percent(self.admitted, self.target)

    @property
    def rate(self) -> float | None:
        return rules.percent(self.admitted, self.members_at_start)

    def share(self, key: str) -> float | None:
        return rules.percent(self.counts.breakdown[key], self.admitted)


def _subtree_filter(column: str, ancestor_ids: list[int] | None) -> tuple[str, list]:
    """SQL restricting `column` (an organization id) to the subtrees of `ancestor_ids`."""
    if ancestor_ids is None:
        return "", []
    marks = ", ".join(["%s"] * len(ancestor_ids))
    return (f" AND {column} IN (SELECT descendant_id FROM {CLOSURE_TABLE} WHERE ancestor_id IN ({marks}))",
            list(ancestor_ids))


def _lift_clause(ancestor_ids: list[int] | None) -> tuple[str, list]:
    if ancestor_ids is None:
        return "", []
    return f" WHERE c.ancestor_id IN ({', '.join(['%s'] * len(ancestor_ids))})", list(ancestor_ids)


def admitted_counts(start: date, end: date, ancestor_ids: list[int] | None = None) -> dict[int, Counts]:
    """{organization id: Counts} over each subtree, for decisions dated start..end inclusive.

    `ancestor_ids` None: every node (national roll-up); else only those nodes' subtrees.
    """
    inner_filter, inner_params = _subtree_filter("organization_id", ancestor_ids)
    outer_filter, outer_params = _lift_clause(ancestor_ids)
    sql = f"""
        SELECT c.ancestor_id, SUM(p.n), SUM(p.women), SUM(p.minority), SUM(p.youth), SUM(p.religious),
               SUM(p.private), SUM(p.student)
        FROM (SELECT organization_id, COUNT(*) AS n,
                     SUM(CASE WHEN is_female THEN 1 ELSE 0 END) AS women,
                     SUM(CASE WHEN is_minority THEN 1 ELSE 0 END) AS minority,
                     SUM(CASE WHEN is_youth THEN 1 ELSE 0 END) AS youth,
                     SUM(CASE WHEN is_religious THEN 1 ELSE 0 END) AS religious,
                     SUM(CASE WHEN workplace = %s THEN 1 ELSE 0 END) AS private,
                     SUM(CASE WHEN workplace = %s THEN 1 ELSE 0 END) AS student
              FROM {CANDIDATE_TABLE}
              WHERE admitted_on >= %s AND admitted_on <= %s{inner_filter}
              GROUP BY organization_id) p
        JOIN {CLOSURE_TABLE} c ON c.descendant_id = p.organization_id{outer_filter}
        GROUP BY c.ancestor_id
    """
    params = [rules.PRIVATE_ENTERPRISE, rules.STUDENT, start, end, *inner_params, *outer_params]
    result: dict[int, Counts] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for org_id, total, *parts in cursor.fetchall():
            result[org_id] = Counts(int(total), {key: int(v or 0) for key, v in zip(BREAKDOWN_KEYS, parts)})
    return result


def members_at_start(year: int, ancestor_ids: list[int] | None = None) -> dict[int, int]:
    """{organization id: members in the Party on 1 January of `year`} over each subtree."""
    first_day = date(year, 1, 1)
    inner_filter, inner_params = _subtree_filter("m.organization_id", ancestor_ids)
    outer_filter, outer_params = _lift_clause(ancestor_ids)
    end_marks = ", ".join(["%s"] * len(END_KINDS))
    sql = f"""
        SELECT c.ancestor_id, SUM(p.n)
        FROM (SELECT m.organization_id, COUNT(*) AS n FROM {MEMBER_TABLE} m
              WHERE m.admission_date < %s{inner_filter}
                AND (m.status IN (%s, %s)
                     OR EXISTS (SELECT 1 FROM {EVENT_TABLE} e WHERE e.member_id = m.id
                                AND e.kind IN ({end_marks}) AND e.date >= %s))
              GROUP BY m.organization_id) p
        JOIN {CLOSURE_TABLE} c ON c.descendant_id = p.organization_id{outer_filter}
        GROUP BY c.ancestor_id
    """
    params = [first_day, *inner_params, *ACTIVE_STATUSES, *END_KINDS, first_day, *outer_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {org_id: int(n) for org_id, n in cursor.fetchall()}


def targets(year: int, org_ids: Iterable[int]) -> dict[int, int]:
    return dict(AdmissionTarget.objects.filter(year=year, organization_id__in=list(org_ids))
                .values_list("organization_id", "target"))


def progress_for(organizations: list[Organization], year: int, on: date) -> list[UnitProgress]:
    """Progress of each organization's subtree from 1 January to `on` (three queries in all)."""
    ids = [org.pk for org in organizations]
    if not ids:
        return []
    counts = admitted_counts(date(year, 1, 1), on, ids)
    at_start = members_at_start(year, ids)
    own_targets = targets(year, ids)
    return [UnitProgress(org, own_targets.get(org.pk), counts.get(org.pk, Counts()), at_start.get(org.pk, 0))
            for org in organizations]


def all_progress(year: int, on: date) -> tuple[dict[int, Counts], dict[int, int], dict[int, int]]:
    """Every node at once (national roll-up): admitted counts, members at start, targets."""
    return (admitted_counts(date(year, 1, 1), on), members_at_start(year),
            dict(AdmissionTarget.objects.filter(year=year).values_list("organization_id", "target")))


@dataclass
class Quarter:
    number: int
    admitted: int
    cumulative: int
    change: int | None  # against the previous quarter
    percent_of_target: float | None


def quarters(org: Organization, year: int, on: date, target: int | None) -> list[Quarter]:
    """Admissions per quarter up to `on`, each against the previous quarter (one query)."""
    subtree = OrgClosure.objects.filter(ancestor_id=org.pk).values("descendant_id")
    dates = (Candidate.objects.filter(organization_id__in=subtree, admitted_on__gte=date(year, 1, 1),
                                      admitted_on__lte=min(on, date(year, 12, 31)))
             .values_list("admitted_on", flat=True))
    per_quarter = dict.fromkeys(range(1, 5), 0)
    for day in dates:
        per_quarter[rules.quarter_of(day)] += 1
    result, cumulative, previous = [], 0, None
    last_quarter = rules.quarter_of(on) if on.year == year else (4 if on.year > year else 0)
    for number in range(1, last_quarter + 1):
        cumulative += per_quarter[number]
        change = None if previous is None else per_quarter[number] - previous
        result.append(Quarter(number, per_quarter[number], cumulative, change, rules.percent(cumulative, target)))
        previous = per_quarter[number]
    return result


@dataclass
class HamletSummary:
    total: int
    without_member: list[Hamlet]
    without_cell: list[Hamlet]


def hamlets(org: Organization) -> HamletSummary:
    """Hamlets and residential groups kept by the units of the subtree: which have no member
    and which have no chi bộ yet (the lists provincial reports print)."""
    rows = list(Hamlet.objects.filter(organization_id__in=OrgClosure.objects.filter(ancestor_id=org.pk)
                                      .values("descendant_id")).select_related("organization"))
    return HamletSummary(len(rows), [h for h in rows if h.member_count == 0], [h for h in rows if not h.has_cell])


PIPELINE_STAGES = tuple(stage for stage in rules.STAGES if stage not in (rules.DONE, rules.STOPPED))
# Stages after a passing chi bộ resolution and before the decision: "proposed for admission".
PROPOSED_STAGES = (rules.GRASSROOTS_RESOLUTION, rules.DECISION)


def stage_counts(ancestor_ids: list[int]) -> dict[int, dict[str, int]]:
    """{organization id: {stage: candidates}} over each subtree, candidates still in the pipeline."""
    if not ancestor_ids:
        return {}
    marks = ", ".join(["%s"] * len(ancestor_ids))
    sql = f"""
        SELECT c.ancestor_id, p.stage, SUM(p.n)
        FROM (SELECT organization_id, stage, COUNT(*) AS n FROM {CANDIDATE_TABLE}
              WHERE stage NOT IN (%s, %s)
                AND organization_id IN (SELECT descendant_id FROM {CLOSURE_TABLE} WHERE ancestor_id IN ({marks}))
              GROUP BY organization_id, stage) p
        JOIN {CLOSURE_TABLE} c ON c.descendant_id = p.organization_id
        WHERE c.ancestor_id IN ({marks})
        GROUP BY c.ancestor_id, p.stage
    """
    result = {org_id: dict.fromkeys(PIPELINE_STAGES, 0) for org_id in ancestor_ids}
    with connection.cursor() as cursor:
        cursor.execute(sql, [rules.DONE, rules.STOPPED, *ancestor_ids, *ancestor_ids])
        for org_id, stage, n in cursor.fetchall():
            result[org_id][stage] = int(n)
    return result
