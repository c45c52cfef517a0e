"""Every admission page and endpoint: each role sees what it should, 404 outside its scope,
403 for a read-only role writing. The member role sees nothing of candidates."""
import json

import pytest
from django.urls import reverse

from dangbo.admission import rules, services
from dangbo.admission.models import AdmissionTarget
from dangbo.admission.tests.factories import DATES, advance, new_candidate

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]

READ_BY_ORG = {
    "cell_a1": {"admin", "staff_a", "leader_province", "secretary_a1"},
    "cell_a2": {"admin", "staff_a", "leader_province"},
    "commune_a": {"admin", "staff_a", "leader_province"},
    "commune_b": {"admin", "leader_province"},
    "province": {"admin", "leader_province"},
}
ORG_PAGES = ["admission:board", "admission:due", "admission:dashboard", "admission:targets", "admission:hamlets"]
READ_CANDIDATE = {"cand_a1": {"admin", "staff_a", "leader_province", "secretary_a1"},
                  "cand_b1": {"admin", "leader_province"}}
WRITE_CANDIDATE = {"cand_a1": {"admin", "staff_a", "secretary_a1"}, "cand_b1": {"admin"}}


@pytest.fixture
def data(tree):
    tree.cand_a1 = advance(tree, new_candidate(tree), until=rules.CELL_RESOLUTION)
    tree.cand_b1 = new_candidate(tree, org=tree.cell_b1, full_name="Đỗ Văn Khải", citizen_id="")
    AdmissionTarget.objects.create(organization=tree.commune_a, year=2025, target=5)
    services.save_hamlet(tree.admin, tree.commune_a, name="Bản Nà Khum", kind="thon", member_count=0, has_cell=False)
    return tree


def expected(role, allowed_read, allowed_write=None):
    if allowed_write is None:
        return 200 if role in allowed_read else 404
    if role in allowed_write:
        return "ok"
    return 403 if role in allowed_read else 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", list(READ_BY_ORG))
def test_org_pages_answer_404_outside_the_scope(data, login, role, org_name):
    client = login(getattr(data, role))
    org = getattr(data, org_name)
    for view in ORG_PAGES:
        response = client.get(reverse(view, args=[org.pk]))
        assert response.status_code == expected(role, READ_BY_ORG[org_name]), (view, role, org_name)
    for fmt in ("xlsx", "docx"):
        response = client.get(reverse("admission:export", args=[org.pk, fmt]) + "?nam=2025")
        assert response.status_code == expected(role, READ_BY_ORG[org_name]), (fmt, role, org_name)
    api = client.get(f"/api/v1/admission/progress/{org.pk}?year=2025")
    assert api.status_code == expected(role, READ_BY_ORG[org_name])
    api = client.get(f"/api/v1/admission/due/{org.pk}")
    assert api.status_code == expected(role, READ_BY_ORG[org_name])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(READ_CANDIDATE))
def test_candidate_record_answers_404_outside_the_scope(data, login, role, name):
    client = login(getattr(data, role))
    candidate = getattr(data, name)
    assert client.get(reverse("admission:candidate", args=[candidate.pk])).status_code == \
        expected(role, READ_CANDIDATE[name])
    assert client.get(f"/api/v1/admission/candidates/{candidate.pk}").status_code == expected(role, READ_CANDIDATE[name])


@pytest.mark.parametrize("role", ROLES)
def test_candidate_list_api_shows_only_the_scope(data, login, role):
    client = login(getattr(data, role))
    response = client.get("/api/v1/admission/candidates")
    assert response.status_code == 200
    names = {row["full_name"] for row in response.json()}
    visible = {name for name, roles in READ_CANDIDATE.items() if role in roles}
    assert names == {getattr(data, name).full_name for name in visible}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(WRITE_CANDIDATE))
def test_recording_a_step_needs_write_rights(data, login, role, name):
    client = login(getattr(data, role))
    candidate = getattr(data, name)
    want = expected(role, READ_CANDIDATE[name], WRITE_CANDIDATE[name])
    if candidate.stage == rules.CELL_RESOLUTION:
        form = {"on": "20/06/2024", "approve": "2", "total": "2", "decision_number": "05-NQ/CB"}
    else:
        form = {"on": "01/03/2024", "certificate_date": "01/03/2024", "certificate_number": "1"}
    response = client.post(reverse("admission:record_step", args=[candidate.pk]), form)
    assert response.status_code == (302 if want == "ok" else want)


