"""Registering documents, numbering series, links, targets, progress and scorecards."""
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from dangbo.audit.models import AuditEntry
from dangbo.documents import scorecards, services
from dangbo.documents.models import Document, DocumentStatus, LinkKind
from dangbo.documents.targets import Status
from dangbo.documents.tests.factories import central, document, issuer
from dangbo.orgs.models import Term


@pytest.fixture
def province_issuer(tree):
    return issuer(tree.province, "TU", "Ban Thường vụ Tỉnh ủy")


def test_number_is_stored_canonically_and_searchable(tree, province_issuer):
    doc = document(tree.admin, province_issuer, "số 3 – nq / tu", title="Nâng cao chất lượng hoạt động đảng bộ xã")
    assert doc.number == "03-NQ/TU" and doc.display_number == "Số 03-NQ/TU"
    assert doc.sequence == 3 and doc.type_code == "NQ"
    assert "03-nq/tu" in doc.search_text and "nghi quyet" in doc.search_text and "nang cao" in doc.search_text
    assert str(doc) == "Nghị quyết số 03-NQ/TU"
    assert AuditEntry.objects.filter(model="documents.Document", object_id=str(doc.pk), organization_id=tree.province.pk).exists()


def test_number_must_fit_type_and_issuer(tree, province_issuer):
    with pytest.raises(ValidationError) as error:
        document(tree.admin, province_issuer, "03-KH/TU")
    assert "number" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        document(tree.admin, province_issuer, "03-NQ/HU")
    assert "không khớp" in error.value.message_dict["number"][0]
    with pytest.raises(ValidationError):
        document(tree.admin, province_issuer, "không có số")


def test_issued_document_needs_a_number_but_a_draft_does_not(tree, province_issuer):
    with pytest.raises(ValidationError):
        document(tree.admin, province_issuer, "")
    draft = document(tree.admin, province_issuer, "", status=DocumentStatus.DRAFT)
    assert draft.number == "" and draft.sequence is None


def test_series_restarts_each_term(tree, province_issuer):
    Term.objects.create(organization=tree.province, name="2015-2020", congress_ordinal=14,
                        start=date(2015, 10, 20), end=date(2020, 10, 15))
    Term.objects.create(organization=tree.province, name="2020-2025", congress_ordinal=15, start=date(2020, 10, 16))
    first = document(tree.admin, province_issuer, "", auto_number=True, issued_on=date(2019, 5, 1))
    assert first.number == "01-NQ/TU" and first.khoa == 14 and first.khoa_display == "khóa XIV"
    second = document(tree.admin, province_issuer, "", auto_number=True, issued_on=date(2020, 3, 1))
    assert second.number == "02-NQ/TU"
    new_term = document(tree.admin, province_issuer, "", auto_number=True, issued_on=date(2021, 1, 5))
    assert new_term.number == "01-NQ/TU" and new_term.term.name == "2020-2025"
    plan = document(tree.admin, province_issuer, "", auto_number=True, doc_type="ke_hoach", issued_on=date(2021, 1, 6))
    assert plan.number == "01-KH/TU"
    with pytest.raises(ValidationError) as error:
        document(tree.admin, province_issuer, "01-NQ/TU", issued_on=date(2022, 1, 1))
    assert "đã được dùng" in error.value.message_dict["number"][0]
    # The same number in another term is fine.
    assert document(tree.admin, province_issuer, "03-NQ/TU", issued_on=date(2016, 1, 1)).term.name == "2015-2020"


def test_year_based_series_when_no_term_is_known(tree, province_issuer):
    document(tree.admin, province_issuer, "05-NQ/TU", issued_on=date(2019, 5, 1))
    assert services.next_free_number(province_issuer, "nghi_quyet", date(2019, 9, 1)) == "06-NQ/TU"
    assert services.next_free_number(province_issuer, "nghi_quyet", date(2020, 1, 2)) == "01-NQ/TU"
    assert services.next_free_number(province_issuer, "nghi_quyet", date(2019, 9, 1), by_year=True) == "06-NQ/TU"


def test_bodies_sharing_a_code_share_the_series(tree):
    politburo, secretariat = central("Bộ Chính trị"), central("Ban Bí thư")
    document(tree.admin, politburo, "35-CT/TW", doc_type="chi_thi", khoa=12, issued_on=date(2019, 5, 30))
    assert services.next_free_number(secretariat, "chi_thi", date(2019, 8, 1), khoa=12) == "36-CT/TW"


def test_replacing_a_document_ends_its_validity(tree, province_issuer):
    old = document(tree.admin, province_issuer, "01-QĐ/TU", doc_type="quy_dinh")
    new = document(tree.admin, province_issuer, "09-QĐi/TU", doc_type="quy_dinh", issued_on=date(2022, 1, 1))
    services.add_link(tree.admin, source=new, target=old, kind=LinkKind.REPLACES)
    old.refresh_from_db()
    assert old.status == DocumentStatus.EXPIRED
    with pytest.raises(ValidationError):
        services.add_link(tree.admin, source=new, target=old, kind=LinkKind.REPLACES)
    with pytest.raises(ValidationError):
        services.add_link(tree.admin, source=new, target=new, kind=LinkKind.AMENDS)


