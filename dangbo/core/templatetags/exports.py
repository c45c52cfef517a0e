"""{% export_link %}: the «Xuất Excel» button of a list page (core/list_export.py)."""
from django import template
from django.utils.html import format_html

from dangbo.core.list_export import export_query

register = template.Library()


@register.simple_tag(takes_context=True)
def export_link(context, label: str = "Xuất Excel"):
    """A link to the page itself with the same filters and ?format=xlsx."""
    request = context["request"]
    return format_html('<a class="button export-xlsx" href="{}?{}" download>{}</a>', request.path,
                       export_query(request.GET), label)
