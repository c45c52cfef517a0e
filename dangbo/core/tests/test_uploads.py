"""Hostile or mistaken uploads are refused fast with a Vietnamese message, through the real
upload pages: zip bombs (.docx, .xlsx), a PDF with too many pages, binary files named .txt,
CSV cells over 128 KB. The files are built here, in the tests."""
import io
import time
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangbo.core import uploads
from dangbo.documents.extraction import UnsupportedFile, extract_text
from dangbo.documents.tests.factories import document, issuer
from dangbo.ingest.models import Source
from dangbo.members.models import Member

BOMB_UNPACKED = 98 * 1024 * 1024


def docx_bytes(paragraph_text: str = "Nghị quyết của Chi bộ") -> bytes:
    import docx

    buffer = io.BytesIO()
    made = docx.Document()
    made.add_paragraph(paragraph_text)
    made.save(buffer)
    return buffer.getvalue()


def zip_bomb(template: bytes, part: str) -> bytes:
    """`template` (a real .docx/.xlsx) with `part` padded to 98 MB of text: about 100 KB packed."""
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                head, tail = data.split(b"</w:body>") if b"</w:body>" in data else (data, b"")
                padding = b"<!--" + b"A" * (BOMB_UNPACKED - len(data)) + b"-->"
                data = head + padding + (b"</w:body>" + tail if tail else b"")
            bomb.writestr(item.filename, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    data = zip_bomb(docx_bytes(), "word/document.xml")
    assert len(data) < 400 * 1024  # a few hundred KB on the wire...
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist()) > 98 * 1_000_000  # ...98 MB inside
    return data


def test_the_zip_guard_refuses_a_docx_bomb_from_its_directory_alone(docx_bomb):
    started = time.perf_counter()
    with pytest.raises(uploads.FileRefused, match="bom nén"):
        uploads.check_zip(io.BytesIO(docx_bomb), "tệp .docx")
    assert time.perf_counter() - started < 1  # the directory is read, nothing is unpacked


def test_the_zip_guard_accepts_a_real_docx_and_refuses_junk():
    uploads.check_zip(io.BytesIO(docx_bytes()))
    with pytest.raises(uploads.FileRefused, match="tệp hỏng hoặc không đúng định dạng"):
        uploads.check_zip(io.BytesIO(b"PK\x03\x04 not really a zip"))


def test_ingest_refuses_a_docx_bomb_with_a_message(tree, login, docx_bomb):
    upload = SimpleUploadedFile("bao-cao.docx", docx_bomb)
    response = login(tree.staff_a).post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "file": upload})
    assert response.status_code == 200
    assert "bom nén" in " ".join(response.context["form"].errors["file"])
    assert not Source.objects.exists()


def test_a_document_attachment_that_is_a_docx_bomb_is_refused(tree, login, docx_bomb):
    paper = document(tree.admin, issuer(tree.commune_a, code="ĐU"), "01-NQ/ĐU", issued_on=date(2024, 3, 1))
    upload = SimpleUploadedFile("nghi-quyet.docx", docx_bomb)
    response = login(tree.admin).post(f"/van-ban/{paper.pk}/dinh-kem/", {"file": upload})
    assert response.status_code == 200
    assert "bom nén" in str(response.context["form"].errors)
    assert not paper.attachments.exists()


def test_a_congress_draft_from_a_docx_bomb_is_refused(docx_bomb):
    from dangbo.congress.paragraphs import read_docx

    with pytest.raises(uploads.FileRefused, match="bom nén"):
        read_docx(io.BytesIO(docx_bomb))


def test_a_pdf_over_the_page_limit_is_refused():
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(uploads.MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnsupportedFile, match="501 trang, quá giới hạn 500 trang"):
        extract_text("bao-cao.pdf", buffer.getvalue())


@pytest.mark.parametrize("content, message", [
    (bytes(range(256)) * 40, "không phải văn bản (có byte 0"),
    ("Nghị quyết".encode("utf-16"), "không phải văn bản"),
    ("Nghị quyết số 01-NQ/ĐU".encode("cp1258", errors="replace") + b"\xff\xfe", "không phải văn bản UTF-8"),
    (b"Nghi quyet" + b"\x01\x02\x03\x04" * 10, "ký tự điều khiển"),
])
def test_a_file_named_txt_that_is_not_text_is_refused(tree, login, content, message):
    upload = SimpleUploadedFile("tin-tuc.txt", content)
    response = login(tree.staff_a).post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "file": upload})
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Source.objects.exists()


def test_a_binary_file_named_html_is_refused(tree, login):
    upload = SimpleUploadedFile("tin.html", b"<html>\x00\x01\x02" + bytes(range(256)))
    response = login(tree.staff_a).post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "file": upload})
    assert "không phải trang HTML" in " ".join(response.context["form"].errors["file"])


