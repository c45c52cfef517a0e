"""The one place that decides who may see and change what.

Every query of organizations, members, or any row that belongs to an organization goes
through a Scope. Outside the scope an object does not exist for the user (404); inside it,
a read-only role that tries to change something gets 403. What each role reads of each
object type is the visibility table (dangbo.access.visibility), not "own cell".

Roles (RoleAssignment):
- admin: everything, read and write.
- staff (cán bộ tổ chức): read and write in the assigned subtrees.
- leader (lãnh đạo): read in the assigned subtrees.
- cell_secretary (bí thư chi bộ): read and write in the own cell (and its tổ đảng).
- member (đảng viên): the own record and the rows about it, the own cell's page without its
  member list, and what the visibility table grants the own cell (meeting notices, drafts).
- inspection (cán bộ ủy ban kiểm tra): reads the assigned subtrees like a leader, and is the
  only role (with admin) that sees inspection files there: `restrict_inspection`,
  `can_inspect`. Other roles get 404 for them.
"""
from __future__ import annotations

import copy
from functools import cached_property
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.module_loading import import_string

from dangbo.access.models import Role, RoleAssignment
from dangbo.access.visibility import Answer, ObjectType, object_type
from dangbo.orgs.models import Organization, OrgClosure

ModelT = TypeVar("ModelT", bound=models.Model)

