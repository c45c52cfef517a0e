"""Implementation tracking: for a superior document, which subordinate organizations have
issued their implementing document (kế hoạch, chương trình...) and which have not yet.

The committee office's daily question. Who must implement is set on the document:
- "truc_thuoc": the organizations directly under the issuer's organization;
- "co_so": every grassroots organization (TCCSĐ) in the issuer's subtree.
A central document (no issuing organization) is implemented by the top organizations
(provinces, central blocs). An organization has implemented when a non-draft document issued
by one of its issuers links to the superior document as "thực hiện". Rows are cut to the
organizations the viewer may see.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from dangbo.documents.models import Document, DocumentLink, DocumentStatus, ImplementationLevel, LinkKind
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure


class TrackState:
    ON_TIME = "dung_han"
    LATE = "tre_han"
    PENDING = "chua_ban_hanh"
    OVERDUE = "qua_han"


STATE_LABELS = {
    TrackState.ON_TIME: "Đã ban hành",
    TrackState.LATE: "Đã ban hành (chậm)",
    TrackState.PENDING: "Chưa ban hành",
    TrackState.OVERDUE: "Chưa ban hành — quá hạn",
}


@dataclass
class TrackingRow:
    organization: Organization
    documents: list[Document]
    state: str
    days_late: int = 0

    @property
    def issued(self) -> bool:
        return bool(self.documents)

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def implementers(document: Document) -> QuerySet[Organization]:
    """The organizations expected to issue an implementing document."""
    level = document.implementation_level
    if not level:
        return Organization.objects.none()
    issuer_org_id = document.issuer.organization_id
    active = Q(dissolved__isnull=True) | Q(dissolved__gt=document.issued_on)
    if issuer_org_id is None:
        base = Organization.objects.filter(parent__isnull=True)
        if level == ImplementationLevel.GRASSROOTS:
            base = Organization.objects.filter(kind__in=GRASSROOTS_KINDS)
        return base.filter(active).order_by("path")
    if level == ImplementationLevel.CHILDREN:
        return Organization.objects.filter(parent_id=issuer_org_id).filter(active).order_by("path")
    subtree = OrgClosure.objects.filter(ancestor_id=issuer_org_id, depth__gt=0).values("descendant_id")
    return Organization.objects.filter(pk__in=subtree, kind__in=GRASSROOTS_KINDS).filter(active).order_by("path")


def tracking(document: Document, today: date, visible_organizations: QuerySet[Organization] | None = None
             ) -> list[TrackingRow]:
    organizations = implementers(document)
    if visible_organizations is not None:
        organizations = organizations.filter(pk__in=visible_organizations.values("pk"))
    organizations = list(organizations)
    links = (DocumentLink.objects.filter(target=document, kind=LinkKind.IMPLEMENTS,
                                         source__issuer__organization__in=[o.pk for o in organizations])
             .exclude(source__status=DocumentStatus.DRAFT)
             .select_related("source", "source__issuer").order_by("source__issued_on", "source_id"))
    by_org: dict[int, list[Document]] = {}
    for link in links:
        by_org.setdefault(link.source.issuer.organization_id, []).append(link.source)
    deadline = document.implementation_deadline
    rows = []
    for org in organizations:
        issued = by_org.get(org.pk, [])
        if issued:
            first = issued[0].issued_on
            late = (first - deadline).days if deadline and first > deadline else 0
            rows.append(TrackingRow(org, issued, TrackState.LATE if late else TrackState.ON_TIME, late))
        elif deadline and today > deadline:
            rows.append(TrackingRow(org, [], TrackState.OVERDUE, (today - deadline).days))
        else:
            rows.append(TrackingRow(org, [], TrackState.PENDING))
    return rows


def tracking_counts(rows: list[TrackingRow]) -> dict[str, int]:
    return {
        "total": len(rows),
        "issued": sum(r.issued for r in rows),
        "pending": sum(not r.issued for r in rows),
        "overdue": sum(r.state == TrackState.OVERDUE for r in rows),
    }


def awaiting(visible_documents: QuerySet[Document]) -> QuerySet[Document]:
    """Documents the viewer can see that ask subordinates for implementing documents."""
    return (visible_documents.exclude(implementation_level="").exclude(status=DocumentStatus.DRAFT)
            .select_related("issuer").order_by("implementation_deadline", "-issued_on"))
