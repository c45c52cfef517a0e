"""PDF documents in the Party's layout, rendered from HTML by WeasyPrint.

Usage::

    from dangbo.core.party_pdf import render_pdf
    pdf_bytes = render_pdf("ratings/report_pdf.html", {"header": header, "rows": rows}, request=request)

The template extends "core/party_document.pdf.html" and fills `{% block body %}`; the
header block (issuer, number, "ĐẢNG CỘNG SẢN VIỆT NAM", place/date line, type name and
summary) is drawn from `header`, a `dangbo.core.party_docx.PartyHeader`, so the Word and
PDF versions of a report share one header definition.
"""
from __future__ import annotations

from django.template.loader import render_to_string

from dangbo.core.party_docx import date_line, number_line

PDF_CONTENT_TYPE = "application/pdf"


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    from weasyprint import HTML  # imported lazily: it loads Pango at import time

    header = context.get("header")
    if header is not None:
        context = {**context, "date_line": date_line(header.place, header.date), "number_line": number_line(header.number)}
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/") if request else None).write_pdf()
