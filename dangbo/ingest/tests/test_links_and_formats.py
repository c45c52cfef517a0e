"""Document links offered by the review queue, and facts shown in Vietnamese formats."""
import pytest
from django.core.exceptions import ValidationError

from dangbo.documents.models import Document, DocumentLink
from dangbo.ingest import services
from dangbo.ingest.models import Fact, FactKind, FactStatus

LINKED = ("Ban Thường vụ Tỉnh ủy đã kịp thời ban hành Kế hoạch số 248-KH/TU ngày 9-8-2019 triển khai thực hiện "
          "Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp.")


@pytest.mark.django_db
def test_a_plan_implementing_a_directive_becomes_a_registry_link(tree):
    source, _ = services.ingest_text(tree.admin, tree.commune_a, LINKED)
    link = source.facts.get(kind=FactKind.LINK)
    assert dict(link.summary()) == {"Văn bản": "Kế hoạch số 248-KH/TU ngày 9-8-2019", "Quan hệ": "Thực hiện",
                                    "Với văn bản": "Chỉ thị số 35-CT/TW ngày 30-5-2019"}
    result = services.accept_all(tree.admin, source)
    assert result.failed == []
    stored = DocumentLink.objects.get()
    assert (stored.source.number, stored.kind, stored.target.number) == ("248-KH/TU", "thuc_hien", "35-CT/TW")
    link.refresh_from_db()
    assert link.status == FactStatus.ACCEPTED and link.document == stored.source


@pytest.mark.django_db
def test_a_link_whose_source_the_text_does_not_name_waits_for_the_reviewers_pick(tree):
    text = "Thực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị, các cấp ủy đã quán triệt nghiêm túc."
    source, _ = services.ingest_text(tree.admin, tree.commune_a, text)
    link = source.facts.get(kind=FactKind.LINK)
    assert dict(link.summary())["Văn bản"].startswith("(chủ thể của bài viết")
    with pytest.raises(ValidationError) as raised:
        services.accept_fact(tree.admin, link)
    assert "chọn văn bản" in services.error_text(raised.value)
    plan, _ = services.ingest_text(tree.admin, tree.commune_a, LINKED)
    services.accept_fact(tree.admin, plan.facts.get(kind=FactKind.DOCUMENT, text__startswith="Kế hoạch"))
    chosen = Document.objects.get(number="248-KH/TU")
    services.accept_fact(tree.admin, link, document=chosen)
    assert DocumentLink.objects.filter(source=chosen, target__number="35-CT/TW", kind="thuc_hien").exists()


@pytest.mark.parametrize("payload, expected", [
    ({"value": 60137, "unit": "đảng viên"}, {"Giá trị": "60.137", "Đơn vị": "đảng viên"}),
    ({"value": 3.76, "unit": "%"}, {"Giá trị": "3,76%"}),
    ({"value": 90, "unit": "%", "comparator": ">=", "year": 2025}, {"Giá trị": "90%", "So sánh": "≥", "Năm": "2025"}),
    ({"value": 1200, "unit": "đảng viên", "comparator": "<="}, {"Giá trị": "1.200", "Đơn vị": "đảng viên", "So sánh": "≤"}),
    ({"value": "17/21", "unit": "chỉ tiêu"}, {"Giá trị": "17/21", "Đơn vị": "chỉ tiêu"}),
    ({"value": 0.44, "unit": "%"}, {"Giá trị": "0,44%"}),
])
def test_figures_read_the_vietnamese_way(payload, expected):
    assert dict(Fact(kind=FactKind.TARGET, payload=payload).summary()) == expected


def test_the_correction_form_shows_the_value_in_vietnamese_format():
    from dangbo.ingest.forms import StatisticCorrection, TargetCorrection

    fact = Fact(kind=FactKind.TARGET, payload={"text": "60.137 đảng viên", "value": 60137, "unit": "đảng viên"})
    assert TargetCorrection(fact=fact).initial["value"] == "60.137"
    fact = Fact(kind=FactKind.STATISTIC, payload={"text": "3,76%", "value": 3.76, "unit": "%"})
    assert StatisticCorrection(fact=fact).initial["value"] == "3,76"


@pytest.mark.django_db
def test_the_reviewer_picks_the_source_of_a_link_in_the_correction_form(tree, login):
    from django.urls import reverse

    plan, _ = services.ingest_text(tree.admin, tree.commune_a, LINKED)
    services.accept_fact(tree.admin, plan.facts.get(kind=FactKind.DOCUMENT, text__startswith="Kế hoạch"))
    services.accept_fact(tree.admin, plan.facts.get(kind=FactKind.DOCUMENT, text__startswith="Chỉ thị"))
    text = "Thực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị, các cấp ủy đã quán triệt nghiêm túc."
    source, _ = services.ingest_text(tree.admin, tree.commune_a, text)
    link = source.facts.get(kind=FactKind.LINK)
    client = login(tree.staff_a)
    url = reverse("ingest:fact_correct", args=[link.pk])
    page = client.get(url).content.decode()
    assert "Văn bản thực hiện" in page and "Thực hiện" in page
    chosen = Document.objects.get(number="248-KH/TU")
    # The form offers the documents this text cites; the plan is cited by the other text only.
    response = client.post(url, {"kind": "thuc_hien", "document": ""})
    assert "chọn văn bản" in response.content.decode()
    link.refresh_from_db()
    assert link.status == FactStatus.PENDING
    services.accept_fact(tree.staff_a, link, document=chosen)
    assert DocumentLink.objects.filter(source=chosen, target__number="35-CT/TW").exists()
