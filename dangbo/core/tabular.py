"""The one import/export pipeline for spreadsheets (.xlsx and .csv), shared by every app.

Importing a file is always the same four steps; only the column list and the row rules
differ between apps (members, ratings, ...):

1. Describe the table once with a `TableSpec` of `Column`s: field name, the Vietnamese
   header the user sees, whether it is required, a parser that turns a cell into a python
   value (raising ValueError with a Vietnamese message), an example value and a note for
   the template::

       from dangbo.core import tabular as t

       SPEC = t.TableSpec("Xếp loại", [
           t.Column("card_number", "Số thẻ đảng viên", required=True, parse=t.digits(), text_cells=True),
           t.Column("year", "Năm", required=True, parse=t.integer(2000, 2100), example=2025),
           t.Column("level", "Mức xếp loại", required=True,
                    parse=t.choice({"Hoàn thành xuất sắc nhiệm vụ": "htxs", ...})),
           t.Column("rated_on", "Ngày xếp loại", parse=t.date_value, example=date(2025, 12, 15)),
       ])

2. Offer the template (header row, one example row, a "Hướng dẫn" sheet explaining each
   column): ``HttpResponse(t.template_xlsx(SPEC), content_type=t.XLSX_CONTENT_TYPE)``
   or simply ``t.xlsx_download(t.template_xlsx(SPEC), "mau-xep-loai.xlsx")``.

3. Read and validate the upload in one call. Rows stream from the file (python-calamine
   for .xlsx; openpyxl stays for writing; CSV in UTF-8 with or without BOM, ``;`` or ``,`` sniffed from the header
   line); headers are matched without regard to case, accents or a trailing "(...)";
   strings are NFC-normalised; dates may be real Excel dates or dd/mm/yyyy text::

       table = t.load_table(upload, upload.name, SPEC,
                            row_validator=check_row,         # (clean_row) -> [(field, message)]
                            table_validator=check_all_rows)  # (clean_rows) -> [RowError], set-based
       if table.errors:
           ... show table.errors[:200]; offer t.errors_xlsx(table.errors) for download

   Each clean row is a dict {field: value} plus ``row[ROW] = the row number as Excel
   shows it`` (header = row 1). Each error is a `RowError(row_number, header, message)`,
   printed in Vietnamese as "Dòng 3, cột «Số CCCD»: ...". `duplicates_within(...)` and
   `existing_values(...)` help a table validator find duplicate keys inside the file and
   against the database with chunked set-based queries (never one query per row).

4. All or nothing: write only when ``table.errors`` is empty, in one transaction, with
   ``bulk_create(..., batch_size=BATCH_SIZE)``, and record ONE audit entry for the batch::

       with transaction.atomic():
           Model.objects.bulk_create(objs, batch_size=t.BATCH_SIZE)
           t.record_import(request.user, Model, table, organization_id=..., note="...")

Exporting: ``t.xlsx_response(columns, rows, "Đảng viên", "dang-vien.xlsx", heading=...)``
streams any iterable of tuples (use ``queryset.values_list(...).iterator(chunk_size=2000)``,
never a list of model objects) through an openpyxl write-only workbook spooled to a temporary
file; `export_xlsx` returns the same file as bytes. Columns are `Col(header, kind, unit)`:
kind INTEGER / DECIMAL / PERCENT / DATE gives the cell its number format (numbers stay
numbers; PERCENT values are percent points, stored as fractions with a % format), the unit
goes into the header ("Đảng viên (người)"). Every sheet gets the title block of `Heading`
(letterhead from core/letterhead.sheet_heading, title, period, date), an STT column, a frozen
header row repeated on every printed page, A4 fit to width and page numbers (`_write_xlsx`).
List pages export through core/list_export.py.

Limits: the upload is validated and written inside one request. `load_table(max_rows=...)`
refuses bigger files with a clear message; each app states its limit on its upload page.
An .xlsx is checked against zip bombs before it is opened (core/uploads.py); a cell longer
than Excel's 32.767 characters is refused; text cells pass the validation layer
(core/validation.py: no invisible or control characters, a length limit).

Exports are safe to open: characters XML forbids are dropped (a NUL in a name cannot break
the file) and a text starting with =, +, -, @, tab or CR is stored as text, never as a
formula (OWASP CSV injection; a CSV writer uses validation.csv_safe).
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dangbo.core import uploads, validation, vn

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROW = "_row"  # key of the Excel row number in every row dict
BATCH_SIZE = 2000  # bulk_create batch size and iterator chunk size
MAX_ERRORS = 5000  # validation stops collecting after this many errors
DATE_FORMAT = "DD/MM/YYYY"
HEADER_SEARCH_ROWS = 10  # the header may sit below a title block, within the first rows
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell

Parser = Callable[[Any], Any]


class TableFormatError(ValueError):
    """The file as a whole cannot be read: wrong type, encoding, missing columns, too big."""


# -- column specification ---------------------------------------------------------------


def text(max_length: int | None = None) -> Parser:
    """Any text, NFC-normalised, through the validation layer (no invisible or control
    characters; at most `max_length`, or TEXT_LIMIT, characters); numbers typed into the
    cell come back as their digits."""
    limit = max_length or validation.TEXT_LIMIT

    def parse(value: Any) -> str:
        result = _as_text(value)
        if len(result) > limit:
            raise ValueError(f"dài quá {vn.format_number(limit)} ký tự")
        try:
            return validation.check_text(result, max_length=limit)
        except validation.InvalidInput as error:
            raise ValueError(str(error)) from None

    parse.max_length = limit
    return parse


def digits(length: int | None = None, *, numeric_pad: bool = True) -> Parser:
    """A string of digits (CCCD, card numbers). Spaces, dots and dashes are dropped.

    When Excel stored the value as a number, its leading zeros are gone; with `numeric_pad`
    they are put back up to `length` (a 12-digit CCCD "001085..." typed as a number).
    """

    def parse(value: Any) -> str:
        was_number = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
        result = re.sub(r"[\s.\-]", "", _as_text(value))
        if not validation.is_ascii_digits(result):
            raise ValueError("chỉ được gồm chữ số")
        if length is not None and was_number and numeric_pad and len(result) < length:
            result = result.zfill(length)
        if length is not None and len(result) != length:
            raise ValueError(f"phải gồm đúng {length} chữ số")
        return result

    return parse


def integer(minimum: int | None = None, maximum: int | None = None) -> Parser:
    def parse(value: Any) -> int:
        number = _as_decimal(value)
        if number != number.to_integral_value():
            raise ValueError("phải là số nguyên")
        if number.adjusted() > 18:  # int() of "1e999999999" would build a billion digits
            raise ValueError("là số quá lớn")
        result = int(number)
        if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
            raise ValueError(f"phải từ {minimum} đến {maximum}")
        return result

    return parse


def decimal_value(value: Any) -> Decimal:
    """Numbers written the Vietnamese way ("3,76"; "60.137") or as Excel numbers."""
    return _as_decimal(value)


def date_value(value: Any) -> date:
    """An Excel date cell or text dd/mm/yyyy (also d-m-yyyy, d.m.yyyy, yyyy-mm-dd)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        result = vn.parse_date(_as_text(value))
    except ValueError:
        raise ValueError("không phải ngày hợp lệ (dạng dd/mm/yyyy)") from None
    if result is None:
        raise ValueError("không phải ngày hợp lệ (dạng dd/mm/yyyy)")
    return result


