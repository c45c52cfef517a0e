"""Every documents page: each role sees what it should, 404 outside its scope, 403 read-only."""
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as DocxDocument

from dangbo.documents import services
from dangbo.documents.models import DocumentStatus, ImplementationLevel, LinkKind
from dangbo.documents.tests.factories import central, document, issuer

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]
EVERYONE = set(ROLES)


def docx_bytes(text: str) -> bytes:
    doc = DocxDocument()
    doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def docs(tree):
    admin = tree.admin
    d = {}
    d["province"] = document(admin, issuer(tree.province, "TU"), "03-NQ/TU", title="Nâng cao chất lượng đảng bộ xã",
                             implementation_level=ImplementationLevel.CHILDREN,
                             implementation_deadline=date(2021, 4, 1))
    d["commune_b"] = document(admin, issuer(tree.commune_b, "ĐU"), "02-NQ/ĐU", title="Phường B")
    d["commune_a_restricted"] = document(admin, issuer(tree.commune_a, "ĐU"), "04-NQ/ĐU", title="Mật",
                                         restricted=True)
    d["commune_a_draft"] = document(admin, issuer(tree.commune_a, "ĐU"), "", title="Dự thảo kế hoạch",
                                    doc_type="ke_hoach", status=DocumentStatus.DRAFT)
    d["cell_a2"] = document(admin, issuer(tree.cell_a2, "CB"), "01-NQ/CB", title="Chi bộ 2")
    d["central"] = document(admin, central(), "05-CT/TW", doc_type="chi_thi", title="Học tập và làm theo", khoa=12)
    d["central_restricted"] = document(admin, central("Ban Bí thư"), "06-CT/TW", doc_type="chi_thi", title="Mật TW",
                                       khoa=12, restricted=True)
    for key, doc in list(d.items()):
        d[key + "_target"] = services.add_target(admin, doc, wording=f"Chỉ tiêu {key}", target_value=90,
                                                 deadline=date(2025, 12, 31))
    d["commune_b_file"] = services.attach_file(
        admin, d["commune_b"], SimpleUploadedFile("nghi-quyet.docx", docx_bytes("Nội dung tệp đính kèm phường B")))
    return d


VISIBLE = {
    "province": EVERYONE,
    "commune_b": {"admin", "leader_province"},
    "commune_a_restricted": {"admin", "staff_a", "leader_province"},
    "commune_a_draft": {"admin", "staff_a", "leader_province"},
    "cell_a2": {"admin", "staff_a", "leader_province"},
    "central": EVERYONE,
    "central_restricted": {"admin"},
}
WRITABLE = {
    "province": {"admin"},
    "commune_b": {"admin"},
    "commune_a_restricted": {"admin", "staff_a"},
    "commune_a_draft": {"admin", "staff_a"},
    "cell_a2": {"admin", "staff_a"},
    "central": {"admin"},
    "central_restricted": {"admin"},
}
READ_PAGES = ["documents:detail", "documents:implementation", "documents:target", "export_xlsx"]
WRITE_PAGES = ["documents:edit", "documents:add_link", "documents:add_target", "documents:attach"]


