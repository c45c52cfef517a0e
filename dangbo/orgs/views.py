import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from dangbo.core import list_export, navigation, tabular, validation, versioning, vn
from dangbo.members.filters import page_after
from dangbo.members.models import ACTIVE_STATUSES
from dangbo.orgs import ordering, picker, services
from dangbo.orgs.counts import member_counts_for
from django.core.exceptions import ValidationError
from django.http import Http404

from dangbo.orgs.forms import DissolveForm, MergeForm, MoveForm, OrganizationForm, PositionForm, TermForm
from dangbo.orgs.models import Organization, OrgKind, Position


def _with_counts(orgs, scope) -> list[dict]:
    """Each node with its member counts (if visible) and whether it has children: three
    queries for the whole list, whatever its length."""
    orgs = list(orgs)
    ids = [o.pk for o in orgs]
    counts = member_counts_for(sorted(scope.member_lists_visible(ids)))
    parents = set(Organization.objects.filter(parent_id__in=ids).order_by().values_list("parent_id", flat=True)
                  .distinct())
    return [{"org": o, "counts": counts.get(o.pk), "has_children": o.pk in parents} for o in orgs]


def _visible(orgs, scope) -> list:
    orgs = list(orgs)
    seen = set(scope.organizations().filter(pk__in=[o.pk for o in orgs]).values_list("pk", flat=True))
    return [o for o in orgs if o.pk in seen]


@login_required
def tree(request):
    roots = ordering.by_name(request.scope.root_organizations())
    return render(request, "orgs/tree.html", {"nodes": _with_counts(roots, request.scope)})


@login_required
def children(request, pk):
    """One level of the tree, loaded when the user opens a node (htmx)."""
    org = request.scope.get_organization(pk)
    kids = ordering.by_name(request.scope.organizations().filter(parent=org, dissolved__isnull=True))
    return render(request, "orgs/_nodes.html", {"nodes": _with_counts(kids, request.scope)})


def _subtree_xlsx(request, org):
    """The organization and every visible organization under it, in tree order, with its
    active members over its subtree (where the viewer may see member lists)."""
    t = tabular
    scope = request.scope
    subtree = (scope.organizations().filter(ancestor_links__ancestor=org).select_related("parent")
               .order_by("path", "pk"))

    def rows():
        for chunk in list_export.in_chunks(subtree):
            ids = [o.pk for o in chunk]
            counts = member_counts_for(sorted(scope.member_lists_visible(ids)))
            for o in chunk:
                count = counts.get(o.pk)
                yield (o.name, o.get_kind_display(), o.parent.name if o.parent_id and o.pk != org.pk else "",
                       o.code, count["active"] if count else None, o.dissolved)

    return list_export.respond(
        request, title="Danh sách tổ chức đảng", org=org,
        columns=[t.Col("Tên tổ chức", width=44), t.Col("Loại", width=20), t.Col("Trực thuộc", width=36),
                 t.Col("Mã", width=14), t.Col("Đảng viên", kind=t.INTEGER, unit="người"),
                 t.Col("Ngày giải thể", kind=t.DATE, width=12)],
        rows=rows(), filename=f"to-chuc-{org.code}.xlsx")


@login_required
def detail(request, pk):
    scope = request.scope
    org = scope.get_organization(pk)
    if list_export.wanted(request):
        return _subtree_xlsx(request, org)
    show_members = scope.can_see_member_list(org)
    members, cursor = page_after(org.members.filter(status__in=ACTIVE_STATUSES), None) if show_members else ([], None)
    kids = ordering.by_name(scope.organizations().filter(parent=org), dissolved_last=True)
    committee = ordering.committee_order(
        Position.objects.filter(organization=org, end__isnull=True).select_related("member"))
    return render(request, "orgs/detail.html", {
        "org": org,
        "children": _with_counts(kids, scope),
        "counts": member_counts_for([org.pk])[org.pk] if show_members else None,
        "committee": committee,
        "terms": org.terms.all(),
        "members": members,
        "more_members": cursor is not None,
        "show_members": show_members,
        "changes": (org.changes_as_source.all() | org.changes_as_result.all()).distinct(),
        "can_write": scope.can_write(org),
        "links": navigation.organization_links(scope, org, show_members=show_members),
        "congresses": _congresses(scope, org),
    })


def _congresses(scope, org) -> list:
    """The organization's congresses the user may open (newest first), when the user uses that section."""
    if not navigation.may_use(scope, navigation.BY_NAMESPACE["congress"]):
        return []
    from dangbo.congress.visibility import congresses

    return list(congresses(scope).filter(organization=org).order_by("-start_date")[:5])


