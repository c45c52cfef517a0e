"""The work queue ("Việc cần làm") on each user's home page.

Every app may declare what is due for a user in `dangbo/<app>/workqueue.py`::

    def items(scope, today) -> list[WorkItem]: ...

The home page collects the items of every installed app, overdue ones first. Each provider
answers with counts from a few set-based queries over the user's scope (never one query per
row) and links each count to the list where the work is done.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from importlib import import_module

from django.conf import settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkItem:
    area: str          # "Xếp loại chất lượng", "Văn bản", ...
    text: str          # "Đảng bộ xã Bình Lư: 12 đảng viên chưa được xếp loại năm 2025"
    count: int
    url: str
    overdue: bool = False


def _providers():
    for app in settings.DANGBO_APPS:
        if app == __name__.rsplit(".", 1)[0]:
            continue  # this module is the registry itself
        try:
            module = import_module(f"{app}.workqueue")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.workqueue":
                raise
            continue
        yield app, module.items


def items_for(scope, today: date) -> list[WorkItem]:
    if scope.is_empty:
        return []
    collected: list[WorkItem] = []
    for app, provider in _providers():
        collected.extend(item for item in provider(scope, today) if item.count)
    return sorted(collected, key=lambda item: (not item.overdue, item.area))