@pytest.mark.parametrize("role", ROLES)
def test_recording_a_step_through_the_api_needs_write_rights(data, login, role):
    client = login(getattr(data, role))
    body = {"step": rules.CELL_RESOLUTION, "on": "2024-06-20", "approve": 2, "total": 2}
    response = client.post(f"/api/v1/admission/candidates/{data.cand_a1.pk}/steps", json.dumps(body),
                           content_type="application/json")
    want = expected(role, READ_CANDIDATE["cand_a1"], WRITE_CANDIDATE["cand_a1"])
    assert response.status_code == (201 if want == "ok" else want)


@pytest.mark.parametrize("role", ROLES)
def test_adding_a_candidate_needs_write_rights_on_the_cell(data, login, role):
    client = login(getattr(data, role))
    response = client.get(reverse("admission:candidate_add", args=[data.cell_a1.pk]))
    want = expected(role, READ_BY_ORG["cell_a1"], {"admin", "staff_a", "secretary_a1"})
    assert response.status_code == (200 if want == "ok" else want)


@pytest.mark.parametrize("role", ROLES)
def test_targets_are_written_by_staff_of_the_unit(data, login, role):
    client = login(getattr(data, role))
    org = data.commune_a
    response = client.post(reverse("admission:targets", args=[org.pk]) + "?nam=2025",
                           {"action": "save", f"target_{org.pk}": "7"})
    want = expected(role, READ_BY_ORG["commune_a"], {"admin", "staff_a"})
    assert response.status_code == (302 if want == "ok" else want)
    api = client.put(f"/api/v1/admission/targets/{org.pk}/2025", json.dumps({"target": 8}),
                     content_type="application/json")
    assert api.status_code == (200 if want == "ok" else want)


def test_a_step_out_of_turn_through_the_api_is_422_with_reasons(data, login):
    client = login(data.admin)
    body = {"step": rules.DECISION, "on": "2024-06-20", "decision_number": "1-QĐ"}
    response = client.post(f"/api/v1/admission/candidates/{data.cand_a1.pk}/steps", json.dumps(body),
                           content_type="application/json")
    assert response.status_code == 422 and "step" in response.json()["detail"]


def test_a_failed_vote_through_the_api_is_kept(data, login):
    client = login(data.secretary_a1)
    body = {"step": rules.CELL_RESOLUTION, "on": DATES[rules.CELL_RESOLUTION].isoformat(), "approve": 1, "total": 2}
    response = client.post(f"/api/v1/admission/candidates/{data.cand_a1.pk}/steps", json.dumps(body),
                           content_type="application/json")
    assert response.status_code == 201
    assert response.json()["stage"] == rules.CELL_RESOLUTION
    assert response.json()["steps"][-1]["passed"] is False


def test_targets_import_page_is_staff_only(data, login):
    assert login(data.leader_province).get(reverse("admission:targets_import", args=[data.commune_a.pk])).status_code == 403
    assert login(data.secretary_a1).get(reverse("admission:targets_import", args=[data.commune_a.pk])).status_code == 404
    assert login(data.staff_a).get(reverse("admission:targets_import", args=[data.commune_a.pk])).status_code == 200


def test_board_shows_candidates_per_step_and_the_unit_table(data, login):
    page = login(data.staff_a).get(reverse("admission:board", args=[data.commune_a.pk])).content.decode()
    assert "Vì Thị Hoa" in page and "Chờ chi bộ xét" in page
    assert "Đỗ Văn Khải" not in page
    assert data.grassroots_a.name in page


def test_dashboard_prints_the_report_figures(data, login):
    page = login(data.admin).get(reverse("admission:dashboard", args=[data.commune_a.pk]) + "?nam=2025").content.decode()
    assert "Chỉ tiêu năm 2025" in page and "Bản Nà Khum" not in page and "1 chưa có đảng viên" in page


@pytest.mark.parametrize("role", ROLES)
def test_creating_a_candidate_through_the_api_needs_write_rights(data, login, role):
    client = login(getattr(data, role))
    body = {"organization_id": data.cell_a1.pk, "full_name": "Lò Thị Mai", "birth_date": "2003-09-02", "gender": "nu"}
    response = client.post("/api/v1/admission/candidates", json.dumps(body), content_type="application/json")
    want = expected(role, READ_BY_ORG["cell_a1"], {"admin", "staff_a", "secretary_a1"})
    assert response.status_code == (201 if want == "ok" else want)
    if want == "ok":
        bad = client.post("/api/v1/admission/candidates", json.dumps({**body, "full_name": "Mai"}),
                          content_type="application/json")
        assert bad.status_code == 422 and "full_name" in bad.json()["detail"]