def choice(options: dict[str, Any]) -> Parser:
    """One of the given labels -> its stored value; matching ignores case and accents."""
    folded = {vn.fold(label): stored for label, stored in options.items()}
    shown = ", ".join(label for label in options if label)

    def parse(value: Any) -> Any:
        key = vn.fold(_as_text(value))
        if key not in folded:
            raise ValueError(f"phải là một trong: {shown}")
        return folded[key]

    return parse


@dataclass(frozen=True)
class Column:
    """One column of a table: `field` in code, `header` as the user sees it in Excel."""

    field: str
    header: str
    required: bool = False
    parse: Parser = field(default_factory=text)
    default: Any = ""  # value of an empty optional cell
    example: Any = ""  # shown in the template's example row
    note: str = ""  # shown in the template's "Hướng dẫn" sheet
    text_cells: bool = False  # format the template column as text (keeps leading zeros)
    width: int = 18
    aliases: tuple[str, ...] = ()  # other headers accepted for this column
    options: tuple[str, ...] = ()  # the values offered as a drop-down list in the template


@dataclass(frozen=True)
class TableSpec:
    title: str
    columns: Sequence[Column]

    def header_of(self, field_name: str) -> str:
        for column in self.columns:
            if column.field == field_name:
                return column.header
        return field_name

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


@dataclass(frozen=True)
class RowError:
    row_number: int  # as Excel shows it: the header is row 1
    field_header: str
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row_number}" if self.row_number else "Tệp"
        if self.field_header:
            where += f", cột «{self.field_header}»"
        return f"{where}: {self.message}"


