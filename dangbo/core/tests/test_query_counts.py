"""Each daily page runs as many queries with many rows as with few (no query per row)."""
from __future__ import annotations

import itertools
from datetime import date

import pytest
from django.urls import reverse

from dangbo.core.querycount import assert_queries_do_not_grow
from dangbo.core.testing import make_member, make_org
from dangbo.members.models import EventKind, MemberEvent
from dangbo.orgs.models import OrgKind
from dangbo.ratings import services as ratings

_names = itertools.count(1)


def new_member(org):
    return make_member(org, f"Nguyễn Văn Thêm {chr(0x41 + next(_names) % 26)}")


@pytest.fixture
def admin_client(tree, login):
    return login(tree.admin)


def test_home_and_tree_do_not_query_per_root(tree, admin_client):
    add_root = lambda: make_org(f"Đảng bộ tỉnh {next(_names)}", OrgKind.PROVINCIAL)  # noqa: E731
    assert_queries_do_not_grow(admin_client, reverse("home"), add_root)
    assert_queries_do_not_grow(admin_client, reverse("orgs:tree"), add_root)


def test_tree_children_and_organization_page_do_not_query_per_child(tree, admin_client):
    def add_child():
        child = make_org(f"Chi bộ {next(_names)}", OrgKind.GRASSROOTS_CELL, tree.commune_a)
        new_member(child)
        make_org(f"Tổ đảng {next(_names)}", OrgKind.GROUP, child)

    assert_queries_do_not_grow(admin_client, reverse("orgs:children", args=[tree.commune_a.pk]), add_child)
    assert_queries_do_not_grow(admin_client, reverse("orgs:detail", args=[tree.commune_a.pk]), add_child)


def test_member_list_search_and_cell_page_do_not_query_per_member(tree, admin_client):
    add = lambda: new_member(tree.cell_a1)  # noqa: E731
    assert_queries_do_not_grow(admin_client, reverse("members:list"), add)
    assert_queries_do_not_grow(admin_client, reverse("members:list") + f"?org={tree.commune_a.pk}", add)
    assert_queries_do_not_grow(admin_client, reverse("members:list") + "?q=nguyen+van", add)
    assert_queries_do_not_grow(admin_client, reverse("orgs:detail", args=[tree.cell_a1.pk]), add)


def test_member_page_does_not_query_per_history_event(tree, admin_client):
    member = tree.a1_members[0]
    add_event = lambda: MemberEvent.objects.create(member=member, kind=EventKind.TRANSFER,  # noqa: E731
                                                   date=date(2020, 1, 1), from_organization=tree.cell_a2,
                                                   to_organization=tree.cell_a1)
    assert_queries_do_not_grow(admin_client, reverse("members:detail", args=[member.pk]), add_event)


def test_rating_dashboard_does_not_query_per_unit_or_rating(tree, admin_client):
    ratings.open_period(tree.admin, tree.province, 2025)

    def add_rated_unit():
        cell = make_org(f"Chi bộ {next(_names)}", OrgKind.GRASSROOTS_CELL, tree.province)
        ratings.save_member_rating(tree.admin, new_member(cell), 2025, level="httnv")
        ratings.save_org_rating(tree.admin, cell, 2025, level="httnv")

    assert_queries_do_not_grow(admin_client, reverse("ratings:dashboard", args=[tree.province.pk, 2025]),
                               add_rated_unit)
