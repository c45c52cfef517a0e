"""The organization filter of every list: the chosen organization's subtree only, through the
user's scope, by id (links) or by letters typed in the picker (no JavaScript needed)."""
from datetime import date

import pytest
from django.urls import reverse

from dangbo.documents.tests.factories import document, issuer
from dangbo.meetings import services as meeting_services
from dangbo.meetings.models import Kind
from dangbo.ratings.tests.factories import known_ratings, open_period


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_member_list_filters_by_typed_letters_or_by_id(tree, login):
    client = login(tree.staff_a)
    shown = page(client, reverse("members:list"), org_q="giao vien 1")
    assert "Nguyễn Văn An" in shown and "Phạm Minh Đức" not in shown and "Tẩn Láo Sử" not in shown
    shown = page(client, reverse("members:list"), org=tree.grassroots_a.pk)  # a subtree: both cells
    assert "Nguyễn Văn An" in shown and "Phạm Minh Đức" in shown and "Tẩn Láo Sử" not in shown
    assert f'value="{tree.grassroots_a.pk}" checked' in shown  # the picker shows the choice


def test_member_list_offers_the_matches_when_letters_fit_several(tree, login):
    shown = page(login(tree.staff_a), reverse("members:list"), org_q="giao vien")
    assert "Có 2 tổ chức khớp" in shown
    assert f'name="org" value="{tree.cell_a1.pk}"' in shown and f'name="org" value="{tree.cell_a2.pk}"' in shown


def test_member_list_filter_outside_the_scope(tree, login):
    client = login(tree.staff_a)
    assert client.get(reverse("members:list"), {"org": tree.cell_b1.pk}).status_code == 404
    shown = page(client, reverse("members:list"), org_q="khu pho 3")
    assert "Không tìm thấy tổ chức nào khớp" in shown and "Lê Quang Huy" not in shown


def test_document_register_filters_by_issuing_organization(tree, login):
    document(tree.admin, issuer(tree.province, code="TU"), "01-NQ/TU", title="Nghị quyết của tỉnh")
    document(tree.admin, issuer(tree.commune_a, code="ĐU"), "02-NQ/ĐU", title="Nghị quyết của xã Bình Lư")
    document(tree.admin, issuer(tree.commune_b, code="ĐU", name="Ban Thường vụ phường"), "03-NQ/ĐU",
             title="Nghị quyết của phường Tân Phong")
    client = login(tree.admin)
    shown = page(client, reverse("documents:index"), to_chuc_q="xa binh lu")
    assert "Nghị quyết của xã Bình Lư" in shown
    assert "phường Tân Phong" not in shown and "Nghị quyết của tỉnh" not in shown
    shown = page(client, reverse("documents:index"), to_chuc=tree.province.pk)
    assert "Nghị quyết của tỉnh" in shown and "phường Tân Phong" in shown


def test_meeting_lists_filter_by_organization(tree, login):
    meeting_services.plan_meeting(tree.admin, tree.cell_a1, date=date(2026, 12, 5), kind=Kind.REGULAR,
                                  place="Phòng họp A1")
    meeting_services.plan_meeting(tree.admin, tree.cell_b1, date=date(2026, 12, 6), kind=Kind.REGULAR)
    meeting_services.create_conference(tree.admin, tree.commune_b, title="Hội nghị phường B",
                                       date=date(2026, 6, 1), points=[{"place": "Phường B", "expected": 10}])
    client = login(tree.leader_province)
    shown = page(client, reverse("meetings:index"), to_chuc_q="binh lu")  # 2 matches: the commune and the school
    assert "Có 2 tổ chức khớp" in shown
    shown = page(client, reverse("meetings:index"), to_chuc_q="xa binh lu")
    assert "Chi bộ Giáo viên 1" in shown and "Chi bộ khu phố 3" not in shown
    assert "Hội nghị phường B" not in page(client, reverse("meetings:conferences"), to_chuc=tree.commune_a.pk)
    assert "Hội nghị phường B" in page(client, reverse("meetings:conferences"), to_chuc_q="tan phong")


def test_rating_lists_open_the_chosen_organization(tree, login):
    known_ratings(tree)
    open_period(tree.province, 2025)
    client = login(tree.leader_province)
    url = reverse("ratings:member_list", args=[tree.province.pk, 2025])
    response = client.get(url, {"level": "httnv", "to_chuc_q": "giao vien 2"})
    assert response.status_code == 302
    assert response["Location"] == reverse("ratings:member_list", args=[tree.cell_a2.pk, 2025]) + "?level=httnv"
    shown = page(client, response["Location"])
    assert "Phạm Minh Đức" in shown and "Tẩn Láo Sử" not in shown
    response = login(tree.staff_a).get(reverse("ratings:unit_list", args=[tree.commune_a.pk, 2025]),
                                       {"to_chuc": tree.commune_b.pk})
    assert response.status_code == 404


def test_inspection_lists_open_the_typed_organization(tree, login):
    client = login(tree.leader_province)
    shown = page(client, reverse("inspection:decisions"), org_q="tan phong")
    assert "Kiểm tra, kỷ luật — Đảng bộ phường Tân Phong" in shown
    assert login(tree.staff_a).get(reverse("inspection:plans"), {"org": tree.commune_b.pk}).status_code == 404


def test_ingest_and_congress_lists_have_the_filter(tree, login):
    client = login(tree.admin)
    for name in ("ingest:index", "congress:index"):
        shown = page(client, reverse(name), to_chuc_q="khu pho")
        assert 'name="to_chuc"' in shown and "Chi bộ khu phố 3" in shown


@pytest.mark.parametrize("url_name", ["members:list", "documents:index", "meetings:index", "congress:index",
                                      "ingest:index", "meetings:conferences"])
def test_an_organization_id_outside_the_scope_answers_404(tree, login, url_name):
    param = "org" if url_name == "members:list" else "to_chuc"
    assert login(tree.staff_a).get(reverse(url_name), {param: tree.cell_b1.pk}).status_code == 404


def test_admission_board_filters_a_unit_of_its_subtree(tree, login):
    from dangbo.admission.tests.factories import new_candidate

    new_candidate(tree, org=tree.cell_a1, full_name="Lường Văn Một", citizen_id="")
    new_candidate(tree, org=tree.village_cell, full_name="Lò Thị Hai", citizen_id="")
    client = login(tree.staff_a)
    board = reverse("admission:board", args=[tree.commune_a.pk])
    shown = page(client, board, don_vi_q="thon na tam")
    assert "Lò Thị Hai" in shown and "Lường Văn Một" not in shown
    assert client.get(board, {"don_vi": tree.cell_b1.pk}).status_code == 404
    assert "Chi bộ khu phố 3" not in page(login(tree.admin), board, don_vi_q="khu pho")  # outside the board's subtree
