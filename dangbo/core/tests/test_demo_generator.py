"""The demo generator without a database: names, dates, sizes and determinism."""
from __future__ import annotations

import collections
import random
from datetime import date

from dangbo.core.demo import names
from dangbo.core.demo.generator import GR_CELL, GR_COMMITTEE, CELL, MemberGenerator, allocate, build_plan
from dangbo.core.demo.province import all_provinces, find_province
from dangbo.members.rules import validate_member

TODAY = date(2026, 3, 1)
FIELDS = ("id", "full_name", "sort_key", "search_name", "birth_date", "gender", "ethnicity", "religion",
          "home_town", "citizen_id", "phone", "education", "professional_qualification", "political_theory",
          "occupation", "admission_date", "official_date", "card_number", "organization_id", "status")


def stream(seed: int, members: int, province=None, chunk: int = 1000):
    plan = build_plan(seed=seed, members=members, province=province, today=TODAY)
    return plan, list(MemberGenerator(plan, created_at="now").batches(chunk))


def records(batches):
    for batch in batches:
        for row in batch.members:
            record = dict(zip(FIELDS, row))
            for key in ("birth_date", "admission_date", "official_date"):
                record[key] = date.fromisoformat(record[key]) if record[key] else None
            yield record


def test_the_package_has_34_provinces_and_lai_chau_has_38_communes():
    assert len(all_provinces()) == 34
    assert len(find_province("Lai Châu").communes) == 38
    assert find_province("lai chau").code == find_province("12").code == 12
    assert find_province("Hà Nội").party_name == "Đảng bộ thành phố Hà Nội"


def test_nguyen_is_the_most_common_kinh_family_name():
    rng = random.Random(1)
    families = collections.Counter(names.make_name(rng, "kinh", True, 1980).split()[0] for _ in range(20000))
    share = families["Nguyễn"] / 20000
    assert 0.33 < share < 0.44
    assert families.most_common(1)[0][0] == "Nguyễn"


def test_middle_names_follow_gender():
    rng = random.Random(2)
    women = [names.make_name(rng, "kinh", False, 1960) for _ in range(500)]
    men = [names.make_name(rng, "kinh", True, 1960) for _ in range(500)]
    assert not any(" Thị " in name for name in men)
    assert sum(" Thị " in name for name in women) > 250
    assert sum(" Văn " in name for name in men) > 150


def test_ethnic_minority_names_carry_their_family_names():
    rng = random.Random(3)
    for group in ("thai", "mong", "dao", "tay", "nung", "muong", "ede", "giarai", "khmer"):
        for _ in range(50):
            name = names.make_name(rng, group, rng.random() < 0.5, 1985)
            assert names.family_name(name), (group, name)
            assert len(name.split()) >= 2


def test_a_thousand_generated_members_pass_the_member_rules():
    _, batches = stream(11, 3000)
    seen_ids, seen_cards = set(), set()
    for record in records(batches):
        assert validate_member(record, today=TODAY) == [], record
        assert record["citizen_id"] not in seen_ids
        seen_ids.add(record["citizen_id"])
        if record["card_number"]:
            assert record["card_number"] not in seen_cards
            seen_cards.add(record["card_number"])


def test_same_seed_same_output_whatever_the_chunk_size():
    _, first = stream(5, 2000, chunk=100)
    _, second = stream(5, 2000, chunk=50_000)

    def flatten(batches, part):
        return [row for batch in batches for row in getattr(batch, part)]

    for part in ("members", "events", "positions"):
        assert flatten(first, part) == flatten(second, part)
    _, other_seed = stream(6, 2000)
    assert [r[1] for r in flatten(other_seed, "members")] != [r[1] for r in flatten(first, "members")]


def test_planned_cell_sizes_add_up_to_the_requested_members():
    plan = build_plan(seed=1, members=8000, today=TODAY)
    assert sum(cell.size for cell in plan.cells()) == 8000
    kinds = collections.Counter(org.kind for org in plan.orgs)
    assert kinds[GR_CELL] > 50 and kinds[GR_COMMITTEE] > 20 and kinds[CELL] > kinds[GR_COMMITTEE]


def test_national_scale_gives_about_55k_grassroots_and_300k_cells():
    plan = build_plan(seed=2026, members=5_600_000, today=TODAY)
    kinds = collections.Counter(org.kind for org in plan.orgs)
    assert len(plan.provinces) == 34
    assert 50_000 <= kinds[GR_CELL] + kinds[GR_COMMITTEE] <= 60_000
    assert 280_000 <= kinds[GR_CELL] + kinds[CELL] <= 320_000
    assert sum(cell.size for cell in plan.cells()) == 5_600_000


def test_allocate_respects_bounds_and_total():
    rng = random.Random(4)
    for total, count in ((100, 5), (290, 10), (57, 3)):
        sizes = allocate(rng, total, count, 10, 29)
        assert sum(sizes) == total and all(10 <= s <= 29 for s in sizes)


def test_generating_in_a_background_process_gives_the_same_rows():
    from dangbo.core.demo import pipeline

    plan = build_plan(seed=7, members=3000, today=TODAY)
    in_process = MemberGenerator(plan, created_at="now")
    expected = [(b.members, b.events, b.positions) for b in in_process.batches(500)]
    forked = MemberGenerator(plan, created_at="now")
    got = [(b.members, b.events, b.positions) for b in pipeline.batches(forked, 500, background=True)]
    assert got == expected
    assert forked.sample_cell == in_process.sample_cell and forked.sample_cell


def test_an_error_in_the_background_process_is_raised_with_its_traceback():
    import pytest

    from dangbo.core.demo import pipeline

    class Broken(MemberGenerator):
        def batches(self, chunk):
            yield from super().batches(chunk)
            raise ValueError("dữ liệu hỏng")

    plan = build_plan(seed=7, members=500, today=TODAY)
    with pytest.raises(RuntimeError, match="dữ liệu hỏng"):
        list(pipeline.batches(Broken(plan, created_at="now"), 100, background=True))
