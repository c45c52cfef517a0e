"""Scorecard exports: .xlsx (core.tabular), .docx and PDF in the party layout (core.party_docx/pdf)."""
from __future__ import annotations

import re
from datetime import date

from dangbo.core import letterhead, tabular
from dangbo.core import vn
from dangbo.core.party_docx import (
    PartyHeader, Signature, add_heading, add_paragraph, add_signature, add_table, new_party_document, to_bytes,
)
from dangbo.documents import targets as rules
from dangbo.documents.models import Document, Issuer, IssuerKind
from dangbo.documents.scorecards import Scorecard

HEADERS = ["STT", "Văn bản", "Chỉ tiêu", "Yêu cầu", "Thời hạn", "Kết quả mới nhất", "Kỳ", "Đánh giá"]


def _deadline_text(line) -> str:
    target = line.target
    if target.cadence == "hang_nam":
        years = f"{target.start_year or ''}–{target.end_year or ''}".strip("–")
        return f"Hằng năm {years}".strip()
    return vn.format_date(target.deadline) if target.deadline else "—"


def rows(card: Scorecard) -> list[list]:
    return [
        [index, line.target.document.number or line.target.document.title, line.target.wording,
         line.target.rule_text, _deadline_text(line), line.latest_text, line.latest_label, line.status_label]
        for index, line in enumerate(card.lines, start=1)
    ]


XLSX_COLUMNS = [tabular.Col("Văn bản", width=16), tabular.Col("Chỉ tiêu", width=48), tabular.Col("Yêu cầu", width=14),
                tabular.Col("Mục tiêu", kind=tabular.DECIMAL, width=11), tabular.Col("Đơn vị tính", width=10),
                tabular.Col("Thời hạn", width=14), tabular.Col("Kết quả mới nhất", kind=tabular.DECIMAL, width=12),
                tabular.Col("Kỳ", width=12), tabular.Col("Đánh giá", width=12)]


def _number(value, unit: str) -> tabular.Value | None:
    """A figure as a number: a percentage as a fraction with a % format (94% is 0,94)."""
    if value is None:
        return None
    return tabular.Value(value, tabular.PERCENT if unit == "%" else tabular.DECIMAL)


def xlsx_rows(card: Scorecard) -> list[list]:
    out = []
    for line in card.lines:
        target, reading = line.target, line.evaluation.reading
        out.append([target.document.number or target.document.title, target.wording, target.rule_text,
                    _number(target.target_value, target.unit), "%" if target.unit == "%" else target.unit,
                    _deadline_text(line), _number(reading.value if reading else None, target.unit),
                    line.latest_label, line.status_label])
    return out


def scorecard_xlsx(card: Scorecard, document: Document | None = None, today: date | None = None,
                   issuer: Issuer | None = None) -> bytes:
    today = today or date.today()
    header = party_header(document, card, today, issuer)
    heading = tabular.Heading("Kết quả thực hiện chỉ tiêu", period=card.title, issuer=header.issuer,
                              superior=header.superior, place=header.place, on=today)
    return tabular.export_xlsx(XLSX_COLUMNS, xlsx_rows(card), "Chỉ tiêu", heading=heading)


# The advisory body's own name without the committee it serves ("Ban Tổ chức Tỉnh ủy" -> "Ban Tổ chức").
_COMMITTEE_SUFFIX = re.compile(r"\s+(Tỉnh ủy|Thành ủy|Đảng ủy|Huyện ủy|Quận ủy|Thị ủy)\b.*$")


def party_header(document: Document | None, card: Scorecard, today: date, issuer: Issuer | None = None) -> PartyHeader:
    """The issuer of the document (or of the term's documents) reports on its targets, under the
    header 36-HD/VPTW gives it: a committee under its superior, an advisory body or the
    inspection commission under its committee."""
    issuer = document.issuer if document else issuer
    summary = f"Kết quả thực hiện các chỉ tiêu {('của ' + str(document)) if document else card.title}".strip()
    number = "-BC/" + (issuer.code if issuer else "")
    if issuer is None or issuer.organization is None:
        return PartyHeader(issuer=issuer.name.upper() if issuer else "", number=number, place="Hà Nội", date=today,
                           doc_type="Báo cáo", summary=summary)
    body = ""
    if issuer.kind in (IssuerKind.ADVISORY, IssuerKind.INSPECTION):
        body = _COMMITTEE_SUFFIX.sub("", issuer.name).strip() or issuer.name
    return letterhead.party_header(issuer.organization, body=body, number=number, on=today, doc_type="Báo cáo",
                                   summary=summary)


def summary_sentences(card: Scorecard) -> list[str]:
    summary = card.summary
    sentences = [f"Tổng số {summary.total} chỉ tiêu: {summary.headline}"
                 + (f" (trong đó vượt {summary.exceeded} chỉ tiêu)" if summary.exceeded else "")
                 + f"; chưa đạt {summary.not_yet}; không đạt {summary.missed}."]
    if card.missed:
        sentences.append("Các chỉ tiêu không đạt: " + "; ".join(
            f"{line.target.wording} (yêu cầu {line.target.rule_text}, đạt {line.latest_text})" for line in card.missed) + ".")
    return sentences


def scorecard_docx(card: Scorecard, document: Document | None, today: date, issuer: Issuer | None = None) -> bytes:
    doc = new_party_document(party_header(document, card, today, issuer))
    for sentence in summary_sentences(card):
        add_paragraph(doc, sentence)
    add_heading(doc, "Kết quả từng chỉ tiêu")
    add_table(doc, HEADERS, [[str(c) for c in row] for row in rows(card)], number_columns={0, 5}, size=11)
    add_signature(doc, Signature(authority="T/M BAN THƯỜNG VỤ", position="", name="",
                                 recipients=["Như trên", "Lưu Văn phòng"]))
    return to_bytes(doc)


def scorecard_pdf(card: Scorecard, document: Document | None, today: date, request=None,
                  issuer: Issuer | None = None) -> bytes:
    from dangbo.core.party_pdf import render_pdf

    return render_pdf("documents/scorecard.pdf.html", {
        "header": party_header(document, card, today, issuer), "card": card, "rows": rows(card),
        "headers": HEADERS, "sentences": summary_sentences(card), "statuses": rules.Status,
    }, request=request)
