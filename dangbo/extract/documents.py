"""Party document references.

Party documents carry a number and symbol (Hướng dẫn 36-HD/VPTW, 03/4/2018; DOMAIN.md §2):
``Số {n:02d}-{TYPE}/{ISSUER}`` with a hyphen before the type code and a slash before the
issuer code, joint issuers joined by hyphens ("05-QC/BTCTU-BDVTU"). News writes them in
four ways, all recognised here:

    "Nghị quyết số 02-NQ/ĐUK", "Kế hoạch số 155-KH/TU ngày 08/7/2019"   symbol
    "Chỉ thị 05 của Bộ Chính trị", "Nghị quyết 15 của Ban Thường vụ Thành ủy"
                                                 number, issuer in words  -> TW, TU
    "Bộ Chính trị ban hành Chỉ thị số 35"        issuer before the verb "ban hành" -> TW
    "Nghị quyết Trung ương 4 khóa XII"           plenum resolution: no number, issuer TW,
                                                 plenum 4, term 12; "Nghị quyết Trung ương
                                                 6, 7 (khóa XII)" is two documents

A number without an issuer ("Chỉ thị 03") is the same document as another reference with
that type and number in the text; else it takes the issuer of the document it is tied to
("Chỉ thị 15 gắn với Nghị quyết 15 của Ban Thường vụ Thành ủy" -> TU); else it identifies
nothing and is left out. State documents ("Quyết định số 1234/QĐ-UBND", number before the
slash) are not party documents. A document cited again counts once.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from .links import DocumentLink, find_links
from .model import Document
from .numbers import WORD_ORDINALS, roman_to_int
from .text import UPPER, Prepared, SpanSet

# Type names (lower case, new tone placement) -> (name as printed, symbol code). DOMAIN.md §2.4.
TYPES: dict[str, tuple[str, str]] = {
    "nghị quyết": ("Nghị quyết", "NQ"),
    "chỉ thị": ("Chỉ thị", "CT"),
    "kết luận": ("Kết luận", "KL"),
    "quyết định": ("Quyết định", "QĐ"),
    "quy định": ("Quy định", "QĐ"),  # "QĐi" in HD 36, "QĐ" in central documents since 2019
    "quy chế": ("Quy chế", "QC"),
    "hướng dẫn": ("Hướng dẫn", "HD"),
    "kế hoạch": ("Kế hoạch", "KH"),
    "chương trình": ("Chương trình", "CTr"),
    "báo cáo": ("Báo cáo", "BC"),
    "thông báo": ("Thông báo", "TB"),
    "tờ trình": ("Tờ trình", "TTr"),
    "thông tri": ("Thông tri", "TT"),
    "công văn": ("Công văn", "CV"),
    "đề án": ("Đề án", "ĐA"),
    "biên bản": ("Biên bản", "BB"),
}
# Symbol code (upper case) -> (type name, code as printed).
CODES: dict[str, tuple[str, str]] = {code.upper(): (name, code) for name, code in TYPES.values()}
CODES["QĐ"] = ("Quyết định", "QĐ")
CODES["QĐI"] = ("Quy định", "QĐi")

_TYPE_WORDS = "|".join(k.replace(" ", r"\s+") for k in sorted(TYPES, key=len, reverse=True))
# "nghị quyết" as a whole word, searched in the lower-case copy of the text (any case).
TYPE_WORD_RE = re.compile(rf"(?<!\w)(?:{_TYPE_WORDS})(?!\w)")
# The type word and "số" right before a symbol: "Kế hoạch số " / "Chương trình " / "số ",
# and numbers sharing the symbol: "Nghị quyết số 18, 19-NQ/TW", "Nghị quyết 18 và 19-NQ/TW".
_BEFORE_SYMBOL_RE = re.compile(
    rf"(?:(?P<type>(?i:{_TYPE_WORDS}))\s+)?(?P<so>(?i:số)\s*:?\s*)?"
    r"(?P<shared>(?:\d{1,4}\s*(?:,|và)\s*)*)$")
_SHARED_NUMBER_RE = re.compile(r"\d{1,4}")

_CODE_ALT = "|".join(sorted((re.escape(c) for c in CODES), key=len, reverse=True))
# 155-KH/TU, 05-CT/TW, 22-HD/BTCTU, 05-QC/BTCTU-BDVTU, 08-QĐi/TW
SYMBOL_RE = re.compile(
    rf"(?<![\w/.,-])(?P<num>\d{{1,4}})\s?-\s?(?P<code>(?i:{_CODE_ALT}))\s?/\s?"
    r"(?P<issuer>[A-ZĐ][A-Za-zĐđ]{0,9}(?:-[A-ZĐ][A-Za-zĐđ]{0,9})*)(?![\w/])")

# The same symbol written the state way round by some news sites: "26/NQ-TW", "05/CT-TW".
# Only with a party issuer (state documents end in UBND, CP, TTg...: never party documents).
_PARTY_ISSUER = r"(?:[A-ZĐ]{0,6}(?:TW|TU|HU|QU|ThU)|ĐUK|ĐU|CB|BCSĐ|ĐĐ|ĐUCA)"
SLASH_SYMBOL_RE = re.compile(
    rf"(?<![\w/.,-])(?P<num>\d{{1,4}})\s?/\s?(?P<code>(?i:{_CODE_ALT}))\s?-\s?"
    rf"(?P<issuer>{_PARTY_ISSUER})(?![\w/-])")

# A date attached to a reference: ", ngày 08/7/2019", " ban hành ngày 4-7-2011",
# " ngày 03 tháng 4 năm 2018".
DATE_TAIL_RE = re.compile(
    r"\s*,?\s*(?:(?i:ban\s+hành|ký)\s+)?(?i:ngày)\s+"
    r"(?P<d>\d{1,2})(?:\s?[/.-]\s?|\s+tháng\s+)(?P<m>\d{1,2})(?:\s?[/.-]\s?|\s+năm\s+)"
    r"(?P<y>(?:19|20)\d{2})(?!\d)")
# "ngày 4-7-2011 Đảng ủy Khối đã ban hành " right before the reference.
DATE_BEFORE_RE = re.compile(
    r"(?i:ngày)\s+(?P<d>\d{1,2})(?:\s?[/.-]\s?|\s+tháng\s+)(?P<m>\d{1,2})"
    r"(?:\s?[/.-]\s?|\s+năm\s+)(?P<y>(?:19|20)\d{2})[^.;:]{0,80}?(?i:ban\s+hành|ký)\s+$")

# Who issued it, in words. A body of the committee (Ban Tổ chức...), a collective
# (Ban Thường vụ...), then the committee itself. DOMAIN.md §2.5.
_BODY = (r"(?P<body>ban\s+tổ\s+chức|ban\s+tuyên\s+giáo\s+và\s+dân\s+vận|ban\s+tuyên\s+giáo"
         r"|ban\s+dân\s+vận|ban\s+nội\s+chính|ban\s+kinh\s+tế|ủy\s+ban\s+kiểm\s+tra|văn\s+phòng)")
_COLLECTIVE = (r"(?P<collective>tập\s+thể\s+ban\s+thường\s+vụ|ban\s+thường\s+vụ|thường\s+trực"
               r"|ban\s+chấp\s+hành|(?-i:BCH|BTV))")
_COMMITTEE = (r"(?P<committee>bộ\s+chính\s+trị|ban\s+bí\s+thư|quân\s+ủy\s+trung\s+ương"
              r"|hội\s+nghị\s+(?:lần\s+thứ\s+\w+\s+)?(?:(?:ban\s+chấp\s+hành|bch)\s+)?trung\s+ương"
              r"|đảng\s+ủy\s+công\s+an\s+trung\s+ương|trung\s+ương|(?-i:TƯ|TW)"
              r"|tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|quận\s+ủy|thị\s+ủy|đảng\s+ủy\s+khối|đảng\s+ủy"
              r"|chi\s+bộ|đảng\s+đoàn|ban\s+cán\s+sự\s+đảng"
              r"|đảng\s+bộ\s+(?:tỉnh|thành\s+phố|(?-i:TP)|huyện|quận|thị\s+xã|khối))")
ISSUER_WORDS = rf"(?:{_BODY}\s+)?(?:{_COLLECTIVE}\s+)?{_COMMITTEE}(?!\w)"
ISSUER_WORDS_RE = re.compile(ISSUER_WORDS, re.I)
# "... của Bộ Chính trị", "..., do Ban Thường vụ Tỉnh ủy"
OF_ISSUER_RE = re.compile(rf"\s*,?\s*(?:của|do)\s+{ISSUER_WORDS}", re.I)
# "Bộ Chính trị ban hành " right before the reference.
# The committee may be followed by its place: "Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành".
ISSUER_BEFORE_RE = re.compile(
    rf"{ISSUER_WORDS}(?:\s+(?-i:{UPPER})[^\W\d_]*){{0,3}}\s+(?:(?:đã|vừa|mới|cũng|đã\s+từng)\s+)*"
    r"(?:ký\s+)?ban\s+hành\s+(?:(?:các|những)\s+)?$", re.I)

_COMMITTEE_CODES = [
    (r"bộ chính trị|ban bí thư|ban chấp hành trung ương|trung ương|tư|tw|hội nghị .*trung ương", "TW"),
    (r"quân ủy trung ương", "QUTW"),
    (r"đảng ủy công an trung ương", "ĐUCA"),
    (r"tỉnh ủy|thành ủy|đảng bộ tỉnh|đảng bộ thành phố|đảng bộ tp", "TU"),
    (r"huyện ủy|đảng bộ huyện", "HU"),
    (r"quận ủy|đảng bộ quận", "QU"),
    (r"thị ủy|đảng bộ thị xã", "ThU"),
    (r"đảng ủy khối|đảng bộ khối", "ĐUK"),
    (r"đảng ủy", "ĐU"),
    (r"chi bộ", "CB"),
    (r"đảng đoàn", "ĐĐ"),
    (r"ban cán sự đảng", "BCSĐ"),
]
_BODY_CODES = {"ban tổ chức": "BTC", "ban tuyên giáo": "BTG", "ban tuyên giáo và dân vận": "BTGDV",
               "ban dân vận": "BDV", "ban nội chính": "BNC", "ban kinh tế": "BKT",
               "ủy ban kiểm tra": "UBKT", "văn phòng": "VP"}


def issuer_code(match: re.Match) -> str:
    """Issuer code of an ISSUER_WORDS match: "Ban Tổ chức Tỉnh ủy" -> "BTCTU"."""
    committee = " ".join(match.group("committee").lower().split())
    code = next(c for words, c in _COMMITTEE_CODES if re.fullmatch(words, committee))
    body = match.group("body")
    if body:
        code = _BODY_CODES[" ".join(body.lower().split())] + code
    return code


# After a type word: " số 15", " 05"; not the start of a symbol ("15-NQ/TU") or of a state
# number ("1234/QĐ-UBND"), not a duration ("Báo cáo 6 tháng", "Kế hoạch 5 năm").
BARE_NUMBER_RE = re.compile(
    r"\s+(?:(?i:số)\s*:?\s*)?(?P<num>\d{1,4})(?![\d\w]|[.,]\d|\s?[-/]\s?\w)"
    r"(?!\s+(?i:năm|tháng|quý|ngày(?!\s+\d)|tuần|nội\s+dung|điểm|giải\s+pháp|nhiệm\s+vụ"
    r"|đảng\s+viên|quần\s+chúng|người|tổ\s+chức|chi\s+bộ|đảng\s+bộ)(?!\w)|\s?%)")

_ROMAN = r"[IVX]{1,6}(?![\w])"
_WORD_NUMBERS = "|".join(sorted((w.replace(" ", r"\s+") for w in WORD_ORDINALS),
                                key=len, reverse=True))
_CENTRAL = r"(?:Trung\s+ương|(?-i:TƯ|TW)|BCH\s+Trung\s+ương|Ban\s+Chấp\s+hành\s+Trung\s+ương)"
# Plenum resolutions:
#   Nghị quyết Trung ương 4 khóa XII / Nghị quyết TƯ 4 (khóa XI, XII)
#   Nghị quyết Hội nghị Trung ương 7 khóa XII / Nghị quyết Hội nghị lần thứ tư Ban Chấp hành
#   Trung ương Đảng khóa XII / Nghị quyết Trung ương 6, 7 (khóa XII)
#   Nghị quyết Trung ương 6, Nghị quyết Trung ương 7 khóa XII / Trung ương 6, Trung ương 7
PLENUM_RE = re.compile(
    rf"""(?i:nghị\s+quyết|(?-i:NQ))\s+(?i:hội\s+nghị\s+)?
    (?:
        {_CENTRAL}(?:\s+Đảng)?\s*(?:(?i:lần\s+thứ)\s+(?P<nw>{_WORD_NUMBERS}|\d{{1,2}}|{_ROMAN})
                                   |(?P<n>\d{{1,2}}|{_ROMAN}))
      | (?i:lần\s+thứ)\s+(?P<nw2>{_WORD_NUMBERS}|\d{{1,2}}|{_ROMAN})\s+{_CENTRAL}(?:\s+Đảng)?
    )(?![\d%])
    (?P<chain>(?:\s*(?:,|và)\s*(?:(?:(?i:Nghị\s+quyết)\s+)?(?:(?i:Hội\s+nghị)\s+)?{_CENTRAL}\s*)?
        \d{{1,2}}(?![\d%]|\s+(?:năm|tháng|ngày|đơn|người|đảng|tổ|xã|chi)(?!\w)))*)
    (?P<terms>\s*[(,]?\s*(?i:khóa)\s+(?:{_ROMAN}|\d{{1,2}}(?!\d))
        (?:\s*(?:,|và)\s*(?:{_ROMAN}|\d{{1,2}}(?!\d)))*(?:\s*\))?)?
    """, re.X)
_CHAIN_ITEM_RE = re.compile(r"\d{1,2}")
_TERM_ITEM_RE = re.compile(r"[IVX]{1,6}(?!\w)|\d{1,2}(?!\d)")


@dataclass
class _Mention:
    start: int
    end: int
    type: str
    type_code: str
    number: str | None
    issuer: str | None
    date: date | None = None
    plenum: int | None = None
    term: int | None = None
    # True when the issuer was named in words ("của Ban Thường vụ Thành ủy"): only such an
    # issuer is shared with a bare reference tied to it.
    issuer_in_words: bool = False

    def key(self) -> tuple:
        number = (self.number.lstrip("0") or "0") if self.number else None
        return (self.type, number, self.issuer, self.plenum, self.term)


def _date_from(match: re.Match | None) -> date | None:
    if not match:
        return None
    try:
        return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def _sentence_window(text: str, para_start: int, start: int, size: int = 120) -> str:
    window_start = max(para_start, start - size)
    window = text[window_start:start]
    cut = max(window.rfind(". "), window.rfind(";"), window.rfind("? "), window.rfind("! "))
    return window[cut + 1:] if cut >= 0 else window


def _symbol_mentions(text: str, ps: int, pe: int) -> list[_Mention]:
    out = []
    matches = sorted([*SYMBOL_RE.finditer(text, ps, pe), *SLASH_SYMBOL_RE.finditer(text, ps, pe)],
                     key=lambda m: m.start())
    for m in matches:
        name, code = CODES[m.group("code").upper()]
        before = _BEFORE_SYMBOL_RE.search(text, max(ps, m.start() - 40), m.start())
        if before and before.group("shared") and not (before.group("type") or before.group("so")):
            before = None  # "đạt 12, 05-CT/TW": the numbers are not document numbers
        start = m.start()
        if before and before.group(0):
            start = before.start()
            if before.group("type"):
                word = " ".join(before.group("type").lower().split())
                word_name, _ = TYPES[word]
                # "Quy định số 08-QĐ/TW": the word tells Quy định from Quyết định.
                if code in ("QĐ", "QĐi") or word_name != name:
                    name = word_name
        end = m.end()
        tail = DATE_TAIL_RE.match(text, end, pe)
        when = _date_from(tail)
        if tail and when:
            end = tail.end()
        else:
            when = _date_from(DATE_BEFORE_RE.search(_sentence_window(text, ps, start)))
        issuer = m.group("issuer")
        if before and before.group("shared"):
            for number in _SHARED_NUMBER_RE.finditer(before.group("shared")):
                offset = before.start("shared") + number.start()
                out.append(_Mention(offset, offset + len(number.group(0)), name, code,
                                    number.group(0), issuer, when))
        out.append(_Mention(start, end, name, code, m.group("num"), issuer, when))
    return out


def _plenum_mentions(match: re.Match) -> list[_Mention]:
    """Documents of one PLENUM_RE match: every plenum of the chain times every term."""
    first_group = next(g for g in ("n", "nw", "nw2") if match.group(g))
    items = [(match.start(), match.end(first_group), _ordinal(match.group(first_group)))]
    chain_start = match.start("chain")
    for item in _CHAIN_ITEM_RE.finditer(match.group("chain") or ""):
        # The item's span starts after the previous item: trim the ", " or " và " between.
        s = items[-1][1]
        between = match.string[s:chain_start + item.start()]
        s += len(between) - len(between.lstrip(" ,"))
        if match.string.startswith("và ", s):
            s += 3
        items.append((s, chain_start + item.end(), int(item.group(0))))
    terms_text = match.group("terms")
    terms = [_ordinal(t) for t in _TERM_ITEM_RE.findall(terms_text)] if terms_text else [None]
    out = []
    for index, (s, e, plenum) in enumerate(items):
        if not plenum:
            continue
        if terms_text and index == len(items) - 1:
            e = match.end("terms")  # "Nghị quyết Trung ương 7 khóa XII"
        for term in terms:
            out.append(_Mention(s, e, "Nghị quyết", "NQ", None, "TW", None, plenum, term))
    return out


def _ordinal(text: str | None) -> int | None:
    if not text:
        return None
    text = " ".join(text.split())
    if text.isdigit():
        return int(text)
    return roman_to_int(text) or WORD_ORDINALS.get(text.lower())


def _typed_mentions(text: str, lower: str, ps: int, pe: int,
                    taken: list[tuple[int, int]]) -> list[_Mention]:
    """Plenum resolutions and numbers after a type word, outside spans already taken."""
    out: list[_Mention] = []
    busy_until = -1
    symbols = SpanSet(taken)

    for m in TYPE_WORD_RE.finditer(lower, ps, pe):
        if m.start() < busy_until or symbols.hits(m.start(), m.start() + 1):
            continue
        name, code = TYPES[" ".join(m.group(0).lower().split())]
        if code == "NQ":
            plenum = PLENUM_RE.match(text, m.start(), pe)
            if plenum:
                out.extend(_plenum_mentions(plenum))
                busy_until = plenum.end()
                continue
        bare = BARE_NUMBER_RE.match(text, m.end(), pe)
        if not bare:
            continue
        end = bare.end()
        tail = DATE_TAIL_RE.match(text, end, pe)
        when = _date_from(tail)
        if tail and when:
            end = tail.end()
        issuer = None
        of = OF_ISSUER_RE.match(text, end, pe)
        if of:
            issuer = issuer_code(of)
            end = of.end()
        in_words = bool(of)
        if of is None:
            window = _sentence_window(text, ps, m.start())
            before = ISSUER_BEFORE_RE.search(window)
            if before:
                issuer = issuer_code(before)
        if when is None:
            when = _date_from(DATE_BEFORE_RE.search(_sentence_window(text, ps, m.start())))
        busy_until = end
        out.append(_Mention(m.start(), end, name, code, bare.group("num"), issuer, when,
                            issuer_in_words=in_words))
    return out


# Words that tie two references together: "Chỉ thị 15 gắn với Nghị quyết 15 của ...".
_TIED_RE = re.compile(r"\s*(?:,|và|gắn\s+với|cùng\s+với|với|kết\s+hợp\s+với)\s*", re.I)


def _resolve(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Fill plenum terms and bare issuers from the rest of the text; drop the unidentified."""
    # Plenum without a term: the nearest earlier mention of that plenum with a term, else later.
    last_term: dict[int, int] = {}
    waiting: dict[int, list[_Mention]] = {}
    for mention in mentions:
        if mention.plenum is None:
            continue
        if mention.term is not None:
            last_term[mention.plenum] = mention.term
            for earlier in waiting.pop(mention.plenum, []):
                earlier.term = mention.term
        elif mention.plenum in last_term:
            mention.term = last_term[mention.plenum]
        else:
            waiting.setdefault(mention.plenum, []).append(mention)

    # A bare number: the issuer of the same type and number elsewhere in the text.
    issuers: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for mention in mentions:
        if mention.number and mention.issuer:
            key = (mention.type, mention.number.lstrip("0"))
            issuers.setdefault(key, []).append((mention.start, mention.issuer))
    for index, mention in enumerate(mentions):
        if mention.issuer or not mention.number:
            continue
        known = issuers.get((mention.type, mention.number.lstrip("0")))
        if known:
            # The nearest earlier mention that names the issuer, else the first later one.
            i = bisect.bisect_left(known, (mention.start, "")) - 1
            mention.issuer = known[max(i, 0)][1]
            continue
        # Tied to the next reference, which names its issuer.
        if index + 1 < len(mentions):
            following = mentions[index + 1]
            between = text[mention.end:following.start]
            if following.issuer_in_words and _TIED_RE.fullmatch(between):
                mention.issuer = following.issuer
    return [m for m in mentions if m.issuer]


