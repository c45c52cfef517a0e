"""Factories for tests: a small real province tree with one login per role.

    province (Tỉnh ủy)
    ├── commune_a (Đảng bộ xã A, cấp trên cơ sở)
    │   ├── grassroots_a (Đảng bộ cơ sở trường học)
    │   │   ├── cell_a1 (Chi bộ 1)   members: 3
    │   │   └── cell_a2 (Chi bộ 2)   members: 2
    │   └── village_cell (Chi bộ cơ sở thôn)  members: 2
    └── commune_b (Đảng bộ phường B)
        └── cell_b1 (Chi bộ cơ sở khu phố)   members: 2
"""
from __future__ import annotations

import itertools
from datetime import date
from types import SimpleNamespace

from django.contrib.auth.models import User

from dangbo.access.models import Role, RoleAssignment
from dangbo.members.models import Member, MemberStatus
from dangbo.orgs.models import Organization, OrgKind
from dangbo.orgs.tree import create_organization

_codes = itertools.count(1)
_ids = itertools.count(100000000001)
PASSWORD = "matkhau-thu-nghiem"


def make_org(name: str, kind: str, parent: Organization | None = None, **extra) -> Organization:
    return create_organization(parent=parent, kind=kind, code=f"T{next(_codes):06d}", name=name, **extra)


def valid_citizen_id(birth_date: date, gender: str) -> str:
    """A citizen ID that agrees with the rules (Hà Nội, century and gender, birth year)."""
    century = (birth_date.year // 100 - 19) * 2 + (1 if gender == "nu" else 0)
    # Serials from 700001 up: apart from the numbers tests write out themselves.
    return f"001{century}{birth_date.year % 100:02d}{700_000 + next(_ids) % 300_000:06d}"


def make_member(org: Organization, full_name: str, *, status: str = MemberStatus.OFFICIAL,
                birth_date: date = date(1985, 5, 17), admission_date: date = date(2010, 3, 2), **extra) -> Member:
    official = extra.pop("official_date", date(2011, 3, 2) if status != MemberStatus.PROBATIONARY else None)
    gender = extra.pop("gender", "nam")
    citizen_id = extra.pop("citizen_id", None) or valid_citizen_id(birth_date, gender)
    member = Member(full_name=full_name, organization=org, status=status, birth_date=birth_date,
                    admission_date=admission_date, official_date=official, gender=gender, citizen_id=citizen_id,
                    **extra)
    member.save()
    from dangbo.members import summary

    summary.apply_changes(before=[], after=[(org.pk, status)])  # as members.services.create_member does
    return member


def make_user(username: str, role: str, org: Organization | None = None, member: Member | None = None) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD)
    if role == Role.ADMIN:
        user.is_superuser = user.is_staff = True
        user.save()
    RoleAssignment.objects.create(user=user, role=role, organization=org, member=member)
    return user


def build_small_tree() -> SimpleNamespace:
    t = SimpleNamespace()
    t.province = make_org("Đảng bộ tỉnh Lai Châu", OrgKind.PROVINCIAL)
    t.commune_a = make_org("Đảng bộ xã Bình Lư", OrgKind.UPPER_GRASSROOTS, t.province)
    t.grassroots_a = make_org("Đảng bộ Trường THPT Bình Lư", OrgKind.GRASSROOTS_COMMITTEE, t.commune_a)
    t.cell_a1 = make_org("Chi bộ Giáo viên 1", OrgKind.CELL, t.grassroots_a)
    t.cell_a2 = make_org("Chi bộ Giáo viên 2", OrgKind.CELL, t.grassroots_a)
    t.village_cell = make_org("Chi bộ thôn Nà Tăm", OrgKind.GRASSROOTS_CELL, t.commune_a)
    t.commune_b = make_org("Đảng bộ phường Tân Phong", OrgKind.UPPER_GRASSROOTS, t.province)
    t.cell_b1 = make_org("Chi bộ khu phố 3", OrgKind.GRASSROOTS_CELL, t.commune_b)

    t.a1_members = [
        make_member(t.cell_a1, "Nguyễn Văn An"),
        make_member(t.cell_a1, "Trần Thị Bình", gender="nu"),
        make_member(t.cell_a1, "Lò Văn Chiến", status=MemberStatus.PROBATIONARY, admission_date=date(2025, 6, 1)),
    ]
    t.a2_members = [make_member(t.cell_a2, "Phạm Minh Đức"), make_member(t.cell_a2, "Hoàng Thị Én", gender="nu")]
    t.village_members = [make_member(t.village_cell, "Tẩn Láo Sử"), make_member(t.village_cell, "Vàng Thị Dợ", gender="nu")]
    t.b1_members = [make_member(t.cell_b1, "Lê Quang Huy"), make_member(t.cell_b1, "Đỗ Thu Hà", gender="nu")]

    t.admin = make_user("admin", Role.ADMIN)
    t.staff_a = make_user("tochuc_xa_a", Role.STAFF, t.commune_a)
    t.leader_province = make_user("lanhdao_tinh", Role.LEADER, t.province)
    t.secretary_a1 = make_user("bithu_chibo_a1", Role.CELL_SECRETARY, t.cell_a1)
    t.member_user = make_user("dangvien_an", Role.MEMBER, member=t.a1_members[0])
    return t


class ExportedSheet:
    """An exported workbook read back as a user sees it: the title block, the header row (the
    row printed on every page) and the data rows under it."""

    def __init__(self, content):
        import io

        from openpyxl import load_workbook

        if hasattr(content, "streaming_content"):
            content = b"".join(content.streaming_content)
        elif hasattr(content, "content"):
            content = content.content
        self.workbook = load_workbook(io.BytesIO(content))
        self.sheet = self.workbook.worksheets[0]
        titles = self.sheet.print_title_rows or ""
        self.header_row = int(titles.split(":")[0].strip("$")) if titles else 1
        all_rows = list(self.sheet.iter_rows(values_only=True))
        self.title_rows = [[v for v in row if v not in (None, "")] for row in all_rows[:self.header_row - 1]]
        self.headers = list(all_rows[self.header_row - 1])
        self.rows = [row for row in all_rows[self.header_row:] if any(v not in (None, "") for v in row)]

    @property
    def title_text(self) -> list[str]:
        return [str(v) for row in self.title_rows for v in row]

    def column(self, header: str) -> list:
        index = self.headers.index(header)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict]:
        return [dict(zip(self.headers, row)) for row in self.rows]

    def cell(self, row: int, header: str):
        """The cell of data row `row` (0 = first) under `header`."""
        return self.sheet.cell(row=self.header_row + 1 + row, column=self.headers.index(header) + 1)