# -- reading ----------------------------------------------------------------------------


def _header_key(text_value: Any) -> str:
    """"Giới tính (Nam/Nữ)", "GIỚI TÍNH", "gioi tinh*" all give "gioi tinh"."""
    folded = vn.fold(_as_text(text_value))
    folded = re.sub(r"\(.*?\)", "", folded)
    return " ".join(folded.replace("*", " ").split())


def _column_index(spec: TableSpec) -> dict[str, Column]:
    index: dict[str, Column] = {}
    for column in spec.columns:
        for header in (column.header, *column.aliases):
            index[_header_key(header)] = column
    return index


def read_rows(file, filename: str, spec: TableSpec, *, max_rows: int | None = None) -> Iterator[dict]:
    """Stream the data rows of an .xlsx or .csv file as {field: raw cell value, ROW: n}.

    Strings are NFC-normalised (and whitespace collapsed); other cell values (numbers, Excel
    dates) come through as python values for the column parsers. Blank rows are skipped but
    still counted, so ROW is always the number Excel shows. Raises TableFormatError for a
    file that cannot be read as a whole (type, encoding, missing required columns, too big).
    """
    raw_rows = _raw_rows(file, filename)
    columns = _column_index(spec)
    for row_number, cells in raw_rows:
        mapping = {i: columns[_header_key(v)] for i, v in enumerate(cells) if _header_key(v) in columns}
        if mapping:
            break
        if row_number >= HEADER_SEARCH_ROWS:
            raise TableFormatError(f"Không tìm thấy dòng tiêu đề (các cột như «{spec.columns[0].header}»).")
    else:
        raise TableFormatError("Tệp không có dữ liệu.")
    present = {column.field for column in mapping.values()}
    missing = [c.header for c in spec.columns if c.required and c.field not in present]
    if missing:
        raise TableFormatError("Thiếu cột bắt buộc: " + ", ".join(f"«{h}»" for h in missing) + ".")
    header_row = row_number
    count = 0
    for row_number, cells in raw_rows:
        _check_cell_sizes(row_number, cells)
        row = {column.field: _clean_cell(cells[i]) for i, column in mapping.items() if i < len(cells)}
        if all(value in (None, "") for value in row.values()):
            continue
        count += 1
        if max_rows is not None and count > max_rows:
            raise TableFormatError(f"Tệp có quá {vn.format_number(max_rows)} dòng dữ liệu; hãy chia thành nhiều tệp.")
        row[ROW] = row_number
        yield row
    if count == 0:
        raise TableFormatError(f"Tệp chỉ có dòng tiêu đề (dòng {header_row}), chưa có dữ liệu.")


def _check_cell_sizes(row_number: int, cells: Sequence) -> None:
    for index, value in enumerate(cells, start=1):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise TableFormatError(f"Dòng {row_number}, cột {get_column_letter(index)}: ô dài "
                                   f"{vn.format_number(len(value))} ký tự, quá giới hạn "
                                   f"{vn.format_number(MAX_CELL_CHARS)} ký tự của một ô Excel.")


