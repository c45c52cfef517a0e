"""Party-layout headers for an organization of the database: the chain of the organization
and its ancestors fed to the rules of `core/issuers.py`."""
from __future__ import annotations

from datetime import date

from dangbo.core import issuers
from dangbo.core.party_docx import PartyHeader


def chain_of(org) -> list[issuers.OrgNode]:
    """Root first, the organization last (one query through the closure table)."""
    nodes = [issuers.OrgNode(a.kind, a.name) for a in org.ancestors()]
    return nodes + [issuers.OrgNode(org.kind, org.name)]


def party_header(org, *, number: str, doc_type: str, on: date, summary: str = "", body: str = "",
                 place: str = "") -> PartyHeader:
    chain = chain_of(org)
    lines = issuers.header_lines(chain, body=body)
    return PartyHeader(superior=lines.superior, issuer=lines.issuer, number=number, doc_type=doc_type,
                       summary=summary, date=on, place=place or issuers.place(chain) or org.name)


def congress_header(congress, *, number: str, doc_type: str, on: date, summary: str = "", board: str = "") -> PartyHeader:
    chain = chain_of(congress.organization)
    title = _congress_title(congress)
    lines = issuers.congress_header_lines(chain, title, board=board)
    return PartyHeader(superior=lines.superior, issuer=lines.issuer, number=number, doc_type=doc_type,
                       summary=summary, date=on, place=issuers.place(chain) or congress.organization.name)


def _congress_title(congress) -> str:
    from dangbo.core.vn import to_roman

    kind = "Đại hội đại biểu" if congress.kind == "dai_bieu" else "Đại hội"
    return f"{kind} lần thứ {to_roman(congress.ordinal)}"


def committee_name(org) -> str:
    """"Đảng bộ tỉnh Lai Châu" reports as "Tỉnh ủy Lai Châu", "Đảng bộ xã Bình Lư" as "Đảng ủy xã
    Bình Lư"; a chi bộ as itself."""
    return issuers.committee_name(issuers.OrgNode(org.kind, org.name))


def signing_authority(org, *, standing_committee: bool = False) -> str:
    return issuers.signing_authority(chain_of(org), standing_committee=standing_committee)


def sheet_heading(org, title: str, *, period: str = "", on: date | None = None, note: str = "", body: str = ""):
    """The title block of a spreadsheet issued by `org` (core/tabular.Heading): the same
    superior and issuer lines and place as its Word reports."""
    from dangbo.core.tabular import Heading

    chain = chain_of(org)
    lines = issuers.header_lines(chain, body=body)
    return Heading(title=title, period=period, issuer=lines.issuer, superior=lines.superior,
                   place=issuers.place(chain) or org.name, on=on or date.today(), note=note)
