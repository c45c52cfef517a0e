"""Hypothesis properties of the spreadsheet import pipeline (core/tabular.py): whatever bytes
or cells a user uploads, load_table answers with clean rows or Vietnamese row errors, never
an exception, and every clean text passed the validation layer. No database needed."""
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dangbo.core import tabular as t
from dangbo.core import validation

FAST = settings(max_examples=100, deadline=None, derandomize=True, database=None)

SPEC = t.TableSpec("Thử", [
    t.Column("full_name", "Họ và tên", required=True, parse=t.text(120)),
    t.Column("year", "Năm", required=True, parse=t.integer(validation.YEAR_MIN, validation.YEAR_MAX)),
    t.Column("born", "Ngày sinh", parse=t.date_value, default=None),
    t.Column("card", "Số thẻ", parse=t.digits(12), default=None),
    t.Column("note", "Ghi chú"),
])
HEADER = ["Họ và tên", "Năm", "Ngày sinh", "Số thẻ", "Ghi chú"]

cell_text = st.text(max_size=150)
cell_value = st.one_of(cell_text, st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.none(),
                       st.dates(min_value=date(1900, 1, 1)), st.booleans(), st.decimals(allow_nan=False))


def assert_answer_is_well_formed(table: t.LoadedTable) -> None:
    assert isinstance(table, t.LoadedTable)
    if table.errors:
        assert table.rows == []
        for error in table.errors:
            assert isinstance(error, t.RowError) and str(error).startswith(("Dòng", "Tệp"))
    for row in table.rows:
        assert validation.forbidden_character(row["full_name"]) is None and 0 < len(row["full_name"]) <= 120
        assert validation.YEAR_MIN <= row["year"] <= validation.YEAR_MAX
        assert validation.forbidden_character(row["note"]) is None


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_named_csv_give_an_answer_not_an_exception(content):
    assert_answer_is_well_formed(t.load_table(io.BytesIO(content), "tep.csv", SPEC))


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_named_xlsx_give_an_answer_not_an_exception(content):
    assert_answer_is_well_formed(t.load_table(io.BytesIO(content), "tep.xlsx", SPEC))


@FAST
@given(st.lists(st.lists(cell_text, min_size=5, max_size=5), min_size=1, max_size=5),
       st.sampled_from([";", ",", "\t"]))
def test_any_csv_cells_give_clean_rows_or_row_errors(rows, delimiter):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(rows)
    content = buffer.getvalue().encode("utf-8", errors="surrogatepass")
    assert_answer_is_well_formed(t.load_table(io.BytesIO(content), "tep.csv", SPEC))


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.lists(st.lists(cell_value, min_size=5, max_size=5), min_size=1, max_size=4))
def test_any_xlsx_cells_give_clean_rows_or_row_errors(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([validation.export_text(v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert_answer_is_well_formed(t.load_table(io.BytesIO(buffer.getvalue()), "tep.xlsx", SPEC))


@settings(max_examples=50, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(cell_text, st.one_of(cell_text, st.integers(), st.none())), max_size=5))
def test_any_exported_cells_read_back_as_the_same_text(rows):
    from openpyxl import load_workbook

    content = t.export_xlsx(["A", "B"], rows, "Thử")
    read = list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(read) == len(rows)
    for (a, _), (_, read_a, _) in zip(rows, read):  # column A is the STT number
        expected = validation.export_text(a)
        assert (read_a or "") == expected or (read_a or "").strip() == expected.strip()
