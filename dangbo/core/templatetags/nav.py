"""{% breadcrumbs %}: the one breadcrumb trail of every page (dangbo.core.navigation).

    {% breadcrumbs %}                   section › organization path of the page's organization
    {% breadcrumbs congress round %}    … › then these objects (each a link to its page)
    {% breadcrumbs org=unit %}          the organization named explicitly
    {% breadcrumbs label="Hội nghị" url=list_url %}
                                        … › one more crumb after the organization path
    {% breadcrumbs org_link="ratings:dashboard" year=year %}
                                        the organizations link to that page of theirs (pk, year)
    {% breadcrumbs org_param="to_chuc" year_param="nam" year=year %}
                                        the organizations link to this page for them (?to_chuc=pk&nam=year)

A view may instead put a ready list in the context as `breadcrumbs` (navigation.trail).
"""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from dangbo.core import navigation

register = template.Library()


@register.inclusion_tag("core/_breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *objects, org=None, org_link=None, org_param=None, year=None, year_param=None,
                label=None, url=None):
    request = context.get("request")
    user = context.get("user")
    if request is None or not getattr(user, "is_authenticated", False):
        return {"crumbs": []}
    crumbs = context.get("breadcrumbs")
    if not crumbs:
        org_url = None
        if org_link:
            def org_url(o):
                return reverse(org_link, args=[o.pk, year] if year else [o.pk])
        elif org_param:
            def org_url(o):
                query = {org_param: o.pk} | ({year_param: year} if year_param and year else {})
                return f"{request.path}?{urlencode(query)}"
        extra = [navigation.Crumb(str(label), url)] if label else []
        crumbs = navigation.trail(request, org or navigation.organization_in(context), *extra, *objects,
                                  org_url=org_url)
    return {"crumbs": crumbs}
