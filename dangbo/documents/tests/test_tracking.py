"""Which subordinate organizations have issued their implementing plan, on the test tree:

    province ── commune_a ── grassroots_a ── cell_a1, cell_a2
             │            └─ village_cell
             └─ commune_b ── cell_b1
"""
from datetime import date

import pytest

from dangbo.documents import services, tracking
from dangbo.documents.models import DocumentStatus, ImplementationLevel, LinkKind
from dangbo.documents.tests.factories import central, document, issuer

DEADLINE = date(2021, 4, 1)


@pytest.fixture
def resolution(tree):
    return document(tree.admin, issuer(tree.province, "TU"), "03-NQ/TU", issued_on=date(2021, 3, 1),
                    implementation_level=ImplementationLevel.CHILDREN, implementation_deadline=DEADLINE)


def plan(tree, org, code, number, on, superior, **extra):
    doc = document(tree.admin, issuer(org, code), number, doc_type="ke_hoach", issued_on=on, **extra)
    services.add_link(tree.admin, source=doc, target=superior, kind=LinkKind.IMPLEMENTS)
    return doc


def states(rows):
    return {row.organization.name: (row.state, [d.number for d in row.documents], row.days_late) for row in rows}


def test_direct_children_issued_and_not_yet(tree, resolution):
    plan(tree, tree.commune_a, "ĐU", "04-KH/ĐU", date(2021, 3, 20), resolution)
    rows = tracking.tracking(resolution, today=date(2021, 3, 25))
    assert states(rows) == {
        "Đảng bộ xã Bình Lư": ("dung_han", ["04-KH/ĐU"], 0),
        "Đảng bộ phường Tân Phong": ("chua_ban_hanh", [], 0),
    }
    after = tracking.tracking(resolution, today=date(2021, 4, 11))
    assert states(after)["Đảng bộ phường Tân Phong"] == ("qua_han", [], 10)
    assert tracking.tracking_counts(after) == {"total": 2, "issued": 1, "pending": 1, "overdue": 1}


def test_grassroots_level_late_draft_and_other_links(tree):
    resolution = document(tree.admin, issuer(tree.commune_a, "ĐU"), "07-NQ/ĐU", issued_on=date(2021, 3, 1),
                          implementation_level=ImplementationLevel.GRASSROOTS, implementation_deadline=DEADLINE)
    plan(tree, tree.grassroots_a, "ĐU", "02-KH/ĐU", date(2021, 4, 6), resolution)            # 5 days late
    plan(tree, tree.village_cell, "CB", "", date(2021, 3, 10), resolution,
         status=DocumentStatus.DRAFT)                                                        # a draft does not count
    guide = document(tree.admin, issuer(tree.village_cell, "CB"), "01-HD/CB", doc_type="huong_dan",
                     issued_on=date(2021, 3, 12))
    services.add_link(tree.admin, source=guide, target=resolution, kind=LinkKind.GUIDES)    # not "thực hiện"
    rows = tracking.tracking(resolution, today=date(2021, 3, 30))
    assert states(rows) == {
        "Đảng bộ Trường THPT Bình Lư": ("tre_han", ["02-KH/ĐU"], 5),
        "Chi bộ thôn Nà Tăm": ("chua_ban_hanh", [], 0),
    }  # cells inside the grassroots committee are not grassroots organizations themselves


def test_rows_are_cut_to_what_the_viewer_sees(tree, resolution, login):
    from dangbo.access.scope import Scope

    rows = tracking.tracking(resolution, date(2021, 3, 25), Scope.for_user(tree.staff_a).organizations())
    assert [row.organization.name for row in rows] == ["Đảng bộ xã Bình Lư"]


def test_dissolved_units_and_documents_without_requirement(tree, resolution):
    tree.commune_b.dissolved = date(2020, 12, 31)
    tree.commune_b.save()
    assert [r.organization.name for r in tracking.tracking(resolution, date(2021, 3, 25))] == ["Đảng bộ xã Bình Lư"]
    plain = document(tree.admin, issuer(tree.province, "TU"), "04-NQ/TU")
    assert tracking.tracking(plain, date(2021, 3, 25)) == []


def test_central_document_is_implemented_by_the_top_organizations(tree):
    directive = document(tree.admin, central(), "50-CT/TW", doc_type="chi_thi", khoa=13, issued_on=date(2025, 7, 23),
                         implementation_level=ImplementationLevel.CHILDREN, implementation_deadline=date(2025, 9, 1))
    plan(tree, tree.province, "TU", "12-KH/TU", date(2025, 8, 20), directive)
    assert states(tracking.tracking(directive, date(2025, 10, 1))) == {
        "Đảng bộ tỉnh Lai Châu": ("dung_han", ["12-KH/TU"], 0)}
