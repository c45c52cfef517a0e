"""Who a party organization is on paper: the header lines, the place on the date line and the
signature block of the documents it issues (Hướng dẫn 36-HD/VPTW, 03/4/2018; DOMAIN.md §2).

Plain Python: an organization is described by its chain of (kind, name) from the root down,
so every rule here is tested without a database.

- The issuing body stands top left in capitals, with its direct superior above it: a chi bộ
  under "ĐẢNG BỘ XÃ BÌNH LƯ", the đảng ủy of a commune under "ĐẢNG BỘ TỈNH LAI CHÂU". A tỉnh
  ủy or a centrally-run thành ủy has no line above it (its superior, the Central Committee,
  is not written).
- A party organization (đảng bộ) issues through its committee: "Đảng bộ tỉnh Lai Châu" issues
  as "Tỉnh ủy Lai Châu", "Đảng bộ thành phố Hà Nội" as "Thành ủy Hà Nội", "Đảng bộ xã Bình
  Lư" as "Đảng ủy xã Bình Lư". A chi bộ issues as itself.
- A body of a committee (Ban Tổ chức, Ủy ban Kiểm tra, Văn phòng) stands under its committee.
- A congress issues under its party organization ("ĐẢNG BỘ TỈNH LAI CHÂU" / "ĐẠI HỘI ĐẠI BIỂU
  LẦN THỨ XV"); its boards (đoàn chủ tịch, ban kiểm phiếu) under the congress.
- The place is the province or centrally-run city for provincial bodies and the commune,
  ward or special zone for the bodies below it (DOMAIN.md §2.6).
- A collective signs "T/M" (on behalf of) itself: T/M TỈNH ỦY, T/M BAN THƯỜNG VỤ, T/M ĐẢNG
  ỦY, T/M CHI BỘ; a vote-counting board is signed by its head and every member.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Organization kinds, as stored (dangbo.orgs.models.OrgKind values).
CENTRAL = "trung_uong"
PROVINCIAL = "tinh"
CENTRAL_BLOC = "truc_thuoc_tw"
UPPER_GRASSROOTS = "cap_tren_co_so"
CELL_KINDS = ("chi_bo_co_so", "chi_bo")
TOP_KINDS = (CENTRAL, PROVINCIAL, CENTRAL_BLOC)

_ADMIN_UNIT = re.compile(r"^Đảng bộ\s+(tỉnh|thành phố|xã|phường|đặc khu|thị trấn)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class OrgNode:
    kind: str
    name: str


@dataclass(frozen=True)
class HeaderLines:
    superior: str   # may hold several lines separated by "\n"; "" for none
    issuer: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.superior.split("\n") if line] + [self.issuer]


def upper(text: str) -> str:
    """Capitals as the header prints them ("Đảng ủy xã Bình Lư" -> "ĐẢNG ỦY XÃ BÌNH LƯ")."""
    return text.upper()


def committee_name(node: OrgNode) -> str:
    """The body that issues for an organization: its committee, or the chi bộ itself."""
    name = node.name.strip()
    if node.kind in CELL_KINDS or name.lower().startswith("chi bộ"):
        return name
    match = _ADMIN_UNIT.match(name)
    if match and node.kind == PROVINCIAL:
        unit, rest = match.group(1).lower(), match.group(2)
        return f"{'Thành ủy' if unit == 'thành phố' else 'Tỉnh ủy'} {rest}"
    if name.startswith("Đảng bộ"):
        return "Đảng ủy" + name[len("Đảng bộ"):]
    return name


def header_lines(chain: list[OrgNode], body: str = "") -> HeaderLines:
    """Top-left lines for a document of chain[-1] (or of one of its bodies, e.g. "Ban Tổ chức")."""
    org = chain[-1]
    committee = committee_name(org)
    if body:
        return HeaderLines(superior=upper(committee), issuer=upper(body))
    if org.kind in TOP_KINDS or len(chain) == 1:
        return HeaderLines(superior="", issuer=upper(committee))
    return HeaderLines(superior=upper(chain[-2].name), issuer=upper(committee))


def congress_header_lines(chain: list[OrgNode], title: str, board: str = "") -> HeaderLines:
    """A congress ("Đại hội đại biểu lần thứ XV") under its party organization; a board of the
    congress ("Ban Kiểm phiếu", "Đoàn Chủ tịch") under the congress named in full."""
    org = chain[-1]
    if not board:
        return HeaderLines(superior=upper(org.name), issuer=upper(title))
    return HeaderLines(superior=upper(_congress_full_name(title, org.name)), issuer=upper(board))


def _congress_full_name(title: str, org_name: str) -> str:
    """"Đại hội đại biểu lần thứ XV" of "Đảng bộ tỉnh Lai Châu" ->
    "Đại hội đại biểu Đảng bộ tỉnh Lai Châu\nlần thứ XV"."""
    match = re.match(r"^(Đại hội(?: đại biểu)?)\s+(lần thứ .+)$", title.strip(), re.IGNORECASE)
    if not match:
        return f"{title}\n{org_name}"
    return f"{match.group(1)} {org_name}\n{match.group(2)}"


def place(chain: list[OrgNode]) -> str:
    """The place on the date line: the nearest commune/ward/special zone or province above or
    at the issuer, by its own name ("Bình Lư", "Lai Châu")."""
    for node in reversed(chain):
        if node.kind in (UPPER_GRASSROOTS, PROVINCIAL):
            match = _ADMIN_UNIT.match(node.name.strip())
            if match:
                return match.group(2)
    for node in reversed(chain):
        match = _ADMIN_UNIT.match(node.name.strip())
        if match:
            return match.group(2)
    return ""


def signing_authority(chain: list[OrgNode], *, standing_committee: bool = False) -> str:
    """"T/M TỈNH ỦY", "T/M BAN THƯỜNG VỤ" (when the standing committee decides), "T/M ĐẢNG ỦY",
    "T/M CHI BỘ"."""
    org = chain[-1]
    if standing_committee and org.kind not in CELL_KINDS:
        return "T/M BAN THƯỜNG VỤ"
    committee = committee_name(org)
    if org.kind in CELL_KINDS or committee.lower().startswith("chi bộ"):
        return "T/M CHI BỘ"
    if committee.startswith("Đảng ủy"):
        return "T/M ĐẢNG ỦY"
    for prefix in ("Tỉnh ủy", "Thành ủy"):
        if committee.startswith(prefix):
            return f"T/M {upper(prefix)}"
    return f"T/M {upper(committee)}"
