from django.urls import NoReverseMatch, reverse

# Domain apps shown in the top bar once they provide their index page.
APP_LINKS = [
    ("ratings:index", "Xếp loại chất lượng"),
    ("documents:index", "Văn bản"),
    ("congress:index", "Đại hội"),
    ("ingest:index", "Trích xuất"),
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
