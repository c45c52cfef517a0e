"""{% page_assets %}: the stylesheet and scripts of the npm libraries (Chart.js, flatpickr) and
of core/ui.js, for base.html.

A library that is not there (node_modules not installed, or not collected) is left out instead
of breaking every page: the pages then show the tables under the charts and plain date fields.
"""
from __future__ import annotations

import logging
from functools import cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join

register = template.Library()
log = logging.getLogger(__name__)

STYLESHEETS = ["vendor/flatpickr/flatpickr.min.css"]
SCRIPTS = ["vendor/chart.js/chart.umd.min.js", "vendor/flatpickr/flatpickr.min.js", "vendor/flatpickr/l10n/vn.js",
           "core/ui.js"]


@cache
def _url(name: str) -> str | None:
    if not hasattr(staticfiles_storage, "manifest_name") and not finders.find(name):
        log.warning("Static file %s is missing (run `make setup`)", name)
        return None
    try:
        return static(name)
    except ValueError:  # the manifest of collectstatic does not list it
        log.warning("Static file %s was not collected (run `make setup`, then collectstatic)", name)
        return None


@register.simple_tag
def page_assets() -> str:
    if settings.DEBUG:
        _url.cache_clear()  # development: `npm ci` may run while the server is up
    sheets = [url for url in map(_url, STYLESHEETS) if url]
    scripts = [url for url in map(_url, SCRIPTS) if url]
    return format_html_join("", '<link rel="stylesheet" href="{}">\n', ((u,) for u in sheets)) + \
        format_html_join("", '<script src="{}" defer></script>\n', ((u,) for u in scripts))
