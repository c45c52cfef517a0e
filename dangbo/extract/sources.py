"""Text of an input file: .txt, .docx (python-docx), .pdf (pypdf), .html/.htm (stdlib).

Web pages lose their scripts, styles, navigation, headers, footers and forms, and the lines
that are page furniture rather than article ("Chia sẻ bài viết", "Bình luận", "Tin liên quan"
and what follows it). Block elements become line breaks, so the extractors still see
paragraphs.
"""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from dangbo.core import uploads
from dangbo.core.validation import strip_forbidden

# Lines that are page furniture. "Tin liên quan" / "Bài viết liên quan" start a list of
# other articles: everything after them is dropped too.
BOILERPLATE_LINE_RE = re.compile(
    r"^\s*(?:chia\s+sẻ(?:\s+bài\s+viết)?|bình\s+luận(?:\s*\(\d+\))?|in\s+bài(?:\s+viết)?"
    r"|gửi\s+bài(?:\s+viết)?|lưu\s+bài|phản\s+hồi|ý\s+kiến\s+bạn\s+đọc|bản\s+in|quay\s+lại"
    r"|về\s+đầu\s+trang|xem\s+thêm|đầu\s+trang|facebook|twitter|zalo|email|share"
    r"|tweet|like|print|lượt\s+xem\s*:?\s*\d*|views?\s*:?\s*\d*|tags?\s*:.*|từ\s+khóa\s*:.*)\s*[:.]?\s*$",
    re.I)
TAIL_START_RE = re.compile(
    r"^\s*(?:tin\s+liên\s+quan|bài\s+viết\s+liên\s+quan|tin\s+bài\s+liên\s+quan|các\s+tin\s+khác"
    r"|tin\s+khác|tin\s+cùng\s+chuyên\s+mục|bài\s+liên\s+quan|xem\s+tiếp)\s*:?\s*$", re.I)

_SKIP_TAGS = {"script", "style", "nav", "noscript", "header", "footer", "form", "aside",
              "button", "select", "iframe", "svg", "template", "head"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "blockquote", "figcaption", "figure", "table", "ul", "ol", "dd", "dt",
               "pre", "hr", "td", "th", "main", "time"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
              "source", "track", "wbr", "param"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def drop_boilerplate(text: str) -> str:
    """Remove page-furniture lines, and everything from 'Tin liên quan' on."""
    kept = []
    for line in text.split("\n"):
        if TAIL_START_RE.match(line):
            break
        if BOILERPLATE_LINE_RE.match(line):
            continue
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"


def _read_docx(path: Path) -> str:
    import docx  # python-docx

    uploads.check_zip(str(path), "tệp .docx")
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(lines)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = uploads.pdf_text(reader)
    # PDF lines are broken mid-sentence: join a line to the next unless it ends a sentence.
    text = re.sub(r"(?<![.:;!?…\n])\n(?!\n)(?=[^\W\d_]|\d)", " ", text)
    return text


def _read_html(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise uploads.FileRefused("Tệp không phải trang HTML (có byte 0, thường là tệp nhị phân đổi tên): không nhận.")
    match = re.search(rb"charset=[\"']?([\w-]+)", raw[:4000], re.I)
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        html = raw.decode(encoding, errors="replace")
    except LookupError:
        html = raw.decode("utf-8", errors="replace")
    return drop_boilerplate(html_to_text(html))


def load_text(path: str | Path) -> str:
    """The text of a .txt, .docx, .pdf, .html or .htm file, NFC-normalised, without the
    invisible characters the validation layer refuses. Raises uploads.FileRefused (a
    ValueError with a Vietnamese message) for a file over the limits or that is not text."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    elif suffix in (".html", ".htm"):
        text = _read_html(path)
    else:
        text = uploads.decode_text(path.read_bytes())
    return uploads.check_text_length(strip_forbidden(unicodedata.normalize("NFC", text)))
