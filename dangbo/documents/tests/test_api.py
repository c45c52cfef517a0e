"""The documents API follows the pages' scope rule: 404 outside, 403 read-only, 422 bad input."""
from datetime import date

import pytest

from dangbo.documents import services
from dangbo.documents.tests.factories import document, issuer
from dangbo.documents.tests.test_views_scope import ROLES, VISIBLE, WRITABLE, docs  # noqa: F401

API = "/api/v1/documents"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", list(VISIBLE))
def test_read_endpoints_answer_404_outside_the_scope(tree, docs, login, role, key):  # noqa: F811
    client = login(getattr(tree, role))
    pk = docs[key].pk
    for url in (f"{API}/{pk}", f"{API}/{pk}/links", f"{API}/{pk}/scorecard", f"{API}/{pk}/implementation",
                f"{API}/targets/{docs[key + '_target'].pk}"):
        assert client.get(url).status_code == (200 if role in VISIBLE[key] else 404), (url, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", list(VISIBLE))
def test_write_endpoints_need_write_rights(tree, docs, login, role, key):  # noqa: F811
    client = login(getattr(tree, role))
    expected = 201 if role in WRITABLE[key] else (403 if role in VISIBLE[key] else 404)
    response = client.post(f"{API}/{docs[key].pk}/targets", {"wording": "Chỉ tiêu API", "target_value": "80"},
                           content_type="application/json")
    assert response.status_code == expected, (role, key, response.content)
    response = client.post(f"{API}/targets/{docs[key + '_target'].pk}/progress",
                           {"period_end": "2021-12-31", "value": "88"}, content_type="application/json")
    assert response.status_code == expected, (role, key, response.content)
    response = client.post(f"{API}/{docs[key].pk}/links", {"target_id": docs["province"].pk, "kind": "thuc_hien"},
                           content_type="application/json")
    if key == "province":
        assert response.status_code in (403, 404, 422)
    else:
        assert response.status_code == expected, (role, key, response.content)


def test_list_is_scoped_and_searchable(tree, docs, login):  # noqa: F811
    client = login(tree.member_user)
    numbers = {d["number"] for d in client.get(f"{API}/").json()}
    assert numbers == {"03-NQ/TU", "05-CT/TW"}
    found = login(tree.admin).get(f"{API}/", {"q": "chi thi 05"}).json()
    assert [d["display_number"] for d in found] == ["Số 05-CT/TW"]


def test_create_through_the_api(tree, docs, login):  # noqa: F811
    own = docs["cell_a2"].issuer
    client = login(tree.staff_a)
    response = client.post(f"{API}/", {"issuer_id": own.pk, "doc_type": "nghi_quyet", "issued_on": "2021-05-02",
                                       "title": "Nghị quyết chuyên đề", "number": "2-nq/cb"},
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["number"] == "02-NQ/CB"
    response = client.post(f"{API}/", {"issuer_id": own.pk, "doc_type": "nghi_quyet", "issued_on": "2021-05-02",
                                       "title": "Trùng số", "number": "02-NQ/CB"}, content_type="application/json")
    assert response.status_code == 422 and "đã được dùng" in response.json()["detail"]["number"][0]
    other = docs["commune_b"].issuer
    response = client.post(f"{API}/", {"issuer_id": other.pk, "doc_type": "nghi_quyet", "issued_on": "2021-05-02",
                                       "title": "x", "number": "09-NQ/ĐU"}, content_type="application/json")
    assert response.status_code == 404
    response = login(tree.leader_province).post(
        f"{API}/", {"issuer_id": other.pk, "doc_type": "nghi_quyet", "issued_on": "2021-05-02", "title": "x",
                    "number": "09-NQ/ĐU"}, content_type="application/json")
    assert response.status_code == 403


def test_scorecard_and_implementation_endpoints(tree, docs, login):  # noqa: F811
    services.add_progress(tree.admin, docs["province_target"], period_end=date(2021, 12, 31), value=92)
    plan = document(tree.admin, issuer(tree.commune_a, "ĐU"), "05-KH/ĐU", doc_type="ke_hoach",
                    issued_on=date(2021, 4, 5))
    services.add_link(tree.admin, source=plan, target=docs["province"], kind="thuc_hien")
    client = login(tree.leader_province)
    card = client.get(f"{API}/{docs['province'].pk}/scorecard").json()
    assert card["headline"] == "đạt và vượt 1/1 chỉ tiêu" and card["targets"][0]["status"] == "dat"
    track = client.get(f"{API}/{docs['province'].pk}/implementation").json()
    assert (track["issued"], track["pending"]) == (1, 1)
    states = {row["name"]: row["state"] for row in track["organizations"]}
    assert states["Đảng bộ xã Bình Lư"] == "tre_han"


def test_number_check_endpoint(tree, login):
    client = login(tree.member_user)
    ok = client.get(f"{API}/numbers/parse", {"text": "số 2 – nq / duk"}).json()
    assert ok == {"valid": True, "number": "02-NQ/ĐUK", "display": "Số 02-NQ/ĐUK", "sequence": 2,
                  "type_code": "NQ", "type_name": "Nghị quyết", "issuers": ["ĐUK"]}
    assert client.get(f"{API}/numbers/parse", {"text": "02/2020/NĐ-CP"}).json()["valid"] is False


def test_api_needs_login(client, db):
    assert client.get(f"{API}/").status_code == 401
