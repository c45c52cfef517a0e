"""The roll-up as a spreadsheet, a Word report in the party layout, and a PDF.

One table definition (`table`) feeds all three, so the numbers never differ between them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dangbo.core import letterhead, party_docx, tabular, vn
from dangbo.core.letterhead import committee_name
from dangbo.core.party_docx import PartyHeader, Signature
from dangbo.ratings import rules
from dangbo.ratings.rollup import Rollup, UnitRollup

SHORTS = [rules.LEVEL_SHORT[level] for level in rules.LEVELS]


def headers() -> list[str]:
    out = ["TT", "Đơn vị", "Đảng viên được xếp loại"]
    for short in SHORTS:
        out += [f"ĐV {short}", f"ĐV {short} (%)"]
    out += ["TCCSĐ được xếp loại"]
    for short in SHORTS:
        out += [f"TCCSĐ {short}", f"TCCSĐ {short} (%)"]
    return out


def _unit_values(unit: UnitRollup) -> list:
    values = [unit.members.total]
    for level in rules.LEVELS:
        values += [unit.members[level], unit.members.percent(level)]
    values.append(unit.grassroots.total)
    for level in rules.LEVELS:
        values += [unit.grassroots[level], unit.grassroots.percent(level)]
    return values


def raw_rows(result: Rollup) -> list[list]:
    """Numbers as numbers (percentages rounded to 2 decimals) for the spreadsheet."""
    rows = []
    for index, unit in enumerate(result.children, start=1):
        rows.append([index, unit.organization.name, *_unit_values(unit)])
    rows.append(["", f"Toàn {result.organization.name}", *_unit_values(result.total)])
    return [[round(v, 2) if isinstance(v, float) else v for v in row] for row in rows]


def formatted_rows(result: Rollup) -> list[list[str]]:
    """The same rows written the Vietnamese way (60.137; 3,76%) for Word and PDF."""
    out = []
    for row in raw_rows(result):
        formatted = []
        for column, value in enumerate(row):
            if value is None:
                formatted.append("—")
            elif column >= 3 and headers()[column].endswith("(%)"):
                formatted.append(vn.format_percent(value))
            elif isinstance(value, int):
                formatted.append(vn.format_number(value))
            else:
                formatted.append(str(value))
        out.append(formatted)
    return out


def compact_rows(result: Rollup) -> tuple[list[str], list[list[str]]]:
    """A narrower table for A4 portrait: per level "count (share)"."""
    head = ["TT", "Đơn vị", "Đảng viên"] + SHORTS + ["TCCSĐ", "TCCSĐ HTTNV trở lên"]
    rows = []
    units = [(str(i), u) for i, u in enumerate(result.children, start=1)] + [("", result.total)]
    for number, unit in units:
        name = unit.organization.name if number else f"Toàn {unit.organization.name}"
        cells = [number, name, vn.format_number(unit.members.total)]
        for level in rules.LEVELS:
            cells.append(f"{vn.format_number(unit.members[level])} ({vn.format_percent(unit.members.percent(level)) or '—'})")
        cells += [vn.format_number(unit.grassroots.total),
                  f"{vn.format_number(unit.grassroots.at_least(rules.HTTNV))} "
                  f"({vn.format_percent(unit.grassroots.at_least_percent(rules.HTTNV)) or '—'})"]
        rows.append(cells)
    return head, rows


def xlsx_columns() -> list[tabular.Col]:
    """The columns of `headers()` after TT, with units: counts of people and organizations,
    shares as percentages (stored as numbers with a % format)."""
    out = [tabular.Col("Đơn vị", width=34)]
    for title in headers()[2:]:
        if title.endswith("(%)"):
            out.append(tabular.Col(title, kind=tabular.PERCENT, width=11))
        else:
            unit = "người" if title.startswith("Đ") else "tổ chức"
            out.append(tabular.Col(title, kind=tabular.INTEGER, unit=unit, width=12))
    return out


def xlsx_bytes(result: Rollup, on: date | None = None) -> bytes:
    rows = [row[1:] for row in raw_rows(result)]
    table = [*rows[:-1], tabular.Total(rows[-1])]
    heading = letterhead.sheet_heading(
        result.organization, "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
        period=f"Năm {result.year}", on=on)
    return tabular.export_xlsx(xlsx_columns(), table, f"Xếp loại {result.year}", heading=heading)


# -- party-layout documents ----------------------------------------------------------------


@dataclass
class ReportOptions:
    number: str = ""
    place: str = ""
    on: date | None = None


def header(result: Rollup, options: ReportOptions) -> PartyHeader:
    return letterhead.party_header(
        result.organization, number=options.number or "     -BC", place=options.place, doc_type="Báo cáo",
        on=options.on or date.today(),
        summary=f"Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {result.year}",
    )


def summary_sentences(result: Rollup) -> list[str]:
    total = result.total
    rule_set = rules.rules_for_year(result.year)
    lines = [f"Thực hiện Quy định số {rule_set.code} và Hướng dẫn số {rule_set.guidance.split(' (')[0]}, "
             f"{committee_name(result.organization)} báo cáo kết quả đánh giá, xếp loại chất lượng năm {result.year} như sau:"]
    m = total.members
    if m.total:
        parts = "; ".join(f"{rules.LEVEL_LABELS[level].lower()}: {vn.format_number(m[level])} "
                          f"({vn.format_percent(m.percent(level))})" for level in rules.LEVELS)
        lines.append(f"Đảng viên được xếp loại: {vn.format_number(m.total)}; trong đó {parts}.")
    g = total.grassroots
    if g.total:
        parts = "; ".join(f"{rules.LEVEL_LABELS[level].lower()}: {vn.format_number(g[level])} "
                          f"({vn.format_percent(g.percent(level))})" for level in rules.LEVELS)
        lines.append(f"Tổ chức cơ sở đảng được xếp loại: {vn.format_number(g.total)}; trong đó {parts}.")
    for check in total.targets:
        verdict = {True: "đạt", False: "không đạt", None: "chưa đủ số liệu để đánh giá"}[check.met]
        lines.append(f"Chỉ tiêu «{check.target.label}»: đạt {vn.format_percent(check.percent) or '—'}, {verdict}.")
    return lines


def docx_bytes(result: Rollup, options: ReportOptions) -> bytes:
    doc = party_docx.new_party_document(header(result, options))
    for line in summary_sentences(result):
        party_docx.add_paragraph(doc, line)
    party_docx.add_heading(doc, "Kết quả theo đơn vị trực thuộc")
    head, rows = compact_rows(result)
    party_docx.add_table(doc, head, rows, number_columns=set(range(2, len(head))), size=10)
    missing = [(target, units) for target, units in result.missing_units() if units]
    if missing:
        party_docx.add_heading(doc, "Đơn vị chưa đạt chỉ tiêu")
        for target, units in missing:
            party_docx.add_paragraph(doc, f"{target.label}: " + ", ".join(u.organization.name for u in units) + ".")
    party_docx.add_signature(doc, Signature(authority=letterhead.signing_authority(result.organization),
                                            position="BÍ THƯ", recipients=["Như trên", "Lưu"]))
    return party_docx.to_bytes(doc)


def pdf_bytes(result: Rollup, options: ReportOptions, request=None) -> bytes:
    from dangbo.core.party_pdf import render_pdf

    head, rows = compact_rows(result)
    missing = [(target, units) for target, units in result.missing_units() if units]
    return render_pdf("ratings/report_pdf.html", {
        "header": header(result, options), "sentences": summary_sentences(result), "head": head, "rows": rows,
        "missing": missing, "authority": letterhead.signing_authority(result.organization),
    }, request=request)
