"""Import member ratings from Excel/CSV through the shared pipeline (core/tabular.py).

All or nothing: every row is parsed and checked (member found in the organization's
subtree, eligible, cap respected, period open for the member's cell, no duplicate), and
only a file without errors is written, in one transaction, with one audit entry.
No row limit: a file above DANGBO_IMPORT_INLINE_MAX_BYTES runs as a background job with a
progress bar (dangbo/jobs), as the member import does.
"""
from __future__ import annotations

from datetime import date

from django.db import transaction

from dangbo.core import tabular as t
from dangbo.core import vn
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs.models import Organization, OrgClosure
from dangbo.ratings import rules, services, summary
from dangbo.ratings.models import MemberRating

YES = {"co": True, "x": True, "1": True, "yes": True, "khong": False, "": False, "0": False, "no": False}


def yes_no(value) -> bool:
    key = vn.fold(str(value))
    if key not in YES:
        raise ValueError("phải là «Có» hoặc «Không»")
    return YES[key]


LEVEL_OPTIONS = {**{label: level for level, label in rules.LEVEL_LABELS.items()},
                 **{short: level for level, short in rules.LEVEL_SHORT.items()}}

SPEC = t.TableSpec("Xếp loại đảng viên", [
    t.Column("citizen_id", "Số CCCD", parse=t.digits(12), text_cells=True, example="001085012345",
             note="Số CCCD hoặc số thẻ đảng viên (ít nhất một trong hai)."),
    t.Column("card_number", "Số thẻ đảng viên", parse=t.digits(), text_cells=True),
    t.Column("full_name", "Họ và tên", example="Nguyễn Văn An", note="Để đối chiếu; phải khớp với hồ sơ."),
    t.Column("level", "Mức xếp loại", required=True, parse=t.choice(LEVEL_OPTIONS), example="Hoàn thành tốt nhiệm vụ",
             options=tuple(rules.LEVEL_LABELS[level] for level in rules.LEVELS),
             note="Hoàn thành xuất sắc nhiệm vụ / Hoàn thành tốt nhiệm vụ / Hoàn thành nhiệm vụ / "
                  "Không hoàn thành nhiệm vụ (hoặc HTXSNV, HTTNV, HTNV, KHTNV).", width=30),
    t.Column("rated_on", "Ngày xếp loại", parse=t.date_value, default=None, example=date(2025, 12, 15)),
    t.Column("remedied", "Tự phát hiện, khắc phục", parse=yes_no, default=False, example="Không", options=("Có", "Không")),
    t.Column("notes", "Ghi chú", width=30),
])


class Importer:
    """Validates a loaded table against the database for one organization subtree and year."""

    def __init__(self, org: Organization, year: int):
        self.org, self.year = org, year
        self.members: dict[int, Member] = {}  # row number -> member
        self.disciplined: set[int] = set()

    def check_row(self, row: dict):
        if not row["citizen_id"] and not row["card_number"]:
            yield "citizen_id", "Cần số CCCD hoặc số thẻ đảng viên."
        rated_on = row["rated_on"] or services.default_rating_date(self.year)
        if rated_on.year not in (self.year, self.year + 1):
            yield "rated_on", f"Ngày xếp loại phải trong năm {self.year} hoặc đầu năm {self.year + 1}."

    def check_table(self, rows: list[dict]):
        errors = t.duplicates_within(rows, "citizen_id", SPEC.header_of("citizen_id"))
        errors += t.duplicates_within(rows, "card_number", SPEC.header_of("card_number"))
        subtree = OrgClosure.objects.filter(ancestor=self.org).values("descendant_id")
        in_subtree = Member.objects.filter(organization_id__in=subtree)
        by_cid = self._lookup(in_subtree, "citizen_id", rows)
        by_card = self._lookup(in_subtree, "card_number", rows)
        for row in rows:
            member = by_cid.get(row["citizen_id"]) or by_card.get(row["card_number"])
            if member is None:
                errors.append(t.RowError(row[t.ROW], SPEC.header_of("citizen_id"),
                                         f"Không tìm thấy đảng viên trong {self.org.name}."))
                continue
            if row["full_name"] and vn.fold(row["full_name"]) != vn.fold(member.full_name):
                errors.append(t.RowError(row[t.ROW], SPEC.header_of("full_name"),
                                         f"«{row['full_name']}» không khớp hồ sơ («{member.full_name}»)."))
            self.members[row[t.ROW]] = member
        if errors:
            return errors
        errors += self._check_rules(rows)
        seen: dict[int, int] = {}
        for row in rows:
            member = self.members[row[t.ROW]]
            if member.pk in seen:
                errors.append(t.RowError(row[t.ROW], "", f"{member.full_name} trùng với dòng {seen[member.pk]}."))
            seen.setdefault(member.pk, row[t.ROW])
        return errors

    def _lookup(self, queryset, field: str, rows) -> dict:
        values = [row[field] for row in rows if row[field]]
        found = {}
        limit = 5000
        for start in range(0, len(values), limit):
            for member in queryset.filter(**{f"{field}__in": values[start:start + limit]}):
                found[getattr(member, field)] = member
        return found

    def _check_rules(self, rows) -> list[t.RowError]:
        errors = []
        rule_set = rules.rules_for_year(self.year)
        members = list(self.members.values())
        facts = services.member_facts(members, self.year)
        closed = services.closed_org_ids({m.organization_id for m in members}, self.year)
        # Discipline comes from the register (inspection app), not from a column of the file.
        self.disciplined = services.disciplined_members(self.year, [m.pk for m in members])
        for row in rows:
            member = self.members[row[t.ROW]]
            rated_on = row["rated_on"] or services.default_rating_date(self.year)
            if member.organization_id in closed:
                errors.append(t.RowError(row[t.ROW], "", f"{member.full_name}: chi bộ chưa mở hoặc đã khóa đợt "
                                                         f"xếp loại năm {self.year}."))
            eligible = rules.eligibility(facts.on(member.pk, rated_on), rated_on, **services.eligibility_params())
            if not eligible.rated:
                errors.append(t.RowError(row[t.ROW], "", f"{member.full_name}: {eligible.reason}"))
            flags = {"disciplined"} if member.pk in self.disciplined else set()
            breach = rules.cap_breach(row["level"], flags, rule_set, remedied=row["remedied"],
                                      khtnv_triggers=services.khtnv_triggers(), subject_name=member.full_name)
            if breach:
                errors.append(t.RowError(row[t.ROW], SPEC.header_of("level"), breach.message))
        return errors


