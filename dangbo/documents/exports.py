"""Scorecard exports: .xlsx (core.tabular), .docx and PDF in the party layout (core.party_docx/pdf)."""
from __future__ import annotations

from datetime import date

from dangbo.core import tabular
from dangbo.core import vn
from dangbo.core.party_docx import (
    PartyHeader, Signature, add_heading, add_paragraph, add_signature, add_table, new_party_document, to_bytes,
)
from dangbo.documents import targets as rules
from dangbo.documents.models import Document
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


def scorecard_xlsx(card: Scorecard) -> bytes:
    return tabular.export_xlsx(HEADERS, rows(card), "Chỉ tiêu")


def party_header(document: Document | None, card: Scorecard, today: date) -> PartyHeader:
    issuer = document.issuer if document else None
    superior = ""
    if issuer and issuer.organization and issuer.organization.parent_id:
        superior = issuer.organization.parent.name
    elif issuer and issuer.organization:
        superior = issuer.organization.name
    place = issuer.organization.name.split(" ")[-1] if issuer and issuer.organization else "Hà Nội"
    return PartyHeader(issuer=issuer.name if issuer else "", number="-BC/" + (issuer.code if issuer else ""),
                       place=place, date=today, doc_type="Báo cáo",
                       summary=f"Kết quả thực hiện các chỉ tiêu {('của ' + str(document)) if document else ''}".strip(),
                       superior=superior)


def summary_sentences(card: Scorecard) -> list[str]:
    summary = card.summary
    sentences = [f"Tổng số {summary.total} chỉ tiêu: {summary.headline}"
                 + (f" (trong đó vượt {summary.exceeded} chỉ tiêu)" if summary.exceeded else "")
                 + f"; chưa đạt {summary.not_yet}; không đạt {summary.missed}."]
    if card.missed:
        sentences.append("Các chỉ tiêu không đạt: " + "; ".join(
            f"{line.target.wording} (yêu cầu {line.target.rule_text}, đạt {line.latest_text})" for line in card.missed) + ".")
    return sentences


def scorecard_docx(card: Scorecard, document: Document | None, today: date) -> bytes:
    doc = new_party_document(party_header(document, card, today))
    for sentence in summary_sentences(card):
        add_paragraph(doc, sentence)
    add_heading(doc, "Kết quả từng chỉ tiêu")
    add_table(doc, HEADERS, [[str(c) for c in row] for row in rows(card)], number_columns={0, 5}, size=11)
    add_signature(doc, Signature(authority="T/M BAN THƯỜNG VỤ", position="", name="",
                                 recipients=["Như trên", "Lưu Văn phòng"]))
    return to_bytes(doc)


def scorecard_pdf(card: Scorecard, document: Document | None, today: date, request=None) -> bytes:
    from dangbo.core.party_pdf import render_pdf

    return render_pdf("documents/scorecard.pdf.html", {
        "header": party_header(document, card, today), "card": card, "rows": rows(card),
        "headers": HEADERS, "sentences": summary_sentences(card), "statuses": rules.Status,
    }, request=request)
