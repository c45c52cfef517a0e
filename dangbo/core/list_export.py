"""«Xuất Excel» on every list page: exactly the rows the list shows after its filters, through
the viewer's scope, with personal fields masked as on the page.

A list view asks `wanted(request)` (the page's own URL with ``?format=xlsx``, so the export
carries the same filters as the page and needs no URL of its own) and answers with
`respond(...)`, handing it the list's queryset *before* any page limit and a function that
turns one row into the cells of the columns. Rows stream from the database
(``.iterator(chunk_size=...)``) into an openpyxl write-only workbook (core/tabular.py), so a
national list of millions of members is written in constant memory. The template shows the
link with ``{% load exports %}{% export_link %}``.

Every export is written to the access log (audit.access_log) with its filters and row count.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from dangbo.core import letterhead, tabular, vn

FORMAT_PARAM = "format"
XLSX = "xlsx"
PAGING_PARAMS = ("after", "page", FORMAT_PARAM)


def wanted(request) -> bool:
    return request.GET.get(FORMAT_PARAM) == XLSX


def export_query(get) -> str:
    """The list's query string with paging dropped and format=xlsx added."""
    params = get.copy()
    for name in PAGING_PARAMS:
        params.pop(name, None)
    params[FORMAT_PARAM] = XLSX
    return params.urlencode()


def rows_of(queryset: QuerySet | Iterable, row: Callable[[object], Sequence], chunk_size: int = tabular.BATCH_SIZE):
    """The cells of every row, streamed: a queryset is read in chunks, never all at once."""
    items = queryset.iterator(chunk_size=chunk_size) if isinstance(queryset, QuerySet) else queryset
    for item in items:
        yield row(item)


def in_chunks(queryset: QuerySet, size: int = tabular.BATCH_SIZE):
    """Lists of at most `size` objects, streamed: for rows that need a set-based look-up per
    chunk (deadlines, counts) without loading the whole list."""
    from itertools import islice

    items = queryset.iterator(chunk_size=size)
    while chunk := list(islice(items, size)):
        yield chunk


def respond(request, *, title: str, columns: Sequence[tabular.Col | str], rows: Iterable[Sequence],
            org=None, period: str = "", filename: str = "", note: str = ""):
    """The download of one list. `org` heads the sheet in the party layout (the list's
    organization, else the viewer's own top organization)."""
    from dangbo.audit import access_log
    from dangbo.audit.models import AccessKind

    org = org or top_organization(getattr(request, "scope", None))
    heading = sheet_heading(org, title, period=period, note=note)
    today = timezone.localdate()
    counted = access_log.Counted(rows)
    name = filename or f"{slugify(vn.fold(title)) or 'danh-sach'}-{today:%Y%m%d}.xlsx"
    response = tabular.xlsx_response(columns, counted, title, name, heading=heading)
    access_log.bulk(request, AccessKind.EXPORT, f"{title} (Excel)", filters=access_log.request_filters(request),
                    row_count=counted.count, organization_id=getattr(org, "pk", None))
    return response


def sheet_heading(org, title: str, *, period: str = "", note: str = "") -> tabular.Heading:
    """The title rows of a list sheet: the party letterhead of `org` when there is one."""
    today = timezone.localdate()
    if org is not None:
        return letterhead.sheet_heading(org, title, period=period, on=today, note=note)
    return tabular.Heading(title, period=period, on=today, note=note)


def top_organization(scope):
    """The highest organization the viewer works for (one root of the scope), if any."""
    if scope is None or scope.is_admin:
        return None  # an administrator exports for no particular committee
    return scope.root_organizations().order_by("depth", "pk").first()