def _clean_cell(value: Any) -> Any:
    if isinstance(value, str):
        return vn.nfc(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _raw_rows(file, filename: str) -> Iterator[tuple[int, tuple]]:
    name = filename.lower()
    if name.endswith(".xlsx") or name.endswith(".xlsm"):
        return _xlsx_rows(file)
    if name.endswith(".csv") or name.endswith(".txt"):
        return _csv_rows(file)
    raise TableFormatError("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).")


def _xlsx_rows(file) -> Iterator[tuple[int, tuple]]:
    """Rows of the first sheet, read with python-calamine (Rust): 100.000 rows in about 1,4 s
    where openpyxl's read-only mode takes 12 s (DESIGN.md). Empty cells come back as ""; the
    rows start at row 1 whatever is empty above, so the numbers are those Excel shows."""
    from python_calamine import CalamineWorkbook

    file.seek(0)
    try:
        uploads.check_zip(_binary(file), "tệp Excel")
    except uploads.FileRefused as error:
        raise TableFormatError(str(error)) from None
    file.seek(0)
    try:
        sheet = CalamineWorkbook.from_filelike(_binary(file)).get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except Exception:  # zip, xml or calamine errors: the file is not a readable workbook
        raise TableFormatError("Không đọc được tệp Excel (.xlsx). Hãy lưu lại bằng Excel rồi thử lại.") from None
    for number, cells in enumerate(rows, start=1):
        yield number, tuple(cells)


def _csv_rows(file) -> Iterator[tuple[int, tuple]]:
    file.seek(0)
    stream = io.TextIOWrapper(_binary(file), encoding="utf-8-sig", newline="")
    try:
        first = stream.readline()
        delimiter = max(";,\t", key=first.count) if first else ","
        reader = csv.reader(_chain_line(first, stream), delimiter=delimiter)
        for number, cells in enumerate(reader, start=1):
            yield number, tuple(cells)
    except UnicodeDecodeError:
        raise TableFormatError("Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: «CSV UTF-8»).") from None
    except csv.Error as error:  # a cell over csv.field_size_limit (128 KB), a NUL byte, ...
        line = reader.line_num if "reader" in locals() else 1
        raise TableFormatError(f"Dòng {line}: không đọc được tệp CSV ({_csv_problem(error)}). "
                               "Hãy mở bằng Excel và lưu lại dạng «CSV UTF-8».") from None
    finally:
        stream.detach()


def _csv_problem(error: csv.Error) -> str:
    message = str(error)
    if "field larger than field limit" in message:
        return f"có ô dài quá {vn.format_number(csv.field_size_limit())} ký tự"
    if "NUL" in message:
        return "có byte 0, thường là tệp nhị phân đổi tên"
    return "sai cấu trúc CSV"


def _binary(file):
    """The underlying binary file of a Django UploadedFile (TextIOWrapper needs a real stream)."""
    inner = getattr(file, "file", file)
    return inner if hasattr(inner, "readable") else io.BytesIO(inner.read())


def _chain_line(first: str, stream) -> Iterator[str]:
    yield first
    yield from stream


# -- validation -------------------------------------------------------------------------


@dataclass
class LoadedTable:
    filename: str
    sha256: str
    rows: list[dict]  # clean rows; empty when there were errors
    errors: list[RowError]
    row_count: int  # data rows read

    @property
    def ok(self) -> bool:
        return not self.errors


def file_sha256(file) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


RowValidator = Callable[[dict], Iterable[Any]]
TableValidator = Callable[[list[dict]], Iterable[RowError]]


def validate_table(rows: Iterable[dict], spec: TableSpec, row_validator: RowValidator | None = None,
                   *, max_errors: int = MAX_ERRORS) -> tuple[list[dict], list[RowError]]:
    """Parse every cell and check every row; (clean_rows, errors).

    `row_validator(clean_row)` runs on rows whose cells all parsed and returns problems as
    (field, message) pairs or objects with .field and .message (e.g. members.rules.FieldError);
    the field is reported by its column header. Collecting stops after `max_errors`.
    `clean_rows` holds the rows without errors (so that set-based checks such as duplicates
    can still run on them); the caller writes nothing unless `errors` is empty.
    """
    clean_rows: list[dict] = []
    errors: list[RowError] = []
    for raw in rows:
        number = raw.get(ROW, 0)
        clean, row_errors = _parse_row(raw, spec, number)
        if not row_errors and row_validator is not None:
            row_errors = [RowError(number, spec.header_of(f), m) for f, m in _pairs(row_validator(clean))]
        if not row_errors:
            clean_rows.append(clean)
            continue
        errors.extend(row_errors)
        if len(errors) >= max_errors:
            errors.append(RowError(number, "", f"Dừng kiểm tra sau {vn.format_number(max_errors)} lỗi."))
            break
    return clean_rows, errors


def _parse_row(raw: dict, spec: TableSpec, number: int) -> tuple[dict, list[RowError]]:
    clean: dict = {ROW: number}
    errors: list[RowError] = []
    for column in spec.columns:
        value = raw.get(column.field)
        if value is None or value == "":
            if column.required:
                errors.append(RowError(number, column.header, "Bắt buộc, chưa có giá trị."))
            clean[column.field] = column.default
            continue
        try:
            clean[column.field] = column.parse(value)
        except ValueError as error:
            errors.append(RowError(number, column.header, f"«{_as_text(value)}» {error}".strip()))
    return clean, errors


def _pairs(problems: Iterable[Any]) -> Iterator[tuple[str, str]]:
    for problem in problems or ():
        if isinstance(problem, tuple):
            yield problem
        else:
            yield problem.field, problem.message


PROGRESS_EVERY = 2000  # rows between two progress reports


def load_table(file, filename: str, spec: TableSpec, *, row_validator: RowValidator | None = None,
               table_validator: TableValidator | None = None, max_rows: int | None = None,
               max_errors: int = MAX_ERRORS, progress: Callable[[int], None] | None = None) -> LoadedTable:
    """Read, parse and validate a whole upload. File-level problems become one RowError.

    `progress(rows_checked)` is called every PROGRESS_EVERY rows (background jobs show it)."""
    sha256 = file_sha256(file)
    count = 0

    def counted(rows: Iterable[dict]) -> Iterator[dict]:
        nonlocal count
        for row in rows:
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
            yield row

    try:
        clean_rows, errors = validate_table(counted(read_rows(file, filename, spec, max_rows=max_rows)), spec,
                                            row_validator, max_errors=max_errors)
    except TableFormatError as error:
        return LoadedTable(filename, sha256, [], [RowError(0, "", str(error))], count)
    if table_validator is not None and len(errors) < max_errors:
        errors = sorted([*errors, *table_validator(clean_rows)], key=lambda e: e.row_number)
    return LoadedTable(filename, sha256, [] if errors else clean_rows, errors, count)


def count_rows(file, filename: str) -> int:
    """Rows in the file below a one-line header (for a progress bar; blank rows included)."""
    file.seek(0)
    try:
        if filename.lower().endswith((".xlsx", ".xlsm")):
            from python_calamine import CalamineWorkbook

            return max(0, CalamineWorkbook.from_filelike(_binary(file)).get_sheet_by_index(0).height - 1)
        return max(0, sum(block.count(b"\n") for block in iter(lambda: file.read(1 << 20), b"")) - 1)
    except Exception:  # an unreadable file: the import itself reports it
        return 0
    finally:
        file.seek(0)


def duplicates_within(rows: Iterable[dict], field_name: str, header: str) -> list[RowError]:
    """Rows whose non-empty `field_name` repeats an earlier row of the same file."""
    first_seen: dict[Any, int] = {}
    errors = []
    for row in rows:
        value = row.get(field_name)
        if value in (None, ""):
            continue
        if value in first_seen:
            errors.append(RowError(row[ROW], header, f"«{value}» trùng với dòng {first_seen[value]}."))
        else:
            first_seen[value] = row[ROW]
    return errors


def existing_values(queryset, field_name: str, values: Iterable[Any], chunk_size: int | None = None) -> set:
    """Which of `values` already exist in `queryset.<field_name>`: a few IN queries, not one per row."""
    from django.db import connection

    values = list({v for v in values if v not in (None, "")})
    if chunk_size is None:
        limit = connection.features.max_query_params or 10_000
        chunk_size = max(100, min(10_000, limit - 50))
    found: set = set()
    for start in range(0, len(values), chunk_size):
        chunk = values[start:start + chunk_size]
        found.update(queryset.filter(**{f"{field_name}__in": chunk}).values_list(field_name, flat=True))
    return found


def record_import(user, model, table: LoadedTable, *, count: int | None = None, organization_id: int | None = None,
                  note: str = ""):
    """The one audit entry of an import batch: file name, sha256 and row count."""
    from dangbo.audit.log import record_bulk

    count = table.row_count if count is None else count
    details = {"count": count, "file": table.filename, "sha256": table.sha256}
    return record_bulk(user, model, count=count, organization_id=organization_id, details=details,
                       note=note or f"Nhập {vn.format_number(count)} dòng từ tệp {table.filename}")


# -- writing files ----------------------------------------------------------------------

_BOLD = Font(bold=True)
_REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


TEMPLATE_ROWS_WITH_LISTS = 2000  # rows of the template whose cells offer the drop-down lists


def _add_drop_down_lists(sheet, spec: TableSpec, last_row: int) -> None:
    """Excel's own data validation: a list of the allowed values under each column with options."""
    for index, column in enumerate(spec.columns, start=1):
        if not column.options:
            continue
        letter = get_column_letter(index)
        validation = DataValidation(type="list", formula1='"' + ",".join(column.options) + '"', allow_blank=True,
                                    showErrorMessage=True, errorTitle=column.header,
                                    error="Chọn một giá trị trong danh sách.")
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)


