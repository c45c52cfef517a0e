"""Real administrative units (post-July-2025: 34 provinces, communes directly under them) from
the `vietnam-provinces` package (DOMAIN.md §8). Plain Python, no Django."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vietnam_provinces import Province, VietNamDivisionType, Ward

from dangbo.core import vn

DEFAULT_PROVINCE = "Lai Châu"


@dataclass(frozen=True)
class Commune:
    code: int
    name: str  # "Xã Mường Kim"
    kind: str  # "xã" | "phường" | "đặc khu"

    @property
    def short_name(self) -> str:
        """Name without its kind word: "Mường Kim"."""
        return self.name.split(" ", 2 if self.kind == "đặc khu" else 1)[-1]

    @property
    def party_name(self) -> str:
        """"Đảng bộ xã Mường Kim", "Đảng bộ phường Tân Phong", "Đảng bộ đặc khu Vân Đồn"."""
        return f"Đảng bộ {self.kind} {self.short_name}"


@dataclass(frozen=True)
class ProvinceInfo:
    code: int
    name: str  # "Lai Châu", "Thành phố Hà Nội"
    is_city: bool
    communes: tuple[Commune, ...]

    @property
    def short_name(self) -> str:
        return self.name.removeprefix("Thành phố ").strip()

    @property
    def kind_word(self) -> str:
        return "thành phố" if self.is_city else "tỉnh"

    @property
    def party_name(self) -> str:
        """"Đảng bộ tỉnh Lai Châu", "Đảng bộ thành phố Hà Nội"."""
        return f"Đảng bộ {self.kind_word} {self.short_name}"

    @property
    def full_name(self) -> str:
        """"tỉnh Lai Châu" (for home towns: "Xã Mường Kim, tỉnh Lai Châu")."""
        return f"{self.kind_word} {self.short_name}"


_KIND_WORD = {
    VietNamDivisionType.XA: "xã",
    VietNamDivisionType.PHUONG: "phường",
    VietNamDivisionType.DAC_KHU: "đặc khu",
}


@lru_cache(maxsize=None)
def all_provinces() -> tuple[ProvinceInfo, ...]:
    """The 34 provinces in GSO code order, each with its commune-level units in code order."""
    result = []
    for province in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        wards = sorted(Ward.iter_by_province(province.code), key=lambda w: int(w.code))
        communes = tuple(Commune(int(w.code), vn.nfc(w.name), _KIND_WORD[w.division_type]) for w in wards)
        is_city = province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
        result.append(ProvinceInfo(int(province.code), vn.nfc(province.name), is_city, communes))
    return tuple(result)


def find_province(name_or_code: str | int) -> ProvinceInfo:
    """By GSO code ("12") or by name, accents optional ("Lai Châu", "lai chau", "Hà Nội")."""
    text = str(name_or_code).strip()
    provinces = all_provinces()
    if text.isdigit():
        for province in provinces:
            if province.code == int(text):
                return province
        raise LookupError(f"Không có tỉnh, thành phố mã {text}.")
    wanted = vn.fold(text).removeprefix("thanh pho ").removeprefix("tinh ").strip()
    for province in provinces:
        if vn.fold(province.short_name) == wanted:
            return province
    raise LookupError(f"Không tìm thấy tỉnh, thành phố «{text}».")
