"""Organizations in Vietnamese alphabetical order and committees in rank order, as a clerk
reads them: in the rules, in the tree and on the organization page."""
from datetime import date

from django.urls import reverse

from dangbo.core.testing import make_member, make_org
from dangbo.core.vn import text_sort_key
from dangbo.orgs.models import OrgKind, Position, PositionKind
from dangbo.orgs.ordering import by_name

COMMUNES = ["Bum Tở", "Bản Bo", "Bum Nưa", "Bình Lư", "Ăn Ngoan", "An Bình", "Đông Phong", "Dào San"]


class Named:
    def __init__(self, name, dissolved=None):
        self.name, self.dissolved = name, dissolved


def test_names_sort_by_the_vietnamese_alphabet_not_by_character_code():
    ordered = [o.name for o in by_name(Named(n) for n in COMMUNES)]
    assert ordered == ["An Bình", "Ăn Ngoan", "Bản Bo", "Bình Lư", "Bum Nưa", "Bum Tở", "Dào San", "Đông Phong"]


def test_numbers_in_names_sort_by_value():
    names = ["Chi bộ tổ dân phố số 10", "Chi bộ tổ dân phố số 2", "Chi bộ tổ dân phố số 1", "Chi bộ thôn 3A"]
    assert sorted(names, key=text_sort_key) == ["Chi bộ thôn 3A", "Chi bộ tổ dân phố số 1", "Chi bộ tổ dân phố số 2",
                                                "Chi bộ tổ dân phố số 10"]


def test_dissolved_organizations_come_last_when_asked():
    ordered = by_name([Named("Bản Bo", dissolved=date(2025, 6, 30)), Named("Bum Tở")], dissolved_last=True)
    assert [o.name for o in ordered] == ["Bum Tở", "Bản Bo"]


def test_tree_and_organization_page_list_children_in_vietnamese_order(tree, login):
    for name in COMMUNES[:4]:
        make_org(f"Đảng bộ xã {name}", OrgKind.UPPER_GRASSROOTS, tree.province)
    client = login(tree.admin)
    expected = ["Đảng bộ xã Bản Bo", "Đảng bộ xã Bình Lư", "Đảng bộ xã Bum Nưa", "Đảng bộ xã Bum Tở"]
    for url in (reverse("orgs:children", args=[tree.province.pk]), reverse("orgs:detail", args=[tree.province.pk])):
        page = client.get(url).content.decode()
        positions = [page.index(name) for name in expected]
        assert positions == sorted(positions), url


def test_committee_is_listed_by_rank_then_name(tree, login):
    cell = tree.cell_a1
    an, binh, chien = tree.a1_members
    extra = make_member(cell, "Vũ Thị Ánh")
    for member, kind in ((an, PositionKind.CELL_COMMITTEE), (extra, PositionKind.CELL_COMMITTEE),
                         (chien, PositionKind.DEPUTY_SECRETARY), (binh, PositionKind.SECRETARY)):
        Position.objects.create(organization=cell, member=member, kind=kind, start=date(2025, 1, 1))
    page = login(tree.admin).get(reverse("orgs:detail", args=[cell.pk])).content.decode()
    order = [page.index(name) for name in ("Trần Thị Bình", "Lò Văn Chiến", "Nguyễn Văn An", "Vũ Thị Ánh")]
    assert order == sorted(order)
