"""Vietnamese personal names for demo data: Kinh names with real family-name frequencies and
the naming patterns of the larger ethnic minorities, per province.

Family-name shares (Kinh) follow the commonly cited survey figures: Nguyễn ~38%, Trần ~11%,
Lê ~9.5%, Phạm ~7%, Hoàng/Huỳnh ~5%, Phan ~4.5%, Vũ/Võ ~3.9%, Đặng, Bùi ~2%, Đỗ, Hồ, Ngô
~1.3%, Dương ~1%, Lý ~0.5%. Middle names depend on gender and cohort ("Văn"/"Thị" are more
common among older people). Plain Python, no Django.
"""
from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass

KINH_FAMILY = [
    ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 3.1), ("Huỳnh", 2.0),
    ("Phan", 4.5), ("Vũ", 2.0), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.9), ("Đào", 0.6), ("Trịnh", 0.6),
    ("Mai", 0.5), ("Cao", 0.5), ("Lương", 0.5), ("Đoàn", 0.5), ("Hà", 0.5), ("Lâm", 0.4), ("Tạ", 0.3),
    ("Chu", 0.3), ("Triệu", 0.3), ("Kiều", 0.2), ("Thân", 0.2), ("Quách", 0.2), ("Tô", 0.2),
    ("Lưu", 0.3), ("Vương", 0.2), ("Tăng", 0.1), ("Khổng", 0.1),
]

KINH_MALE_MIDDLE = ["Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Ngọc", "Thanh", "Mạnh", "Tiến",
                    "Trọng", "Quốc", "Hoàng", "Duy", "Đình", "Bá", "Trung", "Tuấn", "Anh", "Việt"]
KINH_FEMALE_MIDDLE = ["Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Thúy", "Kim", "Bích", "Mai",
                      "Hải", "Lan", "Diệu", "Khánh", "Quỳnh", "Thảo", "Hoài", "Tuyết", "Bảo", "Huyền"]
KINH_MALE_GIVEN = [
    "An", "Anh", "Bình", "Cường", "Chiến", "Dũng", "Duy", "Dương", "Đạt", "Đức", "Giang", "Hải", "Hiếu",
    "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lợi", "Mạnh", "Minh",
    "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh",
    "Toàn", "Trung", "Tú", "Tuấn", "Việt", "Vinh", "Vũ", "Hậu", "Hiệp", "Lực", "Thái", "Tùng",
]
KINH_FEMALE_GIVEN = [
    "An", "Anh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
    "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung",
    "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Tuyết", "Uyên", "Vân", "Yến", "Thu",
    "Lệ", "Xuân",
]


@dataclass(frozen=True)
class Pattern:
    """How one ethnic group forms names. `family_last`: family name at the end (Ê Đê)."""

    ethnicity: str
    family: tuple[tuple[str, float], ...]
    male_middle: tuple[str, ...]
    female_middle: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]
    family_last: bool = False
    female_prefix: str = ""
    male_prefix: str = ""


def _even(*names: str) -> tuple[tuple[str, float], ...]:
    return tuple((name, 1.0) for name in names)


KINH = Pattern("Kinh", tuple(KINH_FAMILY), tuple(KINH_MALE_MIDDLE), tuple(KINH_FEMALE_MIDDLE),
               tuple(KINH_MALE_GIVEN), tuple(KINH_FEMALE_GIVEN))