def url_for(page, docs, key):
    if page == "documents:target":
        return reverse(page, args=[docs[key + "_target"].pk])
    if page == "export_xlsx":
        return reverse("documents:scorecard_export", args=[docs[key].pk, "xlsx"])
    return reverse(page, args=[docs[key].pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", list(VISIBLE))
def test_read_pages_answer_404_outside_the_scope(tree, docs, login, role, key):
    client = login(getattr(tree, role))
    for page in READ_PAGES:
        response = client.get(url_for(page, docs, key))
        assert response.status_code == (200 if role in VISIBLE[key] else 404), (page, key, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", list(VISIBLE))
def test_write_pages_need_write_rights_in_scope(tree, docs, login, role, key):
    client = login(getattr(tree, role))
    for page in WRITE_PAGES:
        response = client.get(url_for(page, docs, key))
        expected = 200 if role in WRITABLE[key] else (403 if role in VISIBLE[key] else 404)
        assert response.status_code == expected, (page, key, role)


@pytest.mark.parametrize("role", ROLES)
def test_attachment_download_follows_the_document(tree, docs, login, role):
    client = login(getattr(tree, role))
    url = reverse("documents:attachment", args=[docs["commune_b"].pk, docs["commune_b_file"].pk])
    assert client.get(url).status_code == (200 if role in VISIBLE["commune_b"] else 404)
    # The same attachment id under another document does not exist.
    other = reverse("documents:attachment", args=[docs["province"].pk, docs["commune_b_file"].pk])
    assert client.get(other).status_code == 404


def test_list_shows_only_visible_documents(tree, docs, login):
    page = login(tree.staff_a).get(reverse("documents:index")).content.decode()
    assert "Số 03-NQ/TU" in page and "Số 05-CT/TW" in page and "Mật" in page and "Dự thảo kế hoạch" in page
    assert "Phường B" not in page and "Mật TW" not in page
    page = login(tree.member_user).get(reverse("documents:index")).content.decode()
    assert "Số 03-NQ/TU" in page and "Mật" not in page and "Dự thảo kế hoạch" not in page and "Chi bộ 2" not in page


def test_search_folds_diacritics_and_reads_attached_files(tree, docs, login):
    client = login(tree.leader_province)
    page = client.get(reverse("documents:index"), {"q": "nghi quyet 03"}).content.decode()
    assert "Số 03-NQ/TU" in page and "Số 02-NQ/ĐU" not in page
    page = client.get(reverse("documents:index"), {"q": "noi dung tep dinh kem"}).content.decode()
    assert "Số 02-NQ/ĐU" in page
    page = client.get(reverse("documents:index"), {"q": "số 3-nq/tu"}).content.decode()
    assert "Số 03-NQ/TU" in page


def test_post_outside_scope_is_404_and_read_only_is_403(tree, docs, login):
    url = reverse("documents:add_target", args=[docs["commune_b"].pk])
    assert login(tree.staff_a).post(url, {"wording": "x", "measure": "ty_le", "comparator": "gte",
                                          "target_value": "90", "cadence": "han"}).status_code == 404
    assert login(tree.leader_province).post(url, {}).status_code == 403
    target_url = reverse("documents:target", args=[docs["province_target"].pk])
    assert login(tree.secretary_a1).post(target_url, {"period_end": "31/12/2021", "value": "95"}).status_code == 403


def test_remove_link_outside_scope_is_404(tree, docs, login):
    link = services.add_link(tree.admin, source=docs["commune_b"], target=docs["province"], kind=LinkKind.IMPLEMENTS)
    url = reverse("documents:remove_link", args=[docs["commune_b"].pk, link.pk])
    assert login(tree.staff_a).post(url).status_code == 404
    assert login(tree.leader_province).post(url).status_code == 403
    assert login(tree.admin).post(url).status_code == 302


def test_staff_registers_a_plan_implementing_the_province_resolution(tree, docs, login):
    client = login(tree.staff_a)
    own_issuer = docs["commune_a_restricted"].issuer
    response = client.post(reverse("documents:create"), {
        "issuer": own_issuer.pk, "doc_type": "ke_hoach", "number": "", "auto_number": "on",
        "issued_on": "15/03/2021", "title": "Kế hoạch thực hiện Nghị quyết 03-NQ/TU", "status": "ban_hanh",
        "implementation_level": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    plan_url = response["Location"]
    detail = client.get(plan_url).content.decode()
    assert "Kế hoạch số 01-KH/ĐU" in detail
    plan_pk = int(plan_url.rstrip("/").split("/")[-1])
    response = client.post(reverse("documents:add_link", args=[plan_pk]),
                           {"kind": "thuc_hien", "target_number": "3-nq/tu"})
    assert response.status_code == 302
    tracking = client.get(reverse("documents:implementation", args=[docs["province"].pk])).content.decode()
    assert "Đảng bộ xã Bình Lư" in tracking and "Kế hoạch số 01-KH/ĐU" in tracking
    assert "Đảng bộ phường Tân Phong" not in tracking  # outside staff_a's scope


def test_staff_cannot_register_for_an_issuer_outside_scope(tree, docs, login):
    response = login(tree.staff_a).post(reverse("documents:create"), {
        "issuer": docs["commune_b"].issuer.pk, "doc_type": "nghi_quyet", "number": "09-NQ/ĐU",
        "issued_on": "15/03/2021", "title": "x", "status": "ban_hanh"})
    assert response.status_code == 200 and "issuer" in response.context["form"].errors
    assert login(tree.member_user).get(reverse("documents:create")).status_code == 404


def test_progress_is_recorded_from_the_target_page(tree, docs, login):
    client = login(tree.admin)
    url = reverse("documents:target", args=[docs["province_target"].pk])
    response = client.post(url, {"period_end": "31/12/2021", "numerator": "19", "denominator": "20",
                                 "period_label": "Năm 2021", "source_note": "Báo cáo tổng kết"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "95,00%" in page and "Vượt" in page and "<canvas data-chart" in page


def test_scorecard_exports(tree, docs, login):
    client = login(tree.admin)
    services.add_progress(tree.admin, docs["province_target"], period_end=date(2021, 12, 31), value=91)
    for fmt, magic in (("xlsx", b"PK"), ("docx", b"PK"), ("pdf", b"%PDF")):
        response = client.get(reverse("documents:scorecard_export", args=[docs["province"].pk, fmt]))
        assert response.status_code == 200 and response.content.startswith(magic), fmt
    assert client.get(reverse("documents:scorecard_export", args=[docs["province"].pk, "exe"])).status_code == 404


def test_term_scorecard_lists_only_visible_issuers(tree, docs, login):
    client = login(tree.member_user)
    issuer_id = docs["central"].issuer_id
    page = client.get(reverse("documents:term_scorecard"), {"co_quan": issuer_id, "khoa": 12}).content.decode()
    assert "đạt và vượt 0/1 chỉ tiêu" in page.lower()
    hidden = docs["central_restricted"].issuer_id
    assert client.get(reverse("documents:term_scorecard"), {"co_quan": hidden, "khoa": 12}).status_code == 404
    export = client.get(reverse("documents:term_scorecard_export", args=["xlsx"]), {"co_quan": issuer_id, "khoa": 12})
    assert export.status_code == 200
    assert client.get(reverse("documents:term_scorecard_export", args=["xlsx"]),
                      {"co_quan": hidden, "khoa": 12}).status_code == 404


def test_implementation_index(tree, docs, login):
    page = login(tree.leader_province).get(reverse("documents:implementation_index")).content.decode()
    assert "Nghị quyết số 03-NQ/TU" in page and "0/2" in page
