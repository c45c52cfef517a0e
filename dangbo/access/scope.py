"""The one place that decides who may see and change what.

Every query of organizations, members, or any row that belongs to an organization goes
through a Scope. Outside the scope an object does not exist for the user (404); inside it,
a read-only role that tries to change something gets 403.

Roles (RoleAssignment):
- admin: everything, read and write.
- staff (cán bộ tổ chức): read and write in the assigned subtrees.
- leader (lãnh đạo): read in the assigned subtrees.
- cell_secretary (bí thư chi bộ): read and write in the own cell (and its tổ đảng).
- member (đảng viên): the own record, and the own cell's page without its member list.
"""
from __future__ import annotations

from functools import cached_property
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from dangbo.access.models import Role, RoleAssignment
from dangbo.orgs.models import Organization, OrgClosure

ModelT = TypeVar("ModelT", bound=models.Model)

READ_ROLES = (Role.STAFF, Role.LEADER, Role.CELL_SECRETARY)
WRITE_ROLES = (Role.STAFF, Role.CELL_SECRETARY)


def _outermost(org_ids: set[int]) -> frozenset[int]:
    """Drop every root that lies inside another root, so subtrees never overlap."""
    if len(org_ids) < 2:
        return frozenset(org_ids)
    nested = OrgClosure.objects.filter(
        ancestor_id__in=org_ids, descendant_id__in=org_ids, depth__gt=0
    ).values_list("descendant_id", flat=True)
    return frozenset(org_ids - set(nested))


class Scope:
    def __init__(self, *, is_admin: bool = False, read_roots=(), write_roots=(), own_member_id=None,
                 own_member_org_id=None, roles=()):
        self.is_admin = is_admin
        self.read_roots = _outermost(set(read_roots) | set(write_roots))
        self.write_roots = _outermost(set(write_roots))
        self.own_member_id = own_member_id
        self.own_member_org_id = own_member_org_id
        self.roles = frozenset(roles)

    @classmethod
    def for_user(cls, user) -> Scope:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return cls()
        if user.is_superuser:
            return cls(is_admin=True, roles={Role.ADMIN})
        assignments = list(RoleAssignment.objects.filter(user=user).select_related("member"))
        roles = {a.role for a in assignments}
        member = next((a.member for a in assignments if a.role == Role.MEMBER and a.member_id), None)
        return cls(
            is_admin=Role.ADMIN in roles,
            read_roots={a.organization_id for a in assignments if a.role in READ_ROLES and a.organization_id},
            write_roots={a.organization_id for a in assignments if a.role in WRITE_ROLES and a.organization_id},
            own_member_id=member.pk if member else None,
            own_member_org_id=member.organization_id if member else None,
            roles=roles,
        )

    # -- reading -------------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return not (self.is_admin or self.read_roots or self.own_member_id)

    def _subtree_ids(self, roots) -> models.QuerySet:
        return OrgClosure.objects.filter(ancestor_id__in=roots).values("descendant_id")

    def organization_filter(self, org_field: str = "organization") -> Q:
        """Q for rows whose `org_field` lies in a visible subtree (semi-join on the closure table)."""
        if self.is_admin:
            return Q()
        prefix = f"{org_field}_id" if org_field else "pk"
        condition = Q(**{f"{prefix}__in": self._subtree_ids(self.read_roots)}) if self.read_roots else Q(pk__in=[])
        if self.own_member_org_id and not self.read_roots:
            condition = Q(**{prefix: self.own_member_org_id})
        elif self.own_member_org_id:
            condition |= Q(**{prefix: self.own_member_org_id})
        return condition

    def organizations(self) -> models.QuerySet[Organization]:
        return Organization.objects.filter(self.organization_filter(org_field=""))

    def restrict(self, queryset: models.QuerySet[ModelT], org_field: str = "organization") -> models.QuerySet[ModelT]:
        """Any queryset whose rows belong to an organization, cut to the visible subtrees."""
        return queryset.filter(self.organization_filter(org_field))

    def member_filter(self, member_field: str = "") -> Q:
        """Q for member rows (or rows about a member via `member_field`) the user may see."""
        if self.is_admin:
            return Q()
        org_path = f"{member_field}__organization" if member_field else "organization"
        member_pk = f"{member_field}_id" if member_field else "pk"
        condition = Q(**{f"{org_path}_id__in": self._subtree_ids(self.read_roots)}) if self.read_roots else Q(pk__in=[])
        if self.own_member_id:
            own = Q(**{member_pk: self.own_member_id})
            condition = own if not self.read_roots else condition | own
        return condition

    def members(self):
        from dangbo.members.models import Member

        return Member.objects.filter(self.member_filter())

    def restrict_to_members(self, queryset: models.QuerySet[ModelT], member_field: str = "member") -> models.QuerySet[ModelT]:
        return queryset.filter(self.member_filter(member_field))

    def get_organization(self, pk) -> Organization:
        return self.get(self.organizations(), pk=pk)

    def get_member(self, pk):
        return self.get(self.members(), pk=pk)

    @staticmethod
    def get(queryset: models.QuerySet[ModelT], **lookup) -> ModelT:
        """The object from an already scoped queryset, or 404 (outside the scope it does not exist)."""
        try:
            return queryset.get(**lookup)
        except (queryset.model.DoesNotExist, ValueError, TypeError):
            raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")

    def can_see_member_list(self, org: Organization) -> bool:
        """A member sees their cell's page but not its roster."""
        return self.is_admin or (
            bool(self.read_roots)
            and OrgClosure.objects.filter(ancestor_id__in=self.read_roots, descendant_id=org.pk).exists()
        )

    def member_lists_visible(self, org_ids) -> set[int]:
        """can_see_member_list for many organizations in one query: the ids whose list is visible."""
        org_ids = set(org_ids)
        if self.is_admin:
            return org_ids
        if not self.read_roots or not org_ids:
            return set()
        return set(OrgClosure.objects.filter(ancestor_id__in=self.read_roots, descendant_id__in=org_ids)
                   .values_list("descendant_id", flat=True))

    # -- writing -------------------------------------------------------------------------

    def can_write(self, org: Organization | int | None) -> bool:
        if self.is_admin:
            return True
        if org is None or not self.write_roots:
            return False
        org_id = org if isinstance(org, int) else org.pk
        return OrgClosure.objects.filter(ancestor_id__in=self.write_roots, descendant_id=org_id).exists()

    def check_write(self, org: Organization | int | None) -> None:
        if not self.can_write(org):
            raise PermissionDenied("Bạn chỉ có quyền xem trong phạm vi này.")

    @cached_property
    def can_write_anything(self) -> bool:
        return self.is_admin or bool(self.write_roots)

    def writable_organizations(self) -> models.QuerySet[Organization]:
        if self.is_admin:
            return Organization.objects.all()
        return Organization.objects.filter(pk__in=self._subtree_ids(self.write_roots))

    def root_organizations(self) -> models.QuerySet[Organization]:
        """Where the tree starts for this user: the top of each visible subtree."""
        if self.is_admin:
            return Organization.objects.filter(parent__isnull=True)
        ids = set(self.read_roots) | ({self.own_member_org_id} if self.own_member_org_id and not self.read_roots else set())
        return Organization.objects.filter(pk__in=ids)