def template_xlsx(spec: TableSpec, extra_sheets: dict[str, tuple[Sequence[str], Iterable[Sequence]]] | None = None,
                  rows: Sequence[Sequence] | None = None) -> bytes:
    """A form to fill in: header row, one example row (or `rows` already filled in, e.g. the
    members of a cell), drop-down lists on the columns that have `options`, and a
    "Hướng dẫn" sheet.

    `extra_sheets` adds reference sheets, e.g. {"Mã chi bộ": (["Mã", "Tên"], rows)}.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(spec.title)
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index, value=column.header)
        header.font = _BOLD
        header.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        if rows is None:
            example = sheet.cell(row=2, column=index, value=column.example if column.example != "" else None)
            if isinstance(column.example, date):
                example.number_format = DATE_FORMAT
            if column.text_cells:
                example.number_format = "@"
        if column.text_cells:
            sheet.column_dimensions[letter].number_format = "@"
        sheet.column_dimensions[letter].width = max(column.width, len(column.header) + 2)
    for values in rows or ():
        _append_safe(sheet, values)
        for column, cell in zip(spec.columns, sheet[sheet.max_row]):
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif column.text_cells:
                cell.number_format = "@"  # numbers with leading zeros stay text when edited
    _add_drop_down_lists(sheet, spec, last_row=max(TEMPLATE_ROWS_WITH_LISTS, len(rows or ()) + 1))
    sheet.freeze_panes = "A2"

    notes = workbook.create_sheet("Hướng dẫn")
    notes.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in notes[1]:
        cell.font = _BOLD
    for column in spec.columns:
        notes.append([column.header, "Có" if column.required else "", column.note or _default_note(column)])
    notes.append([])
    for line in (
        "Dòng 1 là dòng tiêu đề: giữ nguyên tên các cột. Dòng 2 là ví dụ: xóa hoặc ghi đè trước khi nhập.",
        "Ngày ghi dạng dd/mm/yyyy (ví dụ 02/09/1985) hoặc dùng ô kiểu ngày của Excel.",
        "Cột tô vàng là bắt buộc. Có thể lưu thành .xlsx hoặc CSV UTF-8 (dấu phân cách ; hoặc ,).",
        "Tệp chỉ được nhập khi mọi dòng đều hợp lệ; nếu có lỗi, hệ thống liệt kê từng dòng và cột cần sửa.",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 10
    notes.column_dimensions["C"].width = 90
    for row in notes.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")

    for title, (headers, rows) in (extra_sheets or {}).items():
        extra = workbook.create_sheet(_sheet_title(title))
        extra.append(list(headers))
        for cell in extra[1]:
            cell.font = _BOLD
        for row in rows:
            _append_safe(extra, row)
        for index in range(1, len(headers) + 1):
            extra.column_dimensions[get_column_letter(index)].width = 40 if index > 1 else 16
    return _save(workbook)


def _default_note(column: Column) -> str:
    if column.parse is date_value:
        return "Ngày, dạng dd/mm/yyyy."
    return ""


def errors_xlsx(errors: Iterable[RowError]) -> bytes:
    """The errors as a workbook the user downloads, fixes the file with, and uploads again."""
    return export_xlsx([Col("Dòng", kind=INTEGER, width=8), Col("Cột", width=24), Col("Lỗi", width=80)],
                       ((e.row_number or None, e.field_header, e.message) for e in errors), "Lỗi",
                       heading=Heading("Danh sách lỗi của tệp nhập"), numbered=False)


# -- reports and lists as clerks print them ---------------------------------------------
#
# Every spreadsheet the application writes goes through `_write_xlsx`: a letterhead in the
# party layout (issuer on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the
# right), the title, the period, an STT column, units in the headers, A4 print set-up (fit
# to the page width, the header row repeated on every page, page numbers in the footer), the
# header row frozen, and numbers stored as numbers with a number format.
#
# Vietnamese display: an Excel number format is written with "," for thousands and "." for
# decimals whatever the language; Excel and LibreOffice show it with the separators of the
# reader's locale, so "#,##0" reads 60.137 and "0.00%" reads 3,76% on a Vietnamese system.
# Writing the separators into the format ("#.##0") would break every other locale and turn
# the format into a literal, so the standard codes are used on purpose.

TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"  # values given in percent points (94.12) and stored as fractions (0.9412)
DATE = "date"
NUMBER_FORMATS = {INTEGER: "#,##0", DECIMAL: "#,##0.00", PERCENT: "0.00%", DATE: DATE_FORMAT}
UNITS = {PERCENT: "%"}
LANDSCAPE_FROM_COLUMNS = 7  # wider tables print across the page


@dataclass(frozen=True)
class Col:
    """One column of an export: its header, the unit of its numbers, how its values are shown."""

    header: str
    kind: str = TEXT
    unit: str = ""  # "người", "cuộc"; PERCENT shows "%" by itself
    width: int | None = None

    @property
    def title(self) -> str:
        unit = self.unit or UNITS.get(self.kind, "")
        if not unit or self.header.endswith(f"({unit})"):
            return self.header
        return f"{self.header} ({unit})"


@dataclass(frozen=True)
class Heading:
    """The title block above the table. `superior` and `issuer` are the two left lines of the
    party layout (core/letterhead.sheet_heading fills them from an organization)."""

    title: str
    period: str = ""  # "Năm 2025", "Đến ngày 30/6/2025"
    issuer: str = ""
    superior: str = ""
    place: str = ""
    on: date | None = None  # the date of the report; today when not given
    note: str = ""  # one more line under the period, e.g. the filters of a list


@dataclass(frozen=True)
class Total:
    """A row of totals at the end of a table: bold, without an STT number."""

    values: Sequence


@dataclass(frozen=True)
class Value:
    """A cell whose kind differs from its column's (a column of results in mixed units)."""

    value: Any
    kind: str = TEXT


