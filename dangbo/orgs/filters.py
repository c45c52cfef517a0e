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

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from dangbo.core import validation
from dangbo.core.forms import CheckedForm
from dangbo.orgs import picker
from dangbo.orgs.models import Organization, OrgClosure
from dangbo.orgs.widgets import OrganizationField


# Cursors and page numbers of the lists: a new organization starts from the first page.
PAGING_PARAMS = ("after", "trang", "page")


class OrgFilterForm(CheckedForm):
    def __init__(self, data=None, *, scope, param: str = "org", kinds=None, label: str = "Thuộc tổ chức đảng",
                 within: Organization | None = None):
        super().__init__(data)
        field = OrganizationField(label=label, required=False, kinds=kinds, include_dissolved=True)
        queryset = scope.organizations()
        if within is not None:
            queryset = queryset.filter(**picker.subtree_filter(within.pk, ""))
            field.set_within(within)
        field.queryset = queryset
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
    keep: dict  # the list's other filters, kept when the organization changes (paging restarts)

    def apply(self, queryset: QuerySet, org_field: str = "organization") -> QuerySet:
        """Rows whose `org_field` is the chosen organization or lies below it."""
        if self.organization is None:
            return queryset
        return queryset.filter(**picker.subtree_filter(self.organization.pk, org_field))


def org_filter(request, *, param: str = "org", kinds=None, label: str = "Thuộc tổ chức đảng",
               default=None, within: Organization | None = None) -> OrgFilter:
    """The organization chosen in the request (an id or typed letters), else `default` (a
    callable giving the organization a list shows when none is chosen, or None). `within`:
    only organizations of that subtree are offered (an id outside it answers 404)."""
    scope = request.scope
    params = request.GET
    typed = params.get(f"{param}_q", "").strip()
    raw = params.get(param, "")
    if validation.int_param(raw, 1) is None:
        raw = ""  # not an id ("²", 20 digits): ignored like any filter the list cannot use
    organization = None
    options = dict(scope=scope, param=param, kinds=kinds, label=label, within=within)
    if raw and not typed:
        organization = scope.get_organization(raw)  # out of scope or not a number: 404
        if within is not None and not OrgClosure.objects.filter(ancestor_id=within.pk,
                                                                descendant_id=organization.pk).exists():
            raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")
    form = OrgFilterForm({param: raw, f"{param}_q": typed} if raw or typed else None, **options)
    if typed and form.is_valid():
        organization = form.cleaned_data[param]
    if organization is None and not typed and default is not None:
        organization = default()
    if organization is not None and not form.is_bound:
        form = OrgFilterForm({param: str(organization.pk)}, **options)
    dropped = {param, f"{param}_q", *PAGING_PARAMS}
    keep = {key: value for key, value in params.items() if key not in dropped}
    return OrgFilter(form=form, organization=organization, param=param, keep=keep)


def follow(request, org_filter: OrgFilter, current: Organization, view_name: str, *args):
    """For pages about one organization (its address holds the id): another organization chosen
    in the filter opens the same page for it, with the other filters kept; else None."""
    chosen = org_filter.organization
    if chosen is None or chosen.pk == current.pk:
        return None
    query = urlencode(org_filter.keep)
    return redirect(reverse(view_name, args=[chosen.pk, *args]) + (f"?{query}" if query else ""))
