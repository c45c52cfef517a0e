"""Inputs that answered 500, or were stored and broke pages later, now get a clear Vietnamese
refusal: through the API (JSON, the field named), the forms (message beside the field) and
the services every path shares. Runs on SQLite and PostgreSQL alike."""
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangbo.access.models import ApiToken
from dangbo.documents import services as documents
from dangbo.documents.tests.factories import central, document, issuer
from dangbo.members.models import Member

LONG_NAME = "Nguyễn " + "A" * 100_000
TRICKY_NAMES = {
    "NUL": "Nguyễn Văn\x00 An",
    "RTL override": "Nguyễn Văn \u202enA",
    "zero-width space": "Nguyễn\u200b Văn An",
    "bell": "Nguyễn Văn\x07 An",
}


@pytest.fixture
def api(client, tree):
    """api(user, method, url, body=None) -> response; errors are answers, never exceptions."""
    client.raise_request_exception = False

    def call(user, method, url, body=None, raw=None):
        _, token = ApiToken.issue(user, name="test")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        if method == "get":
            return client.get(url, **headers)
        content = raw if raw is not None else json.dumps(body)
        return getattr(client, method)(url, content, content_type="application/json", **headers)

    return call


def field_errors(response, status=422) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()["detail"]


@pytest.fixture
def paper(tree):
    doc = document(tree.admin, issuer(tree.commune_a, code="ĐU"), "01-NQ/ĐU", issued_on=date(2024, 3, 1))
    target = documents.add_target(tree.admin, doc, wording="Kết nạp đảng viên mới", target_value=120,
                                  measure="so_luong", unit="đảng viên")
    return doc, target


# -- query parameters --------------------------------------------------------------------------


def test_negative_offset_is_422_naming_offset(api, tree):
    response = api(tree.admin, "get", f"/api/v1/ratings/members/{tree.province.pk}/2024?offset=-5")
    assert "offset" in field_errors(response)


@pytest.mark.parametrize("url", [
    "/api/v1/documents/?year=-1", "/api/v1/documents/?year=99999999999", "/api/v1/ratings/rollup/{org}/-1",
    "/api/v1/ratings/rollup/{org}/99999", "/api/v1/ratings/organizations/{org}/0",
])
def test_years_out_of_range_are_422_naming_year(api, tree, url):
    errors = field_errors(api(tree.admin, "get", url.format(org=tree.province.pk)))
    assert errors["year"] == ["Phải từ 1930 trở lên."] or errors["year"] == ["Không được quá 2100."]


@pytest.mark.parametrize("query, field", [
    ("limit=99999999999999999999999", "limit"), ("limit=0", "limit"), ("org=99999999999999999999999", "org"),
    ("q=" + "a" * 300, "q"), ("q=An%00h", "q"),
])
def test_member_list_parameters_are_bounded(api, tree, query, field):
    assert field in field_errors(api(tree.admin, "get", f"/api/v1/members/?{query}"))


def test_an_id_beyond_bigint_is_422_not_a_database_error(api, tree):
    assert "member_id" in field_errors(api(tree.admin, "get", "/api/v1/members/99999999999999999999999"))


# -- bodies ------------------------------------------------------------------------------------


def test_a_3_mb_json_body_is_413_in_vietnamese(api, tree):
    body = {"phone": "0" * 3_000_000}
    response = api(tree.admin, "patch", f"/api/v1/members/{tree.a1_members[0].pk}", body)
    assert response.status_code == 413
    assert "quá lớn" in response.json()["detail"]


def test_gender_null_is_422_naming_gender(api, tree):
    member = tree.a1_members[0]
    errors = field_errors(api(tree.admin, "patch", f"/api/v1/members/{member.pk}", {"gender": None}))
    assert errors == {"gender": ["Bắt buộc, chưa có giá trị."]}
    member.refresh_from_db()
    assert member.gender == "nam"


def test_a_100_000_character_name_is_refused_on_every_database(api, tree):
    member = tree.a1_members[0]
    errors = field_errors(api(tree.admin, "patch", f"/api/v1/members/{member.pk}", {"full_name": LONG_NAME}))
    assert "quá giới hạn 120 ký tự" in errors["full_name"][0]
    member.refresh_from_db()
    assert member.full_name == "Nguyễn Văn An"


@pytest.mark.parametrize("kind", list(TRICKY_NAMES))
def test_invisible_or_control_characters_in_a_name_are_422(api, tree, kind):
    member = tree.a1_members[0]
    errors = field_errors(api(tree.admin, "patch", f"/api/v1/members/{member.pk}", {"full_name": TRICKY_NAMES[kind]}))
    assert errors["full_name"][0].startswith("Có ký tự")
    member.refresh_from_db()
    assert member.full_name == "Nguyễn Văn An"


def test_a_broken_surrogate_in_json_is_422(api, tree):
    response = api(tree.admin, "patch", f"/api/v1/members/{tree.a1_members[0].pk}", raw='{"home_town": "A\\ud800"}')
    assert "Unicode hỏng" in field_errors(response)["home_town"][0]


def test_wrong_types_are_422_in_vietnamese_with_the_field(api, tree):
    errors = field_errors(api(tree.admin, "patch", f"/api/v1/members/{tree.a1_members[0].pk}",
                              {"birth_date": "31/02/1990", "gender": "x"}))
    assert errors["birth_date"] == ["Ngày không hợp lệ (dạng yyyy-mm-dd)."]
    assert errors["gender"] == ["Phải là một trong: nam hoặc nu."]


