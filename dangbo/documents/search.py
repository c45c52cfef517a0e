"""Accent-insensitive document search: "nghi quyet 02" finds "Nghị quyết số 02-NQ/ĐUK".

Each document keeps `search_text`, the folded (no diacritics, lower case, "đ" -> "d") number,
type name, issuer, khóa, title and text (core.vn.fold). A query is folded the same way and
every word must occur (AND of words, substring match so "02" meets "02-nq/duk"). A query that
is itself a document number ("số 2-nq/duk") also matches that exact number first. On
PostgreSQL a trigram GIN index (migration 0002) serves the LIKE '%word%' filters.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from dangbo.core import validation, vn
from dangbo.documents import numbering
from dangbo.documents.models import Document

MAX_WORDS = 12


def query_words(text: str) -> list[str]:
    words = [w.strip(",;.:()«»\"'") for w in vn.fold(text).split()]
    return [w for w in words if w][:MAX_WORDS]


def search_documents(queryset: QuerySet[Document], text: str) -> QuerySet[Document]:
    words = query_words(text)
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
        return queryset.filter(condition).annotate(
            exact_first=Case(When(number=exact, then=Value(0)), default=Value(1), output_field=IntegerField())
        ).order_by("exact_first", "-issued_on", "-id")
    return queryset.filter(condition)


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
