"""The review screen as a reviewer uses it: upload, marks in the text, htmx actions, corrections."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangbo.documents.models import Document
from dangbo.ingest import services
from dangbo.ingest.models import Fact, FactKind, FactStatus, Source
from dangbo.ingest.tests.fakes import SEED_001, fixed_extractor, gold_extractor, seed_text

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def gold(monkeypatch):
    monkeypatch.setattr(services, "default_extractor", gold_extractor())


def test_uploading_a_seed_file_opens_its_review_screen(tree, login, gold):
    client = login(tree.staff_a)
    upload = SimpleUploadedFile(f"{SEED_001}.txt", seed_text().encode("utf-8"), content_type="text/plain")
    response = client.post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "file": upload})
    source = Source.objects.get()
    assert response.status_code == 302 and response["Location"] == source.get_absolute_url()
    assert source.file_name == f"{SEED_001}.txt" and source.uploaded_by == tree.staff_a
    page = client.get(source.get_absolute_url()).content.decode()
    fact = source.facts.get(text="Nghị quyết số 02-NQ/ĐUK")
    assert f'id="span-{fact.pk}"' in page and f'id="fact-{fact.pk}"' in page
    assert 'class="k-document s-pending"' in page
    assert "Chấp nhận tất cả" in page


def test_pasting_the_same_text_again_reopens_the_existing_source(tree, login, gold):
    client = login(tree.staff_a)
    data = {"organization": tree.commune_a.pk, "text": seed_text()}
    first = client.post(reverse("ingest:upload"), data)
    second = client.post(reverse("ingest:upload"), {**data, "text": seed_text().replace("\n", "\r\n")})
    assert first["Location"] == second["Location"]
    assert Source.objects.count() == 1 and Fact.objects.count() == 11
    assert "đã được nạp trước đây" in client.get(second["Location"]).content.decode()


def test_upload_needs_a_file_or_text(tree, login):
    response = login(tree.staff_a).post(reverse("ingest:upload"), {"organization": tree.commune_a.pk})
    assert response.status_code == 200 and "Chọn một tệp hoặc dán nội dung" in response.content.decode()


def test_accepting_with_htmx_swaps_the_review_area_only(tree, login, gold):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, seed_text())
    fact = source.facts.get(text="Nghị quyết số 02-NQ/ĐUK")
    response = login(tree.staff_a).post(reverse("ingest:fact_accept", args=[fact.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and response["HX-Retarget"] == "#review"
    assert html.startswith('<div id="review">') and "<html" not in html
    document = Document.objects.get()
    assert document.number == "02-NQ/ĐUK"
    assert 'class="k-document s-accepted"' in html and f"Đã ghi {document} vào sổ văn bản." in html


def test_accept_all_with_htmx_reports_what_needs_correcting(tree, login):
    text = "Thực hiện Nghị quyết số 03-NQ/TU, đạt 95% đảng viên hoàn thành nhiệm vụ."
    source, _ = services.ingest_text(tree.admin, tree.commune_a, text, extractor=fixed_extractor(
        documents=[{"text": "Nghị quyết số 03-NQ/TU", "type": "Nghị quyết", "type_code": "NQ", "number": "03",
                    "issuer_code": "TU", "date": None}]))
    html = login(tree.staff_a).post(reverse("ingest:accept_all", args=[source.pk]), **HTMX).content.decode()
    assert "1 dữ kiện cần sửa" in html and "ngày ban hành" in html
    assert source.facts.get().status == FactStatus.PENDING


def test_correcting_a_document_fixes_its_date_and_accepts_it(tree, login):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, "Theo Nghị quyết số 03-NQ/TU của Tỉnh ủy.",
                                     extractor=fixed_extractor(documents=[{
                                         "text": "Nghị quyết số 03-NQ/TU", "type": "Nghị quyết", "type_code": "NQ",
                                         "number": "03", "issuer_code": "TU", "date": None}]))
    fact = source.facts.get()
    client = login(tree.staff_a)
    url = reverse("ingest:fact_correct", args=[fact.pk])
    form = client.get(url, **HTMX).content.decode()
    assert 'value="03-NQ/TU"' in form and "<html" not in form
    refused = client.post(url, {"type": "Nghị quyết", "symbol": "03/2020/NQ-TU", "date": "15/01/2020"}, **HTMX)
    assert "Nhà nước" in refused.content.decode() and not Document.objects.exists()
    client.post(url, {"type": "Nghị quyết", "symbol": "3-nq/tu", "date": "15/01/2020", "title": "Về cán bộ"}, **HTMX)
    fact.refresh_from_db()
    assert fact.status == FactStatus.ACCEPTED
    assert (fact.document.number, fact.document.title, str(fact.document.issued_on)) == ("03-NQ/TU", "Về cán bộ", "2020-01-15")


def test_correcting_a_target_attaches_it_to_the_picked_document(tree, login, gold):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, seed_text())
    services.accept_fact(tree.admin, source.facts.get(text="Nghị quyết số 03-NQ/ĐUK ngày 4-7-2011"))
    services.accept_fact(tree.admin, source.facts.get(text="Nghị quyết số 02-NQ/ĐUK"))
    other = Document.objects.get(number="03-NQ/ĐUK")
    fact = source.facts.filter(kind=FactKind.TARGET).first()
    client = login(tree.staff_a)
    response = client.post(reverse("ingest:fact_correct", args=[fact.pk]), {
        "text": "có từ 92% TCCSĐ trở lên đạt trong sạch, vững mạnh", "comparator": ">=", "value": "92",
        "unit": "%", "year": "2015", "document": str(other.pk)})
    assert response.status_code == 302
    target = other.targets.get()
    assert target.target_value == 92 and target.wording.startswith("có từ 92%")


def test_rejecting_and_reopening_a_fact(tree, login, gold):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, seed_text())
    fact = source.facts.filter(kind=FactKind.PERSON).first()
    client = login(tree.staff_a)
    html = client.post(reverse("ingest:fact_reject", args=[fact.pk]), **HTMX).content.decode()
    assert 'data-status="rejected"' in html and "Mở lại" in html
    client.post(reverse("ingest:fact_reopen", args=[fact.pk]), **HTMX)
    fact.refresh_from_db()
    assert fact.status == FactStatus.PENDING


def test_read_only_leader_sees_the_queue_without_buttons(tree, login, gold):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, seed_text())
    page = login(tree.leader_province).get(source.get_absolute_url()).content.decode()
    assert "Nghị quyết số 02-NQ/ĐUK" in page
    assert "Chấp nhận tất cả" not in page and "ingest:fact_accept" not in page and "/chap-nhan/" not in page
    index = login(tree.leader_province).get(reverse("ingest:index")).content.decode()
    assert source.title in index and "Nạp văn bản" not in index


def test_the_real_extractor_finds_the_resolution_and_its_targets(tree):
    source, _ = services.ingest_text(tree.staff_a, tree.commune_a, seed_text())
    result = services.accept_all(tree.staff_a, source)
    assert result.failed == []
    resolution = Document.objects.get(number="02-NQ/ĐUK")
    assert sorted(float(t.target_value) for t in resolution.targets.all()) == [90, 97, 100, 100]
