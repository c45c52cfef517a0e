"""Builds the demo database: organizations (bulk, then one tree rebuild), terms, members with
their events and committee positions (streamed in chunks), one login per role, then each app's
demo hook (ARCHITECTURE.md "Demo data hooks")."""
from __future__ import annotations

import importlib
import importlib.util
import random
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from dangbo.access.models import Role, RoleAssignment
from dangbo.audit import log as audit
from dangbo.core import vn
from dangbo.core.demo import bulk, pipeline
from dangbo.core.demo.generator import CHUNK, NATIONAL_THRESHOLD, MemberGenerator, Plan, _Counter, build_plan
from dangbo.members.models import Member, MemberEvent
from dangbo.orgs.models import Organization, Position, Term
from dangbo.orgs.tree import rebuild_tree
from dangbo.rollups import engine as rollups

PASSWORD = "dangbo2026"
HOOK_APPS = ("ratings", "documents", "congress", "ingest", "meetings", "admission", "inspection")
# username -> role; the scope is chosen from the generated tree.
LOGINS = [("admin", Role.ADMIN), ("tochuc", Role.STAFF), ("lanhdao", Role.LEADER), ("tochuc_xa", Role.STAFF),
          ("bithu", Role.CELL_SECRETARY), ("dangvien", Role.MEMBER), ("kiemtra", Role.INSPECTION)]


@dataclass
class DemoContext:
    """What an app's `demo.populate(ctx)` receives (ARCHITECTURE.md "Demo data hooks")."""

    province: Organization
    random: random.Random
    today: date
    admin: User
    users: dict[str, User]
    stdout: Any
    seeds_dir: Path | None


@dataclass
class DemoResult:
    plan: Plan
    members: int = 0
    rows: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)


class _Quiet:
    def write(self, *args, **kwargs) -> None:
        pass


def seeds_dir() -> Path | None:
    path = Path(settings.BASE_DIR).parent.parent / "shared" / "seeds"
    return path if path.is_dir() else None


def build_demo(*, seed: int = 2026, members: int = 8000, province: str | int | None = None,
               today: date | None = None, stdout=None, with_apps: bool | None = None,
               chunk: int = CHUNK) -> DemoResult:
    """Load the demo data into an empty database (the caller checks emptiness)."""
    stdout = stdout or _Quiet()
    today = today or timezone.localdate()
    result = DemoResult(plan=None)  # type: ignore[arg-type]
    clock = time.perf_counter()
    with transaction.atomic():
        plan = build_plan(seed=seed, members=members, province=province, today=today,
                          org_id_start=bulk.next_id(Organization), term_id_start=bulk.next_id(Term))
        result.plan = plan
        stdout.write(f"Kế hoạch: {vn.format_number(len(plan.orgs))} tổ chức đảng, "
                     f"{len(plan.provinces)} tỉnh/thành phố")
        bulk.insert_organizations(
            (o.id, o.parent_id, o.kind, o.code, o.name, "", o.established, None, "", 0) for o in plan.orgs)
        result.timings["orgs"] = _lap(clock)
        rebuild_tree()
        bulk.insert_terms(plan.terms)
        result.timings["tree"] = _lap(clock) - result.timings["orgs"]

        generator = MemberGenerator(plan, member_id_start=bulk.next_id(Member),
                                    created_at=bulk.db_datetime(timezone.now()))
        generator.position_ids = _Counter(bulk.next_id(Position))
        started = time.perf_counter()
        write_seconds = 0.0
        next_report = 100_000
        for batch in pipeline.batches(generator, chunk):
            write_started = time.perf_counter()
            result.members += bulk.insert_members(batch.members)
            result.rows += len(batch.members) + bulk.insert_events(batch.events)
            result.rows += bulk.insert_positions(batch.positions)
            write_seconds += time.perf_counter() - write_started
            if result.members >= next_report:
                stdout.write(f"  … {vn.format_number(result.members)} hồ sơ đảng viên")
                next_report += 100_000 if members < 2_000_000 else 500_000
        result.timings["members"] = time.perf_counter() - started
        result.timings["members_write"] = write_seconds
        bulk.reset_sequences([Organization, Term, Member, MemberEvent, Position])
        result.users = create_logins(plan, generator)
        rollups.rebuild(["members"])  # a bulk load: member strength summed once, set-based
        audit.record_bulk(result.users["admin"], Member, count=result.members,
                          note=f"Dữ liệu mẫu (dangbo demo --seed {seed})",
                          details={"count": result.members, "seed": seed, "organizations": len(plan.orgs)})
    bulk.analyze([Organization._meta.db_table, "orgs_orgclosure", Member._meta.db_table,
                  MemberEvent._meta.db_table, Position._meta.db_table])
    result.timings["total"] = _lap(clock)
    stdout.write(f"Đã tạo {vn.format_number(len(plan.orgs))} tổ chức đảng, {vn.format_number(plan.members)} "
                 f"đảng viên đang sinh hoạt ({vn.format_number(result.members)} hồ sơ, kể cả đã chuyển đi, "
                 f"từ trần) trong {vn.format_number(result.timings['total'], 1)} giây")

    if with_apps is None:
        with_apps = members <= NATIONAL_THRESHOLD
    if with_apps:
        run_hooks(plan, result.users, seed=seed, stdout=stdout)
    else:
        stdout.write(f"Bỏ qua dữ liệu mẫu của các phân hệ (trên {vn.format_number(NATIONAL_THRESHOLD)} "
                     "đảng viên; thêm --with-apps để tạo)")
    return result