def find_documents(prepared: Prepared, links: list | None = None
                   ) -> tuple[list[Document], list[tuple[int, int]]]:
    """Document references, once each, in order of first mention, and the NFC spans of every
    reference (kept or not) so that other extractors leave those numbers alone. When `links`
    is a list, the links between the references (links.py) are appended to it."""
    text = prepared.canon
    mentions: list[_Mention] = []
    for ps, pe in prepared.paragraphs:
        symbols = _symbol_mentions(text, ps, pe)
        taken = [(s.start, s.end) for s in symbols]
        typed = _typed_mentions(text, prepared.lower, ps, pe, taken)
        mentions.extend(sorted(symbols + typed, key=lambda m: m.start))
    all_spans = [(m.start, m.end) for m in mentions]
    resolved = _resolve(mentions, text)

    documents: dict[tuple, Document] = {}
    for mention in resolved:
        key = mention.key()
        if key in documents:
            document = documents[key]
            if document.date is None and mention.date is not None:
                document.date = mention.date
            continue
        start, end, original = prepared.span(mention.start, mention.end)
        document = Document(original, start, end, mention.type, mention.type_code,
                            mention.number, mention.issuer, mention.date,
                            mention.plenum, mention.term)
        documents[key] = document
    if links is not None:
        links.extend(_links(prepared, resolved, documents))
    return list(documents.values()), all_spans


def _reference(document: Document) -> dict:
    """How a link names a document: the keys of the scored schema and its first wording."""
    out = {"type": document.type, "type_code": document.type_code, "number": document.number,
           "issuer_code": document.issuer_code, "date": document.date.isoformat() if document.date else None,
           "text": document.text}
    if document.plenum is not None:
        out["plenum"], out["term"] = document.plenum, document.term
    return out


def _links(prepared: Prepared, resolved: list[_Mention], documents: dict) -> list[DocumentLink]:
    out: dict[tuple, DocumentLink] = {}
    for start, end, kind, source, target in find_links(prepared.canon, prepared.paragraphs, resolved,
                                                        lambda m: m.key()):
        key = (kind, source.key() if source else None, target.key())
        if key in out:
            continue
        a, b, original = prepared.span(start, end)
        out[key] = DocumentLink(original, a, b, kind,
                                _reference(documents[source.key()]) if source else None,
                                _reference(documents[target.key()]))
    return list(out.values())
