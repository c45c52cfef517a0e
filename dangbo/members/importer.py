"""Import the member register from Excel/CSV, and the matching export, via core.tabular.

All or nothing: every row is checked with the same rules as the member form
(`members.rules.validate_member` with the DANGBO_RULES settings), the chi bộ code must
exist and be writable for the user, and CCCD / card numbers must be unique within the file
and against the database (chunked set-based queries). Only a file without a single error
is written: members and their history (kết nạp, + công nhận chính thức) with bulk_create in
one transaction, and one audit entry for the batch.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from dangbo.core import tabular as t
from dangbo.core import vn
from dangbo.core.demo import bulk
from dangbo.members import rules, summary
from dangbo.members.models import EventKind, Gender, Member, MemberStatus, TheoryLevel
from dangbo.orgs.models import CELL_KINDS, OrgKind

# Files up to this size are imported inside the request; bigger ones run as a background job
# with a progress bar (dangbo/jobs), whatever their number of rows.
INLINE_MAX_BYTES = 256 * 1024

_THEORY = {label: value for value, label in TheoryLevel.choices} | {"Không": ""}

MEMBER_SPEC = t.TableSpec("Đảng viên", [
    t.Column("full_name", "Họ và tên", required=True, parse=t.text(120), example="Nguyễn Văn An", width=26),
    t.Column("birth_date", "Ngày sinh", required=True, parse=t.date_value, example=date(1985, 5, 17), width=12),
    t.Column("gender", "Giới tính", required=True, parse=t.choice({label: value for value, label in Gender.choices}),
             example="Nam", note="Nam hoặc Nữ.", aliases=("Giới tính (Nam/Nữ)",)),
    t.Column("ethnicity", "Dân tộc", parse=t.text(40), default="Kinh", example="Kinh", note="Bỏ trống: Kinh."),
    t.Column("religion", "Tôn giáo", parse=t.text(40), default="Không", example="Không", note="Bỏ trống: Không."),
    t.Column("home_town", "Quê quán", parse=t.text(255), example="Xã Bình Lư, tỉnh Lai Châu", width=28),
    t.Column("citizen_id", "Số CCCD", parse=t.digits(12), default=None, example="001085012345", text_cells=True,
             note="12 chữ số; không trùng với đảng viên khác. Định dạng ô kiểu văn bản để giữ số 0 đầu.",
             aliases=("CCCD", "Số căn cước công dân", "Số căn cước")),
    t.Column("phone", "Số điện thoại", parse=t.text(20), example="0912345678", text_cells=True),
    t.Column("education", "Giáo dục phổ thông", parse=t.text(20), example="12/12", text_cells=True),
    t.Column("professional_qualification", "Chuyên môn", parse=t.text(120), example="Cử nhân Sư phạm",
             aliases=("Chuyên môn, nghiệp vụ",)),
    t.Column("political_theory", "Lý luận chính trị", parse=t.choice(_THEORY), example="Sơ cấp",
             note="Sơ cấp, Trung cấp, Cao cấp, Cử nhân, hoặc bỏ trống."),
    t.Column("occupation", "Nghề nghiệp", parse=t.text(120), example="Giáo viên"),
    t.Column("admission_date", "Ngày vào Đảng", required=True, parse=t.date_value, example=date(2010, 3, 2), width=14),
    t.Column("official_date", "Ngày chính thức", parse=t.date_value, default=None, example=date(2011, 3, 2),
             note="Ngày, dạng dd/mm/yyyy; bắt buộc với đảng viên chính thức, để trống với đảng viên dự bị.", width=14),
    t.Column("card_number", "Số thẻ đảng viên", parse=t.text(20), default=None, example="", text_cells=True,
             note="Chỉ đảng viên chính thức; không trùng với đảng viên khác."),
    t.Column("organization", "Mã chi bộ", required=True, parse=t.text(40), example="", text_cells=True,
             note="Mã của chi bộ nơi đảng viên sinh hoạt (xem trang «Mã chi bộ»)."),
    t.Column("status", "Trạng thái", required=True,
             parse=t.choice({"Dự bị": MemberStatus.PROBATIONARY.value, "Chính thức": MemberStatus.OFFICIAL.value}),
             example="Chính thức", note="Dự bị hoặc Chính thức.", aliases=("Trạng thái (Dự bị/Chính thức)",)),
])

EXPORT_COLUMNS = [
    ("full_name", "Họ và tên"), ("birth_date", "Ngày sinh"), ("gender", "Giới tính"), ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"), ("home_town", "Quê quán"), ("citizen_id", "Số CCCD"), ("phone", "Số điện thoại"),
    ("education", "Giáo dục phổ thông"), ("professional_qualification", "Chuyên môn"),
    ("political_theory", "Lý luận chính trị"), ("occupation", "Nghề nghiệp"), ("admission_date", "Ngày vào Đảng"),
    ("official_date", "Ngày chính thức"), ("card_number", "Số thẻ đảng viên"), ("organization__code", "Mã chi bộ"),
    ("organization__name", "Chi bộ"), ("status", "Trạng thái"),
]


@dataclass
class _Target:
    pk: int
    name: str
    writable: bool
    usable: bool  # an active chi bộ (or tổ đảng) that members can belong to


@dataclass
class ImportResult:
    table: t.LoadedTable
    created: int = 0

    @property
    def errors(self) -> list[t.RowError]:
        return self.table.errors


def import_members(user, scope, file, filename: str, *, max_rows: int | None = None,
                   progress=None) -> ImportResult:
    """Check the whole file; write it only when every row is valid (no row limit: big files run
    as a background job, see dangbo/jobs). `progress(rows_checked)` reports reading progress."""
    rule_settings = settings.DANGBO_RULES
    today = timezone.localdate()
    targets: dict[str, _Target] = {}

    def check_row(row: dict) -> list:
        problems = rules.validate_member(
            row, today=today,
            min_age_months=rule_settings["admission_min_age_months"],
            max_age_months=rule_settings["admission_max_age_months"],
        )
        return [(p.field, p.message) for p in problems]

    def check_table(rows: list[dict]) -> Iterator[t.RowError]:
        targets.update(_targets(scope, {row["organization"] for row in rows}))
        header = MEMBER_SPEC.header_of("organization")
        for row in rows:
            code, target = row["organization"], targets.get(row["organization"])
            if target is None:
                yield t.RowError(row[t.ROW], header, f"Không có tổ chức mã «{code}» trong phạm vi của bạn.")
            elif not target.writable:
                yield t.RowError(row[t.ROW], header, f"Bạn chỉ có quyền xem {target.name}, không được thêm đảng viên.")
            elif not target.usable:
                yield t.RowError(row[t.ROW], header, f"«{code}» ({target.name}) không phải chi bộ đang hoạt động.")
        for field_name in ("citizen_id", "card_number"):
            header = MEMBER_SPEC.header_of(field_name)
            yield from t.duplicates_within(rows, field_name, header)
            taken = t.existing_values(Member.objects.all(), field_name, (row[field_name] for row in rows))
            for row in rows:
                if row[field_name] in taken:
                    yield t.RowError(row[t.ROW], header, f"«{row[field_name]}» đã có trong hệ thống.")

    table = t.load_table(file, filename, MEMBER_SPEC, row_validator=check_row, table_validator=check_table,
                         max_rows=max_rows, progress=progress)
    result = ImportResult(table)
    if table.ok:
        try:
            result.created = write_members(user, table, targets)
        except IntegrityError:
            # Another import or edit took one of these numbers after the file was checked:
            # nothing was written (one transaction); say which rows, as for any other clash.
            table.errors.extend(_taken_now(table.rows) or [t.RowError(0, "", _CLASH)])
            table.rows = []
    return result


_CLASH = "Số CCCD hoặc số thẻ đảng viên vừa được ghi cho đảng viên khác trong lúc nhập; chưa ghi dòng nào."


def _taken_now(rows: list[dict]) -> list[t.RowError]:
    errors = []
    for field_name in ("citizen_id", "card_number"):
        header = MEMBER_SPEC.header_of(field_name)
        taken = t.existing_values(Member.objects.all(), field_name, (row[field_name] for row in rows))
        errors += [t.RowError(row[t.ROW], header, f"«{row[field_name]}» vừa được ghi cho đảng viên khác trong lúc "
                                                  "nhập tệp này; chưa ghi dòng nào.")
                   for row in rows if row[field_name] in taken]
    return errors


def _targets(scope, codes: set[str]) -> dict[str, _Target]:
    """The organizations the file names, as this user sees them: two queries for the whole file."""
    found: dict[str, _Target] = {}
    usable_kinds = {*CELL_KINDS, OrgKind.GROUP}
    for chunk in _chunks(sorted(codes), 900):  # below SQLite's historic 999-parameter limit
        visible = scope.organizations().filter(code__in=chunk).values_list("code", "pk", "name", "kind", "dissolved")
        for code, pk, name, kind, dissolved in visible:
            found[code] = _Target(pk, name, False, kind in usable_kinds and dissolved is None)
        writable = scope.writable_organizations().filter(code__in=chunk).values_list("code", flat=True)
        for code in writable:
            if code in found:
                found[code].writable = True
    return found


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


WRITE_BATCH = 20_000  # rows per COPY / executemany


@transaction.atomic
def write_members(user, table: t.LoadedTable, targets: dict[str, _Target]) -> int:
    """Write the members and their history (kết nạp, + công nhận chính thức) at COPY speed:
    ids reserved up front, rows built as tuples (sort and search keys computed here), COPY on
    PostgreSQL and one executemany per batch on SQLite, all in the caller's transaction; then
    the member strength roll-up and one audit entry for the file."""
    author_id = user.pk if getattr(user, "is_authenticated", False) else None
    now = bulk.db_datetime(timezone.now())
    ids = bulk.reserve_ids(Member, len(table.rows))
    strength = []
    for start in range(0, len(table.rows), WRITE_BATCH):
        members, events = [], []
        for pk, row in zip(ids[start:start + WRITE_BATCH], table.rows[start:start + WRITE_BATCH]):
            org_id = targets[row["organization"]].pk
            members.append(_member_row(pk, row, org_id, now))
            events.append((pk, EventKind.ADMITTED.value, _iso(row["admission_date"]), None, org_id, "", "", "Nhập từ tệp",
                           author_id, now))
            if row["official_date"]:
                events.append((pk, EventKind.RECOGNIZED.value, _iso(row["official_date"]), None, None, "", "",
                               "Nhập từ tệp", author_id, now))
            strength.append((org_id, row["status"]))
        bulk.insert_members(members)
        bulk.insert_events(events)
    summary.apply_changes(before=[], after=strength)
    org_ids = {org_id for org_id, _ in strength}
    t.record_import(user, Member, table, count=len(ids), organization_id=org_ids.pop() if len(org_ids) == 1 else None,
                    note=f"Nhập {vn.format_number(len(ids))} đảng viên từ tệp {table.filename}")
    return len(ids)


def _member_row(pk: int, row: dict, org_id: int, now) -> tuple:
    """One member in bulk.MEMBER_COLUMNS order, with the keys Member.save() would set."""
    name = vn.nfc(row["full_name"])
    return (pk, name, vn.name_sort_key(name), vn.fold(name), _iso(row["birth_date"]), row["gender"], row["ethnicity"],
            row["religion"], row["home_town"], row["citizen_id"], row["phone"], row["education"],
            row["professional_qualification"], row["political_theory"], row["occupation"], _iso(row["admission_date"]),
            _iso(row["official_date"]), row["card_number"], org_id, row["status"], now, now)


def _iso(value: date | None) -> str | None:
    """Dates as ISO text: both databases parse it, and SQLite needs no date adapter."""
    return value.isoformat() if value else None


def template_for(scope) -> bytes:
    """The import template, with a reference sheet of the chi bộ codes the user may write to."""
    cells = (scope.writable_organizations().filter(kind__in=[*CELL_KINDS, OrgKind.GROUP], dissolved__isnull=True)
             .order_by("path").values_list("code", "name"))
    return t.template_xlsx(MEMBER_SPEC, {"Mã chi bộ": (["Mã chi bộ", "Tên"], cells.iterator(chunk_size=t.BATCH_SIZE))})


def export_rows(queryset: QuerySet[Member], masker=None) -> Iterator[tuple]:
    """Rows of the export in Vietnamese name order, streamed from the database; with a
    masker (access.masking), personal fields the viewer may not see are masked."""
    labels = {
        "gender": dict(Gender.choices),
        "political_theory": dict(TheoryLevel.choices) | {"": ""},
        "status": dict(MemberStatus.choices),
    }
    names = [name for name, _ in EXPORT_COLUMNS]
    positions = {name: names.index(name) for name in labels}
    masked = [(name, names.index(name)) for name in (masker.fields if masker and masker.masks else ())]
    values = (queryset.order_by("sort_key", "id").values_list(*names, "organization_id", "pk")
              .iterator(chunk_size=t.BATCH_SIZE))
    for row in values:
        row, (org_id, pk) = list(row[:-2]), row[-2:]
        for name, index in positions.items():
            row[index] = labels[name].get(row[index], row[index])
        if masked and not masker.shows(org_id, pk):
            for name, index in masked:
                row[index] = masker.value(name, row[index], org_id, pk)
        yield row


_EXPORT_KINDS = {"birth_date": t.DATE, "admission_date": t.DATE, "official_date": t.DATE}
_EXPORT_WIDTHS = {"full_name": 26, "home_town": 28, "organization__name": 34, "citizen_id": 15, "phone": 13}


def export_headers() -> list[t.Col]:
    return [t.Col(header, kind=_EXPORT_KINDS.get(name, t.TEXT), width=_EXPORT_WIDTHS.get(name))
            for name, header in EXPORT_COLUMNS]
