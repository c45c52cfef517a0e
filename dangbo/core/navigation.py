"""Where a page sits and where the user may go from it: the top menu and the breadcrumbs.

One table of sections (one per app) says which object type decides whether a role may use
the section at all, by the visibility table (dangbo.access.visibility): the menu shows a
section only when the table gives the role rows of that type, and a breadcrumb links a
section only then. The breadcrumbs of a page are its section, then the organization path
(Tỉnh ủy › Đảng bộ xã › Chi bộ) down to the organization the page is about — only the
organizations the user may open — then the objects between it and the page.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from dangbo.access.visibility import sees


@dataclass(frozen=True)
class Section:
    namespace: str
    label: str
    index: str  # URL name of the section's first page
    object_type: str  # the type whose visibility decides whether the role uses the section
    readers_only: bool = False  # the first page is a reader's page (a member is sent elsewhere)


SECTIONS = [
    Section("orgs", "Tổ chức đảng", "orgs:tree", "orgs.Organization"),
    Section("members", "Đảng viên", "members:list", "members.Member", readers_only=True),
    Section("ratings", "Xếp loại chất lượng", "ratings:index", "ratings.RatingPeriod", readers_only=True),
    Section("documents", "Văn bản", "documents:index", "documents.Document"),
    Section("congress", "Đại hội", "congress:index", "congress.Congress"),
    Section("ingest", "Trích xuất", "ingest:index", "ingest.Source", readers_only=True),
    Section("meetings", "Sinh hoạt chi bộ", "meetings:index", "meetings.Meeting", readers_only=True),
    Section("admission", "Kết nạp đảng viên", "admission:index", "admission.Candidate", readers_only=True),
    Section("inspection", "Kiểm tra, kỷ luật", "inspection:index", "inspection.Plan", readers_only=True),
]
BY_NAMESPACE = {section.namespace: section for section in SECTIONS}
# Pages outside the app sections, by URL name.
OTHER_PAGES = {
    "audit_log": ("Nhật ký thay đổi", "audit_log"),
    "access_log": ("Nhật ký truy cập dữ liệu", "access_log"),
    "access": ("Tài khoản", "access:account"),
    "jobs": ("Công việc chạy nền", "jobs:index"),
}


def is_reader(scope) -> bool:
    """A role that reads organizations' subtrees (not only their own record and cell)."""
    return scope.is_admin or bool(scope.read_roots)


def may_use(scope, section: Section) -> bool:
    if scope is None or scope.is_empty:
        return False
    if section.readers_only and not is_reader(scope):
        return False
    return sees(scope, section.object_type)


def menu(scope) -> list[dict]:
    """The sections of the top menu this user may use, with their first page."""
    links = []
    for section in SECTIONS:
        if not may_use(scope, section):
            continue
        try:
            links.append({"url": reverse(section.index), "label": section.label, "namespace": section.namespace})
        except NoReverseMatch:
            continue
    return links


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str | None = None


def section_crumb(request) -> Crumb | None:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    section = BY_NAMESPACE.get(match.namespace)
    if section is not None:
        usable = may_use(getattr(request, "scope", None), section)
        return Crumb(section.label, reverse(section.index) if usable else None)
    other = OTHER_PAGES.get(match.namespace) or OTHER_PAGES.get(match.url_name)
    if other is not None:
        return Crumb(other[0], reverse(other[1]))
    return None


def organization_path(scope, org, org_url=None) -> list[Crumb]:
    """The organizations from the top of the user's scope down to `org`, each a link to its
    page (or to `org_url(o)`); organizations the user may not open are left out."""
    if org is None or scope is None:
        return []
    from dangbo.orgs.models import Organization

    chain = list(Organization.objects.filter(descendant_links__descendant=org).order_by("depth"))
    visible = set(scope.organizations().filter(pk__in=[o.pk for o in chain]).values_list("pk", flat=True))
    url = org_url or (lambda o: o.get_absolute_url())
    return [Crumb(o.name, url(o)) for o in chain if o.pk in visible]


