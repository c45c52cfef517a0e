"""Every congress page and API endpoint: who sees it, 404 outside the scope, 403 for read-only roles.

The round is sent by the province to commune_a, commune_b and cell_a1: staff_a (commune_a)
and the cell's secretary and member see the round and their own units' comments only; the
drafting team (province staff) and the province leader see everything.
"""
import pytest
from django.urls import reverse

from dangbo.congress import services
from dangbo.congress.models import CommentKind
from dangbo.congress.tests.factories import build_congress, close_with_votes

ROLES = ["admin", "staff_province", "staff_a", "leader_province", "secretary_a1", "member_user"]
CONGRESS_READERS = {"admin", "staff_province", "leader_province"}
ROUND_READERS = CONGRESS_READERS | {"staff_a", "secretary_a1", "member_user"}
DRAFTING = {"admin", "staff_province"}


@pytest.fixture
def world(tree):
    congress = build_congress(tree)
    services.group_comments(congress.staff_province, congress.round)
    close_with_votes(congress.staff_province, congress.election_round,
                     {"Nguyễn Văn An": 10, "Trần Thị Bình": 9, "Lò Văn Chiến": 9, "Phạm Minh Đức": 8,
                      "Hoàng Thị Én": 6, "Lê Quang Huy": 5}, valid=10)
    return tree, congress


def pages(c):
    """url -> roles that may open it."""
    return {
        reverse("congress:index"): set(ROLES),
        reverse("congress:detail", args=[c.congress.pk]): CONGRESS_READERS,
        reverse("congress:version", args=[c.v1.pk]): CONGRESS_READERS,
        reverse("congress:round", args=[c.round.pk]): ROUND_READERS,
        reverse("congress:synthesis", args=[c.round.pk]): CONGRESS_READERS,
        reverse("congress:synthesis_report", args=[c.round.pk, "docx"]): CONGRESS_READERS,
        reverse("congress:election", args=[c.election.pk]): CONGRESS_READERS,
        reverse("congress:election_round", args=[c.election_round.pk]): CONGRESS_READERS,
        reverse("congress:minutes_report", args=[c.election_round.pk, "docx"]): CONGRESS_READERS,
        "/api/v1/congress/": set(ROLES),
        f"/api/v1/congress/{c.congress.pk}": CONGRESS_READERS,
        f"/api/v1/congress/versions/{c.v1.pk}/paragraphs": CONGRESS_READERS,
        f"/api/v1/congress/versions/{c.v1.pk}/diff?against={c.v1.pk}": CONGRESS_READERS,
        "/api/v1/congress/rounds": set(ROLES),
        f"/api/v1/congress/rounds/{c.round.pk}": ROUND_READERS,
        f"/api/v1/congress/rounds/{c.round.pk}/comments": ROUND_READERS,
        f"/api/v1/congress/rounds/{c.round.pk}/synthesis": CONGRESS_READERS,
        f"/api/v1/congress/elections/{c.election.pk}": CONGRESS_READERS,
    }


def write_pages(c):
    return {
        reverse("congress:version_create", args=[c.document.pk]): DRAFTING,
        reverse("congress:round_create", args=[c.v1.pk]): DRAFTING,
        reverse("congress:election_create", args=[c.congress.pk]): DRAFTING,
    }


def user_of(tree, role):
    return getattr(tree, role)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_and_endpoint_answers_404_outside_the_scope(world, login, role):
    tree, congress = world
    client = login(user_of(tree, role))
    for url, allowed in pages(congress).items():
        status = client.get(url).status_code
        assert status == (200 if role in allowed else 404), (url, role, status)


@pytest.mark.parametrize("role", ROLES)
def test_write_pages_need_write_rights_on_the_congress(world, login, role):
    tree, congress = world
    client = login(user_of(tree, role))
    for url, allowed in write_pages(congress).items():
        status = client.get(url).status_code
        expected = 200 if role in allowed else (403 if role in CONGRESS_READERS else 404)
        assert status == expected, (url, role, status)


@pytest.mark.parametrize("role", ROLES)
def test_synthesis_actions_are_for_the_drafting_team_only(world, login, role):
    tree, congress = world
    item = congress.round.items.first()
    client = login(user_of(tree, role))
    url = reverse("congress:synthesis_decide", args=[congress.round.pk, item.pk])
    status = client.post(url, {f"y{item.pk}-decision": "tiep_thu"}).status_code
    expected = 302 if role in DRAFTING else (403 if role in CONGRESS_READERS else 404)
    assert status == expected


def test_unit_sees_only_its_own_comments(world, login):
    tree, congress = world
    page = login(tree.staff_a).get(reverse("congress:round", args=[congress.round.pk])).content.decode()
    assert "Đại biểu phường Tân Phong" not in page and tree.commune_b.name not in page
    assert tree.commune_a.name in page and "712 đảng viên" in page
    api = login(tree.staff_a).get(f"/api/v1/congress/rounds/{congress.round.pk}/comments").json()
    assert {c["organization_name"] for c in api} == {tree.commune_a.name}


def test_drafting_team_sees_every_unit_and_who_has_not_answered(world, login):
    tree, congress = world
    page = login(congress.staff_province).get(reverse("congress:round", args=[congress.round.pk])).content.decode()
    assert "chưa trả lời 2" in page and "Đại biểu phường Tân Phong" in page
    data = login(congress.staff_province).get(f"/api/v1/congress/rounds/{congress.round.pk}").json()
    assert len(data["not_answered"]) == 2


def test_unit_cannot_comment_for_another_unit(world, login):
    tree, congress = world
    response = login(tree.staff_a).post(reverse("congress:comment_create", args=[congress.round.pk]),
                                        {"recipient": congress.rec_b.pk, "kind": "agree"})
    assert response.status_code == 404
    api = login(tree.staff_a).post(f"/api/v1/congress/rounds/{congress.round.pk}/comments",
                                   {"recipient_id": congress.rec_b.pk, "kind": "agree"}, content_type="application/json")
    assert api.status_code == 404


def test_leader_reads_but_cannot_comment(world, login):
    tree, congress = world
    response = login(tree.leader_province).post(reverse("congress:comment_create", args=[congress.round.pk]),
                                                {"recipient": congress.rec_a.pk, "kind": "agree"})
    assert response.status_code == 403


def test_member_comments_for_the_own_cell_through_the_api(world, login):
    tree, congress = world
    response = login(tree.member_user).post(
        f"/api/v1/congress/rounds/{congress.round.pk}/comments",
        {"recipient_id": congress.rec_a1.pk, "kind": "comment", "paragraph_number": 2, "text": "Nêu rõ số liệu."},
        content_type="application/json")
    assert response.status_code == 201
    comment = congress.round.comments.get(pk=response.json()["id"])
    assert comment.author_member == tree.a1_members[0] and not comment.on_behalf
    assert comment.kind == CommentKind.COMMENT and comment.paragraph.number == 2


def test_election_round_page_explains_the_denominator(world, login):
    tree, congress = world
    page = login(tree.leader_province).get(reverse("congress:election_round", args=[congress.election_round.pk])).content.decode()
    assert "Tổng số đại biểu được triệu tập: 11" in page and "ít nhất 6 phiếu" in page
    assert "Trúng cử" in page