def _as_col(column: Col | str) -> Col:
    return column if isinstance(column, Col) else Col(column)


def export_xlsx(columns: Sequence[Col | str], rows: Iterable[Sequence], sheet_title: str, *,
                heading: Heading | None = None, numbered: bool = True) -> bytes:
    """The workbook of `rows` (any iterable of tuples, one value per column) as bytes."""
    with tempfile.SpooledTemporaryFile(max_size=8 << 20) as buffer:
        _write_xlsx(buffer, columns, rows, sheet_title, heading=heading, numbered=numbered)
        buffer.seek(0)
        return buffer.read()


def write_xlsx_file(path, columns: Sequence[Col | str], rows: Iterable[Sequence], sheet_title: str, *,
                    heading: Heading | None = None, numbered: bool = True) -> None:
    """The workbook written straight into the file at `path`: a background export of millions
    of rows never holds the workbook in memory."""
    with open(path, "wb") as target:
        _write_xlsx(target, columns, rows, sheet_title, heading=heading, numbered=numbered)


def xlsx_response(columns: Sequence[Col | str], rows: Iterable[Sequence], sheet_title: str, filename: str, *,
                  heading: Heading | None = None, numbered: bool = True):
    """A download of `rows`, written row by row (openpyxl write-only) into a temporary file:
    memory stays flat however many rows the queryset iterator yields."""
    from django.http import FileResponse

    buffer = tempfile.TemporaryFile()
    _write_xlsx(buffer, columns, rows, sheet_title, heading=heading, numbered=numbered)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def xlsx_download(content: bytes, filename: str):
    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


