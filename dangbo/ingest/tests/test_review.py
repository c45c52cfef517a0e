"""Ingest a text, review its facts, and find them in the registries."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangbo.audit.models import AuditEntry
from dangbo.documents.models import Document, ProgressReport, Target
from dangbo.ingest import services
from dangbo.ingest.models import Fact, FactKind, FactStatus, Source
from dangbo.ingest.tests.fakes import fixed_extractor, gold_extractor, seed_text
from dangbo.orgs.models import Position

pytestmark = pytest.mark.django_db


def ingest_seed(tree, user=None, org=None):
    return services.ingest_text(user or tree.admin, org or tree.commune_a, seed_text(), extractor=gold_extractor())


def test_ingesting_a_seed_queues_its_facts_highlighted_at_their_passages(tree):
    source, created = ingest_seed(tree)
    assert created
    assert source.article_date == date(2011, 7, 10)
    assert source.title == ("ĐẢNG BỘ KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG: Xây dựng trong sạch, vững mạnh, đáp ứng yêu cầu "
                            "phát triển TP Cần Thơ")
    kinds = {kind: source.facts.filter(kind=kind).count() for kind in FactKind.values}
    assert kinds == {"document": 2, "target": 4, "statistic": 0, "person": 2, "congress": 3, "link": 0}
    for fact in source.facts.all():
        assert source.text[fact.start:fact.end] == fact.text
        assert fact.status == FactStatus.PENDING
    assert AuditEntry.objects.filter(model="ingest.Source", object_id=str(source.pk)).exists()


def test_ingesting_the_same_text_again_creates_no_duplicates(tree):
    source, _ = ingest_seed(tree)
    services.accept_all(tree.admin, source)
    again, created = services.ingest_text(tree.staff_a, tree.commune_a, "\r\n" + seed_text().replace("\n", "\r\n"),
                                          extractor=gold_extractor())
    assert not created and again.pk == source.pk
    assert Source.objects.count() == 1 and Fact.objects.count() == 11
    assert Fact.objects.filter(status=FactStatus.PENDING).count() == 0


def test_accepting_all_puts_the_resolution_and_its_targets_in_the_registry(tree):
    source, _ = ingest_seed(tree)
    result = services.accept_all(tree.admin, source)
    assert result.failed == [] and result.accepted == 11
    resolution = Document.objects.get(number="02-NQ/ĐUK")
    assert resolution.doc_type == "nghi_quyet" and resolution.issued_on == date(2011, 7, 4)
    assert resolution.issuer.code == "ĐUK" and resolution.issuer.organization == tree.commune_a
    assert [t.target_value for t in resolution.targets.all()] == [90, 100, 97, 100]
    first = resolution.targets.first()
    assert first.wording == "có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh"
    assert first.comparator == "gte" and first.unit == "%" and first.deadline == date(2015, 12, 31)
    assert Document.objects.filter(number="03-NQ/ĐUK").count() == 1
    # Each record leads back to the passage it came from.
    fact = first.ingest_facts.get()
    assert fact.source == source and source.text[fact.start:fact.end] == fact.text
    assert resolution.ingest_facts.get(kind=FactKind.DOCUMENT).text == "Nghị quyết số 02-NQ/ĐUK"


def test_the_same_document_cited_by_another_article_is_not_registered_twice(tree):
    source, _ = ingest_seed(tree)
    services.accept_all(tree.admin, source)
    other, _ = services.ingest_text(
        tree.admin, tree.commune_a, "Thực hiện Nghị quyết số 02-NQ/ĐUK ngày 4-7-2011, có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh.",
        extractor=fixed_extractor(
            documents=[{"text": "Nghị quyết số 02-NQ/ĐUK", "type": "Nghị quyết", "type_code": "NQ", "number": "02",
                        "issuer_code": "ĐUK", "date": "2011-07-04"}],
            targets=[{"text": "có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh", "value": 90, "unit": "%",
                      "comparator": ">=", "year": 2015}]))
    services.accept_all(tree.admin, other)
    assert Document.objects.filter(number="02-NQ/ĐUK").count() == 1
    assert Target.objects.count() == 4
    assert other.facts.get(kind=FactKind.DOCUMENT).document.number == "02-NQ/ĐUK"


def test_a_document_without_a_date_waits_for_the_reviewer_to_enter_it(tree):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, "Thực hiện Nghị quyết số 03-NQ/TU của Tỉnh ủy.",
                                     extractor=fixed_extractor(documents=[{
                                         "text": "Nghị quyết số 03-NQ/TU", "type": "Nghị quyết", "type_code": "NQ",
                                         "number": "03", "issuer_code": "TU", "date": None}]))
    fact = source.facts.get()
    result = services.accept_all(tree.admin, source)
    assert result.accepted == 0 and "ngày ban hành" in services.error_text(result.failed[0][1])
    fact.refresh_from_db()
    assert fact.status == FactStatus.PENDING
    services.accept_fact(tree.admin, fact, corrections={"date": "2020-01-15", "title": "Về công tác cán bộ"})
    fact.refresh_from_db()
    assert fact.status == FactStatus.ACCEPTED and fact.corrected["date"] == "2020-01-15"
    assert fact.payload["date"] is None  # what the extractor said is kept beside the correction
    document = fact.document
    assert (document.number, document.issued_on, document.title) == ("03-NQ/TU", date(2020, 1, 15), "Về công tác cán bộ")


def test_a_reference_without_a_number_is_kept_as_a_reviewed_fact(tree):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, "Thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.",
                                     extractor=fixed_extractor(documents=[{
                                         "text": "Nghị quyết Trung ương 4 khóa XII", "type": "Nghị quyết", "type_code": "NQ",
                                         "number": None, "issuer_code": "TW", "plenum": 4, "term": 12}]))
    fact = services.accept_fact(tree.admin, source.facts.get())
    assert fact.status == FactStatus.ACCEPTED and fact.document is None
    assert "Không có số" in fact.note
    assert Document.objects.count() == 0


def test_a_target_with_no_document_before_it_asks_the_reviewer_to_pick_one(tree):
    source, _ = ingest_seed(tree)
    services.accept_all(tree.admin, source)
    text = "Phấn đấu có từ 95% đảng viên hoàn thành tốt nhiệm vụ."
    lone, _ = services.ingest_text(tree.admin, tree.commune_a, text, extractor=fixed_extractor(targets=[{
        "text": "có từ 95% đảng viên hoàn thành tốt nhiệm vụ", "value": 95, "unit": "%", "comparator": ">=", "year": 2015}]))
    fact = lone.facts.get()
    with pytest.raises(ValidationError) as error:
        services.accept_fact(tree.admin, fact)
    assert "chọn văn bản" in services.error_text(error.value)
    resolution = Document.objects.get(number="02-NQ/ĐUK")
    services.accept_fact(tree.admin, fact, document=resolution)
    assert resolution.targets.filter(target_value=95).exists()


def test_accepting_a_target_first_accepts_the_document_it_belongs_to(tree):
    source, _ = ingest_seed(tree)
    target_fact = source.facts.filter(kind=FactKind.TARGET).order_by("start").first()
    services.accept_fact(tree.admin, target_fact)
    document_fact = source.facts.get(kind=FactKind.DOCUMENT, text="Nghị quyết số 02-NQ/ĐUK")
    assert document_fact.status == FactStatus.ACCEPTED
    assert document_fact.document.targets.get().wording == target_fact.text


def test_rejected_facts_create_nothing_and_can_be_reopened(tree):
    source, _ = ingest_seed(tree)
    for fact in source.facts.filter(kind=FactKind.DOCUMENT):
        services.reject_fact(tree.staff_a, fact)
    result = services.accept_all(tree.staff_a, source)
    assert Document.objects.count() == 0
    assert len(result.failed) == 4  # the targets have no document left to belong to
    fact = source.facts.filter(kind=FactKind.DOCUMENT).first()
    assert fact.reviewer == tree.staff_a
    services.reopen_fact(tree.staff_a, fact)
    fact.refresh_from_db()
    assert fact.status == FactStatus.PENDING and fact.reviewer is None


def test_an_accepted_fact_cannot_be_rejected(tree):
    source, _ = ingest_seed(tree)
    fact = services.accept_fact(tree.admin, source.facts.filter(kind=FactKind.CONGRESS).first())
    assert "lần thứ XI" in fact.note
    with pytest.raises(ValidationError):
        services.reject_fact(tree.admin, fact)


def test_a_reported_figure_becomes_progress_of_the_target_it_measures(tree):
    source, _ = ingest_seed(tree)
    services.accept_all(tree.admin, source)
    text = ("Thực hiện Nghị quyết số 02-NQ/ĐUK, năm 2013 có 92% TCCSĐ đạt trong sạch, vững mạnh; "
            "tổ chức 12 điểm cầu.")
    report, _ = services.ingest_text(tree.admin, tree.commune_a, text, extractor=fixed_extractor(
        documents=[{"text": "Nghị quyết số 02-NQ/ĐUK", "type": "Nghị quyết", "type_code": "NQ", "number": "02",
                    "issuer_code": "ĐUK", "date": "2011-07-04"}],
        statistics=[{"text": "năm 2013 có 92% TCCSĐ đạt trong sạch, vững mạnh", "value": 92, "unit": "%", "year": 2013},
                    {"text": "12 điểm cầu", "value": 12}]))
    services.accept_all(tree.admin, report)
    progress = ProgressReport.objects.get()
    assert progress.value == 92 and progress.period_end == date(2013, 12, 31)
    assert progress.target.wording.startswith("có từ 90% TCCSĐ")
    kept = report.facts.get(text="12 điểm cầu")
    assert kept.status == FactStatus.ACCEPTED and kept.progress_report is None and "số liệu" in kept.note


def test_a_person_who_is_a_member_gets_the_committee_positions(tree):
    text = "Đồng chí Nguyễn Văn An, Bí thư Chi bộ Giáo viên 1, nguyên Phó Bí thư Đoàn trường."
    source, _ = services.ingest_text(tree.secretary_a1, tree.cell_a1, text, article_date=date(2024, 3, 1),
                                     extractor=fixed_extractor(people=[{
                                         "text": "Nguyễn Văn An", "name": "Nguyễn Văn An",
                                         "positions": ["Bí thư Chi bộ Giáo viên 1", "nguyên Phó Bí thư Đoàn trường"]}]))
    fact = services.accept_fact(tree.secretary_a1, source.facts.get())
    position = Position.objects.get()
    assert (position.member, position.organization, position.kind, position.start) == (
        tree.a1_members[0], tree.cell_a1, "bi_thu", date(2024, 3, 1))
    assert fact.member == tree.a1_members[0] and list(fact.positions.all()) == [position]


def test_a_person_who_is_not_a_member_keeps_the_positions_as_text(tree):
    source, _ = ingest_seed(tree)
    fact = services.accept_fact(tree.admin, source.facts.filter(kind=FactKind.PERSON).first())
    assert fact.member is None and Position.objects.count() == 0
    assert "Bí thư Đảng ủy Khối cơ quan Dân chính Đảng" in fact.note


def test_every_decision_is_audited(tree):
    source, _ = ingest_seed(tree)
    services.accept_all(tree.admin, source)
    fact_entries = AuditEntry.objects.filter(model="ingest.Fact", action="update")
    assert fact_entries.count() == 11
    assert all(entry.organization_id == tree.commune_a.pk for entry in fact_entries)
    assert AuditEntry.objects.filter(model="documents.Document", action="create").count() == 2
    assert AuditEntry.objects.filter(model="documents.Target", action="create").count() == 4
