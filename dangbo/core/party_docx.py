"""Word (.docx) documents in the Party's layout (Hướng dẫn 36-HD/VPTW, 03/4/2018).

Usage::

    from dangbo.core.party_docx import PartyHeader, Signature, new_party_document, add_table, add_signature, to_bytes

    header = PartyHeader(superior="ĐẢNG BỘ TỈNH LAI CHÂU", issuer="BAN THƯỜNG VỤ TỈNH ỦY",
                         number="02-BC/TU", place="Lai Châu", date=date(2025, 12, 20),
                         doc_type="BÁO CÁO", summary="Kết quả đánh giá, xếp loại chất lượng năm 2025")
    doc = new_party_document(header)
    add_paragraph(doc, "Thực hiện Quy định số 366-QĐ/TW ...")
    add_table(doc, ["Đơn vị", "Số đảng viên", "Tỷ lệ"], rows, number_columns={1, 2})
    add_signature(doc, Signature(authority="T/M BAN THƯỜNG VỤ", position="BÍ THƯ", name="Nguyễn Văn A",
                                 recipients=["Ban Tổ chức Trung ương", "Lưu Văn phòng Tỉnh ủy"]))
    data = to_bytes(doc)

Elements (DOMAIN.md §2): header "ĐẢNG CỘNG SẢN VIỆT NAM" top right, underlined; issuing body
(with its direct superior above) top left, with the number "Số 02-BC/TU" under it; place
and date line in italics ("Lai Châu, ngày 20 tháng 12 năm 2025": leading zero for days
below 10 and months below 3); type name and summary centred; margins 20/20/30/15 mm.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"


@dataclass
class PartyHeader:
    issuer: str
    number: str
    place: str
    date: date
    doc_type: str
    summary: str = ""
    superior: str = ""


@dataclass
class Signature:
    authority: str = ""  # "T/M BAN THƯỜNG VỤ", "T/M CHI BỘ"
    position: str = ""   # "BÍ THƯ", "PHÓ BÍ THƯ"
    name: str = ""
    recipients: list[str] = field(default_factory=list)


def date_line(place: str, on: date) -> str:
    """'Hà Nội, ngày 03 tháng 4 năm 2018' — day < 10 and month < 3 take a leading zero."""
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"


def number_line(number: str) -> str:
    number = number.strip()
    return number if number.lower().startswith("số") else f"Số {number}"


def new_party_document(header: PartyHeader) -> Document:
    doc = Document()
    _page_setup(doc)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    for line in header.superior.split("\n"):   # a congress board has two lines above it
        if line.strip():
            _cell_line(left, line.upper(), size=14)
    _cell_line(left, header.issuer.upper(), size=14, bold=True)
    _cell_line(left, "*", size=14)
    _cell_line(left, number_line(header.number), size=14)
    _cell_line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True)
    _cell_line(right, "")
    _cell_line(right, date_line(header.place, header.date), size=14, italic=True)
    doc.add_paragraph()
    _centered(doc, header.doc_type.upper(), size=16, bold=True)
    if header.summary:
        _centered(doc, header.summary, size=14, bold=True)
    _centered(doc, "-----", size=14)
    return doc


def add_heading(doc: Document, text: str) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    _font(run, 14, bold=True)


def add_paragraph(doc: Document, text: str, *, italic: bool = False) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10)
    _font(paragraph.add_run(text), 14, italic=italic)


def add_table(doc: Document, headers: list[str], rows, *, number_columns: set[int] = frozenset(),
              size: int = 12):
    """A bordered table; `rows` hold already formatted strings (use core.vn formats)."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(text))
        _font(run, size, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row)):
            run = cell.paragraphs[0].add_run("" if value is None else str(value))
            _font(run, size)
            if index in number_columns:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    return table


def add_signature(doc: Document, signature: Signature) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    if signature.recipients:
        _cell_line(left, "Nơi nhận:", size=12, bold=True, underline=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for recipient in signature.recipients:
            _cell_line(left, f"- {recipient},", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for text, bold in ((signature.authority, True), (signature.position, True), ("", False), ("", False),
                       (signature.name, True)):
        _cell_line(right, text, size=14, bold=bold)


def add_board_signatures(doc: Document, *, head_title: str, head: str, members_title: str,
                         members: list[str]) -> None:
    """A board signs as a whole (e.g. the minutes of vote counting): its members on the left,
    each with room for a signature, the head on the right."""
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    if members:
        _cell_line(left, members_title, size=13, bold=True)
        for name in members:
            for text in ("", "", name):
                _cell_line(left, text, size=13, bold=bool(text))
    for text, bold in ((head_title, True), ("", False), ("", False), (head, True)):
        _cell_line(right, text, size=13, bold=bold)


def to_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _page_setup(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    # East-Asian font slot too, so Word does not substitute a font for Vietnamese letters.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _font(run, size: int, *, bold=False, italic=False, underline=False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    r_pr = run._element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.append(fonts)
    fonts.set(qn("w:eastAsia"), FONT)


def _cell_line(cell, text: str, *, size: int = 14, bold=False, italic=False, underline=False,
               align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 and not cell.paragraphs[0].runs else cell.add_paragraph()
    paragraph.alignment = align
    _font(paragraph.add_run(text), size, bold=bold, italic=italic, underline=underline)


def _centered(doc: Document, text: str, *, size: int, bold=False) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run(text), size, bold=bold)