@login_required
@require_http_methods(["GET", "POST"])
def create_child(request, pk):
    parent = request.scope.get_organization(pk)
    request.scope.check_write(parent)
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        org = services.create_organization(request.user, parent=parent, **data)
        messages.success(request, f"Đã thành lập {org.name}.")
        return redirect(org)
    return render(request, "orgs/form.html", {"form": form, "title": f"Thành lập tổ chức trực thuộc {parent.name}"})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    org = request.scope.get_organization(pk)
    request.scope.check_write(org)
    form = OrganizationForm(request.POST or None, instance=org)
    versioning.add_version_field(form, org.version)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        decision = data.pop("decision_number", "")
        version = data.pop("version", None)
        try:
            services.update_organization(request.user, org, decision_number=decision, version=version, **data)
        except ValidationError as error:
            form.add_problems(error)
        except versioning.EditConflict as conflict:
            versioning.show_conflict(form, conflict)
        else:
            messages.success(request, "Đã lưu.")
            return redirect(org)
    return render(request, "orgs/form.html", {"form": form, "title": f"Sửa: {org.name}"})


RESTRUCTURE_ACTIONS = {
    "move": ("Chuyển trực thuộc", MoveForm),
    "merge": ("Hợp nhất vào tổ chức khác", MergeForm),
    "dissolve": ("Giải thể", DissolveForm),
}


@login_required
@require_http_methods(["GET", "POST"])
def restructure(request, pk, action):
    """Move, merge or dissolve: each kept in the restructuring history with its decision."""
    if action not in RESTRUCTURE_ACTIONS:
        raise Http404
    org = request.scope.get_organization(pk)
    request.scope.check_write(org)
    title, form_class = RESTRUCTURE_ACTIONS[action]
    others = request.scope.writable_organizations().filter(dissolved__isnull=True).exclude(
        pk__in=org.subtree().values("pk"))
    kwargs = {} if action == "dissolve" else {"organizations": others.order_by("path")}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "move":
                services.move_organization(request.user, org, data["new_parent"], on=data["date"],
                                           decision_number=data["decision_number"])
            elif action == "merge":
                services.merge_organizations(request.user, [org], data["into"], on=data["date"],
                                             decision_number=data["decision_number"])
            else:
                services.dissolve_organization(request.user, org, on=data["date"],
                                               decision_number=data["decision_number"])
        except ValidationError as error:
            form.add_problems(error)
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Đã ghi nhận: {title.lower()} — {org.name}.")
            return redirect(data.get("into") or org)
    return render(request, "orgs/form.html", {"form": form, "title": f"{title}: {org.name}"})


@login_required
@require_http_methods(["GET", "POST"])
def add_term(request, pk):
    org = request.scope.get_organization(pk)
    request.scope.check_write(org)
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_term(request.user, org, **form.cleaned_data)
        messages.success(request, "Đã thêm nhiệm kỳ.")
        return redirect(org)
    return render(request, "orgs/form.html", {"form": form, "title": f"Thêm nhiệm kỳ: {org.name}"})


@login_required
@require_http_methods(["GET", "POST"])
def add_position(request, pk):
    org = request.scope.get_organization(pk)
    request.scope.check_write(org)
    members = request.scope.members().filter(
        organization__ancestor_links__ancestor=org, status__in=ACTIVE_STATUSES).order_by("sort_key")
    form = PositionForm(request.POST or None, organization=org, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_position(request.user, org, **form.cleaned_data)
        except ValueError as error:
            form.add_error("member", str(error))
        else:
            messages.success(request, "Đã thêm chức vụ trong cấp ủy.")
            return redirect(org)
    return render(request, "orgs/form.html", {"form": form, "title": f"Cấp ủy: {org.name}"})


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,60}")


@login_required
@require_http_methods(["GET"])
def pick(request):
    """Matches for the organization picker (orgs.widgets) while the user types: only
    organizations of the user's scope (those they may change when the field asks so), of the
    kinds the field allows, inside the field's subtree; an HTML fragment of radio buttons."""
    scope = request.scope
    params = request.GET
    name = params.get("name", "")
    if not _FIELD_NAME.fullmatch(name):
        name = "org"
    text = vn.nfc(params.get(f"{name}_q") or params.get("q") or "")[:100]
    queryset = scope.writable_organizations() if params.get("write") == "1" else scope.organizations()
    kinds = [kind for kind in params.get("kinds", "").split(",") if kind in OrgKind.values]
    if kinds:
        queryset = queryset.filter(kind__in=kinds)
    if params.get("dissolved") != "1":
        queryset = queryset.filter(dissolved__isnull=True)
    within_id = validation.int_param(params.get("within"), 1)
    if within_id:
        within = scope.get_organization(within_id)
        queryset = queryset.filter(**picker.subtree_filter(within.pk, ""))
        if params.get("below") == "1":
            queryset = queryset.exclude(pk=within.pk)
    matches = picker.choices(picker.search(queryset, text)) if text.strip() else []
    return render(request, "orgs/widgets/_results.html",
                  {"name": name, "matches": matches, "searched": bool(text.strip()), "limit": picker.LIMIT})
