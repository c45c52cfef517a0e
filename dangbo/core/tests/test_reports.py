"""Party-layout Word/PDF output, checked the way a clerk would check them."""
import io
from datetime import date

from docx import Document

from dangbo.core.party_docx import (PartyHeader, Signature, add_signature, add_table, date_line, new_party_document,
                                    to_bytes)

HEADER = PartyHeader(superior="Đảng bộ tỉnh Lai Châu", issuer="Ban Thường vụ Tỉnh ủy", number="02-BC/TU",
                     place="Lai Châu", date=date(2025, 1, 5), doc_type="Báo cáo",
                     summary="Kết quả đánh giá, xếp loại chất lượng năm 2024")


def test_date_line_uses_leading_zeros_as_the_guidance_says():
    assert date_line("Hà Nội", date(2018, 4, 3)) == "Hà Nội, ngày 03 tháng 4 năm 2018"
    assert date_line("Lai Châu", date(2025, 1, 5)) == "Lai Châu, ngày 05 tháng 01 năm 2025"
    assert date_line("Lai Châu", date(2025, 12, 20)) == "Lai Châu, ngày 20 tháng 12 năm 2025"


def test_word_report_has_party_header_number_and_table():
    doc = new_party_document(HEADER)
    add_table(doc, ["Đơn vị", "Số đảng viên"], [["Chi bộ 1", "1.234"]], number_columns={1})
    add_signature(doc, Signature(authority="T/M BAN THƯỜNG VỤ", position="BÍ THƯ", name="Giàng Páo Mỷ",
                                 recipients=["Ban Tổ chức Trung ương"]))
    reopened = Document(io.BytesIO(to_bytes(doc)))
    header_text = "\n".join(cell.text for cell in reopened.tables[0].rows[0].cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header_text
    assert "BAN THƯỜNG VỤ TỈNH ỦY" in header_text and "Số 02-BC/TU" in header_text
    assert "Lai Châu, ngày 05 tháng 01 năm 2025" in header_text
    body = [p.text for p in reopened.paragraphs]
    assert "BÁO CÁO" in body
    table = reopened.tables[1]
    assert [c.text for c in table.rows[1].cells] == ["Chi bộ 1", "1.234"]


def test_pdf_renders_vietnamese_text(settings):
    from pypdf import PdfReader

    from dangbo.core.party_pdf import render_pdf

    pdf = render_pdf("core/party_document.pdf.html", {"header": HEADER})
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Số 02-BC/TU" in text
