from django.utils.functional import SimpleLazyObject


def app_links(request):
    """The sections of the top menu this user may use (core.navigation, by the visibility table)."""
    from dangbo.core import navigation

    return {"app_links": SimpleLazyObject(lambda: navigation.menu(getattr(request, "scope", None)))}


def privacy_links(request):
    """Whether the top bar links the change log and the access log (by the visibility table)."""
    from django.utils.functional import SimpleLazyObject

    from dangbo.access.visibility import sees

    def links():
        scope = getattr(request, "scope", None)
        if scope is None:
            return {}
        return {"sees_change_log": sees(scope, "audit.AuditEntry"), "sees_access_log": sees(scope, "audit.AccessLogEntry")}

    return {"privacy": SimpleLazyObject(links)}
