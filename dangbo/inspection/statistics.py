"""Counts over a subtree, set-based: discipline by form, subject, deciding level and year;
inspections and supervisions by kind; remediation follow-up; consolidation progress. The
same numbers feed the page, the API, the spreadsheet and the Word report.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import BooleanField, Case as Switch, Count, F, Q, Value, When
from django.db.models.functions import ExtractYear

from dangbo.core import charts, party_docx, tabular, vn
from dangbo.core.party_docx import Signature
from dangbo.inspection import rules
from dangbo.inspection.models import Case, CaseStatus, Consolidation, DisciplineDecision, PlanItem, Recommendation
from dangbo.orgs.models import Organization, OrgClosure

MEMBER = "member"
ORG = "organization"


def _subtree(org: Organization):
    return OrgClosure.objects.filter(ancestor=org).values("descendant_id")


def _final_form():
    """The form in force after an appeal that changed it."""
    return Switch(When(appeal_form="", then=F("form")), default=F("appeal_form"))


def decisions_in_force(org: Organization):
    return DisciplineDecision.objects.filter(organization_id__in=_subtree(org), annulled=False,
                                             effective_on__isnull=False)


@dataclass
class DisciplineCounts:
    members: Counter = field(default_factory=Counter)        # form -> n
    organizations: Counter = field(default_factory=Counter)  # form -> n
    probationary: int = 0
    by_decider: Counter = field(default_factory=Counter)     # decider -> n

    @property
    def member_total(self) -> int:
        return sum(self.members.values())

    @property
    def organization_total(self) -> int:
        return sum(self.organizations.values())

    def sentence(self) -> str:
        return rules.discipline_sentence(self.members, self.organizations)


def discipline_counts(org: Organization, year: int) -> DisciplineCounts:
    """One GROUP BY over the subtree's decisions that took effect in `year`."""
    counts = DisciplineCounts()
    rows = (decisions_in_force(org).filter(year=year).annotate(final=_final_form())
            .values_list("subject", "final", "decider").annotate(n=Count("id")).order_by())
    for subject, form, decider, n in rows:
        if subject == rules.ORGANIZATION:
            counts.organizations[form] += n
        else:
            counts.members[form] += n
            if subject == rules.PROBATIONARY:
                counts.probationary += n
        counts.by_decider[decider] += n
    return counts


def discipline_by_child(org: Organization, year: int) -> list[tuple[Organization, DisciplineCounts]]:
    """Per direct child unit (its whole subtree): one query through the closure table."""
    children = list(Organization.objects.filter(parent=org).order_by("path"))
    per_child: dict[int, DisciplineCounts] = defaultdict(DisciplineCounts)
    rows = (DisciplineDecision.objects.filter(year=year, annulled=False, effective_on__isnull=False,
                                              organization__ancestor_links__ancestor__parent=org)
            .annotate(child=F("organization__ancestor_links__ancestor_id"), final=_final_form())
            .values_list("child", "subject", "final").annotate(n=Count("id")).order_by())
    for child, subject, form, n in rows:
        target = per_child[child].organizations if subject == rules.ORGANIZATION else per_child[child].members
        target[form] += n
    return [(child, per_child[child.pk]) for child in children]


def discipline_trend(org: Organization, years: list[int]) -> dict[int, DisciplineCounts]:
    out = {year: DisciplineCounts() for year in years}
    rows = (decisions_in_force(org).filter(year__in=years).annotate(final=_final_form())
            .values_list("year", "subject", "final").annotate(n=Count("id")).order_by())
    for year, subject, form, n in rows:
        (out[year].organizations if subject == rules.ORGANIZATION else out[year].members)[form] += n
    return out


def inspection_counts(org: Organization, year: int) -> dict[str, dict[str, int]]:
    """Per kind: planned items, cases opened and concluded in the year (cases are counted, not shown)."""
    out = {kind: {"planned": 0, "cases": 0, "concluded": 0} for kind in rules.KIND_LABELS}
    for kind, n in (PlanItem.objects.filter(plan__year=year, plan__organization_id__in=_subtree(org))
                    .values_list("kind").annotate(n=Count("id")).order_by()):
        out[kind]["planned"] = n
    cases = Case.objects.filter(organization_id__in=_subtree(org)).annotate(y=ExtractYear("opened_on")).filter(y=year)
    for kind, status, n in cases.values_list("kind", "status").annotate(n=Count("id")).order_by():
        out[kind]["cases"] += n
        if status == CaseStatus.CONCLUDED:
            out[kind]["concluded"] += n
    return out


