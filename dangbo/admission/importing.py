"""Import yearly admission targets from Excel/CSV through the shared pipeline (core/tabular.py).

One row per unit: its code, the year and the target. All or nothing: every unit must lie in
the subtree the user imports into; a file with errors writes nothing; one audit entry.
"""
from __future__ import annotations

from django.db import transaction

from dangbo.admission.models import AdmissionTarget, TargetSource
from dangbo.core import tabular as t
from dangbo.core import vn
from dangbo.orgs.models import Organization, OrgClosure

MAX_ROWS = 20_000

SPEC = t.TableSpec("Chỉ tiêu kết nạp", [
    t.Column("code", "Mã tổ chức", required=True, example="T000002", note="Mã tổ chức đảng trong dangbo."),
    t.Column("name", "Tên tổ chức", example="Đảng bộ xã Bình Lư", note="Để đối chiếu; phải khớp với mã.", width=36),
    t.Column("year", "Năm", required=True, parse=t.integer(2000, 2100), example=2026),
    t.Column("target", "Chỉ tiêu kết nạp", required=True, parse=t.integer(0, 1_000_000), example=150),
])


class Importer:
    def __init__(self, root: Organization):
        self.root = root
        self.orgs: dict[int, Organization] = {}  # row number -> organization

    def check_table(self, rows: list[dict]) -> list[t.RowError]:
        errors = t.duplicates_within([{**r, "key": (r["code"], r["year"])} for r in rows], "key", SPEC.header_of("code"))
        subtree = OrgClosure.objects.filter(ancestor=self.root).values("descendant_id")
        codes = [row["code"] for row in rows]
        found = {org.code: org for org in Organization.objects.filter(pk__in=subtree, code__in=codes)}
        for row in rows:
            org = found.get(row["code"])
            if org is None:
                errors.append(t.RowError(row[t.ROW], SPEC.header_of("code"),
                                         f"Không có tổ chức mã «{row['code']}» trong {self.root.name}."))
            elif row["name"] and vn.fold(row["name"]) != vn.fold(org.name):
                errors.append(t.RowError(row[t.ROW], SPEC.header_of("name"),
                                         f"«{row['name']}» không khớp tên tổ chức («{org.name}»)."))
            else:
                self.orgs[row[t.ROW]] = org
        return errors


def load(root: Organization, upload, filename: str) -> tuple[t.LoadedTable, Importer]:
    importer = Importer(root)
    return t.load_table(upload, filename, SPEC, table_validator=importer.check_table, max_rows=MAX_ROWS), importer


@transaction.atomic
def write(user, importer: Importer, table: t.LoadedTable) -> int:
    if table.errors:
        raise ValueError("Tệp còn lỗi, không ghi.")
    keys = {(importer.orgs[row[t.ROW]].pk, row["year"]): row["target"] for row in table.rows}
    existing = {(r.organization_id, r.year): r for r in AdmissionTarget.objects.filter(
        organization_id__in={k[0] for k in keys}, year__in={k[1] for k in keys})}
    to_create, to_update = [], []
    for (org_id, year), target in keys.items():
        row = existing.get((org_id, year))
        if row is None:
            to_create.append(AdmissionTarget(organization_id=org_id, year=year, target=target,
                                             source=TargetSource.IMPORTED))
        else:
            row.target, row.source = target, TargetSource.IMPORTED
            to_update.append(row)
    AdmissionTarget.objects.bulk_create(to_create, batch_size=t.BATCH_SIZE)
    AdmissionTarget.objects.bulk_update(to_update, ["target", "source", "updated_at"], batch_size=t.BATCH_SIZE)
    t.record_import(user, AdmissionTarget, table, organization_id=importer.root.pk,
                    note=f"Nhập chỉ tiêu kết nạp: {len(to_create)} mới, {len(to_update)} cập nhật từ tệp {table.filename}")
    return len(keys)