def _lap(clock: float) -> float:
    return time.perf_counter() - clock


def create_logins(plan: Plan, generator: MemberGenerator) -> dict[str, User]:
    """One login per role, all with PASSWORD; the scopes come from the primary province."""
    primary = plan.primary
    commune = next((u for u in primary.units if not u.is_bloc and u.org.code in generator.sample_cell), None)
    if commune is None:
        commune = next(u for u in primary.units if u.org.code in generator.sample_cell)
    cell_id, _secretary_id, member_id = generator.sample_cell[commune.org.code]
    scopes = {"admin": (None, None), "tochuc": (plan.root.id, None), "lanhdao": (plan.root.id, None),
              "tochuc_xa": (commune.org.id, None), "bithu": (cell_id, None), "dangvien": (None, member_id),
              "kiemtra": (plan.root.id, None)}
    password = make_password(PASSWORD)  # hashed once: the same password for every demo login
    users = {}
    for username, role in LOGINS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"password": password, "is_superuser": role == Role.ADMIN, "is_staff": role == Role.ADMIN,
                      "is_active": True},
        )
        RoleAssignment.objects.filter(user=user).delete()
        org_id, linked_member = scopes[username]
        RoleAssignment.objects.create(user=user, role=role, organization_id=org_id, member_id=linked_member)
        users[username] = user
    return users


def hook_users(users: dict[str, User]) -> dict[str, User]:
    """ctx.users: role -> User (plus "staff_commune" for the commune-level staff login)."""
    return {Role.ADMIN.value: users["admin"], Role.STAFF.value: users["tochuc"], Role.LEADER.value: users["lanhdao"],
            Role.CELL_SECRETARY.value: users["bithu"], Role.MEMBER.value: users["dangvien"],
            "staff_commune": users["tochuc_xa"], Role.INSPECTION.value: users["kiemtra"]}


def run_hooks(plan: Plan, users: dict[str, User], *, seed: int, stdout) -> None:
    """Each app's dangbo.<app>.demo.populate(ctx), in its own transaction; errors propagate."""
    province = Organization.objects.get(pk=plan.primary.org.id)
    for app in HOOK_APPS:
        name = f"dangbo.{app}.demo"
        if importlib.util.find_spec(name) is None:
            stdout.write(f"  {app}: chưa có dữ liệu mẫu (không có dangbo/{app}/demo.py)")
            continue
        module = importlib.import_module(name)
        ctx = DemoContext(province=province, random=random.Random(f"{seed}:{app}"), today=plan.today,
                          admin=users["admin"], users=hook_users(users), stdout=stdout, seeds_dir=seeds_dir())
        started = time.perf_counter()
        try:
            with transaction.atomic():
                module.populate(ctx)
        except Exception:
            stdout.write(f"  {app}: LỖI khi tạo dữ liệu mẫu ({name}.populate)")
            raise
        stdout.write(f"  {app}: xong ({vn.format_number(time.perf_counter() - started, 1)} giây)")


def login_rows() -> list[tuple[str, str, str]]:
    """(username, Vietnamese role, scope) for every demo login present in the database."""
    rows = []
    for username, role in LOGINS:
        assignment = (RoleAssignment.objects.filter(user__username=username, role=role)
                      .select_related("organization", "member").first())
        if assignment is None:
            continue
        if assignment.member_id:
            scope = f"{assignment.member.full_name} ({assignment.member.organization.name})"
        else:
            scope = assignment.organization.name if assignment.organization_id else "toàn hệ thống"
        rows.append((username, Role(role).label, scope))
    return rows
