"""Guards for uploaded files, checked before a library parses them (plain Python, no Django).

An upload is refused fast, with a Vietnamese message (`FileRefused`), when it would make the
server work for minutes or store junk:
- .docx / .xlsx are zip archives: a zip bomb (a 333 KB .docx that unpacks to 98 MB) is
  refused from its directory alone, before anything is decompressed: too many entries,
  too many bytes unpacked, or an entry that unpacks far beyond any real document. zipfile
  never returns more than an entry's declared size, so checking declared sizes suffices;
- .pdf: at most MAX_PDF_PAGES pages; extraction stops once the text passes the limit;
- .txt / .html must be text: UTF-8, no NUL byte, almost no control characters (a binary
  file renamed .txt would otherwise give pages of junk "facts");
- the text of any file: at most validation.LONG_TEXT_LIMIT characters.
"""
from __future__ import annotations

import unicodedata
import zipfile
from typing import BinaryIO

from dangbo.core import validation, vn

MAX_UPLOAD_BYTES = 30 * 1024 * 1024  # one uploaded file (the request as a whole: DANGBO_MAX_REQUEST_BYTES)
MAX_ZIP_ENTRIES = 1_000  # a .docx has about 20 parts, an .xlsx 10 plus one per sheet
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024  # 20.000 members in .xlsx unpack to about 15 MB
MAX_ENTRY_RATIO = 100  # real XML compresses 5-20 times; a bomb 300 times and more
RATIO_CHECK_FROM = 1024 * 1024  # small entries may compress very well (empty sheets)
MAX_PDF_PAGES = 500
MAX_CONTROL_SHARE = 0.001  # control characters allowed in a text file (stray form feeds)


class FileRefused(ValueError):
    """An upload that is refused as a whole; str(error) is the Vietnamese message."""


def check_zip(source: str | BinaryIO, label: str = "tệp") -> None:
    """Refuse a .docx/.xlsx that is not a zip archive or would unpack to too much."""
    position = source.tell() if hasattr(source, "tell") else None
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FileRefused(f"Không đọc được {label}: tệp hỏng hoặc không đúng định dạng.") from None
    finally:
        if position is not None:
            source.seek(position)
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileRefused(f"{label.capitalize()} có {vn.format_number(len(entries))} phần bên trong, "
                          f"quá giới hạn {vn.format_number(MAX_ZIP_ENTRIES)}: không nhận.")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNZIPPED_BYTES:
        raise FileRefused(f"{label.capitalize()} giải nén ra {_megabytes(unpacked)}, quá giới hạn "
                          f"{_megabytes(MAX_UNZIPPED_BYTES)}: không nhận (có thể là tệp độc hại «bom nén»).")
    for entry in entries:
        if entry.file_size > RATIO_CHECK_FROM and entry.file_size > MAX_ENTRY_RATIO * max(entry.compress_size, 1):
            raise FileRefused(f"{label.capitalize()} có phần «{entry.filename[:60]}» nén bất thường "
                              f"({_megabytes(entry.compress_size)} giải nén ra {_megabytes(entry.file_size)}): "
                              "không nhận (có thể là tệp độc hại «bom nén»).")


def check_pdf_pages(page_count: int) -> None:
    if page_count > MAX_PDF_PAGES:
        raise FileRefused(f"Tệp PDF có {vn.format_number(page_count)} trang, quá giới hạn "
                          f"{vn.format_number(MAX_PDF_PAGES)} trang; hãy tách thành nhiều tệp.")


def check_text_length(text: str) -> str:
    _check_length(len(text))
    return text


def _check_length(length: int) -> None:
    if length > validation.LONG_TEXT_LIMIT:
        raise FileRefused(f"Nội dung tệp dài hơn {vn.format_number(validation.LONG_TEXT_LIMIT)} ký tự; "
                          "hãy tách thành nhiều tệp.")


def pdf_text(reader, separator: str = "\n") -> str:
    """The text of a pypdf reader, page by page, refused once past the limits."""
    check_pdf_pages(len(reader.pages))
    parts, length = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        length += len(text) + len(separator)
        _check_length(length)
        parts.append(text)
    return separator.join(parts)


def decode_text(raw: bytes, label: str = "Tệp") -> str:
    """The text of a .txt (or .html) upload; refuse what is not text."""
    if b"\x00" in raw:
        raise FileRefused(f"{label} không phải văn bản (có byte 0, thường là tệp nhị phân đổi tên): không nhận.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(f"{label} không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8 rồi tải lên.") from None
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t")
    if controls > max(2, len(text) * MAX_CONTROL_SHARE):
        raise FileRefused(f"{label} không phải văn bản (có {vn.format_number(controls)} ký tự điều khiển): không nhận.")
    return check_text_length(text)


def _megabytes(size: int) -> str:
    return vn.format_number(size / (1 << 20), 1).replace(",0", "") + " MB"