# -- remediation follow-up --------------------------------------------------------------------------


@dataclass
class FollowUpRow:
    recommendation: Recommendation
    status: str

    @property
    def label(self) -> str:
        return rules.REMEDIATION_LABELS[self.status]


DUE_SOON = "sap_den_han"
DUE_SOON_DAYS = 7


def status_filter(status: str, today: date) -> Q:
    """SQL for one remediation status on `today` (the same rule as rules.remediation_status), or
    DUE_SOON: not done and due within the next week (what the weekly check chases)."""
    late = Q(deadline__lt=today)
    if status == DUE_SOON:
        return ~Q(progress=rules.DONE) & Q(deadline__gte=today, deadline__lte=today + timedelta(days=DUE_SOON_DAYS))
    return {
        rules.DONE: Q(progress=rules.DONE),
        rules.OVERDUE: ~Q(progress=rules.DONE) & late,
        rules.IN_PROGRESS: Q(progress=rules.IN_PROGRESS) & ~late,
        rules.NOT_STARTED: Q(progress=rules.NOT_STARTED) & ~late,
    }[status]


def follow_up(recommendations, today: date, *, limit: int = 1000,
              status: str = "") -> tuple[list[FollowUpRow], rules.RemediationSummary, Counter]:
    """The first `limit` rows (of `status`, if given) with their status on `today`, the per-unit
    summary and the count per status. The summary is one GROUP BY (unit, progress, overdue);
    only the shown rows are loaded as objects."""
    by_unit: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    by_status: Counter = Counter()
    grouped = (recommendations.order_by()
               .annotate(late=Switch(When(~Q(progress=rules.DONE) & Q(deadline__lt=today), then=Value(True)),
                                     default=Value(False), output_field=BooleanField()))
               .values_list("organization_id", "progress", "late").annotate(n=Count("id")))
    for org_id, progress, late, n in grouped:
        by_unit[org_id].append((progress, late))
        by_status[rules.OVERDUE if late else progress] += n
    by_status[DUE_SOON] = recommendations.filter(status_filter(DUE_SOON, today)).count()
    shown = recommendations.filter(status_filter(status, today)) if status else recommendations
    rows = [FollowUpRow(r, r.status(today)) for r in shown.select_related("organization", "case")[:limit]] if limit else []
    return rows, rules.summarize_units(by_unit), by_status


# -- consolidation progress -------------------------------------------------------------------------


def consolidation_progress(org: Organization, year: int | None = None) -> list[tuple[Organization, Counter]]:
    """Per direct child unit: weak organizations proposed, in consolidation and out of it."""
    children = list(Organization.objects.filter(parent=org).order_by("path"))
    queryset = Consolidation.objects.filter(organization__ancestor_links__ancestor__parent=org)
    if year:
        queryset = queryset.filter(year=year)
    per_child: dict[int, Counter] = defaultdict(Counter)
    for child, status, n in (queryset.annotate(child=F("organization__ancestor_links__ancestor_id"))
                             .values_list("child", "status").annotate(n=Count("id")).order_by()):
        per_child[child][status] += n
    return [(child, per_child[child.pk]) for child in children if per_child[child.pk]]


# -- charts and exports -------------------------------------------------------------------------------

FORM_COLORS = {rules.REPRIMAND: "#f2c14e", rules.WARNING: "#e0812b", rules.DISMISSAL: "#b3171c",
               rules.EXPULSION: "#5a1a1a", rules.DISSOLUTION: "#6b7b8c"}


