"""Navigation as each demo role finds it: the menu shows what the role can use, every page
says where it is (breadcrumbs), the organization page leads to its work, the member page
shows the member's history."""
from __future__ import annotations

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from dangbo.access.models import Role
from dangbo.access.scope import Scope
from dangbo.congress.tests.factories import build_congress
from dangbo.core import navigation, pagewalk
from dangbo.core.testing import make_user
from dangbo.documents.tests import factories as documents
from dangbo.inspection.testing import discipline_member
from dangbo.members.models import EventKind, MemberEvent
from dangbo.ratings.tests.factories import rate

SECTIONS = ["Tổ chức đảng", "Đảng viên", "Xếp loại chất lượng", "Văn bản", "Đại hội", "Trích xuất",
            "Sinh hoạt chi bộ", "Kết nạp đảng viên", "Kiểm tra, kỷ luật"]
WITHOUT_INGEST = [s for s in SECTIONS if s != "Trích xuất"]

# What each demo role's menu holds, by the visibility table.
MENUS = {
    "admin": SECTIONS + ["Nhật ký", "Truy cập dữ liệu"],
    "staff": SECTIONS + ["Nhật ký"],
    "leader": SECTIONS + ["Nhật ký"],
    "cell_secretary": SECTIONS,
    "member": ["Tổ chức đảng", "Văn bản", "Đại hội", "Của tôi"],
    "inspection": WITHOUT_INGEST + ["Nhật ký"],
}


def users(tree) -> dict:
    return {"admin": tree.admin, "staff": tree.staff_a, "leader": tree.leader_province,
            "cell_secretary": tree.secretary_a1, "member": tree.member_user,
            "inspection": make_user("kiemtra_xa_a", Role.INSPECTION, tree.commune_a)}


