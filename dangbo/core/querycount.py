"""Test helper: a page's query count must not grow with the number of rows it shows.

    assert_queries_do_not_grow(client, url, add_rows=lambda: make_member(cell, "Lê Văn Mới"))

requests `url` once (warm), counts its queries, calls `add_rows()` (more rows that the page
will show: members, child units, ratings...), requests it again and compares. A page that
runs one query per row fails with both counts in the message.
"""
from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured.captured_queries)


def assert_queries_do_not_grow(client, url: str, add_rows: Callable[[], object], times: int = 3) -> None:
    client.get(url)  # sessions, caches and lazy imports out of the way
    before = count_queries(client, url)
    for _ in range(times):
        add_rows()
    after = count_queries(client, url)
    assert after <= before, f"{url}: {before} queries, {after} after adding {times}× more rows shown"
