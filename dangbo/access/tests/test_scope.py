"""Every role sees what it should and nothing else (DEVELOPERS.md: one scope mechanism)."""
import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from dangbo.access.scope import Scope


def visible_names(scope):
    return sorted(m.full_name for m in scope.members())


def test_admin_sees_every_member(tree):
    assert len(visible_names(Scope.for_user(tree.admin))) == 9


def test_staff_sees_only_their_commune(tree):
    scope = Scope.for_user(tree.staff_a)
    assert visible_names(scope) == sorted(m.full_name for m in tree.a1_members + tree.a2_members + tree.village_members)
    assert scope.can_write(tree.cell_a2)
    assert not scope.can_write(tree.cell_b1)
    with pytest.raises(Http404):
        scope.get_member(tree.b1_members[0].pk)


def test_leader_reads_the_province_but_cannot_write(tree):
    scope = Scope.for_user(tree.leader_province)
    assert len(visible_names(scope)) == 9
    with pytest.raises(PermissionDenied):
        scope.check_write(tree.cell_a1)


def test_cell_secretary_sees_only_own_cell(tree):
    scope = Scope.for_user(tree.secretary_a1)
    assert visible_names(scope) == sorted(m.full_name for m in tree.a1_members)
    assert scope.can_write(tree.cell_a1)
    with pytest.raises(Http404):
        scope.get_organization(tree.cell_a2.pk)


def test_member_sees_only_own_record(tree):
    scope = Scope.for_user(tree.member_user)
    assert visible_names(scope) == ["Nguyễn Văn An"]
    assert list(scope.organizations()) == [tree.cell_a1]
    assert not scope.can_see_member_list(tree.cell_a1)
    assert not scope.can_write(tree.cell_a1)


def test_overlapping_roots_do_not_duplicate_rows(tree):
    from dangbo.access.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=tree.staff_a, role=Role.LEADER, organization=tree.grassroots_a)
    scope = Scope.for_user(tree.staff_a)
    assert scope.members().count() == 7
    assert scope.read_roots == frozenset({tree.commune_a.pk})