def trail(request, org=None, *objects, org_url=None) -> list[Crumb]:
    """Section › organization path › objects (each with get_absolute_url)."""
    crumbs = []
    section = section_crumb(request)
    if section is not None:
        crumbs.append(section)
    crumbs += organization_path(getattr(request, "scope", None), org, org_url)
    for obj in objects:
        if obj is None:
            continue
        if isinstance(obj, Crumb):
            crumbs.append(obj)
            continue
        label = getattr(obj, "title", None) or str(obj)
        crumbs.append(Crumb(label, obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None))
    # The page itself is no link to itself.
    here = {request.path, request.get_full_path()}
    return [Crumb(c.label, None if c.url in here else c.url) for c in crumbs]


# Where a page's organization is found in its context: the first of these names present,
# either an organization or an object with a path to one.
ORG_CONTEXT_NAMES = ("crumb_org", "org", "organization", "member", "candidate", "congress", "meeting",
                     "conference", "case", "plan", "decision", "denunciation", "consolidation",
                     "recommendation", "source", "election", "round", "document")
ORG_ATTRIBUTES = ("organization", "host", "issuer.organization", "congress.organization")


def organization_of(value):
    from dangbo.orgs.models import Organization

    if isinstance(value, Organization):
        return value
    for dotted in ORG_ATTRIBUTES:
        current = value
        for part in dotted.split("."):
            current = getattr(current, part, None)
            if current is None:
                break
        if isinstance(current, Organization):
            return current
    return None


def organization_in(context) -> object | None:
    for name in ORG_CONTEXT_NAMES:
        value = context.get(name)
        if value is None or isinstance(value, (str, int, list, tuple, dict)):
            continue
        org = organization_of(value)
        if org is not None:
            return org
    return None


def _section_usable(scope, namespace: str) -> bool:
    return may_use(scope, BY_NAMESPACE[namespace])


def organization_links(scope, org, *, show_members: bool) -> list[dict]:
    """From an organization's page to its pages in every section the user may use, the
    organization chosen already. `show_members`: the user reads this organization's roster
    (ratings, admission and inspection are about people: the same readers)."""
    from dangbo.documents.models import Issuer

    links = []

    def add(namespace, label, url):
        links.append({"section": namespace, "label": label, "url": url})

    if show_members and _section_usable(scope, "members"):
        add("members", "Đảng viên", f"{reverse('members:list')}?org={org.pk}")
    if show_members and _section_usable(scope, "ratings"):
        from dangbo.ratings import rollup
        from django.utils import timezone

        years = rollup.rated_years()
        year = years[0] if years else timezone.localdate().year
        add("ratings", f"Xếp loại năm {year}", reverse("ratings:dashboard", args=[org.pk, year]))
    if _section_usable(scope, "documents"):
        # The documents list filters by issuing body; an organization may have several
        # (the committee, its boards, its inspection commission).
        issuers = list(scope.restrict(Issuer.objects.filter(organization=org)).order_by("kind", "name")[:6])
        for issuer in issuers:
            label = "Văn bản" if len(issuers) == 1 else f"Văn bản {issuer.name}"
            add("documents", label, f"{reverse('documents:index')}?co_quan={issuer.pk}")
    if _section_usable(scope, "meetings"):
        add("meetings", "Sinh hoạt chi bộ", f"{reverse('meetings:index')}?to_chuc={org.pk}")
    elif scope.own_member_id and scope.own_member_org_id == org.pk:
        add("meetings", "Lịch sinh hoạt của tôi", reverse("meetings:mine"))
    if show_members and _section_usable(scope, "admission"):
        add("admission", "Kết nạp đảng viên", reverse("admission:board", args=[org.pk]))
    if show_members and _section_usable(scope, "inspection"):
        add("inspection", "Kiểm tra, kỷ luật", f"{reverse('inspection:index')}?org={org.pk}")
    return links
