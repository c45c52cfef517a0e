"""What stood at a given date, for the apps' demo hooks: the term in force (a document carries
its khóa) and the organization that existed (a rating or a decision is made by a body that had
been founded). An organization without a founding date counts as always there."""
from __future__ import annotations

from datetime import date

from django.db.models import Q

from dangbo.orgs.models import Organization, Term


def term_in_force(organization_id: int | None, on: date) -> Term | None:
    """The term of the organization's committee on that day (None before its first congress)."""
    if organization_id is None:
        return None
    return (Term.objects.filter(organization_id=organization_id, start__lte=on)
            .filter(Q(end__isnull=True) | Q(end__gte=on)).order_by("-start").first())


def khoa_on(organization_id: int | None, on: date) -> int | None:
    """The khóa (congress ordinal of the term in force) of an issuer's organization on that day."""
    term = term_in_force(organization_id, on)
    return term.congress_ordinal if term else None


def existing_on(org: Organization, on: date) -> Organization:
    """`org`, or its nearest ancestor that had been founded by `on`."""
    node = org
    while node.established and node.established > on and node.parent_id:
        node = node.parent
    return node


class Founding:
    """Parents and founding dates of many organizations, read once (set-based hooks)."""

    def __init__(self, queryset):
        self.rows = {pk: (parent_id, established)
                     for pk, parent_id, established in queryset.values_list("pk", "parent_id", "established")}

    def existing_on(self, pk: int, on: date) -> int:
        """The id of `pk` or of its nearest ancestor founded by `on`."""
        while True:
            parent_id, established = self.rows.get(pk, (None, None))
            if established is None or established <= on or parent_id is None:
                return pk
            pk = parent_id
