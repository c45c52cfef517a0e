"""The shared spreadsheet pipeline: reading .xlsx/.csv, validating, error and export files."""
import io
import unicodedata
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from dangbo.core import tabular as t
from dangbo.core.testing import ExportedSheet

SPEC = t.TableSpec("Thử", [
    t.Column("name", "Họ và tên", required=True, parse=t.text(20), example="Nguyễn Văn An"),
    t.Column("born", "Ngày sinh", required=True, parse=t.date_value, example=date(1985, 5, 17)),
    t.Column("gender", "Giới tính", required=True, parse=t.choice({"Nam": "nam", "Nữ": "nu"})),
    t.Column("citizen_id", "Số CCCD", parse=t.digits(12), text_cells=True, default=None),
    t.Column("score", "Điểm", parse=t.decimal_value, default=None),
    t.Column("year", "Năm", parse=t.integer(2000, 2100), default=None),
])


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def csv_file(text, bom=False):
    return io.BytesIO(("\ufeff" if bom else "").encode() + text.encode("utf-8"))


def test_xlsx_rows_come_out_by_field_with_excel_row_numbers():
    decomposed = unicodedata.normalize("NFD", "Trần Thị Bình")
    file = xlsx([
        ["HỌ VÀ TÊN", "Ngày sinh", "Giới tính (Nam/Nữ)", "Cột lạ"],
        [decomposed, datetime(1990, 1, 2), "Nữ", "x"],
        [None, None, None, None],
        ["Lê  Văn   Cường", "03/04/1991", "nam", None],
    ])
    rows = list(t.read_rows(file, "danh-sach.xlsx", SPEC))
    assert [row[t.ROW] for row in rows] == [2, 4]
    assert rows[0]["name"] == unicodedata.normalize("NFC", "Trần Thị Bình")
    assert rows[1]["name"] == "Lê Văn Cường"
    assert "Cột lạ" not in rows[0]


@pytest.mark.parametrize("delimiter", [";", ","])
@pytest.mark.parametrize("bom", [True, False])
def test_csv_with_either_delimiter_and_optional_bom(delimiter, bom):
    text = delimiter.join(["Họ và tên", "Ngày sinh", "Giới tính"]) + "\r\n" + delimiter.join(["Phạm Minh Đức", "17/05/1985", "Nam"]) + "\r\n"
    clean, errors = t.validate_table(t.read_rows(csv_file(text, bom), "a.csv", SPEC), SPEC)
    assert errors == []
    assert clean[0]["name"] == "Phạm Minh Đức" and clean[0]["born"] == date(1985, 5, 17) and clean[0]["gender"] == "nam"


def test_errors_name_the_excel_row_and_the_column_header():
    file = xlsx([
        ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"],
        ["Nguyễn Văn An", "17/05/1985", "Nam", "001085012345"],
        ["Trần Thị Bình", "31/02/1990", "Nữ", "12345"],
        ["", "01/01/1990", "Khác", None],
    ])
    table = t.load_table(file, "x.xlsx", SPEC)
    messages = [str(error) for error in table.errors]
    assert table.rows == [] and table.row_count == 3
    assert any(m.startswith("Dòng 3, cột «Ngày sinh»") for m in messages)
    assert any(m.startswith("Dòng 3, cột «Số CCCD»") and "12 chữ số" in m for m in messages)
    assert any(m.startswith("Dòng 4, cột «Họ và tên»") and "Bắt buộc" in m for m in messages)
    assert any(m.startswith("Dòng 4, cột «Giới tính»") and "Nam, Nữ" in m for m in messages)


def test_a_citizen_id_typed_as_a_number_gets_its_leading_zeros_back():
    file = xlsx([["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"], ["Nguyễn Văn An", "17/05/1985", "Nam", 1085012345]])
    table = t.load_table(file, "x.xlsx", SPEC)
    assert table.rows[0]["citizen_id"] == "001085012345"