def load(org: Organization, year: int, upload, filename: str, *,
         progress=None) -> tuple[t.LoadedTable, Importer]:
    """Read and check the whole file; `progress(rows_checked)` reports reading progress (jobs)."""
    importer = Importer(org, year)
    table = t.load_table(upload, filename, SPEC, row_validator=importer.check_row,
                         table_validator=importer.check_table, progress=progress)
    return table, importer


@transaction.atomic
def write(user, importer: Importer, table: t.LoadedTable) -> int:
    """Upsert every row of a clean table: one bulk create, one bulk update, one audit entry."""
    if table.errors:
        raise ValueError("Tệp còn lỗi, không ghi.")
    members = [importer.members[row[t.ROW]] for row in table.rows]
    existing = {r.member_id: r for r in MemberRating.objects.filter(year=importer.year, member__in=members)}
    existing_before = {r.pk: (r.organization_id, importer.year, r.level) for r in existing.values()}
    rated_by_cache: dict[int, Organization] = {}
    to_create, to_update = [], []
    for row, member in zip(table.rows, members):
        if member.organization_id not in rated_by_cache:
            rated_by_cache[member.organization_id] = services.default_rated_by(member.organization)
        values = {"level": row["level"], "rated_on": row["rated_on"] or services.default_rating_date(importer.year),
                  "disciplined": member.pk in importer.disciplined, "remedied": row["remedied"], "notes": row["notes"],
                  "organization_id": member.organization_id, "rated_by": rated_by_cache[member.organization_id]}
        current = existing.get(member.pk)
        if current is None:
            to_create.append(MemberRating(member=member, year=importer.year, created_by=services._user(user), **values))
        else:
            for key, value in values.items():
                setattr(current, key, value)
            to_update.append(current)
    # The roll-up moves by what changed: old (cell, level) of updated rows out, new ones in.
    summary.apply_member_changes(
        before=[existing_before[r.pk] for r in to_update],
        after=[(r.organization_id, importer.year, r.level) for r in (*to_create, *to_update)])
    MemberRating.objects.bulk_create(to_create, batch_size=t.BATCH_SIZE)
    MemberRating.objects.bulk_update(to_update, ["level", "rated_on", "disciplined", "remedied", "notes",
                                                 "organization", "rated_by", "updated_at"], batch_size=t.BATCH_SIZE)
    t.record_import(user, MemberRating, table, organization_id=importer.org.pk,
                    note=f"Nhập xếp loại năm {importer.year}: {len(to_create)} mới, {len(to_update)} cập nhật "
                         f"từ tệp {table.filename}")
    return len(to_create) + len(to_update)


TEMPLATE_MEMBER_LIMIT = 5000  # a grassroots committee's members; larger units download per cell


def template_rows(org: Organization, year: int) -> list[list]:
    """The active members of `org`'s subtree in name order, in SPEC's columns, with the level
    already entered for `year` (or empty) and the default rating date."""
    subtree = OrgClosure.objects.filter(ancestor=org).values("descendant_id")
    members = (Member.objects.filter(organization_id__in=subtree, status__in=ACTIVE_STATUSES)
               .order_by("sort_key", "pk")[:TEMPLATE_MEMBER_LIMIT])
    ratings = {r.member_id: r for r in MemberRating.objects.filter(year=year, member__in=members)}
    rated_on = services.default_rating_date(year)
    rows = []
    for member in members:
        rating = ratings.get(member.pk)
        rows.append([member.citizen_id or "", member.card_number or "", member.full_name,
                     rules.LEVEL_LABELS.get(rating.level, "") if rating else "", rating.rated_on if rating else rated_on,
                     ("Có" if rating.remedied else "Không") if rating else "Không", rating.notes if rating else ""])
    return rows
