"""The admission progress report: the figures provincial reports print ("kết nạp 288 đảng viên,
đạt 35,34% chỉ tiêu"; "tỷ lệ kết nạp 3,76%"), as .xlsx (core/tabular.py) and as a Word report in
the party layout (core/party_docx.py, HD 36-HD/VPTW)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dangbo.admission import progress, rules
from dangbo.core import letterhead, party_docx, tabular, vn
from dangbo.core.party_docx import Signature
from dangbo.orgs.models import Organization


@dataclass
class Report:
    org: Organization
    year: int
    on: date
    total: progress.UnitProgress
    children: list[progress.UnitProgress]
    proposed: dict[int, int]  # candidates proposed by the chi bộ, awaiting the decision
    quarters: list[progress.Quarter]
    hamlets: progress.HamletSummary


def headers() -> list[str]:
    return ["Đơn vị", "Chỉ tiêu", "Đã kết nạp", "% chỉ tiêu", "Đảng viên đầu năm", "Tỷ lệ kết nạp (%)",
            "Chờ quyết định", *rules.BREAKDOWNS.values()]


def _values(unit: progress.UnitProgress, proposed: dict[int, int]) -> list:
    return [unit.organization.name, unit.target, unit.admitted,
            round(unit.percent_of_target, 2) if unit.percent_of_target is not None else None,
            unit.members_at_start, round(unit.rate, 2) if unit.rate is not None else None,
            proposed.get(unit.organization.pk, 0), *unit.counts.breakdown.values()]


def raw_rows(report: Report) -> list[list]:
    return [_values(report.total, report.proposed)] + [_values(u, report.proposed) for u in report.children]


def xlsx_columns() -> list[tabular.Col]:
    t = tabular
    return [t.Col("Đơn vị", width=34), t.Col("Chỉ tiêu", kind=t.INTEGER, unit="người"),
            t.Col("Đã kết nạp", kind=t.INTEGER, unit="người"), t.Col("Đạt chỉ tiêu", kind=t.PERCENT),
            t.Col("Đảng viên đầu năm", kind=t.INTEGER, unit="người"), t.Col("Tỷ lệ kết nạp", kind=t.PERCENT),
            t.Col("Chờ quyết định", kind=t.INTEGER, unit="người"),
            *[t.Col(label, kind=t.INTEGER, unit="người") for label in rules.BREAKDOWNS.values()]]


def xlsx_bytes(report: Report) -> bytes:
    """Units one per row, numbered, and the whole organization as the total row at the end."""
    rows = [_values(u, report.proposed) for u in report.children]
    total = _values(report.total, report.proposed)
    total[0] = f"Toàn {report.org.name}"
    heading = letterhead.sheet_heading(report.org, "Kết quả công tác phát triển đảng viên",
                                       period=f"Năm {report.year}, tính đến ngày {vn.format_date(report.on)}",
                                       on=report.on)
    return tabular.export_xlsx(xlsx_columns(), [*rows, tabular.Total(total)], f"Kết nạp {report.year}",
                               heading=heading)


def summary_sentences(report: Report) -> list[str]:
    t = report.total
    where = "toàn Đảng bộ" if not report.org.is_cell else "chi bộ"
    lines = [f"Tính đến ngày {vn.format_date(report.on)}, {where} kết nạp {vn.format_number(t.admitted)} đảng viên"
             + (f", đạt {vn.format_percent(t.percent_of_target)} chỉ tiêu ({vn.format_number(t.target)})"
                if t.target else "")
             + (f"; tỷ lệ kết nạp {vn.format_percent(t.rate)} so với tổng số đảng viên đầu năm "
                f"({vn.format_number(t.members_at_start)})" if t.rate is not None else "") + "."]
    if t.admitted:
        parts = "; ".join(f"{label.lower()}: {vn.format_number(t.counts.breakdown[key])} "
                          f"({vn.format_percent(t.share(key))})" for key, label in rules.BREAKDOWNS.items())
        lines.append(f"Trong số đảng viên mới kết nạp: {parts}.")
    over = [u.organization.name for u in report.children if u.target and u.admitted >= u.target]
    if over:
        lines.append("Đơn vị đạt và vượt chỉ tiêu: " + ", ".join(over) + ".")
    if report.hamlets.total:
        lines.append(f"Còn {vn.format_number(len(report.hamlets.without_member))} thôn, tổ dân phố chưa có đảng viên; "
                     f"{vn.format_number(len(report.hamlets.without_cell))} thôn, tổ dân phố chưa có chi bộ "
                     f"(trên tổng số {vn.format_number(report.hamlets.total)}).")
    return lines


def _table_rows(report: Report) -> list[list[str]]:
    def row(unit):
        return [unit.organization.name, vn.format_number(unit.target) if unit.target is not None else "—",
                vn.format_number(unit.admitted), vn.format_percent(unit.percent_of_target) or "—",
                vn.format_percent(unit.rate) or "—"]
    return [row(u) for u in report.children] + [["Tổng cộng", *row(report.total)[1:]]]


def docx_bytes(report: Report, number: str = "", place: str = "") -> bytes:
    org = report.org
    header = letterhead.party_header(org, number=number or "     -BC", place=place, on=report.on, doc_type="Báo cáo",
                                     summary=f"Kết quả công tác phát triển đảng viên năm {report.year}")
    doc = party_docx.new_party_document(header)
    for line in summary_sentences(report):
        party_docx.add_paragraph(doc, line)
    if report.children:
        party_docx.add_heading(doc, "Kết quả theo đơn vị trực thuộc")
        party_docx.add_table(doc, ["Đơn vị", "Chỉ tiêu", "Đã kết nạp", "% chỉ tiêu", "Tỷ lệ kết nạp"],
                             _table_rows(report), number_columns={1, 2, 3, 4}, size=11)
    if report.quarters:
        party_docx.add_heading(doc, "Tiến độ theo quý")
        party_docx.add_table(doc, ["Quý", "Kết nạp trong quý", "Lũy kế", "So với quý trước", "% chỉ tiêu"], [
            [f"Quý {vn.to_roman(q.number)}", vn.format_number(q.admitted), vn.format_number(q.cumulative),
             "—" if q.change is None else f"{q.change:+d}", vn.format_percent(q.percent_of_target) or "—"]
            for q in report.quarters], number_columns={1, 2, 3, 4}, size=11)
    if report.hamlets.without_member:
        party_docx.add_heading(doc, "Thôn, tổ dân phố chưa có đảng viên")
        party_docx.add_paragraph(doc, ", ".join(h.name for h in report.hamlets.without_member) + ".")
    party_docx.add_signature(doc, Signature(authority=letterhead.signing_authority(org), position="BÍ THƯ",
                                            recipients=["Ban Tổ chức cấp trên", "Lưu"]))
    return party_docx.to_bytes(doc)
