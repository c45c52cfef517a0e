"""Documents on the small test tree (dangbo/core/testing.py)."""
from __future__ import annotations

from datetime import date

from dangbo.documents import services
from dangbo.documents.models import IssuerKind


def issuer(org, code="TU", name=None, kind=IssuerKind.COMMITTEE):
    return services.get_or_create_issuer(name=name or f"Ban Thường vụ {org.name}", code=code, organization=org,
                                         kind=kind)


def central(name="Bộ Chính trị"):
    return services.get_or_create_issuer(name=name, code="TW", organization=None, kind=IssuerKind.CENTRAL)


def document(user, issuer_, number, *, doc_type="nghi_quyet", title="Văn bản thử", issued_on=date(2021, 3, 1), **extra):
    return services.create_document(user, issuer=issuer_, doc_type=doc_type, number=number, title=title,
                                    issued_on=issued_on, **extra)