def test_progress_from_counts_and_checks(tree, province_issuer):
    doc = document(tree.admin, province_issuer, "02-NQ/TU")
    target = services.add_target(tree.admin, doc, wording="Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ", target_value=90)
    report = services.add_progress(tree.admin, target, period_end=date(2021, 12, 31), numerator=19, denominator=21)
    assert report.value == Decimal("90.48") and report.period_label == "Năm 2021"
    with pytest.raises(ValidationError):
        services.add_progress(tree.admin, target, period_end=date(2021, 12, 31), value=120)
    with pytest.raises(ValidationError):
        services.add_progress(tree.admin, target, period_end=date(2021, 12, 31))
    with pytest.raises(ValidationError):
        services.add_target(tree.admin, doc, wording="", target_value=90)
    with pytest.raises(ValidationError):
        services.add_target(tree.admin, doc, wording="x", target_value="chín mươi")


def test_scorecard_of_five_targets_with_mixed_comparators(tree, province_issuer):
    """Nghị quyết 2011–2015 reviewed in January 2016, written-out expectations per target."""
    resolution = document(tree.admin, province_issuer, "02-NQ/TU", issued_on=date(2011, 7, 4))
    end = date(2015, 12, 31)
    add = services.add_target
    t1 = add(tree.admin, resolution, wording="Từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh", target_value=90,
             comparator="gte", cadence="hang_nam", start_year=2013, end_year=2015)
    t2 = add(tree.admin, resolution, wording="100% đảng viên hoàn thành nhiệm vụ", target_value=100, comparator="eq",
             deadline=end)
    t3 = add(tree.admin, resolution, wording="Từ 97% đảng viên trở lên hoàn thành tốt nhiệm vụ", target_value=97,
             comparator="gte", deadline=end)
    t4 = add(tree.admin, resolution, wording="Kết nạp trên 1.500 đảng viên", target_value=1500, comparator="gt",
             measure="so_luong", unit="đảng viên", deadline=end)
    t5 = add(tree.admin, resolution, wording="Không quá 2% TCCSĐ yếu kém", target_value=2, comparator="lte",
             deadline=end)
    t6 = add(tree.admin, resolution, wording="Tỷ lệ đảng viên trên 4% dân số", target_value=4, comparator="gt",
             deadline=date(2020, 12, 31))
    progress = services.add_progress
    for year, value in ((2013, 91), (2014, 92.5), (2015, 90)):
        progress(tree.admin, t1, period_end=date(year, 12, 31), value=value)          # met every year (90 = floor)
    progress(tree.admin, t2, period_end=end, value=100)                               # met exactly
    progress(tree.admin, t3, period_end=date(2014, 12, 31), value=97.5)
    progress(tree.admin, t3, period_end=end, value=96.2)                              # latest short -> missed
    progress(tree.admin, t4, period_end=end, value=1623, source_note="Báo cáo 5 năm")  # exceeded
    progress(tree.admin, t5, period_end=end, value=2.4)                               # above the ceiling -> missed
    progress(tree.admin, t6, period_end=end, value=3.76)                              # deadline 2020 -> not yet

    card = scorecards.document_scorecard(resolution, date(2016, 1, 20))
    verdicts = {line.target.pk: (line.status, line.evaluation.exceeded) for line in card.lines}
    assert verdicts == {
        t1.pk: (Status.MET, False),
        t2.pk: (Status.MET, False),
        t3.pk: (Status.MISSED, False),
        t4.pk: (Status.MET, True),
        t5.pk: (Status.MISSED, False),
        t6.pk: (Status.NOT_YET, False),
    }
    assert card.headline == "đạt và vượt 3/6 chỉ tiêu"
    assert [line.target.pk for line in card.missed] == [t3.pk, t5.pk]
    assert [line.target.pk for line in card.not_yet] == [t6.pk]
    assert card.summary.exceeded == 1
    assert [line.latest_text for line in card.lines] == ["90%", "100%", "96,2%", "1.623 đảng viên", "2,4%", "3,76%"]
    assert "<canvas data-chart" in str(card.lines[0].chart())

    # A plan implementing the resolution shows the resolution's progress.
    plan = document(tree.admin, province_issuer, "07-KH/TU", doc_type="ke_hoach", issued_on=date(2011, 8, 1))
    services.add_link(tree.admin, source=plan, target=resolution, kind=LinkKind.IMPLEMENTS)
    parents = scorecards.implemented_scorecards(plan, date(2016, 1, 20), Document.objects.all())
    assert [c.headline for c in parents] == ["đạt và vượt 3/6 chỉ tiêu"]


def test_breakdown_by_organization(tree, province_issuer):
    doc = document(tree.admin, province_issuer, "02-NQ/TU")
    target = services.add_target(tree.admin, doc, wording="95% TCCSĐ HTTNV", target_value=95,
                                 applies_to=[tree.commune_a, tree.commune_b], deadline=date(2021, 12, 31))
    services.add_progress(tree.admin, target, organization=tree.commune_a, period_end=date(2021, 12, 31), value=96)
    services.add_progress(tree.admin, target, organization=tree.commune_b, period_end=date(2021, 12, 31), value=80)
    rows = scorecards.organization_breakdown(target, date(2022, 1, 5), [tree.commune_a, tree.commune_b])
    assert [(org.pk, line.status) for org, line in rows] == [(tree.commune_a.pk, Status.MET),
                                                             (tree.commune_b.pk, Status.MISSED)]
