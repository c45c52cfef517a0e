"""Congresses named with an ordinal.

    "Đại hội đại biểu Đảng bộ quận Thốt Nốt lần thứ XII, nhiệm kỳ 2020-2025"
    "Đại hội (ĐH) đại biểu Đảng bộ Khối ... lần thứ VIII, nhiệm kỳ 2020-2025"
    "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Đại hội XIII của Đảng"
    "Đại hội XVII Đảng bộ Thành phố", "ĐH Đảng bộ Khối lần thứ VIII"

A congress is one organization's congress with one ordinal; the same congress named again
(shorter, or without its term) counts once and takes the term given anywhere in the text.
"Đại hội Đảng các cấp" and "đại hội đảng bộ nhiệm kỳ 2020-2025" have no ordinal: not counted.
"""
from __future__ import annotations

import re

from .model import Congress
from .numbers import WORD_ORDINALS, ordinal_value
from .text import UPPER, Prepared, normalize_words

_ROMAN = r"[IVXL]{1,7}"
_WORD_NUMBERS = "|".join(sorted((w.replace(" ", r"\s+") for w in WORD_ORDINALS), key=len, reverse=True))
_HEAD = r"(?i:đại\s+hội)|ĐHĐB|ĐH"
# Verbs that end an organization's name before "lần thứ".
_VERBS = r"(?i:đã|đang|sẽ|bầu|bầu\s+ra|tiến\s+hành|tổ\s+chức|thông\s+qua|được|vào|là|và|với)"
# Words of an organization's name: capitalised ones and these lower-case ones.
_CAP_WORD = rf"(?!Ban\s|BCH\s){UPPER}[^\W\d_]*"
_ORG_LOWER = (r"(?:đại\s+biểu|đảng\s+bộ|tỉnh|huyện|quận|xã|phường|thị\s+xã|thị\s+trấn|thành\s+phố"
              r"|các|cơ\s+quan|khối|bộ|toàn\s+quốc)(?!\w)")
CONGRESS_RE = re.compile(
    rf"""(?<!\w)(?P<head>{_HEAD})(?:\s*\(ĐH\))?
    (?:
        # Đại hội XIII của Đảng / Đại hội XVII Đảng bộ Thành phố
        \s+(?P<roman>{_ROMAN})(?!\w)
        (?P<after>\s+(?:của\s+Đảng|đại\s+biểu\s+toàn\s+quốc
                       |(?i:Đảng\s+bộ)(?:\s+(?!(?:và|của|lần|nhiệm)\s)[^\W\d_]+){{0,5}}))?
      | # Đại hội đại biểu Đảng bộ quận Thốt Nốt lần thứ XII (organization before the ordinal)
        # The organization's words hold no number and no verb ("Đại hội đã bầu 36 đồng chí
        # vào Ban Chấp hành Đảng bộ huyện lần thứ XXII" names no congress).
        (?P<org>(?:\s+(?!lần\s|(?i:đại\s+hội)\s|ĐH\s|(?:{_VERBS})\s)[^\s\d,.;:!?()“”"]+){{0,16}}?)
        \s+(?i:lần\s+thứ)\s+(?P<ordinal>{_ROMAN}|\d{{1,2}}|{_WORD_NUMBERS})(?!\w)
        (?P<of_party>\s+của\s+Đảng(?!\s+bộ))?
        # ... lần thứ XVII Đảng bộ thành phố Hà Nội, nhiệm kỳ 2020 - 2025
        (?P<org_after>\s+(?i:Đảng\s+bộ)(?:\s+(?!(?:và|của|lần|nhiệm)\s)[^\W\d_]+){{0,5}}(?=\s*[,(]?\s*(?i:nhiệm\s+kỳ)))?
      | # Đại hội Đảng bộ huyện Ba Bể khóa XXI: "khóa" numbers the congress when the words
        # between are only the organization's name (not "Đại hội đã bầu BCH ... khóa IV").
        (?P<org_k>(?:\s+(?:{_CAP_WORD}|{_ORG_LOWER})){{1,12}}?)
        \s+\(?(?i:khóa)\s+(?P<ordinal_k>{_ROMAN})(?!\w)\)?
    )
    (?P<term>\s*[,(]?\s*(?i:nhiệm\s+kỳ)\s+(?P<y1>(?:19|20)\d{{2}})\s*-\s*(?P<y2>(?:19|20)\d{{2}})
        (?:\s*\))?)?
    """, re.X)

