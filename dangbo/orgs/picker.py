"""Finding an organization by a few letters of its name: the search behind the organization
picker (orgs.widgets) and the organization filter of every list.

Accent-insensitive ("binh lu" finds "Bình Lư"), every typed word must start a word of the
name (or short name, or code), results in Vietnamese alphabetical order, at most `limit` of them,
each with its full path ("Chi bộ Văn phòng — Đảng bộ xã Bình Lư — Tỉnh ủy Lai Châu") read in
one query for the whole page of results: never a query per row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from django.db.models import Q, QuerySet

from dangbo.core import vn
from dangbo.orgs.models import PATH_SEGMENT_WIDTH, Organization, OrgClosure, OrgKind

LIMIT = 20
PATH_SEPARATOR = " — "


@dataclass(frozen=True)
class Choice:
    pk: int
    name: str
    full_path: str  # "Chi bộ Văn phòng — Đảng bộ xã Bình Lư — Tỉnh ủy Lai Châu"
    up: str  # the same without the organization's own name
    kind_label: str
    dissolved: bool


def matching(queryset: QuerySet[Organization], text: str) -> QuerySet[Organization]:
    """Organizations of `queryset` with a word starting with each typed word ("binh lu" finds
    "Bình Lư", "tan" finds "Tân Phong", "am" does not find "Nà Tăm")."""
    for word in vn.fold(text).split():
        queryset = queryset.filter(Q(search_name__startswith=word) | Q(search_name__contains=f" {word}"))
    return queryset


def search(queryset: QuerySet[Organization], text: str, *, limit: int = LIMIT) -> list[Organization]:
    """Up to `limit` matches in Vietnamese alphabetical order (same names: tree order)."""
    return list(matching(queryset, text).order_by("sort_key", "path")[:limit])


def _ancestor_ids(path: str) -> list[int]:
    return [int(path[i:i + PATH_SEGMENT_WIDTH]) for i in range(0, len(path), PATH_SEGMENT_WIDTH)]


def full_paths(orgs: Iterable[Organization]) -> dict[int, str]:
    """{id: "name — parent — ... — top"} for the organizations, in one query. The national
    root (Trung ương) is left out: every path would end with it."""
    orgs = list(orgs)
    chains = {o.pk: _ancestor_ids(o.path)[:-1] for o in orgs}
    needed = {pk for chain in chains.values() for pk in chain}
    names = dict(Organization.objects.filter(pk__in=needed).exclude(kind=OrgKind.CENTRAL)
                 .values_list("pk", "name")) if needed else {}
    paths = {}
    for org in orgs:
        upward = [names[pk] for pk in reversed(chains[org.pk]) if pk in names]
        paths[org.pk] = PATH_SEPARATOR.join([org.name, *upward])
    return paths


def choices(orgs: Iterable[Organization]) -> list[Choice]:
    orgs = list(orgs)
    paths = full_paths(orgs)
    return [Choice(o.pk, o.name, paths[o.pk], paths[o.pk][len(o.name) + len(PATH_SEPARATOR):],
                   o.get_kind_display(), o.dissolved is not None) for o in orgs]


def subtree_filter(organization_id: int, org_field: str = "organization") -> dict:
    """Lookup for rows whose `org_field` lies in the subtree of `organization_id`: one semi-join
    on the closure table (its primary key (ancestor, descendant) serves it)."""
    prefix = f"{org_field}_id" if org_field else "pk"
    return {f"{prefix}__in": OrgClosure.objects.filter(ancestor_id=organization_id).values("descendant_id")}