def test_vietnamese_numbers_parse():
    assert t.decimal_value("3,76") == t.decimal_value(3.76)
    assert t.decimal_value("60.137") == 60137
    assert t.integer()("2.025") == 2025
    with pytest.raises(ValueError):
        t.integer(2000, 2100)("1999")


def test_missing_required_column_is_one_file_level_error():
    table = t.load_table(xlsx([["Họ và tên", "Giới tính"], ["Nguyễn Văn An", "Nam"]]), "x.xlsx", SPEC)
    assert len(table.errors) == 1 and "«Ngày sinh»" in str(table.errors[0])


def test_other_file_types_and_bad_encodings_are_refused():
    assert "xlsx" in t.load_table(io.BytesIO(b"x"), "a.pdf", SPEC).errors[0].message
    latin = io.BytesIO("Họ và tên;Ngày sinh;Giới tính\nNguyễn;1/1/1990;Nam\n".encode("utf-16"))
    assert "UTF-8" in t.load_table(latin, "a.csv", SPEC).errors[0].message
    assert "Excel" in t.load_table(io.BytesIO(b"not a zip"), "a.xlsx", SPEC).errors[0].message


def test_row_limit_is_enforced():
    rows = [["Họ và tên", "Ngày sinh", "Giới tính"]] + [["Nguyễn Văn An", "01/01/1990", "Nam"]] * 5
    table = t.load_table(xlsx(rows), "x.xlsx", SPEC, max_rows=3)
    assert "quá 3 dòng" in table.errors[0].message


def test_row_and_table_validators_report_by_header():
    text = "Họ và tên;Ngày sinh;Giới tính;Số CCCD\nNguyễn Văn An;1/1/1990;Nam;001085012345\nTrần Văn Bảo;1/1/1990;Nam;001085012345\n"

    def too_young(row):
        return [("born", "Chưa đủ tuổi.")] if row["born"].year > 1989 and row["name"].startswith("Trần") else []

    def duplicates(rows):
        return t.duplicates_within(rows, "citizen_id", "Số CCCD")

    table = t.load_table(csv_file(text), "a.csv", SPEC, row_validator=too_young, table_validator=duplicates)
    assert [str(e) for e in table.errors] == ["Dòng 3, cột «Ngày sinh»: Chưa đủ tuổi."]
    table = t.load_table(csv_file(text), "a.csv", SPEC, table_validator=duplicates)
    assert [str(e) for e in table.errors] == ["Dòng 3, cột «Số CCCD»: «001085012345» trùng với dòng 2."]


def test_template_has_headers_example_and_notes():
    workbook = load_workbook(io.BytesIO(t.template_xlsx(SPEC, {"Mã chi bộ": (["Mã", "Tên"], [("T1", "Chi bộ 1")])})))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == SPEC.headers
    assert sheet["A2"].value == "Nguyễn Văn An"
    assert workbook.sheetnames[1:] == ["Hướng dẫn", "Mã chi bộ"]
    # The template reads back through the same pipeline.
    rows = list(t.read_rows(io.BytesIO(t.template_xlsx(SPEC)), "mau.xlsx", SPEC))
    assert t.date_value(rows[0]["born"]) == date(1985, 5, 17)


def test_export_and_error_files_read_back():
    content = t.export_xlsx(["Họ và tên", "Ngày sinh"], iter([("Nguyễn Văn An", date(1985, 5, 17))]), "Đảng viên")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Đảng viên"
    assert [c.value for c in sheet[1]] == ["STT", "Họ và tên", "Ngày sinh"]
    assert sheet["B2"].value == "Nguyễn Văn An" and sheet["C2"].number_format == "DD/MM/YYYY"
    errors = ExportedSheet(t.errors_xlsx([t.RowError(3, "Số CCCD", "Sai.")]))
    assert errors.rows == [(3, "Số CCCD", "Sai.")]
