"""For every member and organization page: each role sees what it should, 404 outside its scope."""
import pytest
from django.urls import reverse

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]

# (url name, object attribute on the tree) -> roles that may open it (others get 404)
READ_PAGES = {
    ("members:detail", "own_member"): {"admin", "staff_a", "leader_province", "secretary_a1", "member_user"},
    ("members:detail", "other_cell_member"): {"admin", "staff_a", "leader_province"},
    ("members:detail", "other_commune_member"): {"admin", "leader_province"},
    ("orgs:detail", "cell_a1"): {"admin", "staff_a", "leader_province", "secretary_a1", "member_user"},
    ("orgs:detail", "cell_a2"): {"admin", "staff_a", "leader_province"},
    ("orgs:detail", "cell_b1"): {"admin", "leader_province"},
    ("orgs:children", "grassroots_a"): {"admin", "staff_a", "leader_province"},
}
WRITE_PAGES = {
    ("members:edit", "own_member"): {"admin", "staff_a", "secretary_a1"},
    ("members:transfer", "other_cell_member"): {"admin", "staff_a"},
    ("orgs:edit", "cell_a2"): {"admin", "staff_a"},
    ("orgs:create_child", "grassroots_a"): {"admin", "staff_a"},
}


def target(tree, name):
    return {
        "own_member": tree.a1_members[0],
        "other_cell_member": tree.a2_members[0],
        "other_commune_member": tree.b1_members[0],
    }.get(name) or getattr(tree, name)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(READ_PAGES))
def test_read_pages_answer_404_outside_the_scope(tree, login, role, page):
    url_name, obj_name = page
    client = login(getattr(tree, role))
    response = client.get(reverse(url_name, args=[target(tree, obj_name).pk]))
    assert response.status_code == (200 if role in READ_PAGES[page] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(WRITE_PAGES))
def test_write_pages_need_write_rights_in_scope(tree, login, role, page):
    url_name, obj_name = page
    obj = target(tree, obj_name)
    client = login(getattr(tree, role))
    response = client.get(reverse(url_name, args=[obj.pk]))
    if role in WRITE_PAGES[page]:
        assert response.status_code == 200
    else:
        # Visible but read-only -> 403; not visible at all -> 404.
        assert response.status_code in (403, 404)
        can_see = client.get(obj.get_absolute_url()).status_code == 200
        assert response.status_code == (403 if can_see else 404)


def test_member_list_shows_only_members_in_scope(tree, login):
    page = login(tree.staff_a).get(reverse("members:list")).content.decode()
    assert "Nguyễn Văn An" in page and "Tẩn Láo Sử" in page
    assert "Lê Quang Huy" not in page
    assert "7 đảng viên" in page


def test_member_list_filter_by_org_outside_scope_is_404(tree, login):
    response = login(tree.secretary_a1).get(reverse("members:list"), {"org": tree.cell_b1.pk})
    assert response.status_code == 404


def test_member_sees_no_roster_on_own_cell_page(tree, login):
    page = login(tree.member_user).get(reverse("orgs:detail", args=[tree.cell_a1.pk])).content.decode()
    assert "Chi bộ Giáo viên 1" in page
    assert "Trần Thị Bình" not in page


def test_lifecycle_post_outside_scope_is_404(tree, login):
    url = reverse("members:lifecycle", args=[tree.b1_members[0].pk])
    response = login(tree.staff_a).post(url, {"action": "tu_tran", "date": "01/02/2026"})
    assert response.status_code == 404


def test_tree_page_counts_members_per_node(tree, login):
    page = login(tree.admin).get(reverse("orgs:tree")).content.decode()
    assert "Đảng bộ tỉnh Lai Châu" in page and "9 đảng viên" in page
    children = login(tree.admin).get(reverse("orgs:children", args=[tree.province.pk])).content.decode()
    assert "Đảng bộ xã Bình Lư" in children and "7 đảng viên" in children


def test_home_and_audit_log_render_in_vietnamese(tree, login):
    client = login(tree.staff_a)
    assert "Công tác xây dựng Đảng" in client.get(reverse("home")).content.decode()
    assert "Nhật ký thay đổi" in client.get(reverse("audit_log")).content.decode()


def test_anonymous_user_is_sent_to_login(client, tree):
    response = client.get(reverse("members:list"))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