def test_malformed_json_is_400_in_vietnamese(api, tree):
    response = api(tree.admin, "patch", f"/api/v1/members/{tree.a1_members[0].pk}", raw='{"full_name":')
    assert response.status_code == 400 and response.json() == {"detail": "Nội dung gửi lên không phải JSON hợp lệ."}


@pytest.mark.parametrize("value", ["1e30", "NaN", "Infinity"])
def test_a_progress_value_of_1e30_is_refused_and_the_document_still_opens(api, tree, paper, login, value):
    doc, target = paper
    response = api(tree.admin, "post", f"/api/v1/documents/targets/{target.pk}/progress",
                   raw=f'{{"period_end": "2024-12-31", "value": "{value}"}}')
    assert "value" in field_errors(response)
    with pytest.raises(ValidationError) as refused:  # the service refuses it too (forms, imports)
        documents.add_progress(tree.admin, target, period_end=date(2024, 12, 31), value=value)
    assert "value" in refused.value.message_dict
    client = login(tree.admin)
    assert client.get(f"/van-ban/{doc.pk}/").status_code == 200
    assert client.get(f"/api/v1/documents/{doc.pk}/scorecard").status_code == 200
    assert client.get(f"/van-ban/{doc.pk}/chi-tieu.xlsx").status_code == 200


def test_a_khoa_of_ten_billion_is_refused_by_api_and_service(api, tree, paper):
    doc, _ = paper
    body = {"issuer_id": doc.issuer_id, "doc_type": "nghi_quyet", "issued_on": "2024-05-02", "title": "Nghị quyết",
            "number": "02-NQ/ĐU", "khoa": 10**10}
    assert "khoa" in field_errors(api(tree.admin, "post", "/api/v1/documents/", body))
    with pytest.raises(ValidationError) as refused:
        documents.create_document(tree.admin, issuer=doc.issuer, doc_type="nghi_quyet", issued_on=date(2024, 5, 2),
                                  title="Nghị quyết", number="03-NQ/ĐU", khoa=10**10)
    assert refused.value.message_dict["khoa"] == ["Phải từ 1 đến 100."]


# -- roles and errors --------------------------------------------------------------------------


def test_a_read_only_role_posting_a_document_gets_403_json(api, tree):
    body = {"issuer_id": central().pk, "doc_type": "nghi_quyet", "issued_on": "2024-05-02", "title": "Thử"}
    response = api(tree.leader_province, "post", "/api/v1/documents/", body)
    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn không có quyền thực hiện thao tác này."}


@pytest.mark.parametrize("url, status, message", [
    ("/api/v1/khong-co/", 404, "Không tìm thấy"), ("/api/v1/members/999999", 404, "Không tìm thấy"),
])
def test_not_found_is_json_in_vietnamese(api, tree, url, status, message):
    response = api(tree.admin, "get", url)
    assert response.status_code == status and message in response.json()["detail"]


def test_without_login_the_api_answers_401_json(client, db):
    response = client.get("/api/v1/members/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Chưa đăng nhập, hoặc mã truy cập (token) không hợp lệ hay đã hết hạn."}


def test_a_server_error_is_json_without_details(api, tree, monkeypatch):
    from dangbo.orgs import api as orgs_api

    def broken(*args, **kwargs):
        raise RuntimeError("secret table name and password")

    monkeypatch.setattr(orgs_api, "member_counts_for", broken)
    response = api(tree.admin, "get", f"/api/v1/orgs/{tree.province.pk}")
    assert response.status_code == 500
    assert "secret" not in response.content.decode() and "Traceback" not in response.content.decode()
    assert response.json()["detail"].startswith("Lỗi máy chủ")


# -- forms -------------------------------------------------------------------------------------


def member_form_data(member: Member, **changes) -> dict:
    data = {"full_name": member.full_name, "birth_date": "17/05/1985", "gender": member.gender,
            "ethnicity": member.ethnicity, "religion": member.religion, "home_town": "", "citizen_id": member.citizen_id,
            "phone": "", "education": "", "professional_qualification": "", "political_theory": "", "occupation": "",
            "admission_date": "02/03/2010", "official_date": "02/03/2011", "card_number": ""}
    data.update(changes)
    return data


@pytest.mark.parametrize("name", [LONG_NAME[:5000], *TRICKY_NAMES.values()])
def test_the_member_form_refuses_long_or_tricky_names_beside_the_field(login, tree, name):
    member = tree.a1_members[0]
    response = login(tree.admin).post(f"/dang-vien/{member.pk}/sua/", member_form_data(member, full_name=name))
    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors
    member.refresh_from_db()
    assert member.full_name == "Nguyễn Văn An"


def test_the_member_form_refuses_zero_width_in_any_text_field(login, tree):
    member = tree.a1_members[0]
    response = login(tree.admin).post(f"/dang-vien/{member.pk}/sua/",
                                      member_form_data(member, home_town="Xã\u200b Bình Lư"))
    assert response.context["form"].errors["home_town"][0].startswith("Có ký tự vô hình")


def test_absurdly_nested_json_is_400_not_500(api, tree):
    raw = '{"corrections": ' + "[" * 50_000 + "]" * 50_000 + "}"
    response = api(tree.admin, "patch", f"/api/v1/members/{tree.a1_members[0].pk}", raw=raw)
    assert response.status_code == 400 and response.json()["detail"] == "Nội dung gửi lên không phải JSON hợp lệ."
