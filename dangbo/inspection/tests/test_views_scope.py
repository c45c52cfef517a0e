"""Every page and endpoint answers 404 outside the scope; denunciations and case files only
exist for inspection roles and admins (table-driven, like members/tests/test_views_scope.py)."""
from datetime import date

import pytest
from django.urls import reverse

from dangbo.inspection import rules, services
from dangbo.inspection.models import CaseOrigin
from dangbo.inspection.services import RecommendationInput
from dangbo.inspection.testing import discipline_member


@pytest.fixture
def files(tree, inspector, inspector_b):
    t = tree
    t.inspector, t.inspector_b = inspector, inspector_b
    t.plan = services.create_plan(inspector, t.province, year=2025, title="Chương trình kiểm tra, giám sát năm 2025")
    t.item = services.add_plan_item(inspector, t.plan, kind=rules.TASK_COMPLIANCE, content="Thực hiện Chỉ thị 50",
                                    subject_organization=t.cell_a1)
    t.denunciation = services.record_denunciation(
        inspector, t.province, received_on=date(2025, 3, 1), content="Tố cáo kê khai tài sản không trung thực",
        reporter_name="Người tố cáo bí mật", reporter_contact="0912 000 111", accused_member=t.a1_members[0])
    t.case = services.open_case(inspector, t.province, kind=rules.SIGNS_OF_VIOLATION, title="Giải quyết tố cáo",
                                opened_on=date(2025, 3, 10), origin=CaseOrigin.DENUNCIATION,
                                denunciation=t.denunciation)
    services.conclude_case(inspector, t.case, findings="Có vi phạm", conclusion="Vi phạm một phần",
                           concluded_on=date(2025, 4, 1), number="15-TB/UBKT",
                           recommendations=[RecommendationInput(t.cell_a1, "Kiểm điểm rút kinh nghiệm",
                                                                date(2025, 6, 30))])
    t.rec = t.case.recommendations.get()
    t.decision = discipline_member(t.a1_members[0], date(2025, 5, 2))
    rate_weak(t)
    t.consolidation = services.propose_consolidations(None, t.province, 2025)[0]
    t.milestone = services.add_milestone(None, t.consolidation, title="Kiện toàn chi ủy", due=date(2026, 3, 31))
    return t


def rate_weak(t):
    from dangbo.ratings.models import OrgRating

    OrgRating.objects.create(organization=t.village_cell, year=2025, level="khtnv", rated_by=t.commune_a,
                             rated_on=date(2025, 12, 20))


INSPECTION_FILES = [
    lambda t: reverse("inspection:denunciations") + f"?org={t.province.pk}",
    lambda t: reverse("inspection:denunciation", args=[t.denunciation.pk]),
    lambda t: reverse("inspection:cases") + f"?org={t.province.pk}",
    lambda t: reverse("inspection:case_create") + f"?org={t.province.pk}",
    lambda t: reverse("inspection:case", args=[t.case.pk]),
    lambda t: f"/api/v1/inspection/denunciations?org={t.province.pk}",
    lambda t: f"/api/v1/inspection/denunciations/{t.denunciation.pk}",
    lambda t: f"/api/v1/inspection/cases?org={t.province.pk}",
    lambda t: f"/api/v1/inspection/cases/{t.case.pk}",
]


@pytest.mark.parametrize("url", INSPECTION_FILES)
def test_only_inspection_roles_and_admins_see_denunciations_and_case_files(files, login, url):
    for user in (files.admin, files.inspector):
        assert login(user).get(url(files)).status_code == 200, user
    for user in (files.staff_a, files.leader_province, files.secretary_a1, files.member_user, files.inspector_b):
        assert login(user).get(url(files)).status_code == 404, user


def test_reporter_identity_is_shown_to_inspection_staff_only(files, login):
    page = login(files.inspector).get(reverse("inspection:denunciation", args=[files.denunciation.pk])).content.decode()
    assert "Người tố cáo bí mật" in page
    from dangbo.audit.models import AuditEntry

    logged = AuditEntry.objects.filter(model="inspection.Denunciation").get()
    assert logged.after is None and "bí mật" not in logged.object_repr
    log_page = login(files.leader_province).get(reverse("audit_log")).content.decode()
    assert "Người tố cáo bí mật" not in log_page and "kê khai tài sản" not in log_page


