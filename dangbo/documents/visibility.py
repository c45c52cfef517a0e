"""Who sees which documents: the one rule every documents view and endpoint reads through.

- A document is visible to the issuing organization's whole subtree (a province resolution
  reaches every chi bộ of the province), and to the users whose scope contains the issuing
  organization (the province office sees what communes issue): `request.scope` decides both.
- Documents of central bodies (Bộ Chính trị, Ban Bí thư, BCH TW: issuer without organization)
  are visible to everyone logged in.
- `restricted` documents and drafts are only for the issuer's own committee and staff: users
  whose read scope contains the issuing organization (and admins). Restricted central
  documents are for admins only.
Outside this rule a document does not exist for the user (404).
"""
from __future__ import annotations

from django.db.models import Q, QuerySet

from dangbo.access.scope import Scope
from dangbo.documents.models import Document, DocumentStatus, Issuer, ProgressReport, Target
from dangbo.orgs.models import OrgClosure

ISSUER_ORG = "issuer__organization_id"


def _public(prefix: str = "") -> Q:
    return Q(**{f"{prefix}restricted": False}) & ~Q(**{f"{prefix}status": DocumentStatus.DRAFT})


def document_filter(scope: Scope, prefix: str = "") -> Q:
    """Q over Document (or over rows reaching a document through `prefix`, e.g. "document__")."""
    if scope.is_admin:
        return Q()
    issuer_org = f"{prefix}{ISSUER_ORG}"
    public = _public(prefix)
    condition = Q(**{f"{prefix}issuer__organization__isnull": True}) & public
    if scope.read_roots:
        inside = OrgClosure.objects.filter(ancestor_id__in=scope.read_roots).values("descendant_id")
        above = OrgClosure.objects.filter(descendant_id__in=scope.read_roots).values("ancestor_id")
        condition |= Q(**{f"{issuer_org}__in": inside})
        condition |= Q(**{f"{issuer_org}__in": above}) & public
    if scope.own_member_org_id:
        own_chain = OrgClosure.objects.filter(descendant_id=scope.own_member_org_id).values("ancestor_id")
        condition |= Q(**{f"{issuer_org}__in": own_chain}) & public
    return condition


def visible_documents(scope: Scope, queryset: QuerySet[Document] | None = None) -> QuerySet[Document]:
    queryset = Document.objects.all() if queryset is None else queryset
    return scope.restrict(queryset)  # the visibility table, which calls document_filter


def get_document(scope: Scope, pk) -> Document:
    return Scope.get(visible_documents(scope).select_related("issuer", "issuer__organization", "term"), pk=pk)


def visible_targets(scope: Scope) -> QuerySet[Target]:
    return scope.restrict(Target.objects.all())


def get_target(scope: Scope, pk) -> Target:
    return Scope.get(visible_targets(scope).select_related("document", "document__issuer"), pk=pk)


def visible_reports(scope: Scope) -> QuerySet[ProgressReport]:
    return scope.restrict(ProgressReport.objects.all())


def can_edit(scope: Scope, document: Document) -> bool:
    """Write access to the issuing organization; central documents are kept by admins."""
    if document.issuer.organization_id is None:
        return scope.is_admin
    return scope.can_write(document.issuer.organization_id)


def check_edit(scope: Scope, document: Document) -> None:
    from django.core.exceptions import PermissionDenied

    if not can_edit(scope, document):
        raise PermissionDenied("Bạn chỉ có quyền xem văn bản này.")


def writable_issuers(scope: Scope) -> QuerySet[Issuer]:
    """Issuers the user may register documents for."""
    if scope.is_admin:
        return Issuer.objects.all()
    return Issuer.objects.filter(organization__in=scope.writable_organizations())