_TITLE_FONT = Font(bold=True, size=14)
_THIN = Side(style="thin", color="808080")
_HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
_ACROSS = Alignment(horizontal="centerContinuous")


def _write_xlsx(target, columns: Sequence[Col | str], rows: Iterable[Sequence], sheet_title: str, *,
                heading: Heading | None = None, numbered: bool = True) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    columns = [_as_col(c) for c in columns]
    if numbered:
        columns = [Col("STT", kind=INTEGER, width=6), *columns]
    count = len(columns)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(sheet_title))
    for index, column in enumerate(columns, start=1):
        width = column.width or max(12, min(40, len(column.title) + 4))
        sheet.column_dimensions[get_column_letter(index)].width = width

    # openpyxl writes the sheet's properties, views and column widths with the first row:
    # everything about the sheet is set before any row is appended.
    heading_rows = _heading_rows(sheet, heading, count) if heading else []
    header_row = len(heading_rows) + 1
    sheet.freeze_panes = f"{get_column_letter(2 if numbered else 1)}{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = "9"  # A4 (ECMA-376 paper size code)
    sheet.page_setup.orientation = "landscape" if count >= LANDSCAPE_FROM_COLUMNS else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.7
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.oddFooter.center.size = 9

    for cells in heading_rows:
        sheet.append(cells)
    header_cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGNMENT
        cell.border = _HEADER_BORDER
        header_cells.append(cell)
    sheet.append(header_cells)

    kinds = [column.kind for column in columns]
    number = 0
    for row in rows:
        total = isinstance(row, Total)
        values = list(row.values if total else row)
        if numbered:
            number += 0 if total else 1
            values.insert(0, None if total else number)
        cells = [_export_cell(sheet, value, kind) for value, kind in zip(values, kinds)]
        cells += [_export_cell(sheet, value, TEXT) for value in values[len(kinds):]]
        if total:
            cells = [_bold(sheet, cell) for cell in cells]
        sheet.append(cells)
    workbook.save(target)


