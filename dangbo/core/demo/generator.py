"""The demo plan (organizations, terms) and the member stream, deterministic for a seed.

Shape (DOMAIN.md §6): đảng bộ tỉnh → two provincial blocs and one đảng bộ xã/phường/đặc khu
per commune-level unit (cấp trên cơ sở) → grassroots organizations: chi bộ cơ sở (10–29
members: villages, residential groups, small agencies) and đảng bộ cơ sở (≥ 30: schools,
clinics, police, enterprises...) with chi bộ trực thuộc. Above 200,000 members and without a
chosen province, all 34 provinces under one central node, sized so that 5.6 million members
give ~55,000 grassroots organizations and ~300,000 cells.

Everything here is plain Python: rows are tuples in the column order of `bulk.py`, dates are
ISO strings, ids are assigned here (so members, events and positions can be streamed without
reading ids back). Each unit draws from its own `random.Random(seed:code)`, so the output does
not depend on chunking. No Django imports.
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from dangbo.core import vn
from dangbo.core.demo import names
from dangbo.core.demo.province import DEFAULT_PROVINCE, ProvinceInfo, all_provinces, find_province

NATIONAL_THRESHOLD = 200_000
MIN_UNIT_MEMBERS = 40  # a commune with fewer planned members gets no grassroots organization
BLOC_WEIGHT = 2.5  # a provincial bloc holds about as many members as 2.5 communes
INACTIVE_SHARE = 0.015  # transferred out or deceased, kept with their history
PROBATIONARY_SHARE = 0.085  # ~7% overall: the first 3 of each cell are official
INTERNAL_TRANSFER_SHARE = 0.03
FIRST_OFFICIAL_PER_CELL = 3  # every chi bộ needs at least 3 official members (§6.2)
CHUNK = 20_000

# Kinds (values of orgs.models.OrgKind; repeated here to keep this module free of Django).
CENTRAL, PROVINCIAL, UPPER, GR_COMMITTEE, GR_CELL, CELL = (
    "trung_uong", "tinh", "cap_tren_co_so", "dang_bo_co_so", "chi_bo_co_so", "chi_bo")


@dataclass(slots=True)
class OrgSpec:
    id: int
    parent_id: int | None
    kind: str
    code: str
    name: str
    profile: str = ""  # who the members are: village, residential, school, health, police, ...
    size: int = 0  # active members (cells only)
    established: str | None = None


@dataclass
class Unit:
    """A đảng bộ xã/phường/đặc khu or a provincial bloc, with the grassroots planned under it."""

    org: OrgSpec
    province: ProvinceInfo
    budget: int
    is_bloc: bool = False
    commune_kind: str = ""
    short_name: str = ""
    terms: dict[str, tuple[int, date]] = field(default_factory=dict)  # term name -> (term id, start)
    grassroots: list[tuple[OrgSpec, list[OrgSpec]]] = field(default_factory=list)


@dataclass
class ProvincePlan:
    info: ProvinceInfo
    org: OrgSpec
    units: list[Unit]
    terms: dict[str, tuple[int, date]] = field(default_factory=dict)


@dataclass
class Plan:
    seed: int
    today: date
    members: int
    root: OrgSpec
    provinces: list[ProvincePlan]
    orgs: list[OrgSpec]
    terms: list[tuple]  # rows for bulk.TERM_COLUMNS
    national: bool

    @property
    def primary(self) -> ProvincePlan:
        return self.provinces[0]

    def cells(self) -> Iterator[OrgSpec]:
        return (org for org in self.orgs if org.kind in (GR_CELL, CELL))


# --------------------------------------------------------------------------- names of units

PARTY_BLOC = ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy",
              "Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ban Chính sách, chiến lược Tỉnh ủy",
              "Báo và Phát thanh, Truyền hình tỉnh", "Trường Chính trị tỉnh", "Ủy ban MTTQ Việt Nam tỉnh",
              "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Liên đoàn Lao động tỉnh",
              "Hội Cựu chiến binh tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
              "Văn phòng Đoàn ĐBQH và HĐND tỉnh"]
GOVERNMENT_BLOC = ["Văn phòng UBND tỉnh", "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương",
                   "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Giáo dục và Đào tạo", "Sở Y tế",
                   "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo",
                   "Thanh tra tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường Cao đẳng tỉnh", "Trường THPT Chuyên",
                   "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Công ty TNHH MTV Xổ số kiến thiết"]
COMMUNE_COMMITTEES = {  # profile -> names of đảng bộ cơ sở in a commune ({X} = commune name)
    "school": ["Trường THPT {X}", "Trường THCS {X}", "Trường Tiểu học {X}", "Trường Mầm non {X}",
               "Trường Tiểu học và THCS {X}", "Trường Phổ thông dân tộc bán trú {X}"],
    "health": ["Trạm Y tế {K} {X}", "Trung tâm Y tế khu vực {X}", "Bệnh viện Đa khoa khu vực {X}"],
    "police": ["Công an {K} {X}"],
    "military": ["Ban Chỉ huy quân sự {K} {X}"],
    "agency": ["Cơ quan Ủy ban nhân dân {K} {X}", "Cơ quan Đảng ủy {K} {X}",
               "Cơ quan Mặt trận Tổ quốc và các đoàn thể {K} {X}"],
    "enterprise": ["Công ty Cổ phần Chè {X}", "Công ty TNHH Thủy điện {X}", "Công ty Cổ phần Xây dựng {X}",
                   "Hợp tác xã Nông nghiệp {X}", "Chi nhánh Ngân hàng Nông nghiệp {X}",
                   "Công ty Cổ phần Môi trường đô thị {X}", "Công ty TNHH May mặc {X}"],
}
COMMITTEE_PROFILES = names.Weighted([("school", 35), ("health", 10), ("police", 10), ("military", 8),
                                     ("agency", 15), ("enterprise", 22)])
CELL_NAMES = {
    "school": ["Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Ngoại ngữ",
               "Văn phòng"],
    "health": ["Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi", "Khoa Dược", "Phòng Hành chính - Tổng hợp"],
    "police": ["Đội An ninh", "Đội Cảnh sát giao thông", "Đội Cảnh sát hình sự", "Tổ Tổng hợp"],
    "military": ["Ban Chỉ huy", "Trung đội dân quân thường trực", "Dân quân cơ động"],
    "agency": ["Văn phòng", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công"],
    "enterprise": ["Phòng Kế toán", "Phân xưởng số 1", "Phân xưởng số 2", "Đội sản xuất số 1",
                   "Đội sản xuất số 2"],
}
LOWLAND_VILLAGES = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Trung", "Hạ", "An Phú", "Phú Lộc", "Tân Lập",
                    "Đồng Tâm", "Thống Nhất", "Quyết Tiến", "Hòa Bình", "Đoàn Kết", "Tiền Phong",
                    "Văn Minh", "Yên Bình", "Phú Thọ", "Đại Đồng"]
HIGHLAND_FIRST = ["Nà", "Pá", "Huổi", "Phiêng", "Nậm", "Co", "Hua", "Pu", "Sin", "Mường", "Tà", "Lả", "Cốc"]
HIGHLAND_SECOND = ["Tăm", "Khoang", "Mỏ", "Lếch", "Chản", "Bó", "Hăn", "Xe", "Pen", "Cuổi", "Ma", "Lò", "Sáng",
                   "Mô", "Củng", "Pao", "Chải", "Phìn"]


# --------------------------------------------------------------------------------- the plan

def build_plan(*, seed: int, members: int, province: str | int | None = None, today: date,
               org_id_start: int = 1, term_id_start: int = 1) -> Plan:
    """The organization tree and terms for `members` active members (the whole tree in memory:
    at most a few hundred thousand small objects; members are never held, see `member_stream`)."""
    national = province is None and members > NATIONAL_THRESHOLD
    if national:
        infos = list(all_provinces())
        primary = find_province(DEFAULT_PROVINCE)
        infos.sort(key=lambda info: info.code != primary.code)  # primary first, then code order
    else:
        infos = [find_province(province or DEFAULT_PROVINCE)]
    rng = random.Random(f"{seed}:plan")
    ids = _Counter(org_id_start)
    term_ids = _Counter(term_id_start)
    orgs: list[OrgSpec] = []
    terms: list[tuple] = []

    if national:
        root = OrgSpec(ids.next(), None, CENTRAL, "TW", "Đảng Cộng sản Việt Nam", "central", established="1930-02-03")
        orgs.append(root)
    weights = [len(info.communes) + 2 * BLOC_WEIGHT for info in infos]
    province_budgets = _largest_remainder(members, weights)
    total_units = sum(len(info.communes) + 2 for info in infos)
    scale = Scale.for_average(members / total_units)

    plans = []
    for info, budget in zip(infos, province_budgets):
        porg = OrgSpec(ids.next(), root.id if national else None, PROVINCIAL, f"T{info.code:02d}", info.party_name,
                       "province", established="1945-08-19")
        orgs.append(porg)
        if not national:
            root = porg
        plan = ProvincePlan(info, porg, _units(rng, info, porg, budget, ids))
        plan.terms = _terms_for(porg.id, term_ids, terms, rng, provincial=True)
        for unit in plan.units:
            orgs.append(unit.org)
            if not unit.is_bloc:
                unit.terms = _terms_for(unit.org.id, term_ids, terms, rng, provincial=False)
        for unit in plan.units:
            _plan_grassroots(random.Random(f"{seed}:{unit.org.code}:orgs"), unit, scale, ids)
            for committee, cells in unit.grassroots:
                orgs.append(committee)
                orgs.extend(cell for cell in cells if cell is not committee)
        plans.append(plan)
    return Plan(seed, today, members, root, plans, orgs, terms, national)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(start: date, months: int) -> date:
    """Same result as core.vn.add_months (clamped to the month's last day), without calendar calls."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = 29 if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else _MONTH_DAYS[month - 1]
    return date(year, month, start.day if start.day <= last else last)


def pick(rng: random.Random, items):
    """rng.choice without its bounds checks (hot loop: millions of calls)."""
    return items[int(rng.random() * len(items))]


class _Counter:
    def __init__(self, start: int):
        self.value = start - 1

    def next(self) -> int:
        self.value += 1
        return self.value


@dataclass(frozen=True)
class Scale:
    """How grassroots organizations are sized, interpolated between a demo province
    (~200 members per commune) and the national picture (~1,650 per commune: 55k grassroots,
    300k cells for 5.6M members)."""

    village_share: float  # share of members in chi bộ cơ sở
    committee_mean: float  # mean size of a đảng bộ cơ sở
    cell_mean: float  # mean size of a chi bộ trực thuộc

    @classmethod
    def for_average(cls, per_unit: float) -> Scale:
        t = min(1.0, max(0.0, (per_unit - 200) / 1450))
        return cls(0.5 - 0.41 * t, 45 + 145 * t, 12 + 7 * t)


def _largest_remainder(total: int, weights: list[float]) -> list[int]:
    """Split total into integers proportional to weights, summing exactly to total."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    result = [int(s) for s in shares]
    for i in sorted(range(len(weights)), key=lambda i: result[i] - shares[i])[: total - sum(result)]:
        result[i] += 1
    return result


def _units(rng: random.Random, info: ProvinceInfo, porg: OrgSpec, budget: int, ids: _Counter) -> list[Unit]:
    units = [
        Unit(OrgSpec(ids.next(), porg.id, UPPER, f"{porg.code}.K1", f"Đảng bộ các cơ quan Đảng {info.full_name}",
                     "bloc_party", established="2025-02-01"), info, 0, is_bloc=True),
        Unit(OrgSpec(ids.next(), porg.id, UPPER, f"{porg.code}.K2", f"Đảng bộ Ủy ban nhân dân {info.full_name}",
                     "bloc_government", established="2025-02-01"), info, 0, is_bloc=True),
    ]
    for commune in info.communes:
        org = OrgSpec(ids.next(), porg.id, UPPER, f"{porg.code}.{commune.code:05d}", commune.party_name,
                      "commune", established="2025-07-01")
        units.append(Unit(org, info, 0, commune_kind=commune.kind, short_name=commune.short_name))
    weights = [BLOC_WEIGHT if u.is_bloc else {"phường": 1.3, "đặc khu": 0.8}.get(u.commune_kind, 1.0)
               * rng.uniform(0.6, 1.4) for u in units]
    # Small runs: only some units get members, so every grassroots organization keeps a real size.
    active = min(len(units), budget // MIN_UNIT_MEMBERS) or (1 if budget else 0)
    chosen = sorted(rng.sample(range(len(units)), active))
    for i, share in zip(chosen, _largest_remainder(budget, [weights[i] for i in chosen])):
        units[i].budget = share
    return units


def _terms_for(org_id: int, term_ids: _Counter, rows: list, rng: random.Random, *,
               provincial: bool) -> dict[str, tuple[int, date]]:
    """Terms as {name: (term id, start)}. A province has had a congress every five years: the
    terms 2010-2015 to 2025-2030 are numbered on from a random ordinal, each ending the day
    before the next congress. A commune (formed on 1/7/2025) has one term, from its first
    congress (lần thứ I) in August 2025."""
    if provincial:
        first = rng.randint(12, 18)
        starts = [date(year, 10, rng.randint(5, 25)) for year in (2010, 2015, 2020, 2025)]
        spec = [(f"{start.year}-{start.year + 5}", first + index, start,
                 starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else None)
                for index, start in enumerate(starts)]
    else:
        spec = [("2025-2030", 1, date(2025, 8, rng.randint(1, 28)), None)]
    result = {}
    for name, ordinal, start, end in spec:
        term_id = term_ids.next()
        rows.append((term_id, org_id, name, ordinal, start.isoformat(), end.isoformat() if end else None))
        result[name] = (term_id, start)
    return result


def allocate(rng: random.Random, total: int, count: int, low: int, high: int | None = None,
             sigma: float = 0.45) -> list[int]:
    """`count` sizes in [low, high] summing to `total`, spread like real organizations."""
    sizes = [low] * count
    rest = total - low * count
    weights = [rng.lognormvariate(0, sigma) for _ in range(count)]
    while rest > 0:
        open_ = [i for i in range(count) if high is None or sizes[i] < high]
        wsum = sum(weights[i] for i in open_)
        given = 0
        for i in open_:
            add = int(rest * weights[i] / wsum)
            if high is not None:
                add = min(add, high - sizes[i])
            sizes[i] += add
            given += add
        rest -= given
        if given == 0:
            for i in sorted(open_, key=lambda i: -weights[i])[:rest]:
                sizes[i] += 1
                rest -= 1
    return sizes


def _plan_grassroots(rng: random.Random, unit: Unit, scale: Scale, ids: _Counter) -> None:
    budget = unit.budget
    if budget <= 0:
        return
    village = min(budget, round(budget * scale.village_share * rng.uniform(0.7, 1.3)))
    committees = budget - village
    if committees < 30:
        village, committees = budget, 0
    if 0 < village < 3:
        village, committees = 0, budget
    cell_sizes: list[int] = []
    if village:
        count = max(round(village / 19.5), math.ceil(village / 29))
        count = max(1, min(count, village // 10))
        low = min(10, village // count)
        cell_sizes = allocate(rng, village, count, low, max(29, math.ceil(village / count)))
    committee_sizes: list[int] = []
    if committees:
        count = max(1, min(round(committees / (scale.committee_mean * rng.uniform(0.8, 1.2))), committees // 30))
        committee_sizes = allocate(rng, committees, count, 30, sigma=0.6)

    used: set[str] = set()
    mountain = unit.province.code in names.MOUNTAIN_PROVINCES
    for number, size in enumerate(cell_sizes, 1):
        name, profile = _village_name(rng, unit, number, mountain, used)
        cell = OrgSpec(ids.next(), unit.org.id, GR_CELL, f"{unit.org.code}.{len(unit.grassroots) + 1:03d}",
                       name, profile, size, established=_founded(rng))
        unit.grassroots.append((cell, [cell]))
    for size in committee_sizes:
        name, profile = _committee_name(rng, unit, used)
        code = f"{unit.org.code}.{len(unit.grassroots) + 1:03d}"
        committee = OrgSpec(ids.next(), unit.org.id, GR_COMMITTEE, code, "Đảng bộ " + name, profile,
                            established=_founded(rng))
        count = max(2, min(round(size / (scale.cell_mean * rng.uniform(0.8, 1.2))), size // 5))
        cell_names = list(CELL_NAMES.get(profile, []))
        cells = []
        for number, cell_size in enumerate(allocate(rng, size, count, 5, sigma=0.35), 1):
            label = cell_names[number - 1] if number <= len(cell_names) else f"số {number}"
            cells.append(OrgSpec(ids.next(), committee.id, CELL, f"{code}.{number:02d}", "Chi bộ " + label,
                                 profile, cell_size, established=committee.established))
        unit.grassroots.append((committee, cells))


def _founded(rng: random.Random) -> str:
    """Founding date of a grassroots organization, 1960-2020, most of them long established.
    Members admitted before it was founded came in by transfer on that day (`_events`)."""
    return date(int(rng.triangular(1960, 2021, 1966)), rng.randint(1, 12), rng.randint(1, 28)).isoformat()


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    while candidate in used:
        candidate, number = f"{name} số {number}", number + 1
    used.add(candidate)
    return candidate


def _village_name(rng, unit: Unit, number: int, mountain: bool, used: set[str]) -> tuple[str, str]:
    if unit.is_bloc:
        agencies = PARTY_BLOC if unit.org.profile == "bloc_party" else GOVERNMENT_BLOC
        return "Chi bộ " + _unique(rng.choice(agencies), used), "agency"
    if unit.commune_kind == "phường":
        return f"Chi bộ tổ dân phố số {number}", "residential"
    if mountain:
        label = "bản " + rng.choice(HIGHLAND_FIRST) + " " + rng.choice(HIGHLAND_SECOND)
    else:
        label = "thôn " + rng.choice(LOWLAND_VILLAGES)
    return "Chi bộ " + _unique(label, used), "village"


def _committee_name(rng, unit: Unit, used: set[str]) -> tuple[str, str]:
    if unit.is_bloc:
        agencies = PARTY_BLOC if unit.org.profile == "bloc_party" else GOVERNMENT_BLOC
        name = rng.choice(agencies)
        profile = "health" if "Bệnh viện" in name or "Y tế" in name else "school" if "Trường" in name else "agency"
        return _unique(name, used), profile
    profile = COMMITTEE_PROFILES.pick(rng)
    template = rng.choice(COMMUNE_COMMITTEES[profile])
    return _unique(template.format(X=unit.short_name, K=unit.commune_kind), used), profile


# --------------------------------------------------------------------------- member stream

@dataclass
class Batch:
    """One chunk of rows, in the column order of bulk.MEMBER_COLUMNS / EVENT_COLUMNS / POSITION_COLUMNS."""

    members: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    positions: list[tuple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.members)


OCCUPATIONS = {
    "village": (["Nông dân"] * 6 + ["Kinh doanh", "Cán bộ thôn", "Lao động tự do"], ["", "", "", "Trung cấp Nông nghiệp", "Sơ cấp nghề"]),
    "residential": (["Kinh doanh", "Lao động tự do", "Công nhân", "Nhân viên văn phòng"], ["", "Cao đẳng", "Đại học Kinh tế", "Trung cấp"]),
    "school": (["Giáo viên"] * 6 + ["Nhân viên", "Phó Hiệu trưởng"], ["Đại học Sư phạm", "Cao đẳng Sư phạm", "Thạc sĩ Quản lý giáo dục"]),
    "health": (["Bác sĩ", "Điều dưỡng", "Y sĩ", "Dược sĩ", "Hộ sinh"], ["Bác sĩ đa khoa", "Cao đẳng Điều dưỡng", "Trung cấp Y", "Bác sĩ chuyên khoa I"]),
    "police": (["Cán bộ Công an"], ["Đại học An ninh nhân dân", "Đại học Cảnh sát nhân dân", "Trung cấp Cảnh sát"]),
    "military": (["Quân nhân", "Dân quân thường trực"], ["Trung cấp Quân sự cơ sở", "Đại học Chỉ huy tham mưu", ""]),
    "agency": (["Công chức", "Công chức", "Viên chức"], ["Cử nhân Luật", "Cử nhân Kinh tế", "Thạc sĩ Quản lý công", "Cử nhân Hành chính"]),
    "enterprise": (["Công nhân", "Công nhân", "Kỹ sư", "Nhân viên"], ["Kỹ sư", "Cao đẳng Kỹ thuật", "Công nhân kỹ thuật", "Cử nhân Kế toán"]),
}
FEMALE_SHARE = {"school": 0.68, "health": 0.6, "police": 0.1, "military": 0.05, "agency": 0.45,
                "enterprise": 0.35, "village": 0.3, "residential": 0.45}
THEORY = {"agency": names.Weighted([("cao_cap", 12), ("trung_cap", 40), ("so_cap", 43), ("cu_nhan", 5)]),
          "default": names.Weighted([("trung_cap", 10), ("so_cap", 55), ("", 35)])}
PHONE_PREFIXES = ["03", "05", "07", "08", "09"]
LOWLAND_HOMES = ["Xã Kiến Xương, tỉnh Hưng Yên", "Xã Hải Hậu, tỉnh Ninh Bình", "Xã Hoằng Hóa, tỉnh Thanh Hóa",
                 "Xã Nghi Lộc, tỉnh Nghệ An", "Xã Lâm Thao, tỉnh Phú Thọ", "Phường Thái Bình, tỉnh Hưng Yên"]


class MemberGenerator:
    """Streams member rows (with events and committee positions) unit by unit, in chunks."""

    def __init__(self, plan: Plan, *, member_id_start: int = 1, created_at=None, sort_key=None, fold=None):
        self.plan = plan
        self.ids = _Counter(member_id_start)
        self.created_at = created_at
        self.sort_key = sort_key or vn.name_sort_key
        self.fold = fold or vn.fold
        self._keys: dict[str, tuple[str, str]] = {}
        self._cid_counters: dict[str, int] = {}
        self._card_counters: dict[int, int] = {}
        self.today = plan.today
        self._today_ord = plan.today.toordinal()
        self._probation_cutoff = add_months(plan.today, -12).toordinal() - 1
        self._latest_birth = min(date(2006, 12, 31), add_months(plan.today, -20 * 12)).toordinal()
        self._cid_offset = random.Random(f"{plan.seed}:cid").randrange(1_000_000)
        self.position_ids = _Counter(1)
        # Founding day (ordinal) of every organization: nobody is admitted into, or moves into,
        # an organization before it exists.
        self._founded = {org.id: date.fromisoformat(org.established).toordinal()
                         for org in plan.orgs if org.established}
        # Ids chosen while streaming, for logins: unit code -> (cell id, secretary id, member id).
        self.sample_cell: dict[str, tuple[int, int, int]] = {}

    # -- public -------------------------------------------------------------------------
    def batches(self, chunk: int = CHUNK) -> Iterator[Batch]:
        batch = Batch()
        for province in self.plan.provinces:
            province_candidates: list[int] = []
            for unit in province.units:
                self._unit(unit, batch, province_candidates)
                if len(batch) >= chunk:
                    yield batch
                    batch = Batch()
            self._committee(random.Random(f"{self.plan.seed}:{province.org.code}:bch"), province.org,
                            province_candidates, province.terms, batch, provincial=True)
        if batch.members or batch.positions:
            yield batch

    # -- units --------------------------------------------------------------------------
    def _unit(self, unit: Unit, batch: Batch, province_candidates: list[int]) -> None:
        rng = random.Random(f"{self.plan.seed}:{unit.org.code}:members")
        ctx = _ProvinceContext.get(unit.province)
        cell_ids = [c.id for _, cells in unit.grassroots for c in cells]
        unit_candidates: list[int] = []
        fallback_sample = None
        for committee, cells in unit.grassroots:
            secretaries = []
            for cell in cells:
                first = self._cell(rng, ctx, cell, cell_ids, batch, unit_candidates)
                secretaries.append(first)
                fallback_sample = fallback_sample or (cell.id, first, first + 1)
                if unit.org.code not in self.sample_cell and cell.size >= 10 and cell.kind == GR_CELL:
                    self.sample_cell[unit.org.code] = (cell.id, first, first + 1)
            if committee.kind == GR_COMMITTEE:
                kinds = ["bi_thu", "pho_bi_thu"] + ["uv_bch"] * (min(len(secretaries), 9) - 2)
                start = date(2025, 6, rng.randint(1, 28))
                for kind, member_id in zip(kinds, secretaries):
                    self._position(batch, committee.id, None, member_id, kind, start, "ĐU")
        if fallback_sample and unit.org.code not in self.sample_cell:
            self.sample_cell[unit.org.code] = fallback_sample
        if unit.is_bloc:
            province_candidates.extend(unit_candidates)
        else:
            secretary = self._committee(rng, unit.org, unit_candidates, unit.terms, batch, provincial=False)
            if secretary:
                province_candidates.append(secretary)

    def _cell(self, rng, ctx, cell: OrgSpec, cell_ids: list[int], batch: Batch, candidates: list[int]) -> int:
        first_id = None
        inactive = sum(1 for _ in range(cell.size) if rng.random() < INACTIVE_SHARE)
        for index in range(cell.size + inactive):
            if index < cell.size:
                status = "chinh_thuc" if index < FIRST_OFFICIAL_PER_CELL or rng.random() >= PROBATIONARY_SHARE else "du_bi"
            else:
                status = "tu_tran" if rng.random() < 0.35 else "chuyen_di"
            member_id = self._member(rng, ctx, cell, status, index, cell_ids, batch)
            if first_id is None:
                first_id = member_id
            if index < 3 and status == "chinh_thuc":
                candidates.append(member_id)
        # Chi ủy (secretary, deputy, member) when the cell has at least 9 members, else a secretary.
        start = date(2025, rng.randint(3, 6), rng.randint(1, 28))
        kinds = ["bi_thu", "pho_bi_thu", "chi_uy_vien"] if cell.size >= 9 else ["bi_thu"]
        for offset, kind in enumerate(kinds):
            self._position(batch, cell.id, None, first_id + offset, kind, start, "ĐU")
        return first_id

    def _committee(self, rng, org: OrgSpec, candidates: list[int], terms: dict, batch: Batch, *,
                   provincial: bool) -> int | None:
        """Ban Chấp hành of a province or commune for 2025-2030, drawn from its officials, in
        office from the congress that opened the term."""
        if not candidates:
            return None
        size = 50 if provincial else rng.randint(15, 25)
        chosen = rng.sample(candidates, min(size, len(candidates)))
        standing = 12 if provincial else 7
        term_id, start = terms.get("2025-2030") or (None, date(2025, 10 if provincial else 8, 1))
        for index, member_id in enumerate(chosen):
            kind = ("bi_thu" if index == 0 else "pho_bi_thu" if index <= (3 if provincial else 2)
                    else "uv_btv" if index < standing else "uv_bch")
            self._position(batch, org.id, term_id, member_id, kind, start, "TW" if provincial else "TU")
        return chosen[0]

    def _position(self, batch: Batch, org_id: int, term_id, member_id: int, kind: str, start: date,
                  issuer: str) -> None:
        """`issuer`: the committee that decides (TW for a province, TU for a commune, ĐU below)."""
        number = f"{(member_id * 7) % 900 + 10}-QĐ/{issuer}"
        batch.positions.append((self.position_ids.next(), org_id, term_id, member_id, kind, start.isoformat(), None, number))

    # -- one member -----------------------------------------------------------------------
    def _member(self, rng, ctx: _ProvinceContext, cell: OrgSpec, status: str, index: int,
                cell_ids: list[int], batch: Batch) -> int:
        member_id = self.ids.next()
        profile = cell.profile
        leader = index < 3
        male = rng.random() >= FEMALE_SHARE.get(profile, 0.35) * (0.7 if leader else 1.0)
        group = ctx.groups.pick(rng) if profile in ("village", "residential", "agency") or rng.random() < 0.6 else "kinh"
        pattern = names.PATTERNS[group]
        birth, admitted = self._dates(rng, status, leader)
        official = add_months(admitted, 12) if status != "du_bi" else None
        full_name = names.make_name(rng, group, male, birth.year)
        keys = self._keys.get(full_name)
        if keys is None:
            if len(self._keys) > 400_000:
                self._keys.clear()
            keys = self._keys[full_name] = (self.sort_key(full_name), self.fold(full_name))
        occupations, qualifications = OCCUPATIONS.get(profile, OCCUPATIONS["village"])
        age = (self._today_ord - birth.toordinal()) // 365
        occupation = "Hưu trí" if age >= 62 and profile in ("village", "residential") else pick(rng, occupations)
        education = ("10/10" if birth.year < 1976 and rng.random() < 0.5
                     else "9/12" if group != "kinh" and profile == "village" and rng.random() < 0.2 else "12/12")
        theory = (THEORY["agency"] if profile == "agency" or leader else THEORY["default"]).pick(rng)
        if theory == "cao_cap" and age < 35:
            theory = "trung_cap"
        home_town = (pick(rng, LOWLAND_HOMES) if group == "kinh" and ctx.mountain and rng.random() < 0.25
                     else f"{pick(rng, ctx.communes).name}, {ctx.info.full_name}")
        phone = pick(rng, PHONE_PREFIXES) + f"{int(rng.random() * 100_000_000):08d}" if rng.random() < 0.85 else ""
        religion = "Phật giáo" if rng.random() < 0.02 else "Không"
        card = self._card(ctx.info.code) if official else None
        admitted_s, official_s = admitted.isoformat(), official.isoformat() if official else None
        batch.members.append((
            member_id, full_name, keys[0], keys[1], birth.isoformat(), "nam" if male else "nu", pattern.ethnicity,
            religion, home_town, self._citizen_id(ctx.info.code, male, birth.year), phone, education,
            pick(rng, qualifications), theory, occupation, admitted_s, official_s, card, cell.id, status,
            self.created_at, self.created_at,
        ))
        self._events(rng, batch, member_id, cell, status, admitted, official, cell_ids)
        return member_id

    def _dates(self, rng, status: str, leader: bool) -> tuple[date, date]:
        """Birth 1950–2006; admission at 18–60 counted in months; probation 12 months (§3)."""
        if status == "du_bi":
            while True:
                admitted = date.fromordinal(self._today_ord - int(rng.random() * 365))
                birth = date.fromordinal(add_months(admitted, -(216 + int(rng.random() * 205))).toordinal() - int(rng.random() * 28))
                if birth.year <= 2006:
                    return birth, admitted
        low = date(1950, 1, 1).toordinal()
        mode = date(1984 if not leader else 1975, 6, 1).toordinal()
        while True:
            birth = date.fromordinal(int(rng.triangular(low, self._latest_birth, mode)))
            earliest = add_months(birth, 216).toordinal() + 1
            latest = min(add_months(birth, 720).toordinal(), self._probation_cutoff)
            if earliest <= latest:
                break
        # Most people join young; when that would be too recent for an official member, any
        # date of their eligible span.
        span = latest - earliest
        offset = int(rng.triangular(0, 42, 4) * 365.25) + int(rng.random() * 60)
        if offset > span:
            offset = int(rng.random() * (span + 1))
        return birth, date.fromordinal(earliest + offset)

    def _events(self, rng, batch: Batch, member_id: int, cell: OrgSpec, status: str, admitted: date,
                official: date | None, cell_ids: list[int]) -> None:
        """Admission, recognition, moves and departure, each dated when the organization it
        names existed: a member admitted before their cell was founded was admitted elsewhere
        (outside the tree) and came in by transfer on the founding day."""
        founded = self._founded
        cell_founded = founded.get(cell.id, 0)
        admitted_ord = admitted.toordinal()
        admitted_in = cell.id if admitted_ord >= cell_founded else None
        transfer_on = None
        if len(cell_ids) > 1 and rng.random() < INTERNAL_TRANSFER_SHARE and official:
            other = pick(rng, cell_ids)
            if other != cell.id and admitted_ord >= founded.get(other, 0):
                start = max(official.toordinal(), cell_founded)
                span = self._today_ord - start
                if span > 0:
                    admitted_in = other
                    transfer_on = date.fromordinal(start + int(rng.random() * span))
        created = self.created_at
        batch.events.append((member_id, "ket_nap", admitted.isoformat(), None, admitted_in,
                             f"{10 + int(rng.random() * 990)}-QĐ/ĐU", "", "", None, created))
        if official:
            batch.events.append((member_id, "chinh_thuc", official.isoformat(), None, None,
                                 f"{10 + int(rng.random() * 990)}-QĐ/ĐU", "", "", None, created))
        if transfer_on:
            batch.events.append((member_id, "chuyen_sinh_hoat", transfer_on.isoformat(), admitted_in, cell.id,
                                 "", "", "Chuyển sinh hoạt đảng trong đảng bộ", None, created))
        elif admitted_in is None:
            batch.events.append((member_id, "chuyen_sinh_hoat", date.fromordinal(cell_founded).isoformat(), None,
                                 cell.id, "", "", "Chuyển sinh hoạt đảng về chi bộ khi thành lập", None, created))
        if status in ("tu_tran", "chuyen_di"):
            start = max((official or admitted).toordinal(), cell_founded,
                        transfer_on.toordinal() if transfer_on else 0)
            on = date.fromordinal(start + int(rng.random() * (max(self._today_ord - start, 1))))
            note = "Từ trần" if status == "tu_tran" else "Chuyển sinh hoạt đảng ra ngoài tỉnh"
            batch.events.append((member_id, status, on.isoformat(), cell.id, None, "", "", note, None, created))

    def _citizen_id(self, province_code: int, male: bool, year: int) -> str:
        """12 digits: province (3), century+gender (1), year (2), serial (6) — unique per prefix
        through a bijection of a counter modulo 10^6 (7919 is prime to 10^6)."""
        century = (0 if male else 1) + (2 if year >= 2000 else 0)
        prefix = f"{province_code:03d}{century}{year % 100:02d}"
        counter = self._cid_counters.get(prefix, 0)
        self._cid_counters[prefix] = counter + 1
        return f"{prefix}{(counter * 7919 + self._cid_offset) % 1_000_000:06d}"

    def _card(self, province_code: int) -> str:
        counter = self._card_counters.get(province_code, 0) + 1
        self._card_counters[province_code] = counter
        return f"{province_code:02d}{counter:07d}"


class _ProvinceContext:
    _cache: dict[int, _ProvinceContext] = {}

    def __init__(self, info: ProvinceInfo):
        self.info = info
        self.groups = names.groups_for_province(info.code)
        self.communes = info.communes
        self.mountain = info.code in names.MOUNTAIN_PROVINCES

    @classmethod
    def get(cls, info: ProvinceInfo) -> _ProvinceContext:
        if info.code not in cls._cache:
            cls._cache[info.code] = cls(info)
        return cls._cache[info.code]
