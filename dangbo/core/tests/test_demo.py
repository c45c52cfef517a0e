"""`dangbo demo`: a real province, consistent counts, rule-abiding members, one login per role."""
from __future__ import annotations

import sys
import types
from datetime import date
from importlib.machinery import ModuleSpec
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from dangbo.access.models import RoleAssignment
from dangbo.core.demo import builder, names
from dangbo.core.demo.builder import PASSWORD
from dangbo.members.models import ACTIVE_STATUSES, Member, MemberEvent, MemberStatus
from dangbo.members.rules import validate_member
from dangbo.orgs.counts import all_member_counts, member_counts_for
from dangbo.orgs.models import GRASSROOTS_KINDS, Organization, OrgClosure, OrgKind, Position, Term

TODAY = date(2026, 3, 1)


def run_demo(*args: str, apps: bool = False) -> str:
    """The demo at 300 members; other apps' hooks only when asked (they have their own tests)."""
    out = StringIO()
    call_command("demo", "--members", "300", "--seed", "7", "--today", "01/03/2026",
                 *args, *([] if apps else ["--without-apps"]), stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(Member.objects.order_by("citizen_id").values_list(
        "full_name", "birth_date", "admission_date", "official_date", "citizen_id", "card_number", "status",
        "ethnicity", "home_town", "organization__code"))


@pytest.fixture
def demo(db):
    return run_demo()


def test_demo_builds_lai_chau_with_every_commune_under_the_province(demo):
    province = Organization.objects.get(parent=None)
    assert province.name == "Đảng bộ tỉnh Lai Châu" and province.kind == OrgKind.PROVINCIAL
    children = Organization.objects.filter(parent=province)
    assert children.count() == 38 + 2
    assert set(children.values_list("kind", flat=True)) == {OrgKind.UPPER_GRASSROOTS}
    names_ = set(children.values_list("name", flat=True))
    assert {"Đảng bộ các cơ quan Đảng tỉnh Lai Châu", "Đảng bộ Ủy ban nhân dân tỉnh Lai Châu"} <= names_
    assert "Đảng bộ xã Mường Kim" in names_ and "Đảng bộ phường Tân Phong" in names_
    assert list(Term.objects.filter(organization=province).order_by("start").values_list("name", flat=True)) == [
        "2010-2015", "2015-2020", "2020-2025", "2025-2030"]


def test_subtree_counts_match_the_members_loaded(demo):
    province = Organization.objects.get(parent=None)
    active = Member.objects.filter(status__in=ACTIVE_STATUSES)
    assert member_counts_for([province.pk])[province.pk]["active"] == active.count() == 300
    everything = all_member_counts()
    for org in Organization.objects.all():
        in_subtree = active.filter(organization__ancestor_links__ancestor=org).count()
        assert everything.get(org.pk, {"active": 0})["active"] == in_subtree, org.name
    # Closure and paths were rebuilt after the bulk insert.
    assert OrgClosure.objects.filter(ancestor=province).count() == Organization.objects.count()
    assert not Organization.objects.filter(path="").exists()


def test_grassroots_sizes_follow_the_charter(demo):
    for org in Organization.objects.filter(kind__in=GRASSROOTS_KINDS):
        size = member_counts_for([org.pk])[org.pk]
        if org.kind == OrgKind.GRASSROOTS_COMMITTEE:
            assert size["active"] >= 30, org.name
        else:
            assert 3 <= size["active"] <= 29, org.name
    for cell in Organization.objects.filter(kind__in=[OrgKind.CELL, OrgKind.GRASSROOTS_CELL]):
        assert cell.members.filter(status=MemberStatus.OFFICIAL).count() >= 3, cell.name


def test_every_generated_member_passes_the_member_rules(demo):
    members = list(Member.objects.values())
    assert members
    for record in members:
        assert validate_member(record, today=TODAY) == [], record["full_name"]
        assert names.family_name(record["full_name"]), record["full_name"]
        assert record["citizen_id"].startswith("012") and len(record["citizen_id"]) == 12
        assert (record["card_number"] is not None) == (record["status"] != MemberStatus.PROBATIONARY)
        assert 1950 <= record["birth_date"].year <= 2006
        assert record["home_town"]
    probationary = sum(1 for r in members if r["status"] == MemberStatus.PROBATIONARY)
    assert 0 < probationary < 0.15 * len(members)
    assert Member.objects.filter(ethnicity="Kinh").exists() and Member.objects.exclude(ethnicity="Kinh").exists()


def test_admission_history_is_recorded_for_every_member(demo):
    assert MemberEvent.objects.filter(kind="ket_nap").count() == Member.objects.count()
    assert (MemberEvent.objects.filter(kind="chinh_thuc").count()
            == Member.objects.exclude(status=MemberStatus.PROBATIONARY).count())


def test_committee_positions_are_held_by_members_of_the_unit(demo):
    province = Organization.objects.get(parent=None)
    secretaries = Position.objects.filter(organization=province, kind="bi_thu")
    assert secretaries.count() == 1
    for position in Position.objects.select_related("member", "organization")[:200]:
        assert OrgClosure.objects.filter(ancestor=position.organization,
                                         descendant_id=position.member.organization_id).exists()
        assert position.member.status == MemberStatus.OFFICIAL


def test_each_role_has_a_login_with_the_printed_password(demo):
    assert "dangbo2026" in demo and "http://127.0.0.1:8000/" in demo
    for username in ("admin", "tochuc", "lanhdao", "tochuc_xa", "bithu", "dangvien"):
        assert authenticate(username=username, password=PASSWORD) is not None, username
        assert username in demo
    assert "Bí thư chi bộ" in demo and "Cán bộ tổ chức" in demo
    secretary = RoleAssignment.objects.get(user__username="bithu")
    member = RoleAssignment.objects.get(user__username="dangvien").member
    assert member.organization_id == secretary.organization_id


@pytest.mark.django_db(transaction=True)
def test_same_seed_gives_the_same_people():
    # Committed data: --reset flushes with TRUNCATE on PostgreSQL, outside any test transaction.
    run_demo()
    first = snapshot()
    run_demo("--reset")
    assert snapshot() == first
    # Sequences were moved past the explicit ids: ordinary inserts still work.
    Organization.objects.create(kind=OrgKind.CELL, code="NEW", name="Chi bộ mới")


def test_if_empty_keeps_existing_data_and_prints_the_logins(demo):
    before = Member.objects.count()
    out = run_demo("--if-empty")
    assert Member.objects.count() == before
    assert "bithu" in out and "dangbo2026" in out


def test_running_twice_without_reset_is_refused(demo):
    with pytest.raises(CommandError):
        run_demo()


def test_another_province_by_code(db):
    out = StringIO()
    call_command("demo", "--members", "200", "--province", "1", "--today", "01/03/2026", "--without-apps",
                 stdout=out)
    root = Organization.objects.get(parent=None)
    assert root.name == "Đảng bộ thành phố Hà Nội"
    assert Organization.objects.filter(name__startswith="Đảng bộ phường").exists()
    assert Member.objects.filter(citizen_id__startswith="001").exists()


@pytest.fixture
def fake_hook(monkeypatch):
    """Installs dangbo.ratings.demo with a populate() that records its context."""
    calls = []
    module = types.ModuleType("dangbo.ratings.demo")
    module.__spec__ = ModuleSpec("dangbo.ratings.demo", None)
    module.populate = calls.append
    monkeypatch.setitem(sys.modules, "dangbo.ratings.demo", module)
    monkeypatch.setattr(builder, "HOOK_APPS", ("ratings",))
    return module, calls


def test_app_hooks_receive_the_documented_context(db, fake_hook):
    _, calls = fake_hook
    out = run_demo(apps=True)
    assert len(calls) == 1
    ctx = calls[0]
    assert ctx.province.name == "Đảng bộ tỉnh Lai Châu"
    assert ctx.today == TODAY and ctx.admin.is_superuser
    assert set(ctx.users) >= {"admin", "staff", "leader", "cell_secretary", "member"}
    assert isinstance(ctx.random.random(), float)
    assert ctx.seeds_dir is None or ctx.seeds_dir.is_dir()
    ctx.stdout.write("hook ran")
    assert "ratings:" in out


def test_a_failing_hook_fails_the_command(db, fake_hook):
    module, _ = fake_hook

    def broken(ctx):
        raise RuntimeError("hook exploded")

    module.populate = broken
    with pytest.raises(RuntimeError, match="hook exploded"):
        run_demo(apps=True)


def test_demo_runs_every_app_hook_that_exists(db):
    """What `make run` does: the real hooks of ratings, documents, congress and ingest."""
    out = run_demo(apps=True)
    for app in builder.HOOK_APPS:
        assert f"{app}:" in out