def test_invisible_characters_in_an_uploaded_text_are_dropped_not_stored(tree, login):
    text = "Ngày 12/3/2024,\u200b Đảng ủy xã tổ chức\x0c hội nghị sơ kết Nghị quyết số 01-NQ/ĐU.\n"
    upload = SimpleUploadedFile("tin.txt", text.encode("utf-8"))
    login(tree.staff_a).post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "file": upload})
    assert Source.objects.get().text.startswith("Ngày 12/3/2024, Đảng ủy xã tổ chức hội nghị")


def test_invisible_characters_in_a_pasted_article_are_dropped_as_for_a_file(tree, login):
    text = "Ngày 12/3/2024,\u200b Đảng ủy xã tổ chức\u202e hội nghị sơ kết Nghị quyết số 01-NQ/ĐU."
    login(tree.staff_a).post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "text": text})
    assert Source.objects.get().text.startswith("Ngày 12/3/2024, Đảng ủy xã tổ chức hội nghị")


# -- spreadsheets ---------------------------------------------------------------------------------

HEADER = "Họ và tên;Ngày sinh;Giới tính;Ngày vào Đảng;Ngày chính thức;Mã chi bộ;Trạng thái;Quê quán\n"


def member_import(client, name: str, content: bytes):
    return client.post(reverse("members:import"), {"file": SimpleUploadedFile(name, content)})


def all_errors(response) -> str:
    return " ".join(str(error) for error in response.context["errors"])


def test_a_csv_cell_over_128_kb_is_a_row_error_not_a_500(tree, login):
    row = f"Mùa A Páo;01/04/1990;Nam;19/05/2015;19/05/2016;{tree.cell_a1.code};Chính thức;{'x' * 140_000}\n"
    response = member_import(login(tree.admin), "dang-vien.csv", (HEADER + row).encode("utf-8"))
    assert response.status_code == 200
    assert "Dòng 2" in all_errors(response) and "có ô dài quá 131.072 ký tự" in all_errors(response)
    assert not Member.objects.filter(full_name="Mùa A Páo").exists()


def test_a_csv_cell_over_the_excel_cell_limit_is_refused(tree, login):
    row = f"Mùa A Páo;01/04/1990;Nam;19/05/2015;19/05/2016;{tree.cell_a1.code};Chính thức;{'x' * 40_000}\n"
    response = member_import(login(tree.admin), "dang-vien.csv", (HEADER + row).encode("utf-8"))
    assert "quá giới hạn 32.767 ký tự của một ô Excel" in all_errors(response)


def test_a_binary_file_named_csv_is_refused(tree, login):
    response = member_import(login(tree.admin), "dang-vien.csv", HEADER.encode() + bytes(range(256)) * 10)
    assert response.status_code == 200 and all_errors(response).startswith("Tệp")


def test_an_xlsx_bomb_is_refused_before_it_is_opened(tree, login):
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Họ và tên"])
    workbook.save(buffer)
    bomb = zip_bomb(buffer.getvalue(), "xl/worksheets/sheet1.xml")
    started = time.perf_counter()
    response = member_import(login(tree.admin), "dang-vien.xlsx", bomb)
    assert time.perf_counter() - started < 10
    assert "bom nén" in all_errors(response)


@pytest.mark.parametrize("name", ["Nguyễn Văn\u202e An", "Nguyễn\u200b Văn An", "Nguyễn " + "A" * 200])
def test_an_imported_name_with_tricky_characters_or_too_long_is_a_row_error(tree, login, name):
    row = f"{name};01/04/1990;Nam;19/05/2015;19/05/2016;{tree.cell_a1.code};Chính thức;\n"
    response = member_import(login(tree.admin), "dang-vien.csv", (HEADER + row).encode("utf-8"))
    assert "Dòng 2, cột «Họ và tên»" in all_errors(response)
    assert Member.objects.count() == 9



# -- sizes ----------------------------------------------------------------------------------------


def test_a_file_over_the_upload_limit_is_refused_beside_the_field(tree, login, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1024 * 1024)
    upload = SimpleUploadedFile("xep-loai.csv", b"x" * (1024 * 1024 + 1))
    response = login(tree.admin).post(f"/xep-loai/{tree.cell_a1.pk}/2025/nhap-tu-tep/", {"file": upload})
    assert response.context["form"].errors["file"] == ["Tệp quá lớn (tối đa 1 MB)."]


def test_a_request_over_the_request_limit_is_413_before_it_is_read(tree, login, settings):
    settings.DANGBO_MAX_REQUEST_BYTES = 64 * 1024
    upload = SimpleUploadedFile("bao-cao.txt", b"x" * 100_000)
    client = login(tree.staff_a)
    response = client.post(reverse("ingest:upload"), {"organization": tree.commune_a.pk, "file": upload})
    assert response.status_code == 413 and "quá lớn" in response.content.decode()
    response = client.post("/api/v1/ingest/sources", {"organization_id": tree.commune_a.pk, "text": "x" * 100_000},
                           content_type="application/json")
    assert response.status_code == 413 and "quá lớn" in response.json()["detail"]
