"""Draft documents as numbered paragraphs with stable keys, and per-paragraph diffs. No Django.

Congress documents (báo cáo chính trị, báo cáo kiểm điểm, chương trình hành động) are sent
down for comments draft after draft. Comments are anchored to a paragraph *key*, not to its
position or text: when the drafting team issues dự thảo 2, paragraphs that were kept or
reworded keep their key, so every comment still points at the right paragraph and the diff
between drafts is computed here, on the server (unlike OpenSlides, whose diff lives in the
browser, or CONSUL, whose annotations stay on one version's HTML).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from typing import BinaryIO, Sequence

HEADING, TEXT = "heading", "text"

# "PHẦN THỨ NHẤT", "Phần I", "I. ĐÁNH GIÁ...", "A- ...", "1. Công tác ..." (short), "Chương II"
_HEADING_PATTERNS = [
    re.compile(r"^(PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\b"),
    re.compile(r"^[IVXLC]+[.\-–)]\s+\S"),
    re.compile(r"^[A-ZĐ][.\-–)]\s+\S"),
]
_NUMBERED_SHORT = re.compile(r"^\d+(\.\d+)*[.)]\s+\S")
SHORT_HEADING = 120  # characters
SAME_PARAGRAPH = 0.5  # similarity above which a reworded paragraph keeps its key


@dataclass(frozen=True)
class Block:
    """One paragraph or heading of a draft, before it gets a key."""

    text: str
    kind: str = TEXT
    level: int = 0  # headings: 1 (Phần, I.), 2 (A., 1.)


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def heading_level(line: str) -> int:
    """0 if the line reads as body text, else the heading level."""
    if len(line) > SHORT_HEADING or line.endswith((";", ",")):
        return 0
    if _HEADING_PATTERNS[0].match(line) or _HEADING_PATTERNS[1].match(line):
        return 1
    letters = [ch for ch in line if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 3:
        return 1
    if _HEADING_PATTERNS[2].match(line) or (_NUMBERED_SHORT.match(line) and not line.endswith(".")):
        return 2
    return 0


def split_text(text: str) -> list[Block]:
    """Plain text to blocks: one block per non-empty line; short numbered or upper-case lines are headings.

    A line break inside a paragraph is not expected in pasted drafts (Word exports one line
    per paragraph); blank lines are ignored.
    """
    blocks = []
    for raw in unicodedata.normalize("NFC", text or "").splitlines():
        line = _clean(raw)
        if not line:
            continue
        level = heading_level(line)
        blocks.append(Block(line, HEADING if level else TEXT, level))
    return blocks


def read_docx(source: BinaryIO | str) -> list[Block]:
    """Paragraphs of a .docx file; Word heading styles (Heading 1/2, Title) and bold short lines stay headings."""
    from docx import Document  # python-docx, only needed for imports

    from dangbo.core import uploads

    uploads.check_zip(source, "tệp .docx")
    blocks = []
    for paragraph in Document(source).paragraphs:
        text = _clean(paragraph.text)
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = 0
        if style.startswith("Heading"):
            digits = "".join(ch for ch in style if ch.isdigit())
            level = int(digits) if digits else 1
        elif style == "Title":
            level = 1
        elif paragraph.runs and all(run.bold for run in paragraph.runs if run.text.strip()) and len(text) <= SHORT_HEADING:
            level = heading_level(text) or 2
        else:
            level = heading_level(text)
        blocks.append(Block(text, HEADING if level else TEXT, level))
    return blocks


# -- aligning versions ----------------------------------------------------------------------

def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def carry_keys(old: Sequence[tuple[int, str]], new_texts: Sequence[str], next_key: int) -> list[int]:
    """Keys for a new draft: kept and reworded paragraphs keep their old key, new ones get fresh keys.

    `old` is [(key, text)] in order. Paragraphs are aligned with difflib on their texts;
    inside a replaced stretch, each new paragraph takes the most similar unused old one
    (similarity ≥ SAME_PARAGRAPH), in order, so a reworded paragraph stays the same paragraph.
    """
    old_texts = [text for _, text in old]
    keys: list[int | None] = [None] * len(new_texts)
    matcher = SequenceMatcher(None, old_texts, list(new_texts), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                keys[j1 + offset] = old[i1 + offset][0]
        elif tag == "replace":
            last_used = i1 - 1
            for j in range(j1, j2):
                best, best_score = None, SAME_PARAGRAPH
                for i in range(last_used + 1, i2):
                    score = similarity(old_texts[i], new_texts[j])
                    if score >= best_score:
                        best, best_score = i, score
                if best is not None:
                    keys[j] = old[best][0]
                    last_used = best
    result = []
    for key in keys:
        if key is None:
            key, next_key = next_key, next_key + 1
        result.append(key)
    return result


# -- diff -----------------------------------------------------------------------------------

class Change(str, Enum):
    UNCHANGED = "giu_nguyen"
    MODIFIED = "sua"
    ADDED = "them"
    REMOVED = "bo"

    @property
    def label(self) -> str:
        return {"giu_nguyen": "Giữ nguyên", "sua": "Sửa", "them": "Thêm mới", "bo": "Bỏ"}[self.value]


@dataclass(frozen=True)
class ParagraphDiff:
    key: int
    change: Change
    old_number: int | None
    new_number: int | None
    old_text: str
    new_text: str
    words: tuple[tuple[str, str], ...]  # ("equal"|"delete"|"insert", text) for MODIFIED


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
        if tag in ("delete", "replace"):
            out.append(("delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("insert", " ".join(b[j1:j2])))
    return tuple(out)


def diff_versions(old: Sequence[tuple[int, str]], new: Sequence[tuple[int, str]]) -> list[ParagraphDiff]:
    """Per-paragraph diff of two drafts given as [(key, text)] in order, in the new draft's order.

    Removed paragraphs are listed where they stood, after the new paragraph that precedes them.
    """
    old_pos = {key: index for index, (key, _) in enumerate(old)}
    old_text = dict(old)
    new_keys = {key for key, _ in new}
    rows: list[ParagraphDiff] = []
    removed_after: dict[int | None, list[int]] = {}
    previous_kept: int | None = None
    for key, _ in old:  # attach each removed paragraph to the last surviving paragraph before it
        if key in new_keys:
            previous_kept = key
        else:
            removed_after.setdefault(previous_kept, []).append(key)

    def removed(after: int | None) -> None:
        for key in removed_after.get(after, []):
            rows.append(ParagraphDiff(key, Change.REMOVED, old_pos[key] + 1, None, old_text[key], "", ()))

    removed(None)
    for number, (key, text) in enumerate(new, start=1):
        if key not in old_pos:
            rows.append(ParagraphDiff(key, Change.ADDED, None, number, "", text, ()))
        elif old_text[key] == text:
            rows.append(ParagraphDiff(key, Change.UNCHANGED, old_pos[key] + 1, number, text, text, ()))
        else:
            rows.append(ParagraphDiff(key, Change.MODIFIED, old_pos[key] + 1, number, old_text[key], text,
                                      word_diff(old_text[key], text)))
        removed(key)
    return rows