# (url, users who see it, users who get 404)
READER_PAGES = [
    (lambda t: reverse("inspection:plan", args=[t.plan.pk]), ("admin", "inspector", "leader_province"),
     ("staff_a", "secretary_a1", "member_user", "inspector_b")),
    (lambda t: reverse("inspection:plans") + f"?org={t.province.pk}", ("admin", "inspector", "leader_province"),
     ("staff_a", "member_user", "inspector_b")),
    (lambda t: reverse("inspection:remediation", args=[t.rec.pk]),
     ("admin", "inspector", "leader_province", "staff_a", "secretary_a1"), ("member_user", "inspector_b")),
    (lambda t: reverse("inspection:follow_up") + f"?org={t.cell_a1.pk}",
     ("admin", "inspector", "leader_province", "staff_a", "secretary_a1"), ("member_user", "inspector_b")),
    (lambda t: reverse("inspection:decision", args=[t.decision.pk]),
     ("admin", "inspector", "leader_province", "staff_a", "secretary_a1"), ("member_user", "inspector_b")),
    (lambda t: reverse("inspection:decisions") + f"?org={t.cell_a1.pk}&year=2025",
     ("admin", "inspector", "staff_a", "secretary_a1"), ("member_user", "inspector_b")),
    (lambda t: reverse("inspection:consolidation", args=[t.consolidation.pk]),
     ("admin", "inspector", "leader_province", "staff_a"), ("secretary_a1", "member_user", "inspector_b")),
    (lambda t: reverse("inspection:consolidations") + f"?org={t.commune_a.pk}",
     ("admin", "staff_a", "leader_province"), ("secretary_a1", "member_user", "inspector_b")),
    (lambda t: reverse("inspection:stats") + f"?org={t.commune_a.pk}&year=2025",
     ("admin", "staff_a", "leader_province", "inspector"), ("secretary_a1", "member_user", "inspector_b")),
    (lambda t: reverse("inspection:stats_export", args=[t.commune_a.pk, 2025, "xlsx"]),
     ("admin", "staff_a"), ("secretary_a1", "member_user", "inspector_b")),
    (lambda t: reverse("inspection:stats_export", args=[t.commune_a.pk, 2025, "docx"]),
     ("leader_province",), ("member_user", "inspector_b")),
    (lambda t: reverse("inspection:index") + f"?org={t.commune_a.pk}", ("admin", "staff_a"),
     ("secretary_a1", "member_user", "inspector_b")),
    (lambda t: f"/api/v1/inspection/plans?org={t.province.pk}", ("inspector", "leader_province"),
     ("staff_a", "member_user", "inspector_b")),
    (lambda t: f"/api/v1/inspection/plans/{t.plan.pk}", ("inspector", "leader_province"),
     ("staff_a", "member_user", "inspector_b")),
    (lambda t: f"/api/v1/inspection/follow-up?org={t.cell_a1.pk}", ("secretary_a1", "staff_a", "inspector"),
     ("member_user", "inspector_b")),
    (lambda t: f"/api/v1/inspection/decisions?org={t.cell_a1.pk}&year=2025", ("secretary_a1", "inspector"),
     ("member_user", "inspector_b")),
    (lambda t: f"/api/v1/inspection/decisions/{t.decision.pk}", ("staff_a", "leader_province"),
     ("member_user", "inspector_b")),
    (lambda t: f"/api/v1/inspection/statistics/{t.commune_a.pk}/2025", ("staff_a", "leader_province"),
     ("member_user", "inspector_b", "secretary_a1")),
]


@pytest.mark.parametrize("url,allowed,refused", READER_PAGES)
def test_every_page_and_endpoint_is_404_outside_the_scope(files, login, url, allowed, refused):
    for name in allowed:
        assert login(getattr(files, name)).get(url(files)).status_code == 200, name
    for name in refused:
        assert login(getattr(files, name)).get(url(files)).status_code == 404, name


def test_milestone_of_an_invisible_consolidation_is_404(files, login):
    client = login(files.secretary_a1)
    response = client.post(reverse("inspection:consolidation", args=[files.consolidation.pk]),
                           {"action": "done", "milestone": files.milestone.pk})
    assert response.status_code == 404


def test_readers_who_write_get_403(files, login):
    leader = login(files.leader_province)
    assert leader.post(reverse("inspection:decision", args=[files.decision.pk]),
                       {"action": "appeal", "filed_on": "10/05/2025"}).status_code == 403
    assert leader.post(reverse("inspection:remediation", args=[files.rec.pk]),
                       {"progress": rules.DONE, "evidence": "x"}).status_code == 403
    assert leader.post(reverse("inspection:plans") + f"?org={files.province.pk}",
                       {"year": 2025, "title": "x"}).status_code == 403
    assert login(files.staff_a).post(reverse("inspection:consolidation", args=[files.consolidation.pk]),
                                     {"action": "done", "milestone": files.milestone.pk}).status_code == 302
    response = login(files.leader_province).put(f"/api/v1/inspection/recommendations/{files.rec.pk}",
                                                {"progress": rules.DONE, "evidence": "x"},
                                                content_type="application/json")
    assert response.status_code == 403


def test_staff_cannot_record_discipline_only_inspection(files, login):
    url = reverse("inspection:decision_create") + f"?org={files.commune_a.pk}"
    assert login(files.staff_a).get(url).status_code == 404
    assert login(files.inspector).get(url).status_code == 200