def chart(org: Organization, year: int, children) -> str:
    names = [child.short_name or child.name for child, _ in children]
    if not names:
        return ""
    series = [charts.Series(rules.FORM_LABELS[form], [c.members[form] for _, c in children], FORM_COLORS[form])
              for form in rules.MEMBER_FORM_ORDER]
    return charts.stacked_bars(names, series, as_percent=False,
                               title=f"Đảng viên bị kỷ luật năm {year} theo hình thức và đơn vị")


def table(org: Organization, year: int) -> tuple[list[str], list[list]]:
    headers = ["TT", "Đơn vị", "Đảng viên bị kỷ luật"] + [rules.FORM_LABELS[f] for f in rules.MEMBER_FORM_ORDER] + \
              ["Tổ chức đảng bị kỷ luật"] + [f"TC {rules.FORM_LABELS[f].lower()}" for f in rules.ORG_FORM_ORDER]
    rows = []

    def values(counts: DisciplineCounts) -> list:
        return [counts.member_total, *[counts.members[f] for f in rules.MEMBER_FORM_ORDER],
                counts.organization_total, *[counts.organizations[f] for f in rules.ORG_FORM_ORDER]]

    for index, (child, counts) in enumerate(discipline_by_child(org, year), start=1):
        rows.append([index, child.name, *values(counts)])
    rows.append(["", f"Toàn {org.name}", *values(discipline_counts(org, year))])
    return headers, rows


def xlsx_bytes(org: Organization, year: int, today: date | None = None) -> bytes:
    from dangbo.core import letterhead

    headers, rows = table(org, year)
    columns = [tabular.Col("Đơn vị", width=34)]
    for title in headers[2:]:
        unit = "tổ chức" if title.startswith(("Tổ chức", "TC ")) else "người"
        columns.append(tabular.Col(title, kind=tabular.INTEGER, unit=unit, width=12))
    body = [row[1:] for row in rows]
    heading = letterhead.sheet_heading(org, "Thống kê thi hành kỷ luật đảng", period=f"Năm {year}", on=today,
                                       body="Ủy ban Kiểm tra")
    return tabular.export_xlsx(columns, [*body[:-1], tabular.Total(body[-1])], f"Kỷ luật {year}", heading=heading)


def docx_bytes(org: Organization, year: int, today: date, follow_up_summary: rules.RemediationSummary) -> bytes:
    from dangbo.core import letterhead
    from dangbo.core.letterhead import committee_name

    counts = discipline_counts(org, year)
    inspections = inspection_counts(org, year)
    # The inspection commission reports under its committee ("TỈNH ỦY LAI CHÂU / ỦY BAN KIỂM TRA").
    header = letterhead.party_header(org, body="Ủy ban Kiểm tra", number="     -BC/UBKT", on=today, doc_type="Báo cáo",
                                     summary=f"Kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm {year}")
    doc = party_docx.new_party_document(header)
    party_docx.add_heading(doc, "1. Công tác kiểm tra, giám sát")
    for kind, label in rules.KIND_LABELS.items():
        item = inspections[kind]
        if item["planned"] or item["cases"]:
            party_docx.add_paragraph(doc, f"- {label}: kế hoạch {vn.format_number(item['planned'])} cuộc; đã tiến hành "
                                          f"{vn.format_number(item['cases'])} cuộc, kết luận "
                                          f"{vn.format_number(item['concluded'])} cuộc.")
    party_docx.add_paragraph(doc, "Theo dõi khắc phục sau kiểm tra, giám sát: " + follow_up_summary.sentence())
    party_docx.add_heading(doc, "2. Thi hành kỷ luật đảng")
    party_docx.add_paragraph(doc, f"Các cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp đã {counts.sentence()}.")
    headers, rows = table(org, year)
    formatted = [[vn.format_number(v) if isinstance(v, int) and i > 1 else str(v) for i, v in enumerate(row)]
                 for row in rows]
    party_docx.add_table(doc, headers, formatted, number_columns=set(range(2, len(headers))), size=10)
    party_docx.add_signature(doc, Signature(authority="T/M ỦY BAN KIỂM TRA", position="CHỦ NHIỆM",
                                            recipients=[f"Ban Thường vụ {committee_name(org)}", "Lưu UBKT"]))
    return party_docx.to_bytes(doc)

