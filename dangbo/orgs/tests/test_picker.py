"""The organization picker: what the type-ahead offers (scope, kinds, full path, accents) and
what a form accepts through it, with and without JavaScript."""
from datetime import date

import pytest
from django.urls import reverse

from dangbo.core.testing import make_org, valid_citizen_id
from dangbo.members.models import Member
from dangbo.orgs import picker
from dangbo.orgs.models import Organization, OrgKind
from dangbo.orgs.widgets import MEMBER_KINDS

CELLS = ",".join(MEMBER_KINDS)


def offered(client, text, **params):
    response = client.get(reverse("orgs:pick"), {"name": "organization", "organization_q": text, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_typing_without_accents_finds_the_organization(tree, login):
    page = offered(login(tree.admin), "binh lu")
    assert "Đảng bộ xã Bình Lư" in page and "Đảng bộ Trường THPT Bình Lư" in page
    assert "Tân Phong" not in page
    assert "Đảng bộ xã Bình Lư" in offered(login(tree.admin), "BÌNH  LƯ")
    assert "Chi bộ thôn Nà Tăm" in offered(login(tree.admin), "thon na")
    assert "Nà Tăm" not in offered(login(tree.admin), "am")  # words are matched from their start


def test_each_match_shows_its_full_path(tree, login):
    page = offered(login(tree.admin), "giao vien 1")
    assert ("Chi bộ Giáo viên 1</span><span class=\"orgpicker-path\"> — Đảng bộ Trường THPT Bình Lư"
            " — Đảng bộ xã Bình Lư — Đảng bộ tỉnh Lai Châu") in page
    assert picker.full_paths([tree.cell_a1])[tree.cell_a1.pk] == (
        "Chi bộ Giáo viên 1 — Đảng bộ Trường THPT Bình Lư — Đảng bộ xã Bình Lư — Đảng bộ tỉnh Lai Châu")


def test_organizations_outside_the_scope_never_appear(tree, login):
    client = login(tree.staff_a)  # the commune of Bình Lư only
    page = offered(client, "chi bo")
    assert "Chi bộ Giáo viên 1" in page and "Chi bộ thôn Nà Tăm" in page
    assert "khu phố 3" not in page
    assert "Tân Phong" not in offered(client, "tan phong")
    assert "Lai Châu" not in offered(client, "lai chau")  # the province above is not offered itself
    secretary = login(tree.secretary_a1)
    page = offered(secretary, "chi bo giao vien")
    assert "Giáo viên 1" in page and "Giáo viên 2" not in page


def test_a_subtree_outside_the_scope_answers_404(tree, login):
    response = login(tree.staff_a).get(reverse("orgs:pick"), {"organization_q": "chi", "name": "organization",
                                                              "within": tree.commune_b.pk})
    assert response.status_code == 404


def test_only_the_kinds_the_field_allows_are_offered(tree, login):
    client = login(tree.admin)
    assert "Chi bộ khu phố 3" in offered(client, "chi bo", kinds=CELLS)
    page = offered(client, "binh lu", kinds=CELLS)  # a member is never placed in a đảng bộ
    assert "Đảng bộ xã Bình Lư" not in page and "Không tìm thấy" in page
    assert "Đảng bộ tỉnh Lai Châu" not in offered(client, "lai chau", kinds=CELLS)
    assert "Đảng bộ tỉnh Lai Châu" in offered(client, "lai chau")


def test_read_only_roles_are_offered_nothing_to_change(tree, login):
    assert "Chi bộ" not in offered(login(tree.leader_province), "chi bo", write="1")
    assert "Chi bộ khu phố 3" in offered(login(tree.leader_province), "chi bo")


def test_dissolved_organizations_are_not_offered(tree, login):
    Organization.objects.filter(pk=tree.cell_a2.pk).update(dissolved=date(2025, 7, 1))
    page = offered(login(tree.admin), "giao vien")
    assert "Giáo viên 1" in page and "Giáo viên 2" not in page


def test_results_are_limited_and_in_vietnamese_order(tree, login):
    for name in ("Chi bộ Bản Bo", "Chi bộ Bum Tở", "Chi bộ Bình Lư", "Chi bộ Bum Nưa"):
        make_org(name, OrgKind.CELL, tree.commune_b)
    found = [o.name for o in picker.search(Organization.objects.filter(parent=tree.commune_b), "chi bo b")]
    assert found == ["Chi bộ Bản Bo", "Chi bộ Bình Lư", "Chi bộ Bum Nưa", "Chi bộ Bum Tở", "Chi bộ khu phố 3"]
    for number in range(picker.LIMIT + 5):
        make_org(f"Chi bộ số {number}", OrgKind.CELL, tree.commune_b)
    page = offered(login(tree.admin), "chi bo so")
    assert page.count('type="radio"') == picker.LIMIT
    assert "gõ thêm chữ" in page


def test_one_query_for_the_paths_whatever_the_number_of_results(tree, login, django_assert_max_num_queries):
    client = login(tree.admin)
    for number in range(25):
        make_org(f"Chi bộ số {number}", OrgKind.CELL, tree.cell_b1.parent)
    client.get(reverse("orgs:pick"), {"q": "chi"})  # warm the session and scope
    with django_assert_max_num_queries(8):
        page = offered(client, "chi bo")
    assert page.count('type="radio"') == picker.LIMIT


def test_anonymous_visitor_is_sent_to_login(client, tree):
    response = client.get(reverse("orgs:pick"), {"q": "chi"})
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


# -- forms through the picker -------------------------------------------------------------------

def member_form(**organization):
    return {"full_name": "Lò Thị Mai", "birth_date": "12/03/1990", "gender": "nu", "ethnicity": "Thái",
            "citizen_id": valid_citizen_id(date(1990, 3, 12), "nu"), "admission_date": "02/09/2015",
            "official_date": "02/09/2016", "status": "chinh_thuc", **organization}


def test_member_is_added_to_the_cell_ticked_in_the_picker(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("members:create"),
                           member_form(organization=tree.cell_a2.pk, organization_q="giao vien"))
    assert response.status_code == 302
    assert Member.objects.get(full_name="Lò Thị Mai").organization == tree.cell_a2


def test_without_javascript_one_typed_match_is_taken(tree, login):
    response = login(tree.staff_a).post(reverse("members:create"), member_form(organization_q="thon na tam"))
    assert response.status_code == 302
    assert Member.objects.get(full_name="Lò Thị Mai").organization == tree.village_cell


def test_without_javascript_several_matches_are_offered_to_tick(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("members:create"), member_form(organization_q="giao vien"))
    page = response.content.decode()
    assert response.status_code == 200 and not Member.objects.filter(full_name="Lò Thị Mai").exists()
    assert "Có 2 tổ chức khớp" in page
    assert f'name="organization" value="{tree.cell_a1.pk}"' in page
    assert f'name="organization" value="{tree.cell_a2.pk}"' in page
    response = client.post(reverse("members:create"),
                           member_form(organization_q="giao vien", organization=tree.cell_a1.pk))
    assert response.status_code == 302
    assert Member.objects.get(full_name="Lò Thị Mai").organization == tree.cell_a1


@pytest.mark.parametrize("where", ["commune_a", "province", "cell_b1"])
def test_member_cannot_be_placed_outside_a_cell_or_outside_the_scope(tree, login, where):
    response = login(tree.staff_a).post(reverse("members:create"),
                                        member_form(organization=getattr(tree, where).pk))
    assert response.status_code == 200
    assert "không có trong danh sách được phép" in response.content.decode()
    assert not Member.objects.filter(full_name="Lò Thị Mai").exists()


def test_admin_cannot_place_a_member_in_the_provincial_organization_by_typing(tree, login):
    response = login(tree.admin).post(reverse("members:create"), member_form(organization_q="tinh lai chau"))
    assert response.status_code == 200 and "Không tìm thấy tổ chức nào khớp" in response.content.decode()


def test_edit_form_shows_the_current_choice_with_its_path(tree, login):
    page = login(tree.staff_a).get(reverse("members:transfer", args=[tree.a1_members[0].pk])).content.decode()
    assert 'name="to_organization_q"' in page and 'hx-get="/to-chuc/chon/?name=to_organization' in page
    page = login(tree.staff_a).get(reverse("members:create"), {"org": tree.cell_a1.pk}).content.decode()
    assert "checked" in page and "Chi bộ Giáo viên 1</span><span class=\"orgpicker-path\"> — Đảng bộ Trường" in page
