"""Member API: every endpoint, every role, with Bearer tokens (200 / 403 / 404 / 422)."""
import json
from io import StringIO

import pytest
from django.core.management import call_command

from dangbo.access.models import ApiToken
from dangbo.members.models import EventKind, Member

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]


def call(client, tree, role, method, url, body=None, **params):
    _, raw = ApiToken.issue(getattr(tree, role), name="test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if method == "get":
        return client.get(url, params, **headers)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json", **headers)


def new_member(org_id):
    return {"full_name": "Mùa A Páo", "birth_date": "1990-04-01", "gender": "nam", "admission_date": "2015-05-19",
            "official_date": "2016-05-19", "organization_id": org_id, "status": "chinh_thuc",
            "citizen_id": "012090000123", "ethnicity": "Mông"}


# name -> (method, url builder, body builder, {role: status}); roles not listed answer 404.
ENDPOINTS = {
    "list": ("get", lambda t: "/api/v1/members/", None, {r: 200 for r in ROLES}),
    "list_other_commune": ("get", lambda t: f"/api/v1/members/?org={t.cell_b1.pk}", None,
                           {"admin": 200, "leader_province": 200}),
    "detail_own": ("get", lambda t: f"/api/v1/members/{t.a1_members[0].pk}", None, {r: 200 for r in ROLES}),
    "detail_other_cell": ("get", lambda t: f"/api/v1/members/{t.a2_members[0].pk}", None,
                          {"admin": 200, "staff_a": 200, "leader_province": 200}),
    "detail_other_commune": ("get", lambda t: f"/api/v1/members/{t.b1_members[0].pk}", None,
                             {"admin": 200, "leader_province": 200}),
    "create_in_own_cell": ("post", lambda t: "/api/v1/members/", lambda t: new_member(t.cell_a1.pk),
                           {"admin": 201, "staff_a": 201, "secretary_a1": 201, "leader_province": 403,
                            "member_user": 403}),
    "create_in_other_commune": ("post", lambda t: "/api/v1/members/", lambda t: new_member(t.cell_b1.pk),
                                {"admin": 201, "leader_province": 403}),
    "update_own": ("patch", lambda t: f"/api/v1/members/{t.a1_members[0].pk}", lambda t: {"phone": "0912345678"},
                   {"admin": 200, "staff_a": 200, "secretary_a1": 200, "leader_province": 403, "member_user": 403}),
    "update_other_commune": ("patch", lambda t: f"/api/v1/members/{t.b1_members[0].pk}",
                             lambda t: {"phone": "0912345678"}, {"admin": 200, "leader_province": 403}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_member_endpoints_answer_by_role_and_scope(tree, client, role, endpoint):
    method, url, body, expected = ENDPOINTS[endpoint]
    response = call(client, tree, role, method, url(tree), body(tree) if body else None)
    assert response.status_code == expected.get(role, 404), response.content


def test_list_pages_with_a_cursor_in_vietnamese_name_order(tree, client):
    names, cursor = [], None
    while True:
        params = {"org": tree.commune_a.pk, "limit": 3} | ({"after": cursor} if cursor else {})
        body = call(client, tree, "staff_a", "get", "/api/v1/members/", **params).json()
        names += [m["full_name"] for m in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến", "Vàng Thị Dợ", "Phạm Minh Đức",
                     "Hoàng Thị Én", "Tẩn Láo Sử"]


def test_list_uses_the_page_filters(tree, client):
    body = call(client, tree, "admin", "get", "/api/v1/members/", gender="nu", q="thi").json()
    assert [m["full_name"] for m in body["items"]] == ["Trần Thị Bình", "Vàng Thị Dợ", "Hoàng Thị Én"]
    assert body["items"][0]["status_label"] == "Chính thức"
    assert body["items"][0]["organization_name"] == "Chi bộ Giáo viên 1"


def test_detail_includes_history(tree, client):
    member = tree.a1_members[0]
    member.events.create(kind=EventKind.ADMITTED, date=member.admission_date, to_organization=tree.cell_a1)
    body = call(client, tree, "secretary_a1", "get", f"/api/v1/members/{member.pk}").json()
    assert body["citizen_id"] == member.citizen_id
    assert [(e["kind"], e["kind_label"]) for e in body["events"]] == [("ket_nap", "Kết nạp")]


def test_create_writes_member_history_and_audit(tree, client):
    response = call(client, tree, "secretary_a1", "post", "/api/v1/members/", new_member(tree.cell_a1.pk))
    assert response.status_code == 201
    member = Member.objects.get(pk=response.json()["id"])
    assert member.full_name == "Mùa A Páo" and member.organization == tree.cell_a1
    assert [e["kind"] for e in response.json()["events"]] == ["ket_nap", "chinh_thuc"]


def test_broken_rules_answer_422_with_vietnamese_messages(tree, client):
    data = new_member(tree.cell_a1.pk) | {"admission_date": "2005-01-01", "official_date": "2006-01-01"}
    response = call(client, tree, "staff_a", "post", "/api/v1/members/", data)
    assert response.status_code == 422
    assert "18 tuổi" in response.json()["detail"]["admission_date"][0]
    taken = new_member(tree.cell_a1.pk) | {"citizen_id": tree.a2_members[0].citizen_id}
    response = call(client, tree, "staff_a", "post", "/api/v1/members/", taken)
    assert response.status_code == 422 and "đã có trong hệ thống" in response.json()["detail"]["citizen_id"][0]
    response = call(client, tree, "staff_a", "patch", f"/api/v1/members/{tree.a1_members[0].pk}", {"phone": "12"})
    assert response.status_code == 422 and "phone" in response.json()["detail"]


def test_update_changes_only_the_sent_fields(tree, client):
    member = tree.a1_members[1]
    response = call(client, tree, "staff_a", "patch", f"/api/v1/members/{member.pk}", {"occupation": "Hiệu trưởng"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.occupation == "Hiệu trưởng" and member.full_name == "Trần Thị Bình"


def test_token_command_prints_a_working_token(tree, client):
    out = StringIO()
    call_command("token", tree.leader_province.username, "--name", "báo cáo", stdout=out, stderr=StringIO())
    raw = out.getvalue().strip()
    assert ApiToken.objects.get(user=tree.leader_province, name="báo cáo").key_hash != raw
    response = client.get("/api/v1/members/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200 and len(response.json()["items"]) == 9


def test_openapi_document_lists_the_endpoints(tree, login):
    # Like the docs page, the OpenAPI document is for signed-in users only.
    response = login(tree.leader_province).get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/v1/orgs/", "/api/v1/orgs/{org_id}", "/api/v1/orgs/{org_id}/member-counts",
                 "/api/v1/members/", "/api/v1/members/{member_id}"):
        assert path in paths
    assert set(paths["/api/v1/members/"]) == {"get", "post"}
    assert set(paths["/api/v1/members/{member_id}"]) == {"get", "patch"}
