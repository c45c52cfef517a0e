"""What inspection staff, units and committees do on the pages."""
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from dangbo.inspection import rules, services
from dangbo.inspection.models import (Case, Consolidation, ConsolidationStatus, Denunciation, DisciplineDecision, Plan,
                                      Recommendation)
from dangbo.members.models import MemberStatus
from dangbo.ratings.models import OrgRating


def test_inspector_plans_the_year_and_opens_a_case_from_an_item(tree, inspector, login):
    client = login(inspector)
    response = client.post(reverse("inspection:plans") + f"?org={tree.commune_a.pk}&year=2025",
                           {"year": 2025, "title": "Chương trình kiểm tra, giám sát năm 2025", "issuer": "ubkt"})
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.organization == tree.commune_a
    response = client.post(reverse("inspection:plan", args=[plan.pk]), {
        "kind": rules.PARTY_FINANCE, "subject_organization": tree.grassroots_a.pk, "content": "Thu, nộp đảng phí",
        "period_start": "03/03/2025", "period_end": "20/03/2025", "team": "Tổ 1"})
    assert response.status_code == 302
    item = plan.items.get()
    response = client.post(reverse("inspection:case_create") + f"?org={tree.commune_a.pk}", {
        "origin": "ke_hoach", "kind": rules.PARTY_FINANCE, "title": "Kiểm tra đảng phí Trường THPT",
        "opened_on": "05/03/2025", "plan_item": item.pk})
    case = Case.objects.get()
    assert response.status_code == 302 and case.subject_organization == tree.grassroots_a
    item.refresh_from_db()
    assert item.status == "dang_tien_hanh"


def test_a_plan_item_outside_the_plan_year_is_refused(tree, inspector, login):
    plan = services.create_plan(inspector, tree.province, year=2025, title="Chương trình 2025")
    page = login(inspector).post(reverse("inspection:plan", args=[plan.pk]), {
        "kind": rules.TASK_COMPLIANCE, "subject_organization": tree.cell_a1.pk, "content": "x",
        "period_start": "03/03/2026"}).content.decode()
    assert "Thời gian phải trong năm 2025" in page


def test_denunciation_with_a_member_named_by_citizen_id(tree, inspector, login):
    an = tree.a1_members[0]
    response = login(inspector).post(reverse("inspection:denunciations") + f"?org={tree.province.pk}", {
        "received_on": "02/04/2025", "reporter_name": "Nguyễn Văn Tố", "member_code": an.citizen_id,
        "content": "Tố cáo vi phạm"})
    assert response.status_code == 302
    assert Denunciation.objects.get().accused_member == an


def test_decision_recorded_on_the_form_and_refused_when_prescribed(tree, inspector, login):
    client = login(inspector)
    url = reverse("inspection:decision_create") + f"?org={tree.commune_a.pk}"
    data = {"member_code": tree.a2_members[0].citizen_id, "form": rules.REPRIMAND, "violation_on": "01/02/2019",
            "violation_summary": "Vi phạm", "decider": rules.UPPER_COMMITTEE, "decided_by": tree.commune_a.pk,
            "decided_on": "02/02/2025", "number": "07-QĐ/UBKT"}
    page = client.post(url, data).content.decode()
    assert "Đã hết thời hiệu xử lý kỷ luật" in page and not DisciplineDecision.objects.exists()
    response = client.post(url, {**data, "violation_on": "01/02/2024"})
    decision = DisciplineDecision.objects.get()
    assert response.status_code == 302 and decision.year == 2025
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "hạn khiếu nại đến hết ngày 04/03/2025" in page
    response = client.post(decision.get_absolute_url(), {"action": "appeal", "filed_on": "20/02/2025",
                                                         "outcome": rules.ANNULLED, "decided_on": "20/03/2025"})
    decision.refresh_from_db()
    assert response.status_code == 302 and decision.annulled


def test_unit_must_give_evidence_to_mark_done(tree, inspector, login):
    case = services.open_case(inspector, tree.province, kind=rules.TASK_COMPLIANCE, title="Kiểm tra",
                              origin="khieu_nai", complaint_summary="Phản ánh", opened_on=date(2025, 1, 5),
                              subject_organization=tree.cell_a1)
    services.conclude_case(inspector, case, findings="", conclusion="Có hạn chế", concluded_on=date(2025, 2, 1),
                           recommendations=[services.RecommendationInput(tree.cell_a1, "Khắc phục",
                                                                         timezone.localdate() + timedelta(days=3))])
    rec = Recommendation.objects.get()
    client = login(tree.secretary_a1)
    page = client.post(reverse("inspection:remediation", args=[rec.pk]), {"progress": rules.DONE}).content.decode()
    assert "Ghi minh chứng" in page
    client.post(reverse("inspection:remediation", args=[rec.pk]), {"progress": rules.DONE, "evidence": "Biên bản"})
    rec.refresh_from_db()
    assert rec.status(timezone.localdate()) == rules.DONE and rec.done_on == timezone.localdate()
    api = client.get(f"/api/v1/inspection/follow-up?org={tree.cell_a1.pk}").json()
    assert api["done_units"] == 1 and api["items"][0]["status"] == rules.DONE


def test_staff_proposes_weak_organizations_and_follows_consolidation(tree, login):
    OrgRating.objects.create(organization=tree.village_cell, year=2025, level="khtnv", rated_by=tree.commune_a,
                             rated_on=date(2025, 12, 20))
    for year in (2024, 2025):
        OrgRating.objects.create(organization=tree.grassroots_a, year=year, level="htnv", rated_by=tree.commune_a,
                                 rated_on=date(year, 12, 20))
    client = login(tree.staff_a)
    url = reverse("inspection:consolidations") + f"?org={tree.commune_a.pk}&year=2025"
    page = client.get(url).content.decode()
    assert "Chi bộ thôn Nà Tăm — Xếp loại Không hoàn thành nhiệm vụ" in page
    assert "Đảng bộ Trường THPT Bình Lư — Nhiều năm liền xếp loại Hoàn thành nhiệm vụ" in page
    client.post(url)
    assert Consolidation.objects.count() == 2
    item = Consolidation.objects.get(organization=tree.village_cell)
    client.post(item.get_absolute_url(), {"action": "edit", "causes": "Chi ủy mất đoàn kết",
                                          "measures": "Kiện toàn chi ủy", "member_code": tree.village_members[0].citizen_id})
    client.post(item.get_absolute_url(), {"action": "milestone", "title": "Kiện toàn chi ủy", "due": "31/03/2026"})
    client.post(item.get_absolute_url(), {"action": "exit", "decision_number": "12-TB/ĐU", "on": "15/07/2026"})
    item.refresh_from_db()
    assert item.status == ConsolidationStatus.EXITED and item.responsible == tree.village_members[0]
    assert item.milestones.count() == 1
    progress = login(tree.leader_province).get(reverse("inspection:consolidations") + f"?org={tree.province.pk}")
    assert "<td>Đảng bộ xã Bình Lư</td><td>1</td><td>0</td><td>1</td>" in progress.content.decode()


def test_expulsion_on_the_page_ends_membership(tree, inspector, login):
    duc = tree.a2_members[0]
    login(inspector).post(reverse("inspection:decision_create") + f"?org={tree.province.pk}", {
        "member_code": duc.citizen_id, "form": rules.EXPULSION, "violation_on": "01/02/2025",
        "violation_summary": "Vi phạm pháp luật", "decider": rules.UPPER_COMMITTEE, "decided_by": tree.commune_a.pk,
        "decided_on": "02/05/2025"})
    duc.refresh_from_db()
    assert duc.status == MemberStatus.EXPELLED
