"""What staff and the cell secretary do on the pages: bulk moves, scans, failed votes."""
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangbo.admission import rules
from dangbo.admission.models import AdmissionStep, Candidate
from dangbo.admission.tests.factories import advance, new_candidate


def test_staff_moves_a_class_through_the_course_at_once(tree, login):
    first = new_candidate(tree)
    second = new_candidate(tree, org=tree.cell_a2, full_name="Lường Văn Tâm", citizen_id="")
    other = new_candidate(tree, org=tree.cell_b1, full_name="Đỗ Văn Khải", citizen_id="")
    response = login(tree.staff_a).post(reverse("admission:bulk_move", args=[tree.commune_a.pk]), {
        "step": rules.COURSE, "on": "05/03/2024", "certificate_number": "12-GCN/TTCT",
        "candidates": [first.pk, second.pk]})
    assert response.status_code == 302
    assert set(Candidate.objects.filter(stage=rules.APPLICATION).values_list("pk", flat=True)) == {first.pk, second.pk}
    response = login(tree.staff_a).post(reverse("admission:bulk_move", args=[tree.commune_a.pk]), {
        "step": rules.COURSE, "on": "05/03/2024", "candidates": [other.pk]})
    other.refresh_from_db()
    assert other.stage == rules.COURSE  # outside the staff member's subtree: not even offered


def test_the_secretary_attaches_the_scan_of_a_resolution(tree, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    candidate = advance(tree, new_candidate(tree), until=rules.CELL_RESOLUTION)
    scan = SimpleUploadedFile("nghi-quyet.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    client = login(tree.secretary_a1)
    response = client.post(reverse("admission:record_step", args=[candidate.pk]), {
        "on": "20/06/2024", "approve": "2", "total": "2", "decision_number": "05-NQ/CB", "scan": scan})
    assert response.status_code == 302
    step = AdmissionStep.objects.get(candidate=candidate, step=rules.CELL_RESOLUTION)
    assert step.scan.name.endswith(".pdf") and step.decision_number == "05-NQ/CB"
    page = client.get(reverse("admission:candidate", args=[candidate.pk])).content.decode()
    assert "bản quét" in page and "Chờ đảng ủy cơ sở xét" in page


def test_a_vote_below_two_thirds_is_reported_and_kept(tree, login):
    candidate = advance(tree, new_candidate(tree), until=rules.CELL_RESOLUTION)
    client = login(tree.secretary_a1)
    response = client.post(reverse("admission:record_step", args=[candidate.pk]),
                           {"on": "20/06/2024", "approve": "1", "total": "2"}, follow=True)
    page = response.content.decode()
    assert "không đạt" in page and "cần 2" in page
    candidate.refresh_from_db()
    assert candidate.stage == rules.CELL_RESOLUTION


def test_a_broken_rule_shows_beside_the_form(tree, login):
    candidate = advance(tree, new_candidate(tree), until=rules.SPONSORS)
    response = login(tree.secretary_a1).post(reverse("admission:record_step", args=[candidate.pk]), {
        "on": "10/06/2024", "sponsor_1": tree.a1_members[0].pk, "sponsor_1_since": "01/01/2024"})
    assert response.status_code == 422
    assert "12 tháng" in response.content.decode() or "hai đảng viên" in response.content.decode()


def test_the_secretary_adds_a_candidate_to_the_own_cell(tree, login):
    client = login(tree.secretary_a1)
    response = client.post(reverse("admission:candidate_add", args=[tree.cell_a1.pk]), {
        "full_name": "  Lò   Thị Mai ", "birth_date": "02/09/2003", "gender": "nu", "ethnicity": "Thái",
        "religion": "Không", "source": "doan_thanh_nien", "workplace": "", "citizen_id": ""})
    assert response.status_code == 302
    assert Candidate.objects.get().full_name == "Lò Thị Mai"


def test_staff_records_an_extension_of_the_decision_deadline(tree, login):
    candidate = advance(tree, new_candidate(tree), until=rules.DECISION)
    client = login(tree.staff_a)
    client.post(reverse("admission:candidate_extend", args=[candidate.pk]), {"document_number": "15-CV/ĐU"})
    candidate.refresh_from_db()
    assert candidate.decision_extended
    response = client.post(reverse("admission:candidate_extend", args=[candidate.pk]),
                           {"document_number": "16-CV/ĐU"}, follow=True)
    assert "Đã gia hạn một lần." in response.content.decode()
    assert login(tree.leader_province).post(reverse("admission:candidate_extend", args=[candidate.pk]),
                                            {"document_number": "x"}).status_code == 403
