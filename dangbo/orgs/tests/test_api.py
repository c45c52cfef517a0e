"""Organization API: every endpoint, every role, with Bearer tokens (200 / 403 / 404)."""
import pytest

from dangbo.access.models import ApiToken

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]
ALL = set(ROLES)


def api_get(client, tree, role, url, **params):
    _, raw = ApiToken.issue(getattr(tree, role), name="test")
    return client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {raw}")


# (name, url builder) -> {role: status}; roles not listed answer 404.
ENDPOINTS = {
    "roots": (lambda t: ("/api/v1/orgs/", {}), {r: 200 for r in ROLES}),
    "children_of_grassroots_a": (lambda t: ("/api/v1/orgs/", {"parent": t.grassroots_a.pk}),
                                 {"admin": 200, "staff_a": 200, "leader_province": 200}),
    "detail_own_cell": (lambda t: (f"/api/v1/orgs/{t.cell_a1.pk}", {}), {r: 200 for r in ROLES}),
    "detail_other_commune": (lambda t: (f"/api/v1/orgs/{t.cell_b1.pk}", {}), {"admin": 200, "leader_province": 200}),
    "counts_own_cell": (lambda t: (f"/api/v1/orgs/{t.cell_a1.pk}/member-counts", {}),
                        {"admin": 200, "staff_a": 200, "leader_province": 200, "secretary_a1": 200, "member_user": 403}),
    "counts_other_commune": (lambda t: (f"/api/v1/orgs/{t.commune_b.pk}/member-counts", {}),
                             {"admin": 200, "leader_province": 200}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_org_endpoints_answer_by_role_and_scope(tree, client, role, endpoint):
    build, expected = ENDPOINTS[endpoint]
    url, params = build(tree)
    response = api_get(client, tree, role, url, **params)
    assert response.status_code == expected.get(role, 404), response.content


def test_roots_are_the_top_of_each_visible_subtree(tree, client):
    assert [o["name"] for o in api_get(client, tree, "admin", "/api/v1/orgs/").json()] == ["Đảng bộ tỉnh Lai Châu"]
    assert [o["id"] for o in api_get(client, tree, "staff_a", "/api/v1/orgs/").json()] == [tree.commune_a.pk]
    member_view = api_get(client, tree, "member_user", "/api/v1/orgs/").json()
    assert [o["id"] for o in member_view] == [tree.cell_a1.pk] and member_view[0]["member_counts"] is None


def test_children_carry_subtree_member_counts(tree, client):
    body = api_get(client, tree, "leader_province", "/api/v1/orgs/", parent=tree.province.pk).json()
    counts = {o["name"]: o["member_counts"]["active"] for o in body}
    assert counts == {"Đảng bộ xã Bình Lư": 7, "Đảng bộ phường Tân Phong": 2}
    assert all(o["has_children"] for o in body)
    total = api_get(client, tree, "admin", f"/api/v1/orgs/{tree.province.pk}/member-counts").json()
    assert total == {"active": 9, "official": 8, "probationary": 1}


def test_detail_lists_only_visible_ancestors(tree, client):
    body = api_get(client, tree, "staff_a", f"/api/v1/orgs/{tree.cell_a1.pk}").json()
    assert [a["id"] for a in body["ancestors"]] == [tree.commune_a.pk, tree.grassroots_a.pk]
    assert body["kind_label"] == "Chi bộ trực thuộc"


def test_requests_without_a_valid_token_are_refused(tree, client):
    assert client.get("/api/v1/orgs/").status_code == 401
    assert client.get("/api/v1/orgs/", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
