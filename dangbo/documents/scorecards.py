"""Scorecards: "đạt và vượt X/Y chỉ tiêu" for a document, for the documents a plan implements,
or for every document of a term, with the missed and not-yet-met targets listed.

The verdict of each target comes from targets.py (pure rules); this module only loads the
targets and their readings with two queries and arranges the result for pages and exports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from django.db.models import Prefetch, QuerySet

from dangbo.core import charts
from dangbo.documents import targets as rules
from dangbo.documents.models import Cadence, Document, LinkKind, ProgressReport, Target


@dataclass
class TargetLine:
    target: Target
    evaluation: rules.Evaluation
    readings: list[ProgressReport]

    @property
    def status(self) -> rules.Status:
        return self.evaluation.status

    @property
    def status_label(self) -> str:
        label = self.evaluation.status.label
        return "Vượt" if self.evaluation.met and self.evaluation.exceeded else label

    @property
    def latest_text(self) -> str:
        reading = self.evaluation.reading
        return rules.format_value(reading.value, self.target.unit) if reading else "—"

    @property
    def latest_label(self) -> str:
        reading = self.evaluation.reading
        return reading.label if reading else ""

    def chart(self):
        """Line chart of the target's trajectory with the target as a dashed line."""
        if not self.readings:
            return ""
        suffix = "%" if self.target.unit == "%" else ""
        return charts.lines(
            [r.period_label for r in self.readings],
            [charts.Series("Kết quả", [float(r.value) for r in self.readings])],
            target=float(self.target.target_value), value_suffix=suffix,
            title=f"Chỉ tiêu {self.target.order}: {self.target.rule_text}",
        )


@dataclass
class Scorecard:
    title: str
    lines: list[TargetLine] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    @property
    def summary(self) -> rules.Summary:
        return rules.summarize(line.evaluation for line in self.lines)

    @property
    def headline(self) -> str:
        return self.summary.headline

    @property
    def missed(self) -> list[TargetLine]:
        return [line for line in self.lines if line.status is rules.Status.MISSED]

    @property
    def not_yet(self) -> list[TargetLine]:
        return [line for line in self.lines if line.status is rules.Status.NOT_YET]


def rule_for(target: Target) -> rules.Rule:
    start_year = target.start_year
    if target.cadence == Cadence.YEARLY and not start_year:
        start_year = target.document.issued_on.year
    return rules.Rule(target.comparator, target.target_value, target.cadence, target.deadline,
                      start_year, target.end_year)


def _readings(reports: Iterable[ProgressReport]) -> list[rules.Reading]:
    return [rules.Reading(r.period_end, r.value, r.period_label) for r in reports]


def evaluate_target(target: Target, today: date, reports: list[ProgressReport] | None = None) -> TargetLine:
    """The verdict on the target's overall figures (reports without an organization)."""
    if reports is None:
        reports = list(target.reports.filter(organization__isnull=True).order_by("period_end", "id"))
    return TargetLine(target, rules.evaluate(rule_for(target), _readings(reports), today), reports)


def _targets_with_reports(targets: QuerySet[Target]) -> list[Target]:
    overall = ProgressReport.objects.filter(organization__isnull=True).order_by("period_end", "id")
    return list(targets.select_related("document", "document__issuer")
                .prefetch_related(Prefetch("reports", queryset=overall, to_attr="overall_reports"))
                .order_by("document__issued_on", "document_id", "order", "id"))


def scorecard_for_targets(title: str, targets: QuerySet[Target], today: date) -> Scorecard:
    lines = [evaluate_target(t, today, t.overall_reports) for t in _targets_with_reports(targets)]
    return Scorecard(title, lines, sorted({line.target.document for line in lines}, key=lambda d: (d.issued_on, d.pk)))


def document_scorecard(document: Document, today: date) -> Scorecard:
    return scorecard_for_targets(f"Chỉ tiêu của {document}", Target.objects.filter(document=document), today)


def implemented_scorecards(document: Document, today: date, visible: QuerySet[Document]) -> list[Scorecard]:
    """For a plan: the scorecards of the (visible) documents it implements or reviews."""
    parents = visible.filter(links_in__source=document, links_in__kind__in=[LinkKind.IMPLEMENTS, LinkKind.REVIEWS],
                             targets__isnull=False).distinct()
    return [document_scorecard(parent, today) for parent in parents]


def documents_scorecard(title: str, documents: QuerySet[Document], today: date) -> Scorecard:
    """All targets of a set of documents (e.g. every document of one issuer's term)."""
    return scorecard_for_targets(title, Target.objects.filter(document__in=documents), today)


def organization_breakdown(target: Target, today: date, organizations) -> list[tuple]:
    """(organization, TargetLine) for each organization the target applies to, from its own reports."""
    rule = rule_for(target)
    by_org: dict[int, list[ProgressReport]] = {}
    for report in target.reports.filter(organization__in=organizations).order_by("period_end", "id"):
        by_org.setdefault(report.organization_id, []).append(report)
    result = []
    for org in organizations:
        reports = by_org.get(org.pk, [])
        result.append((org, TargetLine(target, rules.evaluate(rule, _readings(reports), today), reports)))
    return result
