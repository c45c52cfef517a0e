"""The maintained roll-ups equal a fresh computation after any sequence of real writes.

Property-based (Hypothesis, bounded): on the small test tree, random sequences of rating
writes (one member, a whole cell, an organization, a removal), organization moves and
merges, kind changes and a bulk import through the import pipeline; after each sequence
`engine.check()` finds no row that differs from counting the ratings again. Every example
runs in a savepoint that is rolled back, so examples do not leak into each other.
"""
from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs import services as org_services
from dangbo.orgs.models import Organization, OrgClosure
from dangbo.ratings import importing, services
from dangbo.ratings.models import MemberRating
from dangbo.rollups import engine

LEVELS = ["htxsnv", "httnv", "htnv", "khtnv", ""]  # "" removes a rating
YEARS = [2024, 2025]
NOTHING_DIFFERS = {"ratings": [], "members": []}

member_write = st.tuples(st.just("member"), st.integers(0, 99), st.sampled_from(YEARS), st.sampled_from(LEVELS))
cell_write = st.tuples(st.just("cell"), st.integers(0, 99), st.sampled_from(YEARS),
                       st.lists(st.sampled_from(LEVELS), min_size=1, max_size=6))
org_write = st.tuples(st.just("org"), st.integers(0, 99), st.sampled_from(YEARS), st.sampled_from(LEVELS))
move = st.tuples(st.just("move"), st.integers(0, 99), st.integers(0, 99))
merge = st.tuples(st.just("merge"), st.integers(0, 99), st.integers(0, 99))
kind_change = st.tuples(st.just("kind"), st.integers(0, 99), st.sampled_from(["dang_bo_co_so", "chi_bo"]))
bulk_import = st.tuples(st.just("import"), st.sampled_from(YEARS), st.lists(st.sampled_from(LEVELS[:4]), min_size=1,
                                                                             max_size=8))
operations = st.lists(st.one_of(member_write, cell_write, org_write, move, merge, kind_change, bulk_import),
                      min_size=1, max_size=7)


def _pick(items, index):
    return items[index % len(items)] if items else None


def _members():
    return list(Member.objects.filter(status__in=ACTIVE_STATUSES).select_related("organization").order_by("pk"))


def _orgs():
    return list(Organization.objects.filter(dissolved__isnull=True).order_by("pk"))


def _run(tree, operation) -> None:
    kind, *args = operation
    admin = tree.admin
    if kind == "member":
        member = _pick(_members(), args[0])
        services.save_member_rating(admin, member, args[1], level=args[2])
    elif kind == "cell":
        cells = [o for o in _orgs() if o.members.filter(status__in=ACTIVE_STATUSES).exists()]
        cell = _pick(cells, args[0])
        members = list(cell.members.filter(status__in=ACTIVE_STATUSES).order_by("pk"))
        inputs = [services.RatingInput(m, args[2][i % len(args[2])]) for i, m in enumerate(members)]
        services.save_cell_ratings(admin, cell, args[1], inputs)
    elif kind == "org":
        org = _pick([o for o in _orgs() if o.parent_id], args[0])
        services.save_org_rating(admin, org, args[1], level=args[2])
    elif kind in ("move", "merge"):
        orgs = _orgs()
        source = _pick([o for o in orgs if o.parent_id], args[0])
        inside = set(OrgClosure.objects.filter(ancestor=source).values_list("descendant_id", flat=True))
        target = _pick([o for o in orgs if o.pk not in inside and o.pk != source.parent_id], args[1])
        if target is None:
            return
        if kind == "move":
            org_services.move_organization(admin, source, target, on=date(2025, 6, 1))
        else:
            org_services.merge_organizations(admin, [source], target, on=date(2025, 6, 1))
    elif kind == "kind":
        org = _pick([o for o in _orgs() if o.parent_id], args[0])
        org_services.update_organization(admin, org, kind=args[1])
    elif kind == "import":
        year, levels = args
        members = _members()[:len(levels)]
        lines = ["Số CCCD;Mức xếp loại"] + [f"{m.citizen_id};{level}" for m, level in zip(members, levels)]
        upload = io.BytesIO("\n".join(lines).encode())
        table, importer = importing.load(tree.province, year, upload, "xep-loai.csv")
        if table.ok:
            importing.write(admin, importer, table)


@pytest.mark.django_db(transaction=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(operations)
def test_summaries_equal_a_fresh_count_after_random_writes_moves_merges_and_imports(tree, ops):
    with transaction.atomic():
        for year in YEARS:
            services.open_period(tree.admin, tree.province, year)
        for operation in ops:
            try:
                _run(tree, operation)
            except (ValidationError, ValueError):
                pass  # refused by a rule (eligibility, cap, a merge into itself): nothing was written
        assert engine.check() == NOTHING_DIFFERS
        transaction.set_rollback(True)


def test_check_reports_a_summary_that_drifted_and_rebuild_repairs_it(tree):
    services.open_period(tree.admin, tree.province, 2025)
    member = tree.a1_members[1]
    services.save_member_rating(tree.admin, member, 2025, level="httnv")
    assert engine.check() == NOTHING_DIFFERS
    MemberRating.objects.filter(member=member).update(level="htnv")  # behind the services' back
    problems = engine.check()["ratings"]
    assert {org for (org, year), *_ in problems} == set(OrgClosure.objects.filter(descendant=member.organization)
                                                 .values_list("ancestor_id", flat=True))
    engine.rebuild()
    assert engine.check() == NOTHING_DIFFERS
