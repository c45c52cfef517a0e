from django.urls import NoReverseMatch, reverse

# Domain apps shown in the top bar once they provide their index page.
APP_LINKS = [
    ("ratings:index", "Xếp loại chất lượng"),
    ("documents:index", "Văn bản"),
    ("congress:index", "Đại hội"),
    ("ingest:index", "Trích xuất"),
    ("meetings:index", "Sinh hoạt chi bộ"),
    ("admission:index", "Kết nạp đảng viên"),
    ("inspection:index", "Kiểm tra, kỷ luật"),
]


def app_links(request):
    links = []
    for name, label in APP_LINKS:
        try:
            links.append({"url": reverse(name), "label": label})
        except NoReverseMatch:
            continue
    return {"app_links": links}


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