# An organization's name and nothing else ("Đoàn TNCS Hồ Chí Minh tỉnh"): required before an
# ordinal in digits or words, which also count other things ("biểu quyết lần thứ hai").
_ORG_NAME_RE = re.compile(rf"(?:\s+(?:{_CAP_WORD}|{_ORG_LOWER}))*\s*")


def _organization(match: re.Match) -> str:
    """Organization words of a congress, normalised: 'đảng bộ quận thốt nốt', 'toàn quốc'."""
    words = next((match.group(g) for g in ("org", "org_k", "org_after") if match.group(g)),
                 match.group("after") or "")
    org = normalize_words(words)
    org = re.sub(r"^(?:\(đh\)\s*)?(?:đại biểu\s*)?", "", org).strip()
    national = "toàn quốc" in org or (
        (match.group("of_party") or (match.group("after") or "").strip() == "của Đảng")
        and "đảng bộ" not in org)
    if national or org in ("", "của đảng"):
        return "toàn quốc" if national or org == "của đảng" else ""
    return org


def _same_congress(a: str, b: str) -> bool:
    """'đảng bộ kcq dcđ' and 'đảng bộ kcq dcđ tp cần thơ' name the same congress."""
    if not a or not b:
        return a == b or not a or not b
    return a.startswith(b) or b.startswith(a)


def find_congresses(prepared: Prepared) -> tuple[list[Congress], list[tuple[int, int]]]:
    """Congresses, once each, and the NFC spans of every mention."""
    text = prepared.canon
    mentions = []
    for ps, pe in prepared.paragraphs:
        for m in CONGRESS_RE.finditer(text, ps, pe):
            ordinal_text = m.group("roman") or m.group("ordinal") or m.group("ordinal_k")
            ordinal = ordinal_value(ordinal_text)
            if not ordinal:
                continue
            if m.group("ordinal") and not re.fullmatch(_ROMAN, ordinal_text) and \
                    not _ORG_NAME_RE.fullmatch(m.group("org")):
                continue
            term = f"{m.group('y1')}-{m.group('y2')}" if m.group("term") else None
            end = m.end()
            if not m.group("term"):
                end = max(m.end("roman"), m.end("after"), m.end("ordinal"), m.end("of_party"),
                          m.end("ordinal_k"), m.end("org_after"))
            mentions.append((m.start(), end, ordinal, term, _organization(m)))

    clusters: list[dict] = []
    by_ordinal: dict[int, list[dict]] = {}
    for start, end, ordinal, term, org in mentions:
        for cluster in by_ordinal.get(ordinal, []):
            if cluster["ordinal"] == ordinal and _same_congress(cluster["org"], org) and (
                    term is None or cluster["term"] is None or cluster["term"] == term):
                if cluster["term"] is None and term is not None:
                    cluster.update(term=term, span=(start, end))
                if len(org) > len(cluster["org"]):
                    cluster["org"] = org
                break
        else:
            cluster = {"ordinal": ordinal, "term": term, "org": org, "span": (start, end)}
            clusters.append(cluster)
            by_ordinal.setdefault(ordinal, []).append(cluster)

    congresses = []
    for cluster in clusters:
        start, end, original = prepared.span(*cluster["span"])
        congresses.append(Congress(original, start, end, cluster["ordinal"], cluster["term"],
                                   cluster["org"] or None))
    return congresses, [(s, e) for s, e, *_ in mentions]
