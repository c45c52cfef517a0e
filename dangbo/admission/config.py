"""The admission rules' parameters from `settings.DANGBO_RULES` (the (U) points of DOMAIN.md §3)."""
from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from dangbo.admission import rules
from dangbo.admission.calendar import PACKAGED_DIR, load_calendar
from dangbo.core.vn import parse_date


def value(key: str):
    return settings.DANGBO_RULES[key]


def deadlines() -> rules.Deadlines:
    return rules.Deadlines(
        decision_days=value("admission_decision_days"),
        decision_extension_days=value("admission_decision_extension_days"),
        ceremony_days=value("admission_ceremony_days"),
        recognition_days=value("admission_recognition_days"),
        recognition_decision_days=value("admission_recognition_decision_days"),
    )


def calendar() -> rules.WorkingCalendar:
    dirs = tuple(value("admission_holiday_dirs")) or (str(PACKAGED_DIR),)
    return _calendar(dirs, tuple(value("admission_extra_days_off")))


@lru_cache(maxsize=4)
def _calendar(dirs: tuple[str, ...], extra: tuple[str, ...]) -> rules.WorkingCalendar:
    return load_calendar(dirs, extra_days_off=[parse_date(day) for day in extra])
