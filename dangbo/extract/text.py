"""Prepared input text shared by every extractor.

Vietnamese web text arrives in several spellings of the same letters: decomposed Unicode
(NFD), the old tone-mark placement ("uỷ", "khoá", "hoà") beside the new one ("ủy", "khóa",
"hòa"), the Icelandic "Ð" instead of "Đ", non-breaking spaces. The extractors match one
*canonical* copy of the text in which all of these are unified **without changing its
length**, so a match at offsets (start, end) in the canonical copy is also the span of the
same words in the NFC text; `to_input` maps NFC offsets back to the caller's string when the
caller did not send NFC.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

# Letters, as a regex class fragment: Vietnamese letters in any case, no digits or "_".
LETTER = r"[^\W\d_]"
# Upper-case Latin letters used by Vietnamese (with every tone mark), for "Capitalised" tests.
UPPER_CHARS = "".join(
    ch for ch in map(chr, range(0x41, 0x1F00))
    if ch.isupper() and unicodedata.name(ch, "").startswith("LATIN")
)
UPPER = f"[{UPPER_CHARS}]"

# Old -> new tone placement on the diphthongs oa, oe, uy (same length in NFC: 2 characters).
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _old_to_new_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f in (first, first.upper()):
                for s in (second, second.upper()):
                    old = unicodedata.normalize("NFC", f + s + tone)
                    new = unicodedata.normalize("NFC", f + tone + s)
                    if len(old) == len(new) == 2:
                        pairs[old] = new
    return pairs


OLD_TO_NEW = _old_to_new_pairs()
# Only at the end of a syllable ("hoà" -> "hòa", but "hoạch", "hoàn" keep their spelling);
# "quý" keeps its tone on y (qu is one consonant), so "uý" after q is not an old spelling.
# One character class instead of 60 alternatives: this runs over every input character.
_OLD_TONE_RE = re.compile(
    "(?<![qQ])[oOuU][" + "".join(sorted({old[1] for old in OLD_TO_NEW})) + r"](?![^\W\d_])")
_SAME_LENGTH = str.maketrans({"\u00d0": "Đ", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
                              "\u2007": " ", "\u200b": " ", "\ufeff": " ", "\t": " ",
                              "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                              "\u2014": "-", "\u2212": "-"})


def canonical(text: str) -> str:
    """Same-length spelling used for matching: new tone placement, Đ, plain spaces, ASCII '-'."""
    text = text.translate(_SAME_LENGTH)
    return _OLD_TONE_RE.sub(lambda m: OLD_TO_NEW.get(m.group(0), m.group(0)), text)


@lru_cache(maxsize=65536)
def normalize_words(text: str) -> str:
    """Key for comparing words: canonical spelling, lower case, single spaces."""
    return " ".join(canonical(unicodedata.normalize("NFC", text)).lower().split())


def _nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC text and, when it differs from the input, a list mapping NFC offsets to input offsets.

    Each cluster (a starter character and the combining marks after it) is normalised on
    its own, which is how NFC composes Vietnamese letters, so the mapping is exact per cluster.
    """
    nfc = unicodedata.normalize("NFC", text)
    if nfc == text:
        return text, None
    parts: list[str] = []
    mapping: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        parts.append(piece)
        mapping.extend([i] * len(piece))
        i = j
    mapping.append(n)
    return "".join(parts), mapping


@dataclass
class Prepared:
    """The text as the caller gave it, its NFC form and the canonical matching copy."""

    original: str
    nfc: str = field(init=False)
    canon: str = field(init=False)
    _map: list[int] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        text = self.original.replace("\r\n", "\n").replace("\r", "\n")
        if len(text) != len(self.original):
            # Keep offsets into the caller's string: map through the newline change too.
            self._newline_map = _crlf_map(self.original)
        else:
            self._newline_map = None
        self.nfc, self._map = _nfc_with_map(text)
        self.canon = canonical(self.nfc)

    @cached_property
    def lower(self) -> str:
        """Lower-case canonical copy with the same offsets, for case-blind searches."""
        lowered = self.canon.lower()
        if len(lowered) == len(self.canon):
            return lowered
        # A letter whose lower case is longer (rare outside Vietnamese): lower char by char.
        return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in self.canon)

    def to_input(self, offset: int) -> int:
        """Offset in the caller's string of an offset in the NFC/canonical text."""
        if self._map is not None:
            offset = self._map[offset]
        if self._newline_map is not None:
            offset = self._newline_map[offset]
        return offset

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """(start, end, text) in the caller's string for an NFC span."""
        s, e = self.to_input(start), self.to_input(end)
        return s, e, self.original[s:e]

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty line: facts never cross a line break."""
        out = []
        for m in _LINE_RE.finditer(self.canon):
            if m.group(0).strip():
                out.append((m.start(), m.end()))
        return out


_LINE_RE = re.compile(r"[^\n]+")


def _crlf_map(text: str) -> list[int]:
    """Offsets after replacing CRLF/CR with LF -> offsets in the original string."""
    mapping = []
    i = 0
    n = len(text)
    while i < n:
        mapping.append(i)
        i += 2 if text.startswith("\r\n", i) else 1
    mapping.append(n)
    return mapping


# Sentence ends: . ! ? … followed by space and a capital, an opening quote or a bullet.
SENTENCE_END_RE = re.compile(rf"(?:\.{{1,3}}|[!?…])[\"”’)]*\s+(?={UPPER}|[“\"(*\-•])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text[start:end]."""
    out = []
    pos = start
    for m in SENTENCE_END_RE.finditer(text, start, end):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when [start, end) intersects one of spans (a short list, or use SpanSet)."""
    return any(s < end and start < e for s, e in spans)


class SpanSet:
    """Sorted, merged character spans that other extractors have already claimed."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        if spans:
            self.add_many(spans)

    def add_many(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(list(zip(self._starts, self._ends)) + list(spans)):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def hits(self, start: int, end: int) -> bool:
        import bisect

        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        j = i + 1
        return j < len(self._starts) and self._starts[j] < end