def links_in(page: str, pattern: str) -> list[tuple[str, str]]:
    """(label, href) of the links inside the first block matching `pattern`."""
    block = re.search(pattern, page, re.S)
    if block is None:
        return []
    return [(html.unescape(re.sub(r"<[^>]+>", "", label)).strip(), html.unescape(href))
            for href, label in re.findall(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', block.group(1), re.S)]


def menu(page: str):
    return links_in(page, r'<header class="topbar">.*?<nav>(.*?)</nav>')


def crumbs(page: str):
    return links_in(page, r'<nav class="crumbs"[^>]*>(.*?)</nav>')


def crumb_labels(page: str) -> list[str]:
    block = re.search(r'<nav class="crumbs"[^>]*>(.*?)</nav>', page, re.S)
    assert block, "the page has no breadcrumbs"
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li>(.*?)</li>", block.group(1))]


def answers(client, url: str) -> int:
    return client.get(url, follow=True).status_code


@pytest.mark.parametrize("role", list(MENUS))
def test_menu_shows_only_what_the_role_can_use_and_every_link_opens(tree, login, role):
    user = users(tree)[role]
    client = login(user)
    links = menu(client.get(reverse("home")).content.decode())
    assert [label for label, _ in links] == MENUS[role]
    for label, url in links:
        assert answers(client, url) == 200, f"{role}: {label} {url}"


def test_a_member_gets_nothing_from_the_sections_missing_from_their_menu(tree, login):
    client = login(tree.member_user)
    for url in (reverse("inspection:plans"), reverse("admission:board", args=[tree.cell_a1.pk]),
                reverse("ratings:dashboard", args=[tree.cell_a1.pk, 2025])):
        assert client.get(url).status_code == 404, url


def _pages(tree, user) -> list[str]:
    """The main pages of the role (the page walk's list) and the detail pages it reaches."""
    scope = Scope.for_user(user)
    pages = [path for name, path in pagewalk.main_pages(user) if name != "trang-chu"]
    if scope.own_member_id:
        pages.append(reverse("orgs:detail", args=[scope.own_member_org_id]))
    if navigation.may_use(scope, navigation.BY_NAMESPACE["inspection"]):
        pages += [reverse("inspection:index"), reverse("inspection:decisions")]
    if navigation.may_use(scope, navigation.BY_NAMESPACE["admission"]):
        pages.append(reverse("admission:index"))
    from dangbo.congress.visibility import congresses
    from dangbo.documents.visibility import visible_documents

    congress = congresses(scope).first()
    document = visible_documents(scope).first()
    pages += [o.get_absolute_url() for o in (congress, document) if o is not None]
    return pages


def test_every_main_page_of_every_role_says_where_it_is_and_its_crumbs_open(tree, login):
    build_congress(tree)
    issuer = documents.issuer(tree.commune_a, code="ĐU")
    documents.document(tree.admin, issuer, "01-NQ/ĐU", status="ban_hanh")
    rate(tree.a1_members[0], 2025, "httnv")
    for role, user in users(tree).items():
        client = login(user)
        for path in _pages(tree, user):
            response = client.get(path, follow=True)
            assert response.status_code == 200, f"{role} {path}"
            page = response.content.decode()
            assert crumb_labels(page), f"{role} {path}: no breadcrumbs"
            for label, url in crumbs(page):
                assert answers(client, url) == 200, f"{role} {path}: crumb {label} {url}"


def test_breadcrumbs_show_the_organization_path_and_the_section(tree, login):
    an = tree.a1_members[0]
    client = login(tree.admin)
    page = client.get(reverse("members:detail", args=[an.pk])).content.decode()
    assert crumb_labels(page) == ["Đảng viên", tree.province.name, tree.commune_a.name, tree.grassroots_a.name,
                                  tree.cell_a1.name]
    # The staff of commune A do not open the province: the path starts at their commune.
    client = login(tree.staff_a)
    page = client.get(reverse("orgs:detail", args=[tree.cell_a1.pk])).content.decode()
    assert crumb_labels(page) == ["Tổ chức đảng", tree.commune_a.name, tree.grassroots_a.name, tree.cell_a1.name]
    assert dict(crumbs(page))[tree.commune_a.name] == tree.commune_a.get_absolute_url()
    # The member sees their own cell only, and "Đảng viên" is no link for them.
    client = login(tree.member_user)
    page = client.get(reverse("members:detail", args=[an.pk])).content.decode()
    assert crumb_labels(page) == ["Đảng viên", tree.cell_a1.name]
    assert [label for label, _ in crumbs(page)] == [tree.cell_a1.name]


def test_rating_pages_lead_up_the_tree_to_the_same_years_results(tree, login):
    rate(tree.a1_members[0], 2025, "httnv")
    client = login(tree.admin)
    page = client.get(reverse("ratings:dashboard", args=[tree.cell_a1.pk, 2025])).content.decode()
    links = dict(crumbs(page))
    assert links[tree.commune_a.name] == reverse("ratings:dashboard", args=[tree.commune_a.pk, 2025])
    assert crumb_labels(page)[-1] == tree.cell_a1.name and tree.cell_a1.name not in links


def _org_links(page: str) -> dict[str, str]:
    return dict(links_in(page, r'<nav class="links toolbar" id="org-links"[^>]*>(.*?)</nav>'))


def test_organization_page_leads_to_its_members_ratings_documents_congress_meetings_and_inspection(tree, login):
    c = build_congress(tree)
    issuer = documents.issuer(tree.province)
    documents.document(tree.admin, issuer, "02-NQ/TU", title="Nghị quyết về chuyển đổi số", status="ban_hanh")
    rate(tree.a1_members[0], 2025, "httnv")
    client = login(tree.admin)
    links = _org_links(client.get(tree.province.get_absolute_url()).content.decode())
    assert links["Đảng viên"] == f"{reverse('members:list')}?org={tree.province.pk}"
    assert links["Xếp loại năm 2025"] == reverse("ratings:dashboard", args=[tree.province.pk, 2025])
    assert links["Văn bản"] == f"{reverse('documents:index')}?co_quan={issuer.pk}"
    assert links["Sinh hoạt chi bộ"] == f"{reverse('meetings:index')}?to_chuc={tree.province.pk}"
    assert links["Kiểm tra, kỷ luật"] == f"{reverse('inspection:index')}?org={tree.province.pk}"
    assert links["Kết nạp đảng viên"] == reverse("admission:board", args=[tree.province.pk])
    assert links[c.congress.title] == c.congress.get_absolute_url()
    for url in links.values():
        assert answers(client, url) == 200, url
    # The lists open on this organization.
    assert "Nghị quyết về chuyển đổi số" in client.get(links["Văn bản"]).content.decode()
    commune_members = client.get(_org_links(client.get(tree.commune_b.get_absolute_url()).content.decode())["Đảng viên"])
    assert "Lê Quang Huy" in commune_members.content.decode()
    assert "Nguyễn Văn An" not in commune_members.content.decode()


def test_a_member_on_their_cell_page_gets_only_their_own_links(tree, login):
    client = login(tree.member_user)
    links = _org_links(client.get(tree.cell_a1.get_absolute_url()).content.decode())
    assert set(links) == {"Lịch sinh hoạt của tôi"}
    for url in links.values():
        assert answers(client, url) == 200


def test_member_page_shows_rating_history_events_and_discipline_to_whom_they_belong(tree, login):
    an = tree.a1_members[0]
    rate(an, 2024, "httnv")
    rate(an, 2025, "htxsnv")
    MemberEvent.objects.create(member=an, kind=EventKind.ADMITTED, date=an.admission_date)
    discipline_member(an, date(2025, 3, 10), number="12-QĐ/UBKT")
    client = login(tree.leader_province)
    page = client.get(an.get_absolute_url()).content.decode()
    ratings = re.search(r'<table class="data" id="ratings">(.*?)</table>', page, re.S).group(1)
    assert ratings.index("2025") < ratings.index("2024")
    assert reverse("ratings:dashboard", args=[tree.cell_a1.pk, 2024]) in ratings
    assert 'id="discipline"' in page and "12-QĐ/UBKT" in page
    history = re.search(r'<table class="data" id="history">(.*?)</table>', page, re.S).group(1)
    assert "Kết nạp" in history and "Kỷ luật" in history
    # The member sees their own ratings and history, not the dashboards nor the decision files.
    client = login(tree.member_user)
    page = client.get(an.get_absolute_url()).content.decode()
    ratings = re.search(r'<table class="data" id="ratings">(.*?)</table>', page, re.S).group(1)
    assert "Hoàn thành xuất sắc nhiệm vụ" in ratings and reverse("ratings:index") not in ratings
    assert 'id="discipline"' not in page
    assert "Kết nạp" in page
