"""Text of an attached PDF or Word file, taken at upload so the document is searchable.

pypdf for PDF (text layer only: a scanned PDF without OCR yields nothing, and the document
is still stored), python-docx for .docx (paragraphs and table cells). Plain Python.
"""
from __future__ import annotations

import io
import unicodedata
from pathlib import PurePath

from dangbo.core import uploads
from dangbo.core.validation import strip_forbidden

ALLOWED_SUFFIXES = (".pdf", ".docx")
MAX_BYTES = 30 * 1024 * 1024


class UnsupportedFile(ValueError):
    pass


def extract_text(name: str, data: bytes) -> str:
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UnsupportedFile("Chỉ nhận tệp PDF hoặc DOCX.")
    if len(data) > MAX_BYTES:
        raise UnsupportedFile("Tệp quá lớn (tối đa 30 MB).")
    try:
        text = _pdf_text(data) if suffix == ".pdf" else _docx_text(data)
    except UnsupportedFile:
        raise
    except uploads.FileRefused as error:
        raise UnsupportedFile(str(error)) from error
    except Exception as error:  # a damaged file is refused with a message, not a 500
        raise UnsupportedFile(f"Không đọc được tệp {suffix[1:].upper()}: {error.__class__.__name__}.") from error
    return uploads.check_text_length(strip_forbidden(unicodedata.normalize("NFC", text)).strip())


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return uploads.pdf_text(reader)


def _docx_text(data: bytes) -> str:
    from docx import Document

    uploads.check_zip(io.BytesIO(data), "tệp .docx")
    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(p for p in parts if p)
