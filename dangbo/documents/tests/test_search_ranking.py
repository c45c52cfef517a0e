"""Search ranking: "nghi quyet 02" lists Nghị quyết số 02 first, then other documents numbered
02, then the other resolutions; with or without accents, on the page and in the API."""
from datetime import date

import pytest
from django.urls import reverse
from lxml import html

from dangbo.documents.search import query_terms
from dangbo.documents.tests.factories import document, issuer


def test_query_terms_name_the_number_and_the_kind():
    assert query_terms("nghi quyet 02") == query_terms("Nghị quyết số 02")
    terms = query_terms("Nghị quyết số 02")
    assert terms.numbers == {2} and terms.kinds == {"nghi_quyet"}
    assert query_terms("02-kl").kinds == {"ket_luan"} and query_terms("02-kl").numbers == {2}
    assert query_terms("qd 15").kinds == {"quyet_dinh", "quy_dinh"}  # QĐ is the code of both
    assert query_terms("ke hoach da ban hanh").kinds == {"ke_hoach"}  # "đã" is not Đề án
    assert query_terms("xay dung dang").numbers == frozenset()


@pytest.fixture
def numbered(tree):
    admin = tree.admin
    bloc, province = issuer(tree.commune_a, "ĐUK", "Đảng ủy Khối các cơ quan"), issuer(tree.province, "TU")
    return {
        # Newest first would put the conclusion and the 2021 resolution before the one sought.
        "02-NQ/ĐUK": document(admin, bloc, "02-NQ/ĐUK", issued_on=date(2011, 7, 4),
                              title="Về xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh"),
        "02-KL/TU": document(admin, province, "02-KL/TU", doc_type="ket_luan", issued_on=date(2022, 3, 1),
                             title="Về tiếp tục thực hiện Nghị quyết số 15-NQ/TU"),
        "15-NQ/TU": document(admin, province, "15-NQ/TU", issued_on=date(2021, 9, 1),
                             title="Về phát triển kinh tế nông nghiệp giai đoạn 2021-2025"),
    }


def _order(page: str) -> list[str]:
    rows = html.fromstring(page).xpath('//table[@id="documents"]/tbody/tr')
    found = []
    for row in rows:
        text = row.text_content()
        found.append(next(number for number in ("02-NQ/ĐUK", "02-KL/TU", "15-NQ/TU") if number in text))
    return found


@pytest.mark.parametrize("query", ["nghi quyet 02", "Nghị quyết số 02", "NGHI QUYET 02"])
def test_resolution_02_comes_first_then_other_02_then_other_resolutions(numbered, tree, login, query):
    page = login(tree.admin).get(reverse("documents:index"), {"q": query}).content.decode()
    assert _order(page) == ["02-NQ/ĐUK", "02-KL/TU", "15-NQ/TU"]


def test_the_api_ranks_the_same_way(numbered, tree, login):
    items = login(tree.admin).get("/api/v1/documents/", {"q": "nghi quyet 02"}).json()
    assert [item["number"] for item in items] == ["02-NQ/ĐUK", "02-KL/TU", "15-NQ/TU"]


def test_a_conclusion_query_puts_the_conclusion_first(numbered, tree, login):
    page = login(tree.admin).get(reverse("documents:index"), {"q": "ket luan 02"}).content.decode()
    assert _order(page)[0] == "02-KL/TU"


def test_a_full_number_is_first_even_when_older(numbered, tree, login):
    page = login(tree.admin).get(reverse("documents:index"), {"q": "số 2-nq/duk"}).content.decode()
    assert _order(page)[0] == "02-NQ/ĐUK"


def test_so_before_a_number_is_not_a_required_word():
    from dangbo.documents.search import query_words, required_words

    assert required_words(query_words("Nghị quyết số 02")) == ["nghi", "quyet", "02"]
    assert required_words(query_words("so lieu")) == ["so", "lieu"]


def test_pages_cut_across_the_ranks_without_losing_or_repeating_a_document(numbered, tree):
    from dangbo.documents.models import Document
    from dangbo.documents.search import search_documents

    results = search_documents(Document.objects.all(), "nghi quyet 02")
    whole = [d.number for d in results[0:10]]
    assert whole == ["02-NQ/ĐUK", "02-KL/TU", "15-NQ/TU"]
    assert [d.number for d in results[0:1]] + [d.number for d in results[1:2]] + \
        [d.number for d in results[2:3]] == whole
    assert [d.number for d in results[1:3]] == whole[1:] and results[3:5] == []
