"""Accent-insensitive document search: "nghi quyet 02" finds "Nghị quyết số 02-NQ/ĐUK".

Each document keeps `search_text`, the folded (no diacritics, lower case, "đ" -> "d") number,
type name, issuer, khóa, title and text (core.vn.fold). A query is folded the same way and
every word must occur (AND of words, substring match so "02" meets "02-nq/duk"). On
PostgreSQL a trigram GIN index (migration 0002) serves the LIKE '%word%' filters.

Ranking, best first (then newest first): a query that is itself a document number ("số
2-nq/duk") lists that number first; then documents whose number (sequence) is a number of the
query AND whose kind the query names ("nghi quyet 02", "nq 02": 02-NQ/…), then those with only
the number (02-KL/TU), then the rest (a query naming a kind and no number: that kind first).
Each rank is its own query ordered by date (RankedResults), so a page stops early on an index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from dangbo.core import validation, vn
from dangbo.documents import numbering
from dangbo.documents.models import Document

MAX_WORDS = 12


def query_words(text: str) -> list[str]:
    words = [w.strip(",;.:()«»\"'") for w in vn.fold(text).split()]
    return [w for w in words if w][:MAX_WORDS]


@dataclass(frozen=True)
class QueryTerms:
    """What a query says about the number and the kind of the document it looks for."""

    numbers: frozenset[int] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)  # DocumentType keys


_NUMBER_WORD = re.compile(r"^(\d{1,5})(?:[-/]([a-z]+))?")
_KINDS_BY_CODE: dict[str, set[str]] = {}
for _type in numbering.DOCUMENT_TYPES:
    for _code in _type.codes:
        _KINDS_BY_CODE.setdefault(vn.fold(_code), set()).add(_type.key)
# A code that folds to an everyday word ("đã" -> "da", the code of Đề án) names a kind only
# when written with a number ("02-ĐA").
_CODES_ALSO_WORDS = frozenset({"da"})


def query_terms(text: str) -> QueryTerms:
    """"nghi quyet 02" -> numbers {2}, kinds {nghi_quyet}; "02-kl" -> {2}, {ket_luan};
    "qd 15" -> {15}, {quyet_dinh, quy_dinh} (QĐ is the code of both)."""
    words = query_words(text)
    numbers, kinds = set(), set()
    for index, word in enumerate(words):
        match = _NUMBER_WORD.match(word)
        if match and (match.end() == len(word) or match.group(2)):
            if int(match.group(1)):
                numbers.add(int(match.group(1)))
            if match.group(2):
                kinds |= _KINDS_BY_CODE.get(match.group(2), set())
            continue
        if word not in _CODES_ALSO_WORDS:
            kinds |= _KINDS_BY_CODE.get(word, set())
        if index + 1 < len(words):
            named = numbering.type_for_name(f"{word} {words[index + 1]}")
            if named is not None:
                kinds.add(named.key)
    return QueryTerms(frozenset(numbers), frozenset(kinds))


def required_words(words: list[str]) -> list[str]:
    """The words every document found must contain: "số" before a number ("Nghị quyết số 02")
    only introduces the number, as people write it, and is not required."""
    return [w for i, w in enumerate(words)
            if not (w == "so" and i + 1 < len(words) and words[i + 1][:1].isdigit())]


def search_documents(queryset: QuerySet[Document], text: str) -> QuerySet[Document] | RankedResults:
    words = required_words(query_words(text))
    if not words:
        return queryset
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    try:
        exact = numbering.canonical(text)
    except numbering.DocumentNumberError:
        exact = None
    if exact:
        condition |= Q(number=exact)
    return RankedResults(queryset.filter(condition), query_terms(text), exact)


class RankedResults:
    """The matches in rank order, sliced like a queryset (`results[50:101]` -> a list).

    The ranks are consecutive parts, each a query ordered newest first: the exact number;
    the query's number and kind; its number only; its kind only (when no number); the rest.
    One ORDER BY over a computed rank would read and sort every match (1,1 s for 150.000
    matches of "nghi quyet 02" in 400.000 documents); parts ordered by date stop after the
    rows of the page (1 ms), on the issued_on index and the (sequence, issued_on) index.
    """

    ORDER = ("-issued_on", "-id")

    def __init__(self, matches: QuerySet[Document], terms: QueryTerms, exact: str | None = None):
        self.matches = matches
        self.parts: list[QuerySet[Document]] = []
        rest = matches
        if exact:
            self.parts.append(matches.filter(number=exact))
            rest = rest.exclude(number=exact)
        if terms.numbers:
            numbered = rest.filter(sequence__in=sorted(terms.numbers))
            if terms.kinds:
                self.parts.append(numbered.filter(doc_type__in=sorted(terms.kinds)))
                numbered = numbered.exclude(doc_type__in=sorted(terms.kinds))
            self.parts.append(numbered)
            rest = rest.exclude(sequence__in=sorted(terms.numbers))
        elif terms.kinds:
            self.parts.append(rest.filter(doc_type__in=sorted(terms.kinds)))
            rest = rest.exclude(doc_type__in=sorted(terms.kinds))
        self.parts.append(rest)
        self.parts = [part.order_by(*self.ORDER) for part in self.parts]

    def __getitem__(self, item: slice) -> list[Document]:
        """Rows start..stop: the ids part after part (narrow rows, each part stopping at
        `stop`), then the documents of the page in one query."""
        if not isinstance(item, slice) or item.step not in (None, 1):
            raise TypeError("RankedResults takes a slice [start:stop]")
        start, stop = max(0, item.start or 0), item.stop
        ids: list[int] = []
        for part in self.parts:
            if stop is not None and stop <= 0:
                break
            got = list(part.values_list("pk", flat=True)[:stop] if stop is not None
                       else part.values_list("pk", flat=True))
            ids += got[start:]
            start = max(0, start - len(got))
            stop = None if stop is None else stop - len(got)
        found = self.matches.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        return iter(self[0:None])


@dataclass
class DocumentFilter:
    q: str = ""
    doc_type: str = ""
    status: str = ""
    year: int | None = None
    issuer_id: int | None = None
    khoa: int | None = None

    @classmethod
    def from_params(cls, params) -> DocumentFilter:
        def number(name, minimum=1, maximum=validation.ID_MAX):
            return validation.int_param(params.get(name), minimum, maximum)

        year = (validation.YEAR_MIN, validation.YEAR_MAX)
        return cls(q=vn.nfc(params.get("q", "")), doc_type=params.get("loai", "") or params.get("doc_type", ""),
                   status=params.get("trang_thai", "") or params.get("status", ""),
                   year=number("nam", *year) or number("year", *year),
                   issuer_id=number("co_quan") or number("issuer_id"), khoa=number("khoa", 1, validation.ORDINAL_MAX))

    def apply(self, queryset: QuerySet[Document]) -> QuerySet[Document]:
        if self.doc_type:
            queryset = queryset.filter(doc_type=self.doc_type)
        if self.status:
            queryset = queryset.filter(status=self.status)
        if self.year:
            queryset = queryset.filter(issued_on__year=self.year)
        if self.issuer_id:
            queryset = queryset.filter(issuer_id=self.issuer_id)
        if self.khoa:
            queryset = queryset.filter(khoa=self.khoa)
        return search_documents(queryset, self.q)