READ_ROLES = (Role.STAFF, Role.LEADER, Role.CELL_SECRETARY, Role.INSPECTION)
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
    def __init__(self, *, is_admin: bool = False, role_roots: dict | None = None, own_member_id=None,
                 own_member_org_id=None, roles=()):
        self.is_admin = is_admin
        # Organizations assigned per role (staff, leader, cell_secretary), each with its subtree.
        self.role_roots = {role: _outermost(set(ids)) for role, ids in (role_roots or {}).items() if ids}
        read = set().union(*(self.role_roots.get(role, ()) for role in READ_ROLES))
        write = set().union(*(self.role_roots.get(role, ()) for role in WRITE_ROLES))
        self.read_roots = _outermost(read)
        self.write_roots = _outermost(write)
        self.own_member_id = own_member_id
        self.own_member_org_id = own_member_org_id
        self.roles = frozenset(roles)
        # Where the user is inspection staff: the only non-admin role that sees inspection files.
        self.inspection_roots = self.role_roots.get(Role.INSPECTION, frozenset())

    @classmethod
    def for_user(cls, user) -> Scope:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return cls()
        if user.is_superuser:
            return cls(is_admin=True, roles={Role.ADMIN})
        assignments = list(RoleAssignment.objects.filter(user=user).select_related("member"))
        roles = {a.role for a in assignments}
        member = next((a.member for a in assignments if a.role == Role.MEMBER and a.member_id), None)
        role_roots = {role: {a.organization_id for a in assignments if a.role == role and a.organization_id}
                      for role in READ_ROLES}
        return cls(
            is_admin=Role.ADMIN in roles,
            role_roots=role_roots,
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

    @staticmethod
    def _path(prefix: str, path: str | None) -> str:
        """The lookup of a field id: ("", "organization") -> "organization_id";
        ("member", "") -> "member_id"; ("", "") (the row itself) -> "pk"; a many-to-many
        path is written with its "__pk" ("results__pk") and used as it is."""
        joined = "__".join(part for part in (prefix, path) if part)
        if joined.endswith("__pk"):
            return joined
        return f"{joined}_id" if joined else "pk"

    def answers(self, label: str) -> dict[str, Answer]:
        """The table's answer for each role this user holds, for one object type."""
        row = object_type(label)
        held = {Role.ADMIN} if self.is_admin else set()
        held |= set(self.role_roots)
        if self.own_member_id:
            held.add(Role.MEMBER)
        return {role: row.answer(role) for role in held}

    def type_filter(self, label: str, *, prefix: str = "", org_field: str | None = None) -> Q:
        """Q over rows of the object type `label` (or over rows reaching one through `prefix`)
        that this user may see, by the visibility table. `org_field` replaces the table's path
        to the organization."""
        row = object_type(label)
        org_lookup = self._path(prefix, row.org if org_field is None else org_field)
        answers = self.answers(label)
        if answers.get(Role.ADMIN, Answer.NONE) != Answer.NONE:
            return Q()
        condition = Q(pk__in=[])
        # One semi-join over the subtrees of every role that sees the type.
        roots = set().union(*(roots for role, roots in self.role_roots.items()
                              if answers[role] in (Answer.VISIBLE, Answer.MASKED)))
        if roots:
            condition |= Q(**{f"{org_lookup}__in": self._subtree_ids(roots)})
        if any(answers[role] == Answer.OWN for role in self.role_roots):
            condition |= self._own_condition(row, prefix)
        member_answer = answers.get(Role.MEMBER)
        if member_answer in (Answer.VISIBLE, Answer.MASKED) and self.own_member_org_id:
            condition |= Q(**{org_lookup: self.own_member_org_id})
        elif member_answer == Answer.OWN:
            condition |= self._own_condition(row, prefix)
        return condition

    def _own_condition(self, row: ObjectType, prefix: str) -> Q:
        """`own`: the viewer's member record (and rows about it), else their cell's rows."""
        if row.own_member is not None and self.own_member_id:
            return Q(**{self._path(prefix, row.own_member): self.own_member_id})
        if row.own_cell is not None and self.own_member_org_id:
            return Q(**{self._path(prefix, row.own_cell): self.own_member_org_id})
        return Q(pk__in=[])

    def narrowed(self, label: str) -> Scope:
        """This scope without the roles to which the table answers `none` for `label`
        (what a type with its own rule, like documents, works from)."""
        keep = {role for role, answer in self.answers(label).items() if answer != Answer.NONE}
        narrowed = copy.copy(self)
        narrowed.__dict__.pop("can_write_anything", None)
        narrowed.is_admin = Role.ADMIN in keep
        narrowed.role_roots = {role: roots for role, roots in self.role_roots.items() if role in keep}
        # Plain unions: the roots are already outermost within each role, and an overlap
        # across roles only repeats ids inside an IN (...).
        narrowed.read_roots = frozenset().union(*(narrowed.role_roots.get(r, ()) for r in READ_ROLES))
        narrowed.write_roots = frozenset().union(*(narrowed.role_roots.get(r, ()) for r in WRITE_ROLES))
        if Role.MEMBER not in keep:
            narrowed.own_member_id = narrowed.own_member_org_id = None
        narrowed.roles = self.roles & keep
        return narrowed

    def organization_filter(self, org_field: str = "organization") -> Q:
        """Q for rows whose `org_field` is an organization the user may see (by the table)."""
        return self.type_filter("orgs.Organization", prefix=org_field)

    def organizations(self) -> models.QuerySet[Organization]:
        return Organization.objects.filter(self.organization_filter(org_field=""))

    def restrict(self, queryset: models.QuerySet[ModelT], org_field: str | None = None) -> models.QuerySet[ModelT]:
        """The rows of the queryset this user may see, decided by the visibility table for its
        model (dangbo.access.visibility); a model without a row there raises UnknownObjectType
        (fail closed). `org_field` replaces the table's path to the organization."""
        label = queryset.model._meta.label
        row = object_type(label)
        if row.rule:
            return queryset.filter(import_string(row.rule)(self.narrowed(label), prefix=row.rule_prefix))
        condition = self.type_filter(label, org_field=org_field)
        if (org_field or row.org).endswith("__pk"):
            # Through a many-to-many a row matches once per organization: a semi-join keeps it once.
            return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))
        return queryset.filter(condition)

    def member_filter(self, member_field: str = "") -> Q:
        """Q for member rows (or rows about a member via `member_field`) the user may see."""
        return self.type_filter("members.Member", prefix=member_field)

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

    # -- inspection files (denunciations, case files): inspection roles and admins only --------

    def inspection_filter(self, org_field: str = "organization") -> Q:
        if self.is_admin:
            return Q()
        if not self.inspection_roots:
            return Q(pk__in=[])
        return Q(**{f"{org_field}_id__in": self._subtree_ids(self.inspection_roots)})

    def restrict_inspection(self, queryset: models.QuerySet[ModelT], org_field: str = "organization") -> models.QuerySet[ModelT]:
        return queryset.filter(self.inspection_filter(org_field))

    def can_inspect(self, org: Organization | int | None) -> bool:
        """Inspection staff (or admin) over `org`: may read and write its inspection files."""
        if self.is_admin:
            return True
        if org is None or not self.inspection_roots:
            return False
        org_id = org if isinstance(org, int) else org.pk
        return OrgClosure.objects.filter(ancestor_id__in=self.inspection_roots, descendant_id=org_id).exists()

    def check_inspect(self, org: Organization | int | None) -> None:
        if not self.can_inspect(org):
            raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")

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