def _heading_rows(sheet, heading: Heading, count: int) -> list[list]:
    """The letterhead and title rows above the header row."""
    def line(text: str, *, font: Font | None = None, across: bool = False):
        cell = WriteOnlyCell(sheet, value=validation.export_text(text))
        if font:
            cell.font = font
        if not across:
            return [cell]
        cell.alignment = _ACROSS
        rest = []
        for _ in range(count - 1):
            blank = WriteOnlyCell(sheet, value=None)
            blank.alignment = _ACROSS
            rest.append(blank)
        return [cell, *rest]

    def left_right(left: str, right: str, *, left_font=None, right_font=None):
        cells = [WriteOnlyCell(sheet, value=validation.export_text(left) or None)]
        if left_font:
            cells[0].font = left_font
        if count > 1:
            cells += [None] * (count - 2)
            cell = WriteOnlyCell(sheet, value=validation.export_text(right) or None)
            cell.alignment = Alignment(horizontal="right")
            if right_font:
                cell.font = right_font
            cells.append(cell)
        return cells

    from dangbo.core.party_docx import date_line

    on = heading.on or date.today()
    written = []
    if heading.issuer:
        date_text = date_line(heading.place, on) if heading.place else f"Ngày {vn.format_date(on)}"
        if heading.superior:
            written.append(left_right(heading.superior.upper(), "ĐẢNG CỘNG SẢN VIỆT NAM", right_font=_BOLD))
            written.append(left_right(heading.issuer.upper(), date_text, left_font=_BOLD,
                                      right_font=Font(italic=True)))
        else:
            written.append(left_right(heading.issuer.upper(), "ĐẢNG CỘNG SẢN VIỆT NAM", left_font=_BOLD,
                                      right_font=_BOLD))
            written.append(left_right("*", date_text, right_font=Font(italic=True)))
        written.append([])
    written.append(line(heading.title.upper(), font=_TITLE_FONT, across=True))
    if heading.period:
        written.append(line(heading.period, font=Font(bold=True), across=True))
    if heading.note:
        written.append(line(heading.note, font=Font(italic=True), across=True))
    if not heading.issuer:
        written.append(line(f"Ngày lập: {vn.format_date(on)}", font=Font(italic=True), across=True))
    written.append([])
    return written


def _bold(sheet, cell):
    from openpyxl.cell import Cell

    if not isinstance(cell, Cell):
        cell = WriteOnlyCell(sheet, value=cell)
    cell.font = _BOLD
    return cell


def _export_cell(sheet, value: Any, kind: str = TEXT) -> Any:
    if isinstance(value, Value):
        value, kind = value.value, value.kind
    if value is None:
        return None
    if isinstance(value, str):
        return _text_cell(sheet, value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            from django.utils import timezone

            value = timezone.localtime(value).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD/MM/YYYY HH:MM"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, (int, float, Decimal)):
        if kind == PERCENT:
            value = float(value) / 100
        number_format = NUMBER_FORMATS.get(kind) or ("#,##0" if isinstance(value, int) else "#,##0.00")
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell
    return _text_cell(sheet, str(value))


def _text_cell(sheet, value: str):
    """A string cell that is always text: XML-forbidden characters dropped, and a value that
    a spreadsheet would read as a formula (=, +, -, @, tab, CR) stored as a quoted string."""
    value = validation.export_text(value)
    if not validation.looks_like_formula(value):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl made it a formula ("f") because of the "="
    cell.quotePrefix = True  # Excel keeps it text when the cell is edited
    return cell


def _append_safe(sheet, row: Sequence) -> None:
    """Append to a normal (not write-only) worksheet by the same rule as _text_cell."""
    sheet.append([validation.export_text(value) if isinstance(value, str) else value for value in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and validation.looks_like_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", vn.nfc(title))[:31] or "Sheet1"


# -- small helpers ----------------------------------------------------------------------


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return vn.format_date(value.date())
    if isinstance(value, date):
        return vn.format_date(value)
    return vn.nfc(str(value))


def _as_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("không phải số")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("không phải số")
        return Decimal(str(value))
    textual = _as_text(value).replace(" ", "")
    if "," in textual:  # Vietnamese: "60.137,5" -> 60137.5
        textual = textual.replace(".", "").replace(",", ".")
    elif textual.count(".") > 1 or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", textual):
        textual = textual.replace(".", "")  # "60.137" is sixty thousand, as written in Vietnam
    try:
        number = Decimal(textual)
    except InvalidOperation:
        raise ValueError("không phải số") from None
    if not number.is_finite():  # "NaN", "Infinity", "sNaN" parse as decimals but are not numbers
        raise ValueError("không phải số")
    return number