PATTERNS: dict[str, Pattern] = {
    "kinh": KINH,
    "thai": Pattern("Thái", (("Lò", 5), ("Lường", 4), ("Tòng", 2), ("Cầm", 2), ("Quàng", 2), ("Điêu", 1),
                             ("Vì", 1), ("Lừ", 1), ("Hoàng", 1), ("Lù", 1)),
                    ("Văn",), ("Thị",),
                    ("Chăm", "Khằm", "Pánh", "Ún", "Xuân", "Thoan", "Inh", "Hom", "Biên", "Chiến", "Piêng",
                     "Tiến", "Muôn", "Sương", "Hặc"),
                    ("Ênh", "Hom", "Xuân", "Pọm", "Bun", "Ón", "Thoa", "Pết", "Hương", "Ngọc", "Hoa")),
    "mong": Pattern("Mông", (("Giàng", 5), ("Sùng", 4), ("Vàng", 4), ("Thào", 3), ("Lầu", 2), ("Hầu", 1),
                             ("Lý", 2), ("Mùa", 2), ("Chang", 1), ("Vừ", 1), ("Hạng", 1), ("Cứ", 1)),
                    ("A", "Seo", "Văn", "Chá", "Mí", "Pao"), ("Thị", "Mỷ"),
                    ("Páo", "Chứ", "Dính", "Sử", "Pó", "Chả", "Tủa", "Lử", "Dế", "Súa", "Chu", "Nhè", "Sình",
                     "Chìa", "Lồng"),
                    ("Dợ", "Mai", "Máy", "Pằng", "Chía", "Sua", "Dế", "Sú", "Xá", "Sinh")),
    "dao": Pattern("Dao", (("Tẩn", 3), ("Phàn", 3), ("Lý", 3), ("Đặng", 2), ("Chảo", 2), ("Triệu", 2),
                           ("Bàn", 2)),
                   ("Láo", "Văn", "A", "Ông", "Quẩy", "Chàn"), ("Thị", "Mẩy", "Sử"),
                   ("Sử", "Chài", "Phù", "Diu", "Quẩy", "Kiều", "Lở", "Vần", "Chin", "Chòi", "San"),
                   ("Mẩy", "Xuân", "Chiêu", "Nhì", "Lai", "Dần", "Kiều", "Sẻ")),
    "tay": Pattern("Tày", (("Hoàng", 4), ("Nông", 3), ("Lục", 2), ("Ma", 2), ("Đàm", 2), ("Bế", 2),
                           ("Triệu", 2), ("Lưu", 1), ("Hà", 2), ("La", 1), ("Nguyễn", 2)),
                   ("Văn", "Đức", "Văn", "Minh"), ("Thị", "Thị", "Thu"),
                   tuple(KINH_MALE_GIVEN), tuple(KINH_FEMALE_GIVEN)),
    "nung": Pattern("Nùng", (("Nông", 4), ("Hoàng", 3), ("Lương", 2), ("Vi", 2), ("Lăng", 1), ("Chu", 1),
                             ("Lục", 1), ("Sầm", 1), ("Lý", 1)),
                    ("Văn", "Văn", "Đức"), ("Thị",), tuple(KINH_MALE_GIVEN), tuple(KINH_FEMALE_GIVEN)),
    "muong": Pattern("Mường", (("Bùi", 6), ("Đinh", 4), ("Quách", 2), ("Hà", 2), ("Xa", 1), ("Trương", 1)),
                     ("Văn", "Văn", "Đức"), ("Thị",), tuple(KINH_MALE_GIVEN), tuple(KINH_FEMALE_GIVEN)),
    "ede": Pattern("Ê Đê", _even("Niê", "Êban", "Mlô", "Byă", "Ktla", "Adrơng", "Ayun", "Kđoh", "Nay"),
                   (), (),
                   ("Bih", "Ngông", "Jút", "Thuột", "Khoa", "Djăng", "Sơn", "Yơn", "Blô", "Kiêm"),
                   ("Hen", "Bia", "Linh", "Yim", "Đoan", "Wang", "Lim", "Ni", "Zin"),
                   family_last=True, male_prefix="Y", female_prefix="H'"),
    "giarai": Pattern("Gia Rai", _even("Ksor", "Siu", "Rahlan", "Kpă", "Nay", "Rơmah", "Puih", "Rơ Châm"),
                      (), ("H'",),
                      ("Phước", "Blơh", "Kim", "Dun", "Thương", "Ngơn", "Hyưn", "Têh", "Djuih"),
                      ("Thu", "Bơ", "Lan", "Nhi", "Mai", "Lin", "Dung")),
    "khmer": Pattern("Khmer", _even("Thạch", "Danh", "Sơn", "Kim", "Lâm", "Châu", "Trà"),
                     ("Văn",), ("Thị",),
                     ("Sóc", "Sa", "Phol", "Rươne", "Thươl", "Kha", "Sang", "Chanh", "Đa", "Sên", "Ri"),
                     ("Sa Ri", "Ni", "Ry", "Pha", "Mỹ Linh", "Sô Phia", "Thu", "Srây")),
}

