"""The member list's filters and keyset paging, shared by the page, the export and the API."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from dangbo.core import validation, vn
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs.models import OrgClosure

AGE_BANDS = {
    "duoi-30": ("Dưới 30 tuổi", None, 29),
    "30-45": ("Từ 30 đến 45 tuổi", 30, 45),
    "46-60": ("Từ 46 đến 60 tuổi", 46, 60),
    "tren-60": ("Trên 60 tuổi", 61, None),
}
PAGE_SIZE = 50


@dataclass
class MemberFilter:
    q: str = ""
    status: str = "active"  # "active", "all" or one MemberStatus value
    organization_id: int | None = None
    gender: str = ""
    age_band: str = ""

    @classmethod
    def from_params(cls, params) -> MemberFilter:
        org = params.get("org") or params.get("organization_id")
        return cls(
            q=vn.nfc(params.get("q", "")),
            status=params.get("status") or "active",
            organization_id=validation.int_param(org, 1),
            gender=params.get("gender", ""),
            age_band=params.get("age", "") or params.get("age_band", ""),
        )

    def apply(self, queryset: QuerySet[Member], today: date) -> QuerySet[Member]:
        if self.status == "active":
            queryset = queryset.filter(status__in=ACTIVE_STATUSES)
        elif self.status != "all":
            queryset = queryset.filter(status=self.status)
        if self.organization_id:
            queryset = queryset.filter(
                organization_id__in=OrgClosure.objects.filter(ancestor_id=self.organization_id).values("descendant_id")
            )
        if self.gender:
            queryset = queryset.filter(gender=self.gender)
        if self.age_band in AGE_BANDS:
            queryset = queryset.filter(_age_band_q(self.age_band, today))
        if self.q:
            queryset = queryset.filter(_search_q(self.q))
        return queryset

    def exact_matches(self, queryset: QuerySet[Member]) -> list[Member]:
        """The members whose citizen ID or party card number is the query itself: listed
        first, before the name matches. Two lookups on unique indexes; no partial number
        match, so a viewer who sees citizen IDs masked cannot read one digit by digit."""
        condition = _number_q(self.q)
        if condition is None:
            return []
        return list(queryset.filter(condition).order_by("sort_key", "id")[:10])


def _number_q(text: str) -> Q | None:
    """citizen_id or card_number equal to the query (spaces, dots ignored), when it can be one."""
    compact = text.replace(" ", "").replace(".", "").strip()
    if not compact or len(compact) > 20 or not any(ch.isdigit() for ch in compact):
        return None
    condition = Q(card_number=compact)
    if validation.is_ascii_digits(compact):
        condition |= Q(citizen_id=compact)
    return condition


def _search_q(text: str) -> Q:
    """Accent-insensitive name search; a citizen ID or party card number finds its member."""
    condition = Q(search_name__contains=vn.fold(text))
    number = _number_q(text)
    return condition | number if number is not None else condition


def search_page(queryset: QuerySet[Member], member_filter: MemberFilter, after: str | None,
                size: int = PAGE_SIZE) -> tuple[list[Member], str | None]:
    """page_after with the exact citizen ID / card number matches first on page 1, then the
    name matches in Vietnamese name order (the exact ones are left out of every page after)."""
    first = member_filter.exact_matches(queryset) if member_filter.q else []
    if not first:
        return page_after(queryset, after, size)
    rest = queryset.exclude(pk__in=[m.pk for m in first])
    if after:
        return page_after(rest, after, size)
    rows, cursor = page_after(rest, None, max(1, size - len(first)))
    return first + rows, cursor


def _age_band_q(band: str, today: date) -> Q:
    """Age in whole years between low and high -> a birth-date range (uses the birth_date index)."""
    _, low, high = AGE_BANDS[band]
    condition = Q()
    if low is not None:  # at least `low` years old: born on or before today minus low years
        condition &= Q(birth_date__lte=vn.add_months(today, -12 * low))
    if high is not None:  # at most `high`: born after today minus (high + 1) years
        condition &= Q(birth_date__gt=vn.add_months(today, -12 * (high + 1)))
    return condition


def _after(model, sort_key: str, pk: int) -> RawSQL:
    """`(sort_key, id) > (k, n)` as one row comparison: the (sort_key, id) index then bounds the
    scan (0,09 ms at row 500.000), where `a > x OR (a = x AND b > y)` reads from the start
    (772 ms). Row values work on PostgreSQL and SQLite (3.15+) alike."""
    table = connection.ops.quote_name(model._meta.db_table)
    return RawSQL(f"({table}.sort_key, {table}.id) > (%s, %s)", [sort_key, pk], output_field=BooleanField())


def page_after(queryset: QuerySet[Member], after: str | None, size: int = PAGE_SIZE) -> tuple[list[Member], str | None]:
    """Keyset paging in Vietnamese name order: fast on page 1 and page 100.000 alike.

    `after` is the cursor "<sort_key>.<id>" of the last row of the previous page.
    """
    queryset = queryset.order_by("sort_key", "id")
    if after and "." in after:
        key, _, pk = after.rpartition(".")
        if validation.is_ascii_digits(pk) and len(pk) <= 18:
            queryset = queryset.filter(_after(queryset.model, key, int(pk)))
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    cursor = f"{rows[-1].sort_key}.{rows[-1].pk}" if more and rows else None
    return rows, cursor
