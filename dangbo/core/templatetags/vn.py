"""Template filters for Vietnamese formats: {% load vn %} then |vn_number, |vn_percent, |vn_date, |roman."""
from django import template

from dangbo.core import vn

register = template.Library()


@register.filter
def vn_number(value, decimals=0):
    return vn.format_number(value, int(decimals))


@register.filter
def vn_percent(value, decimals=2):
    return vn.format_percent(value, int(decimals))


@register.filter
def vn_date(value):
    return vn.format_date(value)


@register.filter
def roman(value):
    return vn.to_roman(int(value)) if value else ""


@register.filter
def error_summary(form):
    """{{ form|error_summary }}: the lines of the error summary box (core/_form_errors.html)."""
    from dangbo.core.forms import error_summary as summary

    return summary(form) if form is not None and hasattr(form, "errors") else []