# Share of each group among party members, by GSO province code (post-2025 provinces). The
# remainder is Kinh. Approximate, for realistic demo data only.
PROVINCE_GROUPS: dict[int, tuple[tuple[str, float], ...]] = {
    11: (("thai", 0.35), ("mong", 0.20), ("dao", 0.03)),                        # Điện Biên
    12: (("thai", 0.28), ("mong", 0.20), ("dao", 0.10)),                        # Lai Châu
    14: (("thai", 0.40), ("mong", 0.12), ("muong", 0.04)),                      # Sơn La
    15: (("mong", 0.12), ("dao", 0.12), ("tay", 0.14), ("thai", 0.05)),         # Lào Cai
    4: (("tay", 0.45), ("nung", 0.30), ("mong", 0.05), ("dao", 0.05)),          # Cao Bằng
    20: (("tay", 0.35), ("nung", 0.35), ("dao", 0.05)),                         # Lạng Sơn
    8: (("tay", 0.30), ("mong", 0.15), ("dao", 0.10), ("nung", 0.08)),          # Tuyên Quang
    19: (("tay", 0.22), ("nung", 0.05), ("dao", 0.04)),                         # Thái Nguyên
    25: (("muong", 0.20), ("dao", 0.02)),                                       # Phú Thọ
    38: (("muong", 0.07), ("thai", 0.05)),                                      # Thanh Hóa
    40: (("thai", 0.06),),                                                      # Nghệ An
    52: (("giarai", 0.18),),                                                    # Gia Lai
    66: (("ede", 0.16),),                                                       # Đắk Lắk
    68: (("ede", 0.06),),                                                       # Lâm Đồng
    91: (("khmer", 0.06),), 86: (("khmer", 0.08),), 92: (("khmer", 0.04),), 96: (("khmer", 0.05),),
}

MOUNTAIN_PROVINCES = {4, 8, 11, 12, 14, 15, 20, 52, 66, 68}

FAMILY_NAMES: frozenset[str] = frozenset(
    name for pattern in PATTERNS.values() for name, _ in pattern.family
)


class Weighted:
    """Fast weighted choice over a fixed list (bisect on cumulative weights)."""

    def __init__(self, items):
        items = list(items)
        self.values = [value for value, _ in items]
        self.cumulative = list(itertools.accumulate(weight for _, weight in items))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


_FAMILY_PICKERS = {key: Weighted(pattern.family) for key, pattern in PATTERNS.items()}


def groups_for_province(province_code: int) -> Weighted:
    """Weighted choice of a naming group ("kinh", "thai", ...) for members of this province."""
    minorities = PROVINCE_GROUPS.get(province_code, ())
    kinh_share = max(0.0, 1.0 - sum(share for _, share in minorities))
    return Weighted([("kinh", kinh_share), *minorities])


def make_name(rng: random.Random, group: str, male: bool, birth_year: int) -> str:
    """A full name in the group's pattern ("Nguyễn Thị Thu Hà", "Giàng A Páo", "Y Bih Niê")."""
    pattern = PATTERNS[group]
    family = _FAMILY_PICKERS[group].pick(rng)
    givens = pattern.male_given if male else pattern.female_given
    given = givens[int(rng.random() * len(givens))]
    if pattern.family_last:
        prefix = pattern.male_prefix if male else pattern.female_prefix
        return f"{prefix} {given} {family}" if prefix == "Y" else f"{prefix}{given} {family}"
    if group == "kinh":
        return f"{family} {_kinh_middle(rng, male, birth_year)} {given}"
    middles = pattern.male_middle if male else pattern.female_middle
    if not middles:
        return f"{family} {given}"
    middle = rng.choice(middles)
    if middle.endswith("'"):
        return f"{family} {middle}{given}"
    return f"{family} {middle} {given}"


def _kinh_middle(rng: random.Random, male: bool, birth_year: int) -> str:
    """Văn/Thị are most common among older cohorts; younger people more often carry another."""
    older = birth_year < 1980
    if male:
        return "Văn" if rng.random() < (0.55 if older else 0.25) else rng.choice(KINH_MALE_MIDDLE)
    roll = rng.random()
    if roll < (0.70 if older else 0.30):
        return "Thị"
    if roll < (0.80 if older else 0.50):
        return "Thị " + rng.choice(KINH_FEMALE_MIDDLE)
    return rng.choice(KINH_FEMALE_MIDDLE)


def family_name(full_name: str) -> str | None:
    """The family name of a generated name, wherever the group puts it; None if unknown."""
    words = full_name.split()
    if not words:
        return None
    if words[0] in FAMILY_NAMES:
        return words[0]
    if words[-1] in FAMILY_NAMES:
        return words[-1]
    if len(words) >= 2 and " ".join(words[:2]) in FAMILY_NAMES:
        return " ".join(words[:2])
    return None
