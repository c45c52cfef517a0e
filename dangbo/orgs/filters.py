"""The organization filter of every list: the organization picker in a GET form, and the rows
of the chosen organization's subtree (one semi-join on the closure table, never a query per row).

    org_filter = filters.org_filter(request, param="to_chuc")
    rows = org_filter.apply(rows, "organization")
    context["org_filter"] = org_filter   # {% include "orgs/_org_filter.html" %}

An id in the address (`?to_chuc=12`, the links from organization pages) outside the user's
scope answers 404, like any object outside the scope; typed letters without JavaScript are
looked up on the server (one match is taken, several are offered to tick).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from dangbo.core.forms import CheckedForm
from dangbo.orgs import picker
from dangbo.orgs.models import Organization
from dangbo.orgs.widgets import OrganizationField


class OrgFilterForm(CheckedForm):
    def __init__(self, data=None, *, scope, param: str = "org", kinds=None, label: str = "Thuộc tổ chức đảng"):
        super().__init__(data)
        field = OrganizationField(label=label, required=False, kinds=kinds, include_dissolved=True)
        field.queryset = scope.organizations()
        field.widget.attrs["autosubmit"] = True
        self.fields[param] = field
        self.param = param

    @property
    def field(self):
        return self[self.param]


@dataclass
class OrgFilter:
    form: OrgFilterForm
    organization: Organization | None
    param: str

    def apply(self, queryset: QuerySet, org_field: str = "organization") -> QuerySet:
        """Rows whose `org_field` is the chosen organization or lies below it."""
        if self.organization is None:
            return queryset
        return queryset.filter(**picker.subtree_filter(self.organization.pk, org_field))


def org_filter(request, *, param: str = "org", kinds=None, label: str = "Thuộc tổ chức đảng",
               default=None) -> OrgFilter:
    """The organization chosen in the request (an id or typed letters), else `default` (a
    callable giving the organization a list shows when none is chosen, or None)."""
    scope = request.scope
    params = request.GET
    typed = params.get(f"{param}_q", "").strip()
    raw = params.get(param, "")
    organization = None
    if raw and not typed:
        organization = scope.get_organization(raw)  # out of scope or not a number: 404
    form = OrgFilterForm({param: raw, f"{param}_q": typed} if raw or typed else None, scope=scope,
                         param=param, kinds=kinds, label=label)
    if typed and form.is_valid():
        organization = form.cleaned_data[param]
    if organization is None and not typed and default is not None:
        organization = default()
    if organization is not None and not form.is_bound:
        form = OrgFilterForm({param: str(organization.pk)}, scope=scope, param=param, kinds=kinds, label=label)
    return OrgFilter(form=form, organization=organization, param=param)
